package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Reads one element.
 *
 * <pre>
 * a
 * g
 * &lt;arrayId&gt;
 * &lt;i index&gt;
 * e
 * </pre>
 *
 * <p>Answers !y&lt;part&gt;.
 *
 * @param arrayId raw array id
 * @param index typed part, {@code i} in practice
 */
public record ArrayGetCommand(String arrayId, Value index) implements Command {
    public ArrayGetCommand {
        Objects.requireNonNull(arrayId, "arrayId");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ARRAY_GET;
    }
}
