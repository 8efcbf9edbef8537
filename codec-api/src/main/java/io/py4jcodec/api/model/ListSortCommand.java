package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Sorts the list in place.
 *
 * <pre>
 * l
 * s
 * &lt;listId&gt;
 * e
 * </pre>
 *
 * <p>Answers !yv, or a bare !x.
 *
 * @param listId raw list id
 */
public record ListSortCommand(String listId) implements Command {
    public ListSortCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_SORT;
    }
}
