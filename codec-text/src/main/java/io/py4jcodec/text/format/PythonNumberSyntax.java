package io.py4jcodec.text.format;

import io.py4jcodec.api.model.DecimalValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.agrona.DirectBuffer;

/**
 * Reads number text exactly as CPython 3.11's {@code int(s)}, {@code float(s)} and
 * {@code decimal.Decimal(s)} do: the three calls py4j's Python side makes for {@code i}/{@code L},
 * {@code d} and {@code D} parts. The one place in codec-text that knows Python's number syntax.
 *
 * <p>CPython reads all three in two steps, and so does this class. First the text is made ASCII:
 * a non-ASCII white-space character becomes a space, a Unicode decimal digit (any script CPython's
 * Unicode 14.0 tables know, e.g. {@code "\u0665"} or {@code "\uD835\uDFD3"}) becomes its ASCII
 * digit, anything else non-ASCII makes the text invalid. Then an ASCII grammar is applied. The three
 * differ in ways that are easy to get wrong:
 * <table>
 *   <caption>Where int, float and Decimal disagree</caption>
 *   <tr><th></th><th>white space stripped</th><th>underscores</th></tr>
 *   <tr><td>{@code int}, {@code float}</td><td>C {@code isspace} for ASCII (not U+001C..U+001F),
 *       {@code str.isspace()} above U+007F</td><td>single, between two digits (PEP 515)</td></tr>
 *   <tr><td>{@code Decimal}</td><td>{@code str.isspace()}, so also U+001C..U+001F</td>
 *       <td>dropped wherever they are (the C {@code _decimal} module's behaviour; {@code "_1"} and
 *       {@code "1__0"} are 1 and 10)</td></tr>
 * </table>
 * {@code int} also refuses more than {@link #INT_MAX_STR_DIGITS} digits (CPython 3.11's default
 * {@code sys.get_int_max_str_digits()}), and {@code Decimal} refuses exponents beyond libmpdec's
 * largest context (adjusted exponent above 999999999999999999, exponent below -1999999999999999997).
 *
 * <p>Checked against vectors CPython 3.11.7 wrote ({@code spec/recorded/python-numbers/}, every white-space,
 * control and format code point, every decimal digit) and against a running {@code python3}
 * ({@code PythonNumberSyntaxDifferentialTest}).
 *
 * <p>Over the ~400 lines a class here should keep to, deliberately: it is the port of CPython's
 * number reading, and its three readers share the first step, the white-space and digit tables and
 * the PEP 515 scan; split, the rule that they differ only where CPython's do would be spread again.
 *
 * <pre>{@code
 * IntegerText.Result r = new IntegerText.Result();
 * PythonNumberSyntax.parseInt("\u00a01_000 ", r);   // r.ok, r.value == 1000, as int() gives
 * PythonNumberSyntax.parseFloat("-inf");          // Double.NEGATIVE_INFINITY
 * PythonNumberSyntax.parseDecimal("\u001c1.50");  // 1.50 (Decimal strips U+001C; int and float do not)
 * }</pre>
 */
public final class PythonNumberSyntax {
    /** CPython 3.11's default limit on the digits {@code int(str)} converts ({@code sys.int_info.default_max_str_digits}). */
    public static final int INT_MAX_STR_DIGITS = 4300;

    /** libmpdec's largest context (64-bit), in which {@code Decimal(str)} converts exactly. */
    private static final long DECIMAL_MAX_EMAX = 999_999_999_999_999_999L;
    private static final long DECIMAL_MIN_ETINY = -1_999_999_999_999_999_997L;
    /** An exponent beyond every limit, still far from long overflow when digit counts are added to it. */
    private static final long EXPONENT_CLAMP = 4_000_000_000_000_000_000L;

    private static final long NEGATIVE_NAN_BITS = 0xFFF8_0000_0000_0000L;
    private static final int MAX_QUOTED_LENGTH = 80;

    /**
     * The code point of the zero of every run of ten decimal digits (0..9) in CPython 3.11's Unicode
     * 14.0 tables, as {@code python_numbers.py} lists them ({@code unicodedata.decimal(c) == 0}). Not
     * the JDK's {@code Character.digit}: JDK 17 knows Unicode 13 and JDK 25 Unicode 16, and each reads
     * digits CPython 3.11 does not, or misses some it does. The vectors test checks this table.
     */
    static final int[] DIGIT_ZEROS = {
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
        0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
        0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0,
        0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
        0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE,
        0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    };

    private PythonNumberSyntax() {
    }

    /**
     * Python accepts the text but the model cannot hold the value: a {@code Decimal} NaN or infinity,
     * or an exponent outside {@code BigDecimal}'s 32-bit scale.
     */
    public static final class NotInModelException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        NotInModelException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- int

    /**
     * {@code int(text)} on the bytes of a line when they are the common spelling, {@code [+-]} and 1
     * to 19 ASCII digits, which {@code int()} reads exactly as {@code Long.parseLong} does: read from
     * the array, allocating nothing. Returns false (nothing decided) for anything else, which takes
     * {@link #parseInt(CharSequence, IntegerText.Result)}.
     */
    public static boolean parsePlainInt(DirectBuffer buf, int start, int end, IntegerText.Result r) {
        byte[] a = buf.byteArray();
        if (a == null) {
            return false;
        }
        int adj = buf.wrapAdjustment();
        r.ok = true;
        r.overflow = false;
        return IntegerText.parsePlainLong(a, adj + start, adj + end, r);
    }

    /**
     * {@code int(text)}: {@code r.ok} with {@code r.value}; or not ok, with {@code r.overflow} when
     * Python reads a value that does not fit in 64 bits.
     */
    public static void parseInt(CharSequence text, IntegerText.Result r) {
        r.ok = true;
        r.overflow = false;
        CharSequence s = strippedAscii(text);
        if (s == null) {
            r.fail(false);
            return;
        }
        int i = signLength(s);
        int n = s.length();
        boolean negative = i == 1 && s.charAt(0) == '-';
        StringBuilder digits = new StringBuilder(n - i);
        int end = scanDigits(s, i, n, digits);
        if (end != n || digits.length() == 0) {
            r.fail(false);
            return;
        }
        if (digits.length() > INT_MAX_STR_DIGITS) {
            r.fail(false); // ValueError: Exceeds the limit (4300 digits) for integer string conversion
            return;
        }
        BigInteger v = new BigInteger(digits.toString());
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            r.fail(true);
            return;
        }
        r.value = v.longValue();
    }

    // ---------------------------------------------------------------- float

    /**
     * True when {@code float()} and {@code Double.parseDouble} read the bytes alike and need no
     * stripping: {@code [+-]} then ASCII digits with at most one point (at least one digit), then an
     * optional exponent {@code (e|E)[+-]digits}. Such text can go to a correctly rounded byte parser
     * as it is; anything else takes {@link #parseFloat(CharSequence)}.
     */
    public static boolean isPlainFloat(DirectBuffer buf, int start, int end) {
        int i = start;
        if (i < end && (buf.getByte(i) == '-' || buf.getByte(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < end; i++) {
            byte c = buf.getByte(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == end) {
            return true;
        }
        byte e = buf.getByte(i);
        if (e != 'e' && e != 'E') {
            return false;
        }
        i++;
        if (i < end && (buf.getByte(i) == '-' || buf.getByte(i) == '+')) {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            byte c = buf.getByte(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code float(text)}, correctly rounded; overflow gives an infinity and underflow a zero, and
     * {@code -nan} a NaN with the sign bit set, as in CPython.
     *
     * @throws NumberFormatException where CPython raises {@code ValueError}
     */
    public static double parseFloat(CharSequence text) {
        Objects.requireNonNull(text, "text");
        CharSequence s = strippedAscii(text);
        if (s == null) {
            throw error("float", text, "a character that is neither a digit nor white space");
        }
        int p = signLength(s);
        int end = s.length();
        boolean negative = p == 1 && s.charAt(0) == '-';
        int length = end - p;
        if ((length == 3 || length == 8) && matchesIgnoreCase(s, p, "infinity", length)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && matchesIgnoreCase(s, p, "nan", 3)) {
            return negative ? Double.longBitsToDouble(NEGATIVE_NAN_BITS) : Double.NaN;
        }
        StringBuilder clean = new StringBuilder(length + 1);
        if (negative) {
            clean.append('-');
        }
        int mark = clean.length();
        p = scanDigits(s, p, end, clean);
        int mantissaDigits = clean.length() - mark;
        if (p < end && s.charAt(p) == '.') {
            clean.append('.');
            mark = clean.length();
            p = scanDigits(s, p + 1, end, clean);
            mantissaDigits += clean.length() - mark;
        }
        if (mantissaDigits == 0) {
            throw error("float", text, "no digits");
        }
        if (p < end && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            clean.append('e');
            p++;
            if (p < end && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                clean.append(s.charAt(p++));
            }
            int expStart = clean.length();
            p = scanDigits(s, p, end, clean);
            if (clean.length() == expStart) {
                throw error("float", text, "no digits in the exponent");
            }
        }
        if (p != end) {
            throw error("float", text, "unexpected character at index " + p);
        }
        return Double.parseDouble(clean.toString());
    }

    // ---------------------------------------------------------------- Decimal

    /**
     * {@code decimal.Decimal(text)}.
     *
     * @throws NotInModelException where Python reads a value the model cannot hold (NaN, sNaN,
     *                             infinity, an exponent beyond a 32-bit scale)
     * @throws NumberFormatException where CPython raises {@code InvalidOperation}
     */
    public static DecimalValue parseDecimal(CharSequence text) {
        Objects.requireNonNull(text, "text");
        CharSequence s = asciiForm(text, true);
        if (s == null) {
            throw error("Decimal", text, "a character that is neither a digit nor white space");
        }
        int p = signLength(s);
        int end = s.length();
        boolean negative = p == 1 && s.charAt(0) == '-';
        if (isDecimalSpecial(s, p, end)) {
            throw new NotInModelException("Decimal reads " + quote(text) + " as a special value (NaN or infinity)");
        }
        int intStart = p;
        while (p < end && isAsciiDigit(s.charAt(p))) {
            p++;
        }
        int intEnd = p;
        int fracStart = p;
        if (p < end && s.charAt(p) == '.') {
            fracStart = ++p;
            while (p < end && isAsciiDigit(s.charAt(p))) {
                p++;
            }
        }
        int fracDigits = p - fracStart;
        if (intEnd - intStart + fracDigits == 0) {
            throw error("Decimal", text, "no digits");
        }
        long exponent = 0;
        if (p < end && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            boolean expNegative = false;
            if (p < end && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                expNegative = s.charAt(p) == '-';
                p++;
            }
            int expStart = p;
            while (p < end && isAsciiDigit(s.charAt(p))) {
                // saturates: every exponent beyond the clamp is refused (or too small) all the same
                exponent = exponent > EXPONENT_CLAMP / 10 ? EXPONENT_CLAMP : exponent * 10 + (s.charAt(p) - '0');
                p++;
            }
            if (p == expStart) {
                throw error("Decimal", text, "no digits in the exponent");
            }
            exponent = expNegative ? -exponent : exponent;
        }
        if (p != end) {
            throw error("Decimal", text, "unexpected character at index " + p);
        }
        String coefficient = s.subSequence(intStart, intEnd).toString() + s.subSequence(fracStart, fracStart + fracDigits);
        long e = exponent - fracDigits;
        int significant = significantDigits(coefficient);
        if (e + significant - 1 > DECIMAL_MAX_EMAX || e < DECIMAL_MIN_ETINY) {
            // libmpdec's exact conversion overflows, clamps or rounds: InvalidOperation
            throw error("Decimal", text, "exponent beyond the decimal module's largest context");
        }
        if (-e < Integer.MIN_VALUE || -e > Integer.MAX_VALUE) {
            throw new NotInModelException("Decimal reads " + quote(text) + " but its exponent does not fit a 32-bit scale");
        }
        BigDecimal v = new BigDecimal(new BigInteger(coefficient), (int) -e);
        if (negative) {
            v = v.negate();
        }
        return new DecimalValue(v, negative && v.signum() == 0);
    }

    private static boolean isDecimalSpecial(CharSequence s, int p, int end) {
        int length = end - p;
        if ((length == 3 || length == 8) && matchesIgnoreCase(s, p, "infinity", length)) {
            return true;
        }
        // NaN and sNaN take an optional payload of digits
        int q = p;
        if (q < end && (s.charAt(q) == 's' || s.charAt(q) == 'S')) {
            q++;
        }
        if (end - q < 3 || !matchesIgnoreCase(s, q, "nan", 3)) {
            return false;
        }
        for (q += 3; q < end; q++) {
            if (!isAsciiDigit(s.charAt(q))) {
                return false;
            }
        }
        return true;
    }

    private static int significantDigits(String coefficient) {
        int i = 0;
        while (i < coefficient.length() - 1 && coefficient.charAt(i) == '0') {
            i++;
        }
        return coefficient.length() - i;
    }

    // ---------------------------------------------------------------- shared

    /**
     * CPython's first step ({@code _PyUnicode_TransformDecimalAndSpaceToASCII} for int and float,
     * {@code numeric_as_ascii} for Decimal): white space to a space, decimal digits to ASCII digits;
     * for Decimal also {@code str.isspace()} stripped from both ends first and every underscore dropped.
     * Returns {@code s} itself when there is nothing to change, null when a character makes the text
     * invalid (a non-ASCII character that is neither; for Decimal also U+0000).
     */
    private static CharSequence asciiForm(CharSequence s, boolean decimal) {
        int start = 0;
        int end = s.length();
        if (decimal) {
            while (start < end && isPythonSpace(Character.codePointAt(s, start))) {
                start += Character.charCount(Character.codePointAt(s, start));
            }
            while (end > start && isPythonSpace(Character.codePointBefore(s, end))) {
                end -= Character.charCount(Character.codePointBefore(s, end));
            }
        }
        boolean plain = true;
        for (int i = start; i < end && plain; i++) {
            char c = s.charAt(i);
            plain = c < 0x7F && c != 0 && !(decimal && c == '_');
        }
        if (plain) {
            return start == 0 && end == s.length() ? s : s.subSequence(start, end);
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (decimal && cp == '_') {
                continue;
            }
            // copied as they are: below U+007F for int and float (U+0000 included, which their C
            // parser then stops at), U+0001..U+007F for Decimal
            if (decimal ? cp > 0 && cp <= 0x7F : cp < 0x7F) {
                b.append((char) cp);
            } else if (isPythonSpace(cp)) {
                b.append(' ');
            } else {
                int d = decimalDigit(cp);
                if (d < 0) {
                    return null;
                }
                b.append((char) ('0' + d));
            }
        }
        return b;
    }

    /**
     * What {@code int} and {@code float} parse: the text after CPython's first step, with C white
     * space stripped from both ends ({@code PyLong_FromString}, {@code float_from_string_inner}); null
     * when the first step refuses the text.
     */
    private static CharSequence strippedAscii(CharSequence text) {
        CharSequence s = asciiForm(text, false);
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isCSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isCSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.subSequence(start, end);
    }

    /** 1 when {@code s} starts with a sign, else 0. */
    private static int signLength(CharSequence s) {
        return s.length() > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    }

    /** CPython 3.11's {@code Py_UNICODE_TODECIMAL}: the digit's value, or -1. */
    static int decimalDigit(int cp) {
        if (cp >= '0' && cp <= '9') {
            return cp - '0';
        }
        if (cp < DIGIT_ZEROS[1]) {
            return -1;
        }
        int k = Arrays.binarySearch(DIGIT_ZEROS, cp);
        int zero = DIGIT_ZEROS[k >= 0 ? k : -k - 2];
        return cp - zero < 10 ? cp - zero : -1;
    }

    /** {@code str.isspace()}: what {@code Decimal} strips (U+001C..U+001F included). */
    static boolean isPythonSpace(int cp) {
        if (cp < 0x80) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
        }
        switch (cp) {
            case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** C {@code isspace} in the C locale: what {@code int} and {@code float} strip after the first step. */
    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * ASCII digits with single underscores between two digits (PEP 515), the digits appended to
     * {@code out}; returns the index of the first character not in the run.
     */
    private static int scanDigits(CharSequence s, int from, int end, StringBuilder out) {
        int p = from;
        while (p < end) {
            char c = s.charAt(p);
            if (isAsciiDigit(c)) {
                out.append(c);
            } else if (c != '_' || p == from || !isAsciiDigit(s.charAt(p - 1)) || p + 1 >= end
                    || !isAsciiDigit(s.charAt(p + 1))) {
                break;
            }
            p++;
        }
        return p;
    }

    private static boolean matchesIgnoreCase(CharSequence s, int p, String word, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(p + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quote(CharSequence s) {
        return "'" + (s.length() > MAX_QUOTED_LENGTH ? s.subSequence(0, MAX_QUOTED_LENGTH) + "..." : s) + "'";
    }

    private static NumberFormatException error(String type, CharSequence s, String reason) {
        return new NumberFormatException("Python's " + type + "() refuses " + quote(s) + " (" + reason + ")");
    }
}
