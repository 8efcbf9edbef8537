package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Calls a method: on an object id, or a static method with target {@code z:<fqn>}.
 *
 * <pre>
 * c
 * &lt;targetId&gt;
 * &lt;method&gt;
 * &lt;part&gt;*
 * e
 * </pre>
 *
 * <p>Example: {@code c\nt\nadd\ni1\ni2\ne\n -> !yi3}.
 *
 * @param targetId object id ({@code t}, {@code o12}) or {@code z:<class fqn>}
 * @param method method name
 * @param arguments typed parts
 */
public record CallCommand(String targetId, String method, List<Value> arguments) implements Command {
    public CallCommand {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(method, "method");
        arguments = List.copyOf(arguments);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.CALL;
    }
}
