package io.py4jcodec.fuzz;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.text.TextCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec properties over our seeded generators, for every text pairing (both writers; lenient,
 * strict and ClientServer readers; default and small limits): decode(encode(m)) = m and
 * encode(decode(b)) = b, or a limit error exactly when the bytes exceed the limits; transcoding
 * through the other encoding and back; whole, byte-by-byte and split decoding agree on streams of
 * valid and mutated frames; on arbitrary and mutated bytes the decoder gives frames or a
 * ProtocolException and stays within its allocation bound. Every failure prints its seed and a
 * shrunk case. Sizes: -Dpy4jcodec.cases (default 400 per pairing).
 */
class TextCodecPropertiesTest {
    static final long SEED = Long.getLong("py4jcodec.seed", 20260301L);
    static final int CASES = Integer.getInteger("py4jcodec.cases", 400);

    static Stream<CodecsUnderTest.Pairing> pairings() {
        return CodecsUnderTest.pairings().stream();
    }

    static Stream<Codec> readers() {
        return CodecsUnderTest.readers().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairings")
    void decodeOfEncodeIsTheModelAndReencodingGivesTheSameBytes(CodecsUnderTest.Pairing p) {
        Generators gen = Generators.forLimits(p.reader().limits());
        PropertyRunner.check("round trip " + p, SEED, CASES, e -> gen.message(p.writerSide(), e),
                m -> CodecChecks.roundTrip(p.writer(), p.reader(), m, p.readBack().apply(m), p.withinLimits()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Side.class)
    void transcodingThroughAnotherEncodingAndBackKeepsTheBytes(Side side) {
        Generators gen = Generators.forLimits(CodecsUnderTest.SMALL);
        Codec a = TextCodec.of(side);
        Codec aReader = TextCodec.of(side.peer());
        for (CodecsUnderTest.Transcoder t : CodecsUnderTest.transcoders(side)) {
            PropertyRunner.check("transcode " + side + " text via " + t, SEED + side.ordinal(), CASES,
                    e -> gen.message(side, e), m -> CodecChecks.transcode(a, aReader, t.writer(), t.reader(), m));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void wholeByteByByteAndSplitDecodingAgreeOnValidAndMutatedStreams(Codec reader) {
        Generators gen = Generators.forLimits(reader.limits());
        Side writer = reader.side().peer();
        Codec enc = TextCodec.of(writer);
        PropertyRunner.check("split decoding " + reader, SEED * 3, CASES / 4, e -> {
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            int n = 1 + e.choose(8);
            for (int i = 0; i < n; i++) {
                byte[] frame = enc.newEncoder().encode(gen.message(writer, e));
                s.writeBytes(e.oneIn(3) ? Mutator.mutate(frame, e).bytes() : frame);
            }
            return s.toByteArray();
        }, bytes -> CodecChecks.splitsAgree(reader, bytes, Choices.seeded(bytes.length)), Wire::show);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void arbitraryAndMutatedBytesGiveFramesOrAProtocolExceptionWithinTheAllocationBound(Codec reader) {
        Generators gen = Generators.forLimits(reader.limits());
        Side writer = reader.side().peer();
        Codec enc = TextCodec.of(writer);
        PropertyRunner.check("robustness " + reader, SEED * 5, CASES, e -> {
            if (e.oneIn(3)) {
                byte[] b = new byte[e.choose(300)];
                String alphabet = "\n\r\\!yxzcesiLdDbjnrfptg;:0123456789aA \t\u00c3\u00ff";
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) alphabet.charAt(e.choose(alphabet.length()));
                }
                return b;
            }
            byte[] frame = enc.newEncoder().encode(gen.message(writer, e));
            return Mutator.mutate(frame, e).bytes();
        }, bytes -> CodecChecks.robust(reader, bytes), Wire::show);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void anEndlessFrameFailsOnceItPassesTheLimitsWithoutBufferingMore(Codec reader) {
        // an endless text line; the binary codec's over-limit length prefixes are tested in codec-binary
        org.junit.jupiter.api.Assumptions.assumeTrue(reader instanceof TextCodec, "text framing only");
        // a peer that never ends its line: the decoder must give up at the limit, not accumulate
        byte[] endless = new byte[Math.min(reader.limits().maxFrameBytes(), reader.limits().maxLineBytes()) * 2 + 64];
        java.util.Arrays.fill(endless, (byte) 'a');
        endless[0] = 'c';
        endless[1] = '\n';
        List<Decoding.Event> ev = reader.limits().maxLineBytes() > 1 << 20 ? List.of() : CodecChecks.robust(reader, endless);
        if (!ev.isEmpty()) {
            org.junit.jupiter.api.Assertions.assertTrue(ev.get(ev.size() - 1) instanceof Decoding.Failure f
                    && CodecChecks.LIMIT_REASONS.contains(f.reason()), reader + ": " + ev);
        }
    }

    static List<Message> sample(Side side, int n) {
        List<Message> out = new ArrayList<>();
        Entropy e = Choices.seeded(SEED);
        Generators gen = Generators.forLimits(CodecsUnderTest.SMALL);
        for (int i = 0; i < n; i++) {
            out.add(gen.message(side, e));
        }
        return out;
    }
}
