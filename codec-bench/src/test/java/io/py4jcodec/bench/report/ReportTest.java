package io.py4jcodec.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.bench.CompareCommand;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report generator on a canned JMH result (a trimmed real short run: pyspark-mix for four
 * contenders, two sweep points, the escaping benchmarks). No JMH runs here. The verdicts and target
 * rows must follow from the numbers in the JSON, recomputed independently below.
 */
class ReportTest {

    private static JsonNode canned() throws Exception {
        try (InputStream in = ReportTest.class.getResourceAsStream("/canned-jmh.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
    }

    /** The median of every raw iteration of one benchmark in the canned JSON. */
    private static double median(JsonNode results, String op, String contender, String workload) {
        for (JsonNode r : results) {
            JsonNode p = r.path("params");
            if (r.get("benchmark").asText().endsWith("CodecBench." + op) && contender.equals(p.path("contender").asText())
                    && workload.equals(p.path("workload").asText())) {
                List<Double> raw = new ArrayList<>();
                r.get("primaryMetric").get("rawData").forEach(f -> f.forEach(v -> raw.add(v.asDouble())));
                return JmhResults.median(raw);
            }
        }
        throw new AssertionError("not in canned data: " + op + " " + contender + " " + workload);
    }

    @Test
    void targetRowsAndVerdictsFollowFromTheNumbers(@TempDir Path dir) throws Exception {
        JsonNode json = canned();
        String md = Files.readString(new MarkdownReport(new JmhResults(json)).write(dir));

        double py4j = median(json, "decode", "py4j", "pyspark-mix");
        double text = median(json, "decode", "text", "pyspark-mix");
        double direct = median(json, "decode", "pb-direct", "pyspark-mix");
        double ratio = py4j / text;
        String row = String.format(Locale.ROOT, "| decode pyspark-mix >= 3x faster than py4j | %.2fx | %s |", ratio,
                ratio >= 3 ? "yes" : "**no**");
        assertTrue(md.contains(row), "missing target row " + row);

        String verdict = "**Time, decode, codec-text vs the fastest protobuf contender that produces or starts from the model** "
                + "(pb-generated or pb-direct, named per workload; \"binary is slower\"): holds on "
                + (text < direct ? 1 : 0) + " of 1 workloads";
        assertTrue(md.contains(verdict), "missing verdict " + verdict + " in\n" + md);
        // the canned pb-floor encode entry is pb-parse's with every time scaled by 1.5 (no real run had pb-floor then)
        String figures = String.format(Locale.ROOT, "pb-direct takes %.2fx pb-floor and %.2fx pb-parse",
                median(json, "encode", "pb-direct", "pyspark-mix") / median(json, "encode", "pb-floor", "pyspark-mix"),
                median(json, "encode", "pb-direct", "pyspark-mix") / median(json, "encode", "pb-parse", "pyspark-mix"));
        assertTrue(md.contains("**protobuf's three encode figures on pyspark-mix**") && md.contains(figures),
                "missing protobuf encode figures " + figures);
        assertTrue(md.contains("| pyspark-mix | 16 | 508 | 31.8 |"), "size row of the mix");
        assertTrue(md.contains("## Crossover sweeps"));
        assertTrue(md.contains("JDK"), "the JDK of the run is named");
    }

    @Test
    void chartsAreWellFormedSvg(@TempDir Path dir) throws Exception {
        new MarkdownReport(new JmhResults(canned())).write(dir);
        List<Path> svgs;
        try (Stream<Path> files = Files.list(dir)) {
            svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
        }
        assertEquals(1, svgs.size(), "one decode chart for the one sweep in the canned data: " + svgs);
        for (Path svg : svgs) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
            assertEquals(3, doc.getElementsByTagName("polyline").getLength(), "py4j, text and pb-direct lines");
        }
    }

    @Test
    void crossoverNamesWhereTheLeadChanges() {
        List<Integer> xs = List.of(1, 8, 32, 128);
        assertEquals("a vs b: faster is a for N=1..8, then b for N=32..128 (b/a: 2.00 at 1, 1.50 at 8, 0.50 at 32, 0.25 at 128)",
                Verdicts.crossover(xs, new double[] {1, 2, 4, 8}, new double[] {2, 3, 2, 2}, "a", "b"));
        assertEquals("a vs b: a for N=1..128 faster at every measured point (b/a: 2.00 at 1, 2.00 at 8, 2.00 at 32, 2.00 at 128)",
                Verdicts.crossover(xs, new double[] {1, 1, 1, 1}, new double[] {2, 2, 2, 2}, "a", "b"));
    }

    @Test
    void reportOnlyRebuildsFromAFolder(@TempDir Path dir, @TempDir Path direct) throws Exception {
        byte[] json;
        try (InputStream in = ReportTest.class.getResourceAsStream("/canned-jmh.json")) {
            json = in.readAllBytes();
        }
        String runMachine = "Recorded CPU of the run, 2 cores available, Linux 6.1 amd64 (load average 1.00 2.00 3.00)";
        Files.write(dir.resolve("jmh.json"), json);
        Files.writeString(dir.resolve("machine.txt"), runMachine + "\n");

        assertEquals(0, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", dir.toString()));

        // nothing was measured: the run's data and machine line are untouched
        assertArrayEquals(json, Files.readAllBytes(dir.resolve("jmh.json")));
        assertEquals(runMachine + "\n", Files.readString(dir.resolve("machine.txt")));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| machine | " + runMachine + " |"), "the report names the run's machine, not this one");
        // the report is the report of that JSON: the same as rendering it directly, with its numbers
        Files.writeString(direct.resolve("machine.txt"), runMachine + "\n");
        assertEquals(Files.readString(new MarkdownReport(new JmhResults(canned())).write(direct)), md);
        String textDecode = MarkdownReport.ns(median(canned(), "decode", "text", "pyspark-mix"));
        assertTrue(md.contains(" " + textDecode + " ± "), "the canned decode median " + textDecode);
        assertArrayEquals(Files.readAllBytes(direct.resolve("sweep-string-length-decode.svg")),
                Files.readAllBytes(dir.resolve("sweep-string-length-decode.svg")), "the sweep chart is rebuilt too");
        // rebuilding again changes nothing
        assertEquals(0, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", dir.toString()));
        assertEquals(md, Files.readString(dir.resolve("report.md")));
    }

    @Test
    void perCommandAllocationIsTheMixsBytesOverItsSixteenCommands(@TempDir Path dir) throws Exception {
        JsonNode json = canned();
        String md = Files.readString(new MarkdownReport(new JmhResults(json)).write(dir));
        double bytes = Double.NaN;
        for (JsonNode r : json) {
            JsonNode p = r.path("params");
            if (r.get("benchmark").asText().endsWith("CodecBench.decode") && "text".equals(p.path("contender").asText())
                    && "pyspark-mix".equals(p.path("workload").asText())) {
                bytes = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble();
            }
        }
        double perCommand = bytes / 16;
        String row = String.format(Locale.ROOT, "| decode pyspark-mix allocates <= 120 B per command | %.0f B (", perCommand);
        assertTrue(md.contains(row) && md.contains(perCommand <= 120 ? "commands) | yes |" : "commands) | **no** |"),
                "missing allocation row " + row + " in\n" + md);
    }

    /**
     * With {@code --baseline}, each workload's codec-text time is checked against the earlier run's, and
     * the baseline is remembered in the folder: a later {@code --report-only} without the option keeps it.
     */
    @Test
    void aBaselineRunSaysWhereCodecTextGotSlower(@TempDir Path root) throws Exception {
        JsonNode json = canned();
        Path run = Files.createDirectories(root.resolve("run"));
        Path base = Files.createDirectories(root.resolve("base"));
        Files.writeString(run.resolve("jmh.json"), json.toString());
        // the baseline: the same run, with codec-text's pyspark-mix decode twice as fast and its encode 1% slower
        for (JsonNode r : json) {
            JsonNode p = r.path("params");
            if ("text".equals(p.path("contender").asText()) && "pyspark-mix".equals(p.path("workload").asText())) {
                double f = r.get("benchmark").asText().endsWith(".decode") ? 0.5 : r.get("benchmark").asText().endsWith(".encode") ? 1.01 : 1;
                for (JsonNode fork : r.get("primaryMetric").get("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) fork).set(i, fork.get(i).asDouble() * f);
                    }
                }
            }
        }
        Files.writeString(base.resolve("jmh.json"), json.toString());

        assertEquals(0, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", run.toString(),
                "--baseline", base.toString()));
        String md = Files.readString(run.resolve("report.md"));
        assertEquals("../base", Files.readString(run.resolve(MarkdownReport.BASELINE_FILE)).trim());
        assertTrue(md.contains("| baseline run | `../base` "), "the setup names the baseline");
        assertTrue(md.matches("(?s).*\\| decode pyspark-mix not slower than in base \\| [^|]* \\(2\\.00x\\) \\| \\*\\*no\\*\\* \\|.*"),
                "twice the baseline's time is slower:\n" + md);
        assertTrue(md.matches("(?s).*\\| encode pyspark-mix not slower than in base \\| [^|]* \\(0\\.99x\\) \\| yes \\|.*"),
                "faster than the baseline is not slower:\n" + md);

        assertEquals(0, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", run.toString()));
        assertEquals(md, Files.readString(run.resolve("report.md")), "the rebuild keeps the baseline");
        assertEquals(2, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", run.toString(),
                "--baseline", root.resolve("nowhere").toString()), "a baseline without results is refused");
    }

    @Test
    void reportOnlyWithoutResultsFailsAndWritesNothing(@TempDir Path dir) throws Exception {
        assertEquals(2, new picocli.CommandLine(new CompareCommand()).execute("--report-only", "--out", dir.toString()));
        assertFalse(Files.exists(dir.resolve("report.md")));
    }
}
