package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import io.py4jcodec.api.Limits;
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
        // an END_GROUP tag stops protobuf's parser at the top level without an error, also as the body's
        // last bytes (parsing a CodedInputStream skips the check parsing a byte[] makes): it is no field of
        // Frame, and BinaryDecoder has the direct reader say so at its offset
        in.checkLastTagWas(0);
        return ProtoToModel.fromFrame(f, limits, base);
    }
}
