package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.model.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/** Test helpers that drive a decoder over whole, byte-by-byte and split input. */
public final class Frames {
    private Frames() {
    }

    /** Exactly one frame covering all of {@code wire}. */
    public static Message decodeOne(Codec codec, byte[] wire, String where) {
        MessageDecoder d = codec.newDecoder();
        int n = d.decode(new UnsafeBuffer(wire), 0, wire.length);
        assertEquals(wire.length, n, where + ": frame length");
        return d.message();
    }

    /** Feeds a growing prefix one byte at a time, as a socket delivering single bytes would. */
    public static Message decodeByteByByte(Codec codec, byte[] wire, String where) {
        MessageDecoder d = codec.newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(wire);
        for (int len = 1; len <= wire.length; len++) {
            int n = d.decode(buf, 0, len);
            if (n > 0) {
                assertEquals(wire.length, n, where + ": consumed");
                assertEquals(wire.length, len, where + ": finished early");
                return d.message();
            }
        }
        throw new AssertionError(where + ": no frame after all bytes");
    }

    /** Two calls: the first {@code split} bytes (copied to a fresh array), then all of them at another offset. */
    public static Message decodeSplit(Codec codec, byte[] wire, int split, String where) {
        MessageDecoder d = codec.newDecoder();
        byte[] first = Arrays.copyOf(wire, split);
        assertEquals(0, d.decode(new UnsafeBuffer(first), 0, split), where + ": partial input must need more");
        // the caller may move the unconsumed bytes: present them at offset 3 of another array
        byte[] moved = new byte[wire.length + 3];
        System.arraycopy(wire, 0, moved, 3, wire.length);
        int n = d.decode(new UnsafeBuffer(moved), 3, wire.length);
        assertEquals(wire.length, n, where + ": consumed");
        return d.message();
    }

    /** Every frame of a stream, decoded in one buffer, then checked against a pass with random chunking. */
    public static List<Message> decodeAll(Codec codec, byte[] stream, String where) {
        List<Message> out = new ArrayList<>();
        MessageDecoder d = codec.newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(stream);
        int off = 0;
        while (off < stream.length) {
            int n = d.decodeLast(buf, off, stream.length - off);
            if (n == 0) {
                break;
            }
            out.add(d.message());
            off += n;
        }
        assertTrue(off >= stream.length - 1, where + ": undecoded tail at " + off + " of " + stream.length);
        return out;
    }
}
