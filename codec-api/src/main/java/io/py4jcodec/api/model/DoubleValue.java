package io.py4jcodec.api.model;

/**
 * {@code d<text>}: a double part. The text differs per side for the same value: Python
 * writes {@code repr(float)} ({@code 1e+16}, {@code 1e-07}) and Java writes {@code Double.toString}
 * of its JDK ({@code 1.0E16}, {@code 1.0E-7}); both write {@code NaN}, {@code Infinity},
 * {@code -Infinity}.
 *
 * <p>Equality is that of {@link Double#compare}: {@code -0.0} differs from {@code 0.0} and NaN
 * equals NaN.
 *
 * @param value the number
 */
public record DoubleValue(double value) implements Value {

    /**
     * The value a Java {@code Float} travels as: Java writes a {@code Float} with
     * {@code Float.toString}, so the double that goes on the wire is the one those digits denote,
     * not the float widened ({@code 1.1f} travels as {@code d1.1}).
     */
    public static DoubleValue ofFloat(float f) {
        return new DoubleValue(Double.parseDouble(Float.toString(f)));
    }

    @Override
    public char prefix() {
        return 'd';
    }
}
