package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code c[<fqn>]}: a class answer. {@code r u} answers {@code !yc<fqn>} (the name resolved to a
 * class); {@code r m} answers a bare {@code !yc} (the member is a nested class), which is
 * {@code ClassMember("")}.
 *
 * @param name the fully qualified class name, or {@code ""} for the bare answer
 */
public record ClassMember(String name) implements Value {
    public static final ClassMember BARE = new ClassMember("");

    public ClassMember {
        Objects.requireNonNull(name, "name");
    }

    /** True for the bare {@code c} answer of {@code r m}. */
    public boolean isBare() {
        return name.isEmpty();
    }

    @Override
    public char prefix() {
        return 'c';
    }
}
