package io.py4jcodec.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.py4jcodec.bench.Contenders;
import io.py4jcodec.bench.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A JMH JSON result as the report reads it: one {@link Row} per benchmark, with the median of every
 * measured iteration, and the run's settings ({@link #meta()}). Loading only: no verdicts, no text.
 *
 * <pre>{@code
 * JmhResults r = JmhResults.load(Path.of("compare-report/jmh.json"));
 * double ns = r.find("CodecBench", "decode", "text", "pyspark-mix").median();
 * }</pre>
 */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The codec-text contender. */
    public static final String TEXT = "text";
    /** py4j's own Java code. */
    public static final String PY4J = "py4j";
    /** protobuf's generated parser alone: a reference point, not a codec producing the model. */
    public static final String PB_PARSE = "pb-parse";
    /** codec-binary's hand-written protobuf codec: the fastest one that produces the model. */
    public static final String PB_DIRECT = "pb-direct";
    public static final String PB_FLOOR = "pb-floor";

    /** One benchmark result. {@code median} is the median of every measured iteration (all forks). */
    public record Row(String bench, String op, String contender, String workload, double score, double error,
                      double median, double bytesPerOp, String unit) {
    }

    private final List<Row> rows;
    private final JsonNode meta;

    public JmhResults(JsonNode results) {
        this.rows = rows(results);
        this.meta = results.size() > 0 ? results.get(0) : JSON.createObjectNode();
    }

    /** Reads a JMH JSON result file. */
    public static JmhResults load(Path json) throws IOException {
        return new JmhResults(JSON.readTree(json.toFile()));
    }

    /** Concatenates JMH JSON result arrays (missing parts are skipped). */
    public static void mergeJson(List<Path> parts, Path out) throws IOException {
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
            String[] parts = r.get("benchmark").asText().split("\\.");
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
            double alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
            out.add(new Row(bench, op, params.path("contender").asText(null), params.path("workload").asText(null),
                    pm.get("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN),
                    raw.isEmpty() ? pm.get("score").asDouble() : median(raw), alloc, pm.path("scoreUnit").asText()));
        }
        return out;
    }

    /** The median of {@code xs}, NaN when empty. */
    public static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Every row, in the order of the JSON. */
    public List<Row> rows() {
        return rows;
    }

    /** The first result's run settings (JDK, JMH version, forks, iterations, JVM flags). */
    public JsonNode meta() {
        return meta;
    }

    /** The row of one benchmark, or null; a null contender or workload matches a benchmark without that parameter. */
    public Row find(String bench, String op, String contender, String workload) {
        for (Row r : rows) {
            if (r.bench.equals(bench) && r.op.equals(op) && eq(r.contender, contender) && eq(r.workload, workload)) {
                return r;
            }
        }
        return null;
    }

    /** The {@code CodecBench} row of one contender on one workload, or null. */
    public Row codec(String op, String contender, String workload) {
        return find("CodecBench", op, contender, workload);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** The contenders with results, in the suite's order, then any unknown ones. */
    public List<String> contenders() {
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
    public List<String> binaries() {
        return contenders().stream().filter(c -> c.startsWith("pb") && !c.equals(PB_PARSE) && !c.equals(PB_FLOOR)).toList();
    }

    /** The codec operations measured on some workload {@code workload} accepts, in report order. */
    public List<String> ops(Predicate<String> workload) {
        List<String> ops = new ArrayList<>();
        for (String op : List.of("decode", "encode", "roundTrip")) {
            if (rows.stream().anyMatch(r -> r.bench.equals("CodecBench") && r.op.equals(op) && workload.test(r.workload))) {
                ops.add(op);
            }
        }
        return ops;
    }

    /** The main workloads with codec results, in report order. */
    public List<String> mainWorkloads() {
        return Workloads.mainNames().stream()
                .filter(w -> rows.stream().anyMatch(r -> w.equals(r.workload) && r.bench.equals("CodecBench"))).toList();
    }

    /** Whether any result is on a workload named {@code name}. */
    public boolean hasWorkload(String name) {
        return rows.stream().anyMatch(r -> name.equals(r.workload));
    }
}
