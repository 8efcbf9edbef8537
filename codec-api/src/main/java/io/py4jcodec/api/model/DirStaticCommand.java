package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Names of a class's public static members.
 *
 * <pre>
 * d
 * s
 * &lt;class fqn&gt;
 * e
 * </pre>
 *
 * <p>Answers !ys&lt;names joined by LF&gt;.
 *
 * @param className fully qualified class name
 */
public record DirStaticCommand(String className) implements Command {
    public DirStaticCommand {
        Objects.requireNonNull(className, "className");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.DIR_STATIC;
    }
}
