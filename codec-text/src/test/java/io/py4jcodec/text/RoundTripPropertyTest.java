package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.text.support.RandomModels;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties over seeded generated models: what a side writes, the other side's decoder reads back
 * (lenient and strict, since strict mode must accept everything a real peer writes), re-encodes to
 * the same bytes, and decodes the same whole, byte by byte and split into random chunks.
 */
class RoundTripPropertyTest {
    static final long SEED = Long.getLong("py4jcodec.seed", 20261124L);
    static final int CASES = Integer.getInteger("py4jcodec.cases", 3000);

    @ParameterizedTest
    @EnumSource(Side.class)
    void decodeOfEncodeIsIdentityUpToWhatTheSideCannotWrite(Side writer) {
        RandomModels gen = new RandomModels(SEED + writer.ordinal());
        TextEncoder enc = TextCodec.of(writer).newEncoder();
        for (TextCodec reader : readers(writer.peer())) {
            for (int i = 0; i < CASES; i++) {
                Message m = gen.message(writer);
                byte[] wire = enc.encode(m);
                Message back;
                try {
                    back = Frames.decodeOne(reader, wire, "case " + i);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("seed " + SEED + " case " + i + " " + reader + ": " + m + "\nwire: "
                            + show(wire), e);
                }
                assertEquals(normalize(writer, m), back, () -> "seed " + SEED + " " + reader + " wire " + show(wire));
                assertArrayEquals(wire, enc.encode(back), () -> "re-encoding, wire " + show(wire));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void streamsDecodeTheSameWholeByteByByteAndInRandomChunks(Side writer) {
        RandomModels gen = new RandomModels(SEED * 31 + writer.ordinal());
        SplittableRandom chunks = new SplittableRandom(SEED);
        TextEncoder enc = TextCodec.of(writer).newEncoder();
        TextCodec reader = TextCodec.of(writer.peer());
        for (int round = 0; round < 60; round++) {
            List<Message> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int n = 1 + gen.nextInt(30);
            for (int i = 0; i < n; i++) {
                Message m = gen.message(writer);
                sent.add(normalize(writer, m));
                stream.writeBytes(enc.encode(m));
            }
            byte[] bytes = stream.toByteArray();
            assertEquals(sent, Frames.decodeAll(reader, bytes, "round " + round), "whole, round " + round);
            assertEquals(sent, feed(reader.newDecoder(), bytes, () -> 1), "byte by byte, round " + round);
            assertEquals(sent, feed(reader.newDecoder(), bytes, () -> 1 + chunks.nextInt(64)), "chunks, round " + round);
        }
    }

    /** Accumulates input as a socket reader would and drains every frame after each chunk. */
    static List<Message> feed(MessageDecoder d, byte[] bytes, java.util.function.IntSupplier chunk) {
        List<Message> out = new ArrayList<>();
        byte[] acc = new byte[bytes.length];
        int start = 0;
        int end = 0;
        int read = 0;
        while (read < bytes.length) {
            int k = Math.min(chunk.getAsInt(), bytes.length - read);
            System.arraycopy(bytes, read, acc, end, k);
            end += k;
            read += k;
            int c;
            while ((c = d.decode(new UnsafeBuffer(acc), start, end - start)) > 0) {
                out.add(d.message());
                start += c;
            }
        }
        if (start != end) {
            fail("undecoded tail of " + (end - start) + " bytes");
        }
        return out;
    }

    static List<TextCodec> readers(Side side) {
        return List.of(TextCodec.of(side), TextCodec.builder(side).strict(true).build(),
                TextCodec.builder(side).mode(ConnectionMode.CLIENT_SERVER).build());
    }

    /** What the receiving peer gets when {@code writer} writes {@code m}. */
    static Message normalize(Side writer, Message m) {
        if (writer == Side.PYTHON) {
            return m;
        }
        if (m instanceof ReturnMessage r) {
            Value v = r.value() == null ? null : normalize(r.value());
            return switch (r.status()) {
                case 'y' -> v == null ? SuccessReturn.BARE : new SuccessReturn(v);
                case 'x' -> v == null ? ErrorReturn.BARE : new ErrorReturn(v);
                default -> v == null ? FatalReturn.BARE : new FatalReturn(v);
            };
        }
        if (m instanceof ProxyCallCommand c) {
            return new ProxyCallCommand(c.proxyId(), c.method(), c.arguments().stream().map(RoundTripPropertyTest::normalize).toList());
        }
        if (m instanceof AuthCommand a) {
            return new AuthCommand(javaWrites(a.token()));
        }
        return m;
    }

    /** Java writes a lone surrogate as '?' and a BigDecimal in plain form. */
    static Value normalize(Value v) {
        if (v instanceof StringValue s) {
            return new StringValue(javaWrites(s.value()));
        }
        if (v instanceof DecimalValue d) {
            return DecimalValue.of(new BigDecimal(d.value().toPlainString()));
        }
        return v;
    }

    /** The JDK's own UTF-8 encoder replaces unpaired surrogates with '?', as OutputStreamWriter does. */
    static String javaWrites(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    static String show(byte[] wire) {
        String s = new String(wire, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
