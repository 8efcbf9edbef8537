package io.py4jcodec.api.io;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.Message;
import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Decodes from a {@link ByteBuffer} (heap or direct) and advances its position past what was
 * consumed: the adapter for NIO code that manages its own buffers.
 *
 * <pre>{@code
 * ByteBufferDecoding dec = new ByteBufferDecoding(codec.newDecoder());
 * Message m;
 * while ((m = dec.decode(byteBuffer)) != null) { handle(m); }
 * byteBuffer.compact();   // keep the partial frame, read more
 * }</pre>
 */
public final class ByteBufferDecoding {
    private final MessageDecoder decoder;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);

    public ByteBufferDecoding(MessageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * The next message from {@code src[position, limit)}, advancing the position past it, or
     * {@code null} (position unchanged) when a whole frame is not there yet. After a
     * resynchronised {@link ProtocolException} the position is past the bad frame.
     */
    public Message decode(ByteBuffer src) {
        view.wrap(src, src.position(), src.remaining());
        try {
            int n = decoder.decode(view, 0, src.remaining());
            if (n == MessageDecoder.NEED_MORE) {
                return null;
            }
            src.position(src.position() + n);
            return decoder.message();
        } catch (ProtocolException e) {
            if (e.resynchronized()) {
                src.position(src.position() + e.skipBytes());
            }
            throw e;
        }
    }

    /** The wrapped decoder. */
    public MessageDecoder decoder() {
        return decoder;
    }
}
