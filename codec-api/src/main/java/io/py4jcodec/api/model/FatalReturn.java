package io.py4jcodec.api.model;

/**
 * {@code !z[<payload>]}: a fatal error answer. See {@link ReturnMessage}.
 *
 * @param value the payload, or {@code null} for the bare line {@code !z}
 */
public record FatalReturn(Value value) implements ReturnMessage {
    /** The bare line {@code !z}. */
    public static final FatalReturn BARE = new FatalReturn(null);

    /** True when the line has no payload. */
    public boolean isBare() {
        return value == null;
    }

    @Override
    public char status() {
        return 'z';
    }
}
