package io.py4jcodec.api;

import io.py4jcodec.api.model.Message;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An incremental decoder: bytes in, one {@link Message} at a time out. It never blocks and never
 * consumes past the end of a frame.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #decode(DirectBuffer, int, int)} looks at the bytes from {@code offset}. When they
 *       hold a whole frame it returns the frame's length (&gt; 0) and the message is available from
 *       {@link #message()}; the caller drops that many bytes. When they do not, it returns
 *       {@link #NEED_MORE} and the caller calls again with the <em>same</em> unconsumed bytes
 *       followed by more (they may move in memory, as with Netty's cumulation). The decoder
 *       remembers how far it scanned, so feeding one byte at a time costs linear time.</li>
 *   <li>At end of stream, {@link #decodeLast(DirectBuffer, int, int)} decodes what is left the way
 *       the real peer treats input cut off by EOF, or throws {@link Reason#TRUNCATED}.</li>
 *   <li>Bad input throws {@link ProtocolException}. If {@link ProtocolException#resynchronized()}
 *       holds, the bad frame was {@link ProtocolException#skipBytes()} long: drop those bytes and go
 *       on. Otherwise the decoder is closed and every later call throws
 *       {@link Reason#DECODER_CLOSED}.</li>
 *   <li>{@link Limits} are checked before anything is allocated: a partial frame longer than
 *       {@link Limits#maxFrameBytes()} fails at once, so a caller that accumulates input never holds
 *       more than that plus one read.</li>
 * </ul>
 *
 * <pre>{@code
 * MessageDecoder dec = TextCodec.of(Side.JAVA).newDecoder();
 * UnsafeBuffer buf = new UnsafeBuffer("c\nt\nadd\ni1\ni2\ne\n".getBytes(UTF_8));
 * int n = dec.decode(buf, 0, buf.capacity());         // 18
 * CallCommand call = (CallCommand) dec.message();      // CallCommand[targetId=t, method=add, ...]
 * }</pre>
 */
public interface MessageDecoder {

    /** Returned by {@link #decode} when the bytes given do not yet hold a whole frame. */
    int NEED_MORE = 0;

    /**
     * Decodes at most one frame from {@code src[offset, offset + length)}.
     *
     * @return the frame length (&gt; 0) when a message is ready, or {@link #NEED_MORE}
     * @throws ProtocolException on bad input
     */
    int decode(DirectBuffer src, int offset, int length);

    /**
     * As {@link #decode}, at end of stream: no more bytes will follow these. Returns
     * {@link #NEED_MORE} only when what is left holds no frame: nothing at all, or bytes that carry
     * nothing (the text codec's Java reader: the LF of a CRLF whose CR ended the last frame, when
     * that LF arrived after the frame was decoded).
     *
     * @throws ProtocolException with {@link Reason#TRUNCATED} if a frame is cut off and the side
     *                           being emulated would not accept it
     */
    int decodeLast(DirectBuffer src, int offset, int length);

    /** The bounds this decoder enforces (so adapters such as {@code MessageInputStream} size their buffers from them). */
    Limits limits();

    /** The message decoded by the last call that returned a frame length. */
    Message message();

    /** Bytes consumed since the decoder was made or {@linkplain #reset() reset}: the stream offset of the next frame. */
    long position();

    /** Forgets any partial frame and error, and restarts offsets at 0. */
    void reset();

    /** Convenience: decodes from a byte array. */
    default int decode(byte[] src, int offset, int length) {
        return decode(new UnsafeBuffer(src), offset, length);
    }

    /** Convenience: {@link #decodeLast} from a byte array. */
    default int decodeLast(byte[] src, int offset, int length) {
        return decodeLast(new UnsafeBuffer(src), offset, length);
    }
}
