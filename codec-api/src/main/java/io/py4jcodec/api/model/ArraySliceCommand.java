package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A new array of the elements at the given indices.
 *
 * <pre>
 * a
 * l
 * &lt;arrayId&gt;
 * &lt;i index&gt;*
 * e
 * </pre>
 *
 * <p>Answers !yto&lt;new&gt;.
 *
 * @param arrayId raw array id
 * @param indices typed parts
 */
public record ArraySliceCommand(String arrayId, List<Value> indices) implements Command {
    public ArraySliceCommand {
        Objects.requireNonNull(arrayId, "arrayId");
        indices = List.copyOf(indices);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ARRAY_SLICE;
    }
}
