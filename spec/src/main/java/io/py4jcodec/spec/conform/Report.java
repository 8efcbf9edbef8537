package io.py4jcodec.spec.conform;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcome of a conformance run: one result per vector, printed as a pass/fail table. */
public final class Report {
    /** One vector's outcome; {@code detail} says what differed. */
    public record Result(String kind, String category, String id, boolean passed, String detail) {
    }

    private final String target;
    private final List<Result> results = new ArrayList<>();

    public Report(String target) {
        this.target = target;
    }

    public void add(Result r) {
        results.add(r);
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(Result::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0 && !results.isEmpty();
    }

    /** The table (one row per kind/category), then each failure with its detail (at most {@code maxFailures}). */
    public void print(PrintWriter out, int maxFailures) {
        Map<String, long[]> rows = new TreeMap<>();
        for (Result r : results) {
            long[] c = rows.computeIfAbsent(r.kind() + "/" + r.category(), k -> new long[2]);
            c[r.passed() ? 0 : 1]++;
        }
        int w = Math.max(8, rows.keySet().stream().mapToInt(String::length).max().orElse(8));
        out.println("conformance: " + target);
        out.printf("%-" + w + "s %6s %6s %6s  %s%n", "vectors", "total", "pass", "fail", "");
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            long[] c = e.getValue();
            out.printf("%-" + w + "s %6d %6d %6d  %s%n", e.getKey(), c[0] + c[1], c[0], c[1], c[1] == 0 ? "PASS" : "FAIL");
        }
        out.printf("%-" + w + "s %6d %6d %6d  %s%n", "all", results.size(), passed(), failed(), allPassed() ? "PASS" : "FAIL");
        int shown = 0;
        for (Result r : results) {
            if (!r.passed() && shown++ < maxFailures) {
                out.println("FAIL " + r.kind() + "/" + r.category() + "/" + r.id() + ": " + r.detail());
            }
        }
        if (shown > maxFailures) {
            out.println("... and " + (shown - maxFailures) + " more failures");
        }
        out.flush();
    }
}
