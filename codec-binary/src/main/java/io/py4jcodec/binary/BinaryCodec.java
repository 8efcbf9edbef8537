package io.py4jcodec.binary;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.Side;
import java.util.Objects;

/**
 * An experimental protobuf encoding of the Py4J model ({@code proto/src/main/protobuf/py4j.proto}),
 * behind the same interfaces as the text codec: frames are a varint length and one {@code Frame}
 * message. It answers "would a binary Py4J protocol be better?"; see {@code codec-binary/MAPPING.md}
 * for the mapping decisions and measured sizes.
 *
 * <pre>{@code
 * BinaryCodec codec = BinaryCodec.of(Side.PYTHON);
 * byte[] frame = codec.newEncoder().encode(new CallCommand("o12", "count", List.of()));
 * MessageDecoder dec = BinaryCodec.of(Side.JAVA).newDecoder();
 * int n = dec.decode(frame, 0, frame.length);      // frame.length
 * CallCommand call = (CallCommand) dec.message();  // CallCommand[targetId=o12, method=count, arguments=[]]
 * }</pre>
 *
 * <h2>Side</h2>
 * The binary encoding has no per-side formatting: a boolean, double or decimal has one encoding
 * whoever writes it, so both sides' encoders write identical bytes, and both sides' decoders accept
 * every message (in ClientServer mode both directions carry commands and answers; checking which
 * peer may send what belongs to the dispatcher above the codec, as in py4j itself). {@link #side()}
 * only records the peer the codec stands in for, so a binary codec can replace a text codec
 * wherever one is chosen per side.
 *
 * <h2>Two implementations each way</h2>
 * {@link Implementation#DIRECT} (the default) writes and reads protobuf's wire format with
 * {@code CodedOutputStream}/{@code CodedInputStream} without building messages;
 * {@link Implementation#MESSAGES} goes through the generated classes, the idiomatic way. Both
 * encoders write the same bytes; both decoders give the same model for every frame an encoder
 * writes.
 */
public final class BinaryCodec implements Codec {
    /** How an encoder or decoder uses protobuf-java. */
    public enum Implementation {
        /** Generated message classes and their builders / parser. */
        MESSAGES,
        /** {@code CodedOutputStream} / {@code CodedInputStream} straight to and from the model. */
        DIRECT
    }

    private final Side side;
    private final Limits limits;
    private final Implementation encoder;
    private final Implementation decoder;

    private BinaryCodec(Builder b) {
        this.side = b.side;
        this.limits = b.limits;
        this.encoder = b.encoder;
        this.decoder = b.decoder;
    }

    /** The default codec (direct encoder and decoder, default limits) standing in for {@code side}. */
    public static BinaryCodec of(Side side) {
        return builder(side).build();
    }

    /** A builder for {@code side}. */
    public static Builder builder(Side side) {
        return new Builder(side);
    }

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    /** The encoder implementation. */
    public Implementation encoderImplementation() {
        return encoder;
    }

    /** The decoder implementation. */
    public Implementation decoderImplementation() {
        return decoder;
    }

    @Override
    public MessageEncoder newEncoder() {
        return encoder == Implementation.DIRECT ? new DirectEncoder() : new MessagesEncoder();
    }

    @Override
    public BinaryDecoder newDecoder() {
        return new BinaryDecoder(limits, decoder == Implementation.DIRECT ? new DirectReader(limits) : new MessagesReader(limits));
    }

    @Override
    public String toString() {
        return "BinaryCodec[" + side + ", encoder " + encoder + ", decoder " + decoder + "]";
    }

    /** Builder for {@link BinaryCodec}. */
    public static final class Builder {
        private final Side side;
        private Limits limits = Limits.DEFAULT;
        private Implementation encoder = Implementation.DIRECT;
        private Implementation decoder = Implementation.DIRECT;

        private Builder(Side side) {
            this.side = Objects.requireNonNull(side, "side");
        }

        /** Decoder limits (default {@link Limits#DEFAULT}). */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Encoder implementation (default {@link Implementation#DIRECT}). */
        public Builder encoder(Implementation implementation) {
            this.encoder = Objects.requireNonNull(implementation, "implementation");
            return this;
        }

        /** Decoder implementation (default {@link Implementation#DIRECT}). */
        public Builder decoder(Implementation implementation) {
            this.decoder = Objects.requireNonNull(implementation, "implementation");
            return this;
        }

        public BinaryCodec build() {
            return new BinaryCodec(this);
        }
    }
}
