package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Writes one element (converted with py4j's type converters).
 *
 * <pre>
 * a
 * s
 * &lt;arrayId&gt;
 * &lt;i index&gt;
 * &lt;part&gt;
 * e
 * </pre>
 *
 * <p>Answers !yv.
 *
 * @param arrayId raw array id
 * @param index typed part, {@code i} in practice
 * @param value the new element
 */
public record ArraySetCommand(String arrayId, Value index, Value value) implements Command {
    public ArraySetCommand {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ARRAY_SET;
    }
}
