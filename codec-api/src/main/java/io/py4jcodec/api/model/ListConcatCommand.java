package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * A new list: the first list followed by the second.
 *
 * <pre>
 * l
 * a
 * &lt;listId&gt;
 * &lt;otherListId&gt;
 * e
 * </pre>
 *
 * <p>Answers !ylo&lt;new&gt;.
 *
 * @param listId raw id of the first list
 * @param otherListId raw id of the second list
 */
public record ListConcatCommand(String listId, String otherListId) implements Command {
    public ListConcatCommand {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(otherListId, "otherListId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_CONCAT;
    }
}
