package io.py4jcodec.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.testkit.PythonPeer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario suite against py4j's own GatewayServer: the script's checks (what py4j documents and
 * does) must all hold there, and two runs must observe the same after normalisation, or the suite could
 * not hold another gateway to py4j's results.
 */
class Py4jGatewayServerScenarioTest {

    @Test
    void everyScenarioPassesAgainstPy4jWithAuthAndTwoRunsObserveTheSame() throws Exception {
        PythonPeer.require();
        ScenarioResults first = ScenarioSuite.gatewayServer().run(new Py4jGatewayServer(), ScenarioSuite.newToken());
        first.assertPassed();
        assertEquals(ScenarioSuite.GATEWAY_SERVER_SCENARIOS, List.copyOf(first.observed().keySet()));
        ScenarioResults second = ScenarioSuite.gatewayServer().run(new Py4jGatewayServer(), ScenarioSuite.newToken());
        ScenarioSuite.assertSameObservableResults(first, second);
    }

    @Test
    void withoutAuth() throws Exception {
        PythonPeer.require();
        ScenarioResults r = ScenarioSuite.gatewayServer().only("values", "callbacks", "auth", "shutdown")
                .run(new Py4jGatewayServer(), null);
        r.assertPassed();
        assertEquals(List.of("values", "callbacks", "auth", "shutdown"), List.copyOf(r.observed().keySet()));
    }
}
