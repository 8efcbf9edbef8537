package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Counts the elements equal to a value ({@code Collections.frequency}).
 *
 * <pre>
 * l
 * f
 * &lt;listId&gt;
 * &lt;part&gt;
 * e
 * </pre>
 *
 * <p>Answers !yi&lt;count&gt;.
 *
 * @param listId raw list id
 * @param value the value to count
 */
public record ListCountCommand(String listId, Value value) implements Command {
    public ListCountCommand {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_COUNT;
    }
}
