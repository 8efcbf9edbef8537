package io.py4jcodec.api.io;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.Message;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads messages from a blocking {@link InputStream} through a {@link MessageDecoder}: the thin
 * adapter for sockets and files. It buffers what it reads; bytes after the last frame stay
 * available to {@link #readRaw(byte[], int, int)}, which is how the raw payload that follows a
 * {@code S} (stream) answer is read.
 *
 * <pre>{@code
 * try (MessageInputStream in = new MessageInputStream(socket.getInputStream(), codec.newDecoder())) {
 *     Message m;
 *     while ((m = in.read()) != null) { ... }
 * }
 * }</pre>
 *
 * <p>The buffer grows only while a frame is incomplete, and the decoder fails a partial frame
 * longer than {@link Limits#maxFrameBytes()} before the buffer grows further.
 */
public final class MessageInputStream implements Closeable {
    private static final int READ_CHUNK = 8192;

    private final InputStream in;
    private final MessageDecoder decoder;
    private final int maxBuffer;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private byte[] buf = new byte[READ_CHUNK];
    private int start;
    private int end;
    private boolean eof;

    /** Reads {@code in} through {@code decoder}, buffering at most its {@link MessageDecoder#limits() frame limit} plus one read. */
    public MessageInputStream(InputStream in, MessageDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
        this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, (long) decoder.limits().maxFrameBytes() + READ_CHUNK);
    }

    /**
     * Bytes read from the stream and not yet consumed by a frame or {@link #readRaw}: after an answer
     * that should have been the last thing the peer sent, anything here is a stray line.
     */
    public int buffered() {
        return end - start;
    }

    /**
     * The next message, or {@code null} at a clean end of stream.
     *
     * @throws ProtocolException on bad input (after a resynchronised error the next call goes on
     *                           with the following frame)
     * @throws IOException       from the stream
     */
    public Message read() throws IOException {
        while (true) {
            if (end > start || eof) {
                view.wrap(buf);
                int n;
                try {
                    n = eof ? decoder.decodeLast(view, start, end - start) : decoder.decode(view, start, end - start);
                } catch (ProtocolException e) {
                    if (e.resynchronized()) {
                        start += e.skipBytes();
                    }
                    throw e;
                }
                if (n > 0) {
                    start += n;
                    return decoder.message();
                }
                if (eof) {
                    return null;
                }
            }
            fill();
        }
    }

    /**
     * Reads up to {@code len} raw bytes that follow the last frame (the unframed payload of a stream
     * answer), first from the buffer, then from the stream. Returns -1 at end of stream.
     */
    public int readRaw(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (end > start) {
            int n = Math.min(len, end - start);
            System.arraycopy(buf, start, dst, off, n);
            start += n;
            return n;
        }
        if (eof) {
            return -1;
        }
        int n = in.read(dst, off, len);
        if (n < 0) {
            eof = true;
        }
        return n;
    }

    /** Reads exactly {@code len} raw bytes, or throws {@link java.io.EOFException}. */
    public void readRawFully(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = readRaw(dst, off + done, len - done);
            if (n < 0) {
                throw new java.io.EOFException("stream ended after " + done + " of " + len + " raw bytes");
            }
            done += n;
        }
    }

    /** The decoder, e.g. to give it hints such as a text decoder's {@code expectAnswer}. */
    public MessageDecoder decoder() {
        return decoder;
    }

    private void fill() throws IOException {
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                if (buf.length >= maxBuffer) {
                    // the decoder enforces maxFrameBytes, so this is only reached if it did not
                    throw new IOException("frame larger than the buffer limit of " + maxBuffer + " bytes");
                }
                byte[] bigger = new byte[(int) Math.min(maxBuffer, (long) buf.length * 2)];
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
