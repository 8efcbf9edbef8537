package io.py4jcodec.api.model;

/**
 * {@code o}: the answer {@code !yo} to {@code f g} / {@code f s}: no such public field.
 */
public record NoMember() implements Value {
    public static final NoMember INSTANCE = new NoMember();

    @Override
    public char prefix() {
        return 'o';
    }
}
