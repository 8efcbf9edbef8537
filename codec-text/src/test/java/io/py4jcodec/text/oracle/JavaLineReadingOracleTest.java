package io.py4jcodec.text.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Our Java-side line reading against {@code BufferedReader.readLine}, the reader every py4j Java
 * connection uses. Streams of commands and answers as the Python peer writes them get some or all
 * of their LF line ends replaced by CR or CRLF. For every variant, our Java decoder must see the
 * lines py4j's reader sees: decoding the variant gives the same messages (or the same errors) as
 * decoding those lines re-joined with LF, each frame's bytes read back as exactly its message's
 * lines, and chunked input (split anywhere, between CR and LF included) decodes the same. Where
 * the reader sees the same lines as in the LF original, the messages must be the originals.
 */
class JavaLineReadingOracleTest {
    private static final TextEncoder PY = TextCodec.of(Side.PYTHON).newEncoder();
    private static final TextCodec JAVA = TextCodec.of(Side.JAVA);

    @Test
    void javaDecoderSplitsLinesAsBufferedReaderDoes() {
        int[] tally = new int[3]; // variants, variants whose lines merged (a CR then an empty LF line), streams
        Seeded.forAll("lines", 2_000, c -> {
            List<Message> messages = new ArrayList<>();
            List<byte[]> encoded = new ArrayList<>();
            int n = c.gen.between(1, 8);
            while (messages.size() < n) {
                Message m = PythonMessages.any(c.gen);
                try {
                    encoded.add(PY.encode(m));
                    messages.add(m);
                } catch (ProtocolException unencodable) {
                    // Python cannot write it (a lone surrogate): not a stream Java could receive
                }
            }
            byte[] lf = concat(encoded);
            List<String> lfLines = Py4jOracle.javaReadsLines(lf);
            c.input("messages " + messages + "\n  LF stream " + Seeded.show(new String(lf, StandardCharsets.UTF_8)));
            assertEquals(Arrays.asList(new String(lf, StandardCharsets.UTF_8).split("\n", -1)).subList(0, lfLines.size()), lfLines,
                    "the LF stream's lines are what the encoder wrote");
            assertEquals(messages, decodeAll(lf, null), "the Java decoder reads the Python encoder's stream back");
            tally[2]++;

            for (int variant = 0; variant < 3; variant++) {
                int mode = variant == 0 ? c.gen.between(1, 2) : 0; // all CR, all CRLF, or mixed
                List<byte[]> frames = new ArrayList<>();
                for (byte[] e : encoded) {
                    frames.add(replaceLineEnds(e, mode, c.gen));
                }
                byte[] v = concat(frames);
                List<String> lines = Py4jOracle.javaReadsLines(v);
                c.input("messages " + messages + "\n  variant " + Seeded.show(new String(v, StandardCharsets.UTF_8)));
                tally[0]++;
                List<Object> onVariant = decodeAll(v, null);
                byte[] rejoined = (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
                assertEquals(decodeAll(rejoined, null), onVariant, "the variant decodes as the lines BufferedReader reads from it");
                assertEquals(onVariant, decodeAll(v, c.gen), "chunked input decodes as whole input");
                if (lines.equals(lfLines)) {
                    assertEquals(messages, onVariant, "same lines, same messages");
                    checkFrameBoundaries(v, frames);
                } else {
                    tally[1]++;
                }
            }
        });
        System.out.printf("[oracle] lines: %d streams, %d CR/CRLF variants, %d of them with an empty line swallowed by a CR before it%n",
                tally[2], tally[0], tally[1]);
        assertTrue(tally[1] > 0, "the merge case (CR followed by an empty LF-terminated line) should come up");
    }

    /** Each frame the decoder returns covers exactly one message's lines, as BufferedReader reads them. */
    private static void checkFrameBoundaries(byte[] stream, List<byte[]> frames) {
        MessageDecoder d = JAVA.newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(stream);
        int off = 0;
        boolean afterCr = false;
        for (byte[] frame : frames) {
            int len = d.decodeLast(buf, off, stream.length - off);
            byte[] got = Arrays.copyOfRange(stream, off, off + len);
            if (afterCr && got.length > 0 && got[0] == '\n') {
                got = Arrays.copyOfRange(got, 1, got.length); // the LF of a CRLF whose CR ended the last frame
            }
            assertEquals(Py4jOracle.javaReadsLines(frame), Py4jOracle.javaReadsLines(got), "frame at " + off);
            afterCr = stream[off + len - 1] == '\r';
            off += len;
        }
        assertTrue(off == stream.length || (off == stream.length - 1 && stream[off] == '\n'), "all consumed: " + off + " of " + stream.length);
    }

    /** LF line ends replaced: mode 1 all CR, 2 all CRLF, 0 each one at random. */
    static byte[] replaceLineEnds(byte[] frame, int mode, Gen g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 8);
        for (byte b : frame) {
            if (b != '\n') {
                out.write(b);
                continue;
            }
            int m = mode != 0 ? mode : g.between(0, 2);
            if (m == 0) {
                out.write('\n');
            } else if (m == 1) {
                out.write('\r');
            } else {
                out.write('\r');
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * Every message, or the reason of every error, in order, as a caller of the incremental
     * contract gets them: the whole stream at once when {@code chunks} is null, else bytes arriving
     * in random small pieces, with the unconsumed ones handed over again.
     */
    static List<Object> decodeAll(byte[] stream, Gen chunks) {
        List<Object> out = new ArrayList<>();
        MessageDecoder d = JAVA.newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(stream);
        int start = 0;
        int avail = chunks == null ? stream.length : 0;
        while (start < stream.length) {
            if (chunks != null && avail < stream.length) {
                avail = Math.min(stream.length, Math.max(avail, start) + chunks.between(1, 7));
            }
            boolean last = avail == stream.length;
            int n;
            try {
                n = last ? d.decodeLast(buf, start, avail - start) : d.decode(buf, start, avail - start);
            } catch (ProtocolException e) {
                out.add("error " + e.reason());
                if (!e.resynchronized()) {
                    break;
                }
                start += e.skipBytes();
                continue;
            }
            if (n == 0) {
                if (last) {
                    break; // only the LF of a final CRLF can be left
                }
                continue;
            }
            out.add(d.message());
            start += n;
        }
        return out;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
