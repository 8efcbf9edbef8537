package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code h<id>}: a {@code java.util.Set} returned by Java.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record SetReference(String id) implements Value {
    public SetReference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 'h';
    }
}
