package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * Names imported in a view, if they changed since the sequence id Python last saw.
 *
 * <pre>
 * d
 * v
 * &lt;view part&gt;
 * &lt;last sequence part&gt;
 * e
 * </pre>
 *
 * <p>Example: {@code d\nv\nrj\nn\ne\n -> !ys4}.
 *
 * @param jvmView typed part naming the view
 * @param lastSequenceId {@code n} the first time, then the string part Python got back
 */
public record DirJvmViewCommand(Value jvmView, Value lastSequenceId) implements Command {
    public DirJvmViewCommand {
        Objects.requireNonNull(jvmView, "jvmView");
        Objects.requireNonNull(lastSequenceId, "lastSequenceId");
    }

    @Override
    public CommandKind kind() {
        return CommandKind.DIR_JVM_VIEW;
    }
}
