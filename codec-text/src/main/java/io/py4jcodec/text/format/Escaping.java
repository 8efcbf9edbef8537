package io.py4jcodec.text.format;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Py4J's string escaping, both directions, both sides: the one place the rule is written, for
 * strings and for the bytes on the wire ({@link #escapeLetter} and {@link #unescapeLetter} are the
 * rule; every loop here goes through them).
 *
 * <p><b>Escape</b> (identical on both sides, checked on 4,000 random strings by the shared
 * vectors): backslash becomes two backslashes, CR becomes {@code \r}, LF becomes {@code \n};
 * nothing else changes.
 *
 * <p><b>Unescape</b> differs on malformed input:
 * <ul>
 *   <li>Java ({@code StringUtil.unescape}): after a backslash, {@code n} gives LF, {@code r} gives CR,
 *       any other character gives itself (the backslash is dropped); a trailing backslash is dropped.</li>
 *   <li>Python ({@code unescape_new_line}): split on double backslashes; in each piece {@code \r}
 *       gives CR and {@code \n} gives LF; the pieces are joined with one backslash. So an unknown
 *       escape keeps its backslash, and so does a trailing one.</li>
 * </ul>
 * On well-formed input (what either escape produces) both give the same result.
 *
 * <pre>{@code
 * Escaping.escape("a\nb\\");                // "a\\nb\\\\"
 * Escaping.unescape(Side.JAVA, "\\q");        // "q"
 * Escaping.unescape(Side.PYTHON, "\\q");      // "\\q"
 * Escaping.writeEscaped(Side.JAVA, "a\n", buffer, 0);   // writes a, \, n: 3 bytes
 * }</pre>
 *
 * <p>Hand-written rather than {@code String.replace} chains: one pass, no intermediate strings, and
 * the strict mode needs the position of the first malformed escape.
 */
public final class Escaping {
    private static final char NONE = 0;
    private static final long BACKSLASHES = Words.repeat((byte) '\\');

    private Escaping() {
    }

    /** The letter written after a backslash for {@code c}, or 0 when {@code c} is written as itself. */
    public static char escapeLetter(char c) {
        return c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : NONE;
    }

    /**
     * The character a well-formed escape {@code \\letter} stands for (both sides agree), or 0 when
     * the two sides read {@code \\letter} differently.
     */
    public static char unescapeLetter(int letter) {
        return letter == '\\' ? '\\' : letter == 'n' ? '\n' : letter == 'r' ? '\r' : NONE;
    }

    /** True if {@code s} holds a character that escaping changes. */
    public static boolean needsEscape(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (escapeLetter(s.charAt(i)) != NONE) {
                return true;
            }
        }
        return false;
    }

    /** The escaped form of {@code s}. */
    public static String escape(String s) {
        if (!needsEscape(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            char letter = escapeLetter(c);
            if (letter == NONE) {
                b.append(c);
            } else {
                b.append('\\').append(letter);
            }
        }
        return b.toString();
    }

    /**
     * Index of the first escape that the two sides read differently (a backslash followed by
     * anything other than backslash, {@code n} or {@code r}, or a trailing backslash), or -1.
     */
    public static int firstMalformedEscape(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) == '\\') {
                if (i + 1 >= n) {
                    return i;
                }
                if (unescapeLetter(s.charAt(i + 1)) == NONE) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /**
     * For strict readers: throws {@link io.py4jcodec.api.Reason#BAD_ESCAPE} at the byte of the first
     * escape the two peers read differently.
     *
     * @param offset the stream offset of the first byte of {@code raw}
     * @param part   the line index within the frame
     */
    public static void checkWellFormed(String raw, long offset, int part) {
        int bad = firstMalformedEscape(raw);
        if (bad >= 0) {
            throw ProtocolException.of(Reason.BAD_ESCAPE, offset + Utf8.encodedLength(raw.substring(0, bad)), part,
                    "escape the two peers read differently (strict): " + ProtocolException.snippet(raw.substring(bad)));
        }
    }

    /** Unescapes as {@code side} does. The caller checks {@link #firstMalformedEscape} first in strict mode. */
    public static String unescape(Side side, String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        return side == Side.JAVA ? unescapeJava(s) : unescapePython(s);
    }

    /** {@code StringUtil.unescape}: unknown escapes and a trailing backslash lose the backslash. */
    public static String unescapeJava(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean escaping = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (escaping) {
                char known = unescapeLetter(c);
                b.append(known == NONE ? c : known);
                escaping = false;
            } else if (c == '\\') {
                escaping = true;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code unescape_new_line}: pieces between double backslashes; unknown escapes are kept. */
    public static String unescapePython(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                // a double backslash is a piece separator, so the next backslash starts fresh
                char known = unescapeLetter(s.charAt(i + 1));
                if (known != NONE) {
                    b.append(known);
                    i++;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The text of the line {@code buf[from, end)} unescaped as {@code side} reads it: lenient Java
     * replaces bad UTF-8, every other reader rejects it; a strict reader rejects an escape the two
     * sides read differently ({@link Reason#BAD_ESCAPE}).
     *
     * @param base the stream offset of {@code buf[0]}, for errors
     * @param part the line index within the frame, for errors
     */
    public static String unescape(Side side, boolean strict, DirectBuffer buf, int from, int end, long base, int part) {
        byte[] array = buf.byteArray();
        if (array != null) {
            int adj = buf.wrapAdjustment();
            String fast = unescapeAscii(array, from + adj, end + adj);
            if (fast != null) {
                return fast;
            }
        }
        String raw = Utf8.decode(side, strict, buf, from, end, base, part);
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        if (strict) {
            checkWellFormed(raw, base + from, part);
        }
        return unescape(side, raw);
    }

    /**
     * ASCII text whose escapes are all well-formed, unescaped in one pass over the bytes; null for
     * anything else (non-ASCII, an escape the sides read differently), which takes the general path.
     *
     * <p>Hand-written, eight bytes at a time: the plain runs between escapes are short (PySpark's
     * strings, and {@code strings-10k}'s 13 bytes on average), so a {@code System.arraycopy} per run
     * cost more than the copying (EscapeBench: 9.0-10.2 µs for 10 KiB against 2.3 µs for a plain
     * byte scan). Each word is copied whole and the output advanced only past its plain bytes; the
     * output has room, since every escape before it shrank the text by one byte.
     */
    private static String unescapeAscii(byte[] a, int from, int end) {
        int i = nextStop(a, from, end);
        if (i == end) {
            return new String(a, from, end - from, StandardCharsets.ISO_8859_1);
        }
        byte[] out = new byte[end - from];
        int o = i - from;
        System.arraycopy(a, from, out, 0, o);
        while (i < end) {
            // a[i] ends a plain run: a backslash starts an escape, a non-ASCII byte is the general path's
            if (a[i] != '\\' || i + 1 == end) {
                return null;
            }
            char known = unescapeLetter(a[i + 1]);
            if (known == NONE) {
                return null;
            }
            out[o++] = (byte) known;
            i += 2;
            // o <= i - from - 1 from here on, so o + 8 <= out.length wherever i + 8 <= end
            for (;;) {
                if (i + Long.BYTES > end) {
                    while (i < end && !isStop(a[i])) {
                        out[o++] = a[i++];
                    }
                    break;
                }
                long w = Words.get(a, i);
                Words.set(out, o, w);
                long s = stops(w);
                if (s != 0) {
                    int plain = Words.firstMarked(s);
                    i += plain;
                    o += plain;
                    break;
                }
                i += Long.BYTES;
                o += Long.BYTES;
            }
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    /** Index of the first backslash or non-ASCII byte in {@code a[from, end)}, {@code end} if none. */
    private static int nextStop(byte[] a, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long s = stops(Words.get(a, i));
            if (s != 0) {
                return i + Words.firstMarked(s);
            }
        }
        for (; i < end; i++) {
            if (isStop(a[i])) {
                return i;
            }
        }
        return end;
    }

    /** Whether {@code b} ends a plain ASCII run: a backslash, or a non-ASCII byte. */
    private static boolean isStop(byte b) {
        return b == '\\' || b < 0;
    }

    /** Marks (see {@link Words}) the bytes of {@code w} that {@link #isStop} would stop at. */
    private static long stops(long w) {
        return Words.matches(w, BACKSLASHES) | Words.nonAscii(w);
    }

    /**
     * Writes {@code s} escaped at {@code index} in {@code side}'s UTF-8 (see
     * {@link Utf8#write(Side, CharSequence, MutableDirectBuffer, int)}) and returns the bytes written.
     */
    public static int writeEscaped(Side side, String s, MutableDirectBuffer dst, int index) {
        int n = s.length();
        if (dst.isExpandable() || dst.capacity() - index >= 2L * n) {
            dst.checkLimit(index + 2 * n); // the ASCII worst case: every char escaped
            byte[] a = dst.byteArray();
            if (a != null) {
                // ASCII straight into the array, escapes inline; the rest (if any) the general way
                int adj = dst.wrapAdjustment();
                int p = index + adj;
                int i = 0;
                for (; i < n; i++) {
                    char c = s.charAt(i);
                    if (c > '\\') {
                        // lowercase letters and the like: the common case, one test
                        if (c >= 0x80) {
                            break;
                        }
                        a[p++] = (byte) c;
                    } else {
                        char letter = escapeLetter(c);
                        if (letter != NONE) {
                            a[p++] = '\\';
                            c = letter;
                        }
                        a[p++] = (byte) c;
                    }
                }
                int written = p - adj - index;
                return i == n ? written : written + writeEscapedGeneral(side, s.substring(i), dst, index + written);
            }
        }
        return writeEscapedGeneral(side, s, dst, index);
    }

    private static int writeEscapedGeneral(Side side, String s, MutableDirectBuffer dst, int index) {
        int n = s.length();
        int p = index;
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            char letter = escapeLetter(s.charAt(i));
            if (letter != NONE) {
                if (i > runStart) {
                    p += Utf8.write(side, s.substring(runStart, i), dst, p);
                }
                dst.putByte(p++, (byte) '\\');
                dst.putByte(p++, (byte) letter);
                runStart = i + 1;
            }
        }
        if (runStart == 0) {
            return Utf8.write(side, s, dst, index);
        }
        if (runStart < n) {
            p += Utf8.write(side, s.substring(runStart), dst, p);
        }
        return p - index;
    }
}
