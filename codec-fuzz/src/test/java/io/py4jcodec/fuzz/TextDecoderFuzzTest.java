package io.py4jcodec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.text.TextCodec;
import java.util.List;
import java.util.function.Predicate;

/**
 * Jazzer targets for the text and binary decoders, one per decoder so that each campaign's executions
 * and coverage belong to one decoder: the text Java readers, the text Python readers, the binary
 * direct decoder, the binary generated-messages decoder (both sides each), and the structure-aware
 * round trip. In a plain {@code mvn test} they run as regression tests over the committed seed corpus
 * ({@code src/test/resources/io/py4jcodec/fuzz/TextDecoderFuzzTestInputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes them (see the README for a campaign).
 *
 * <p>{@code maxDuration} is only a safety net: Jazzer 0.24 appends the annotation's
 * {@code -max_total_time} after any libFuzzer argument given on the command line, so a campaign's
 * length is set by its execution count, {@code -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-runs=N}.
 *
 * <p>Each reader target takes the last byte of the input for the reader configuration and the one
 * before it for "mutate a generated frame" (see {@link #decodeAnyBytes}); its input is decoded
 * three times: whole (measured for allocation), byte by byte, and in random splits.
 */
class TextDecoderFuzzTest {
    private static final List<Codec> READERS = CodecsUnderTest.readers();
    private static final List<Codec> JAVA_TEXT = readers(c -> c instanceof TextCodec && c.side() == Side.JAVA);
    private static final List<Codec> PYTHON_TEXT = readers(c -> c instanceof TextCodec && c.side() == Side.PYTHON);
    private static final List<Codec> BINARY_DIRECT = readers(c -> c instanceof BinaryCodec b
            && b.decoderImplementation() == BinaryCodec.Implementation.DIRECT);
    private static final List<Codec> BINARY_MESSAGES = readers(c -> c instanceof BinaryCodec b
            && b.decoderImplementation() == BinaryCodec.Implementation.MESSAGES);

    /** Raw bytes into every Java-side text reader configuration: frames or a ProtocolException, whole = byte by byte. */
    @FuzzTest(maxDuration = "12h")
    void javaTextReader(FuzzedDataProvider data) {
        decodeAnyBytes(JAVA_TEXT, data);
    }

    /** Raw bytes into every Python-side text reader configuration. */
    @FuzzTest(maxDuration = "12h")
    void pythonTextReader(FuzzedDataProvider data) {
        decodeAnyBytes(PYTHON_TEXT, data);
    }

    /** Raw bytes into the binary codec's hand-written decoder, Java side and Python side. */
    @FuzzTest(maxDuration = "12h")
    void binaryDirectDecoder(FuzzedDataProvider data) {
        decodeAnyBytes(BINARY_DIRECT, data);
    }

    /** Raw bytes into the binary codec's decoder through protobuf's generated messages, Java side and Python side. */
    @FuzzTest(maxDuration = "12h")
    void binaryMessagesDecoder(FuzzedDataProvider data) {
        decodeAnyBytes(BINARY_MESSAGES, data);
    }

    /** Structure-aware: the fuzzer's bytes drive the model generators; every generated message round-trips. */
    @FuzzTest(maxDuration = "12h")
    void generatedMessagesRoundTrip(FuzzedDataProvider data) {
        Entropy e = new FuzzedDataEntropy(data);
        List<CodecsUnderTest.Pairing> pairings = CodecsUnderTest.pairings();
        CodecsUnderTest.Pairing p = pairings.get(e.choose(pairings.size()));
        Generators gen = Generators.forLimits(p.reader().limits());
        io.py4jcodec.api.model.Message m = gen.message(p.writerSide(), e);
        CodecChecks.roundTrip(p.writer(), p.reader(), m, p.readBack().apply(m), p.withinLimits());
    }

    private static List<Codec> readers(Predicate<Codec> which) {
        return READERS.stream().filter(which).toList();
    }

    private static void decodeAnyBytes(List<Codec> readers, FuzzedDataProvider data) {
        Codec reader = readers.get(data.consumeInt(0, readers.size() - 1));
        Side side = reader.side();
        boolean mutateGenerated = data.consumeBoolean();
        byte[] input;
        if (mutateGenerated) {
            Entropy e = new FuzzedDataEntropy(data);
            Generators gen = Generators.forLimits(reader.limits());
            Codec writer = reader instanceof BinaryCodec ? BinaryCodec.of(side.peer()) : TextCodec.of(side.peer());
            byte[] frame = writer.newEncoder().encode(gen.message(side.peer(), e));
            input = Mutator.mutate(frame, e).bytes();
        } else {
            input = data.consumeRemainingAsBytes();
        }
        CodecChecks.splitsAgree(reader, input, Choices.seeded(input.length), CodecChecks.robust(reader, input));
    }
}
