package io.py4jcodec.gateway;

import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.testkit.scenario.Py4jGatewayServer;
import io.py4jcodec.testkit.scenario.ScenarioResults;
import io.py4jcodec.testkit.scenario.ScenarioSuite;
import org.junit.jupiter.api.Test;

/**
 * The real-Python-client scenario suite (codec-testkit) against py4j's own GatewayServer and against
 * ours in the same run: every scenario passes on ours, and what the Python client observes is the
 * same as under py4j, with auth and without.
 */
class ScenarioSuiteTest {

    @Test
    void sameObservableResultsAsPy4jWithAuth() throws Exception {
        PythonPeer.require();
        String token = ScenarioSuite.newToken();
        ScenarioResults py4j = ScenarioSuite.gatewayServer().run(new Py4jGatewayServer(), token);
        ScenarioResults ours = ScenarioSuite.gatewayServer().run(new CodecGatewayUnderTest(), token);
        py4j.assertPassed();
        ours.assertPassed();
        ScenarioSuite.assertSameObservableResults(py4j, ours);
    }

    @Test
    void sameObservableResultsAsPy4jWithoutAuth() throws Exception {
        PythonPeer.require();
        ScenarioSuite suite = ScenarioSuite.gatewayServer().only("values", "callbacks", "auth", "shutdown");
        ScenarioResults py4j = suite.run(new Py4jGatewayServer(), null);
        ScenarioResults ours = suite.run(new CodecGatewayUnderTest(), null);
        ours.assertPassed();
        ScenarioSuite.assertSameObservableResults(py4j, ours);
    }
}
