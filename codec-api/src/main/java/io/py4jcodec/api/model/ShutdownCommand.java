package io.py4jcodec.api.model;

/**
 * Shuts the gateway down. One line, no {@code e}, no answer.
 *
 * <pre>
 * s
 * </pre>
 *
 * <p>No answer; Java closes every connection.
 */
public record ShutdownCommand() implements Command {
    public static final ShutdownCommand INSTANCE = new ShutdownCommand();

    @Override
    public CommandKind kind() {
        return CommandKind.SHUTDOWN;
    }
}
