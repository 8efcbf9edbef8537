package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Writes a public field (Java passes the value to {@code Field.set} unconverted).
 *
 * <pre>
 * f
 * s
 * &lt;targetId&gt;
 * &lt;field&gt;
 * &lt;part&gt;
 * e
 * </pre>
 *
 * <p>Answers !yv or !yo.
 *
 * @param targetId object id
 * @param field field name
 * @param value the new value
 */
public record FieldSetCommand(String targetId, String field, Value value) implements Command {
    public FieldSetCommand {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.FIELD_SET;
    }
}
