package io.py4jcodec.text.format;

import io.py4jcodec.api.Side;
import java.util.Base64;
import org.agrona.DirectBuffer;

/**
 * The {@code j} part's Base64: standard alphabet, padded, no line breaks, on both sides (Java's
 * {@code Base64.encodeToString(bytes, false)}, Python's {@code standard_b64encode}), so
 * {@link java.util.Base64#getEncoder()} writes it exactly.
 *
 * <p>Reading: both peers skip characters outside the alphabet (Java's MiG-derived decoder skips any
 * such character below U+0100, Python's {@code b64decode} any such ASCII byte) and both need the
 * remaining characters to come in groups of four. Past that, the real peers mis-read garbage in
 * different ways (py4j's Java decoder returns {@code null} for a bad length, Python raises on a
 * non-ASCII byte); this class reports every such case as an error instead.
 */
public final class Base64Text {
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private Base64Text() {
    }

    /** Encoded length of {@code n} bytes. */
    public static int encodedLength(int n) {
        return (n + 2) / 3 * 4;
    }

    /** Padded Base64 of {@code bytes}, as ASCII bytes. */
    public static byte[] encode(byte[] bytes) {
        return ENCODER.encode(bytes);
    }

    private static boolean isAlphabet(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static boolean isAlphabetOrPad(char c) {
        return isAlphabet(c) || c == '=';
    }

    /** True when {@code buf[start, end)} is canonical padded Base64 (what both peers write). */
    public static boolean isCanonical(DirectBuffer buf, int start, int end) {
        int len = end - start;
        if (len % 4 != 0) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte c = buf.getByte(i);
            if (!isAlphabet(c)) {
                // padding only in the last two positions, and only at the end
                if (c != '=' || i < end - 2 || (i == end - 2 && buf.getByte(end - 1) != '=')) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Decodes {@code buf[start, end)} as {@code side} reads it, or returns {@code null} when the
     * input is not Base64 that side can read without mis-reading it.
     *
     * @param strict accept only the canonical form both peers write (no skipped characters)
     */
    public static byte[] decode(Side side, DirectBuffer buf, int start, int end, boolean strict) {
        int len = end - start;
        if (len == 0) {
            return new byte[0];
        }
        byte[] array = buf.byteArray();
        if (array != null) {
            // the common case, canonical Base64 in a heap buffer: check and decode in place, no copy
            // the JDK's basic decoder accepts exactly the canonical padded form when the length is a
            // multiple of four (alphabet only, padding only at the end), so it checks while it decodes;
            // whatever it rejects is sorted out by the general path below
            int from = buf.wrapAdjustment() + start;
            if (len % 4 == 0) {
                try {
                    java.nio.ByteBuffer out = DECODER.decode(java.nio.ByteBuffer.wrap(array, from, len));
                    byte[] b = out.array();
                    return out.remaining() == b.length ? b : java.util.Arrays.copyOf(b, out.remaining());
                } catch (IllegalArgumentException e) {
                    // fall through
                }
            }
        }
        byte[] raw = new byte[len];
        buf.getBytes(start, raw);
        if (isCanonical(buf, start, end)) {
            try {
                return DECODER.decode(raw);
            } catch (IllegalArgumentException e) {
                return null; // non-zero bits in the padding, e.g. "AB=="
            }
        }
        if (strict) {
            return null;
        }
        // drop what the peer skips, then insist on the canonical form
        byte[] kept = new byte[len];
        int k = 0;
        if (side == Side.JAVA) {
            // Java sees chars, not bytes: its reader has already decoded the line (bad UTF-8 as U+FFFD)
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (isAlphabetOrPad(c)) {
                    kept[k++] = (byte) c;
                } else if (c >= 0x100) {
                    return null; // a char >= U+0100 overflows py4j's lookup table
                }
                // any other char below U+0100 (Latin-1 included) is skipped, as py4j does
            }
        } else {
            for (byte c : raw) {
                if (isAlphabetOrPad((char) c)) {
                    kept[k++] = c;
                } else if (c < 0) {
                    return null; // Python: UnicodeEncodeError before decoding
                }
            }
        }
        if (k % 4 != 0) {
            return null;
        }
        try {
            return DECODER.decode(java.util.Arrays.copyOf(kept, k));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
