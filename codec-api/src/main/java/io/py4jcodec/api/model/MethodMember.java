package io.py4jcodec.api.model;

/**
 * {@code m}: the answer {@code !ym} to {@code r m}: the member is a public static method.
 */
public record MethodMember() implements Value {
    public static final MethodMember INSTANCE = new MethodMember();

    @Override
    public char prefix() {
        return 'm';
    }
}
