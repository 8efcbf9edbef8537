package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.proto.Frame;
import java.io.IOException;
import org.agrona.DirectBuffer;

/**
 * The idiomatic reader: protobuf parses a generated {@link Frame}, which is then mapped to the model.
 * Generated messages keep no byte positions, so when a frame is bad {@link BinaryDecoder} asks
 * {@link DirectReader} to read it again for the error: both readers report the same reason at the
 * same offset.
 */
final class MessagesReader implements BodyReader {
    private final Limits limits;

    MessagesReader(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Message read(CodedInputStream in, DirectBuffer body, int start, int length, long base) throws IOException {
        Frame f = Frame.parseFrom(in);
        if (!in.isAtEnd()) {
            // an END_GROUP tag stops protobuf's parser at the top level without an error: it is no field of Frame
            throw ProtocolException.of(Reason.UNKNOWN_COMMAND, base + in.getTotalBytesRead(), -1,
                    "stray end-group tag before the end of the frame");
        }
        return ProtoToModel.fromFrame(f, limits, base);
    }
}
