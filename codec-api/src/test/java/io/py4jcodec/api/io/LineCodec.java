package io.py4jcodec.api.io;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.MemoryDeleteCommand;
import io.py4jcodec.api.model.Message;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The smallest codec that keeps {@link MessageDecoder}'s contract, so that the adapters are tested
 * on their own: a frame is an id and LF, read as {@code m d <id>}; a line starting with {@code !} is
 * a bad frame the decoder skips (resynchronised), input cut off without LF fails at end of stream,
 * and a partial line longer than the frame limit closes the decoder.
 */
final class LineCodec implements MessageDecoder, MessageEncoder {
    private final Limits limits;
    private long position;
    private Message message;
    private boolean closed;

    LineCodec(Limits limits) {
        this.limits = limits;
    }

    static byte[] frames(String... ids) {
        return (String.join("\n", ids) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int decode(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, false);
    }

    @Override
    public int decodeLast(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, true);
    }

    private int run(DirectBuffer src, int offset, int length, boolean last) {
        if (closed) {
            throw ProtocolException.of(Reason.DECODER_CLOSED, position, -1, "closed");
        }
        for (int i = 0; i < length; i++) {
            if (src.getByte(offset + i) == '\n') {
                int frame = i + 1;
                String id = src.getStringWithoutLengthAscii(offset, i);
                long at = position;
                position += frame;
                if (id.startsWith("!")) {
                    throw ProtocolException.of(Reason.UNKNOWN_COMMAND, at, -1, "bad frame " + id).resynced(frame);
                }
                message = new MemoryDeleteCommand(id);
                return frame;
            }
        }
        if (length > limits.maxFrameBytes()) {
            closed = true;
            throw ProtocolException.limit(Reason.FRAME_TOO_LONG, position, -1, "partial frame", length, limits.maxFrameBytes(), "maxFrameBytes");
        }
        if (last && length > 0) {
            closed = true;
            throw ProtocolException.of(Reason.TRUNCATED, position + length, -1, "no LF at end of input");
        }
        return NEED_MORE;
    }

    @Override
    public Limits limits() {
        return limits;
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
        closed = false;
    }

    @Override
    public int encode(Message m, MutableDirectBuffer dst, int index) {
        String id = ((MemoryDeleteCommand) m).objectId();
        int n = dst.putStringWithoutLengthAscii(index, id);
        dst.putByte(index + n, (byte) '\n');
        return n + 1;
    }
}
