package io.py4jcodec.api.model;

/**
 * {@code n}: null. Java ignores anything after the {@code n}.
 */
public record NullValue() implements Value {
    public static final NullValue INSTANCE = new NullValue();

    @Override
    public char prefix() {
        return 'n';
    }
}
