package io.py4jcodec.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.text.TextCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MessageFrameEncoderTest {

    static Stream<RecordedStreams> pythonWritten() {
        return RecordedStreams.all().stream().filter(s -> s.writer().equals("python"));
    }

    /** Encoding the decoded frames through the pipeline gives the Python client's recorded bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonWritten")
    void writesTheRecordedBytes(RecordedStreams s) {
        Role writerRole = s.reader() == Role.GATEWAY_SERVER ? Role.PYTHON_CLIENT : Role.CALLBACK_SERVER;
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameEncoder(TextCodec.of(writerRole)));
        var dec = TextCodec.of(s.reader()).newDecoder();
        for (byte[] f : s.frames()) {
            dec.decode(f, 0, f.length);
            ch.writeOutbound(dec.message());
            ByteBuf out = ch.readOutbound();
            assertArrayEquals(f, ByteBufUtil.getBytes(out));
            out.release();
        }
        ch.finish();
    }

    @Test
    void rawBuffersPassThroughAndUnencodableFailsTheWrite() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageFrameEncoder(TextCodec.of(Side.JAVA)));
        ch.writeOutbound(Unpooled.wrappedBuffer("raw".getBytes(StandardCharsets.US_ASCII)));
        ByteBuf raw = ch.readOutbound();
        assertEquals("raw", raw.toString(StandardCharsets.US_ASCII));
        raw.release();
        Message bad = new CallCommand("t\nx", "m", List.of());
        EncoderException e = assertThrows(EncoderException.class, () -> ch.writeOutbound(bad));
        assertInstanceOf(ProtocolException.class, e.getCause());
        ch.finish();
    }
}
