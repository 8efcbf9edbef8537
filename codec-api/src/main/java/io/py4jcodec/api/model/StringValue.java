package io.py4jcodec.api.model;

import java.util.Objects;

/**
 * {@code s<escaped text>}: a string part. Backslash, CR and LF are escaped as {@code \\},
 * {@code \r}, {@code \n} (in that order); nothing else is. The empty string is the lone {@code s}.
 *
 * @param value the unescaped text (may hold lone surrogates: Java writes them as {@code ?})
 */
public record StringValue(String value) implements Value {
    public static final StringValue EMPTY = new StringValue("");

    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public char prefix() {
        return 's';
    }
}
