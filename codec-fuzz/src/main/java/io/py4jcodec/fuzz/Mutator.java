package io.py4jcodec.fuzz;

import io.py4jcodec.testkit.Entropy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structure-aware mutations of text-protocol frames: each knows about lines, type prefixes,
 * escapes, the {@code e} terminator, sub-commands and argument counts, and is named, so a finding
 * can say what broke it. The same operators serve commands (to fuzz a server) and answers (to fuzz
 * a client).
 */
public final class Mutator {

    /** A named mutation. */
    public enum Op {
        DROP_LINE, DUP_LINE, SWAP_LINES, BLANK_LINE, WHITESPACE_LINE, CRLF, CR_ONLY, CR_IN_VALUE, LF_IN_VALUE,
        TRUNCATE, NO_FINAL_LF, PREFIX, BAD_ESCAPE, TRAILING_BACKSLASH, BAD_UTF8, SURROGATE_UTF8, ASTRAL,
        UNICODE_LINE_SEP, NUL_BYTE, NUMBER_OVERFLOW, BAD_NUMBER, BAD_BASE64, LONG_LINE, EXTRA_ARGS, DROP_END,
        SUB_COMMAND, COMMAND_NAME, BANG, DOUBLE_FRAME, FLIP_BYTE, EMPTY_PROXY, MANY_INTERFACES
    }

    /** The mutated bytes and the operators applied, in order. */
    public record Mutation(byte[] bytes, List<Op> ops) {
        public String name() {
            return ops.stream().map(o -> o.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .reduce((a, b) -> a + "+" + b).orElse("none");
        }
    }

    private static final Op[] OPS = Op.values();
    private static final String PREFIXES = "ilLdDbsjnvrftgmhaupcoyxz!eA";

    private Mutator() {
    }

    /** One to three mutations of {@code frame}. */
    public static Mutation mutate(byte[] frame, Entropy e) {
        int n = 1 + (e.oneIn(3) ? e.choose(3) : 0);
        List<Op> ops = new ArrayList<>(n);
        byte[] cur = frame;
        for (int i = 0; i < n; i++) {
            Op op = OPS[e.choose(OPS.length)];
            cur = apply(op, cur, e);
            ops.add(op);
        }
        return new Mutation(cur, List.copyOf(ops));
    }

    /** Applies one operator. */
    public static byte[] apply(Op op, byte[] frame, Entropy e) {
        List<byte[]> lines = lines(frame);
        int nl = lines.size();
        int at = nl == 0 ? 0 : e.choose(nl);
        switch (op) {
            case DROP_LINE -> {
                if (nl > 0) {
                    lines.remove(at);
                }
            }
            case DUP_LINE -> {
                if (nl > 0) {
                    lines.add(at, lines.get(at));
                }
            }
            case SWAP_LINES -> {
                if (nl > 1) {
                    int b = e.choose(nl);
                    byte[] t = lines.get(at);
                    lines.set(at, lines.get(b));
                    lines.set(b, t);
                }
            }
            case BLANK_LINE -> lines.add(Math.min(at + 1, nl), new byte[0]);
            case WHITESPACE_LINE -> lines.add(Math.min(at + 1, nl), ascii(e.pick(" ", "\t", " \t ", "\u000b", "\f")));
            case CRLF -> {
                return join(lines, "\r\n".getBytes(StandardCharsets.US_ASCII), frame);
            }
            case CR_ONLY -> {
                return replaceOneLf(frame, e, "\r");
            }
            case CR_IN_VALUE -> insertInLine(lines, at, e, ascii(e.pick("\r", "\r\n", "\\r")));
            case LF_IN_VALUE -> insertInLine(lines, at, e, ascii(e.pick("\n", "\\n", "\\\n")));
            case TRUNCATE -> {
                return frame.length == 0 ? frame : Arrays.copyOf(frame, e.choose(frame.length));
            }
            case NO_FINAL_LF -> {
                return frame.length > 0 && frame[frame.length - 1] == '\n' ? Arrays.copyOf(frame, frame.length - 1) : frame;
            }
            case PREFIX -> {
                if (nl > 0) {
                    byte[] l = lines.get(at).clone();
                    byte p = (byte) PREFIXES.charAt(e.choose(PREFIXES.length()));
                    if (l.length == 0) {
                        l = new byte[] {p};
                    } else {
                        l[0] = p;
                    }
                    lines.set(at, l);
                }
            }
            case BAD_ESCAPE -> insertInLine(lines, at, e, ascii(e.pick("\\q", "\\t", "\\\\\\", "\\u0041", "\\x", "\\0")));
            case TRAILING_BACKSLASH -> {
                if (nl > 0) {
                    lines.set(at, concat(lines.get(at), ascii("\\")));
                }
            }
            case BAD_UTF8 -> insertInLine(lines, at, e, e.pick(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
                    new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0x80}));
            case SURROGATE_UTF8 -> insertInLine(lines, at, e, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
            case ASTRAL -> insertInLine(lines, at, e, "😀".getBytes(StandardCharsets.UTF_8));
            case UNICODE_LINE_SEP -> insertInLine(lines, at, e, e.pick("\u2028", "\u0085", "\u2029").getBytes(StandardCharsets.UTF_8));
            case NUL_BYTE -> insertInLine(lines, at, e, new byte[] {0});
            case NUMBER_OVERFLOW -> {
                if (nl > 0) {
                    lines.set(at, ascii(e.pick("i", "L", "d", "D", "l", "a", "t") + e.pick("2147483648", "-2147483649",
                            "9223372036854775808", "99999999999999999999999999", "1e400", "-0", "0x10", "+5", "1_000", " 7", "")));
                }
            }
            case BAD_NUMBER -> {
                if (nl > 0) {
                    lines.set(at, ascii(e.pick("i", "L", "d", "D", "b") + e.pick("abc", "1.5", "NaN", "Infinity", "--1",
                            "1e", ".", "TRUE", "yes", "١٢")));
                }
            }
            case BAD_BASE64 -> {
                if (nl > 0) {
                    lines.set(at, ("j" + e.pick("A", "AA", "AAA", "AAE", "====", "A===", "QQ=", "Q Q==", "ā", "QUJD\nRA==")).getBytes(StandardCharsets.UTF_8));
                }
            }
            case LONG_LINE -> {
                if (nl > 0) {
                    int n = e.pick(1000, 8192, 65537, 200_000);
                    byte[] l = lines.get(at);
                    byte[] big = Arrays.copyOf(l.length == 0 ? ascii("s") : l, Math.max(l.length, 1) + n);
                    Arrays.fill(big, Math.max(l.length, 1), big.length, (byte) 'a');
                    lines.set(at, big);
                }
            }
            case EXTRA_ARGS -> {
                int pos = endIndex(lines);
                int k = 1 + e.choose(e.oneIn(5) ? 2000 : 4);
                for (int i = 0; i < k; i++) {
                    lines.add(pos, ascii(e.pick("i1", "sx", "n", "btrue", "d1.5", "ro0", "L5", "jAA==")));
                }
            }
            case DROP_END -> {
                int pos = endIndex(lines);
                if (pos < nl) {
                    lines.remove(pos);
                }
            }
            case SUB_COMMAND -> {
                if (nl > 1) {
                    lines.set(1, ascii(e.pick("q", "", "zz", "A", "e", "!", "u", "x", " ", "mm")));
                }
            }
            case COMMAND_NAME -> {
                if (nl > 0) {
                    lines.set(0, ascii(e.pick("q", "C", "cc", "", " c", "c ", "!y", "e", "A", "g", "x", "\u00e7")));
                }
            }
            case BANG -> {
                if (nl > 0) {
                    lines.set(at, concat(ascii("!"), lines.get(at)));
                }
            }
            case DOUBLE_FRAME -> {
                return concat(frame, frame);
            }
            case FLIP_BYTE -> {
                if (frame.length > 0) {
                    byte[] f = frame.clone();
                    f[e.choose(f.length)] ^= (byte) (1 << e.choose(8));
                    return f;
                }
            }
            case EMPTY_PROXY -> {
                if (nl > 0) {
                    lines.set(at, ascii(e.pick("f", "f;", "fp1;", "fp1", "f;java.lang.Runnable", "fp1;;")));
                }
            }
            case MANY_INTERFACES -> {
                if (nl > 0) {
                    lines.set(at, ascii("fp1" + ";java.lang.Runnable".repeat(1 + e.choose(600))));
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
        return join(lines, new byte[] {'\n'}, frame);
    }

    /** Splits at LF; a final unterminated fragment is a line too. */
    static List<byte[]> lines(byte[] frame) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == '\n') {
                out.add(Arrays.copyOfRange(frame, start, i));
                start = i + 1;
            }
        }
        if (start < frame.length) {
            out.add(Arrays.copyOfRange(frame, start, frame.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines, byte[] sep, byte[] original) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16);
        boolean lastTerminated = original.length == 0 || original[original.length - 1] == '\n';
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || lastTerminated) {
                out.writeBytes(sep);
            }
        }
        return out.toByteArray();
    }

    private static int endIndex(List<byte[]> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).length == 1 && lines.get(i)[0] == 'e') {
                return i;
            }
        }
        return lines.size();
    }

    private static void insertInLine(List<byte[]> lines, int at, Entropy e, byte[] what) {
        if (lines.isEmpty()) {
            lines.add(what);
            return;
        }
        byte[] l = lines.get(at);
        int pos = l.length == 0 ? 0 : 1 + e.choose(l.length);
        byte[] out = new byte[l.length + what.length];
        System.arraycopy(l, 0, out, 0, pos);
        System.arraycopy(what, 0, out, pos, what.length);
        System.arraycopy(l, pos, out, pos + what.length, l.length - pos);
        lines.set(at, out);
    }

    private static byte[] replaceOneLf(byte[] frame, Entropy e, String with) {
        int count = 0;
        for (byte b : frame) {
            if (b == '\n') {
                count++;
            }
        }
        if (count == 0) {
            return frame;
        }
        int target = e.choose(count);
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 2);
        int seen = 0;
        for (byte b : frame) {
            if (b == '\n' && seen++ == target) {
                out.writeBytes(ascii(with));
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
