package io.py4jcodec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a JMH JSON result into {@code report.md} and SVG charts. Every number and every verdict
 * sentence is computed from the results given; nothing is written in advance. Sizes are computed
 * here from the contenders' own encoders (they do not depend on timing).
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TEXT = "text";
    static final String PY4J = "py4j";
    static final String PB_PARSE = "pb-parse";

    /** One benchmark result. {@code median} is the median of every measured iteration (all forks). */
    record Row(String bench, String op, String contender, String workload, double score, double error,
               double median, double bytesPerOp, String unit) {
    }

    private final List<Row> rows;
    private final JsonNode meta;
    private final Map<String, Workload> workloads = new LinkedHashMap<>();

    public Report(JsonNode results) {
        this.rows = rows(results);
        this.meta = results.size() > 0 ? results.get(0) : JSON.createObjectNode();
        for (Workload w : Workloads.all()) {
            workloads.put(w.name(), w);
        }
    }

    public static JsonNode load(Path json) throws IOException {
        return JSON.readTree(json.toFile());
    }

    /** Concatenates JMH JSON result arrays. */
    static void mergeJson(List<Path> parts, Path out) throws IOException {
        ArrayNode all = JSON.createArrayNode();
        for (Path p : parts) {
            if (Files.exists(p)) {
                JSON.readTree(p.toFile()).forEach(all::add);
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), all);
    }

    private static List<Row> rows(JsonNode results) {
        List<Row> out = new ArrayList<>();
        for (JsonNode r : results) {
            String full = r.get("benchmark").asText();
            String[] parts = full.split("\\.");
            String bench = parts[parts.length - 2];
            String op = parts[parts.length - 1];
            JsonNode params = r.path("params");
            JsonNode pm = r.get("primaryMetric");
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : pm.path("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
            double median = median(raw);
            double alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
            out.add(new Row(bench, op, params.path("contender").asText(null), params.path("workload").asText(null),
                    pm.get("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN),
                    raw.isEmpty() ? pm.get("score").asDouble() : median, alloc, pm.path("scoreUnit").asText()));
        }
        return out;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    Row find(String bench, String op, String contender, String workload) {
        for (Row r : rows) {
            if (r.bench.equals(bench) && r.op.equals(op) && eq(r.contender, contender) && eq(r.workload, workload)) {
                return r;
            }
        }
        return null;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    List<String> contenders() {
        Set<String> cs = new LinkedHashSet<>();
        for (String c : Contenders.names()) {
            if (rows.stream().anyMatch(r -> c.equals(r.contender))) {
                cs.add(c);
            }
        }
        rows.stream().filter(r -> r.contender != null).forEach(r -> cs.add(r.contender));
        return new ArrayList<>(cs);
    }

    /** Protobuf contenders that, like codec-text, produce the model: the fair opponents for the verdicts. */
    List<String> binaries() {
        return contenders().stream().filter(c -> c.startsWith("pb") && !c.equals(PB_PARSE)).toList();
    }

    private List<String> ops(Predicate<String> workload) {
        List<String> ops = new ArrayList<>();
        for (String op : List.of("decode", "encode", "roundTrip")) {
            if (rows.stream().anyMatch(r -> r.bench.equals("CodecBench") && r.op.equals(op) && workload.test(r.workload))) {
                ops.add(op);
            }
        }
        return ops;
    }

    private List<String> mainWorkloads() {
        return Workloads.mainNames().stream()
                .filter(w -> rows.stream().anyMatch(r -> w.equals(r.workload) && r.bench.equals("CodecBench"))).toList();
    }

    /** Wire bytes per contender for a workload; "text" is what the real writing peer sends. */
    Map<String, Integer> sizes(Workload w) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String c : contenders()) {
            out.put(c, Contenders.create(c, w).wire().length);
        }
        out.put(TEXT, w.text().length);
        return out;
    }

    // ---- writing --------------------------------------------------------------------------------

    private String machine = Machine.describe();

    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path recorded = dir.resolve("machine.txt");
        if (Files.exists(recorded)) {
            machine = Files.readString(recorded).trim(); // the machine of the run, not of this rebuild
        }
        StringBuilder md = new StringBuilder();
        List<String> cs = contenders();
        List<String> pbs = binaries();
        List<String> mains = mainWorkloads();

        md.append("# py4j-codec compare: size and time of the Py4J text protocol vs protobuf\n\n");
        md.append("Py4J's `protocol.py` says a binary protocol \"was less efficient in terms of size and time\" because ")
          .append("\"a lot of small strings are exchanged\". This report measures that on this machine; every verdict below ")
          .append("is computed from the numbers of this run. Earlier measurements (py4j's Python code, and a first JMH pass) ")
          .append("are in `../shared/reference/binary-finding-measured.md`.\n\n");
        setup(md, cs);
        contendersSection(md, cs);
        context(md);
        verdicts(md, mains, pbs);
        sizesSection(md, mains, cs);
        for (String op : ops(w -> w != null && Workloads.mainNames().contains(w))) {
            timeTable(md, op, mains, cs);
        }
        floors(md);
        targets(md);
        sweeps(md, dir, cs, pbs);
        workloadsSection(md, mains);
        Path report = dir.resolve("report.md");
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
        return report;
    }

    private void setup(StringBuilder md, List<String> cs) {
        md.append("## Setup\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| machine | ").append(machine).append(" |\n");
        md.append("| JDK | ").append(meta.path("vmName").asText("?")).append(' ').append(meta.path("jdkVersion").asText("?"))
          .append(" (").append(meta.path("vmVersion").asText("?")).append(") |\n");
        md.append("| JMH | ").append(meta.path("jmhVersion").asText("?")).append(", ")
          .append(meta.path("forks").asText("?")).append(" fork(s), ")
          .append(meta.path("warmupIterations").asText("?")).append(" x ").append(meta.path("warmupTime").asText("?")).append(" warm-up, ")
          .append(meta.path("measurementIterations").asText("?")).append(" x ").append(meta.path("measurementTime").asText("?"))
          .append(" measured, average time, `-prof gc` |\n");
        md.append("| fork JVM flags | `").append(String.join(" ", strings(meta.path("jvmArgs")))).append("` |\n");
        md.append("| contenders | ").append(String.join(", ", cs)).append(" |\n\n");
        md.append("Times are the **median** of all measured iterations (ns per operation = the whole workload), ")
          .append("with JMH's 99.9% error half-width; allocation is `gc.alloc.rate.norm` (bytes per operation). ")
          .append("Ratios compare medians of the same run; a ratio above 1 means the named contender is slower (or larger) than codec-text.\n\n");
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    private void contendersSection(StringBuilder md, List<String> cs) {
        md.append("## Contenders\n\n");
        Map<String, String> what = new LinkedHashMap<>();
        what.put(PY4J, "py4j 0.10.9.9's own Java code. Decode: `BufferedReader(InputStreamReader(UTF-8)).readLine` per line "
                + "and the command's own parsing (`AbstractCommand.getArguments` -> `Protocol.getObject`, its argument log string "
                + "included); answers as Java reads a callback's answer (`Protocol.getReturnValue`'s `getObject`; container and member "
                + "answers, which Java never reads, are split after the type letter as Python does). Encode: answers through "
                + "`Protocol.getOutputCommand(ReturnObject)` and a `BufferedWriter`, flushed per answer; commands, for which py4j has no "
                + "Java encoder, the way py4j Java writes its one command (a callback, `PythonProxyHandler`): a `StringBuilder` with "
                + "`getReturnObject(arg).getCommandPart()` per argument (Java formatting: `btrue`, `Double.toString`).");
        what.put(TEXT, "codec-text: byte-exact encoder of the writing peer into one reused Agrona buffer; incremental decoder "
                + "reading in place, as the reading peer reads (lenient mode), producing the typed model.");
        what.put("pb-generated", "codec-binary through protobuf-java's generated message classes (build + `writeTo`; `parseFrom` + conversion to the model).");
        what.put("pb-direct", "codec-binary writing and reading the same protobuf wire directly with `CodedOutputStream`/`CodedInputStream`, no generated objects.");
        what.put("pb-parse", "protobuf-java's generated parser alone (`parseFrom` into generated messages, no model), and `writeTo` of prebuilt messages: protobuf at its cheapest.");
        for (String c : cs) {
            md.append("- **").append(c).append("**: ").append(what.getOrDefault(c, "")).append('\n');
        }
        md.append('\n');
    }

    private void context(StringBuilder md) {
        md.append("## Context: what was measured before\n\n");
        md.append("From `../shared/reference/binary-finding-measured.md` (same PySpark-like mix; other runs, other load; quoted, not recomputed): ")
          .append("in **Python**, where the remark was made, py4j's own code encodes the mix 2.5x faster than protobuf's C++ backend ")
          .append("and decodes its call commands 1.34x faster, so there the remark holds for small-string traffic; it flips for ")
          .append("64 KB bytes (17x/400x), 10 KB strings (~5x) and 100 doubles (~1.3x). In **Java**, a first JMH pass found py4j's ")
          .append("own path at about 288-313 ns and 680 B per decoded command against 160-177 ns for protobuf-java's generated parser, ")
          .append("with a naive schema that made protobuf 1.8% larger (517 vs 508 bytes). The tables below are this run's own numbers. ")
          .append("Note that codec-binary's schema is not naive (one-byte tags for hot fields, `o<n>` ids as varints), which is why it ")
          .append("can be smaller than text here.\n\n");
    }

    // ---- verdicts ---------------------------------------------------------------------------------

    private void verdicts(StringBuilder md, List<String> mains, List<String> pbs) {
        md.append("## Verdict on Py4J's finding (computed from this run)\n\n");
        if (pbs.isEmpty()) {
            md.append("No protobuf contender took part in this run, so the finding (binary vs text) cannot be judged here; ")
              .append("the tables still compare codec-text with py4j's own Java code.\n\n");
        }
        List<String> sizeHolds = new ArrayList<>();
        List<String> sizeFails = new ArrayList<>();
        for (String w : mains) {
            Workload wl = workloads.get(w);
            if (pbs.isEmpty()) {
                break;
            }
            Map<String, Integer> s = sizes(wl);
            int pb = pbs.stream().mapToInt(s::get).min().orElse(0);
            String item = String.format(Locale.ROOT, "%s (text %d B, protobuf %d B, %+.1f%%)", w, s.get(TEXT), pb, pct(pb, s.get(TEXT)));
            (s.get(TEXT) < pb ? sizeHolds : sizeFails).add(item);
        }
        if (!pbs.isEmpty()) {
            md.append("**Size** (\"binary is larger\"): holds on ").append(sizeHolds.size()).append(" of ").append(mains.size())
              .append(" workloads").append(sizeHolds.isEmpty() ? "" : ": " + String.join("; ", sizeHolds)).append(". ")
              .append("It does not hold on ").append(sizeFails.isEmpty() ? "any" : String.join("; ", sizeFails)).append(".\n\n");
            for (String op : List.of("decode", "encode")) {
                for (String textSide : List.of(TEXT, PY4J)) {
                    List<String> holds = new ArrayList<>();
                    List<String> fails = new ArrayList<>();
                    for (String w : mains) {
                        Row t = find("CodecBench", op, textSide, w);
                        Row best = null;
                        for (String pb : pbs) {
                            Row r = find("CodecBench", op, pb, w);
                            if (r != null && (best == null || r.median < best.median)) {
                                best = r;
                            }
                        }
                        if (t == null || best == null) {
                            continue;
                        }
                        String item = String.format(Locale.ROOT, "%s (%s %s, %s %s: %.2fx)", w, textSide, ns(t.median),
                                best.contender, ns(best.median), best.median / t.median);
                        (t.median < best.median ? holds : fails).add(item);
                    }
                    if (holds.isEmpty() && fails.isEmpty()) {
                        continue;
                    }
                    md.append("**Time, ").append(op).append(", ").append(textSide.equals(TEXT) ? "codec-text" : "py4j's own Java code")
                      .append(" vs the fastest protobuf contender** (\"binary is slower\"): holds on ").append(holds.size()).append(" of ")
                      .append(holds.size() + fails.size()).append(" workloads")
                      .append(holds.isEmpty() ? "" : ": " + String.join("; ", holds)).append(". Flips (protobuf faster) on ")
                      .append(fails.isEmpty() ? "none" : String.join("; ", fails)).append(".\n\n");
                }
            }
        }
        // codec-text vs py4j, always available
        for (String op : List.of("decode", "encode")) {
            List<String> items = new ArrayList<>();
            for (String w : mains) {
                Row t = find("CodecBench", op, TEXT, w);
                Row p = find("CodecBench", op, PY4J, w);
                if (t != null && p != null) {
                    items.add(String.format(Locale.ROOT, "%s %.1fx", w, p.median / t.median));
                }
            }
            if (!items.isEmpty()) {
                md.append("**codec-text vs py4j's own Java code, ").append(op).append("** (py4j time / codec-text time): ")
                  .append(String.join(", ", items)).append(".\n\n");
            }
        }
    }

    private static double pct(double a, double b) {
        return (a - b) * 100.0 / b;
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

    // ---- tables -------------------------------------------------------------------------------

    private void sizesSection(StringBuilder md, List<String> mains, List<String> cs) {
        md.append("## Size on the wire\n\n");
        md.append("`text` is what the real writing peer sends (Python for commands, Java for answers); the py4j column is what ")
          .append("py4j's Java code writes for the same model (Java formatting). Ratios are to `text`.\n\n");
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
            Workload wl = workloads.get(w);
            Map<String, Integer> s = sizes(wl);
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
        md.append('\n');
    }

    private void timeTable(StringBuilder md, String op, List<String> mains, List<String> cs) {
        md.append("## ").append(op).append(": time and allocation per workload\n\n");
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
            int n = workloads.get(w).messages().size();
            md.append("| ").append(w).append(" |");
            Row t = find("CodecBench", op, TEXT, w);
            for (String c : cs) {
                Row r = find("CodecBench", op, c, w);
                if (r == null) {
                    md.append(" - | - |");
                } else {
                    md.append(' ').append(ns(r.median)).append(" ± ").append(ns(r.error));
                    if (n > 1) {
                        md.append(" (").append(ns(r.median / n)).append("/msg)");
                    }
                    md.append(" | ").append(bytes(r.bytesPerOp)).append(" |");
                }
            }
            for (String c : cs) {
                if (!c.equals(TEXT)) {
                    Row r = find("CodecBench", op, c, w);
                    md.append(r == null || t == null ? " - |" : String.format(Locale.ROOT, " %.2f |", r.median / t.median));
                }
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void floors(StringBuilder md) {
        List<Row> bs = rows.stream().filter(r -> r.bench.equals("BaselineBench") || r.bench.equals("EscapeBench")).toList();
        if (bs.isEmpty()) {
            return;
        }
        md.append("## Floors: moving the same bytes\n\n");
        md.append("| benchmark | workload | ns/op | B/op |\n|---|---|---:|---:|\n");
        for (Row r : bs) {
            md.append("| ").append(r.bench).append('.').append(r.op).append(" | ")
              .append(r.workload == null ? "strings-10k, first string (escaped part)" : r.workload).append(" | ")
              .append(ns(r.median)).append(" ± ").append(ns(r.error)).append(" | ").append(bytes(r.bytesPerOp)).append(" |\n");
        }
        md.append('\n');
    }

    /** The codec-text targets of the issue, checked against this run. */
    private void targets(StringBuilder md) {
        md.append("## codec-text targets (checked against this run)\n\n");
        md.append("| target | measured | met? |\n|---|---|---|\n");
        List<String> pbs = new ArrayList<>(binaries());
        if (contenders().contains(PB_PARSE)) {
            pbs.add(PB_PARSE);
        }
        target(md, "decode pyspark-mix >= 3x faster than py4j", ratio("decode", PY4J, "pyspark-mix"), 3.0);
        for (String pb : pbs) {
            target(md, "decode pyspark-mix faster than " + pb, ratio("decode", pb, "pyspark-mix"), 1.0);
        }
        Row ta = find("CodecBench", "decode", TEXT, "pyspark-mix");
        Row pa = find("CodecBench", "decode", PY4J, "pyspark-mix");
        if (ta != null && pa != null) {
            double r = ta.bytesPerOp / pa.bytesPerOp;
            md.append(String.format(Locale.ROOT, "| decode pyspark-mix allocates <= half of py4j | %s vs %s (%.2f) | %s |%n",
                    bytes(ta.bytesPerOp), bytes(pa.bytesPerOp), r, r <= 0.5 ? "yes" : "**no**"));
        }
        target(md, "encode pyspark-mix >= 3x faster than py4j", ratio("encode", PY4J, "pyspark-mix"), 3.0);
        for (String pb : pbs) {
            target(md, "encode pyspark-mix at least as fast as " + pb, ratio("encode", pb, "pyspark-mix"), 1.0);
        }
        Row scan = find("EscapeBench", "scan", null, null);
        for (String op : List.of("escape", "unescape")) {
            Row r = find("EscapeBench", op, null, null);
            if (r != null && scan != null) {
                double x = r.median / scan.median;
                md.append(String.format(Locale.ROOT, "| %s of a 10 KiB string within 3x of a byte scan | %s vs %s (%.1fx) | %s |%n",
                        op, ns(r.median), ns(scan.median), x, x <= 3 ? "yes" : "**no**"));
            }
        }
        for (String w : List.of("doubles-100", "longs-100", "bytes-64k")) {
            for (String op : List.of("decode", "encode")) {
                target(md, op + " " + w + " >= 3x faster than py4j", ratio(op, PY4J, w), 3.0);
            }
        }
        md.append('\n');
    }

    /** other's median / text's median for an op and workload, or NaN. */
    double ratio(String op, String other, String workload) {
        Row t = find("CodecBench", op, TEXT, workload);
        Row o = find("CodecBench", op, other, workload);
        return t == null || o == null ? Double.NaN : o.median / t.median;
    }

    private static void target(StringBuilder md, String what, double ratio, double need) {
        if (Double.isNaN(ratio)) {
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %.2fx | %s |%n", what, ratio, ratio >= need ? "yes" : "**no**"));
    }

    // ---- sweeps -----------------------------------------------------------------------------------

    private void sweeps(StringBuilder md, Path dir, List<String> cs, List<String> pbs) throws IOException {
        boolean any = rows.stream().anyMatch(r -> r.workload != null && workloads.containsKey(r.workload) && workloads.get(r.workload).isSweep());
        if (!any) {
            return;
        }
        md.append("## Crossover sweeps\n\n");
        for (Map.Entry<String, int[]> e : Workloads.SWEEPS.entrySet()) {
            String sweep = e.getKey();
            List<Integer> xs = new ArrayList<>();
            for (int x : e.getValue()) {
                if (rows.stream().anyMatch(r -> (sweep + "-" + x).equals(r.workload))) {
                    xs.add(x);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String title = Workloads.SWEEP_TITLES.get(sweep);
            md.append("### ").append(sweep).append(": ").append(title).append("\n\n");
            String[] labels = xs.stream().map(String::valueOf).toArray(String[]::new);
            for (String op : ops(w -> w != null && w.startsWith(sweep + "-"))) {
                Map<String, double[]> series = new LinkedHashMap<>();
                for (String c : cs) {
                    double[] ys = new double[xs.size()];
                    for (int i = 0; i < xs.size(); i++) {
                        Row r = find("CodecBench", op, c, sweep + "-" + xs.get(i));
                        ys[i] = r == null ? Double.NaN : r.median;
                    }
                    if (hasData(ys)) {
                        series.put(c, ys);
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
                    Map<String, Integer> s = sizes(workloads.get(sweep + "-" + xs.get(i)));
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
                        md.append("- ").append(op).append(", ").append(crossover(xs, series.get(TEXT), series.get(pb), "codec-text", pb)).append('\n');
                    }
                    if (hasData(series.get(PY4J))) {
                        md.append("- ").append(op).append(", ").append(crossover(xs, series.get(PY4J), series.get(pb), "py4j", pb)).append('\n');
                    }
                }
                if (pbs.isEmpty() && series.containsKey(PY4J)) {
                    md.append("- ").append(op).append(", ").append(crossover(xs, series.get(TEXT), series.get(PY4J), "codec-text", "py4j")).append('\n');
                }
                md.append('\n');
            }
            if (!pbs.isEmpty()) {
                double[] t = new double[xs.size()];
                double[] p = new double[xs.size()];
                for (int i = 0; i < xs.size(); i++) {
                    Map<String, Integer> s = sizes(workloads.get(sweep + "-" + xs.get(i)));
                    t[i] = s.get(TEXT);
                    p[i] = s.get(pbs.get(0));
                }
                md.append("- size, ").append(crossover(xs, t, p, "text", "protobuf").replace("faster", "smaller")).append("\n\n");
            }
        }
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

    /** Where {@code a} stops (or starts) beating {@code b} along the sweep: "a faster up to N, b from M". */
    static String crossover(List<Integer> xs, double[] a, double[] b, String an, String bn) {
        StringBuilder s = new StringBuilder();
        Boolean prev = null;
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= xs.size(); i++) {
            Boolean aWins = null;
            if (i < xs.size()) {
                if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                    continue;
                }
                aWins = a[i] < b[i];
            }
            if (prev != null && (aWins == null || !aWins.equals(prev))) {
                String who = prev ? an : bn;
                int x0 = xs.get(start);
                int x1 = xs.get(lastBefore(xs, a, b, i));
                segments.add(who + (x0 == x1 ? " at N=" + x0 : " for N=" + x0 + ".." + x1));
                start = i;
            }
            if (prev == null) {
                start = i;
            }
            prev = aWins;
        }
        if (segments.isEmpty()) {
            return an + " vs " + bn + ": no points";
        }
        s.append(an).append(" vs ").append(bn).append(": ");
        if (segments.size() == 1) {
            s.append(segments.get(0)).append(" faster at every measured point");
        } else {
            s.append("faster is ").append(String.join(", then ", segments));
        }
        double[] ratios = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            ratios[i] = b[i] / a[i];
        }
        s.append(" (").append(bn).append('/').append(an).append(": ");
        List<String> rs = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (!Double.isNaN(ratios[i])) {
                rs.add(String.format(Locale.ROOT, "%.2f at %d", ratios[i], xs.get(i)));
            }
        }
        s.append(String.join(", ", rs)).append(')');
        return s.toString();
    }

    private static int lastBefore(List<Integer> xs, double[] a, double[] b, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (!Double.isNaN(a[k]) && !Double.isNaN(b[k])) {
                return k;
            }
        }
        return 0;
    }

    private void workloadsSection(StringBuilder md, List<String> mains) {
        md.append("## Workloads\n\n");
        md.append("Shipped as data in `codec-bench/src/main/resources/io/py4jcodec/bench/workloads/` (see its README.md): ")
          .append("the exact bytes the writing peer sends. One operation = every message of the workload.\n\n");
        md.append("| workload | direction | what |\n|---|---|---|\n");
        for (String w : mains) {
            Workload wl = workloads.get(w);
            md.append("| ").append(w).append(" | ").append(wl.direction() == Direction.COMMANDS ? "Python -> Java" : "Java -> Python")
              .append(" | ").append(wl.title()).append(" |\n");
        }
        md.append('\n');
        md.append("Reproduce: `java -jar codec-bench/target/py4j-codec-bench.jar` (short; `py4j-codec compare` where codec-cli ")
          .append("registers it) or add `--full`; rebuild this file from `jmh.json` with `--report-only --out <this folder>`.\n");
    }

    static String join(double[] xs) {
        return Arrays.toString(xs);
    }
}
