package io.py4jcodec.cli;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.Value;

/**
 * Renders model objects as one JSON object per line: each record's components by name, and a
 * {@code "type"} member naming the record. Bytes are Base64; NaN and infinities are strings.
 * (Provisional: the lossless canonical JSON form is defined with the spec module.)
 */
final class JsonLines {
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface Typed {
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .addMixIn(Message.class, Typed.class)
            .addMixIn(Value.class, Typed.class)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // record components only: isBare() and friends are conveniences, not data
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS);

    String message(Message m) {
        try {
            return mapper.writerFor(Message.class).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String frame(String conn, String dir, Message m) {
        try {
            ObjectNode o = mapper.createObjectNode();
            o.put("conn", conn);
            o.put("dir", dir);
            o.set("message", mapper.readTree(message(m)));
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
