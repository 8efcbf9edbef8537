package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * The help page of an object's class.
 *
 * <pre>
 * h
 * o
 * &lt;objectId&gt;
 * &lt;pattern part&gt;
 * &lt;b shortName&gt;
 * e
 * </pre>
 *
 * <p>Answers !ys&lt;page&gt;.
 *
 * @param objectId raw object id
 * @param pattern {@code n} or a string part such as {@code sname(*}
 * @param shortName boolean part
 */
public record HelpObjectCommand(String objectId, Value pattern, Value shortName) implements Command {
    public HelpObjectCommand {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(shortName, "shortName");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.HELP_OBJECT;
    }
}
