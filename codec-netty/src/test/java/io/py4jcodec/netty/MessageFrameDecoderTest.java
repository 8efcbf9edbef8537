package io.py4jcodec.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.UnknownCommand;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageFrameDecoderTest {

    static Stream<RecordedStreams> streams() {
        return RecordedStreams.all().stream();
    }

    /** What a plain decoder (the codec's own, checked against the vectors) makes of the whole stream. */
    private static List<Message> reference(RecordedStreams s) {
        byte[] b = s.bytes();
        TextDecoder d = TextCodec.of(s.reader()).newDecoder();
        List<Message> out = new ArrayList<>();
        int p = 0;
        while (p < b.length) {
            int n = d.decode(b, p, b.length - p);
            assertTrue(n > 0, "whole frames only");
            out.add(d.message());
            p += n;
        }
        return out;
    }

    private static List<Object> feed(Role role, List<ByteBuf> chunks) {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameDecoder(TextCodec.of(role)));
        for (ByteBuf c : chunks) {
            ch.writeInbound(c);
        }
        ch.finish();
        List<Object> out = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) {
            out.add(m);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void recordedFramesWholeAndByteByByteAndHeapDirectComposite(RecordedStreams s) {
        List<Message> expected = reference(s);
        assertEquals(s.frames().size(), expected.size(), "one message per recorded frame");
        if (s.writer().equals("python")) {
            // the Python client's bytes do not depend on the JDK: the messages give them back exactly
            var enc = TextCodec.of(Side.PYTHON).newEncoder();
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(s.frames().get(i), enc.encode(expected.get(i)), "frame " + i);
            }
        }
        byte[] b = s.bytes();
        assertEquals(expected, feed(s.reader(), List.of(Unpooled.wrappedBuffer(b))), "heap, whole");
        ByteBuf direct = Unpooled.directBuffer(b.length).writeBytes(b);
        assertEquals(expected, feed(s.reader(), List.of(direct)), "direct, whole");
        List<ByteBuf> bytes = new ArrayList<>();
        for (byte x : b) {
            bytes.add(Unpooled.wrappedBuffer(new byte[] {x}));
        }
        assertEquals(expected, feed(s.reader(), bytes), "byte by byte");
        List<ByteBuf> frames = new ArrayList<>();
        s.frames().forEach(f -> frames.add(Unpooled.wrappedBuffer(f)));
        assertEquals(expected, feed(s.reader(), frames), "as recorded, frame by frame");
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        int half = b.length / 2;
        composite.addComponents(true, Unpooled.wrappedBuffer(b, 0, half), Unpooled.directBuffer().writeBytes(b, half, b.length - half));
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameDecoder(TextCodec.of(s.reader())));
        ch.writeInbound(composite);
        ch.finish();
        List<Object> got = new ArrayList<>();
        for (Object m; (m = ch.readInbound()) != null; ) {
            got.add(m);
        }
        assertEquals(expected, got, "composite");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void recordedStreamsSplitAtEveryOffset(RecordedStreams s) {
        List<Message> expected = reference(s);
        byte[] b = s.bytes();
        // each split point once; the large collections stream every 7th offset keeps this to seconds
        int step = b.length > 20_000 ? 7 : 1;
        for (int k = 1; k < b.length; k += step) {
            List<Object> got = feed(s.reader(), List.of(Unpooled.wrappedBuffer(b, 0, k), Unpooled.wrappedBuffer(b, k, b.length - k)));
            if (!expected.equals(got)) {
                throw new AssertionError(s + ": split at " + k + " gave " + got.size() + " messages, expected " + expected.size());
            }
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resynchronisedErrorIsPassedInPlaceAndDecodingGoesOn() {
        List<Object> out = feed(Role.GATEWAY_SERVER, List.of(ascii("c\nt\nadd\ni1\ne\nc\nt\nbad\nq1\ne\nc\nt\nafter\ne\n")));
        assertEquals(3, out.size(), out.toString());
        assertEquals(new CallCommand("t", "add", List.of(Value.ofInt(1))), out.get(0));
        DecodingFailure f = assertInstanceOf(DecodingFailure.class, out.get(1));
        assertTrue(f.resynchronized());
        assertEquals(Reason.UNKNOWN_TYPE, f.cause().reason());
        assertTrue(f.decoderResult().isFailure());
        assertEquals(new CallCommand("t", "after", List.of()), out.get(2));
    }

    @Test
    void lostFramingIsPassedOnceAndEverythingAfterIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameDecoder(TextCodec.of(Role.GATEWAY_SERVER)));
        ch.writeInbound(ascii("c\nt\nok\ne\nqq\nc\nt\nlost\ne\n"));
        ch.writeInbound(ascii("c\nt\nlater\ne\n"));
        assertEquals(new CallCommand("t", "ok", List.of()), ch.readInbound());
        DecodingFailure f = assertInstanceOf(DecodingFailure.class, ch.readInbound());
        assertFalse(f.resynchronized());
        assertEquals(Reason.UNKNOWN_COMMAND, f.cause().reason());
        assertNull(ch.readInbound());
        ch.finish();
    }

    @Test
    void exceptionModeRaisesDecoderExceptionCausedByProtocolException() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameDecoder(
                TextCodec.of(Role.GATEWAY_SERVER).newDecoder(), MessageFrameDecoder.FailureMode.EXCEPTION));
        DecoderException e = assertThrows(DecoderException.class, () -> ch.writeInbound(ascii("c\nt\nok\ne\nc\nt\nbad\nq1\ne\n")));
        ProtocolException p = assertInstanceOf(ProtocolException.class, e.getCause());
        assertEquals(Reason.UNKNOWN_TYPE, p.reason());
        assertEquals(new CallCommand("t", "ok", List.of()), ch.readInbound(), "frames before the error come first");
        ch.finish();
    }

    @Test
    void endOfStreamDecodesAsTheCodecSays() {
        // Java executes an argument list cut off by EOF with the arguments read so far
        List<Object> out = feed(Role.GATEWAY_SERVER, List.of(ascii("c\nt\nadd\ni1\n")));
        assertEquals(List.of(new CallCommand("t", "add", List.of(Value.ofInt(1)))), out);
        // Python does not: the cut-off answer is TRUNCATED
        List<Object> cut = feed(Role.PYTHON_CLIENT, List.of(ascii("!yi1")));
        DecodingFailure f = assertInstanceOf(DecodingFailure.class, cut.get(0));
        assertEquals(Reason.TRUNCATED, f.cause().reason());
    }

    @Test
    void unknownSubCommandsFramedToTheirEndWhenTheCodecSaysSo() {
        TextCodec gateway = TextCodec.builder(Role.GATEWAY_SERVER).keepUnknownSubCommands(true).build();
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameDecoder(gateway));
        ch.writeInbound(ascii("m\na\nj\ne\nm\nd\no1\ne\n"));
        assertEquals(new UnknownCommand("m", List.of("a", "j")), ch.readInbound());
        assertEquals("MEMORY_DELETE", ((io.py4jcodec.api.model.Command) ch.readInbound()).kind().name());
        ch.finish();
    }

    @Test
    void rawBytesAfterAStreamAnswerArePassedThrough() {
        MessageFrameDecoder dec = new MessageFrameDecoder(TextCodec.of(Role.PYTHON_CLIENT));
        EmbeddedChannel ch = new EmbeddedChannel(dec);
        ch.writeInbound(ascii("!yv\n"));
        assertEquals(SuccessReturn.VOID, ch.readInbound());
        dec.passRaw(5);
        ch.writeInbound(ascii("ab\nc"), ascii("d!yi7\n"));
        StringBuilder raw = new StringBuilder();
        Object m;
        while ((m = ch.readInbound()) instanceof ByteBuf bb) {
            raw.append(bb.toString(StandardCharsets.UTF_8));
            bb.release();
        }
        assertEquals("ab\ncd", raw.toString());
        assertEquals(new SuccessReturn(Value.ofInt(7)), m);
        ch.finish();
    }

    @Test
    void decoderReadsInPlace() {
        // a frame far larger than one read is decoded from the cumulated buffer without a copy per frame:
        // the decoder's view is dropped after each call, so nothing holds the channel's memory
        StringBuilder big = new StringBuilder("c\nt\necho\ns");
        big.append("x".repeat(100_000)).append("\ne\n");
        byte[] b = big.toString().getBytes(StandardCharsets.UTF_8);
        List<ByteBuf> chunks = new ArrayList<>();
        for (int i = 0; i < b.length; i += 1000) {
            chunks.add(Unpooled.wrappedBuffer(b, i, Math.min(1000, b.length - i)));
        }
        List<Object> out = feed(Role.GATEWAY_SERVER, chunks);
        CallCommand c = (CallCommand) out.get(0);
        assertEquals(100_000, ((io.py4jcodec.api.model.StringValue) c.arguments().get(0)).value().length());
        Function<Object, Object> id = x -> x;
        assertEquals(1, out.stream().map(id).count());
    }
}
