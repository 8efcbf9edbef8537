package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The help page of a class.
 *
 * <pre>
 * h
 * c
 * &lt;class fqn&gt;
 * &lt;pattern part&gt;
 * &lt;b shortName&gt;
 * e
 * </pre>
 *
 * <p>Answers !ys&lt;page&gt;.
 *
 * @param className fully qualified class name
 * @param pattern {@code n} or a string part
 * @param shortName boolean part
 */
public record HelpClassCommand(String className, Value pattern, Value shortName) implements Command {
    public HelpClassCommand {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(shortName, "shortName");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.HELP_CLASS;
    }
}
