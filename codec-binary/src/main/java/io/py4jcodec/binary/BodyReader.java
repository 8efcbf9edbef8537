package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import io.py4jcodec.api.model.Message;
import java.io.IOException;
import org.agrona.DirectBuffer;

/** Reads one Frame body (exactly the bytes {@code in} is bounded to) into a model message. */
interface BodyReader {
    /**
     * @param in    bounded to the body
     * @param body  the same bytes, body byte {@code i} at {@code body[start + i]}: where a field failed
     *              to read, the reader looks at them to say why
     * @param start where the body starts in {@code body}
     * @param length the body's length
     * @param base  stream offset of the body's first byte, for error offsets
     */
    Message read(CodedInputStream in, DirectBuffer body, int start, int length, long base) throws IOException;
}
