package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Calls a constructor.
 *
 * <pre>
 * i
 * &lt;class fqn&gt;
 * &lt;part&gt;*
 * e
 * </pre>
 *
 * <p>Example: {@code i\njava.util.ArrayList\ni5\ne\n -> !ylo0}.
 *
 * @param className fully qualified class name
 * @param arguments typed parts
 */
public record ConstructorCommand(String className, List<Value> arguments) implements Command {
    public ConstructorCommand {
        Objects.requireNonNull(className, "className");
        arguments = List.copyOf(arguments);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.CONSTRUCTOR;
    }
}
