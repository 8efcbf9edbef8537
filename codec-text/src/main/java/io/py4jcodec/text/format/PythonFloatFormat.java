package io.py4jcodec.text.format;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.agrona.MutableDirectBuffer;

/**
 * Formats a {@code double} exactly as CPython 3 {@code repr(float)} does, which is the text py4j's
 * Python side ({@code protocol.encode_float}) puts on the wire after the {@code d} type prefix.
 *
 * <p>The only differences from {@code repr} are the non-finite values, spelled the way py4j sends them:
 * NaN is {@code NaN}, positive infinity {@code Infinity} and negative infinity {@code -Infinity}.
 *
 * <p>Examples: {@code format(0.1 + 0.2)} is {@code "0.30000000000000004"}, {@code format(1e16)} is
 * {@code "1e+16"}, {@code format(1e-7)} is {@code "1e-07"}, {@code format(-0.0)} is {@code "-0.0"},
 * {@code format(Double.MIN_VALUE)} is {@code "5e-324"}.
 *
 * <h2>Where the digits come from</h2>
 *
 * CPython uses David Gay's {@code dtoa} in mode 0: the shortest digit string that reads back as the
 * same double, the one closest to the exact binary value among the shortest. The digits come from
 * Raffaello Giulietti's Schubfach: on JDK 17 jackson-core's copy ({@code NumberOutput.toString(v, true)},
 * the public entry to its {@code schubfach.DoubleToDecimal}, a package the module does not export),
 * since JDK 17's own {@code Double.toString} is not always shortest ({@code 2.82879384806159e+17}
 * comes out as {@code 2.82879384806159008E17}); on JDK 19+ {@code Double.toString} itself, the same
 * algorithm under the same specification (JDK-4511638), measured 10-15% faster there. That
 * specification differs from {@code dtoa} in one case only: when one significant digit would read
 * back, it picks the closest decimal of one <em>or two</em> digits ({@link Double#MIN_VALUE} is
 * {@code 4.9E-324}; CPython says {@code 5e-324}). So when it gives two significant digits
 * {@code ab}, the two one-digit decimals around them, {@code a} and {@code a+1}, are tried, the
 * closer to the value first; the first that reads back replaces them
 * ({@link #oneDigitIfItReadsBack}). Integers below 2^53 skip Schubfach: their own digits are the
 * shortest ({@link #integerDigits}), with no string to build.
 *
 * <p>Done by hand is what no library does: CPython's layout (fixed notation when
 * {@code -4 < decpt <= 16}, with {@code .0} appended to integers; otherwise {@code d[.ddd]e(+|-)XX},
 * lower-case, signed, at least two exponent digits) and the one-digit case above. Checked against
 * 26,912 CPython reprs ({@code oracle/python-float-repr.txt}) and, where python3 is on the machine,
 * against {@code repr} on seeded random doubles.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class PythonFloatFormat
{
    /** Longest output: sign, 17 digits, point, "e-308" and some slack. */
    static final int MAX_LENGTH = 32;

    /**
     * Whether {@link Double#toString(double)} is Schubfach (JDK 19+, JDK-4511638): the same digits as
     * jackson-core's, 10-15% faster on JDK 25 (docs/results/pynum-2026-12-05).
     */
    static final boolean JDK_SHORTEST_TO_STRING = Runtime.version().feature() >= 19;

    private static final long SIGN_MASK = 0x8000_0000_0000_0000L;
    private static final long FRACTION_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long HIDDEN_BIT = 0x0010_0000_0000_0000L;

    private static final byte[] NAN = {'N', 'a', 'N'};
    private static final byte[] POSITIVE_INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final byte[] NEGATIVE_INFINITY = {'-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};

    private PythonFloatFormat()
    {
    }

    /**
     * Formats {@code v} as CPython {@code repr(v)} does, except NaN, which gives {@code NaN}, and the
     * infinities, which give {@code Infinity} and {@code -Infinity} (py4j's {@code encode_float}).
     *
     * @param v the value.
     * @return the ASCII text, e.g. {@code "1.5"}, {@code "1e+16"}, {@code "5e-324"}.
     */
    public static String format(final double v)
    {
        final byte[] out = new byte[MAX_LENGTH];
        final int length = formatTo(v, out);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the same ASCII bytes as {@link #format(double)} into {@code dst} at {@code index}.
     *
     * @param v     the value.
     * @param dst   the buffer to write into; it must have room for up to 24 bytes at {@code index}.
     * @param index where the first byte goes.
     * @return the number of bytes written.
     */
    public static int write(final double v, final MutableDirectBuffer dst, final int index)
    {
        final byte[] out = new byte[MAX_LENGTH];
        final int length = formatTo(v, out);
        dst.putBytes(index, out, 0, length);
        return length;
    }

    /**
     * Formats into {@code out} (at least {@link #MAX_LENGTH} long) and returns the length.
     */
    static int formatTo(final double v, final byte[] out)
    {
        if (v != v)
        {
            return copy(NAN, out);
        }
        if (v == Double.POSITIVE_INFINITY)
        {
            return copy(POSITIVE_INFINITY, out);
        }
        if (v == Double.NEGATIVE_INFINITY)
        {
            return copy(NEGATIVE_INFINITY, out);
        }

        final long rawBits = Double.doubleToRawLongBits(v);
        final boolean negative = rawBits < 0;
        int p = 0;
        if (negative)
        {
            out[p++] = '-';
        }
        if (v == 0.0)
        {
            out[p++] = '0';
            out[p++] = '.';
            out[p++] = '0';
            return p;
        }

        final Digits digits = shortestDigits(rawBits & ~SIGN_MASK);
        return p + layout(digits.digits, digits.count, digits.decpt, out, p);
    }

    private static int copy(final byte[] src, final byte[] out)
    {
        System.arraycopy(src, 0, out, 0, src.length);
        return src.length;
    }

    /**
     * Lays out the digits the way CPython's {@code format_float_short} does for {@code repr}
     * (format code 'r', {@code Py_DTSF_ADD_DOT_0}).
     *
     * @return the number of bytes written at {@code start}.
     */
    private static int layout(final byte[] d, final int nd, final int decpt, final byte[] out, final int start)
    {
        int p = start;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                out[p++] = '0';
                out[p++] = '.';
                for (int i = decpt; i < 0; i++)
                {
                    out[p++] = '0';
                }
                for (int i = 0; i < nd; i++)
                {
                    out[p++] = d[i];
                }
            }
            else if (decpt < nd)
            {
                for (int i = 0; i < decpt; i++)
                {
                    out[p++] = d[i];
                }
                out[p++] = '.';
                for (int i = decpt; i < nd; i++)
                {
                    out[p++] = d[i];
                }
            }
            else
            {
                for (int i = 0; i < nd; i++)
                {
                    out[p++] = d[i];
                }
                for (int i = nd; i < decpt; i++)
                {
                    out[p++] = '0';
                }
                out[p++] = '.';
                out[p++] = '0';
            }
        }
        else
        {
            out[p++] = d[0];
            if (nd > 1)
            {
                out[p++] = '.';
                for (int i = 1; i < nd; i++)
                {
                    out[p++] = d[i];
                }
            }
            int exp = decpt - 1;
            out[p++] = 'e';
            if (exp < 0)
            {
                out[p++] = '-';
                exp = -exp;
            }
            else
            {
                out[p++] = '+';
            }
            if (exp >= 100)
            {
                out[p++] = (byte)('0' + exp / 100);
                exp %= 100;
            }
            out[p++] = (byte)('0' + exp / 10);
            out[p++] = (byte)('0' + exp % 10);
        }
        return p - start;
    }

    /** The shortest digits of a positive finite value: {@code value = 0.d1d2...dn x 10^decpt}. */
    static final class Digits
    {
        final byte[] digits = new byte[20];
        int count;
        int decpt;

        String digitString()
        {
            return new String(digits, 0, count, StandardCharsets.US_ASCII);
        }
    }

    /**
     * The CPython mode-0 digits of the positive finite nonzero double with the given bits.
     *
     * @param bits IEEE bits with the sign bit clear.
     */
    static Digits shortestDigits(final long bits)
    {
        final Digits result = new Digits();
        final double v = Double.longBitsToDouble(bits);
        if (v < 0x1p53 && v == (double)(long)v)
        {
            integerDigits((long)v, result);
        }
        else
        {
            schubfachDigits(v, result);
            if (result.count == 2)
            {
                oneDigitIfItReadsBack(v, result);
            }
        }
        return result;
    }

    /**
     * Integers below 2^53 (an ulp of at most 1): their own digits, without trailing zeros, are the
     * shortest. Any decimal with fewer significant digits is an integer other than v, at distance at
     * least 1 from v, outside the rounding interval (half-width at most 1/2). This is also what dtoa's
     * "small integer" branch produces.
     */
    private static void integerDigits(final long value, final Digits result)
    {
        final byte[] d = result.digits;
        int length = 0;
        for (long x = value; x != 0; x /= 10)
        {
            length++;
        }
        long x = value;
        for (int i = length - 1; i >= 0; i--)
        {
            d[i] = (byte)('0' + (int)(x % 10));
            x /= 10;
        }
        int n = length;
        while (d[n - 1] == '0')
        {
            n--;
        }
        result.count = n;
        result.decpt = length;
    }

    /**
     * Schubfach's digits of {@code v > 0} (see the class comment for which copy), read back from
     * its {@code Double.toString} form
     * ({@code 123.45}, {@code 0.00123}, {@code 1.2345E-7}), trailing zeros dropped.
     */
    private static void schubfachDigits(final double v, final Digits result)
    {
        final String s = JDK_SHORTEST_TO_STRING ? Double.toString(v) : NumberOutput.toString(v, true);
        final byte[] d = result.digits;
        int n = 0;
        int pointPos = -1;
        int exp = 0;
        int leadingZeros = 0;
        final int length = s.length();
        for (int i = 0; i < length; i++)
        {
            final char c = s.charAt(i);
            if (c == '.')
            {
                pointPos = leadingZeros + n;
            }
            else if (c == 'E')
            {
                exp = Integer.parseInt(s, i + 1, length, 10);
                break;
            }
            else if (n == 0 && c == '0')
            {
                leadingZeros++;
            }
            else
            {
                d[n++] = (byte)c; // at most 17 digits: Schubfach's output is the shortest
            }
        }
        while (d[n - 1] == '0')
        {
            n--;
        }
        result.count = n;
        result.decpt = pointPos + exp - leadingZeros; // v = 0.[leading zeros][digits] x 10^(pointPos + exp)
    }

    /**
     * Schubfach gave two significant digits {@code ab} (b != 0): v lies strictly between the one-digit
     * decimals {@code a} and {@code a+1} (scaled), and those two are the only one-digit decimals that
     * can read back as v. dtoa takes the closer of them that reads back; only when neither does are
     * two digits the shortest, and then Schubfach's are dtoa's (both take the closest). The closer is
     * told by b, or at b = 5 by exact comparison with the midpoint (never equal to v: a midpoint
     * {@code a5 x 10^k} is not a binary fraction when k < 0, and when k >= 0 two one-digit decimals
     * cannot both be within half an ulp of a 53-bit value).
     */
    static void oneDigitIfItReadsBack(final double v, final Digits result)
    {
        final int a = result.digits[0] - '0';
        final int b = result.digits[1] - '0';
        final int q = result.decpt - 1; // v ~ a.b x 10^q
        final boolean upIsCloser = b > 5 || b == 5
            && new BigDecimal(v).compareTo(new BigDecimal(BigInteger.valueOf(a * 10L + 5), 1 - q)) > 0;
        final int closer = upIsCloser ? a + 1 : a;
        final int other = upIsCloser ? a : a + 1;
        final int digit = readsBack(closer, q, v) ? closer : readsBack(other, q, v) ? other : -1;
        if (digit == 10)
        {
            result.digits[0] = '1';
            result.decpt++;
            result.count = 1;
        }
        else if (digit > 0)
        {
            result.digits[0] = (byte)('0' + digit);
            result.count = 1;
        }
    }

    /** Whether {@code digit x 10^q} parses, correctly rounded, to exactly {@code v}. */
    private static boolean readsBack(final int digit, final int q, final double v)
    {
        return digit > 0 && Double.parseDouble(digit + "E" + q) == v;
    }
}
