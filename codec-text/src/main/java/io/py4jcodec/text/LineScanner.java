package io.py4jcodec.text;

import io.py4jcodec.api.Side;
import org.agrona.DirectBuffer;

/**
 * Finds where lines end, as one reader does: a Java reader ends a line at LF, CR or CRLF
 * ({@code BufferedReader.readLine}), a Python reader only at LF, so a CR stays in its line. It knows
 * nothing of frames; its one piece of state is a CR whose LF (if any) has not been seen yet.
 */
final class LineScanner {
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
            if (javaReader) {
                for (int i = from + adj; i < to; i++) {
                    byte b = a[i];
                    if (b == '\n' || b == '\r') {
                        return i - adj;
                    }
                }
            } else {
                for (int i = from + adj; i < to; i++) {
                    if (a[i] == '\n') {
                        return i - adj;
                    }
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
