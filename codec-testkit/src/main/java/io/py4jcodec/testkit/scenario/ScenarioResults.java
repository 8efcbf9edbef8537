package io.py4jcodec.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the scenario script observed against one gateway: per scenario, its normalised
 * observations ({@link ObservableNormaliser}) and the script's failed checks, plus how the run ended.
 *
 * <pre>{@code
 * ScenarioResults py4j = suite.run(new Py4jGatewayServer(), token);
 * py4j.assertPassed();
 * ScenarioSuite.assertSameObservableResults(py4j, suite.run(ours, token));
 * }</pre>
 *
 * @param gateway   the gateway's name, for messages
 * @param expected  the scenarios the run asked for, in order
 * @param observed  scenario name to its normalised observations (key to outcome), in run order
 * @param failures  scenario name to the script's checks that did not hold (empty lists included)
 * @param completed whether the script reached its end (printed {@code done}) within the time bound
 * @param exitCode  the script's exit code, or -1 when it was killed at the time bound
 * @param stderr    the end of the script's standard error (at most {@link ScenarioSuite#STDERR_KEPT} chars)
 */
public record ScenarioResults(String gateway, List<String> expected, Map<String, JsonNode> observed,
                              Map<String, List<String>> failures, boolean completed, int exitCode, String stderr) {
    public ScenarioResults {
        expected = List.copyOf(expected);
        observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        Map<String, List<String>> f = new LinkedHashMap<>();
        failures.forEach((k, v) -> f.put(k, List.copyOf(v)));
        failures = Collections.unmodifiableMap(f);
    }

    /** Every problem with this run: missing scenarios, failed checks, an unfinished or failed script. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!completed) {
            p.add("the script did not complete (exit " + exitCode + "); last scenario reported: "
                    + (observed.isEmpty() ? "none" : List.copyOf(observed.keySet()).get(observed.size() - 1)));
        } else if (exitCode != 0) {
            p.add("the script exited with " + exitCode);
        }
        for (String s : expected) {
            if (!observed.containsKey(s)) {
                p.add(s + ": not reported");
            }
        }
        failures.forEach((s, list) -> list.forEach(f -> p.add(s + ": " + f)));
        return p;
    }

    /** Fails with every {@link #problems() problem} (and the script's stderr) unless there are none. */
    public void assertPassed() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new AssertionError("scenario suite against " + gateway + ": " + p.size() + " problem(s)\n  "
                    + String.join("\n  ", p) + (stderr.isEmpty() ? "" : "\n--- python stderr (end) ---\n" + stderr));
        }
    }
}
