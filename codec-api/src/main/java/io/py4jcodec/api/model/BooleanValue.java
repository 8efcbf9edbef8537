package io.py4jcodec.api.model;

/**
 * {@code b<text>}: a boolean part. Python writes {@code bTrue} / {@code bFalse}; Java writes
 * {@code btrue} / {@code bfalse}. Both readers ignore case; Java reads anything else as false.
 *
 * @param value the boolean
 */
public record BooleanValue(boolean value) implements Value {
    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    @Override
    public char prefix() {
        return 'b';
    }
}
