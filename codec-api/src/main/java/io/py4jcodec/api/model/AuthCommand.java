package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Authenticates a connection. Python writes {@code A\n<token>\n} (no {@code e}); Java writes {@code A\n<token>\ne\n}. The token line is escaped like a string value.
 *
 * <pre>
 * A
 * &lt;escaped token&gt;
 * [e]
 * </pre>
 *
 * <p>Answers !yv, or !xsAuthentication error: bad auth token received. (Java) / !xn (Python).
 *
 * <p>On the wire the token is escaped (both peers escape it; the Python client's
 * {@code GatewayParameters} stores it escaped). {@link #token()} is the token unescaped, the value the
 * user configured. Compare that with the configured token: py4j's Java server instead compares the
 * line as received (escaped) with its unescaped configured token, so under py4j a token holding a
 * backslash, CR or LF never authenticates a Python client; every other token compares the same
 * either way (spec/PROTOCOL.md §8).
 *
 * @param token the token, unescaped
 */
public record AuthCommand(String token) implements Command {
    public AuthCommand {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.AUTH;
    }
}
