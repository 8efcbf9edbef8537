package io.py4jcodec.fuzz;

import io.py4jcodec.api.Limits;

/**
 * Whether a frame the text encoders wrote fits {@link Limits}, computed from the bytes alone: every
 * line (terminator excluded) within {@code maxLineBytes}, the frame within {@code maxFrameBytes},
 * at most {@code maxParts} lines after the command name, and no Python proxy part naming more than
 * {@code maxInterfaces} interfaces. An independent statement of the bounds the decoder must enforce.
 */
final class TextLimits {
    private TextLimits() {
    }

    static boolean within(Limits limits, byte[] wire) {
        if (wire.length > limits.maxFrameBytes()) {
            return false;
        }
        int lines = 0;
        int start = 0;
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '\n') {
                if (i - start > limits.maxLineBytes() || interfaces(wire, start, i) > limits.maxInterfaces()) {
                    return false;
                }
                lines++;
                start = i + 1;
            }
        }
        return lines - 1 <= limits.maxParts();
    }

    /** Interfaces named by a proxy part ({@code f<id>;a;b}, also as an answer {@code !yf...}), else 0. */
    private static int interfaces(byte[] w, int start, int end) {
        int p = start;
        if (end - p > 2 && w[p] == '!') {
            p += 2;
        }
        if (p >= end || w[p] != 'f' || end - p < 2) {
            return 0;
        }
        int n = 0;
        for (int i = p; i < end; i++) {
            if (w[i] == ';') {
                n++;
            }
        }
        return n;
    }
}
