package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code a<id>}: a {@code java.util.Map} returned by Java.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record MapReference(String id) implements Value {
    public MapReference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 'a';
    }
}
