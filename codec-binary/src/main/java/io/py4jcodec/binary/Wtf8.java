package io.py4jcodec.binary;

/**
 * WTF-8 (<a href="https://simonsapin.github.io/wtf-8/">simonsapin.github.io/wtf-8</a>): UTF-8 in
 * which a lone surrogate is written as its 3-byte generalised-UTF-8 form ({@code ED A0 80} to
 * {@code ED BF BF}). Every Java {@code String} has exactly one WTF-8 form, and a well-formed one
 * has the same bytes as in UTF-8, so it is the smallest lossless carrier for Java text.
 *
 * <pre>{@code
 * byte[] b = Wtf8.encode("a\uD800");   // 61 ED A0 80
 * String s = Wtf8.decode(b, 0, b.length); // "a\uD800"
 * }</pre>
 */
public final class Wtf8 {
    private Wtf8() {
    }

    /** True if {@code s} holds a surrogate that is not half of a pair (UTF-8 cannot carry it). */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** The WTF-8 bytes of {@code s}. */
    public static byte[] encode(String s) {
        byte[] out = new byte[s.length() * 3];
        return java.util.Arrays.copyOf(out, encode(s, 0, out, 0));
    }

    /**
     * The WTF-8 length of {@code s} from index {@code from}, found in the same pass that looks for a
     * lone surrogate: {@code n >= 0} when there is none, {@code ~n} (negative) when there is one, so
     * an encoder validates and sizes a string with one read of its characters.
     */
    static int lengthOrLone(String s, int from) {
        int n = s.length();
        int len = n - from;
        boolean lone = false;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len++;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len += 2; // two chars, four bytes
                    i++;
                } else {
                    lone |= Character.isSurrogate(c);
                    len += 2;
                }
            }
        }
        return lone ? ~len : len;
    }

    /** Writes the WTF-8 of {@code s} from index {@code from} into {@code dst} at {@code off} (room checked by the caller); returns the end. */
    static int encode(String s, int from, byte[] out, int off) {
        int p = off;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // BMP character or lone surrogate: the same 3-byte pattern
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /**
     * Decodes WTF-8, or returns {@code null} if the bytes are not WTF-8: overlong forms, a
     * surrogate pair written as two 3-byte halves (WTF-8 requires the 4-byte form, so every
     * string has one encoding), code points past U+10FFFF, truncated sequences.
     */
    public static String decode(byte[] b, int off, int len) {
        StringBuilder out = new StringBuilder(len);
        int end = off + len;
        int i = off;
        boolean lastWasLoneHigh = false;
        while (i < end) {
            int b0 = b[i] & 0xFF;
            int cp;
            int n;
            if (b0 < 0x80) {
                cp = b0;
                n = 1;
            } else if (b0 >= 0xC2 && b0 < 0xE0) {
                cp = b0 & 0x1F;
                n = 2;
            } else if (b0 >= 0xE0 && b0 < 0xF0) {
                cp = b0 & 0x0F;
                n = 3;
            } else if (b0 >= 0xF0 && b0 < 0xF5) {
                cp = b0 & 0x07;
                n = 4;
            } else {
                return null;
            }
            if (i + n > end) {
                return null;
            }
            for (int k = 1; k < n; k++) {
                int bk = b[i + k] & 0xFF;
                if ((bk & 0xC0) != 0x80) {
                    return null;
                }
                cp = cp << 6 | bk & 0x3F;
            }
            if (n == 3 && cp < 0x800 || n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) {
                return null;
            }
            boolean high = cp >= 0xD800 && cp <= 0xDBFF;
            boolean low = cp >= 0xDC00 && cp <= 0xDFFF;
            if (low && lastWasLoneHigh) {
                return null;
            }
            lastWasLoneHigh = high;
            out.appendCodePoint(cp);
            i += n;
        }
        return out.toString();
    }
}
