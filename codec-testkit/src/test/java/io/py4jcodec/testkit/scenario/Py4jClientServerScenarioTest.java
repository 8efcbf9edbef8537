package io.py4jcodec.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.testkit.PythonPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario suite in ClientServer mode against py4j's own ClientServer, with the pinned-thread
 * scenarios (callbacks nested 10 deep, 16 Python threads with their own callbacks, a Java thread Python
 * did not start, a Python thread ending while Java holds its objects, auth refused in both directions).
 */
class Py4jClientServerScenarioTest {

    @Test
    void everyScenarioPassesAgainstPy4jWithAuthAndTwoRunsObserveTheSame() throws Exception {
        PythonPeer.require();
        ScenarioResults first = ScenarioSuite.clientServer().run(new Py4jClientServer(), ScenarioSuite.newToken());
        first.assertPassed();
        assertEquals(ScenarioSuite.CLIENT_SERVER_SCENARIOS, List.copyOf(first.observed().keySet()));
        ScenarioResults second = ScenarioSuite.clientServer().run(new Py4jClientServer(), ScenarioSuite.newToken());
        ScenarioSuite.assertSameObservableResults(first, second);
    }

    @Test
    void withoutAuth() throws Exception {
        PythonPeer.require();
        ScenarioResults r = ScenarioSuite.clientServer().only("callbacks", "pinned_threads", "auth", "shutdown")
                .run(new Py4jClientServer(), null);
        r.assertPassed();
    }
}
