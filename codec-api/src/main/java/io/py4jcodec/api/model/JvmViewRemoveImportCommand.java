package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Removes an import from a view; the Python client never sends it.
 *
 * <pre>
 * j
 * r
 * &lt;view part&gt;
 * &lt;escaped import&gt;
 * e
 * </pre>
 *
 * <p>Answers !ybtrue or !ybfalse.
 *
 * @param jvmView typed part naming the view
 * @param importName the import, unescaped
 */
public record JvmViewRemoveImportCommand(Value jvmView, String importName) implements Command {
    public JvmViewRemoveImportCommand {
        Objects.requireNonNull(jvmView, "jvmView");
        Objects.requireNonNull(importName, "importName");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.JVM_VIEW_REMOVE_IMPORT;
    }
}
