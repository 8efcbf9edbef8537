package io.py4jcodec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.proto.*;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Bad input, for both decoders: each case is a {@link ProtocolException} with its reason, the
 * exact offset (the same from both decoders), and the documented decoder state (closed when the framing is lost,
 * resynchronised past the bad frame otherwise); nothing hangs and nothing allocates what a hostile
 * length prefix claims.
 */
class BadInputTest {
    private static final long SEED = Long.getLong("py4jcodec.seed", 0xBAD_1A7L);
    private static final Message GOOD = new CallCommand("o12", "sql", List.of(new StringValue("SELECT 1")));

    private static byte[] frame(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CodedOutputStream c = CodedOutputStream.newInstance(out);
            c.writeUInt32NoTag(body.length);
            c.writeRawBytes(body);
            c.flush();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] frame(com.google.protobuf.MessageLite body) {
        return frame(body.toByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Decodes {@code bad} then a good frame after it: the error must resynchronise past exactly the bad frame.
     * {@code offset} gives, from {@code bad}'s length, the one offset the error must name: the tag of the field
     * that is wrong, or the end of the message a required field is missing from (or whose fields contradict). Both decoders name the same.
     */
    private static ProtocolException resyncedError(BinaryCodec codec, byte[] bad, Reason reason, IntUnaryOperator offset, String what) {
        byte[] good = codec.newEncoder().encode(GOOD);
        byte[] both = concat(bad, good);
        MessageDecoder d = codec.newDecoder();
        ProtocolException e = assertThrows(ProtocolException.class, () -> d.decode(both, 0, both.length), what + " via " + codec);
        assertEquals(reason, e.reason(), what + " via " + codec + ": " + e.getMessage());
        assertTrue(e.resynchronized(), what + ": the length prefix keeps the stream in sync");
        assertEquals(bad.length, e.skipBytes(), what);
        assertEquals(offset.applyAsInt(bad.length), e.offset(), what + " via " + codec + ": " + e.getMessage());
        assertEquals(good.length, d.decode(both, e.skipBytes(), good.length), what + ": next frame");
        assertEquals(GOOD, d.message());
        return e;
    }

    private static ProtocolException closedError(BinaryCodec codec, byte[] bad, boolean last, Reason reason, String what) {
        MessageDecoder d = codec.newDecoder();
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> {
                    if (last) {
                        d.decodeLast(bad, 0, bad.length);
                    } else {
                        d.decode(bad, 0, bad.length);
                    }
                }, what);
        assertEquals(reason, e.reason(), what + " via " + codec + ": " + e.getMessage());
        assertFalse(e.resynchronized(), what);
        byte[] good = codec.newEncoder().encode(GOOD);
        assertEquals(Reason.DECODER_CLOSED, assertThrows(ProtocolException.class, () -> d.decode(good, 0, good.length)).reason());
        d.reset();
        assertEquals(good.length, d.decode(good, 0, good.length), "reset reopens the decoder");
        return e;
    }

    @Test
    void truncatedFramesNeedMoreThenFailAtEndOfStream() {
        EdgeModels gen = new EdgeModels(SEED);
        for (int i = 0; i < 200; i++) {
            Message m = gen.message();
            for (BinaryCodec codec : Codecs.BOTH) {
                byte[] wire = codec.newEncoder().encode(m);
                for (int cut = 1; cut < wire.length; cut++) {
                    assertEquals(MessageDecoder.NEED_MORE, codec.newDecoder().decode(wire, 0, cut));
                    ProtocolException e = closedError(codec, Arrays.copyOf(wire, cut), true, Reason.TRUNCATED,
                            "seed " + SEED + " model " + i + " cut at " + cut);
                    assertEquals(cut, e.offset());
                }
            }
        }
    }

    @Test
    void aLengthPrefixOverTheLimitFailsBeforeTheBodyArrives() {
        Limits small = Limits.builder().maxFrameBytes(100).build();
        for (BinaryCodec.Implementation impl : BinaryCodec.Implementation.values()) {
            BinaryCodec codec = BinaryCodec.builder(Side.JAVA).decoder(impl).limits(small).build();
            // 99 body bytes + 1 prefix byte fit; 99 + 2 prefix bytes do not
            byte[] fits = frame(new byte[98]);
            assertEquals(MessageDecoder.NEED_MORE, codec.newDecoder().decode(fits, 0, 1));
            byte[] over = {(byte) 0xE3, 0x00}; // varint 99: a 101-byte frame
            ProtocolException e = closedError(codec, over, false, Reason.FRAME_TOO_LONG, "99-byte body");
            assertEquals("maxFrameBytes", e.limitSetting());
            byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}; // 2^31 - 1
            closedError(codec, huge, false, Reason.FRAME_TOO_LONG, "2^31-1 body");
            closedError(BinaryCodec.builder(Side.JAVA).decoder(impl).build(), huge, false, Reason.FRAME_TOO_LONG, "default limits");
        }
    }

    /** A frame claiming 60 MiB (under the default limit) and given only its prefix costs no allocation. */
    @Test
    void aClaimedLengthIsNotAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] prefix = new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0x1E}; // 60 MiB
        for (BinaryCodec codec : Codecs.BOTH) {
            MessageDecoder d = codec.newDecoder();
            d.decode(prefix, 0, prefix.length); // warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                assertEquals(MessageDecoder.NEED_MORE, d.decode(prefix, 0, prefix.length));
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 64 * 1024, codec + " allocated " + allocated + " bytes for 100 calls");
        }
    }

    @Test
    void aNegativeOrTooLongVarintPrefixIsRejected() {
        byte[] tenByteMinusOne = {-1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01};
        byte[] overThirtyTwoBits = {-1, -1, -1, -1, 0x1F};
        byte[] nonMinimalZero = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
        for (BinaryCodec codec : Codecs.BOTH) {
            for (byte[] bad : List.of(tenByteMinusOne, overThirtyTwoBits, nonMinimalZero)) {
                closedError(codec, bad, false, Reason.BAD_NUMBER, Arrays.toString(bad));
                // fed byte by byte it fails as soon as the fifth byte arrives, without waiting for more
                MessageDecoder d = codec.newDecoder();
                for (int n = 1; n < 5; n++) {
                    assertEquals(MessageDecoder.NEED_MORE, d.decode(bad, 0, n));
                }
                assertEquals(Reason.BAD_NUMBER, assertThrows(ProtocolException.class, () -> d.decode(bad, 0, 5)).reason());
            }
        }
    }

    @Test
    void unknownFieldsAreRejected() {
        UnknownFieldSet field99 = UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build();
        UnknownFieldSet group = UnknownFieldSet.newBuilder()
                .addField(3, UnknownFieldSet.Field.newBuilder().addGroup(UnknownFieldSet.getDefaultInstance()).build()).build();
        Call call = MessagesEncoder.toFrame(GOOD).getCall();
        for (BinaryCodec codec : Codecs.BOTH) {
            resyncedError(codec, frame(Frame.newBuilder().setUnknownFields(field99).build()), Reason.UNKNOWN_COMMAND, end -> end - 3, "Frame field 99 alone");
            resyncedError(codec, frame(Frame.newBuilder().setCall(call).setUnknownFields(field99).build()), Reason.UNKNOWN_COMMAND,
                    end -> end - 3, "Frame field 99 after a call");
            resyncedError(codec, frame(Frame.newBuilder().setCall(call.toBuilder().setUnknownFields(field99)).build()),
                    Reason.UNKNOWN_TYPE, end -> end - 3, "Call field 99");
            resyncedError(codec, frame(Frame.newBuilder().setCall(call.toBuilder().setUnknownFields(group)).build()),
                    Reason.UNKNOWN_TYPE, end -> end - 2, "Call group field 3");
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder()
                    .setInteger(1).setUnknownFields(field99)).build()), Reason.UNKNOWN_TYPE, end -> end - 3, "Value field 99");
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder()
                    .setProxy(Proxy.newBuilder().setNumber(1).setUnknownFields(field99))).build()), Reason.UNKNOWN_TYPE, end -> end - 3, "Proxy field 99");
            // a known field number with the wrong wire type is an unknown field too: Call.method as a varint
            resyncedError(codec, frame(Frame.newBuilder().setCall(call.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                    .addField(Call.METHOD_FIELD_NUMBER + 20, UnknownFieldSet.Field.newBuilder().addVarint(5).build()).build())).build()),
                    Reason.UNKNOWN_TYPE, end -> end - 3, "Call field 24");
            resyncedError(codec, frame(new byte[] {0x0C}), Reason.UNKNOWN_COMMAND, end -> 1, "stray end-group tag");
        }
    }

    @Test
    void validProtobufThatIsNoValidCommand() {
        for (BinaryCodec codec : Codecs.BOTH) {
            resyncedError(codec, frame(new byte[0]), Reason.UNKNOWN_COMMAND, end -> end, "empty Frame");
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.getDefaultInstance()).build()),
                    Reason.UNKNOWN_TYPE, end -> end, "Value without kind");
            resyncedError(codec, frame(Frame.newBuilder().setCall(Call.newBuilder().setMethod("m")).build()),
                    Reason.EMPTY_REFERENCE, end -> end, "Call without target");
            resyncedError(codec, frame(Frame.newBuilder().setMemoryDelete(ObjectId.getDefaultInstance()).build()),
                    Reason.EMPTY_REFERENCE, end -> end, "ObjectId without id");
            resyncedError(codec, frame(Frame.newBuilder().setFieldSet(FieldSet.newBuilder().setTargetObject(1).setField("f")).build()),
                    Reason.EMPTY_PART, end -> end, "FieldSet without value");
            resyncedError(codec, frame(Frame.newBuilder().setAuth(Auth.getDefaultInstance()).build()), Reason.EMPTY_PART, end -> end, "Auth without token");
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder().setUnitValue(9)).build()),
                    Reason.UNKNOWN_TYPE, end -> end - 2, "unit 9");
            resyncedError(codec, frame(Frame.newBuilder().setBareValue(7).build()), Reason.BAD_ANSWER, end -> end - 2, "bare status 7");
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder().setDecimal(
                    Decimal.newBuilder().setUnscaled(ByteString.copyFrom(new byte[] {5})).setNegativeZero(true))).build()),
                    Reason.BAD_NUMBER, end -> end, "negative zero on 5");
            // Frame.success{Value.reference = "a\xFF"}: protobuf's builders refuse to make it
            resyncedError(codec, frame(new byte[] {0x0A, 0x04, 0x3A, 0x02, 'a', (byte) 0xFF}), Reason.BAD_UTF8, end -> end - 4, "invalid UTF-8");
            // WTF-8 writes a surrogate pair as one 4-byte sequence; two 3-byte halves are not WTF-8 (string_wtf8 = 23: a 2-byte tag)
            byte[] splitPair = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xED, (byte) 0xB0, (byte) 0x80};
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder()
                    .setStringWtf8(ByteString.copyFrom(splitPair))).build()), Reason.BAD_UTF8, end -> end - 9, "surrogate halves");
            // a sub-message claiming more bytes than its frame holds
            resyncedError(codec, frame(new byte[] {0x12, 0x10, 0x08, 0x01}), Reason.TRUNCATED, end -> 1, "sub-message past the frame");
            resyncedError(codec, frame(new byte[] {0x12, 0x0B, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01}), Reason.BAD_NUMBER,
                    end -> 3, "malformed varint inside");
        }
    }

    @Test
    void tooManyValuesOrInterfaces() {
        Limits limits = Limits.builder().maxParts(3).maxInterfaces(2).build();
        List<io.py4jcodec.proto.Value> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(io.py4jcodec.proto.Value.newBuilder().setInteger(i).build());
        }
        for (BinaryCodec.Implementation impl : BinaryCodec.Implementation.values()) {
            BinaryCodec codec = BinaryCodec.builder(Side.JAVA).decoder(impl).limits(limits).build();
            ProtocolException e = resyncedError(codec, frame(Frame.newBuilder().setCall(Call.newBuilder().setTargetObject(1)
                    .addAllArguments(four)).build()), Reason.TOO_MANY_PARTS, end -> end - 4, "4 arguments");
            assertEquals("maxParts", e.limitSetting());
            resyncedError(codec, frame(Frame.newBuilder().setSuccess(io.py4jcodec.proto.Value.newBuilder().setProxy(
                    Proxy.newBuilder().setNumber(1).addInterfaces("a").addInterfaces("b").addInterfaces("c"))).build()),
                    Reason.TOO_MANY_INTERFACES, end -> end - 3, "3 interfaces");
        }
    }

    /**
     * Seeded mutations of valid frames (flipped, inserted, deleted bytes; bodies cut with the prefix
     * kept consistent): every outcome is a message or a ProtocolException, and where both decoders
     * accept the bytes they agree, as they do on the reason and offset where both reject them; and they
     * accept the same bodies (protobuf's parser decides for the generated path) but for the documented
     * difference, a singular field that occurs twice, which only the direct reader rejects.
     */
    @Test
    void mutatedFramesFailCleanlyAndTheDecodersAgree() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        EdgeModels gen = new EdgeModels(SEED);
        int accepted = 0;
        int onlyDirectRejects = 0;
        for (int i = 0; i < 8_000; i++) {
            byte[] wire = Codecs.DIRECT.newEncoder().encode(gen.message());
            byte[] body = Arrays.copyOfRange(wire, prefixLength(wire), wire.length);
            byte[] mutatedBody = mutate(body, rnd);
            byte[] mutated = frame(mutatedBody);
            Message[] got = new Message[2];
            ProtocolException[] failed = new ProtocolException[2];
            for (int k = 0; k < 2; k++) {
                MessageDecoder d = Codecs.BOTH.get(k).newDecoder();
                try {
                    int n = d.decode(mutated, 0, mutated.length);
                    assertEquals(mutated.length, n);
                    got[k] = d.message();
                } catch (ProtocolException e) {
                    assertTrue(e.resynchronized(), "a well-framed bad body keeps the stream in sync: " + e.getMessage());
                    failed[k] = e;
                } catch (RuntimeException e) {
                    fail("seed " + SEED + " mutation " + i + " via " + Codecs.BOTH.get(k) + ": " + e, e);
                }
            }
            if (got[0] != null && got[1] != null) {
                accepted++;
                assertEquals(got[1], got[0], "seed " + SEED + " mutation " + i);
            }
            if (failed[0] != null && failed[1] != null) {
                assertEquals(failed[0].reason() + " at " + failed[0].offset(), failed[1].reason() + " at " + failed[1].offset(),
                        "seed " + SEED + " mutation " + i + ": both decoders name the same error");
            }
            // protobuf's own parser (the generated path) is the judge of what is a valid body. The direct
            // reader rejects what it accepts only for the documented difference, a singular field twice,
            // which protobuf resolves (last scalar wins, sub-messages merge): then protobuf's own bytes for
            // what it read differ from the body, and the direct reader reads those bytes to the same model
            if (failed[0] != null && got[1] != null) {
                onlyDirectRejects++;
                byte[] canonical = frame(parse(mutatedBody));
                assertFalse(Arrays.equals(canonical, mutated), "seed " + SEED + " mutation " + i
                        + ": the direct reader rejects a body protobuf writes itself: " + failed[0]);
                MessageDecoder d = Codecs.DIRECT.newDecoder();
                assertEquals(canonical.length, d.decode(canonical, 0, canonical.length));
                assertEquals(got[1], d.message(), "seed " + SEED + " mutation " + i + ": after " + failed[0]);
            }
            assertFalse(got[0] != null && failed[1] != null,
                    "seed " + SEED + " mutation " + i + ": the direct reader accepts what protobuf rejects: " + failed[1]);
        }
        assertTrue(accepted > 100, "some mutations stay valid: " + accepted);
        assertTrue(onlyDirectRejects > 0, "the mutations reach the one documented difference");
    }

    /** What protobuf's generated parser reads from {@code body}, written back by protobuf. */
    private static byte[] parse(byte[] body) {
        try {
            return Frame.parseFrom(body).toByteArray();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("the generated path accepted it", e);
        }
    }

    private static int prefixLength(byte[] wire) {
        int i = 0;
        while ((wire[i] & 0x80) != 0) {
            i++;
        }
        return i + 1;
    }

    private static byte[] mutate(byte[] body, SplittableRandom rnd) {
        byte[] b = body.clone();
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                }
                case 2 -> {
                    int at = rnd.nextInt(b.length + 1);
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) rnd.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                default -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
        }
        return b;
    }

    @Test
    void theDecodersAcceptNonCanonicalButValidEncodingsAlike() {
        // protobuf allows fields in any order; our encoders write them in number order
        byte[] reordered = frame(new byte[] {
            0x12, 0x0B,                                  // Frame.call, 11 bytes
            0x22, 0x03, 's', 'q', 'l',                   // method = "sql"
            0x08, 0x0C,                                  // target_object = 12
            0x2A, 0x02, 0x10, 0x02,                      // arguments: Value{integer = 1}
        });
        for (BinaryCodec codec : Codecs.BOTH) {
            MessageDecoder d = codec.newDecoder();
            assertEquals(reordered.length, d.decode(reordered, 0, reordered.length));
            assertEquals(new CallCommand("o12", "sql", List.of(io.py4jcodec.api.model.Value.ofInt(1))), d.message());
        }
        // an empty string value is written (oneof members always are), and decodes as ""
        byte[] empty = Codecs.DIRECT.newEncoder().encode(new SuccessReturn(StringValue.EMPTY));
        for (BinaryCodec codec : Codecs.BOTH) {
            MessageDecoder d = codec.newDecoder();
            d.decode(empty, 0, empty.length);
            assertEquals(new SuccessReturn(StringValue.EMPTY), d.message());
        }
    }
}
