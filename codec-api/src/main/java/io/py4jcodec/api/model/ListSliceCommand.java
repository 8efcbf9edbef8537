package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A new list of the elements at the given indices.
 *
 * <pre>
 * l
 * l
 * &lt;listId&gt;
 * &lt;i index&gt;*
 * e
 * </pre>
 *
 * <p>Answers !ylo&lt;new&gt;.
 *
 * @param listId raw list id ({@code o5}, no {@code r})
 * @param indices typed parts, {@code i} in practice
 */
public record ListSliceCommand(String listId, List<Value> indices) implements Command {
    public ListSliceCommand {
        Objects.requireNonNull(listId, "listId");
        indices = List.copyOf(indices);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_SLICE;
    }
}
