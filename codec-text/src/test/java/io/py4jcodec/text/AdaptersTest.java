package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.io.ByteBufferDecoding;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.io.MessageOutputStream;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.ReadBack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream and buffer adapters over the text codec, with inputs that arrive in tiny blocks. */
class AdaptersTest {

    /** An InputStream that hands out at most {@code block} bytes per read, as a slow socket does. */
    static InputStream trickle(byte[] bytes, int block) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, block));
            }
        };
    }

    @Test
    void streamsRoundTripThroughTheAdaptersInTinyBlocks() throws IOException {
        Entropy gen = Entropy.seeded(42);
        for (Side writer : Side.values()) {
            List<Message> sent = new ArrayList<>();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            MessageOutputStream out = new MessageOutputStream(wire, TextCodec.of(writer).newEncoder());
            for (int i = 0; i < 300; i++) {
                Message m = RoundTripPropertyTest.GEN.message(writer, gen);
                sent.add(ReadBack.of(writer, m));
                out.write(m);
            }
            for (int block : new int[] {1, 3, 7, 8192}) {
                TextCodec reader = TextCodec.of(writer.peer());
                MessageInputStream in = new MessageInputStream(trickle(wire.toByteArray(), block), reader.newDecoder());
                List<Message> got = new ArrayList<>();
                Message m;
                while ((m = in.read()) != null) {
                    got.add(m);
                }
                assertEquals(sent, got, writer + " block " + block);
            }
        }
    }

    @Test
    void rawBytesAfterAStreamAnswerStayWithTheCaller() throws IOException {
        // the S command's answer: !yv, then the channel's bytes with no framing (they may hold \n and !y)
        byte[] payload = "BIN\n\u0000\u00ff!y".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(TextCodec.of(Side.JAVA).newEncoder().encode(ReturnMessage.success(Value.ofVoid())));
        wire.writeBytes(payload);
        TextCodec reader = TextCodec.of(Side.PYTHON);
        MessageInputStream in = new MessageInputStream(trickle(wire.toByteArray(), 2), reader.newDecoder());
        assertEquals(ReturnMessage.success(Value.ofVoid()), in.read());
        byte[] got = new byte[payload.length];
        in.readRawFully(got, 0, got.length);
        assertArrayEquals(payload, got);
        assertEquals(-1, in.readRaw(new byte[1], 0, 1));
    }

    @Test
    void aFrameOverTheLimitFailsBeforeTheBufferGrowsWithoutBound() {
        TextCodec reader = TextCodec.builder(Side.JAVA).limits(Limits.builder().maxFrameBytes(100_000).build()).build();
        // an endless argument list: 10 MB of i1 lines and never an e
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                return n++ % 3 == 2 ? '\n' : (n % 3 == 1 ? 'i' : '1');
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        InputStream in = new java.io.SequenceInputStream(new ByteArrayInputStream("c\nt\nm\n".getBytes(StandardCharsets.US_ASCII)), endless);
        MessageInputStream messages = new MessageInputStream(in, reader.newDecoder());
        ProtocolException e = assertThrows(ProtocolException.class, messages::read);
        assertEquals(Reason.FRAME_TOO_LONG, e.reason());
    }

    @Test
    void byteBufferDecodingAdvancesThePosition() {
        TextCodec reader = TextCodec.of(Side.PYTHON);
        ByteBufferDecoding dec = new ByteBufferDecoding(reader.newDecoder());
        byte[] two = "!yi1\n!ys".getBytes(StandardCharsets.US_ASCII);
        for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.allocate(64), ByteBuffer.allocateDirect(64)}) {
            buf.put(two).flip();
            assertEquals(ReturnMessage.success(Value.ofInt(1)), dec.decode(buf));
            assertEquals(5, buf.position());
            assertNull(dec.decode(buf));
            assertEquals(5, buf.position());
            buf.compact();
            buf.put("ok\n".getBytes(StandardCharsets.US_ASCII)).flip();
            assertEquals(ReturnMessage.success(Value.ofString("ok")), dec.decode(buf));
            assertEquals(buf.limit(), buf.position());
            buf.clear();
        }
    }
}
