package io.py4jcodec.text;

import io.py4jcodec.api.Side;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * Finds where lines end, as one reader does: a Java reader ends a line at LF, CR or CRLF
 * ({@code BufferedReader.readLine}), a Python reader only at LF, so a CR stays in its line. It knows
 * nothing of frames; its one piece of state is a CR whose LF (if any) has not been seen yet.
 */
final class LineScanner {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    private final boolean javaReader;
    private boolean crPending;

    LineScanner(Side reader) {
        this.javaReader = reader == Side.JAVA;
    }

    /** Index of the first line end in {@code buf[from, end)}, or -1. */
    int find(DirectBuffer buf, int from, int end) {
        byte[] a = buf.byteArray();
        if (a != null) {
            // index the array directly: no bounds check per byte
            int adj = buf.wrapAdjustment();
            int to = end + adj;
            int i = from + adj;
            // eight bytes at a time: most lines are short, but a long string argument is one line
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long w = (long) WORDS.get(a, i);
                long ends = javaReader ? zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS) : zeroBytes(w ^ LFS);
                if (ends != 0) {
                    return i + (Long.numberOfTrailingZeros(ends) >>> 3) - adj;
                }
            }
            for (; i < to; i++) {
                byte b = a[i];
                if (b == '\n' || (javaReader && b == '\r')) {
                    return i - adj;
                }
            }
            return -1;
        }
        for (int i = from; i < end; i++) {
            byte b = buf.getByte(i);
            if (b == '\n' || (javaReader && b == '\r')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Bit 7 set in each zero byte of {@code x} (little-endian), exact up to and including the lowest
     * one, which is all the caller reads: the borrow can only mark bytes above a true zero.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Notes the byte that ended a line: after a CR, {@code BufferedReader} swallows an LF that follows. */
    void ended(byte terminator) {
        crPending = terminator == '\r';
    }

    /** True while the line just ended at a CR and the next byte has not been seen. */
    boolean crPending() {
        return crPending;
    }

    /**
     * Past the LF of a CRLF at {@code p}, if there is one; once a byte is there the pending CR is
     * settled either way. Returns the position to read on from.
     */
    int skipLfAfterCr(DirectBuffer buf, int p, int end) {
        if (crPending && p < end) {
            crPending = false;
            if (buf.getByte(p) == '\n') {
                return p + 1;
            }
        }
        return p;
    }

    void reset() {
        crPending = false;
    }
}
