package io.py4jcodec.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python leg's result ({@code python.json}, written by {@code python_leg.py}) as the report reads
 * it; {@link #NONE} when the run had no Python leg.
 *
 * <pre>{@code
 * PythonResults py = PythonResults.load(dir);
 * PythonResults.Timing t = py.timing("pyspark-mix", "encode", "py4j");   // null where not measured
 * }</pre>
 */
public final class PythonResults {
    /** The file name in a report folder. */
    public static final String FILE = "python.json";
    /** No Python leg. */
    public static final PythonResults NONE = new PythonResults(new ObjectMapper().createObjectNode());

    /** One contender's times on one workload and operation: ns per whole workload over the rounds. */
    public record Timing(String workload, String op, String contender, int messages, double median, double p25,
                         double p75, double min, double max, int rounds) {
    }

    private final JsonNode root;
    private final List<Timing> timings = new ArrayList<>();

    public PythonResults(JsonNode root) {
        this.root = root;
        for (JsonNode w : root.path("workloads")) {
            for (JsonNode r : w.path("results")) {
                timings.add(new Timing(w.path("workload").asText(), r.path("op").asText(), r.path("contender").asText(),
                        r.path("messages").asInt(), r.path("median_ns").asDouble(), r.path("p25_ns").asDouble(),
                        r.path("p75_ns").asDouble(), r.path("min_ns").asDouble(), r.path("max_ns").asDouble(),
                        r.path("rounds").asInt()));
            }
        }
    }

    /** The Python result in {@code dir}, or {@link #NONE}. */
    public static PythonResults load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        return Files.exists(f) ? new PythonResults(new ObjectMapper().readTree(f.toFile())) : NONE;
    }

    /** Whether the run had a Python leg. */
    public boolean present() {
        return root.has("workloads");
    }

    /** The whole JSON (interpreter, py4j and protobuf versions and backend, settings, load averages). */
    public JsonNode root() {
        return root;
    }

    public List<Timing> timings() {
        return timings;
    }

    /** One timing, or null. */
    public Timing timing(String workload, String op, String contender) {
        for (Timing t : timings) {
            if (t.workload().equals(workload) && t.op().equals(op) && t.contender().equals(contender)) {
                return t;
            }
        }
        return null;
    }

    /** The bytes a Python contender ({@code py4j} or {@code protobuf}) wrote or read for a workload, or -1. */
    public int size(String workload, String contender) {
        for (JsonNode w : root.path("workloads")) {
            if (w.path("workload").asText().equals(workload)) {
                return w.path("sizes").path(contender).asInt(-1);
            }
        }
        return -1;
    }

    /** Whether any timing is on {@code workload}. */
    public boolean hasWorkload(String workload) {
        return timings.stream().anyMatch(t -> t.workload().equals(workload));
    }
}
