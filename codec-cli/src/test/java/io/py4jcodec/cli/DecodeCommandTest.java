package io.py4jcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.testkit.Recorded;
import java.io.ByteArrayInputStream;
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
}
