package io.py4jcodec.api.model;

/**
 * The view search sub-command. Java 0.10.9.9 recognises the letter but implements nothing (it fails with a fatal error); no client sends it. Written, like every sub-command, with an {@code e} line.
 *
 * <pre>
 * j
 * s
 * e
 * </pre>
 *
 * <p>Answers a fatal !zs....
 */
public record JvmViewSearchCommand() implements Command {
    public static final JvmViewSearchCommand INSTANCE = new JvmViewSearchCommand();

    @Override
    public CommandKind kind() {
        return CommandKind.JVM_VIEW_SEARCH;
    }
}
