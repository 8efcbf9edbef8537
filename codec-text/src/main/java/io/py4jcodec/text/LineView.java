package io.py4jcodec.text;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.text.format.Utf8;
import org.agrona.DirectBuffer;

/**
 * The line being read, without its terminator: {@code buf[start, end)}, where {@code buf[0]} is at
 * stream offset {@code base}, and its index in the frame (the part number errors carry). One
 * decoder moves one view from line to line, so reading a line allocates nothing.
 */
final class LineView {
    private DirectBuffer buf;
    private int start;
    private int end;
    private long base;
    private int index;

    LineView set(DirectBuffer buf, int start, int end, long base, int index) {
        if (this.buf != buf) {
            // only when it changes: a reference store into this long-lived object costs a GC
            // barrier, and every line of a read is usually in the same buffer
            this.buf = buf;
        }
        this.start = start;
        this.end = end;
        this.base = base;
        this.index = index;
        return this;
    }

    DirectBuffer buf() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Stream offset of {@code buf[0]}. */
    long base() {
        return base;
    }

    /** Index of the line in its frame. */
    int index() {
        return index;
    }

    int length() {
        return end - start;
    }

    /** Stream offset of the line's byte {@code i} (0 is its first). */
    long offset(int i) {
        return base + start + i;
    }

    /** The line's byte {@code i}. */
    byte at(int i) {
        return buf.getByte(start + i);
    }

    /** True when the line is exactly the one ASCII character {@code c} (a command name, {@code e}). */
    boolean is(char c) {
        return end - start == 1 && buf.getByte(start) == c;
    }

    /** The line as text, bad UTF-8 replaced: for names and error messages. */
    String text() {
        return Utf8.decodeReplacing(buf, start, end);
    }

    /** The line, capped and made printable, for error messages. */
    String snippet() {
        return ProtocolException.snippet(text());
    }
}
