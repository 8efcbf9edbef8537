package io.py4jcodec.text.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.testkit.Recorded;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Shared plumbing for the vector tests: one dynamic test per record, named so that a failure names
 * the record, and helpers that drive the real decoders over a record's bytes.
 */
final class Vectors {
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    /** The records of {@code vectors/<file>.json}. */
    static JsonNode records(String file) {
        JsonNode all = Recorded.json("vectors/" + file + ".json");
        assertTrue(all.isArray() && all.size() > 0, file + " holds records");
        return all;
    }

    /**
     * One container per file with one test per record, named {@code file#index function [label]}; a
     * record that the body marks as a documented difference carries that in its name too, so the
     * report lists them.
     */
    static DynamicContainer perRecord(String file, java.util.function.BiFunction<Integer, JsonNode, String> label,
                                      BiConsumer<Integer, JsonNode> body) {
        JsonNode all = records(file);
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode r = all.get(i);
            int index = i;
            String name = file + "#" + i + " " + r.path("function").asText() + " " + label.apply(i, r);
            String shown = name.strip();
            tests.add(DynamicTest.dynamicTest(shown, () -> {
                try {
                    body.accept(index, r);
                } catch (AssertionError | RuntimeException e) {
                    // surefire reports dynamic tests by position; the message must name the record
                    throw new AssertionError(shown + ": " + e.getMessage(), e);
                }
            }));
        }
        assertEquals(all.size(), tests.size(), file + ": one test per record");
        return DynamicContainer.dynamicContainer(file + " (" + all.size() + " records)", tests);
    }

    static Stream<DynamicNode> stream(DynamicContainer... files) {
        return Stream.of(files);
    }

    /** A short readable form of a wire string for test names. */
    static String show(String s) {
        if (s == null) {
            return "null";
        }
        String t = ProtocolException.snippet(s);
        return t.length() > 50 ? t.substring(0, 47) + "...\"" : t;
    }

    static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- bytes ----

    static byte[] hex(String h) {
        return HEX.parseHex(h);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The record's bytes for {@code wire}: {@code wire_utf8_hex} when recorded, else UTF-8 of the text. */
    static byte[] wireBytes(JsonNode r) {
        JsonNode h = r.get("wire_utf8_hex");
        if (h != null && !h.isNull()) {
            return hex(h.asText());
        }
        return utf8(r.get("wire").asText());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    // ---- codecs ----

    static TextDecoder decoder(Side readsAs, ConnectionMode mode, boolean strict) {
        return TextCodec.builder(readsAs).mode(mode).strict(strict).build().newDecoder();
    }

    static TextDecoder decoder(Side readsAs) {
        return decoder(readsAs, ConnectionMode.GATEWAY, false);
    }

    static byte[] encode(Side writer, Message m) {
        return TextCodec.of(writer).newEncoder().encode(m);
    }

    /** One frame's outcome: a message, or the error the decoder reported for those bytes. */
    record Outcome(Message message, ProtocolException error, int start, int length) {
        boolean ok() {
            return message != null;
        }

        Message get() {
            if (error != null) {
                throw new AssertionError("expected a message, got " + error, error);
            }
            return message;
        }

        ProtocolException err() {
            assertNotNull(error, "expected an error, got " + message);
            return error;
        }
    }

    /** Result of decoding a whole stream: the frames, and where the decoder stopped. */
    record Decoded(List<Outcome> frames, int consumed, boolean closed) {
        Outcome only() {
            assertEquals(1, frames.size(), "frames: " + frames);
            return frames.get(0);
        }

        Outcome get(int i) {
            assertTrue(i < frames.size(), "frame " + i + " of " + frames);
            return frames.get(i);
        }
    }

    /**
     * Decodes {@code bytes} frame by frame as one socket read, skipping resynchronised bad frames as a
     * caller would, and stopping at a closing error. With {@code eof} the last call is
     * {@code decodeLast}, as at end of stream.
     */
    static Decoded decodeAll(TextDecoder d, byte[] bytes, boolean eof) {
        UnsafeBuffer buf = new UnsafeBuffer(bytes);
        List<Outcome> out = new ArrayList<>();
        int off = 0;
        while (eof || off < bytes.length) {
            try {
                int n = eof ? d.decodeLast(buf, off, bytes.length - off) : d.decode(buf, off, bytes.length - off);
                if (n == 0) {
                    break;
                }
                out.add(new Outcome(d.message(), null, off, n));
                off += n;
            } catch (ProtocolException e) {
                if (!e.resynchronized()) {
                    out.add(new Outcome(null, e, off, bytes.length - off));
                    return new Decoded(out, off, true);
                }
                assertTrue(e.skipBytes() > 0, "a resynchronised error skips its frame");
                out.add(new Outcome(null, e, off, e.skipBytes()));
                off += e.skipBytes();
            }
        }
        return new Decoded(out, off, false);
    }

    /** The same stream fed one byte more at a time must give the same frames (the incremental path). */
    static Decoded decodeByteByByte(TextDecoder d, byte[] bytes) {
        UnsafeBuffer buf = new UnsafeBuffer(bytes);
        List<Outcome> out = new ArrayList<>();
        int off = 0;
        int len = 1;
        while (off + len <= bytes.length) {
            try {
                int n = d.decode(buf, off, len);
                if (n == 0) {
                    len++;
                    continue;
                }
                out.add(new Outcome(d.message(), null, off, n));
                off += n;
            } catch (ProtocolException e) {
                if (!e.resynchronized()) {
                    out.add(new Outcome(null, e, off, bytes.length - off));
                    return new Decoded(out, off, true);
                }
                out.add(new Outcome(null, e, off, e.skipBytes()));
                off += e.skipBytes();
            }
            len = 1;
        }
        if (off < bytes.length) {
            // all bytes are in and a frame is still open: end of stream, on a moved copy of the rest
            Decoded tail = decodeAll(d, java.util.Arrays.copyOfRange(bytes, off, bytes.length), true);
            for (Outcome o : tail.frames()) {
                out.add(new Outcome(o.message(), o.error(), off + o.start(), o.length()));
            }
            return new Decoded(out, off + tail.consumed(), tail.closed());
        }
        return new Decoded(out, off, false);
    }

    static void assertSameFrames(Decoded whole, Decoded pieces, String where) {
        assertEquals(whole.frames().size(), pieces.frames().size(), where + ": frame count byte by byte");
        for (int i = 0; i < whole.frames().size(); i++) {
            Outcome a = whole.frames().get(i);
            Outcome b = pieces.frames().get(i);
            assertEquals(a.message(), b.message(), where + ": frame " + i + " byte by byte");
            assertEquals(a.error() == null ? null : a.error().reason(), b.error() == null ? null : b.error().reason(),
                    where + ": frame " + i + " error byte by byte");
            assertEquals(a.length(), b.length(), where + ": frame " + i + " length byte by byte");
        }
    }

    static void assertReason(Reason expected, Outcome o, String where) {
        ProtocolException e = o.err();
        assertEquals(expected, e.reason(), where + ": " + e.getMessage());
    }

    static void assertBytes(byte[] expected, byte[] actual, String where) {
        if (!java.util.Arrays.equals(expected, actual)) {
            fail(where + ": expected " + show(new String(expected, StandardCharsets.UTF_8)) + " [" + hex(expected)
                    + "] but was " + show(new String(actual, StandardCharsets.UTF_8)) + " [" + hex(actual) + "]");
        }
    }

    // ---- reading the recorded Python descriptions ----

    /**
     * Python's {@code float.hex()} text ({@code 0x1.8000000000000p+0}, {@code -0x0.0p+0},
     * {@code inf}, {@code nan}) as a double. Java's hex-float grammar is the same apart from the
     * special values, which Python spells in lower case.
     */
    static double pyFloatHex(String h) {
        switch (h) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!h.matches("-?0x[0-9a-f]\\.[0-9a-f]+p[+-]\\d+")) {
                    throw new IllegalArgumentException("not float.hex() output: " + h);
                }
                return Double.parseDouble(h);
        }
    }

    /** A Python {@code repr} of a {@code str}: quoted, with {@code \\ \' \n \r \t \xhh \\uhhhh \Uhhhhhhhh} escapes. */
    static String pyStrRepr(String repr) {
        char q = repr.charAt(0);
        if ((q != '\'' && q != '"') || repr.charAt(repr.length() - 1) != q || repr.length() < 2) {
            throw new IllegalArgumentException("not a str repr: " + repr);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < repr.length() - 1; i++) {
            char c = repr.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = repr.charAt(++i);
            switch (e) {
                case '\\', '\'', '"' -> b.append(e);
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'x' -> {
                    b.append((char) Integer.parseInt(repr.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(repr.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    b.appendCodePoint(Integer.parseInt(repr.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> throw new IllegalArgumentException("escape \\" + e + " in " + repr);
            }
        }
        return b.toString();
    }

    /** {@code Decimal('1E+2')} as the model's decimal (Python's {@code -0} keeps its sign). */
    static io.py4jcodec.api.model.DecimalValue pyDecimalRepr(String repr) {
        if (!repr.startsWith("Decimal('") || !repr.endsWith("')")) {
            throw new IllegalArgumentException("not a Decimal repr: " + repr);
        }
        String text = repr.substring("Decimal('".length(), repr.length() - 2);
        BigDecimal v = new BigDecimal(text);
        return new io.py4jcodec.api.model.DecimalValue(v, v.signum() == 0 && text.startsWith("-"));
    }

    /** A Python {@code int} repr, checked to fit the model's 64 bits. */
    static long pyInt(String repr) {
        return new BigInteger(repr).longValueExact();
    }
}
