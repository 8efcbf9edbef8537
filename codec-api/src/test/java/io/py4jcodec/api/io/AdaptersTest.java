package io.py4jcodec.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.MemoryDeleteCommand;
import io.py4jcodec.api.model.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream and buffer adapters on their own, over {@link LineCodec}: framing, resynchronisation, raw bytes, flushing. */
class AdaptersTest {
    private static final Limits LIMITS = Limits.builder().maxLineBytes(64).maxFrameBytes(64).build();

    /** At most {@code block} bytes per read, as a slow socket hands them out. */
    static InputStream trickle(byte[] bytes, int block) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, block));
            }
        };
    }

    static List<String> ids(MessageInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        Message m;
        while ((m = in.read()) != null) {
            out.add(((MemoryDeleteCommand) m).objectId());
        }
        return out;
    }

    @Test
    void inputStreamReadsEveryFrameWhateverTheReadSizeThenNullAtTheEnd() throws IOException {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            sent.add("o" + i);
        }
        byte[] wire = LineCodec.frames(sent.toArray(String[]::new));   // ~34 KB: several buffer refills
        for (int block : new int[] {1, 3, 7, 8192, wire.length}) {
            MessageInputStream in = new MessageInputStream(trickle(wire, block), new LineCodec(LIMITS));
            assertEquals(sent, ids(in), "block " + block);
            assertNull(in.read(), "still null after the end");
        }
    }

    @Test
    void inputStreamGoesOnAfterAResynchronisedErrorAndStopsAfterAClosingOne() throws IOException {
        MessageInputStream in = new MessageInputStream(trickle(LineCodec.frames("o1", "!bad", "o2"), 2), new LineCodec(LIMITS));
        assertEquals("o1", ((MemoryDeleteCommand) in.read()).objectId());
        ProtocolException e = assertThrows(ProtocolException.class, in::read);
        assertEquals(Reason.UNKNOWN_COMMAND, e.reason());
        assertEquals(3, e.offset());
        assertEquals("o2", ((MemoryDeleteCommand) in.read()).objectId());
        assertNull(in.read());

        MessageInputStream cut = new MessageInputStream(new ByteArrayInputStream("o1\no2".getBytes(StandardCharsets.US_ASCII)),
                new LineCodec(LIMITS));
        assertEquals("o1", ((MemoryDeleteCommand) cut.read()).objectId());
        assertEquals(Reason.TRUNCATED, assertThrows(ProtocolException.class, cut::read).reason());
        assertEquals(Reason.DECODER_CLOSED, assertThrows(ProtocolException.class, cut::read).reason());
    }

    @Test
    void inputStreamStopsBufferingAtTheDecodersFrameLimit() {
        byte[] endless = "o".repeat(10_000).getBytes(StandardCharsets.US_ASCII);   // no LF: one frame that never ends
        MessageInputStream in = new MessageInputStream(trickle(endless, 16), new LineCodec(LIMITS));
        ProtocolException e = assertThrows(ProtocolException.class, in::read);
        assertEquals(Reason.FRAME_TOO_LONG, e.reason());
        assertEquals("maxFrameBytes", e.limitSetting());
    }

    @Test
    void rawBytesAfterTheLastFrameComeFromTheBufferThenTheStream() throws IOException {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(LineCodec.frames("o1"));
        wire.writeBytes(payload);
        MessageInputStream in = new MessageInputStream(trickle(wire.toByteArray(), 100), new LineCodec(LIMITS));
        assertEquals("o1", ((MemoryDeleteCommand) in.read()).objectId());
        assertEquals(97, in.buffered(), "the rest of the first 100-byte read");
        byte[] got = new byte[payload.length];
        in.readRawFully(got, 0, got.length);
        assertArrayEquals(payload, got);
        assertEquals(0, in.buffered());
        assertEquals(-1, in.readRaw(new byte[1], 0, 1));
        assertThrows(java.io.EOFException.class, () -> in.readRawFully(new byte[1], 0, 1));
    }

    @Test
    void outputStreamWritesWhatTheEncoderWritesAndFlushesOncePerMessage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] flushes = {0};
        MessageOutputStream out = new MessageOutputStream(new FilterOutputStream(bytes) {
            @Override
            public void flush() throws IOException {
                flushes[0]++;
                super.flush();
            }
        }, new LineCodec(LIMITS));
        out.write(new MemoryDeleteCommand("o1"));
        assertEquals(1, flushes[0]);
        out.writeNoFlush(new MemoryDeleteCommand("o" + "2".repeat(1000)));   // beyond the initial scratch buffer
        out.writeRaw(new byte[] {1, 2, 3}, 1, 2);
        assertEquals(1, flushes[0], "writeNoFlush and writeRaw do not flush");
        out.flush();
        assertEquals(2, flushes[0]);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(LineCodec.frames("o1", "o" + "2".repeat(1000)));
        expected.write(2);
        expected.write(3);
        assertArrayEquals(expected.toByteArray(), bytes.toByteArray());
    }

    @Test
    void byteBufferDecodingAdvancesPastFramesAndBadFramesAndNotPastAPartialOne() {
        for (ByteBuffer buf : List.of(ByteBuffer.allocate(64), ByteBuffer.allocateDirect(64))) {
            buf.put("xx".getBytes(StandardCharsets.US_ASCII)).put(LineCodec.frames("o1", "!bad", "o2")).put((byte) 'o').flip();
            buf.position(2);   // the buffer's own earlier content is not ours to read
            ByteBufferDecoding dec = new ByteBufferDecoding(new LineCodec(LIMITS));
            assertEquals(new MemoryDeleteCommand("o1"), dec.decode(buf));
            assertEquals(5, buf.position());
            ProtocolException e = assertThrows(ProtocolException.class, () -> dec.decode(buf));
            assertEquals(Reason.UNKNOWN_COMMAND, e.reason());
            assertEquals(10, buf.position(), "past the bad frame");
            assertEquals(new MemoryDeleteCommand("o2"), dec.decode(buf));
            assertNull(dec.decode(buf), "a partial frame: " + buf);
            assertEquals(13, buf.position(), "the partial frame stays");
            buf.compact().put((byte) '3').put((byte) '\n').flip();
            assertEquals(new MemoryDeleteCommand("o3"), dec.decode(buf));
            assertEquals(buf.limit(), buf.position());
        }
    }
}
