package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Reads a public field.
 *
 * <pre>
 * f
 * g
 * &lt;targetId&gt;
 * &lt;field&gt;
 * e
 * </pre>
 *
 * <p>Answers !y&lt;part&gt; or !yo (no such field).
 *
 * @param targetId object id
 * @param field field name
 */
public record FieldGetCommand(String targetId, String field) implements Command {
    public FieldGetCommand {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.FIELD_GET;
    }
}
