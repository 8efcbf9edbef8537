package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A command whose name the reading side does not know. Decoders produce it only when asked to keep
 * unknown commands (otherwise an unknown name is an error, as it is fatal for the real peers); its
 * frame is taken to run through the next {@code e} line.
 *
 * <pre>
 * &lt;name&gt;
 * &lt;line&gt;*
 * e
 * </pre>
 *
 * @param name  the first line
 * @param lines the raw lines after it, up to and not including the {@code e} line
 */
public record UnknownCommand(String name, List<String> lines) implements Command {
    public UnknownCommand {
        Objects.requireNonNull(name, "name");
        lines = List.copyOf(lines);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.UNKNOWN;
    }
}
