package io.py4jcodec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.Frame;
import io.py4jcodec.text.Frames;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * model -> binary -> model is the identity over thousands of seeded models (realistic ones from
 * the testkit's generators and edge ones from {@link EdgeModels}), for both encoders and both
 * decoders; the two encoders write identical bytes, which are also protobuf's own parse of them.
 */
class RoundTripPropertyTest {
    private static final long SEED = Long.getLong("py4jcodec.seed", 0x5EED_B1AL);
    private static final int MODELS = 6_000;

    @Test
    void everyModelRoundTripsThroughBothEncodersAndBothDecoders() {
        EdgeModels gen = new EdgeModels(SEED);
        for (int i = 0; i < MODELS; i++) {
            Message m = gen.message();
            String where = "seed " + SEED + " model " + i + ": " + m;
            byte[] direct = Codecs.DIRECT.newEncoder().encode(m);
            byte[] messages = Codecs.MESSAGES.newEncoder().encode(m);
            assertArrayEquals(messages, direct, where + ": the encoders disagree");
            for (BinaryCodec codec : Codecs.BOTH) {
                assertEquals(m, Frames.decodeOne(codec, direct, where), where + " via " + codec);
            }
        }
    }

    @Test
    void theBytesAreProtobufsOwnDelimitedFrame() throws Exception {
        EdgeModels gen = new EdgeModels(SEED + 1);
        for (int i = 0; i < 1_000; i++) {
            Message m = gen.message();
            byte[] wire = Codecs.DIRECT.newEncoder().encode(m);
            Frame expected = MessagesEncoder.toFrame(m);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            expected.writeDelimitedTo(out);
            assertArrayEquals(out.toByteArray(), wire, "seed " + SEED + " model " + i + ": " + m);
            assertEquals(expected, Frame.parseDelimitedFrom(new java.io.ByteArrayInputStream(wire)));
        }
    }

    @Test
    void bothSidesWriteTheSameBytes() {
        EdgeModels gen = new EdgeModels(SEED + 2);
        for (int i = 0; i < 500; i++) {
            Message m = gen.message();
            assertArrayEquals(BinaryCodec.of(Side.PYTHON).newEncoder().encode(m), BinaryCodec.of(Side.JAVA).newEncoder().encode(m),
                    "seed " + SEED + " model " + i);
        }
    }

    @Test
    void incrementalDecodingWholeByteByByteAndSplitAtEveryOffset() {
        EdgeModels gen = new EdgeModels(SEED + 3);
        for (int i = 0; i < 200; i++) {
            Message m = gen.message();
            byte[] wire = Codecs.DIRECT.newEncoder().encode(m);
            String where = "seed " + SEED + " model " + i;
            for (BinaryCodec codec : Codecs.BOTH) {
                assertEquals(m, Frames.decodeByteByByte(codec, wire, where));
                for (int split = 1; split < Math.min(wire.length, 300); split++) {
                    assertEquals(m, Frames.decodeSplit(codec, wire, split, where + " split " + split));
                }
            }
        }
    }

    /** A stream of frames fed in random chunks, as a socket delivers it; the decoder never reads past a frame. */
    @Test
    void aStreamOfFramesInRandomChunks() {
        SplittableRandom rnd = new SplittableRandom(SEED + 4);
        EdgeModels gen = new EdgeModels(SEED + 4);
        List<Message> sent = new ArrayList<>();
        ExpandableArrayBuffer stream = new ExpandableArrayBuffer();
        int length = 0;
        var enc = Codecs.DIRECT.newEncoder();
        for (int i = 0; i < 2_000; i++) {
            Message m = gen.message();
            sent.add(m);
            length += enc.encode(m, stream, length);
        }
        byte[] bytes = new byte[length];
        stream.getBytes(0, bytes);
        for (BinaryCodec codec : Codecs.BOTH) {
            MessageDecoder d = codec.newDecoder();
            List<Message> got = new ArrayList<>();
            int start = 0;
            int available = 0;
            while (start < bytes.length) {
                available = Math.min(bytes.length, available + 1 + rnd.nextInt(40));
                int n;
                while (start < available && (n = d.decode(bytes, start, available - start)) > 0) {
                    got.add(d.message());
                    start += n;
                    assertEquals(start, d.position());
                }
            }
            assertEquals(sent, got, "seed " + SEED + " via " + codec);
            assertEquals(MessageDecoder.NEED_MORE, d.decodeLast(bytes, start, 0));
        }
    }

    /**
     * Frames written back to back into one array share one protobuf stream inside the encoder: the
     * bytes must be each frame's own, also after a refused frame, after a jump to
     * another index, and when the same array comes back wrapped with a smaller capacity.
     */
    @Test
    void backToBackFramesInOneArrayAreEachFramesOwnBytes() {
        EdgeModels gen = new EdgeModels(SEED + 6);
        for (BinaryCodec codec : Codecs.BOTH) {
            var enc = codec.newEncoder();
            var reference = Codecs.MESSAGES.newEncoder();
            byte[] array = new byte[1 << 16];
            UnsafeBuffer buf = new UnsafeBuffer(array);
            int p = 0;
            for (int i = 0; i < 400 && p < array.length - 4096; i++) {
                Message m = gen.message();
                byte[] expected = reference.encode(m);
                if (expected.length > 2048) {
                    continue;
                }
                String where = "seed " + SEED + " frame " + i + " via " + codec + ": " + m;
                if (i % 50 == 7) {
                    // a refused frame at the next index leaves the stream where the next frame starts
                    int p0 = p;
                    Message bad = new CallCommand("o1", "m\uD800", List.of());
                    assertThrows(ProtocolException.class, () -> enc.encode(bad, buf, p0));
                }
                if (i % 50 == 13) {
                    p += 3; // a gap: the next frame does not start where the last one ended
                }
                if (i % 50 == 29) {
                    buf.wrap(array, 0, p + expected.length); // the same array, exactly as much room as needed
                }
                int n = enc.encode(m, buf, p);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(array, p, p + n), where);
                p += n;
                buf.wrap(array);
            }
        }
    }

    /** Heap arrays at an offset, expandable heap and direct buffers, and raw memory all carry the same frame. */
    @Test
    void everyBufferKindEncodesAndDecodesTheSameFrame() {
        EdgeModels gen = new EdgeModels(SEED + 5);
        for (int i = 0; i < 300; i++) {
            Message m = gen.message();
            for (BinaryCodec codec : Codecs.BOTH) {
                byte[] expected = codec.newEncoder().encode(m);
                var enc = codec.newEncoder();
                ExpandableArrayBuffer heap = new ExpandableArrayBuffer(4);
                ExpandableDirectByteBuffer direct = new ExpandableDirectByteBuffer(4);
                UnsafeBuffer offsetHeap = new UnsafeBuffer(new byte[expected.length + 20], 7, expected.length + 5);
                ByteBuffer raw = ByteBuffer.allocateDirect(expected.length + 16);
                UnsafeBuffer rawMemory = new UnsafeBuffer(org.agrona.BufferUtil.address(raw) + 3, expected.length + 8);
                for (var dst : List.of(heap, direct, offsetHeap, rawMemory)) {
                    int n = enc.encode(m, dst, 2);
                    assertEquals(expected.length, n);
                    byte[] got = new byte[n];
                    dst.getBytes(2, got);
                    assertArrayEquals(expected, got, "seed " + SEED + " model " + i + " into " + dst.getClass().getSimpleName());
                    MessageDecoder d = codec.newDecoder();
                    assertEquals(n, d.decode(dst, 2, n));
                    assertEquals(m, d.message());
                }
                assertThrows(IndexOutOfBoundsException.class,
                        () -> enc.encode(m, new UnsafeBuffer(new byte[expected.length - 1]), 0));
            }
        }
    }

    @Test
    void aLoneSurrogateInAnIdentifierIsRejectedNotReplaced() {
        List<Message> bad = List.of(
                new CallCommand("o1", "m\uD800", List.of()),
                new CallCommand("t\uDC00", "m", List.of()),
                new SuccessReturn(new ClassMember("a\uD800")),
                new SuccessReturn(new ReferenceValue("\uDBFF")),
                new SuccessReturn(new PythonProxyValue("p1", List.of("java.lang.Runnable\uD800"))));
        for (Message m : bad) {
            for (BinaryCodec codec : Codecs.BOTH) {
                ProtocolException e = assertThrows(ProtocolException.class, () -> codec.newEncoder().encode(m), m.toString());
                assertEquals(Reason.UNENCODABLE, e.reason());
            }
        }
        // the same characters in a string value or a token travel, as WTF-8
        for (Message m : List.<Message>of(new SuccessReturn(new StringValue("m\uD800")), new AuthCommand("t\uDC00"),
                new UnknownCommand("\uD800", List.of("\uDC00\uD800")))) {
            for (BinaryCodec codec : Codecs.BOTH) {
                assertEquals(m, Frames.decodeOne(codec, codec.newEncoder().encode(m), m.toString()));
            }
        }
    }

    @Test
    void compactIdsAreExactlyTheCanonicalNumbers() {
        for (String id : new String[] {"o0", "o1", "o12", "o123456789012345678"}) {
            assertEquals(Long.parseLong(id.substring(1)), Ids.number(id, 'o'), id);
            assertEquals(id, Ids.string('o', Ids.number(id, 'o')));
        }
        for (String id : new String[] {"o", "o00", "o01", "o-1", "o+1", "o1a", "p1", "o1234567890123456789", "O1", "o\u0661"}) {
            assertEquals(Ids.NONE, Ids.number(id, 'o'), id);
        }
        // every varint has a string, and that string goes back to a varint or to the fallback losslessly
        for (long v : new long[] {0, 1, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            Value ref = new ReferenceValue(Ids.string('o', v));
            assertEquals(new SuccessReturn(ref), Frames.decodeOne(Codecs.DIRECT,
                    Codecs.DIRECT.newEncoder().encode(new SuccessReturn(ref)), ref.toString()));
        }
    }
}
