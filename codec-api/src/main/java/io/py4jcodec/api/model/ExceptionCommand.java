package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The stack trace of a Java exception that an earlier call returned as {@code !xr<id>}.
 *
 * <pre>
 * p
 * &lt;r part&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code p\nro4\ne\n -> !ys<trace>}.
 *
 * @param exception typed part, a {@link ReferenceValue} in practice
 */
public record ExceptionCommand(Value exception) implements Command {
    public ExceptionCommand {
        Objects.requireNonNull(exception, "exception");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.EXCEPTION;
    }
}
