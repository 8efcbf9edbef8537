package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad input: each case gets a {@link ProtocolException} with the right reason, at
 * the right byte, and leaves the decoder in the documented state: resynchronised (the next frame
 * decodes) or closed (every later call says so). Inputs are fed whole, and again one byte at a
 * time, so no case can hang on partial input.
 *
 * <p>The marker {@code ^} in an input is not sent: it marks the byte the error must point at.
 */
class BadInputCatalogueTest {
    /** A valid frame appended after each bad one: decodable only if the decoder resynchronised. */
    static final String NEXT_CALL = "c\nt\nok\ne\n";
    static final String NEXT_ANSWER = "!yv\n";

    record Case(String name, TextCodec codec, String input, Reason reason, boolean resyncs, boolean atEof) {
        byte[] bytes() {
            return input.replace("^", "").getBytes(StandardCharsets.ISO_8859_1);
        }

        long expectedOffset() {
            return input.indexOf('^');
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static TextCodec java() {
        return TextCodec.of(Side.JAVA);
    }

    static TextCodec javaStrict() {
        return TextCodec.builder(Side.JAVA).strict(true).build();
    }

    static TextCodec python() {
        return TextCodec.of(Side.PYTHON);
    }

    static TextCodec limited(Limits limits) {
        return TextCodec.builder(Side.JAVA).limits(limits).build();
    }

    // ISO-8859-1 strings: each char is one byte, so \u00ff below is the byte 0xFF
    static Stream<Case> cases() {
        return Stream.of(
                new Case("truncated frame (strict Java)", javaStrict(), "c\nt\nadd\ni1\n^", Reason.TRUNCATED, false, true),
                new Case("truncated line (strict Java)", javaStrict(), "c\nt\nadd\ni1^", Reason.TRUNCATED, false, true),
                new Case("truncated fixed layout (lenient Java)", java(), "f\ng\no1\n^", Reason.TRUNCATED, false, true),
                new Case("truncated answer (Python drops a char at EOF)", python(), "!yi5^", Reason.TRUNCATED, false, true),
                new Case("missing e (strict)", javaStrict(), "f\ng\no1\nname\n^x\n", Reason.MISSING_END, true, false),
                new Case("blank line ends an argument list (strict)", javaStrict(), "c\nt\nadd\ni1\n^\ni2\ne\n",
                        Reason.EMPTY_PART, true, false),
                new Case("unknown command (Java resets)", java(), "^q\nfoo\ne\n", Reason.UNKNOWN_COMMAND, false, false),
                new Case("unknown command (Python answers !xn)", python(), "^q\nfoo\n", Reason.UNKNOWN_COMMAND, true, false),
                new Case("unknown sub-command", java(), "f\n^q\n", Reason.UNKNOWN_SUBCOMMAND, true, false),
                new Case("unknown list sub-command reads id and e", java(), "l\n^q\no1\ne\n", Reason.UNKNOWN_SUBCOMMAND, true, false),
                new Case("unknown type prefix", java(), "c\nt\nm\n^x1\ne\n", Reason.UNKNOWN_TYPE, true, false),
                new Case("proxy part read by Python", python(), "c\np0\nm\n^fp1;a.B\ne\n", Reason.UNKNOWN_TYPE, true, false),
                new Case("empty reference", java(), "c\nt\nm\nr^\ne\n", Reason.EMPTY_REFERENCE, true, false),
                new Case("bad escape (strict)", javaStrict(), "c\nt\nm\nsab^\\q\ne\n", Reason.BAD_ESCAPE, true, false),
                new Case("trailing backslash (strict)", javaStrict(), "c\nt\nm\nsab^\\\ne\n", Reason.BAD_ESCAPE, true, false),
                new Case("int overflow", java(), "c\nt\nm\ni^99999999999999999999\ne\n", Reason.NUMBER_OUT_OF_RANGE, true, false),
                new Case("long overflow", java(), "c\nt\nm\nL^-9223372036854775809\ne\n", Reason.NUMBER_OUT_OF_RANGE, true, false),
                new Case("i beyond int range (strict)", javaStrict(), "c\nt\nm\ni^2147483648\ne\n", Reason.NUMBER_OUT_OF_RANGE, true, false),
                new Case("not a number", java(), "c\nt\nm\ni^1.0\ne\n", Reason.BAD_NUMBER, true, false),
                new Case("hex float (strict)", javaStrict(), "c\nt\nm\nd^0x1p3\ne\n", Reason.BAD_NUMBER, true, false),
                // found by Jazzer (pythonTextReader): the strict check wrote Java's plain form of the value to compare
                // it, 2 billion digits here (an OutOfMemoryError), 116 million for the fuzzer's 423 bytes
                new Case("decimal exponent neither peer writes (strict Java)", javaStrict(), "c\nt\nm\nD^1e+2000000000\ne\n",
                        Reason.BAD_NUMBER, true, false),
                new Case("decimal exponent neither peer writes (strict Python)", TextCodec.builder(Side.PYTHON).strict(true).build(),
                        "!yD^1e+2000000000\n", Reason.BAD_NUMBER, true, false),
                new Case("boolean other than true/false (strict)", javaStrict(), "c\nt\nm\nb^yes\ne\n", Reason.BAD_BOOLEAN, true, false),
                new Case("bad Base64 length", java(), "c\nt\nm\nj^AAE\ne\n", Reason.BAD_BASE64, true, false),
                new Case("bad Base64 padding (Python)", python(), "!yj^AA=\n", Reason.BAD_BASE64, true, false),
                new Case("invalid UTF-8 (Python)", python(), "!ysab^\u00ff\n", Reason.BAD_UTF8, true, false),
                new Case("invalid UTF-8 (strict Java)", javaStrict(), "c\nt\nm\nsa^\u00c3(\ne\n", Reason.BAD_UTF8, true, false),
                new Case("bad answer status", python(), "!^q5\n", Reason.BAD_ANSWER, true, false),
                new Case("lone ! (Python)", python(), "!^\n", Reason.BAD_ANSWER, true, false),
                new Case("proxy without interface", java(), "c\nt\nm\nf^p0\ne\n", Reason.BAD_PROXY, true, false),
                new Case("blank proxy id closes the Python reader", python(), "c\n^\n", Reason.EMPTY_REFERENCE, false, false),
                new Case("cancel port not an int", java(), "z\n127.0.0.1\n^x\n1\n", Reason.BAD_NUMBER, true, false),
                new Case("over-long line", limited(Limits.builder().maxLineBytes(16).build()),
                        "c\n^" + "x".repeat(40) + "\n", Reason.LINE_TOO_LONG, false, false),
                new Case("too many parts", limited(Limits.builder().maxParts(4).build()),
                        "c\nt\nm\ni1\ni2\n^i3\ne\n", Reason.TOO_MANY_PARTS, false, false),
                new Case("too many interfaces", limited(Limits.builder().maxInterfaces(2).build()),
                        "c\nt\nm\nf^p0;a.A;a.B;a.C\ne\n", Reason.TOO_MANY_INTERFACES, true, false),
                new Case("frame too long", limited(Limits.builder().maxFrameBytes(32).build()),
                        "^c\nt\nm\n" + "i1\n".repeat(20) + "e\n", Reason.FRAME_TOO_LONG, false, false),
                // found by Jazzer (pythonTextReader): whole input said LINE_TOO_LONG, byte by byte FRAME_TOO_LONG;
                // the stream crosses the frame limit (byte 33) before the line's (byte 44)
                new Case("over-long line crossing the frame limit first", limited(Limits.builder().maxLineBytes(16).maxFrameBytes(32).build()),
                        "^c\nt\nm\n" + "i1\n".repeat(7) + "s" + "x".repeat(40) + "\n", Reason.FRAME_TOO_LONG, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wholeInput(Case c) {
        check(c, false);
    }

    @ParameterizedTest(name = "{0} (byte by byte)")
    @MethodSource("cases")
    void byteByByte(Case c) {
        check(c, true);
    }

    private void check(Case c, boolean byteByByte) {
        byte[] bad = c.bytes();
        String next = c.codec().side() == Side.JAVA ? NEXT_CALL : (c.input().startsWith("!") ? NEXT_ANSWER : "c\np0\nok\ne\n");
        byte[] all = c.atEof() ? bad : concat(bad, next.getBytes(StandardCharsets.ISO_8859_1));
        MessageDecoder d = c.codec().newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(all);
        ProtocolException e = null;
        int consumed = 0;
        int len = byteByByte ? 1 : all.length;
        while (e == null) {
            try {
                int n = c.atEof() && len >= all.length ? d.decodeLast(buf, 0, all.length) : d.decode(buf, 0, Math.min(len, all.length));
                if (n > 0) {
                    throw new AssertionError(c + ": decoded " + d.message() + " instead of failing");
                }
                if (len >= all.length && !c.atEof()) {
                    throw new AssertionError(c + ": needs more input instead of failing (would hang)");
                }
                len++;
            } catch (ProtocolException ex) {
                e = ex;
            }
        }
        assertEquals(c.reason(), e.reason(), c + ": " + e.getMessage());
        assertEquals(c.expectedOffset(), e.offset(), c + ": offset in " + e.getMessage());
        assertNotNull(e.getMessage());
        assertEquals(c.resyncs(), e.resynchronized(), c + ": resynchronised? " + e.getMessage());
        if (e.resynchronized()) {
            consumed = e.skipBytes();
            assertEquals(bad.length, consumed, c + ": the bad frame's length");
            int n = d.decodeLast(buf, consumed, all.length - consumed);
            assertEquals(all.length - consumed, n, c + ": next frame after resync");
            Message m = d.message();
            assertTrue(m instanceof CallCommand || m instanceof ProxyCallCommand || m instanceof ReturnMessage, m.toString());
        } else {
            ProtocolException closed = assertThrows(ProtocolException.class, () -> d.decode(buf, 0, all.length));
            assertEquals(Reason.DECODER_CLOSED, closed.reason());
            assertTrue(closed.getMessage().contains(c.reason().name()), closed.getMessage());
        }
        if (e.limitSetting() != null) {
            assertTrue(e.getMessage().contains("Limits.builder()." + e.limitSetting()), e.getMessage());
        }
    }

    @Test
    void limitsAreCheckedBeforeTheWholeLineArrives() {
        // 1 MB of a line that never ends: the decoder must fail as soon as the limit is passed
        TextCodec codec = limited(Limits.builder().maxLineBytes(1024).build());
        MessageDecoder d = codec.newDecoder();
        byte[] chunk = ("c\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
        ProtocolException e = assertThrows(ProtocolException.class, () -> d.decode(new UnsafeBuffer(chunk), 0, chunk.length));
        assertEquals(Reason.LINE_TOO_LONG, e.reason());
        assertEquals("maxLineBytes", e.limitSetting());
    }

    @Test
    void nestingIsBounded() {
        TextDecoder d = TextCodec.builder(Side.PYTHON).mode(ConnectionMode.CLIENT_SERVER)
                .limits(Limits.builder().maxNesting(2).build()).build().newDecoder();
        d.expectAnswer();
        d.expectAnswer();
        ProtocolException e = assertThrows(ProtocolException.class, d::expectAnswer);
        assertEquals(Reason.NESTING_TOO_DEEP, e.reason());
    }

    @Test
    void encoderRefusesWhatNoPeerCouldReadBack() {
        TextEncoder py = TextCodec.of(Side.PYTHON).newEncoder();
        assertEquals(Reason.UNENCODABLE, assertThrows(ProtocolException.class,
                () -> py.encode(new CallCommand("t", "a\nb", List.of()))).reason());
        assertEquals(Reason.UNENCODABLE, assertThrows(ProtocolException.class,
                () -> py.encode(new CallCommand("t", "m", List.of(Value.ofString("\ud800"))))).reason());
        assertEquals(Reason.UNENCODABLE, assertThrows(ProtocolException.class,
                () -> py.encode(new CallCommand("t", "m", List.of(Value.ofProxy("p;0", "java.lang.Runnable"))))).reason());
    }

    /**
     * A strict reader rejects a decimal whose exponent neither peer writes without writing the value
     * out: before the fix it built Java's plain form to compare (100 million digits here, 2 billion
     * for {@code 1e+2000000000}); now the frame costs what its 20 bytes do.
     */
    @Test
    void aDecimalExponentIsNeverWrittenOut() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String[][] cases = {{"JAVA", "c\nt\nm\nD1e+100000000\ne\n"}, {"PYTHON", "!yD1e+100000000\n"}};
        for (String[] c : cases) {
            TextCodec strict = TextCodec.builder(Side.valueOf(c[0])).strict(true).build();
            byte[] bytes = c[1].getBytes(StandardCharsets.US_ASCII);
            TextDecoder warm = strict.newDecoder();
            assertThrows(ProtocolException.class, () -> warm.decode(new UnsafeBuffer(bytes), 0, bytes.length));
            TextDecoder d = strict.newDecoder();
            long before = threads.getCurrentThreadAllocatedBytes();
            ProtocolException e = assertThrows(ProtocolException.class, () -> d.decode(new UnsafeBuffer(bytes), 0, bytes.length));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(Reason.BAD_NUMBER, e.reason(), c[0]);
            assertTrue(allocated < 1 << 20, c[0] + " strict reader allocated " + allocated + " bytes for " + bytes.length);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
