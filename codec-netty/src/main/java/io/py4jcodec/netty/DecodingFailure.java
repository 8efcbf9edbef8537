package io.py4jcodec.netty;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.py4jcodec.api.ProtocolException;

/**
 * A frame that could not be decoded, passed down the pipeline in order with the messages around
 * it (as Netty's MQTT and STOMP decoders pass a message whose {@link DecoderResult} failed), so a
 * handler can answer it where the frame was. Its {@link #decoderResult()} is a failure whose cause
 * is the {@link ProtocolException}.
 *
 * <p>{@link #resynchronized()}: the bad frame was skipped and decoding goes on; otherwise the
 * framing is lost, the decoder discards everything after it, and the handler should close the
 * channel (after a fatal answer, if its role gives one).
 *
 * <pre>{@code
 * if (msg instanceof DecodingFailure f) {
 *     ctx.writeAndFlush(ReturnMessage.error(f.cause().getMessage()));
 *     if (!f.resynchronized()) ctx.close();
 * }
 * }</pre>
 */
public final class DecodingFailure implements DecoderResultProvider {
    private final ProtocolException cause;
    private final DecoderResult result;

    public DecodingFailure(ProtocolException cause) {
        this.cause = cause;
        this.result = DecoderResult.failure(cause);
    }

    /** Why the frame was rejected: reason, byte offset, part. */
    public ProtocolException cause() {
        return cause;
    }

    /** True when decoding went on after the bad frame; false when the stream is out of sync. */
    public boolean resynchronized() {
        return cause.resynchronized();
    }

    @Override
    public DecoderResult decoderResult() {
        return result;
    }

    /** The result is fixed at construction. */
    @Override
    public void setDecoderResult(DecoderResult result) {
        throw new UnsupportedOperationException("a DecodingFailure's result is its ProtocolException");
    }

    @Override
    public String toString() {
        return "DecodingFailure[" + cause.getMessage() + "]";
    }
}
