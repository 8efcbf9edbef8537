package io.py4jcodec.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Frames a Py4J byte stream into {@link io.py4jcodec.api.model.Message}s with any codec's incremental
 * {@link MessageDecoder}, reading the cumulated {@link ByteBuf} in place: heap buffers through their
 * array, direct buffers through their address, no copy per frame (only a composite buffer of
 * several components is copied, once per read, into a reused scratch array).
 *
 * <p>The codec decides the role: {@code new MessageFrameDecoder(TextCodec.of(Role.GATEWAY_SERVER))}
 * reads what the Python client sends a gateway; {@code Role.CALLBACK_SERVER} what the Java callback
 * client sends Python; and so on for every end of a connection.
 *
 * <p>Bad input, as the codec reports it (a {@link ProtocolException} with reason, byte offset and
 * whether the decoder could resynchronise):
 * <ul>
 *   <li>{@link FailureMode#IN_BAND} (default): a {@link DecodingFailure} is passed on in the place of
 *       the bad frame, after the messages before it and before the ones after it. If the codec
 *       resynchronised, the bad frame's bytes are dropped and decoding goes on; if not, every later
 *       byte is discarded and the handler is expected to close the channel.</li>
 *   <li>{@link FailureMode#EXCEPTION}: a {@link DecoderException} whose cause is the
 *       {@link ProtocolException} goes to {@code exceptionCaught} (Netty's usual way). Bytes already
 *       received after a resynchronised bad frame are decoded on the next read.</li>
 * </ul>
 *
 * <p>The codec never consumes past a frame, so after a {@code S} (stream) answer the caller can ask
 * for the unframed payload with {@link #passRaw(long)}: the next bytes are passed on as
 * {@link ByteBuf} slices instead of being decoded.
 *
 * <pre>{@code
 * pipeline.addLast(new MessageFrameDecoder(TextCodec.of(Role.GATEWAY_SERVER)),
 *                  new MessageFrameEncoder(TextCodec.of(Role.GATEWAY_SERVER)),
 *                  myHandler);   // receives Message and DecodingFailure objects
 * }</pre>
 */
public class MessageFrameDecoder extends ByteToMessageDecoder {

    /** How a decoding error is reported. */
    public enum FailureMode {
        /** As a {@link DecodingFailure} message, in order with the decoded messages. */
        IN_BAND,
        /** As a {@link DecoderException} caused by the {@link ProtocolException}. */
        EXCEPTION
    }

    private final MessageDecoder decoder;
    private final FailureMode failureMode;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private byte[] scratch = new byte[0];
    private boolean failed;
    private long rawRemaining;

    /** A decoder for {@code codec}'s role, reporting failures {@link FailureMode#IN_BAND in band}. */
    public MessageFrameDecoder(Codec codec) {
        this(codec.newDecoder(), FailureMode.IN_BAND);
    }

    /** Frames with {@code decoder} (made for this channel alone), reporting failures as {@code mode} says. */
    public MessageFrameDecoder(MessageDecoder decoder, FailureMode mode) {
        this.decoder = decoder;
        this.failureMode = mode;
    }

    /** The wrapped decoder (for hints such as a text decoder's {@code expectAnswer()}). Use it on the channel's event loop only. */
    public MessageDecoder decoder() {
        return decoder;
    }

    /**
     * The next {@code bytes} bytes are not frames: pass them on as {@link ByteBuf}s (released by
     * whoever handles them), then go back to decoding. Call it on the channel's event loop, before
     * the bytes arrive (for instance when handling the {@code !yv} answer to a stream command).
     */
    public void passRaw(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        rawRemaining += bytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decodeFrom(in, out, false);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decodeFrom(in, out, true);
        }
    }

    private void decodeFrom(ByteBuf in, List<Object> out, boolean last) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (rawRemaining > 0) {
            int n = (int) Math.min(rawRemaining, in.readableBytes());
            out.add(in.readRetainedSlice(n));
            rawRemaining -= n;
            return;
        }
        int readable = in.readableBytes();
        wrap(in, readable);
        int n;
        try {
            n = last ? decoder.decodeLast(view, 0, readable) : decoder.decode(view, 0, readable);
        } catch (ProtocolException e) {
            if (e.resynchronized()) {
                in.skipBytes(e.skipBytes());
            } else {
                failed = true;
                in.skipBytes(in.readableBytes());
            }
            if (failureMode == FailureMode.EXCEPTION) {
                throw new DecoderException(e);
            }
            out.add(new DecodingFailure(e));
            return;
        } finally {
            view.wrap(scratch, 0, 0); // drop the reference to the channel's buffer
        }
        if (n > 0) {
            in.skipBytes(n);
            out.add(decoder.message());
        } else if (last && readable > 0) {
            // what is left carries nothing (MessageDecoder#decodeLast), e.g. the LF of a CRLF
            in.skipBytes(readable);
        }
    }

    private void wrap(ByteBuf in, int readable) {
        int from = in.readerIndex();
        if (in.hasArray()) {
            view.wrap(in.array(), in.arrayOffset() + from, readable);
        } else if (in.hasMemoryAddress()) {
            view.wrap(in.memoryAddress() + from, readable);
        } else if (in.nioBufferCount() == 1) {
            view.wrap(in.internalNioBuffer(from, readable), 0, readable);
        } else {
            if (scratch.length < readable) {
                scratch = new byte[Math.max(readable, scratch.length * 2)];
            }
            in.getBytes(from, scratch, 0, readable);
            view.wrap(scratch, 0, readable);
        }
    }
}
