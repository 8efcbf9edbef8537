package io.py4jcodec.netty;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Role;
import io.py4jcodec.testkit.Recorded;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte streams of the recorded real sessions ({@code spec/recorded/transcripts/frames}, through
 * {@link Recorded}): one stream per connection and direction, with the recorded frames it is made
 * of, and the role of the end that reads it.
 */
record RecordedStreams(String name, Role reader, String writer, List<byte[]> frames) {
    static final List<String> FILES = List.of("gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success");

    byte[] bytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        frames.forEach(b::writeBytes);
        return b.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }

    static List<RecordedStreams> all() {
        List<RecordedStreams> out = new ArrayList<>();
        for (String f : FILES) {
            out.addAll(load(f));
        }
        return out;
    }

    static List<RecordedStreams> load(String file) {
        JsonNode root = Recorded.json("transcripts/frames/" + file + ".json");
        Map<String, String> initiator = new LinkedHashMap<>();
        for (JsonNode c : root.path("connections")) {
            initiator.put(c.path("id").asText(), c.path("initiator").asText());
        }
        Map<String, List<byte[]>> streams = new LinkedHashMap<>();
        for (JsonNode f : root.path("frames")) {
            String key = f.path("conn").asText() + " " + f.path("dir").asText();
            streams.computeIfAbsent(key, k -> new ArrayList<>()).add(Base64.getDecoder().decode(f.path("b64").asText()));
        }
        List<RecordedStreams> out = new ArrayList<>();
        streams.forEach((key, frames) -> {
            String conn = key.substring(0, key.indexOf(' '));
            String writer = key.substring(key.indexOf(' ') + 1, key.indexOf('-'));
            boolean pythonOpened = initiator.get(conn).equals("python");
            Role reader = writer.equals("python")
                    ? (pythonOpened ? Role.GATEWAY_SERVER : Role.CALLBACK_CLIENT)
                    : (pythonOpened ? Role.PYTHON_CLIENT : Role.CALLBACK_SERVER);
            out.add(new RecordedStreams(file + " " + key, reader, writer, frames));
        });
        return out;
    }
}
