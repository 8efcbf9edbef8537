package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Calls a method returning a {@code ReadableByteChannel}; after the answer {@code !yv} Java copies the channel's bytes to the socket with no framing.
 *
 * <pre>
 * S
 * &lt;targetId&gt;
 * &lt;method&gt;
 * &lt;part&gt;*
 * e
 * </pre>
 *
 * <p>Answers !yv followed by raw bytes.
 *
 * @param targetId object id or {@code z:<fqn>}
 * @param method method name
 * @param arguments typed parts
 */
public record StreamCommand(String targetId, String method, List<Value> arguments) implements Command {
    public StreamCommand {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(method, "method");
        arguments = List.copyOf(arguments);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.STREAM;
    }
}
