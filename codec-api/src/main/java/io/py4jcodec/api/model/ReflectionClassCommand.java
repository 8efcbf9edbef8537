package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The {@code java.lang.Class} object of a class.
 *
 * <pre>
 * r
 * c
 * &lt;class fqn&gt;
 * e
 * </pre>
 *
 * <p>Answers !yr&lt;id&gt;.
 *
 * @param className fully qualified class name
 */
public record ReflectionClassCommand(String className) implements Command {
    public ReflectionClassCommand {
        Objects.requireNonNull(className, "className");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.REFLECTION_CLASS;
    }
}
