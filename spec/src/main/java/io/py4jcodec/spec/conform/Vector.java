package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Side;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One conformance case from {@code spec/vectors/<kind>/<category>.json}; the fields are those
 * PROTOCOL.md ("Conformance vectors") defines, read on demand from the JSON.
 */
public record Vector(Kind kind, String category, JsonNode json) {

    /** The four vector folders. */
    public enum Kind {
        VALID("valid"), INVALID("invalid"), IMPLEMENTATION_DEFINED("implementation-defined"), LIVE("live");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    public String id() {
        return json.path("id").asText();
    }

    /** {@code kind/category/id}: unique across the suite. */
    public String fullId() {
        return kind.folder() + "/" + category + "/" + id();
    }

    public Mode mode() {
        return Mode.of(json.path("mode").asText(null));
    }

    public Side writer() {
        return side("writer");
    }

    public Side reader() {
        return side("reader");
    }

    public boolean strict() {
        return json.path("strict").asBoolean(false);
    }

    public String reason() {
        return json.path("reason").asText(null);
    }

    /** The bytes of {@code wire_b64}. */
    public byte[] wire() {
        return bytes(json.path("wire_b64"));
    }

    /** The alternatives of {@code wires_b64} (implementation-defined output). */
    public List<byte[]> wires() {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode w : json.path("wires_b64")) {
            out.add(bytes(w));
        }
        return out;
    }

    /** The expected canonical-JSON messages. */
    public List<JsonNode> messages() {
        return list(json.path("json"));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private Side side(String field) {
        String s = json.path(field).asText(null);
        return s == null ? null : Side.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static byte[] bytes(JsonNode b64) {
        return Base64.getDecoder().decode(b64.asText(""));
    }
}
