package io.py4jcodec.api;

/**
 * One encoding of the Py4J model (the text protocol, or the experimental protobuf one), standing in
 * for one {@link Side}. A codec is an immutable factory; the encoders and decoders it makes hold
 * scratch state and are not thread-safe: make one per connection.
 *
 * <pre>{@code
 * Codec codec = TextCodec.of(Side.PYTHON);
 * byte[] wire = codec.newEncoder().encode(new CallCommand("t", "add", List.of(Value.ofInt(1), Value.ofInt(2))));
 * // wire is "c\nt\nadd\ni1\ni2\ne\n", as py4j's Python client writes it
 * }</pre>
 */
public interface Codec {

    /** A short name: {@code text} or {@code binary}. */
    String name();

    /** The peer this codec writes and reads as. */
    Side side();

    /** The limits its decoders enforce. */
    Limits limits();

    /** A new encoder (not thread-safe). */
    MessageEncoder newEncoder();

    /** A new incremental decoder (not thread-safe). */
    MessageDecoder newDecoder();
}
