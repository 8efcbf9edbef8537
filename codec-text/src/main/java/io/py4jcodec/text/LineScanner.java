package io.py4jcodec.text;

import io.py4jcodec.api.Side;
import io.py4jcodec.text.format.Words;
import org.agrona.DirectBuffer;

/**
 * Finds where lines end, as one reader does: a Java reader ends a line at LF, CR or CRLF
 * ({@code BufferedReader.readLine}), a Python reader only at LF, so a CR stays in its line. It knows
 * nothing of frames; its one piece of state is a CR whose LF (if any) has not been seen yet.
 */
final class LineScanner {
    private static final long LFS = Words.repeat((byte) '\n');
    private static final long CRS = Words.repeat((byte) '\r');

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
                long w = Words.get(a, i);
                long ends = javaReader ? Words.matches(w, LFS) | Words.matches(w, CRS) : Words.matches(w, LFS);
                if (ends != 0) {
                    return i + Words.firstMarked(ends) - adj;
                }
            }
            for (; i < to; i++) {
                if (endsLine(a[i])) {
                    return i - adj;
                }
            }
            return -1;
        }
        for (int i = from; i < end; i++) {
            if (endsLine(buf.getByte(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this reader ends a line at {@code b}: LF, and for a Java reader CR too. */
    private boolean endsLine(byte b) {
        return b == '\n' || (javaReader && b == '\r');
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
