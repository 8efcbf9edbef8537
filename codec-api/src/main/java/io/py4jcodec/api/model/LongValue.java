package io.py4jcodec.api.model;

/**
 * {@code L<decimal>}: a 64-bit integer part. Java writes every {@code Long} this way;
 * Python writes an {@code int} outside the Java int range this way.
 *
 * @param value the number
 */
public record LongValue(long value) implements Value {

    @Override
    public char prefix() {
        return 'L';
    }
}
