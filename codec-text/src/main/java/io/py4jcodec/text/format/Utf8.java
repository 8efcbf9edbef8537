package io.py4jcodec.text.format;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * UTF-8 as each peer does it.
 *
 * <ul>
 *   <li>Java reads through an {@code InputStreamReader}: malformed input becomes U+FFFD. It writes
 *       through an {@code OutputStreamWriter}: an unpaired surrogate becomes {@code ?}.</li>
 *   <li>Python decodes strictly ({@code UnicodeDecodeError}) and cannot encode a lone surrogate
 *       ({@code UnicodeEncodeError}).</li>
 * </ul>
 * ASCII, the bulk of the traffic, takes an allocation-light fast path.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** True if every byte of {@code buf[start, end)} is ASCII. */
    public static boolean isAscii(DirectBuffer buf, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf.getByte(i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True if every byte of {@code a[start, end)} is ASCII. */
    public static boolean isAscii(byte[] a, int start, int end) {
        for (int i = start; i < end; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes replacing malformed input with U+FFFD, as Java's reader does. */
    public static String decodeReplacing(DirectBuffer buf, int start, int end) {
        int len = end - start;
        byte[] array = buf.byteArray();
        if (array != null) {
            // the JDK's own decoder: an intrinsic ASCII check, then one copy; the same replacement
            // rules as InputStreamReader's decoder
            return new String(array, buf.wrapAdjustment() + start, len, StandardCharsets.UTF_8);
        }
        if (isAscii(buf, start, end)) {
            return buf.getStringWithoutLengthAscii(start, len);
        }
        byte[] bytes = new byte[len];
        buf.getBytes(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Decodes strictly; malformed input is a {@link Reason#BAD_UTF8} error at the stream offset of
     * the first bad byte ({@code streamBase} is the stream offset of {@code buf[0]}).
     */
    public static String decodeStrict(DirectBuffer buf, int start, int end, long streamBase, int part) {
        int len = end - start;
        byte[] array = buf.byteArray();
        if (array != null) {
            int from = buf.wrapAdjustment() + start;
            if (isAscii(array, from, from + len)) {
                return new String(array, from, len, StandardCharsets.ISO_8859_1); // ASCII: one copy, no decoding
            }
        } else if (isAscii(buf, start, end)) {
            return buf.getStringWithoutLengthAscii(start, len);
        }
        byte[] bytes = new byte[len];
        buf.getBytes(start, bytes);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(len);
        var result = dec.decode(in, out, true);
        if (result.isError()) {
            long at = streamBase + start + in.position();
            throw ProtocolException.of(Reason.BAD_UTF8, at, part,
                    "invalid UTF-8 byte 0x" + Integer.toHexString(bytes[in.position()] & 0xff));
        }
        try {
            result = dec.flush(out);
        } catch (IllegalStateException e) {
            throw new AssertionError(e);
        }
        out.flip();
        return out.toString();
    }

    /** Number of UTF-8 bytes {@code s} takes when written with lone surrogates as one byte ({@code ?}). */
    public static int encodedLength(CharSequence s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for 2 chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // written as '?'
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1. */
    public static int firstLoneSurrogate(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes {@code s} as UTF-8 at {@code index}, lone surrogates as {@code ?} (what Java's
     * {@code OutputStreamWriter} does), and returns the bytes written. The buffer grows if it can.
     */
    public static int write(CharSequence s, MutableDirectBuffer dst, int index) {
        int n = s.length();
        int p = index;
        dst.checkLimit(index + n); // grows an expandable buffer once for the common ASCII case
        int i = 0;
        byte[] a = dst.byteArray();
        if (a != null) {
            // the ASCII prefix straight into the array
            int adj = dst.wrapAdjustment() + index;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                a[adj + i] = (byte) c;
            }
            p += i;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst.putByte(p++, (byte) c);
            } else if (c < 0x800) {
                dst.putByte(p++, (byte) (0xC0 | (c >> 6)));
                dst.putByte(p++, (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    dst.putByte(p++, (byte) (0xF0 | (cp >> 18)));
                    dst.putByte(p++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                    dst.putByte(p++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                    dst.putByte(p++, (byte) (0x80 | (cp & 0x3F)));
                } else {
                    dst.putByte(p++, (byte) '?');
                }
            } else {
                dst.putByte(p++, (byte) (0xE0 | (c >> 12)));
                dst.putByte(p++, (byte) (0x80 | ((c >> 6) & 0x3F)));
                dst.putByte(p++, (byte) (0x80 | (c & 0x3F)));
            }
        }
        return p - index;
    }

    /**
     * The bytes as the reader of {@code side} reads text: a lenient Java reader replaces bad UTF-8
     * (as {@code InputStreamReader} does), every other reader rejects it with
     * {@link Reason#BAD_UTF8} (Python's {@code decode("utf-8")} raises; strict mode checks).
     */
    public static String decode(Side side, boolean strict, DirectBuffer buf, int start, int end, long streamBase, int part) {
        return side == Side.JAVA && !strict ? decodeReplacing(buf, start, end) : decodeStrict(buf, start, end, streamBase, part);
    }

    /**
     * Writes {@code s} as {@code side}'s peer encodes text: as {@link #write(CharSequence,
     * MutableDirectBuffer, int)} for Java; Python cannot encode a lone surrogate
     * ({@code UnicodeEncodeError}), so it is {@link Reason#UNENCODABLE} there.
     */
    public static int write(Side side, CharSequence s, MutableDirectBuffer dst, int index) {
        if (side == Side.PYTHON) {
            int bad = firstLoneSurrogate(s);
            if (bad >= 0) {
                throw ProtocolException.unencodable("Python cannot encode the lone surrogate U+"
                        + Integer.toHexString(s.charAt(bad)).toUpperCase() + " at char " + bad
                        + " (UnicodeEncodeError)");
            }
        }
        return write(s, dst, index);
    }
}
