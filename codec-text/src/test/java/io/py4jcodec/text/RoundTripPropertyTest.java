package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.testkit.ReadBack;
import java.io.ByteArrayOutputStream;
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
    /** The model generators, with long strings and argument lists sized well inside the readers' default limits. */
    static final Generators GEN = Generators.forLimits(Limits.builder().maxLineBytes(1024).maxParts(64).build());

    @ParameterizedTest
    @EnumSource(Side.class)
    void decodeOfEncodeIsIdentityUpToWhatTheSideCannotWrite(Side writer) {
        TextEncoder enc = TextCodec.of(writer).newEncoder();
        for (TextCodec reader : readers(writer.peer())) {
            Entropy gen = Entropy.seeded(SEED + writer.ordinal());
            for (int i = 0; i < CASES; i++) {
                Message m = GEN.message(writer, gen);
                byte[] wire = enc.encode(m);
                Message back;
                try {
                    back = Frames.decodeOne(reader, wire, "case " + i);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("seed " + SEED + " case " + i + " " + reader + ": " + m + "\nwire: "
                            + show(wire), e);
                }
                assertEquals(ReadBack.of(writer, m), back, () -> "seed " + SEED + " " + reader + " wire " + show(wire));
                assertArrayEquals(wire, enc.encode(back), () -> "re-encoding, wire " + show(wire));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void streamsDecodeTheSameWholeByteByByteAndInRandomChunks(Side writer) {
        Entropy gen = Entropy.seeded(SEED * 31 + writer.ordinal());
        SplittableRandom chunks = new SplittableRandom(SEED);
        TextEncoder enc = TextCodec.of(writer).newEncoder();
        TextCodec reader = TextCodec.of(writer.peer());
        for (int round = 0; round < 60; round++) {
            List<Message> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int n = gen.between(1, 30);
            for (int i = 0; i < n; i++) {
                Message m = GEN.message(writer, gen);
                sent.add(ReadBack.of(writer, m));
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

    static String show(byte[] wire) {
        String s = new String(wire, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
