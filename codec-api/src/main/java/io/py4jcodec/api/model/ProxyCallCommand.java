package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * Java calls a method of a Python object (a proxy {@code p<n>}, or the Python entry point {@code t}). Arguments are encoded as Java encodes return values.
 *
 * <pre>
 * c
 * &lt;proxyId&gt;
 * &lt;method&gt;
 * &lt;part&gt;*
 * e
 * </pre>
 *
 * <p>Example: {@code c\np7\ncompare\nsa\\nb\nn\ne\n -> !yi-1}.
 *
 * @param proxyId proxy id ({@code p0}) or {@code t}
 * @param method method name
 * @param arguments typed parts
 */
public record ProxyCallCommand(String proxyId, String method, List<Value> arguments) implements Command {
    public ProxyCallCommand {
        Objects.requireNonNull(proxyId, "proxyId");
        Objects.requireNonNull(method, "method");
        arguments = List.copyOf(arguments);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.PROXY_CALL;
    }
}
