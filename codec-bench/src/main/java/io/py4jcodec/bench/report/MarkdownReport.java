package io.py4jcodec.bench.report;

import static io.py4jcodec.bench.report.JmhResults.PY4J;
import static io.py4jcodec.bench.report.JmhResults.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.bench.Direction;
import io.py4jcodec.bench.Machine;
import io.py4jcodec.bench.Workload;
import io.py4jcodec.bench.Workloads;
import io.py4jcodec.bench.report.JmhResults.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.md} and the sweep charts of one run into a folder: the tables and verdicts of
 * {@link Verdicts}, laid out in Markdown, with every sentence taken from {@code report-template.md}.
 *
 * <p>Why one class of about 500 lines: it is one method per report section, each spelling out a table's
 * columns; nothing in it computes a verdict ({@link Verdicts}) or holds a sentence (the template), and
 * splitting the sections apart would only pass the same three inputs around.
 *
 * <pre>{@code
 * Path md = new MarkdownReport(JmhResults.load(dir.resolve("jmh.json"))).write(dir);
 * }</pre>
 */
public final class MarkdownReport {
    /** The Java leg's load averages in a report folder: the line at its start, the line at its end. */
    public static final String JAVA_LOAD_FILE = "java-load.txt";
    /**
     * Names an earlier report folder (relative to this one) whose codec-text times the targets'
     * "not slower than" rows compare with; written by {@code compare --baseline DIR}, read on every
     * rebuild so that {@code --report-only} gives the same report.
     */
    public static final String BASELINE_FILE = "baseline.txt";

    /** Marks a Python leg's series in the sweep charts and tables. */
    private static final String PYTHON_SUFFIX = " (Python)";

    private final JmhResults results;
    private final PythonResults python;
    private Verdicts verdicts; // built by write(), which alone knows whether the folder names a baseline
    private String baseline;
    private final Template prose = Template.report();
    private String machine = Machine.describe();
    private List<String> javaLoad = List.of();

    /** A report of a run without a Python leg. */
    public MarkdownReport(JmhResults results) {
        this(results, PythonResults.NONE);
    }

    /** A report of both legs of one run. */
    public MarkdownReport(JmhResults results, PythonResults python) {
        this.results = results;
        this.python = python;
    }

    /** Writes report.md and the charts into {@code dir} (whose machine.txt, if any, names the run's machine). */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path recorded = dir.resolve("machine.txt");
        if (Files.exists(recorded)) {
            machine = Files.readString(recorded).trim(); // the machine of the run, not of this rebuild
        }
        Path named = dir.resolve(BASELINE_FILE);
        if (Files.exists(named)) {
            baseline = Files.readString(named).trim();
            Path base = dir.resolve(baseline).normalize();
            verdicts = new Verdicts(results, python, JmhResults.load(base.resolve("jmh.json")), base.getFileName().toString());
        } else {
            verdicts = new Verdicts(results, python);
        }
        Path load = dir.resolve(JAVA_LOAD_FILE);
        javaLoad = Files.exists(load) ? Files.readAllLines(load) : List.of();
        List<String> cs = results.contenders();
        List<String> mains = results.mainWorkloads();
        StringBuilder times = new StringBuilder();
        for (String op : results.ops(w -> w != null && Workloads.mainNames().contains(w))) {
            timeTable(times, op, mains, cs);
        }
        for (String op : List.of("encode", "decode")) {
            pythonTable(times, op);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("remark", remark());
        sections.put("setup", setup(cs));
        sections.put("contenders", contenders(cs));
        sections.put("context", prose.text("context") + "\n\n" + (python.present() ? prose.text("context.python") + "\n\n" : ""));
        sections.put("verdicts", verdicts());
        sections.put("sizes", sizes(mains, cs));
        sections.put("times", times.toString());
        sections.put("floors", floors());
        sections.put("targets", targets());
        sections.put("sweeps", sweeps(dir, cs));
        sections.put("workloads", workloadsSection(mains));
        Path report = dir.resolve("report.md");
        Files.writeString(report, prose.fill("report", sections), StandardCharsets.UTF_8);
        return report;
    }

    private String setup(List<String> cs) {
        JsonNode meta = results.meta();
        StringBuilder md = new StringBuilder("## Setup\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| machine | ").append(machine).append(" |\n");
        md.append("| JDK | ").append(meta.path("vmName").asText("?")).append(' ').append(meta.path("jdkVersion").asText("?"))
          .append(" (").append(meta.path("vmVersion").asText("?")).append(") |\n");
        md.append("| JMH | ").append(meta.path("jmhVersion").asText("?")).append(", ")
          .append(meta.path("forks").asText("?")).append(" fork(s), ")
          .append(meta.path("warmupIterations").asText("?")).append(" x ").append(meta.path("warmupTime").asText("?")).append(" warm-up, ")
          .append(meta.path("measurementIterations").asText("?")).append(" x ").append(meta.path("measurementTime").asText("?"))
          .append(" measured, average time, `-prof gc` |\n");
        List<String> flags = new ArrayList<>();
        meta.path("jvmArgs").forEach(n -> flags.add(n.asText()));
        md.append("| fork JVM flags | `").append(String.join(" ", flags)).append("` |\n");
        if (python.present()) {
            JsonNode py = python.root();
            JsonNode set = py.path("settings");
            Map<String, String> v = new LinkedHashMap<>();
            for (String k : List.of("python", "executable", "py4j", "py4j_path", "protobuf", "seconds")) {
                v.put(k, py.path(k).asText());
            }
            v.put("backend", py.path("protobuf_backend").asText());
            for (String k : List.of("rounds", "batch_ms", "warmup_ms")) {
                v.put(k, set.path(k).asText());
            }
            v.put("load_start", load(py.path("load_start")));
            v.put("load_end", load(py.path("load_end")));
            md.append(prose.fill("python.setup", v)).append('\n');
        }
        if (javaLoad.size() == 2) {
            md.append(prose.fill("java.load", Map.of("load_start", javaLoad.get(0), "load_end", javaLoad.get(1)))).append('\n');
        }
        if (baseline != null) {
            md.append("| baseline run | `").append(baseline).append("` (codec-text's times in the targets' \"not slower than\" rows) |\n");
        }
        md.append("| contenders | ").append(String.join(", ", cs)).append(" |\n\n");
        return md.append(prose.text("setup.note")).append("\n\n").toString();
    }

    private static String load(JsonNode triple) {
        List<String> xs = new ArrayList<>();
        triple.forEach(n -> xs.add(String.format(Locale.ROOT, "%.2f", n.asDouble())));
        return String.join(" ", xs);
    }

    /** The headline: for each workload, whether the remark holds or flips in each language. */
    private String remark() {
        StringBuilder md = new StringBuilder(prose.text("remark.title")).append("\n\n").append(prose.text("remark.note")).append("\n\n");
        if (!python.present()) {
            md.append(prose.text("remark.no-python")).append("\n\n");
        }
        md.append("| workload | size | Python encode | Python decode | Java encode, py4j | Java decode, py4j | Java encode, codec-text | Java decode, codec-text |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        Map<String, List<String>> holds = new LinkedHashMap<>();
        Map<String, List<String>> flips = new LinkedHashMap<>();
        for (String w : verdicts.measuredMainWorkloads()) {
            md.append("| ").append(w).append(" | ").append(cell(verdicts.sizeRemark(w), "size", w, holds, flips));
            for (String op : List.of("encode", "decode")) {
                md.append(" | ").append(cell(verdicts.pythonRemark(w, op), "Python, " + op, w, holds, flips));
            }
            for (String side : List.of(PY4J, TEXT)) {
                for (String op : List.of("encode", "decode")) {
                    String what = "Java, " + op + ", " + (side.equals(PY4J) ? "py4j" : "codec-text");
                    md.append(" | ").append(cell(verdicts.javaRemark(w, op, side), what, w, holds, flips));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');
        for (String what : holds.keySet()) {
            List<String> h = holds.get(what);
            List<String> f = flips.get(what);
            md.append(prose.fill("remark.summary", Map.of("what", what, "holds", h.isEmpty() ? "none" : String.join(", ", h),
                    "flips", f.isEmpty() ? "none" : String.join(", ", f)))).append('\n');
        }
        return md.append('\n').toString();
    }

    private static String cell(Verdicts.Remark r, String what, String workload, Map<String, List<String>> holds,
                               Map<String, List<String>> flips) {
        if (r == null) {
            return "-";
        }
        holds.computeIfAbsent(what, k -> new ArrayList<>());
        flips.computeIfAbsent(what, k -> new ArrayList<>());
        (r.holds() ? holds : flips).get(what).add(workload);
        return (r.holds() ? "holds" : "**flips**") + " (" + ratio(r.ratio()) + ")";
    }

    /** The Python leg's times for one operation, py4j beside protobuf. */
    private void pythonTable(StringBuilder md, String op) {
        List<String> ws = Workloads.mainNames().stream().filter(w -> python.timing(w, op, "py4j") != null).toList();
        if (ws.isEmpty()) {
            return;
        }
        md.append(prose.fill("python.title", Map.of("op", op))).append("\n\n")
          .append(prose.fill("python.note", Map.of("backend", python.root().path("protobuf_backend").asText()))).append("\n\n");
        md.append("| workload | messages timed | py4j | protobuf | protobuf / py4j | py4j per message | protobuf per message |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String w : ws) {
            PythonResults.Timing t = python.timing(w, op, "py4j");
            PythonResults.Timing p = python.timing(w, op, "protobuf");
            md.append("| ").append(w).append(" | ").append(t.messages()).append(" | ").append(spread(t)).append(" | ").append(spread(p))
              .append(" | ").append(ratio(p.median() / t.median())).append(" | ")
              .append(ns(t.median() / Math.max(1, t.messages()))).append(" | ").append(ns(p.median() / Math.max(1, p.messages()))).append(" |\n");
        }
        md.append('\n');
        if (op.equals("encode") && Workloads.mainNames().stream().anyMatch(w -> python.timing(w, "decode", "py4j") != null
                && python.timing(w, "encode", "py4j") == null)) {
            md.append(prose.text("python.not-written")).append("\n\n");
        }
    }

    /** Two decimals, three significant digits below 0.1 (protobuf can be 1000x faster). */
    static String ratio(double r) {
        String s = String.format(Locale.ROOT, r >= 0.1 ? "%.2f" : "%.2g", r);
        // "1.00" would hide which side of 1 (holds or flips) the ratio is on
        return s.equals("1.00") ? String.format(Locale.ROOT, "%.4f", r) : s;
    }

    private static String spread(PythonResults.Timing t) {
        return ns(t.median()) + " (" + ns(t.p25()) + "-" + ns(t.p75()) + ")";
    }

    private String contenders(List<String> cs) {
        StringBuilder md = new StringBuilder("## Contenders\n\n");
        for (String c : cs) {
            String block = "contender." + c;
            md.append("- **").append(c).append("**: ").append(prose.has(block) ? prose.text(block) : "").append('\n');
        }
        return md.append('\n').toString();
    }

    private String verdicts() {
        StringBuilder md = new StringBuilder(prose.text("verdict.title")).append("\n\n");
        if (results.binaries().isEmpty()) {
            md.append(prose.text("verdict.no-protobuf")).append("\n\n");
        } else {
            List<String> holds = new ArrayList<>();
            List<String> fails = new ArrayList<>();
            for (Verdicts.SizeItem s : verdicts.size()) {
                (s.holds() ? holds : fails).add(prose.fill("verdict.size.item", Map.of("workload", s.workload(),
                        "text", Integer.toString(s.text()), "protobuf", Integer.toString(s.protobuf()),
                        "percent", String.format(Locale.ROOT, "%+.1f%%", (s.protobuf() - s.text()) * 100.0 / s.text()))));
            }
            md.append(prose.fill("verdict.size", Map.of("holds", Integer.toString(holds.size()),
                    "total", Integer.toString(results.mainWorkloads().size()),
                    "holding", holds.isEmpty() ? "" : ": " + String.join("; ", holds),
                    "failing", fails.isEmpty() ? "any" : String.join("; ", fails)))).append("\n\n");
            for (String op : List.of("decode", "encode")) {
                for (String side : List.of(TEXT, PY4J)) {
                    timeVerdict(md, op, side);
                }
            }
            protobufEncode(md, "pyspark-mix");
        }
        for (String op : List.of("decode", "encode")) {
            List<String> items = new ArrayList<>();
            verdicts.py4jOverText(op).forEach((w, r) -> items.add(String.format(Locale.ROOT, "%s %.1fx", w, r)));
            if (!items.isEmpty()) {
                md.append(prose.fill("verdict.speedup", Map.of("op", op, "items", String.join(", ", items)))).append("\n\n");
            }
        }
        return md.toString();
    }

    /** The protobuf encode figures side by side, so the encode verdict shows how strong its opponent is. */
    private void protobufEncode(StringBuilder md, String workload) {
        JmhResults.Row direct = results.codec("encode", "pb-direct", workload);
        JmhResults.Row floor = results.codec("encode", JmhResults.PB_FLOOR, workload);
        JmhResults.Row parse = results.codec("encode", JmhResults.PB_PARSE, workload);
        JmhResults.Row generated = results.codec("encode", "pb-generated", workload);
        JmhResults.Row text = results.codec("encode", TEXT, workload);
        if (direct == null || floor == null || parse == null) {
            return;
        }
        String verdict = text == null ? ""
                : text.median() < floor.median() ? "codec-text encodes faster than even protobuf's floor here."
                : text.median() < direct.median() ? "codec-text encodes faster than pb-direct, but not faster than protobuf's floor: a better protobuf encoder could still win here."
                : "protobuf encodes faster than codec-text here.";
        md.append(prose.fill("verdict.protobuf-encode", Map.of("workload", workload,
                "generated", generated == null ? "not measured" : nsAlloc(generated), "direct", nsAlloc(direct),
                "floor", nsAlloc(floor), "parse", nsAlloc(parse),
                "direct_floor", String.format(Locale.ROOT, "%.2f", direct.median() / floor.median()),
                "direct_parse", String.format(Locale.ROOT, "%.2f", direct.median() / parse.median()),
                "text", text == null ? "not measured" : nsAlloc(text), "encode_verdict", verdict))).append("\n\n");
    }

    private static String nsAlloc(JmhResults.Row r) {
        return ns(r.median()) + ", " + bytes(r.bytesPerOp());
    }

    private void timeVerdict(StringBuilder md, String op, String side) {
        List<String> holds = new ArrayList<>();
        List<String> fails = new ArrayList<>();
        for (Verdicts.TimeItem t : verdicts.time(op, side)) {
            (t.holds() ? holds : fails).add(prose.fill("verdict.time.item", Map.of("workload", t.workload(), "side", side,
                    "side_time", ns(t.text().median()), "protobuf", t.protobuf().contender(),
                    "protobuf_time", ns(t.protobuf().median()),
                    "ratio", String.format(Locale.ROOT, "%.2f", t.protobuf().median() / t.text().median()))));
        }
        if (holds.isEmpty() && fails.isEmpty()) {
            return;
        }
        md.append(prose.fill("verdict.time", Map.of("op", op, "side", prose.text("side." + side),
                "holds", Integer.toString(holds.size()), "total", Integer.toString(holds.size() + fails.size()),
                "holding", holds.isEmpty() ? "" : ": " + String.join("; ", holds),
                "failing", fails.isEmpty() ? "none" : String.join("; ", fails)))).append("\n\n");
    }

    static String ns(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", v / 1e6);
        }
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%.1f µs", v / 1e3);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.2f µs", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", v);
    }

    static String bytes(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0f KB", v / 1000);
        }
        return String.format(Locale.ROOT, "%.0f B", v);
    }

    private String sizes(List<String> mains, List<String> cs) {
        StringBuilder md = new StringBuilder(prose.text("sizes.title")).append("\n\n").append(prose.text("sizes.note")).append("\n\n");
        md.append("| workload | messages | text bytes | per message |");
        for (String c : cs) {
            if (!c.equals(TEXT)) {
                md.append(' ').append(c).append(" | ratio |");
            }
        }
        md.append("\n|---|---:|---:|---:|");
        for (String c : cs) {
            if (!c.equals(TEXT)) {
                md.append("---:|---:|");
            }
        }
        md.append('\n');
        for (String w : mains) {
            Workload wl = verdicts.workload(w);
            Map<String, Integer> s = verdicts.sizes(wl);
            int t = s.get(TEXT);
            md.append("| ").append(w).append(" | ").append(wl.messages().size()).append(" | ").append(t).append(" | ")
              .append(String.format(Locale.ROOT, "%.1f", t / (double) wl.messages().size())).append(" |");
            for (String c : cs) {
                if (!c.equals(TEXT)) {
                    md.append(' ').append(s.get(c)).append(" | ").append(String.format(Locale.ROOT, "%.3f", s.get(c) / (double) t)).append(" |");
                }
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    private void timeTable(StringBuilder md, String op, List<String> mains, List<String> cs) {
        md.append(prose.fill("times.title", Map.of("op", op))).append("\n\n");
        md.append("| workload |");
        for (String c : cs) {
            md.append(' ').append(c).append(" ns/op | ").append(c).append(" B/op |");
        }
        for (String c : cs) {
            if (!c.equals(TEXT)) {
                md.append(' ').append(c).append(" / text |");
            }
        }
        md.append("\n|---|");
        md.append("---:|---:|".repeat(cs.size()));
        md.append("---:|".repeat(cs.size() - (cs.contains(TEXT) ? 1 : 0)));
        md.append('\n');
        for (String w : mains) {
            int n = verdicts.workload(w).messages().size();
            md.append("| ").append(w).append(" |");
            for (String c : cs) {
                Row r = results.codec(op, c, w);
                if (r == null) {
                    md.append(" - | - |");
                } else {
                    md.append(' ').append(ns(r.median())).append(" ± ").append(ns(r.error()));
                    if (n > 1) {
                        md.append(" (").append(ns(r.median() / n)).append("/msg)");
                    }
                    md.append(" | ").append(bytes(r.bytesPerOp())).append(" |");
                }
            }
            for (String c : cs) {
                if (!c.equals(TEXT)) {
                    double r = verdicts.ratio(op, c, w);
                    md.append(Double.isNaN(r) ? " - |" : String.format(Locale.ROOT, " %.2f |", r));
                }
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private String floors() {
        List<Row> bs = results.rows().stream().filter(r -> r.bench().equals("BaselineBench") || r.bench().equals("EscapeBench")).toList();
        if (bs.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder(prose.text("floors.title")).append("\n\n");
        md.append("| benchmark | workload | ns/op | B/op |\n|---|---|---:|---:|\n");
        for (Row r : bs) {
            md.append("| ").append(r.bench()).append('.').append(r.op()).append(" | ")
              .append(r.workload() == null ? prose.text("floors.escape-workload") : r.workload()).append(" | ")
              .append(ns(r.median())).append(" ± ").append(ns(r.error())).append(" | ").append(bytes(r.bytesPerOp())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private String targets() {
        StringBuilder md = new StringBuilder(prose.text("targets.title")).append("\n\n");
        md.append("| target | measured | met? |\n|---|---|---|\n");
        for (Verdicts.Target t : verdicts.targets()) {
            md.append("| ").append(t.what()).append(" | ").append(t.measured()).append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.append('\n').toString();
    }

    private String sweeps(Path dir, List<String> cs) throws IOException {
        if (Workloads.sweepNames().stream().noneMatch(w -> results.hasWorkload(w) || python.hasWorkload(w))) {
            return "";
        }
        List<String> pbs = results.binaries();
        StringBuilder md = new StringBuilder(prose.text("sweeps.title")).append("\n\n");
        for (Map.Entry<String, int[]> e : Workloads.SWEEPS.entrySet()) {
            String sweep = e.getKey();
            List<Integer> xs = new ArrayList<>();
            for (int x : e.getValue()) {
                if (results.hasWorkload(sweep + "-" + x) || python.hasWorkload(sweep + "-" + x)) {
                    xs.add(x);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String title = Workloads.SWEEP_TITLES.get(sweep);
            md.append("### ").append(sweep).append(": ").append(title).append("\n\n");
            String[] labels = xs.stream().map(String::valueOf).toArray(String[]::new);
            List<String> ops = new ArrayList<>(results.ops(w -> w != null && w.startsWith(sweep + "-")));
            for (String op : List.of("decode", "encode")) {
                if (!ops.contains(op) && xs.stream().anyMatch(x -> python.timing(sweep + "-" + x, op, "py4j") != null)) {
                    ops.add(op);
                }
            }
            for (String op : ops) {
                Map<String, double[]> series = new LinkedHashMap<>();
                for (String c : cs) {
                    double[] ys = new double[xs.size()];
                    for (int i = 0; i < xs.size(); i++) {
                        Row r = results.codec(op, c, sweep + "-" + xs.get(i));
                        ys[i] = r == null ? Double.NaN : r.median();
                    }
                    if (hasData(ys)) {
                        series.put(c, ys);
                    }
                }
                for (String c : List.of("py4j", "protobuf")) {
                    double[] ys = new double[xs.size()];
                    for (int i = 0; i < xs.size(); i++) {
                        PythonResults.Timing t = python.timing(sweep + "-" + xs.get(i), op, c);
                        ys[i] = t == null ? Double.NaN : t.median();
                    }
                    if (hasData(ys)) {
                        series.put(c + PYTHON_SUFFIX, ys);
                    }
                }
                String file = "sweep-" + sweep + "-" + op + ".svg";
                Files.writeString(dir.resolve(file), Svg.lineChart(sweep + ": " + op + " time (median)", "N (" + title + ")",
                        "ns per operation", labels, series), StandardCharsets.UTF_8);
                md.append("![").append(sweep).append(' ').append(op).append("](").append(file).append(")\n\n");
                String pbSize = pbs.isEmpty() ? null : pbs.get(0);
                md.append("| N |");
                series.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
                md.append(" text bytes |").append(pbSize == null ? "" : " protobuf bytes |");
                md.append("\n|---:|").append("---:|".repeat(series.size() + 1 + (pbSize == null ? 0 : 1))).append('\n');
                for (int i = 0; i < xs.size(); i++) {
                    md.append("| ").append(xs.get(i)).append(" |");
                    for (double[] ys : series.values()) {
                        md.append(' ').append(ns(ys[i])).append(" |");
                    }
                    Map<String, Integer> s = verdicts.sizes(verdicts.workload(sweep + "-" + xs.get(i)));
                    md.append(' ').append(s.get(TEXT)).append(" |");
                    if (pbSize != null) {
                        md.append(' ').append(s.get(pbSize)).append(" |");
                    }
                    md.append('\n');
                }
                md.append('\n');
                for (String pb : pbs) {
                    if (!hasData(series.get(pb))) {
                        continue;
                    }
                    if (hasData(series.get(TEXT))) {
                        md.append("- ").append(op).append(", ").append(Verdicts.crossover(xs, series.get(TEXT), series.get(pb), "codec-text", pb)).append('\n');
                    }
                    if (hasData(series.get(PY4J))) {
                        md.append("- ").append(op).append(", ").append(Verdicts.crossover(xs, series.get(PY4J), series.get(pb), "py4j", pb)).append('\n');
                    }
                }
                if (hasData(series.get(PY4J + PYTHON_SUFFIX)) && hasData(series.get("protobuf" + PYTHON_SUFFIX))) {
                    md.append("- ").append(op).append(", ").append(Verdicts.crossover(xs, series.get(PY4J + PYTHON_SUFFIX),
                            series.get("protobuf" + PYTHON_SUFFIX), PY4J + PYTHON_SUFFIX, "protobuf" + PYTHON_SUFFIX)).append('\n');
                }
                if (pbs.isEmpty() && series.containsKey(PY4J)) {
                    md.append("- ").append(op).append(", ").append(Verdicts.crossover(xs, series.get(TEXT), series.get(PY4J), "codec-text", "py4j")).append('\n');
                }
                md.append('\n');
            }
            if (!pbs.isEmpty()) {
                double[] t = new double[xs.size()];
                double[] p = new double[xs.size()];
                for (int i = 0; i < xs.size(); i++) {
                    Map<String, Integer> s = verdicts.sizes(verdicts.workload(sweep + "-" + xs.get(i)));
                    t[i] = s.get(TEXT);
                    p[i] = s.get(pbs.get(0));
                }
                md.append("- size, ").append(Verdicts.crossover(xs, t, p, "text", "protobuf").replace("faster", "smaller")).append("\n\n");
            }
        }
        return md.toString();
    }

    private static boolean hasData(double[] ys) {
        if (ys == null) {
            return false;
        }
        for (double y : ys) {
            if (!Double.isNaN(y)) {
                return true;
            }
        }
        return false;
    }

    private String workloadsSection(List<String> mains) {
        StringBuilder md = new StringBuilder(prose.text("workloads.title")).append("\n\n").append(prose.text("workloads.note")).append("\n\n");
        md.append("| workload | direction | what |\n|---|---|---|\n");
        for (String w : mains) {
            Workload wl = verdicts.workload(w);
            md.append("| ").append(w).append(" | ").append(wl.direction() == Direction.COMMANDS ? "Python -> Java" : "Java -> Python")
              .append(" | ").append(wl.title()).append(" |\n");
        }
        return md.append('\n').append(prose.text("reproduce")).append('\n').toString();
    }
}
