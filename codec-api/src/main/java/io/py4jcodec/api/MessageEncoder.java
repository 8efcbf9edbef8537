package io.py4jcodec.api;

import io.py4jcodec.api.model.Message;
import java.io.IOException;
import java.io.OutputStream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes model messages as bytes. Not thread-safe: an encoder may keep scratch buffers.
 *
 * <pre>{@code
 * MessageEncoder enc = TextCodec.of(Side.JAVA).newEncoder();
 * byte[] line = enc.encode(ReturnMessage.success(Value.ofDouble(1e16)));   // "!yd1.0E16\n"
 * }</pre>
 */
public interface MessageEncoder {

    /**
     * Writes {@code message} into {@code dst} from {@code index} and returns the number of bytes
     * written. {@code dst} must have room, or be able to grow (an {@link ExpandableArrayBuffer}).
     *
     * @throws ProtocolException with {@link Reason#UNENCODABLE} when the side cannot write the message
     */
    int encode(Message message, MutableDirectBuffer dst, int index);

    /** The bytes of {@code message}, in a new array. */
    default byte[] encode(Message message) {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        int n = encode(message, buffer, 0);
        byte[] out = new byte[n];
        buffer.getBytes(0, out);
        return out;
    }

    /** Writes the bytes of {@code message} to {@code out} (no flush). */
    default void encode(Message message, OutputStream out) throws IOException {
        out.write(encode(message));
    }
}
