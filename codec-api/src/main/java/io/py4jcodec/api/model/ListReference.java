package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code l<id>}: a {@code java.util.List} returned by Java.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record ListReference(String id) implements Value {
    public ListReference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 'l';
    }
}
