package io.py4jcodec.text.format;

import java.util.Objects;

/**
 * Parses text the way CPython 3's {@code float(str)} does, accepting exactly what it accepts.
 *
 * <p>Grammar (after surrounding whitespace is stripped):
 * <pre>
 *   [+|-] ( inf | infinity | nan )                                  case-insensitive
 *   [+|-] ( digits [. [digits]] | . digits ) [(e|E) [+|-] digits]
 * </pre>
 * where {@code digits} are ASCII digits, optionally with single underscores between two digits
 * ({@code 1_000.000_1e1_0} is fine; {@code _1}, {@code 1_}, {@code 1__0}, {@code 1_.5} are not).
 * Everything else, including what {@link Double#parseDouble(String)} would accept in addition (hex floats,
 * a trailing {@code d}/{@code f}, {@code Infinity} in the middle of other text, surrounding control
 * characters), is rejected with a {@link NumberFormatException}. Overflow gives an infinity and
 * underflow a zero, as in CPython ({@code float('1e400') == inf}).
 *
 * <p>Whitespace is what CPython strips here: the ASCII characters space, {@code \t \n \u000B \f \r} and
 * the non-ASCII Unicode white space (U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000). Note that, unlike {@code str.strip()}, CPython's {@code float()} does <em>not</em>
 * strip the ASCII separators U+001C..U+001F, and neither does this class.
 *
 * <p>{@code -nan} gives a NaN with the sign bit set, as CPython does.
 *
 * <p>Known, deliberate difference: CPython also accepts non-ASCII Unicode decimal digits (e.g.
 * Arabic-Indic {@code "\u0661.5"}); this class rejects them, since its scope is the ASCII text of the
 * py4j protocol and the Unicode tables of the JDK and of CPython differ between versions.
 *
 * <p>The digits are converted by {@link Double#parseDouble(String)} (correctly rounded) after the grammar
 * has been checked and the underscores removed.
 */
public final class PythonFloatParse
{
    private static final long NEGATIVE_NAN_BITS = 0xFFF8_0000_0000_0000L;
    private static final int MAX_QUOTED_LENGTH = 80;

    private PythonFloatParse()
    {
    }

    /**
     * Parses {@code s} as CPython's {@code float(s)} would.
     *
     * @param s the text.
     * @return the value, correctly rounded.
     * @throws NumberFormatException if CPython would raise {@code ValueError}.
     * @throws NullPointerException  if {@code s} is null.
     */
    public static double parse(final CharSequence s)
    {
        Objects.requireNonNull(s, "s");
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start)))
        {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1)))
        {
            end--;
        }
        if (start == end)
        {
            throw error(s, "no number");
        }

        int p = start;
        boolean negative = false;
        final char first = s.charAt(p);
        if (first == '+' || first == '-')
        {
            negative = first == '-';
            p++;
        }

        if (p < end && isLetterStartingSpecial(s.charAt(p)))
        {
            return parseSpecial(s, p, end, negative);
        }

        final StringBuilder clean = new StringBuilder(end - start);
        if (negative)
        {
            clean.append('-');
        }

        // mantissa: digits [. digits]
        final int intStart = p;
        p = scanDigits(s, p, end, clean);
        int mantissaDigits = p - intStart;
        if (p < end && s.charAt(p) == '.')
        {
            clean.append('.');
            p++;
            final int fracStart = p;
            p = scanDigits(s, p, end, clean);
            mantissaDigits += p - fracStart;
        }
        if (mantissaDigits == 0)
        {
            throw error(s, "no digits");
        }

        // exponent: (e|E) [+|-] digits
        if (p < end && (s.charAt(p) == 'e' || s.charAt(p) == 'E'))
        {
            clean.append('e');
            p++;
            if (p < end && (s.charAt(p) == '+' || s.charAt(p) == '-'))
            {
                clean.append(s.charAt(p));
                p++;
            }
            final int expStart = p;
            p = scanDigits(s, p, end, clean);
            if (p == expStart)
            {
                throw error(s, "no digits in the exponent");
            }
        }

        if (p != end)
        {
            final char c = s.charAt(p);
            if (c > 0x7F && Character.isDigit(c))
            {
                throw error(s, "non-ASCII digits are not supported");
            }
            throw error(s, "unexpected character at index " + p);
        }
        return Double.parseDouble(clean.toString());
    }

    /**
     * Scans ASCII digits with single underscores between digits, appending the digits to {@code clean}.
     *
     * @return the index of the first character that is not part of the run.
     */
    private static int scanDigits(final CharSequence s, final int from, final int end, final StringBuilder clean)
    {
        int p = from;
        while (p < end)
        {
            final char c = s.charAt(p);
            if (isAsciiDigit(c))
            {
                clean.append(c);
                p++;
            }
            else if (c == '_')
            {
                if (p == from || p + 1 >= end || !isAsciiDigit(s.charAt(p + 1)))
                {
                    throw error(s, "underscore not between two digits at index " + p);
                }
                p++;
            }
            else
            {
                break;
            }
        }
        return p;
    }

    private static double parseSpecial(final CharSequence s, final int p, final int end, final boolean negative)
    {
        final int length = end - p;
        if ((length == 3 || length == 8) && regionMatchesIgnoreCase(s, p, "infinity", length))
        {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && regionMatchesIgnoreCase(s, p, "nan", 3))
        {
            return negative ? Double.longBitsToDouble(NEGATIVE_NAN_BITS) : Double.NaN;
        }
        throw error(s, "not a number, inf, infinity or nan");
    }

    private static boolean regionMatchesIgnoreCase(final CharSequence s, final int p, final String word, final int n)
    {
        for (int i = 0; i < n; i++)
        {
            final char c = s.charAt(p + i);
            // ASCII case folding only: CPython rejects any non-ASCII letter here.
            final char lower = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
            if (lower != word.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterStartingSpecial(final char c)
    {
        return c == 'i' || c == 'I' || c == 'n' || c == 'N';
    }

    private static boolean isAsciiDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    /**
     * The white space CPython's {@code float()} strips from a {@code str}: C {@code isspace} for ASCII
     * (U+001C..U+001F are kept as they are and then rejected), and {@code str.isspace()} above ASCII,
     * which {@code _PyUnicode_TransformDecimalAndSpaceToASCII} turns into a space.
     */
    static boolean isWhitespace(final char c)
    {
        if (c < 0x80)
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        switch (c)
        {
            case '\u0085':
            case '\u00A0':
            case '\u1680':
            case '\u2028':
            case '\u2029':
            case '\u202F':
            case '\u205F':
            case '\u3000':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }

    private static NumberFormatException error(final CharSequence s, final String reason)
    {
        final String text = s.length() > MAX_QUOTED_LENGTH ?
            s.subSequence(0, MAX_QUOTED_LENGTH) + "..." : s.toString();
        return new NumberFormatException("could not convert string to float: '" + text + "' (" + reason + ")");
    }
}
