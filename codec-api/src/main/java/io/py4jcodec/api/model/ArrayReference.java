package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code t<id>}: a Java array (other than {@code byte[]}, which travels as {@code j}) returned by Java.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record ArrayReference(String id) implements Value {
    public ArrayReference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 't';
    }
}
