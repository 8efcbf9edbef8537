package io.py4jcodec.binary;

import com.google.protobuf.CodedOutputStream;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.model.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.agrona.MutableDirectBuffer;

/**
 * Framing shared by both encoders: a varint body length, then the body. The body size is known
 * before a byte is written, so the frame goes straight into the caller's memory (heap array or
 * direct {@link ByteBuffer}) through a {@link CodedOutputStream} sized to it exactly; only a buffer
 * wrapping a raw address, which protobuf cannot write to, costs a copy through a reused scratch array.
 */
abstract sealed class AbstractBinaryEncoder implements MessageEncoder permits DirectEncoder, MessagesEncoder {
    private byte[] scratch = new byte[256];

    /** Prepares {@code message} and returns the size of its Frame body. */
    abstract int bodySize(Message message);

    /** Writes the Frame body prepared by the last {@link #bodySize} call. */
    abstract void writeBody(Message message, CodedOutputStream out) throws IOException;

    @Override
    public final int encode(Message message, MutableDirectBuffer dst, int index) {
        Objects.requireNonNull(message, "message");
        int body = bodySize(message);
        int total = CodedOutputStream.computeUInt32SizeNoTag(body) + body;
        dst.checkLimit(index + total); // grows an expandable buffer, else fails before writing
        try {
            byte[] array = dst.byteArray();
            ByteBuffer bb = dst.byteBuffer();
            if (array != null) {
                write(message, body, CodedOutputStream.newInstance(array, (int) dst.wrapAdjustment() + index, total));
            } else if (bb != null) {
                ByteBuffer view = bb.duplicate();
                int start = (int) dst.wrapAdjustment() + index;
                view.limit(start + total).position(start);
                write(message, body, CodedOutputStream.newInstance(view));
            } else {
                if (scratch.length < total) {
                    scratch = new byte[Math.max(total, scratch.length * 2)];
                }
                write(message, body, CodedOutputStream.newInstance(scratch, 0, total));
                dst.putBytes(index, scratch, 0, total);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** The frame in an array of exactly its size, written in place. */
    @Override
    public final byte[] encode(Message message) {
        Objects.requireNonNull(message, "message");
        int body = bodySize(message);
        byte[] out = new byte[CodedOutputStream.computeUInt32SizeNoTag(body) + body];
        try {
            write(message, body, CodedOutputStream.newInstance(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public final void encode(Message message, OutputStream out) throws IOException {
        out.write(encode(message));
    }

    private void write(Message message, int body, CodedOutputStream out) throws IOException {
        out.writeUInt32NoTag(body);
        writeBody(message, out);
        // the size pass and the write pass must agree to the byte
        out.checkNoSpaceLeft();
    }
}
