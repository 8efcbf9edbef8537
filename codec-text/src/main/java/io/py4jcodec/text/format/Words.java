package io.py4jcodec.text.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes eight at a time, for the loops that look for one byte in runs of plain text (line ends,
 * backslashes): a little-endian word read or written at any index of a byte array, and the
 * zero-byte test that marks the bytes of a word equal to a given byte.
 *
 * <pre>{@code
 * long lf = Words.repeat((byte) '\n');
 * long marks = Words.matches(Words.get(a, i), lf);        // bit 7 of each LF byte (exact up to the lowest)
 * if (marks != 0) return i + Words.firstMarked(marks);    // the first LF
 * }</pre>
 *
 * <p>Hand-written: the JDK has no public vectorised "index of a byte" over a byte array range. The
 * unescape loop measured 2x faster on words than byte by byte (docs/results/escape-2026-12-05); the
 * line scanner was measured only together with the name cache (textfast-2026-12-05).
 */
public final class Words {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Words() {
    }

    /** The eight bytes {@code a[i, i + 8)} as a little-endian word (the byte at {@code i} lowest). */
    public static long get(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /** Writes {@code w} to {@code a[i, i + 8)}, little-endian. */
    public static void set(byte[] a, int i, long w) {
        LONGS.set(a, i, w);
    }

    /** {@code b} in every byte of a word, the pattern {@link #matches} takes. */
    public static long repeat(byte b) {
        return (b & 0xffL) * ONES;
    }

    /**
     * Bit 7 set in each byte of {@code w} equal to the byte of {@code pattern}: exact up to and
     * including the lowest such byte, which is all the callers read (the subtraction's borrow can
     * only mark bytes above a true match).
     */
    public static long matches(long w, long pattern) {
        long x = w ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** Bit 7 set in each byte of {@code w} that is not ASCII. */
    public static long nonAscii(long w) {
        return w & HIGHS;
    }

    /** The index in its word (0 to 7) of the lowest byte marked in {@code marks}, which is not 0. */
    public static int firstMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }
}
