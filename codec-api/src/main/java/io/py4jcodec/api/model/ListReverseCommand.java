package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Reverses the list in place.
 *
 * <pre>
 * l
 * r
 * &lt;listId&gt;
 * e
 * </pre>
 *
 * <p>Answers !yv.
 *
 * @param listId raw list id
 */
public record ListReverseCommand(String listId) implements Command {
    public ListReverseCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_REVERSE;
    }
}
