package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Java tells Python a proxy was garbage collected.
 *
 * <pre>
 * g
 * &lt;proxyId&gt;
 * e
 * </pre>
 *
 * <p>Answers a bare !y.
 *
 * @param proxyId proxy id
 */
public record ProxyGcCommand(String proxyId) implements Command {
    public ProxyGcCommand {
        Objects.requireNonNull(proxyId, "proxyId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.PROXY_GC;
    }
}
