package io.py4jcodec.text.format;

/**
 * The {@code d} part as Java reads and writes it.
 *
 * <p>Writing is {@code Double.toString} of the running JVM, which is what the real Java peer on that
 * JVM writes. Its digits changed in JDK 19 (JDK-4511638: shortest repr), so the bytes for a few
 * values ({@code 1e23} is {@code 9.999999999999999E22} on JDK 17, {@code 1.0E23} on JDK 19+) depend
 * on the JDK, exactly as they do for py4j itself.
 *
 * <p>Reading is {@code Double.parseDouble}, and after it fails the exact strings {@code inf},
 * {@code -inf}, {@code nan} (py4j's {@code Protocol.getDouble}).
 */
public final class JavaDoubleText {
    private JavaDoubleText() {
    }

    /** {@code Double.toString(v)}. */
    public static String format(double v) {
        return Double.toString(v);
    }

    /**
     * Reads as py4j's Java side does.
     *
     * @throws NumberFormatException where Java throws it
     */
    public static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            switch (s) {
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                case "nan":
                    return Double.NaN;
                default:
                    throw e;
            }
        }
    }

    /**
     * True for the forms {@code Double.toString} produces on any JDK: {@code NaN},
     * {@code [-]Infinity}, plain {@code [-]d+.d+}, or computerized scientific
     * {@code [-]d.d+E[-]d+} (one digit before the point, no {@code +} in the exponent).
     */
    public static boolean isJavaForm(String s) {
        if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) {
            return true;
        }
        int i = s.startsWith("-") ? 1 : 0;
        int n = s.length();
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || i >= n || s.charAt(i) != '.') {
            return false;
        }
        i++;
        int fracStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == fracStart) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != 'E' || intDigits != 1) {
            return false;
        }
        i++;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int expStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i == n && i > expStart;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
