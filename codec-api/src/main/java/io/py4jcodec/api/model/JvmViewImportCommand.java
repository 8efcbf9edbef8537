package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Adds an import to a view; a name ending in {@code *} is a star import. The import is an escaped raw line, with no type prefix.
 *
 * <pre>
 * j
 * i
 * &lt;view part&gt;
 * &lt;escaped import&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code j\ni\nrj\njava.util.*\ne\n -> !yv}.
 *
 * @param jvmView typed part naming the view ({@code rj}, {@code ro3})
 * @param importName the import, unescaped
 */
public record JvmViewImportCommand(Value jvmView, String importName) implements Command {
    public JvmViewImportCommand {
        Objects.requireNonNull(jvmView, "jvmView");
        Objects.requireNonNull(importName, "importName");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.JVM_VIEW_IMPORT;
    }
}
