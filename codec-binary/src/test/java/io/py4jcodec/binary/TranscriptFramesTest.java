package io.py4jcodec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.Frames;
import io.py4jcodec.text.TextCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every frame the real peers exchanged in {@code spec/recorded/transcripts}: text -> model -> binary
 * -> model -> text gives back the recorded bytes, through both encoders and both decoders, and the
 * binary frame decodes the same whole, byte by byte, and split at every offset. Also prints the
 * size table quoted in MAPPING.md.
 */
class TranscriptFramesTest {
    static final String[] FILES = {"gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success"};

    record Recorded(String where, Side writer, byte[] text) {
    }

    static List<Recorded> frames(String file) {
        List<Recorded> out = new ArrayList<>();
        for (JsonNode f : io.py4jcodec.testkit.Recorded.json("transcripts/frames/" + file + ".json").get("frames")) {
            String dir = f.get("dir").asText();
            out.add(new Recorded(file + " frame " + f.get("index").asInt() + " " + dir,
                    dir.startsWith("python") ? Side.PYTHON : Side.JAVA, Base64.getDecoder().decode(f.get("b64").asText())));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> textToBinaryAndBackGivesTheRecordedBytes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            tests.add(DynamicTest.dynamicTest(file, () -> {
                List<Recorded> frames = frames(file);
                for (Recorded r : frames) {
                    Message model = Frames.decodeOne(TextCodec.of(r.writer().peer()), r.text(), r.where());
                    byte[] binary = Codecs.DIRECT.newEncoder().encode(model);
                    assertArrayEquals(binary, Codecs.MESSAGES.newEncoder().encode(model), r.where() + ": encoders disagree");
                    for (BinaryCodec codec : Codecs.BOTH) {
                        Message back = Frames.decodeOne(codec, binary, r.where());
                        assertEquals(model, back, r.where() + " via " + codec);
                        assertArrayEquals(r.text(), TextCodec.of(r.writer()).newEncoder().encode(back), r.where() + " text again");
                    }
                }
                assertEquals(true, frames.size() > 20, file + " has frames");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> binaryFramesDecodeTheSameWholeByteByByteAndSplit() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            tests.add(DynamicTest.dynamicTest(file, () -> {
                for (Recorded r : frames(file)) {
                    Message model = Frames.decodeOne(TextCodec.of(r.writer().peer()), r.text(), r.where());
                    byte[] binary = Codecs.DIRECT.newEncoder().encode(model);
                    for (BinaryCodec codec : Codecs.BOTH) {
                        assertEquals(model, Frames.decodeByteByByte(codec, binary, r.where()));
                        for (int split = 1; split < binary.length; split++) {
                            assertEquals(model, Frames.decodeSplit(codec, binary, split, r.where() + " split " + split));
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** The 16 commands of ../shared/reference/binary-finding-measured.md, as the Python client sends them. */
    static List<Message> pysparkMix() {
        Value j = Value.ofReference("j");
        return List.of(
                new ReflectionUnknownCommand("org.apache", j),
                new ReflectionUnknownCommand("org.apache.spark.sql.functions", j),
                new CallCommand("z:org.apache.spark.sql.functions", "col", List.of(Value.ofString("age"))),
                new CallCommand("o45", "apply", List.of(Value.ofString("name"))),
                new CallCommand("o46", "gt", List.of(Value.ofInt(21))),
                new CallCommand("o44", "filter", List.of(Value.ofReference("o47"))),
                new CallCommand("z:org.apache.spark.api.python.PythonUtils", "toSeq", List.of(Value.ofReference("o51"))),
                new CallCommand("o48", "select", List.of(Value.ofReference("o52"))),
                new CallCommand("o53", "count", List.of()),
                new MemoryDeleteCommand("o46"),
                new CallCommand("o12", "sql", List.of(Value.ofString("SELECT name, age FROM people WHERE age > 21"))),
                new CallCommand("o10", "setLocalProperty", List.of(Value.ofString("spark.scheduler.pool"), Value.ofString("default"))),
                new ConstructorCommand("org.apache.spark.sql.SparkSession", List.of(Value.ofReference("o11"))),
                new CallCommand("o54", "withColumn", List.of(Value.ofString("age_plus_one"), Value.ofReference("o55"))),
                new CallCommand("o56", "limit", List.of(Value.ofInt(20))),
                new CallCommand("o57", "showString", List.of(Value.ofInt(20), Value.ofInt(20), Value.ofBoolean(false))));
    }

    /** The numbers in MAPPING.md: total bytes of every recorded frame, as text and as binary. */
    @Test
    void sizeTable() {
        long allText = 0;
        long allBinary = 0;
        StringBuilder table = new StringBuilder("| transcript | frames | text bytes | binary bytes | binary/text |\n|---|---:|---:|---:|---:|\n");
        for (String file : FILES) {
            long text = 0;
            long binary = 0;
            List<Recorded> frames = frames(file);
            for (Recorded r : frames) {
                Message model = Frames.decodeOne(TextCodec.of(r.writer().peer()), r.text(), r.where());
                text += r.text().length;
                binary += Codecs.DIRECT.newEncoder().encode(model).length;
            }
            table.append(String.format("| %s | %d | %d | %d | %.1f%% |%n", file, frames.size(), text, binary, 100.0 * binary / text));
            allText += text;
            allBinary += binary;
        }
        table.append(String.format("| **total** | | **%d** | **%d** | **%.1f%%** |%n", allText, allBinary, 100.0 * allBinary / allText));
        long mixText = 0;
        long mixBinary = 0;
        for (Message m : pysparkMix()) {
            mixText += TextCodec.of(Side.PYTHON).newEncoder().encode(m).length;
            mixBinary += Codecs.DIRECT.newEncoder().encode(m).length;
        }
        table.append(String.format("| PySpark-like mix (reference/binary-finding-measured.md) | 16 | %d | %d | %.1f%% |%n",
                mixText, mixBinary, 100.0 * mixBinary / mixText));
        System.out.print(table);
        assertEquals(true, allBinary > 0 && allText > 0);
    }
}
