package io.py4jcodec.api.model;

/**
 * {@code !y[<payload>]}: a success answer. See {@link ReturnMessage}.
 *
 * @param value the payload, or {@code null} for the bare line {@code !y}
 */
public record SuccessReturn(Value value) implements ReturnMessage {
    /** The bare line {@code !y}. */
    public static final SuccessReturn BARE = new SuccessReturn(null);
    /** The void answer {@code !yv}. */
    public static final SuccessReturn VOID = new SuccessReturn(VoidValue.INSTANCE);

    /** True when the line has no payload. */
    public boolean isBare() {
        return value == null;
    }

    @Override
    public char status() {
        return 'y';
    }
}
