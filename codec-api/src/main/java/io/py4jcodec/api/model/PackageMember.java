package io.py4jcodec.api.model;

/**
 * {@code p}: the answer {@code !yp} to {@code r u}: the name is a package.
 */
public record PackageMember() implements Value {
    public static final PackageMember INSTANCE = new PackageMember();

    @Override
    public char prefix() {
        return 'p';
    }
}
