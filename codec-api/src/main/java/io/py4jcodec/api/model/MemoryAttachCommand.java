package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The memory {@code attach} sub-command. Python defines it but never sends it; Java 0.10.9.9 answers {@code !xsUnknown Memory SubCommand Name: a}.
 *
 * <pre>
 * m
 * a
 * &lt;objectId&gt;
 * e
 * </pre>
 *
 * <p>Answers !xsUnknown Memory SubCommand Name: a.
 *
 * @param objectId raw object id
 */
public record MemoryAttachCommand(String objectId) implements Command {
    public MemoryAttachCommand {
        Objects.requireNonNull(objectId, "objectId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.MEMORY_ATTACH;
    }
}
