package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code r<id>}: a reference to a Java object ({@code ro12}, the entry point {@code rt}, the default
 * JVM view {@code rj}). Java writes it for any object without a more specific prefix; Python writes
 * it for every Java object it passes back.
 *
 * @param id the object id as written after the prefix (raw, not escaped)
 */
public record ReferenceValue(String id) implements Value {
    public ReferenceValue {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public char prefix() {
        return 'r';
    }
}
