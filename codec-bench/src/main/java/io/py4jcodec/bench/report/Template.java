package io.py4jcodec.bench.report;

import io.py4jcodec.bench.Workloads;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's prose, read from one file ({@code report-template.md} beside this class): named blocks
 * with {@code {{key}}} holes. A block starts at a line {@code @@ name} and ends before the next
 * {@code @@} line, without its last newline; {@code @@ #} lines are comments.
 *
 * <pre>{@code
 * String s = Template.report().fill("verdict.speedup", Map.of("op", "decode", "items", "pyspark-mix 1.1x"));
 * }</pre>
 */
final class Template {
    private static final Template REPORT = parse(new String(
            Workloads.resource("/io/py4jcodec/bench/report/report-template.md"), StandardCharsets.UTF_8));

    private final Map<String, String> blocks;

    private Template(Map<String, String> blocks) {
        this.blocks = blocks;
    }

    /** The template of {@code report.md}. */
    static Template report() {
        return REPORT;
    }

    static Template parse(String text) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : (t + "\n@@ #end").split("\n", -1)) {
            if (line.startsWith("@@")) {
                if (name != null) {
                    body.setLength(Math.max(0, body.length() - 1));
                    blocks.put(name, body.toString());
                }
                String n = line.substring(2).trim();
                name = n.startsWith("#") ? null : n;
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        return new Template(blocks);
    }

    /** The block {@code name} as written. */
    String text(String name) {
        String b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("report template has no block " + name);
        }
        return b;
    }

    /** Whether there is a block {@code name}. */
    boolean has(String name) {
        return blocks.containsKey(name);
    }

    /** The block {@code name} with every {@code {{key}}} replaced by {@code values.get(key)}. */
    String fill(String name, Map<String, String> values) {
        String b = text(name);
        StringBuilder out = new StringBuilder(b.length() + 64);
        int i = 0;
        while (true) {
            int open = b.indexOf("{{", i);
            if (open < 0) {
                return out.append(b, i, b.length()).toString();
            }
            int close = b.indexOf("}}", open);
            String key = b.substring(open + 2, close);
            String v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("report template block " + name + " needs " + key);
            }
            out.append(b, i, open).append(v);
            i = close + 2;
        }
    }
}
