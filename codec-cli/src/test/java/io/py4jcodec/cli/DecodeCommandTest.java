package io.py4jcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.testkit.Recorded;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code py4j-codec decode} on the transcripts recorded from the real peers and on bad input. */
class DecodeCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream saved = System.in;
        System.setIn(stdin);
        try {
            CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success"})
    void transcriptPrintsOneLinePerRecordedFrame(String name) throws Exception {
        Path t = Recorded.path("transcripts/" + name + ".json");
        Run r = run(InputStream.nullInputStream(), "decode", "--transcript", t.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode frames = Recorded.json("transcripts/frames/" + name + ".json").get("frames");
        String[] lines = r.out().split("\n");
        assertEquals(frames.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            JsonNode j = new ObjectMapper().readTree(line);
            // in conversation order: the recorded frames' connection and direction, one by one
            assertEquals(frames.get(i).get("conn").asText() + " " + frames.get(i).get("dir").asText(),
                    j.get("conn").asText() + " " + j.get("dir").asText(), "frame " + i);
            assertTrue(j.has("conn") && j.has("dir") && (j.get("message").has("command") || j.get("message").has("return")), line);
        }
    }

    @Test
    void embeddedDefaultTranscriptDecodes() {
        Run r = run(InputStream.nullInputStream(), "decode", "--transcript");
        assertEquals(0, r.exit(), r.err());
        assertEquals(23, r.out().split("\n").length);
    }

    @Test
    void badInputPrintsTheFramesBeforeItThenAnErrorAndExits2() {
        byte[] in = "c\nt\nadd\ni1\ne\nq\n".getBytes(StandardCharsets.UTF_8);
        Run r = run(new ByteArrayInputStream(in), "decode", "--from", "python");
        assertEquals(2, r.exit());
        assertEquals(1, r.out().split("\n").length, r.out());
        assertTrue(r.err().contains("UNKNOWN_COMMAND at byte 13"), r.err());
    }

    /** The Python code that wrote python-rejected-values.py4j with the real client's own functions. */
    static final String REJECTED_VALUES_PY = String.join("\n",
            "import sys",
            "from decimal import Decimal",
            "from py4j import protocol as p",
            "def call(target, method, *args):",
            "    return p.CALL_COMMAND_NAME + target + '\\n' + method + '\\n' + ''.join(p.get_command_part(a) for a in args) + p.END_COMMAND_PART",
            "sys.stdout.write(call('t', 'addInts', 1, 2) + call('t', 'echo', 2**64) + call('t', 'echo', 'between')",
            "                 + call('t', 'echo', Decimal('NaN')) + call('t', 'addInts', 3, 4))",
            "");

    static byte[] rejectedValuesCapture() throws IOException {
        try (InputStream in = DecodeCommandTest.class.getResourceAsStream("python-rejected-values.py4j")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCaptureWithTwoRejectedValuesPrintsEveryOtherFrameAndBothErrorsInOrder() throws IOException {
        Run r = run(new ByteArrayInputStream(rejectedValuesCapture()), "decode", "--from", "python");
        assertEquals(2, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals("{\"command\":\"call\",\"target_id\":\"t\",\"method\":\"addInts\",\"arguments\":[{\"type\":\"int\",\"value\":1},{\"type\":\"int\",\"value\":2}]}", lines[0]);
        assertEquals("{\"command\":\"call\",\"target_id\":\"t\",\"method\":\"echo\",\"arguments\":[{\"type\":\"string\",\"value\":\"between\"}]}", lines[1]);
        assertEquals("{\"command\":\"call\",\"target_id\":\"t\",\"method\":\"addInts\",\"arguments\":[{\"type\":\"int\",\"value\":3},{\"type\":\"int\",\"value\":4}]}", lines[2]);
        String[] errors = r.err().split("\n");
        assertEquals(2, errors.length, r.err());
        // the digits of 2**64 start at byte 30 of the capture (after "L"), those of Decimal('NaN') at byte 83 (after "D")
        assertTrue(errors[0].startsWith("error: after frame 1: ") && errors[0].contains(" at byte 30"), errors[0]);
        assertTrue(errors[1].startsWith("error: after frame 2: ") && errors[1].contains(" at byte 83"), errors[1]);
        assertTrue(errors[0].endsWith("decoding goes on)") && errors[1].endsWith("decoding goes on)"), r.err());
        // what was printed still encodes back to the good frames' bytes
        CliContractsTest.Run enc = CliContractsTest.run(r.out().getBytes(StandardCharsets.UTF_8), "encode", "--from", "python");
        assertEquals(0, enc.exit(), enc.err());
        assertEquals("c\nt\naddInts\ni1\ni2\ne\nc\nt\necho\nsbetween\ne\nc\nt\naddInts\ni3\ni4\ne\n",
                new String(enc.stdout(), StandardCharsets.UTF_8));
    }

    @Test
    void theRealPythonClientStillWritesTheRejectedValuesCapture() throws Exception {
        PythonPeer py = PythonPeer.require();
        Process p = py.command("-c", REJECTED_VALUES_PY).start();
        p.getOutputStream().close();
        byte[] wrote = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), stderr);
        assertEquals(new String(rejectedValuesCapture(), StandardCharsets.UTF_8), new String(wrote, StandardCharsets.UTF_8));
    }
}
