package io.py4jcodec.fuzz.net;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distinct findings of a campaign (one per signature: outcome, command kind, mutation), their
 * counts, their reproducers, and the reports: a summary table on the terminal, {@code report.md}
 * and {@code report.json} for CI. Thread-safe.
 */
public final class Findings {
    /** One distinct finding. */
    public static final class Finding {
        final String signature;
        final Outcome outcome;
        final int firstCase;
        int count;
        Path reproducer;
        String detail;
        byte[] minimized;

        Finding(String signature, Outcome outcome, int firstCase) {
            this.signature = signature;
            this.outcome = outcome;
            this.firstCase = firstCase;
        }

        public String signature() {
            return signature;
        }

        public Outcome outcome() {
            return outcome;
        }

        public int count() {
            return count;
        }

        public Path reproducer() {
            return reproducer;
        }

        public String detail() {
            return detail;
        }

        public byte[] minimized() {
            return minimized;
        }
    }

    private final Map<String, Finding> bySignature = new LinkedHashMap<>();
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private int cases;
    private int skipped;

    /** Counts one case's outcome; returns the new finding if this signature is new, else null. */
    public synchronized Finding record(Outcome outcome, String signature, int caseIndex) {
        cases++;
        outcomes.merge(outcome, 1, Integer::sum);
        if (outcome == Outcome.OK) {
            return null;
        }
        Finding f = bySignature.get(signature);
        if (f != null) {
            f.count++;
            return null;
        }
        f = new Finding(signature, outcome, caseIndex);
        f.count = 1;
        bySignature.put(signature, f);
        return f;
    }

    /** The finding of a signature, or null. */
    public synchronized Finding get(String signature) {
        return bySignature.get(signature);
    }

    /** Counts a case that was not run (it could have shut the peer down). */
    public synchronized void skip() {
        skipped++;
    }

    /** Attaches the minimized reproducer to a finding. */
    public synchronized void attach(Finding f, Path reproducer, byte[] minimized, String detail) {
        f.reproducer = reproducer;
        f.minimized = minimized;
        f.detail = detail;
    }

    public synchronized List<Finding> all() {
        return new ArrayList<>(bySignature.values());
    }

    public synchronized int cases() {
        return cases;
    }

    public synchronized int skipped() {
        return skipped;
    }

    public synchronized Map<Outcome, Integer> outcomes() {
        return new EnumMap<>(outcomes);
    }

    /** The summary table, for the terminal. */
    public synchronized void printSummary(PrintStream out, String title, Duration took) {
        out.printf(Locale.ROOT, "%n%s: %d cases (%d skipped) in %.1f s, %d distinct findings%n", title, cases, skipped,
                took.toMillis() / 1000.0, bySignature.size());
        out.printf(Locale.ROOT, "%-12s %8s%n", "outcome", "cases");
        for (Map.Entry<Outcome, Integer> e : outcomes.entrySet()) {
            out.printf(Locale.ROOT, "%-12s %8d%n", e.getKey(), e.getValue());
        }
        if (!bySignature.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-6s %-60s %s%n", "count", "finding", "reproducer");
            for (Finding f : bySignature.values()) {
                out.printf(Locale.ROOT, "%6d %-60s %s%n", f.count, f.signature,
                        f.reproducer == null ? "-" : f.reproducer.getFileName());
            }
        }
    }

    /** Writes {@code report.md} and {@code report.json} into {@code dir}. */
    public synchronized void writeReports(Path dir, String title, Map<String, String> settings, Duration took) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (Map.Entry<String, String> s : settings.entrySet()) {
            md.append("- ").append(s.getKey()).append(": `").append(s.getValue()).append("`\n");
        }
        md.append(String.format(Locale.ROOT, "- cases: %d (skipped %d), %.1f s, distinct findings: %d%n%n", cases, skipped,
                took.toMillis() / 1000.0, bySignature.size()));
        md.append("| outcome | cases |\n|---|---|\n");
        outcomes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Root-cause groups (signature: outcome, command kind, where it broke; most cases first)\n\n"
                + "| count | finding | reproducer (smallest seen) | detail |\n|---|---|---|---|\n");
        List<Finding> groups = new ArrayList<>(bySignature.values());
        groups.sort((a, b) -> Integer.compare(b.count, a.count));
        for (Finding f : groups) {
            md.append("| ").append(f.count).append(" | `").append(f.signature).append("` | ")
                    .append(f.reproducer == null ? "-" : "`" + f.reproducer.getFileName() + "`").append(" | ")
                    .append(f.detail == null ? "" : Reproducer.oneLine(f.detail).replace("|", "\\|")).append(" |\n");
        }
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);

        StringBuilder js = new StringBuilder("{\n  \"title\": ").append(json(title)).append(",\n  \"settings\": {");
        String sep = "";
        for (Map.Entry<String, String> s : settings.entrySet()) {
            js.append(sep).append("\n    ").append(json(s.getKey())).append(": ").append(json(s.getValue()));
            sep = ",";
        }
        js.append("\n  },\n  \"cases\": ").append(cases).append(",\n  \"skipped\": ").append(skipped)
                .append(",\n  \"seconds\": ").append(took.toMillis() / 1000.0).append(",\n  \"outcomes\": {");
        sep = "";
        for (Map.Entry<Outcome, Integer> e : outcomes.entrySet()) {
            js.append(sep).append("\n    ").append(json(e.getKey().name())).append(": ").append(e.getValue());
            sep = ",";
        }
        js.append("\n  },\n  \"findings\": [");
        sep = "";
        for (Finding f : bySignature.values()) {
            js.append(sep).append("\n    {\"signature\": ").append(json(f.signature)).append(", \"outcome\": ")
                    .append(json(f.outcome.name())).append(", \"count\": ").append(f.count).append(", \"firstCase\": ")
                    .append(f.firstCase).append(", \"reproducer\": ")
                    .append(f.reproducer == null ? "null" : json(f.reproducer.getFileName().toString()))
                    .append(", \"detail\": ").append(json(f.detail == null ? "" : f.detail)).append('}');
            sep = ",";
        }
        js.append("\n  ]\n}\n");
        Files.writeString(dir.resolve("report.json"), js, StandardCharsets.UTF_8);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
