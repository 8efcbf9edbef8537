package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Names of an object's public fields.
 *
 * <pre>
 * d
 * f
 * &lt;objectId&gt;
 * e
 * </pre>
 *
 * <p>Answers !ys&lt;names joined by LF&gt;.
 *
 * @param objectId raw object id
 */
public record DirFieldsCommand(String objectId) implements Command {
    public DirFieldsCommand {
        Objects.requireNonNull(objectId, "objectId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.DIR_FIELDS;
    }
}
