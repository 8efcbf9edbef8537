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
