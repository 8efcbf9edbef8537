package io.py4jcodec.text.format;

import org.agrona.AsciiEncoding;
import org.agrona.DirectBuffer;

/**
 * Reads integer text the way each peer does, straight from the bytes of a line.
 *
 * <ul>
 *   <li>Java: {@code Integer.parseInt} / {@code Long.parseLong}: an optional {@code +} or
 *       {@code -}, then at least one digit; leading zeros are fine; no spaces.</li>
 *   <li>Python: {@code int(text)}: read by {@link PythonNumberSyntax}, which shares the fast path
 *       here ({@link PythonNumberSyntax#parsePlainInt}).</li>
 * </ul>
 * Canonical ASCII input takes a fast path that allocates nothing; anything else (non-ASCII digits,
 * which Java accepts) goes through a String and {@code Long.parseLong}. Hand-written because Agrona's {@code parseLongAscii} does not accept a {@code +} and
 * reports overflow with an exception we would have to translate anyway.
 */
public final class IntegerText {
    private IntegerText() {
    }

    /** Thrown-free outcome holder: parse methods return the value and set {@link Result#ok}. */
    public static final class Result {
        public boolean ok;
        /** True when the text is a valid integer but does not fit in 64 bits. */
        public boolean overflow;
        public long value;

        void fail(boolean overflow) {
            this.ok = false;
            this.overflow = overflow;
        }
    }

    /**
     * The common spelling, {@code [+-]} and 1 to 19 ASCII digits that fit in a long, read from the array:
     * up to 18 digits cannot overflow (a 19th is checked once), so there are no per-digit overflow
     * tests. Java's {@code Long.parseLong} and Python's {@code int()} read this text alike. Returns
     * false (nothing decided) for anything else, which each side's general path handles.
     */
    static boolean parsePlainLong(byte[] a, int i, int end, Result r) {
        boolean negative = false;
        if (i < end && (a[i] == '-' || a[i] == '+')) {
            negative = a[i] == '-';
            i++;
        }
        int digits = end - i;
        if (digits <= 0 || digits > 19) {
            return false;
        }
        int safeEnd = Math.min(end, i + 18);
        long v = 0;
        // eight digits at a time with Agrona's SWAR check and parse: digit by digit, the loop below is
        // a chain of one multiply-add per digit, which was half of longs-100 decode's samples
        // (docs/results/text-targets-2026-12-05)
        for (; safeEnd - i >= Long.BYTES; i += Long.BYTES) {
            long w = Words.get(a, i);
            if (!AsciiEncoding.isEightDigitAsciiEncodedNumber(w)) {
                return false;
            }
            v = v * 100_000_000L + AsciiEncoding.parseEightDigitsLittleEndian(w);
        }
        for (; i < safeEnd; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        if (i < end) {
            // a 19th digit: fits only below Long.MAX_VALUE / 10, or at it with a small last digit
            int d = a[i] - '0';
            if (d < 0 || d > 9 || v > Long.MAX_VALUE / 10 || (v == Long.MAX_VALUE / 10 && d > (negative ? 8 : 7))) {
                return false;
            }
            r.value = negative ? -v * 10 - d : v * 10 + d;
            return true;
        }
        r.value = negative ? -v : v;
        return true;
    }

    /** {@code Long.parseLong} semantics on {@code buf[start, end)}. */
    public static void parseJavaLong(DirectBuffer buf, int start, int end, Result r) {
        r.ok = true;
        r.overflow = false;
        byte[] a = buf.byteArray();
        if (a != null && parsePlainLong(a, buf.wrapAdjustment() + start, buf.wrapAdjustment() + end, r)) {
            return;
        }
        int i = start;
        if (i >= end) {
            r.fail(false);
            return;
        }
        byte first = buf.getByte(i);
        boolean negative = false;
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
            if (i >= end) {
                r.fail(false);
                return;
            }
        }
        // accumulate negatively so Long.MIN_VALUE fits, as the JDK does
        long acc = 0;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = negative ? Long.MIN_VALUE / 10 : -Long.MAX_VALUE / 10; // constants: no division per call
        for (; i < end; i++) {
            byte c = buf.getByte(i);
            if (c < '0' || c > '9') {
                if (c < 0) {
                    slowJava(buf, start, end, r);
                    return;
                }
                r.fail(false);
                return;
            }
            int d = c - '0';
            if (acc < multMin) {
                r.fail(isAllDigits(buf, i, end));
                return;
            }
            acc *= 10;
            if (acc < limit + d) {
                r.fail(isAllDigits(buf, i + 1, end));
                return;
            }
            acc -= d;
        }
        r.value = negative ? acc : -acc;
    }

    private static boolean isAllDigits(DirectBuffer buf, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = buf.getByte(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void slowJava(DirectBuffer buf, int start, int end, Result r) {
        String s = Utf8.decodeReplacing(buf, start, end);
        try {
            r.value = Long.parseLong(s);
            r.ok = true;
        } catch (NumberFormatException e) {
            r.fail(looksNumeric(s));
        }
    }

    private static boolean looksNumeric(String s) {
        try {
            new java.math.BigInteger(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
