package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Creates a JVM view. Python writes the name as a string part ({@code scustom jvm}); Java reads that whole line through {@code StringUtil.unescape}, so the view's name on the Java side keeps the {@code s}.
 *
 * <pre>
 * j
 * c
 * &lt;s name&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code j\nc\nscustom jvm\ne\n -> !yro3}.
 *
 * @param name typed part, a {@link StringValue} as Python writes it
 */
public record JvmViewCreateCommand(Value name) implements Command {
    public JvmViewCreateCommand {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.JVM_VIEW_CREATE;
    }
}
