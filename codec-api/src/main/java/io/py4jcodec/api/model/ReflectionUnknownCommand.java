package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Resolves a name through a JVM view's imports: a class or a package.
 *
 * <pre>
 * r
 * u
 * &lt;name&gt;
 * &lt;view part&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code r\nu\njava\nrj\ne\n -> !yp ; r\nu\nString\nrj\ne\n -> !ycjava.lang.String}.
 *
 * @param name simple or dotted name
 * @param jvmView typed part naming the view: {@code rj} for the default view
 */
public record ReflectionUnknownCommand(String name, Value jvmView) implements Command {
    public ReflectionUnknownCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jvmView, "jvmView");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.REFLECTION_UNKNOWN;
    }
}
