package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Names of an object's public methods.
 *
 * <pre>
 * d
 * m
 * &lt;objectId&gt;
 * e
 * </pre>
 *
 * <p>Answers !ys&lt;names joined by LF&gt;.
 *
 * @param objectId raw object id
 */
public record DirMethodsCommand(String objectId) implements Command {
    public DirMethodsCommand {
        Objects.requireNonNull(objectId, "objectId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.DIR_METHODS;
    }
}
