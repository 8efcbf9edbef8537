package io.py4jcodec.api.io;

import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.model.Message;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import org.agrona.ExpandableArrayBuffer;

/**
 * Writes messages to an {@link OutputStream} through a {@link MessageEncoder}, reusing one scratch
 * buffer. {@link #write(Message)} flushes, as both Py4J peers flush after every frame.
 *
 * <pre>{@code
 * MessageOutputStream out = new MessageOutputStream(socket.getOutputStream(), codec.newEncoder());
 * out.write(new CallCommand("t", "add", List.of(Value.ofInt(1), Value.ofInt(2))));
 * }</pre>
 */
public final class MessageOutputStream implements Closeable, Flushable {
    private final OutputStream out;
    private final MessageEncoder encoder;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);

    public MessageOutputStream(OutputStream out, MessageEncoder encoder) {
        this.out = out;
        this.encoder = encoder;
    }

    /** Encodes, writes and flushes one message. */
    public void write(Message message) throws IOException {
        writeNoFlush(message);
        out.flush();
    }

    /** Encodes and writes one message without flushing. */
    public void writeNoFlush(Message message) throws IOException {
        int n = encoder.encode(message, scratch, 0);
        out.write(scratch.byteArray(), 0, n);
    }

    /** Writes raw bytes (e.g. a stream payload after a {@code !yv} answer). */
    public void writeRaw(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
