package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * A new list: the list repeated {@code count} times. Java reads the count by skipping the part's first character, whatever it is, and parsing the rest as an int; Python sends {@code i<n>}.
 *
 * <pre>
 * l
 * m
 * &lt;listId&gt;
 * i&lt;count&gt;
 * e
 * </pre>
 *
 * <p>Answers !ylo&lt;new&gt;.
 *
 * @param listId raw list id
 * @param count repetitions
 */
public record ListMultiplyCommand(String listId, int count) implements Command {
    public ListMultiplyCommand {
        Objects.requireNonNull(listId, "listId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.LIST_MULTIPLY;
    }
}
