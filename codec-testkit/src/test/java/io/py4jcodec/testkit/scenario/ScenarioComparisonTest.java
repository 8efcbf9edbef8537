package io.py4jcodec.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison must see every difference a gateway could make, and nothing else. */
class ScenarioComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScenarioResults results(String name, String... scenarioAndObserved) throws Exception {
        Map<String, JsonNode> observed = new LinkedHashMap<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (int i = 0; i < scenarioAndObserved.length; i += 2) {
            observed.put(scenarioAndObserved[i], ObservableNormaliser.normalise(JSON.readTree(scenarioAndObserved[i + 1])));
            failures.put(scenarioAndObserved[i], List.of());
        }
        return new ScenarioResults(name, List.copyOf(observed.keySet()), observed, failures, true, 0, "");
    }

    @Test
    void sameObservationsInAnotherKeyOrderAndWithOtherIdsAreTheSame() throws Exception {
        ScenarioResults a = results("a", "values", "{\"x\": {\"value\": [\"int\", \"1\"]}, \"repr\": {\"value\": [\"str\", \"JavaObject id=o12\"]}}");
        ScenarioResults b = results("b", "values", "{\"repr\": {\"value\": [\"str\", \"JavaObject id=o7\"]}, \"x\": {\"value\": [\"int\", \"1\"]}}");
        ScenarioSuite.assertSameObservableResults(a, b);
    }

    @Test
    void aDifferentValueTypeMissingKeyOrScenarioIsReported() throws Exception {
        ScenarioResults a = results("py4j", "values", "{\"x\": {\"value\": [\"int\", \"1\"]}, \"y\": {\"value\": null}}",
                "shutdown", "{}");
        ScenarioResults b = results("ours", "values", "{\"x\": {\"value\": [\"float\", \"1.0\"]}, \"z\": {\"value\": null}}");
        List<String> d = ScenarioSuite.differences(a, b);
        assertEquals(4, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("shutdown: reported only by py4j"), d.get(0));
        assertTrue(d.get(1).startsWith("values / x: expected {\"value\":[\"int\",\"1\"]} but was {\"value\":[\"float\""), d.get(1));
        AssertionError e = assertThrows(AssertionError.class, () -> ScenarioSuite.assertSameObservableResults(a, b));
        assertTrue(e.getMessage().startsWith("ours differs from py4j in 4 observation(s)"), e.getMessage());
    }

    @Test
    void listedDeviationsAreExcusedAndMustOccur() throws Exception {
        ScenarioResults a = results("py4j", "auth", "{\"x\": {\"value\": [\"str\", \"failed\"]}, \"y\": {\"value\": null}}");
        ScenarioResults b = results("ours", "auth", "{\"x\": {\"value\": [\"str\", \"ok\"]}, \"y\": {\"value\": null}}");
        ScenarioSuite.assertSameObservableResults(a, b, Map.of("auth / x", "py4j drops the token"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> ScenarioSuite.assertSameObservableResults(a, b, Map.of("auth / x", "why", "auth / y", "stale")));
        assertTrue(e.getMessage().contains("auth / y: listed as a deviation (stale) but observed the same as py4j"), e.getMessage());
    }

    @Test
    void anIncompleteRunIsAProblem() {
        ScenarioResults r = new ScenarioResults("g", List.of("values", "shutdown"), Map.of(), Map.of(), false, -1, "boom");
        assertEquals(List.of("the script did not complete (exit -1); last scenario reported: none",
                "values: not reported", "shutdown: not reported"), r.problems());
        assertThrows(AssertionError.class, r::assertPassed);
    }
}
