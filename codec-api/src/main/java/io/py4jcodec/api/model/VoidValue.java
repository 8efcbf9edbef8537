package io.py4jcodec.api.model;

/**
 * {@code v}: the result of a void method (Java writes it; Python reads it as None).
 */
public record VoidValue() implements Value {
    public static final VoidValue INSTANCE = new VoidValue();

    @Override
    public char prefix() {
        return 'v';
    }
}
