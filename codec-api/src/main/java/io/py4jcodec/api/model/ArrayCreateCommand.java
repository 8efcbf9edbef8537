package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Creates an array. The component class travels as a typed string part ({@code sint}, {@code sjava.lang.String}); each dimension as an int part.
 *
 * <pre>
 * a
 * c
 * &lt;s class&gt;
 * &lt;i dim&gt;+
 * e
 * </pre>
 *
 * <p>Example: {@code a\nc\nsint\ni2\ni3\ne\n -> !yto1}.
 *
 * @param componentType typed part, a {@link StringValue} in practice
 * @param dimensions typed parts, {@code i} in practice
 */
public record ArrayCreateCommand(Value componentType, List<Value> dimensions) implements Command {
    public ArrayCreateCommand {
        Objects.requireNonNull(componentType, "componentType");
        dimensions = List.copyOf(dimensions);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ARRAY_CREATE;
    }
}
