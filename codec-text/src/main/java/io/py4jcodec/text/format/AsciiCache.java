package io.py4jcodec.text.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.agrona.DirectBuffer;

/**
 * The Strings of short ASCII lines seen recently, so that a line seen again (a method name, an
 * object id, a class name: PySpark sends the same few over and over) costs no allocation. A
 * direct-mapped table of {@value #SIZE} entries, indexed by a hash of the bytes, each holding the
 * bytes it was made from; a collision replaces the entry. Lines over {@value #MAX_LENGTH} bytes or
 * with a non-ASCII byte are not cached, so it holds at most {@value #SIZE} x {@value #MAX_LENGTH}
 * characters (and as many bytes).
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
    static final int SIZE = 512;
    static final int MAX_LENGTH = 64;
    private static final int SLOT_BITS = 9;

    /** Each entry's bytes and its String, written together on a miss only. */
    private final byte[][] keys = new byte[SIZE][];
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
        int slot = slot(a, from, len);
        byte[] key = keys[slot];
        // a hit needs no ASCII check: the entry's bytes were checked when it was made
        if (key != null && Arrays.equals(key, 0, key.length, a, from, from + len)) {
            return strings[slot];
        }
        return miss(a, from, len, slot);
    }

    /**
     * The slot of a line: a hash of its length and its bytes eight at a time (the last word overlapping
     * the one before it; a line under eight bytes packed into one), a multiply-add per word instead of
     * per byte: with the String compare, hashing byte by byte cost more than the allocation the cache
     * saves (13% of pyspark-mix's decode against 11% for new Strings, by JFR). Every byte counts:
     * hashing only the ends made class names that differ in the middle share a slot.
     */
    private static int slot(byte[] a, int from, int len) {
        long h = len;
        if (len >= Long.BYTES) {
            int last = from + len - Long.BYTES;
            for (int i = from; i < last; i += Long.BYTES) {
                h = h * 31 + Words.get(a, i);
            }
            h = h * 31 + Words.get(a, last);
        } else {
            for (int i = from, to = from + len; i < to; i++) {
                h = h << 8 | (a[i] & 0xff);
            }
        }
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - SLOT_BITS));
    }

    private String miss(byte[] a, int from, int len, int slot) {
        for (int i = from, to = from + len; i < to; i++) {
            if (a[i] < 0) {
                return null;
            }
        }
        byte[] key = Arrays.copyOfRange(a, from, from + len);
        String s = new String(key, StandardCharsets.ISO_8859_1);
        keys[slot] = key;
        strings[slot] = s;
        return s;
    }
}
