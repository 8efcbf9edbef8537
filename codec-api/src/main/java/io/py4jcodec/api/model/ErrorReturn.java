package io.py4jcodec.api.model;

/**
 * {@code !x[<payload>]}: a error answer. See {@link ReturnMessage}.
 *
 * @param value the payload, or {@code null} for the bare line {@code !x}
 */
public record ErrorReturn(Value value) implements ReturnMessage {
    /** The bare line {@code !x}. */
    public static final ErrorReturn BARE = new ErrorReturn(null);

    /** True when the line has no payload. */
    public boolean isBare() {
        return value == null;
    }

    @Override
    public char status() {
        return 'x';
    }
}
