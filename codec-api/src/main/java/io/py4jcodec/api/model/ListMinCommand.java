package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The least element ({@code Collections.min}); the Python client never sends it.
 *
 * <pre>
 * l
 * n
 * &lt;listId&gt;
 * e
 * </pre>
 *
 * <p>Answers !y&lt;part&gt; or a bare !x.
 *
 * @param listId raw list id
 */
public record ListMinCommand(String listId) implements Command {
    public ListMinCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_MIN;
    }
}
