package io.py4jcodec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;
import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import java.util.List;

/**
 * Jazzer targets for the text and binary decoders. In a plain {@code mvn test} they run as regression tests
 * over the committed seed corpus ({@code src/test/resources/io/py4jcodec/fuzz/TextDecoderFuzzTestInputs/<method>/});
 * with {@code JAZZER_FUZZ=1} Jazzer fuzzes them (see the README for a campaign). Every reader of
 * {@link CodecsUnderTest#readers()} is a target: the text readers and both binary decoders.
 */
class TextDecoderFuzzTest {
    private static final List<Codec> READERS = CodecsUnderTest.readers();

    /** Raw bytes into every Java-side reader configuration: frames or a ProtocolException, whole = byte by byte. */
    @FuzzTest(maxDuration = "2m")
    void javaReader(FuzzedDataProvider data) {
        decodeAnyBytes(Side.JAVA, data);
    }

    /** Raw bytes into every Python-side reader configuration. */
    @FuzzTest(maxDuration = "2m")
    void pythonReader(FuzzedDataProvider data) {
        decodeAnyBytes(Side.PYTHON, data);
    }

    /** Structure-aware: the fuzzer's bytes drive the model generators; every generated message round-trips. */
    @FuzzTest(maxDuration = "2m")
    void generatedMessagesRoundTrip(FuzzedDataProvider data) {
        Entropy e = new FuzzedDataEntropy(data);
        List<CodecsUnderTest.Pairing> pairings = CodecsUnderTest.pairings();
        CodecsUnderTest.Pairing p = pairings.get(e.choose(pairings.size()));
        Generators gen = Generators.forLimits(p.reader().limits());
        io.py4jcodec.api.model.Message m = gen.message(p.writerSide(), e);
        CodecChecks.roundTrip(p.writer(), p.reader(), m, p.readBack().apply(m), p.withinLimits());
    }

    private static void decodeAnyBytes(Side side, FuzzedDataProvider data) {
        List<Codec> readers = READERS.stream().filter(c -> c.side() == side).toList();
        Codec reader = readers.get(data.consumeInt(0, readers.size() - 1));
        boolean mutateGenerated = data.consumeBoolean();
        byte[] input;
        if (mutateGenerated) {
            Entropy e = new FuzzedDataEntropy(data);
            Generators gen = Generators.forLimits(reader.limits());
            Codec writer = reader instanceof io.py4jcodec.binary.BinaryCodec
                    ? io.py4jcodec.binary.BinaryCodec.of(side.peer()) : io.py4jcodec.text.TextCodec.of(side.peer());
            byte[] frame = writer.newEncoder().encode(gen.message(side.peer(), e));
            input = Mutator.mutate(frame, e).bytes();
        } else {
            input = data.consumeRemainingAsBytes();
        }
        CodecChecks.robust(reader, input);
        CodecChecks.splitsAgree(reader, input, Choices.seeded(input.length));
    }
}
