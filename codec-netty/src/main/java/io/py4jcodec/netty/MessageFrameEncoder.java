package io.py4jcodec.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.model.Message;
import org.agrona.ExpandableArrayBuffer;

/**
 * Writes {@link Message}s with a codec's {@link MessageEncoder}. Anything else written to the
 * channel (a {@link ByteBuf}, e.g. a stream command's raw payload after its {@code !yv}) passes
 * through untouched. An unencodable message fails the write's promise with an
 * {@link io.netty.handler.codec.EncoderException} caused by the
 * {@link io.py4jcodec.api.ProtocolException}.
 *
 * <p>The encoder writes into a reused, growing scratch buffer and the frame is copied once into
 * the outgoing {@link ByteBuf}: our encoders need a buffer they can grow or one known to be large
 * enough, and a frame's size is only known once it is written. The copy is a few hundred bytes per
 * answer in the common case.
 *
 * <pre>{@code
 * pipeline.addLast(new MessageFrameEncoder(TextCodec.of(Role.GATEWAY_SERVER)));
 * channel.writeAndFlush(ReturnMessage.success(Value.ofInt(3)));     // "!yi3\n"
 * }</pre>
 */
public class MessageFrameEncoder extends MessageToByteEncoder<Message> {
    private final MessageEncoder encoder;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);

    /** An encoder writing as {@code codec}'s side. */
    public MessageFrameEncoder(Codec codec) {
        this(codec.newEncoder());
    }

    /** Writes with {@code encoder} (made for this channel alone). */
    public MessageFrameEncoder(MessageEncoder encoder) {
        super(Message.class);
        this.encoder = encoder;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        int n = encoder.encode(msg, scratch, 0);
        out.writeBytes(scratch.byteArray(), 0, n);
    }
}
