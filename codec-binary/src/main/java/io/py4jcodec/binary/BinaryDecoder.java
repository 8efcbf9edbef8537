package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;

/**
 * Incremental decoder of varint-length-delimited {@code py4j.proto} frames. See
 * {@link MessageDecoder} for the contract.
 *
 * <h2>Framing</h2>
 * A frame is a uint32 varint body length (at most 5 bytes) and then the body. The prefix is read
 * and checked against {@link Limits#maxFrameBytes()} (prefix included) before anything is
 * allocated, so a hostile length costs nothing; until the whole frame is there, {@link #decode}
 * answers {@link #NEED_MORE} and consumes nothing. Re-reading a prefix of at most 5 bytes per call
 * keeps byte-by-byte feeding linear.
 *
 * <h2>After an error</h2>
 * <ul>
 *   <li>A bad prefix (more than 5 bytes, more than 32 bits: a negative length written as a 10-byte
 *       varint is one) is {@link Reason#BAD_NUMBER}; a length over the limit is
 *       {@link Reason#FRAME_TOO_LONG}; input ending inside a frame at {@link #decodeLast} is
 *       {@link Reason#TRUNCATED}. These lose the framing and close the decoder.</li>
 *   <li>A bad body (not protobuf, unknown fields, a oneof left unset, invalid UTF-8 or WTF-8, too
 *       many values) is reported at the offset of the field at fault (the same by both readers) and is
 *       {@linkplain ProtocolException#resynchronized() resynchronised}: the length prefix says
 *       where the next frame starts.</li>
 * </ul>
 *
 * <pre>{@code
 * MessageDecoder dec = BinaryCodec.of(Side.JAVA).newDecoder();
 * int n = dec.decode(bytes, 0, bytes.length);   // 0 until a whole frame is there
 * Message m = dec.message();
 * }</pre>
 */
public final class BinaryDecoder implements MessageDecoder {
    /** The longest uint32 varint. */
    private static final int MAX_PREFIX = 5;

    private final Limits limits;
    private final BodyReader reader;
    private long position;
    private ProtocolException closedBy;
    private Message message;
    private byte[] scratch;
    private DirectReader explainer;

    @Override
    public Limits limits() {
        return limits;
    }

    BinaryDecoder(Limits limits, BodyReader reader) {
        this.limits = limits;
        this.reader = reader;
    }

    @Override
    public int decode(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, false);
    }

    @Override
    public int decodeLast(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, true);
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void reset() {
        position = 0;
        closedBy = null;
        message = null;
    }

    private int run(DirectBuffer src, int offset, int length, boolean last) {
        if (closedBy != null) {
            throw ProtocolException.of(Reason.DECODER_CLOSED, position, -1,
                    "decoder closed by an earlier error: " + closedBy.getMessage());
        }
        long bodyLength = 0;
        int prefix = 0;
        while (true) {
            if (prefix == length) {
                return needMore(last, length, "in the length prefix");
            }
            int b = src.getByte(offset + prefix) & 0xFF;
            bodyLength |= (long) (b & 0x7F) << (7 * prefix);
            prefix++;
            if ((b & 0x80) == 0) {
                if (prefix == MAX_PREFIX && b > 0x0F) {
                    throw close(ProtocolException.of(Reason.BAD_NUMBER, position, -1,
                            "length prefix exceeds 32 bits (a negative length?)"));
                }
                break;
            }
            if (prefix == MAX_PREFIX) {
                throw close(ProtocolException.of(Reason.BAD_NUMBER, position, -1,
                        "length prefix longer than 5 bytes (a negative length written as a 10-byte varint?)"));
            }
        }
        long frameLength = prefix + bodyLength;
        if (frameLength > limits.maxFrameBytes()) {
            throw close(ProtocolException.limit(Reason.FRAME_TOO_LONG, position, -1, "frame length", frameLength,
                    limits.maxFrameBytes(), "maxFrameBytes"));
        }
        int frame = (int) frameLength;
        if (length < frame) {
            return needMore(last, length, "in a frame of " + frame + " bytes");
        }
        long base = position + prefix;
        int body = offset + prefix;
        try {
            message = reader.read(input(src, body, (int) bodyLength), src, body, (int) bodyLength, base);
        } catch (ProtocolException | InvalidProtocolBufferException e) {
            position += frame;
            throw (reader instanceof DirectReader ? (ProtocolException) e : why(src, body, (int) bodyLength, base, e))
                    .resynced(frame);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory does no I/O", e);
        }
        position += frame;
        return frame;
    }

    /**
     * Why the generated-messages path rejected a body: the direct reader reads it again, so that
     * both paths report the same reason at the field's offset (generated messages keep no positions,
     * and protobuf's parse errors say what went wrong only in their message text).
     */
    private ProtocolException why(DirectBuffer src, int body, int length, long base, Exception e) {
        if (explainer == null) {
            explainer = new DirectReader(limits);
        }
        try {
            explainer.read(input(src, body, length), src, body, length, base);
        } catch (ProtocolException d) {
            return d;
        } catch (IOException d) {
            throw new IllegalStateException("reading from memory does no I/O", d);
        }
        // the readers accept the same bodies (BadInputTest checks it on mutated frames); should one
        // ever differ, the generated path's own error still fails the frame
        return e instanceof ProtocolException p ? p
                : ProtocolException.wrap(Reason.UNKNOWN_TYPE, base, -1, "not a valid py4j.proto Frame: " + e.getMessage(), e);
    }

    private int needMore(boolean last, int length, String where) {
        if (!last || length == 0) {
            return NEED_MORE;
        }
        throw close(ProtocolException.of(Reason.TRUNCATED, position + length, -1,
                "input ended after " + length + " bytes " + where));
    }

    private ProtocolException close(ProtocolException e) {
        closedBy = e;
        return e;
    }

    private CodedInputStream input(DirectBuffer src, int start, int length) {
        byte[] array = src.byteArray();
        if (array != null) {
            return CodedInputStream.newInstance(array, (int) src.wrapAdjustment() + start, length);
        }
        ByteBuffer bb = src.byteBuffer();
        if (bb != null) {
            ByteBuffer view = bb.duplicate();
            int p = (int) src.wrapAdjustment() + start;
            view.limit(p + length).position(p);
            return CodedInputStream.newInstance(view);
        }
        // raw memory: protobuf cannot read it in place
        if (scratch == null || scratch.length < length) {
            scratch = new byte[Math.max(length, 256)];
        }
        src.getBytes(start, scratch, 0, length);
        return CodedInputStream.newInstance(scratch, 0, length);
    }
}
