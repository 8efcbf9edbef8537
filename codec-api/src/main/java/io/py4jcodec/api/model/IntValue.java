package io.py4jcodec.api.model;

/**
 * {@code i<decimal>}: an integer part.
 *
 * <p>It holds a {@code long} because Java writes some values wider than 32 bits with {@code i}:
 * {@code AtomicLong} and other non-{@code Long} {@code Number}s go out as {@code i} + {@code toString()},
 * e.g. {@code i1099511627776}. Java's reader turns such a part into a {@code Long}; Python's reader
 * into an {@code int}. Python itself writes {@code i} only within the Java int range.
 *
 * @param value the number as written after {@code i}
 */
public record IntValue(long value) implements Value {

    /** True when the value fits a Java {@code int}: what Java decodes to an {@code Integer} rather than a {@code Long}. */
    public boolean fitsInt() {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    @Override
    public char prefix() {
        return 'i';
    }
}
