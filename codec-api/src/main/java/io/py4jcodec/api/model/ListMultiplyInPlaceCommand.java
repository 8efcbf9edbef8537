package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Repeats the list in place ({@code count <= 0} clears it). The count is read as for {@link ListMultiplyCommand}.
 *
 * <pre>
 * l
 * i
 * &lt;listId&gt;
 * i&lt;count&gt;
 * e
 * </pre>
 *
 * <p>Answers !yv.
 *
 * @param listId raw list id
 * @param count repetitions
 */
public record ListMultiplyInPlaceCommand(String listId, int count) implements Command {
    public ListMultiplyInPlaceCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_MULTIPLY_IN_PLACE;
    }
}
