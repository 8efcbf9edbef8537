package io.py4jcodec.binary;

import com.google.protobuf.CodedOutputStream;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.proto.Frame;
import java.io.IOException;

/**
 * The idiomatic encoder: builds the generated {@link Frame} message with its builders, then lets
 * protobuf size and serialise it. Writes the same bytes as {@link DirectEncoder}.
 *
 * <pre>{@code
 * MessageEncoder enc = BinaryCodec.builder(Side.PYTHON).encoder(BinaryCodec.Implementation.MESSAGES).build().newEncoder();
 * byte[] frame = enc.encode(new CallCommand("o12", "count", List.of()));
 * }</pre>
 */
public final class MessagesEncoder extends AbstractBinaryEncoder {
    private Frame frame;

    MessagesEncoder() {
    }

    /** The generated message for {@code message} (for tools and tests). */
    public static Frame toFrame(Message message) {
        return ModelToProto.toFrame(message);
    }

    @Override
    int bodySize(Message message) {
        frame = ModelToProto.toFrame(message);
        return frame.getSerializedSize();
    }

    @Override
    void writeBody(Message message, CodedOutputStream out) throws IOException {
        Frame f = frame;
        frame = null;
        f.writeTo(out);
    }
}
