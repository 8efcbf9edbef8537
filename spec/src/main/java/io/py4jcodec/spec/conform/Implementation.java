package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Side;
import java.util.List;

/**
 * What the conformance runner checks: something that decodes bytes into canonical-JSON messages
 * and encodes them back, as one side. Implemented in-process over any {@link io.py4jcodec.api.Codec}
 * ({@link InProcessImplementation}) and over a subprocess speaking the stdio contract of
 * PROTOCOL.md ({@link ExternalImplementation}).
 */
public interface Implementation extends AutoCloseable {

    /** For the report. */
    String name();

    /**
     * Decodes a whole stream written by {@code reader.peer()}, as {@code reader} reads it, up to its
     * end or the first error.
     */
    Decoded decode(Side reader, boolean strict, Mode mode, byte[] wire);

    /** Encodes canonical-JSON messages as {@code writer} writes them, one after another. */
    Encoded encode(Side writer, List<JsonNode> messages);

    @Override
    default void close() {
    }

    /**
     * @param messages the frames decoded, in order (those before the error, if any)
     * @param reason   the {@code Reason} name of the first error, or {@code null} if the whole input decoded
     * @param offset   the stream byte offset of the error, or -1
     * @param detail   a human-readable message, or {@code null}
     */
    record Decoded(List<JsonNode> messages, String reason, long offset, String detail) {
        public boolean ok() {
            return reason == null;
        }
    }

    /**
     * @param wire   the bytes written, or {@code null} on error
     * @param reason the {@code Reason} name of the error, or {@code null}
     * @param detail a human-readable message, or {@code null}
     */
    record Encoded(byte[] wire, String reason, String detail) {
        public boolean ok() {
            return reason == null;
        }
    }
}
