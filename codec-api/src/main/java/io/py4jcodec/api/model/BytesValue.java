package io.py4jcodec.api.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code j<base64>}: a byte-array part, standard padded Base64 with no line breaks. Empty bytes are
 * the lone {@code j}.
 *
 * <p>The record owns its array: {@link #copyOf(byte[])} copies in, {@link #value()} hands out the
 * internal array for speed (do not modify it) and {@link #toByteArray()} a copy. Equality and hash
 * are by content.
 *
 * @param value the bytes
 */
public record BytesValue(byte[] value) implements Value {
    public static final BytesValue EMPTY = new BytesValue(new byte[0]);

    public BytesValue {
        Objects.requireNonNull(value, "value");
    }

    /** A value holding a copy of {@code bytes}. */
    public static BytesValue copyOf(byte[] bytes) {
        return new BytesValue(bytes.clone());
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return value.clone();
    }

    /** Number of bytes. */
    public int length() {
        return value.length;
    }

    @Override
    public char prefix() {
        return 'j';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesValue b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        int n = Math.min(value.length, 32);
        String hex = HexFormat.of().formatHex(value, 0, n);
        return "BytesValue[" + value.length + " bytes: " + hex + (n < value.length ? "...]" : "]");
    }
}
