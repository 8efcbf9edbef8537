package io.py4jcodec.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what legitimately differs between two correct gateways out of the scenario script's
 * observations, so that what remains must be equal. Each rule, and why it is not semantics:
 * <ul>
 *   <li><b>Object ids</b> ({@code o12} in {@code repr(obj)} and in "An error occurred while calling
 *       o12.foo"): a counter of objects the gateway has bound so far; py4j's Python never interprets
 *       one, and a gateway is free to number differently. Becomes {@code o#}.</li>
 *   <li><b>Identity hash codes</b> ({@code java.lang.Object@1b6d3586}): differ from run to run even on
 *       the same gateway. Becomes {@code @#}.</li>
 *   <li><b>Stack frames outside the fixture package</b>: a Java stack trace below the user's method is
 *       the gateway's own call path (py4j's {@code GatewayConnection.run}, or ours) and the JDK's
 *       reflection frames; a gateway may also report an error of its own (no such method) with fewer
 *       or no frames. Frames of {@code io.py4jcodec.testkit.scenario} (the user's code) are kept with
 *       their line numbers (the same classes run under every gateway); other frames are dropped, and
 *       {@code ... N more} becomes {@code ... more} (N counts frames shared with the enclosing trace,
 *       which again are the gateway's).</li>
 *   <li><b>Where the script was run from</b> ({@code File "/tmp/py4j-scenarios123/py4j_scenarios.py"} in a
 *       Python traceback that a callback failure carries to Java and back): a temporary folder per run.
 *       Becomes {@code File "py4j_scenarios.py"}.</li>
 * </ul>
 * Nothing else is touched: values, Python types, exception types and message texts must match.
 */
public final class ObservableNormaliser {
    private static final String USER_FRAME = "\tat " + ScenarioEntryPoint.class.getPackageName() + ".";
    private static final Pattern OBJECT_ID = Pattern.compile("\\bo\\d+\\b");
    private static final Pattern IDENTITY_HASH = Pattern.compile("@[0-9a-f]{1,8}\\b");
    private static final Pattern SCRIPT_PATH = Pattern.compile("File \"[^\"\n]*[/\\\\]" + Pattern.quote(ScenarioSuite.SCRIPT_RESOURCE) + "\"");
    private static final Pattern MORE_FRAMES = Pattern.compile("^\\t\\.\\.\\. \\d+ more$");

    private ObservableNormaliser() {
    }

    /** A normalised copy of {@code node} (every string in it rewritten; structure unchanged). */
    public static JsonNode normalise(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(normalise(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(e -> out.add(normalise(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), normalise(e.getValue()));
            }
            return out;
        }
        return node;
    }

    /** One string with the rules applied. */
    public static String normalise(String s) {
        String t = s.contains("\tat ") || s.contains("\t... ") ? frames(s) : s;
        t = SCRIPT_PATH.matcher(t).replaceAll(Matcher.quoteReplacement("File \"" + ScenarioSuite.SCRIPT_RESOURCE + "\""));
        t = OBJECT_ID.matcher(t).replaceAll("o#");
        return IDENTITY_HASH.matcher(t).replaceAll("@#");
    }

    private static String frames(String s) {
        String[] lines = s.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            if (line.startsWith("\tat ") && !line.startsWith(USER_FRAME)) {
                continue;
            }
            out.add(MORE_FRAMES.matcher(line).matches() ? "\t... more" : line);
        }
        return String.join("\n", out);
    }
}
