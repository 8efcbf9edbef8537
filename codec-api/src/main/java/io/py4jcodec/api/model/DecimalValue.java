package io.py4jcodec.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code D<text>}: a decimal part. Java writes {@code BigDecimal.toPlainString()} ({@code D100},
 * {@code D0.0000001}); Python writes {@code str(Decimal)} ({@code D1E+2}, {@code D1E-7},
 * {@code D-0}).
 *
 * <p>Python's {@code Decimal} has a signed zero that {@code BigDecimal} lacks, and Python writes it
 * ({@code D-0}, {@code D-0.00}); {@code negativeZero} keeps that sign so the part round-trips. It
 * can only be true when the value is zero. Scale is significant: {@code 1.0} differs from
 * {@code 1.00}, as on the wire.
 *
 * @param value        the number, with its scale
 * @param negativeZero true for Python's {@code -0} (only when {@code value} is zero)
 */
public record DecimalValue(BigDecimal value, boolean negativeZero) implements Value {

    public DecimalValue {
        Objects.requireNonNull(value, "value");
        if (negativeZero && value.signum() != 0) {
            throw new IllegalArgumentException("negativeZero needs a zero value, got " + value);
        }
    }

    /** A decimal without Python's negative zero. */
    public static DecimalValue of(BigDecimal value) {
        return new DecimalValue(value, false);
    }

    @Override
    public char prefix() {
        return 'D';
    }
}
