package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code g<id>}: a {@code java.util.Iterator} returned by Java.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record IteratorReference(String id) implements Value {
    public IteratorReference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 'g';
    }
}
