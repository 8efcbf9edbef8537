package io.py4jcodec.text.format;

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
 * <h2>Why this is hand-written</h2>
 *
 * No JDK or library API reproduces CPython's {@code repr} on every JDK:
 * <ul>
 *   <li>{@link Double#toString(double)} on JDK 17 is not always shortest: {@code 1e23} comes out as
 *       {@code 9.999999999999999E22} and {@code 2.82879384806159e+17} as {@code 2.82879384806159008E17}.</li>
 *   <li>On JDK 19+ it is shortest, but when one significant digit would suffice it may still pick a
 *       closer two-digit decimal: {@link Double#MIN_VALUE} is {@code 4.9E-324} in Java and {@code 5e-324}
 *       in Python.</li>
 *   <li>The notation differs anyway: Python switches to scientific notation at {@code 1e16} and below
 *       {@code 1e-4} ({@code repr(1e16) == '1e+16'}, {@code repr(1e-5) == '1e-05'},
 *       {@code repr(1e15) == '1000000000000000.0'}), writes a lower-case {@code e}, always signs the
 *       exponent and pads it to at least two digits.</li>
 * </ul>
 *
 * <p>CPython uses David Gay's {@code dtoa} in mode 0: the digits are the shortest decimal digit string
 * that reads back (with round-half-even) as the same double; among the shortest candidates the one
 * closest to the exact binary value wins. With {@code decpt} the decimal exponent such that
 * {@code value = 0.d1d2... x 10^decpt}, fixed notation is used when {@code -4 < decpt <= 16} (with
 * {@code .0} appended to integers), scientific notation {@code d1[.d2...]e(+|-)XX} otherwise.
 *
 * <p>Examples: {@code format(0.1 + 0.2)} is {@code "0.30000000000000004"}, {@code format(1e16)} is
 * {@code "1e+16"}, {@code format(1e-7)} is {@code "1e-07"}, {@code format(-0.0)} is {@code "-0.0"},
 * {@code format(Double.MIN_VALUE)} is {@code "5e-324"}.
 *
 * <h2>Implementation</h2>
 *
 * The digits come from an exact big-integer transcription of the digit loop of CPython's
 * {@code _Py_dg_dtoa} (mode 0), over the exact rounding interval of the value (both ends included when
 * the significand is even, a narrower lower gap at normal powers of two). Integers below 2^53 take a
 * trivial path (their own digits are the shortest). On JDK 19+ a fast path uses
 * {@link Double#toString(double)}, whose digits are, by its specification, the closest among the
 * shortest when the shortest length is at least 2 (this is also what {@code dtoa} selects); when the
 * shortest length could be 1 the fast path defers to the exact algorithm. Both paths are tested against
 * an oracle file generated with CPython.
 *
 * <p>Cost: about 0.1 microsecond per value on the JDK 19+ fast path and for integers, a few
 * microseconds on the exact path (every non-integer on JDK 17). The class is stateless and thread-safe.
 */
public final class PythonFloatFormat
{
    /** Longest output: sign, 17 digits, point, "e-308" and some slack. */
    static final int MAX_LENGTH = 32;

    /** Whether {@link Double#toString(double)} follows the JDK 19+ (JDK-4511638) shortest-decimal spec. */
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
        return formatTo(v, out, true);
    }

    /**
     * As {@link #formatTo(double, byte[])}; {@code useFastPath} false forces the exact algorithm (tests).
     */
    static int formatTo(final double v, final byte[] out, final boolean useFastPath)
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

        final Digits digits = shortestDigits(rawBits & ~SIGN_MASK, useFastPath);
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
     * @param bits        IEEE bits with the sign bit clear.
     * @param useFastPath whether {@link Double#toString(double)} may be used (ignored below JDK 19).
     */
    static Digits shortestDigits(final long bits, final boolean useFastPath)
    {
        final Digits result = new Digits();
        final double v = Double.longBitsToDouble(bits);
        if (v < 0x1p53 && v == (double)(long)v)
        {
            integerDigits((long)v, result);
        }
        else if (!useFastPath || !(JDK_SHORTEST_TO_STRING ? fastDigits(bits, result) : checkedDigits(bits, result)))
        {
            exactDigits(bits, result);
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

    // ---------------------------------------------------------------------------------------------
    // Fast path below JDK 19: Double.toString's digits, proven shortest and unique, else the exact path
    // ---------------------------------------------------------------------------------------------

    /**
     * Below JDK 19 {@link Double#toString(double)} gives digits D (n of them) that read back as x but
     * are not always the shortest or the closest. They are dtoa mode 0's digits exactly when no
     * decimal of n - 1 digits reads back as x and D is the only one of n digits that does. The
     * decimals that read back form an interval around x containing D, so it is enough to try the
     * two (n - 1)-digit decimals around D (D truncated, and one unit above): if exactly one reads
     * back it replaces D and the walk goes on one digit shorter; if both do, the exact algorithm
     * picks the closer. At the end D's two neighbours of its own length must not read back.
     * A few correctly rounded parses instead of big-integer arithmetic.
     *
     * @return false when the exact algorithm must decide.
     */
    static boolean checkedDigits(final long bits, final Digits result)
    {
        if (!fastDigits(bits, result) || result.count > 17)
        {
            return false;
        }
        final double v = Double.longBitsToDouble(bits);
        final byte[] d = result.digits;
        int n = result.count;
        long m = 0;
        for (int i = 0; i < n; i++)
        {
            m = m * 10 + (d[i] - '0');
        }
        int e = result.decpt - n; // x reads back from m * 10^e
        final byte[] scratch = new byte[32];
        // JDK 17 often gives a digit too many: walk down while exactly one shorter decimal reads back
        while (n >= 2)
        {
            final long t = m / 10;
            final boolean low = readsBack(t, e + 1, v, scratch);
            final boolean high = readsBack(t + 1, e + 1, v, scratch);
            if (low && high)
            {
                return false; // two candidates: the closest needs exact arithmetic
            }
            if (!low && !high)
            {
                break;
            }
            m = low ? t : t + 1;
            e++;
            while (m % 10 == 0)
            {
                m /= 10;
                e++;
            }
            n = 1;
            for (long r = m; r >= 10; r /= 10)
            {
                n++; // t + 1 may carry into a new digit (999 -> 1000)
            }
        }
        if (readsBack(m - 1, e, v, scratch) || readsBack(m + 1, e, v, scratch))
        {
            // several n-digit decimals read back (usual at 17 digits): dtoa takes the closest to x,
            // which is x correctly rounded to n digits when that reads back (no shorter one does)
            final java.math.BigDecimal r = new java.math.BigDecimal(v)
                .round(new java.math.MathContext(n, java.math.RoundingMode.HALF_EVEN));
            final java.math.BigInteger u = r.unscaledValue();
            if (u.bitLength() > 62 || r.precision() != n)
            {
                return false;
            }
            final long rm = u.longValue();
            final int re = -r.scale();
            if (rm % 10 == 0 || !readsBack(rm, re, v, scratch))
            {
                return false;
            }
            m = rm;
            e = re;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            d[i] = (byte)('0' + (int)(m % 10));
            m /= 10;
        }
        result.count = n;
        result.decpt = e + n;
        return true;
    }

    /** Whether {@code m * 10^e} (m > 0) parses, correctly rounded, to exactly {@code v}. */
    private static boolean readsBack(final long m, final int e, final double v, final byte[] s)
    {
        if (m <= 0)
        {
            return false;
        }
        int p = 0;
        long r = m;
        while (r > 0)
        {
            s[p++] = (byte)('0' + (int)(r % 10));
            r /= 10;
        }
        for (int i = 0, j = p - 1; i < j; i++, j--)
        {
            final byte t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        s[p++] = 'E';
        int ae = e;
        if (ae < 0)
        {
            s[p++] = '-';
            ae = -ae;
        }
        if (ae >= 100)
        {
            s[p++] = (byte)('0' + ae / 100);
        }
        if (ae >= 10)
        {
            s[p++] = (byte)('0' + ae / 10 % 10);
        }
        s[p++] = (byte)('0' + ae % 10);
        return Double.doubleToRawLongBits(ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(s, 0, p))
            == Double.doubleToRawLongBits(v);
    }

    // ---------------------------------------------------------------------------------------------
    // Fast path (JDK 19+)
    // ---------------------------------------------------------------------------------------------

    /**
     * Takes the digits of {@link Double#toString(double)} when they are provably those of dtoa mode 0.
     *
     * <p>On JDK 19+ (JDK-4511638) the specification of {@code Double.toString} is: let p be the minimal
     * length of the decimals that round to x; if p >= 2 the chosen decimal is the one of length p closest
     * to x (ties: even last digit); if p = 1, the closest among the decimals of length 1 or 2. dtoa mode 0
     * selects the closest of length p with the same tie rule. Hence:
     * <ul>
     *   <li>3 or more significant digits: p >= 3, identical.</li>
     *   <li>1 significant digit: p = 1 and it is the closest of length 1 or 2, a fortiori the closest of
     *       length 1 (and not a tie, since the midpoint would then be x itself, of length 2).</li>
     *   <li>2 significant digits "ab" (b != 0): x lies strictly between a and a+1 (scaled), so p = 1
     *       exactly when one of these two reads back as x. Then the exact algorithm decides; otherwise
     *       p = 2 and the digits are identical.</li>
     * </ul>
     *
     * @return false when the exact algorithm must be used.
     */
    private static boolean fastDigits(final long bits, final Digits result)
    {
        final double v = Double.longBitsToDouble(bits);
        final String s = Double.toString(v);
        final byte[] d = result.digits;
        int n = 0;
        int pointPos = -1;
        int exp = 0;
        int leadingZeros = 0;
        final int length = s.length();
        for (int i = 0; i < length; i++)
        {
            final char c = s.charAt(i);
            if (c >= '0' && c <= '9')
            {
                if (n == 0 && c == '0')
                {
                    leadingZeros++;
                }
                else
                {
                    if (n == d.length)
                    {
                        return false; // cannot happen with a shortest algorithm; be safe
                    }
                    d[n++] = (byte)c;
                }
            }
            else if (c == '.')
            {
                pointPos = leadingZeros + n;
            }
            else if (c == 'E')
            {
                exp = Integer.parseInt(s, i + 1, length, 10);
                break;
            }
            else
            {
                return false;
            }
        }
        if (n == 0 || pointPos < 0)
        {
            return false;
        }
        while (n > 0 && d[n - 1] == '0')
        {
            n--;
        }
        // value = 0.[leading zeros][digits] x 10^(pointPos + exp)
        final int decpt = pointPos + exp - leadingZeros;
        if (n == 2)
        {
            final int a = d[0] - '0';
            final int q = decpt - 1;
            if (Double.parseDouble(a + "E" + q) == v || Double.parseDouble((a + 1) + "E" + q) == v)
            {
                return false; // a single digit suffices: let the exact algorithm choose it
            }
        }
        result.count = n;
        result.decpt = decpt;
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Exact algorithm: a BigInteger transcription of _Py_dg_dtoa, mode 0 (leftright, shortest)
    // ---------------------------------------------------------------------------------------------

    /**
     * Computes the digits with exact integer arithmetic, following {@code _Py_dg_dtoa(d, 0, ...)}.
     *
     * <p>All quantities are scaled so that {@code v = b / S} with {@code 1 <= b / S < 10} before the digit
     * loop; {@code mhi / S} and {@code mlo / S} are the distances from v to the upper and lower ends of its
     * rounding interval (half an ulp each, except that the lower one is a quarter ulp for a normal power of
     * two above the smallest normal binade).
     */
    static void exactDigits(final long bits, final Digits result)
    {
        final int biasedExponent = (int)(bits >>> 52);
        final long fraction = bits & FRACTION_MASK;
        final long significand;
        final int e;
        if (biasedExponent == 0)
        {
            significand = fraction;
            e = -1074;
        }
        else
        {
            significand = fraction | HIDDEN_BIT;
            e = biasedExponent - 1075;
        }
        // word1(&u) & 1 in dtoa: the lowest significand bit
        final boolean even = (significand & 1) == 0;
        // !word1 && !(word0 & Bndry_mask) && (word0 & (Exp_mask & ~Exp_msk1)): biased exponent >= 2
        final boolean specCase = fraction == 0 && biasedExponent >= 2;

        // Everything times 4 so both half gaps are integers: v = b / S.
        BigInteger b;
        BigInteger s;
        BigInteger mhi;
        BigInteger mlo;
        if (e >= 0)
        {
            b = BigInteger.valueOf(significand).shiftLeft(e + 2);
            s = BigInteger.valueOf(4);
            mhi = BigInteger.ONE.shiftLeft(e + 1);
            mlo = specCase ? BigInteger.ONE.shiftLeft(e) : mhi;
        }
        else
        {
            b = BigInteger.valueOf(significand).shiftLeft(2);
            s = BigInteger.ONE.shiftLeft(2 - e);
            mhi = BigInteger.TWO;
            mlo = specCase ? BigInteger.ONE : mhi;
        }

        // k = floor(log10(v)): estimate, scale, then correct exactly.
        final double v = Double.longBitsToDouble(bits);
        int k = (int)Math.floor(Math.log10(v));
        if (k >= 0)
        {
            s = s.multiply(PowersOfTen.get(k));
        }
        else
        {
            final BigInteger scale = PowersOfTen.get(-k);
            b = b.multiply(scale);
            mhi = mhi.multiply(scale);
            mlo = specCase ? mlo.multiply(scale) : mhi;
        }
        while (b.compareTo(s) < 0)
        {
            k--;
            b = b.multiply(BigInteger.TEN);
            mhi = mhi.multiply(BigInteger.TEN);
            mlo = specCase ? mlo.multiply(BigInteger.TEN) : mhi;
        }
        while (b.compareTo(s.multiply(BigInteger.TEN)) >= 0)
        {
            k++;
            s = s.multiply(BigInteger.TEN);
        }

        final byte[] d = result.digits;
        int n = 0;
        while (true)
        {
            final BigInteger[] qr = b.divideAndRemainder(s);
            int dig = '0' + qr[0].intValue();
            b = qr[1];
            final int j = b.compareTo(mlo);
            final BigInteger delta = s.subtract(mhi);
            int j1 = delta.signum() < 0 ? 1 : b.compareTo(delta);

            if (j1 == 0 && even)
            {
                if (dig == '9')
                {
                    d[n++] = '9';
                    k = roundOff(d, n, k, result);
                    result.decpt = k + 1;
                    return;
                }
                if (j > 0)
                {
                    dig++;
                }
                d[n++] = (byte)dig;
                break;
            }
            if (j < 0 || (j == 0 && even))
            {
                if (b.signum() != 0 && j1 > 0)
                {
                    // Either dig or dig+1 would work: take whichever is closer to v.
                    j1 = b.shiftLeft(1).compareTo(s);
                    if (j1 > 0 || (j1 == 0 && (dig & 1) != 0))
                    {
                        if (dig == '9')
                        {
                            d[n++] = '9';
                            k = roundOff(d, n, k, result);
                            result.decpt = k + 1;
                            return;
                        }
                        dig++;
                    }
                }
                d[n++] = (byte)dig;
                break;
            }
            if (j1 > 0)
            {
                if (dig == '9')
                {
                    d[n++] = '9';
                    k = roundOff(d, n, k, result);
                    result.decpt = k + 1;
                    return;
                }
                d[n++] = (byte)(dig + 1);
                break;
            }
            d[n++] = (byte)dig;
            b = b.multiply(BigInteger.TEN);
            mhi = mhi.multiply(BigInteger.TEN);
            mlo = specCase ? mlo.multiply(BigInteger.TEN) : mhi;
        }
        result.count = n;
        result.decpt = k + 1;
    }

    /**
     * dtoa's {@code roundoff}: adds one to the last digit of {@code d[0..n)}, dropping the trailing
     * nines; sets {@code result.count} and returns the (possibly incremented) k.
     */
    private static int roundOff(final byte[] d, final int n, final int k, final Digits result)
    {
        int i = n - 1;
        while (d[i] == '9')
        {
            if (i == 0)
            {
                d[0] = '1';
                result.count = 1;
                return k + 1;
            }
            i--;
        }
        d[i]++;
        result.count = i + 1;
        return k;
    }

    /** 10^0 .. 10^350, built on first use of the exact algorithm. */
    private static final class PowersOfTen
    {
        private static final BigInteger[] POWERS = new BigInteger[351];

        static
        {
            POWERS[0] = BigInteger.ONE;
            for (int i = 1; i < POWERS.length; i++)
            {
                POWERS[i] = POWERS[i - 1].multiply(BigInteger.TEN);
            }
        }

        static BigInteger get(final int k)
        {
            return POWERS[k];
        }
    }
}
