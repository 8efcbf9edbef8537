package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Looks up a static member of a class: a static field's value, {@code !ym} for a static method, a bare {@code !yc} for a nested class. Java treats any sub-command letter other than {@code u} and {@code c} as this one.
 *
 * <pre>
 * r
 * m
 * &lt;class fqn&gt;
 * &lt;member&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code r\nm\njava.lang.Math\nmax\ne\n -> !ym}.
 *
 * @param className fully qualified class name
 * @param member member name
 */
public record ReflectionMemberCommand(String className, String member) implements Command {
    public ReflectionMemberCommand {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(member, "member");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.REFLECTION_MEMBER;
    }
}
