package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The greatest element ({@code Collections.max}); the Python client never sends it.
 *
 * <pre>
 * l
 * x
 * &lt;listId&gt;
 * e
 * </pre>
 *
 * <p>Answers !y&lt;part&gt; or a bare !x.
 *
 * @param listId raw list id
 */
public record ListMaxCommand(String listId) implements Command {
    public ListMaxCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_MAX;
    }
}
