package io.py4jcodec.fuzz;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.testkit.ReadBack;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The codecs the properties run over, through the {@link Codec} interface only: the text codec in
 * every reader configuration, and the binary codec with both its encoders and decoders (direct and
 * through the generated messages). The binary codec is lossless, so it reads back the model itself.
 */
final class CodecsUnderTest {
    /** Small limits, so "near the limits" is cheap to generate and to cross. */
    static final Limits SMALL = Limits.builder().maxLineBytes(1024).maxFrameBytes(16 * 1024).maxParts(64).maxInterfaces(16).build();

    private CodecsUnderTest() {
    }

    /** A writer, a reader of what it writes, and what the reader must get back. */
    record Pairing(String name, Side writerSide, Codec writer, Codec reader, UnaryOperator<Message> readBack,
                   Predicate<byte[]> withinLimits) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A second encoding a message can travel through and come back from unchanged. */
    record Transcoder(String name, Codec writer, Codec reader, UnaryOperator<Message> loses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Pairing> pairings() {
        List<Pairing> out = new ArrayList<>();
        for (Side writer : Side.values()) {
            for (Limits limits : List.of(Limits.DEFAULT, SMALL)) {
                String l = limits == SMALL ? " small limits" : "";
                for (TextCodec reader : List.of(TextCodec.builder(writer.peer()).limits(limits).build(),
                        TextCodec.builder(writer.peer()).strict(true).limits(limits).build(),
                        TextCodec.builder(writer.peer()).mode(ConnectionMode.CLIENT_SERVER).limits(limits).build())) {
                    out.add(new Pairing("text " + writer + " -> " + reader + l, writer, TextCodec.of(writer), reader,
                            m -> ReadBack.of(writer, m), wire -> TextLimits.within(limits, wire)));
                }
            }
            // default limits only: the generators stay below them (4,096 parts, 255 interfaces), so no
            // binary frame they make is over a limit
            for (BinaryCodec.Implementation impl : BinaryCodec.Implementation.values()) {
                BinaryCodec reader = BinaryCodec.builder(writer.peer()).decoder(impl).build();
                out.add(new Pairing("binary " + writer + " -> " + reader, writer,
                        BinaryCodec.builder(writer).encoder(impl).build(), reader, UnaryOperator.identity(), wire -> true));
            }
        }
        return out;
    }

    /**
     * Ways through another encoding and back, for messages {@code side} writes: a writer of that
     * encoding and the reader of what it writes: text -> binary -> text, and text through the
     * strict ClientServer text reader.
     */
    static List<Transcoder> transcoders(Side side) {
        return List.of(new Transcoder("text strict ClientServer", TextCodec.of(side),
                        TextCodec.builder(side.peer()).strict(true).mode(ConnectionMode.CLIENT_SERVER).build(), UnaryOperator.identity()),
                new Transcoder("binary", BinaryCodec.of(side), BinaryCodec.of(side.peer()), UnaryOperator.identity()));
    }

    /** Every decoder configuration the robustness properties run over. */
    static List<Codec> readers() {
        List<Codec> out = new ArrayList<>();
        for (Side side : Side.values()) {
            out.add(TextCodec.builder(side).limits(SMALL).build());
            out.add(TextCodec.builder(side).strict(true).limits(SMALL).build());
            out.add(TextCodec.builder(side).mode(ConnectionMode.CLIENT_SERVER).keepUnknownCommands(true).limits(SMALL).build());
            out.add(TextCodec.of(side));
            out.add(BinaryCodec.builder(side).limits(SMALL).build());
            out.add(BinaryCodec.builder(side).decoder(BinaryCodec.Implementation.MESSAGES).limits(SMALL).build());
        }
        return out;
    }
}
