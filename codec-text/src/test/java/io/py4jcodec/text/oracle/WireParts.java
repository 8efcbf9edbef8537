package io.py4jcodec.text.oracle;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.format.PythonFloatFormat;
import io.py4jcodec.text.part.PartEncoder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;

/**
 * Typed parts as bytes of one line (no CR or LF): canonical ones written by our Python and Java
 * encoders, and lenient or broken ones a foreign peer could send.
 */
final class WireParts {
    private WireParts() {
    }

    static final String[] BOUND_IDS = {"t", "j", "o0", "o1", "o7", "o123", "x y", "\u00e9t\u00e9", "GATEWAY_SERVER", "z:java.lang.Math"};
    static final String[] INTERFACES = {"java.lang.Runnable", "java.util.concurrent.Callable", "java.lang.Comparable",
        "java.lang.AutoCloseable", "java.lang.Iterable", "java.util.function.Supplier", "java.util.Map$Entry",
        "java.lang.CharSequence", "java.io.Serializable"};
    static final String[] NOT_INTERFACES = {"java.lang.String", "java.lang.Object", "no.such.Iface", "",
        " java.lang.Runnable", "java.lang.Runnable ", "int", "java/lang/Runnable", "java.lang.runnable", "[Ljava.lang.Runnable;"};

    private static final PartEncoder PY = new PartEncoder(Side.PYTHON);
    private static final PartEncoder JAVA = new PartEncoder(Side.JAVA);

    /** A part of any kind: canonical, mutated canonical, synthetic per prefix, or junk. */
    static byte[] any(Gen g) {
        byte[] b = switch (g.r.nextInt(10)) {
            case 0, 1, 2 -> canonical(g);
            case 3, 4 -> mutate(g, canonical(g));
            case 5, 6, 7, 8 -> utf8(synthetic(g));
            default -> junk(g);
        };
        return stripLineEnds(b);
    }

    static byte[] stripLineEnds(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        for (byte x : b) {
            if (x != '\n' && x != '\r') {
                out.write(x);
            }
        }
        return out.toByteArray();
    }

    /** What our encoders write for a random value (on the Python side, only values Python can write). */
    static byte[] canonical(Gen g) {
        while (true) {
            Value v = value(g);
            PartEncoder enc = g.r.nextBoolean() ? PY : JAVA;
            try {
                ExpandableArrayBuffer buf = new ExpandableArrayBuffer(64);
                int n = enc.encode(v, buf, 0);
                byte[] out = new byte[n];
                buf.getBytes(0, out);
                return out;
            } catch (ProtocolException unencodable) {
                // a lone surrogate for Python, a line break in an id: neither peer can write it
            }
        }
    }

    static Value value(Gen g) {
        return switch (g.r.nextInt(17)) {
            case 0, 1 -> new IntValue(g.chance(80) ? g.anyInt() : g.anyLong());
            case 2 -> new LongValue(g.anyLong());
            case 3, 4 -> new DoubleValue(g.anyDouble());
            case 5 -> g.r.nextBoolean() ? BooleanValue.TRUE : BooleanValue.FALSE;
            case 6 -> {
                BigDecimal d = g.decimal();
                yield new DecimalValue(d, d.signum() == 0 && g.chance(30));
            }
            case 7, 8 -> new StringValue(g.chance(50) ? g.escapeHeavy(40) : g.string(40));
            case 9 -> new BytesValue(g.bytes());
            case 10 -> g.r.nextBoolean() ? NullValue.INSTANCE : VoidValue.INSTANCE;
            case 11 -> new ReferenceValue(g.chance(70) ? g.pick(BOUND_IDS) : g.rawLine(12));
            case 12, 13 -> proxy(g);
            default -> {
                String id = "o" + g.between(0, 50);
                yield g.pick(new ListReference(id), new MapReference(id), new SetReference(id), new ArrayReference(id),
                        new IteratorReference(id));
            }
        };
    }

    static PythonProxyValue proxy(Gen g) {
        int n = g.between(1, 4);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(g.chance(85) ? g.pick(INTERFACES) : g.pick(NOT_INTERFACES)); // the encoder refuses "" and ";": retried
        }
        String id = g.chance(80) ? "p" + g.between(0, 999) : g.rawLine(6).replace(";", "");
        return new PythonProxyValue(id.isEmpty() ? "p" : id, names);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8); // a lone surrogate becomes '?', as Java's writer makes it
    }

    /** One to three edits at the byte level, some of which break the UTF-8. */
    static byte[] mutate(Gen g, byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(in);
        byte[] b = out.toByteArray();
        int edits = g.between(1, 3);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : g.r.nextInt(b.length + 1);
            byte[] ins = switch (g.r.nextInt(9)) {
                case 0 -> new byte[] {(byte) (char) g.pick(' ', '\t', '\0', '\u000b', '\f', '\u001f')};
                case 1 -> new byte[] {(byte) (char) g.pick('+', '-', '0', '=', '\\', '.', 'e', 'E', ';', 'n', 'r', '_', 'x', 'p')};
                case 2 -> utf8(g.pick("\u00e9", "\u00ff", "\u0100", "\ufffd", "\u0660", "\uff11", "\ud83d\ude00", "\u2028"));
                case 3 -> new byte[] {(byte) g.between(0x80, 0xff)};
                case 4 -> g.pick(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80},
                        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
                        new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98});
                default -> new byte[0];
            };
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            int kind = g.r.nextInt(4);
            if (kind == 0 && b.length > 0) {
                // delete a byte
                int d = g.r.nextInt(b.length);
                m.write(b, 0, d);
                m.write(b, d + 1, b.length - d - 1);
            } else if (kind == 1 && b.length > 0) {
                // swap the prefix letter
                m.write(g.letter("ibdDLsjnvrflahtgpcmoe!xyz"));
                m.write(b, 1, b.length - 1);
            } else {
                m.write(b, 0, at);
                m.writeBytes(ins);
                m.write(b, at, b.length - at);
            }
            b = m.toByteArray();
        }
        return b;
    }

    static byte[] junk(Gen g) {
        return switch (g.r.nextInt(5)) {
            case 0 -> utf8(g.pick("", "e", " ", "\t", " e", "e ", "\0", "\u000b\f", "ee", "E"));
            case 1 -> utf8(g.string(20));
            default -> {
                byte[] b = new byte[g.length(30)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) g.r.nextInt(256);
                }
                yield b;
            }
        };
    }

    /** A prefix with a payload of the kind that prefix reads, sometimes of another kind. */
    static String synthetic(Gen g) {
        char prefix = g.chance(90) ? g.letter("iiLdddDDbssjjjjnvrrffff") : g.letter("lahtgpcmoe!xyzIBN \u00e9");
        String payload = switch (g.chance(85) ? prefix : g.letter("idsjbrf")) {
            case 'i', 'L', 'd', 'D' -> number(g, g.chance(85) ? prefix : g.letter("iLdD"));
            case 'b' -> g.pick("true", "TRUE", "True", "tRuE", "false", "False", "", "1", "yes", " true", "true ", "t", g.string(6));
            case 's' -> g.chance(70) ? g.escapeHeavy(30) : g.string(30);
            case 'j' -> base64(g);
            case 'r' -> g.chance(60) ? g.pick(BOUND_IDS) : g.pick("", " ", "\t", " o1", "o1 ", "unbound", "\u0000", g.rawLine(10));
            case 'f' -> proxyText(g);
            default -> g.string(10);
        };
        return prefix + payload;
    }

    static String digits(Gen g, String ascii) {
        if (!g.chance(10)) {
            return ascii;
        }
        // Unicode decimal digits, which Integer.parseInt, Long.parseLong and new BigDecimal accept
        int zero = g.pick(0x0660, 0x06f0, 0x0966, 0xff10, 0x1d7ce);
        StringBuilder b = new StringBuilder();
        for (char ch : ascii.toCharArray()) {
            if (ch >= '0' && ch <= '9' && g.r.nextBoolean()) {
                b.appendCodePoint(zero + (ch - '0'));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    static String number(Gen g, char kind) {
        String base = switch (kind) {
            case 'i', 'L' -> switch (g.r.nextInt(6)) {
                case 0 -> new BigInteger(g.between(60, 70), new java.util.Random(g.r.nextLong()))
                        .multiply(BigInteger.valueOf(g.r.nextBoolean() ? 1 : -1)).toString(); // around the long range
                case 1 -> Long.toString(g.anyLong()) + g.pick("0", "00", "9");
                default -> g.chance(50) ? Integer.toString(g.anyInt()) : Long.toString(g.anyLong());
            };
            case 'd' -> switch (g.r.nextInt(5)) {
                case 0 -> g.pick("inf", "-inf", "nan", "Inf", "+inf", "NaN", "Infinity", "+Infinity", "-Infinity", "INF",
                        "1.5d", "1.5f", "1.5D", "0x1p3", "0x1.8P-2", "-0x1p-1074", "1e400", "-1e400", "1e-400", ".5", "5.",
                        "1e", "e5", "1.5e+", "Infinityx", "0x1p3d", "+.5e-3F", "1_0", "--1", "0.0", "-0.0", "-0");
                case 1 -> PythonFloatFormat.format(g.anyDouble());
                default -> Double.toString(g.anyDouble());
            };
            default -> switch (g.r.nextInt(5)) {
                case 0 -> g.pick("1E+2", "-0", "+1.5", ".5", "5.", "1e999999999", "1E2147483648", "1E-2147483649", "NaN",
                        "Infinity", "-0.00", "0E-7", "1_0", "1e", "e1", "+-1", "0x10", "1.2.3", "-.0e-0");
                case 1 -> g.decimal().toString();
                case 2 -> g.decimal().toEngineeringString();
                default -> g.decimal().toPlainString();
            };
        };
        String s = digits(g, base);
        if (g.chance(15)) {
            s = switch (g.r.nextInt(6)) {
                case 0 -> "+" + s;
                case 1 -> "000" + s;
                case 2 -> " " + s;
                case 3 -> s + " ";
                case 4 -> s + "\t";
                default -> s.isEmpty() ? s : s.substring(0, g.r.nextInt(s.length()));
            };
        }
        return s;
    }

    /** Base64 of random bytes, then whitespace, stray letters, misplaced padding, Latin-1 or wider chars. */
    static String base64(Gen g) {
        StringBuilder b = new StringBuilder(Base64.getEncoder().encodeToString(g.bytes()));
        int edits = g.chance(30) ? 0 : g.between(1, 3);
        for (int e = 0; e < edits; e++) {
            int at = g.r.nextInt(b.length() + 1);
            switch (g.r.nextInt(10)) {
                case 0 -> b.insert(at, g.pick(" ", "\t", "\u000b", "\f", "\0", "  "));
                case 1 -> b.insert(at, g.pick("!", "-", "_", ".", "*", "~", "@"));
                case 2 -> b.insert(at, g.pick("=", "==", "==="));
                case 3 -> b.append(g.pick("=", "==", "A", "AA", "AAA"));
                case 4 -> b.insert(at, (char) g.between(0x80, 0xff)); // skipped by py4j's table
                case 5 -> b.insert(at, g.pick("\u0100", "\ufffd", "\u20ac", "\ud83d\ude00")); // beyond py4j's table
                case 6 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(g.r.nextInt(b.length()));
                    }
                }
                case 7 -> b.setLength(g.r.nextInt(b.length() + 1));
                case 8 -> b.insert(at, g.pick("A", "/", "+", "Z9"));
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(g.r.nextInt(b.length()), g.pick('=', 'A', '/', ' '));
                    }
                }
            }
        }
        return b.toString();
    }

    static String proxyText(Gen g) {
        StringBuilder b = new StringBuilder(g.chance(80) ? "p" + g.between(0, 99) : g.pick("", " ", "t", g.rawLine(5)));
        int n = g.chance(5) ? g.between(255, 300) : g.between(0, 4);
        for (int i = 0; i < n; i++) {
            b.append(';');
            if (g.chance(5)) {
                b.append(';'); // an empty element between
            }
            b.append(g.chance(80) ? g.pick(INTERFACES) : g.pick(NOT_INTERFACES));
        }
        if (g.chance(10)) {
            b.append(g.pick(";", ";;"));
        }
        return b.toString();
    }
}
