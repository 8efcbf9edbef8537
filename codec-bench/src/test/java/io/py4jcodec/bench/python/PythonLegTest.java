package io.py4jcodec.bench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.bench.CompareCommand;
import io.py4jcodec.bench.Contenders;
import io.py4jcodec.bench.Workload;
import io.py4jcodec.bench.Workloads;
import io.py4jcodec.testkit.PythonPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A seconds-long Python leg (two rounds, three workloads, no JMH) through {@code compare}: its JSON
 * must hold every contender's checks, sizes equal to the Java leg's bytes and sane statistics, and the
 * report's headline must say, per workload and operation, what the JSON's medians say.
 */
class PythonLegTest {
    private static final List<String> WORKLOADS = List.of("pyspark-mix", "pyspark-answers", "bytes-64k");

    private static PythonLeg.Interpreter requirePython() {
        Optional<PythonLeg.Interpreter> py = PythonLeg.find(null);
        if (py.isPresent()) {
            return py.get();
        }
        String why = "no python3 here imports both py4j and google.protobuf: " + PythonLeg.HOW_TO_ENABLE;
        if (PythonPeer.required()) {
            throw new AssertionError(why + " (this run requires it: PY4JCODEC_REQUIRE_PYTHON)");
        }
        System.err.println("[skipped] " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    @Test
    void aShortPythonLegWritesCheckedResultsAndTheReportSaysWhatTheyMean(@TempDir Path dir) throws Exception {
        PythonLeg.Interpreter py = requirePython();
        int code = new CommandLine(new CompareCommand()).execute("--no-java", "--no-sweeps", "--python-rounds", "2",
                "--workloads", String.join(",", WORKLOADS), "--out", dir.toString());
        assertEquals(0, code, "compare --no-java with " + py);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("python.json").toFile());
        assertEquals("0.10.9.9", json.path("py4j").asText());
        assertFalse(json.path("protobuf_backend").asText().isEmpty(), "the protobuf backend is named");
        assertEquals(3, json.path("load_start").size(), "the load averages are noted");
        assertEquals(WORKLOADS.size(), json.path("workloads").size());
        for (JsonNode w : json.path("workloads")) {
            Workload wl = Workloads.named(w.path("workload").asText());
            for (JsonNode c : w.path("checks")) {
                assertTrue(c.path("ok").asBoolean(), wl + ": " + c);
            }
            // sizes from the same bytes: the data file's, and the Java leg's protobuf frames
            assertEquals(wl.text().length, w.path("sizes").path("py4j").asInt(), wl + " text bytes");
            assertEquals(Contenders.create("pb-direct", wl).wire().length, w.path("sizes").path("protobuf").asInt(), wl + " protobuf bytes");
            List<String> ops = wl.direction() == io.py4jcodec.bench.Direction.COMMANDS ? List.of("encode", "decode") : List.of("decode");
            assertEquals(ops.size() * 2, w.path("results").size(), wl + ": py4j and protobuf for " + ops);
            for (JsonNode r : w.path("results")) {
                assertEquals(2, r.path("rounds").asInt());
                assertTrue(r.path("p25_ns").asDouble() <= r.path("median_ns").asDouble()
                        && r.path("median_ns").asDouble() <= r.path("p75_ns").asDouble() && r.path("min_ns").asDouble() > 0, r.toString());
            }
        }
        // the callback server reads only the 12 calls of the mix's 16 commands
        JsonNode mix = json.path("workloads").get(0);
        for (JsonNode r : mix.path("results")) {
            assertEquals(r.path("op").asText().equals("decode") ? 12 : 16, r.path("messages").asInt(), r.toString());
        }

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Py4J's remark, per language"), md);
        assertTrue(md.contains("backend `" + json.path("protobuf_backend").asText() + "`"), "the backend in the setup");
        for (JsonNode w : json.path("workloads")) {
            String name = w.path("workload").asText();
            String row = md.lines().filter(l -> l.startsWith("| " + name + " | ")).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            for (String op : List.of("encode", "decode")) {
                double py4j = median(w, op, "py4j");
                double pb = median(w, op, "protobuf");
                String cell = cells[op.equals("encode") ? 3 : 4].trim();
                if (Double.isNaN(py4j)) {
                    assertEquals("-", cell, name + " " + op);
                } else {
                    double r = pb / py4j;
                    String digits = String.format(Locale.ROOT, r >= 0.1 ? "%.2f" : "%.2g", r);
                    String want = (r > 1 ? "holds" : "**flips**") + " ("
                            + (digits.equals("1.00") ? String.format(Locale.ROOT, "%.4f", r) : digits) + ")";
                    assertEquals(want, cell, name + " " + op + " in " + row);
                }
            }
        }
    }

    private static double median(JsonNode w, String op, String contender) {
        for (JsonNode r : w.path("results")) {
            if (r.path("op").asText().equals(op) && r.path("contender").asText().equals(contender)) {
                return r.path("median_ns").asDouble();
            }
        }
        return Double.NaN;
    }

    @Test
    void anInterpreterThatCannotRunTheLegIsRefusedBeforeAnythingRuns(@TempDir Path dir) {
        int code = new CommandLine(new CompareCommand()).execute("--python", dir.resolve("no-such-python").toString(),
                "--out", dir.toString());
        assertEquals(2, code);
        assertFalse(Files.exists(dir.resolve("jmh.json")));
    }
}
