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
 *       takes surrounding whitespace, underscores between digits, and special values
 *       ({@code NaN}, {@code Infinity}) that {@code BigDecimal} cannot hold.</li>
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
     * Reads decimal text as {@code side} does, or returns {@code null} when that side rejects it (or
     * accepts a special value the model cannot hold: see {@link #isPythonSpecial(String)}).
     */
    public static DecimalValue parse(Side side, String text) {
        String s = side == Side.PYTHON ? pythonNormalize(text) : text;
        if (s == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s);
            boolean negZero = v.signum() == 0 && s.startsWith("-");
            return new DecimalValue(v, negZero);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for the special values Python's {@code Decimal} accepts and {@code BigDecimal} cannot hold. */
    public static boolean isPythonSpecial(String text) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("+") || s.startsWith("-")) {
            s = s.substring(1);
        }
        return s.equals("inf") || s.equals("infinity") || s.startsWith("nan") || s.startsWith("snan");
    }

    /** Python's extras stripped so that {@code BigDecimal} sees its own grammar, or null. */
    private static String pythonNormalize(String text) {
        String s = text.strip();
        if (s.indexOf('_') < 0) {
            // Python's Decimal has no 'd'/'f' suffix and no hex: BigDecimal does not either
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                boolean between = i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1))
                        && Character.isDigit(s.charAt(i + 1));
                if (!between) {
                    return null;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
