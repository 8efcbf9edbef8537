package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Releases a Java object id (Python sends it when a reference is garbage collected or detached).
 *
 * <pre>
 * m
 * d
 * &lt;objectId&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code m\nd\no12\ne\n -> !yv (also for unknown ids)}.
 *
 * @param objectId raw object id
 */
public record MemoryDeleteCommand(String objectId) implements Command {
    public MemoryDeleteCommand {
        Objects.requireNonNull(objectId, "objectId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.MEMORY_DELETE;
    }
}
