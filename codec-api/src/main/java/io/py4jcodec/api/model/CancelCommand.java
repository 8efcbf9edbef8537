package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Asks the Java server to close the connection selected by two ports (ClientServer Python client, on KeyboardInterrupt). Four lines, no {@code e}, no answer. Java parses both ports with {@code Integer.parseInt}.
 *
 * <pre>
 * z
 * &lt;address&gt;
 * &lt;remotePort&gt;
 * &lt;localPort&gt;
 * </pre>
 *
 * <p>Example: {@code z\n127.0.0.1\n53211\n25333\n}.
 *
 * @param address address line (unused by Java)
 * @param remotePort the Python socket's local port
 * @param localPort the Java server port
 */
public record CancelCommand(String address, int remotePort, int localPort) implements Command {
    public CancelCommand {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.CANCEL;
    }
}
