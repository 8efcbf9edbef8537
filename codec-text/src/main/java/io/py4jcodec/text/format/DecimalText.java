package io.py4jcodec.text.format;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.DecimalValue;
import java.math.BigDecimal;

/**
 * The {@code D} part's text per side.
 *
 * <ul>
 *   <li>Java writes {@code BigDecimal.toPlainString()}: never an exponent ({@code 1E+3} becomes
 *       {@code 1000}), scale kept ({@code 0.000}).</li>
 *   <li>Python writes {@code str(Decimal)}, whose rule (plain when the exponent is &lt;= 0 and the
 *       adjusted exponent is &gt;= -6, scientific otherwise) is exactly {@code BigDecimal.toString()}
 *       of the same coefficient and scale, plus a {@code -} for Python's negative zero.</li>
 *   <li>Java reads with {@code new BigDecimal(text)}; Python with {@code Decimal(text)}, which also
 *       takes surrounding white space, underscores, and special values ({@code NaN}, {@code Infinity})
 *       that {@code BigDecimal} cannot hold: {@link PythonNumberSyntax} has its rules.</li>
 * </ul>
 */
public final class DecimalText {
    private DecimalText() {
    }

    /** The text {@code side} writes for {@code v}. */
    public static String format(Side side, DecimalValue v) {
        if (side == Side.JAVA) {
            return v.value().toPlainString();
        }
        String s = v.value().toString();
        return v.negativeZero() ? "-" + s : s;
    }

    /**
     * The length of Java's text for {@code v}, {@code toPlainString()}, found without writing it: a
     * {@code long}, since {@code 1E+2147483647} (14 characters to read) has 2,147,483,648 digits
     * plain. An encoder asks this before it writes a decimal ({@link io.py4jcodec.api.Limits#maxLineBytes()}).
     */
    public static long javaLength(BigDecimal v) {
        long scale = v.scale();
        long sign = v.signum() < 0 ? 1 : 0;
        if (scale < 0) {
            // "0", not "0000", for 0E+3
            return v.signum() == 0 ? 1 : sign + v.precision() - scale;
        }
        long digits = v.precision();
        if (scale == 0) {
            return sign + digits;
        }
        // "0.00" + digits when the point is left of every digit, else a point among them
        return sign + (scale >= digits ? 2 + scale : digits + 1);
    }

    /**
     * The longest plain text Java may write for a decimal when lines are bounded by
     * {@code maxLineBytes}: what is left of the line once an answer's {@code !yD} is written.
     */
    public static long maxJavaLength(int maxLineBytes) {
        return maxLineBytes - 3L;
    }

    /**
     * Whether {@code text} is exactly what {@code side} writes for {@code v}, found without writing
     * out a form far longer than {@code text}: Java's plain form of {@code 1E+2000000000} is two
     * billion characters, and a strict reader asked that by 14 input bytes must not build it. Java
     * never writes an exponent, so text with one is not Java's; text without one is as long as the
     * plain form it is compared with.
     */
    public static boolean isWrittenBy(Side side, String text, DecimalValue v) {
        if (side == Side.JAVA && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
            return false;
        }
        return text.equals(format(side, v));
    }

    /**
     * Reads decimal text as {@code side} does: {@code new BigDecimal(text)} for Java,
     * {@link PythonNumberSyntax#parseDecimal} ({@code Decimal(text)}) for Python.
     *
     * @throws PythonNumberSyntax.NotInModelException where Python reads a value the model cannot hold
     * @throws NumberFormatException where the side rejects the text
     */
    public static DecimalValue parse(Side side, String text) {
        if (side == Side.PYTHON) {
            return PythonNumberSyntax.parseDecimal(text);
        }
        BigDecimal v = new BigDecimal(text);
        return new DecimalValue(v, v.signum() == 0 && text.startsWith("-"));
    }
}
