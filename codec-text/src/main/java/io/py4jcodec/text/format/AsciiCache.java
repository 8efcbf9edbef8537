package io.py4jcodec.text.format;

import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;

/**
 * The Strings of short ASCII lines seen recently, so that a line seen again (a method name, an
 * object id, a class name: PySpark sends the same few over and over) costs no allocation. A
 * direct-mapped table of {@value #SIZE} entries, indexed by a hash of the bytes; a collision
 * replaces the entry. Lines over {@value #MAX_LENGTH} bytes or with a non-ASCII byte are not
 * cached, so it holds at most {@value #SIZE} x {@value #MAX_LENGTH} characters.
 *
 * <pre>{@code
 * AsciiCache names = new AsciiCache();
 * String a = names.get(buf, 0, 3);   // "add", a new String
 * String b = names.get(buf, 0, 3);   // the same String again
 * }</pre>
 *
 * <p>Hand-written: jackson-core's {@code ByteQuadsCanonicalizer} does this for JSON names but takes
 * its input as quads built by its own parser; here the bytes are already in a buffer, scanned once
 * for the line end, and one more pass hashes them. One instance per decoder: not thread-safe.
 */
public final class AsciiCache {
    static final int SIZE = 256;
    static final int MAX_LENGTH = 64;

    private final String[] strings = new String[SIZE];

    /** The text of {@code buf[start, end)} if it is short ASCII (from the cache if seen), else null. */
    public String get(DirectBuffer buf, int start, int end) {
        int len = end - start;
        if (len > MAX_LENGTH) {
            return null;
        }
        byte[] a = buf.byteArray();
        if (a == null) {
            return null;
        }
        int from = start + buf.wrapAdjustment();
        int h = 0;
        for (int i = from, to = from + len; i < to; i++) {
            byte b = a[i];
            if (b < 0) {
                return null;
            }
            h = 31 * h + b;
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        String s = strings[slot];
        if (s != null && sameAscii(s, a, from, len)) {
            return s;
        }
        s = new String(a, from, len, StandardCharsets.ISO_8859_1);
        strings[slot] = s;
        return s;
    }

    private static boolean sameAscii(String s, byte[] a, int from, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != a[from + i]) {
                return false;
            }
        }
        return true;
    }
}
