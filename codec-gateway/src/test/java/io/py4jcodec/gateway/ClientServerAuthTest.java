package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.testkit.scenario.ScenarioEntryPoint;
import io.py4jcodec.text.ConnectionMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ClientServer mode with auth in both directions, with the real py4j client and its PythonServer:
 * Python authenticates to our gateway, and our gateway authenticates to Python's server when a Java
 * thread Python did not start opens a connection to it. (py4j's own ClientServer cannot do the second
 * after PySpark's {@code resetCallbackClient}, which drops its token: docs/py4j-observations.md 10;
 * ours keeps it, so this is a test of ours alone.)
 */
class ClientServerAuthTest {

    private static String run(String javaToken, String callbackToken, String pythonToken) throws Exception {
        try (Py4jGateway gw = Py4jGateway.builder().mode(ConnectionMode.CLIENT_SERVER).entryPoint(new ScenarioEntryPoint())
                .port(0).authToken(javaToken).configure(c -> c.callbackAuthToken(callbackToken)).build().start()) {
            List<String> out = PythonClientRun.script("clientserver_auth.py",
                    List.of(Integer.toString(gw.port()), javaToken, pythonToken));
            assertEquals(1, out.size(), String.join("\n", out));
            return out.get(0);
        }
    }

    @Test
    void javaAuthenticatesToPythonsServerWithItsToken() throws Exception {
        String out = run("to-java", "to-python", "to-python");
        // the callback on the caller's own connection needs no second auth; the Java thread's new connection does
        assertEquals("{\"from_pinned_thread\": \"java<py:p>\", \"from_java_thread\": \"py:j\"}", out);
    }

    @Test
    void pythonsServerRefusesAWrongToken() throws Exception {
        String out = run("to-java", "wrong", "to-python");
        assertTrue(out.startsWith("{\"from_pinned_thread\": \"java<py:p>\", \"from_java_thread\": \"failed:py4j.Py4JException:Error while obtaining a new communication channel"), out);
    }
}
