package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.testkit.Recorded;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every frame of the shared transcripts (real Python client and real Java gateway on 127.0.0.1)
 * decodes with the receiving side's decoder, re-encodes to the identical bytes with the writing
 * side's encoder, and decodes the same whole, byte by byte, and split at every offset.
 */
class TranscriptFramesTest {
    static final String[] FILES = {"gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success"};

    static Side writer(String dir) {
        return dir.startsWith("python") ? Side.PYTHON : Side.JAVA;
    }

    @TestFactory
    Stream<DynamicTest> everyFrameRoundTripsByteExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode frames = Recorded.json("transcripts/frames/" + file + ".json").get("frames");
            tests.add(DynamicTest.dynamicTest(file, () -> {
                int n = 0;
                for (JsonNode f : frames) {
                    byte[] wire = Base64.getDecoder().decode(f.get("b64").asText());
                    Side w = writer(f.get("dir").asText());
                    String where = file + " frame " + f.get("index").asInt() + " " + f.get("dir").asText();
                    Message m = Frames.decodeOne(TextCodec.of(w.peer()), wire, where);
                    byte[] again = TextCodec.of(w).newEncoder().encode(m);
                    assertEquals(new String(wire, java.nio.charset.StandardCharsets.UTF_8),
                            new String(again, java.nio.charset.StandardCharsets.UTF_8), where + " re-encoded");
                    assertArrayEquals(wire, again, where);
                    n++;
                }
                assertEquals(frames.size(), n);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyFrameDecodesTheSameWholeByteByByteAndSplit() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            JsonNode frames = Recorded.json("transcripts/frames/" + file + ".json").get("frames");
            tests.add(DynamicTest.dynamicTest(file, () -> {
                for (JsonNode f : frames) {
                    byte[] wire = Base64.getDecoder().decode(f.get("b64").asText());
                    Side w = writer(f.get("dir").asText());
                    String where = file + " frame " + f.get("index").asInt();
                    TextCodec codec = TextCodec.of(w.peer());
                    Message whole = Frames.decodeOne(codec, wire, where);
                    assertEquals(whole, Frames.decodeByteByByte(codec, wire, where), where + " byte by byte");
                    if (wire.length < 400) {
                        for (int split = 1; split < wire.length; split++) {
                            assertEquals(whole, Frames.decodeSplit(codec, wire, split, where), where + " split at " + split);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** The raw byte log, per connection and direction, decodes as a stream into the same frames. */
    @TestFactory
    Stream<DynamicTest> rawStreamsDecodeIntoTheRecordedFrames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            tests.add(DynamicTest.dynamicTest(file, () -> {
                JsonNode transcript = Recorded.json("transcripts/" + file + ".json");
                Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
                for (JsonNode ev : transcript.get("events")) {
                    if (ev.get("type").asText().equals("data")) {
                        String key = ev.get("conn").asText() + " " + ev.get("dir").asText();
                        streams.computeIfAbsent(key, k -> new ByteArrayOutputStream())
                                .writeBytes(Base64.getDecoder().decode(ev.get("b64").asText()));
                    }
                }
                JsonNode frames = Recorded.json("transcripts/frames/" + file + ".json").get("frames");
                for (Map.Entry<String, ByteArrayOutputStream> e : streams.entrySet()) {
                    String dir = e.getKey().split(" ")[1];
                    TextCodec codec = TextCodec.of(writer(dir).peer());
                    List<Message> decoded = Frames.decodeAll(codec, e.getValue().toByteArray(), file + " " + e.getKey());
                    List<Message> expected = new ArrayList<>();
                    for (JsonNode f : frames) {
                        if ((f.get("conn").asText() + " " + f.get("dir").asText()).equals(e.getKey())) {
                            expected.add(Frames.decodeOne(codec, Base64.getDecoder().decode(f.get("b64").asText()), "frame"));
                        }
                    }
                    assertEquals(expected, decoded, e.getKey());
                }
            }));
        }
        return tests.stream();
    }

    static MessageDecoder decoder(Side reader) {
        return TextCodec.of(reader).newDecoder();
    }
}
