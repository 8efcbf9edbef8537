package io.py4jcodec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.testkit.Recorded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The fixed command-line contracts: decode | encode reproduces real bytes, conform passes, help everywhere, binary round-trips. */
class CliContractsTest {

    record Run(int exit, byte[] stdout, String out, String err) {
    }

    /** Runs the CLI with stdin, capturing picocli's writers and System.out (encode writes raw bytes there). */
    static synchronized Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        System.setIn(new ByteArrayInputStream(stdin));
        System.setOut(new PrintStream(raw, true));
        try {
            CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, raw.toByteArray(), out.toString(), err.toString());
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success"})
    void decodeThenEncodeReproducesEveryRecordedStream(String name) throws Exception {
        Map<String, ByteArrayOutputStream> streams = streams(name);
        for (Map.Entry<String, ByteArrayOutputStream> s : streams.entrySet()) {
            String from = s.getKey().startsWith("python") ? "python" : "java";
            byte[] wire = s.getValue().toByteArray();
            Run dec = run(wire, "decode", "--from", from);
            assertEquals(0, dec.exit(), dec.err());
            Run enc = run(dec.out().getBytes(StandardCharsets.UTF_8), "encode", "--from", from);
            assertEquals(0, enc.exit(), enc.err());
            assertArrayEquals(wire, enc.stdout(), name + " " + s.getKey());
        }
    }

    /** The recorded bytes of a real transcript per direction and connection ("python->java c1"). */
    static Map<String, ByteArrayOutputStream> streams(String name) {
        JsonNode t = Recorded.json("transcripts/" + name + ".json");
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        for (JsonNode ev : t.path("events")) {
            if (ev.path("type").asText().equals("data")) {
                streams.computeIfAbsent(ev.path("dir").asText() + " " + ev.path("conn").asText(), k -> new ByteArrayOutputStream())
                        .writeBytes(Base64.getDecoder().decode(ev.path("b64").asText()));
            }
        }
        return streams;
    }

    @Test
    void conformWithNoTargetPassesEveryVectorAgainstTheTextCodec() {
        Run r = run(new byte[0], "conform");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("all ") && l.endsWith("PASS")), r.out());
    }

    @Test
    void conformFilterSelectsVectors() {
        Run r = run(new byte[0], "conform", "--filter", "jdk-doubles");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("implementation-defined/jdk-doubles"), r.out());
        assertTrue(!r.out().contains("valid/transcripts"), r.out());
    }

    @Test
    void encodeReportsTheBadLineAndExits2AfterWritingTheGoodOnes() {
        String in = "{\"command\":\"shutdown\"}\n{\"command\":\"nope\"}\n";
        Run r = run(in.getBytes(StandardCharsets.UTF_8), "encode", "--from", "python");
        assertEquals(2, r.exit());
        assertEquals("s\n", new String(r.stdout(), StandardCharsets.UTF_8));
        assertTrue(r.err().contains("line 2") && r.err().contains("BAD_JSON"), r.err());
    }

    /** Text in, canonical JSON, binary out and back: the binary encoding carries every recorded frame. */
    @ParameterizedTest
    @ValueSource(strings = {"gateway-primitives", "gateway-auth-success"})
    void binaryEncodingCarriesEveryRecordedFrame(String name) throws Exception {
        Map<String, ByteArrayOutputStream> streams = streams(name);
        for (Map.Entry<String, ByteArrayOutputStream> s : streams.entrySet()) {
            String from = s.getKey().startsWith("python") ? "python" : "java";
            Run text = run(s.getValue().toByteArray(), "decode", "--from", from);
            assertEquals(0, text.exit(), text.err());
            Run bin = run(text.out().getBytes(StandardCharsets.UTF_8), "encode", "--from", from, "--encoding", "binary");
            assertEquals(0, bin.exit(), bin.err());
            Run back = run(bin.stdout(), "decode", "--from", from, "--encoding", "binary");
            assertEquals(0, back.exit(), back.err());
            assertEquals(text.out(), back.out(), name + " " + s.getKey());
        }
    }

    @Test
    void conformSaysWhyItHasNoBinaryVectors() {
        Run r = run(new byte[0], "conform", "--encoding", "binary");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("text-protocol"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "encode", "conform", "stdio", "fuzz", "compare", "gateway"})
    void everySubcommandHasHelp(String command) {
        Run r = run(new byte[0], command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: py4j-codec " + command), r.out());
    }
}
