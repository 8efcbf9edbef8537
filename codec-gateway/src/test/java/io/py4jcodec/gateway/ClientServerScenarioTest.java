package io.py4jcodec.gateway;

import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.testkit.scenario.Py4jClientServer;
import io.py4jcodec.testkit.scenario.ScenarioResults;
import io.py4jcodec.testkit.scenario.ScenarioSuite;
import org.junit.jupiter.api.Test;

/**
 * ClientServer mode (pinned threads): the testkit's scenario suite, driven by the real Python
 * client's {@code ClientServer}, against py4j's ClientServer and ours in the same run, with the
 * same observable results (pinning, callbacks nested deep and from several threads, Java-started
 * calls into Python, ended Python threads, auth, shutdown).
 */
class ClientServerScenarioTest {

    @Test
    void sameObservableResultsAsPy4jWithAuth() throws Exception {
        PythonPeer.require();
        String token = ScenarioSuite.newToken();
        ScenarioResults py4j = ScenarioSuite.clientServer().run(new Py4jClientServer(), token);
        ScenarioResults ours = ScenarioSuite.clientServer().run(new CodecClientServerUnderTest(), token);
        py4j.assertPassed();
        ours.assertPassed();
        ScenarioSuite.assertSameObservableResults(py4j, ours);
    }

    @Test
    void sameObservableResultsAsPy4jWithoutAuth() throws Exception {
        PythonPeer.require();
        ScenarioSuite suite = ScenarioSuite.clientServer().only("callbacks", "pinned_threads", "auth", "shutdown");
        ScenarioResults py4j = suite.run(new Py4jClientServer(), null);
        ScenarioResults ours = suite.run(new CodecClientServerUnderTest(), null);
        ours.assertPassed();
        ScenarioSuite.assertSameObservableResults(py4j, ours);
    }
}
