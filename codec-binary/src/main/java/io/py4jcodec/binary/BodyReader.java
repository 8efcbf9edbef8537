package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import io.py4jcodec.api.model.Message;
import java.io.IOException;

/** Reads one Frame body (exactly the bytes {@code in} is bounded to) into a model message. */
interface BodyReader {
    /**
     * @param in   bounded to the body
     * @param base stream offset of the body's first byte, for error offsets
     */
    Message read(CodedInputStream in, long base) throws IOException;
}
