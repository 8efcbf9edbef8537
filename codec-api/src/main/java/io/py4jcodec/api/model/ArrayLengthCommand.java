package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The array length. The sub-command letter is literally {@code e}.
 *
 * <pre>
 * a
 * e
 * &lt;arrayId&gt;
 * e
 * </pre>
 *
 * <p>Answers !yi&lt;length&gt;.
 *
 * @param arrayId raw array id
 */
public record ArrayLengthCommand(String arrayId) implements Command {
    public ArrayLengthCommand {
        Objects.requireNonNull(arrayId, "arrayId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ARRAY_LENGTH;
    }
}
