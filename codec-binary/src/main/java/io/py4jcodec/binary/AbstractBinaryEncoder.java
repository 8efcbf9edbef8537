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
 *
 * <p>Frames written one after another into the same array (a server filling its send buffer) share
 * one {@link CodedOutputStream}, as one protobuf user serialising many messages into one stream
 * would: creating it per frame was most of the encoder's per-frame allocation.
 */
abstract sealed class AbstractBinaryEncoder implements MessageEncoder permits DirectEncoder, MessagesEncoder {
    private byte[] scratch = new byte[256];
    // the stream over the array the last frame went to, bounded by that buffer's capacity, positioned after it
    private CodedOutputStream cont;
    private byte[] contArray;
    private int contEnd;
    private int contLimit;

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
                writeInto(array, (int) dst.wrapAdjustment(), dst.capacity(), index, message, body, total);
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

    private void writeInto(byte[] array, int adjustment, int capacity, int index, Message message, int body, int total)
            throws IOException {
        int start = adjustment + index;
        int limit = adjustment + capacity;
        if (array != contArray || start != contEnd || limit != contLimit) {
            contArray = array;
            contLimit = limit;
            cont = CodedOutputStream.newInstance(array, start, limit - start);
        }
        int before = cont.getTotalBytesWritten();
        try {
            writeFrame(message, body, cont);
        } catch (IOException | RuntimeException e) {
            contArray = null; // the stream's position no longer says where the next frame starts
            throw e;
        }
        contEnd = start + total;
        if (cont.getTotalBytesWritten() - before != total) {
            contArray = null;
            throw new IllegalStateException("size pass and write pass disagree: " + total + " bytes sized, "
                    + (cont.getTotalBytesWritten() - before) + " written");
        }
    }

    private void write(Message message, int body, CodedOutputStream out) throws IOException {
        writeFrame(message, body, out);
        // the size pass and the write pass must agree to the byte
        out.checkNoSpaceLeft();
    }

    /** A frame: its body's length, then the body. */
    private void writeFrame(Message message, int body, CodedOutputStream out) throws IOException {
        out.writeUInt32NoTag(body);
        writeBody(message, out);
    }
}
