package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.gateway.fixture.FixtureEntryPoint;
import io.py4jcodec.testkit.PythonPeer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import py4j.GatewayServer;

/**
 * The real py4j Python client against py4j's own GatewayServer and against ours, in the same run,
 * with the same script: every step must be observed the same way (values and their Python types,
 * Java exceptions as Py4JJavaError with their class, message and stack trace, callbacks nested and
 * from several Java threads, GC, help, dir, jvm views), with and without auth.
 */
class GatewayPythonClientTest {

    private static List<String> againstPy4j(String token) throws Exception {
        PythonPeer.require();
        GatewayServer py4j = new GatewayServer.GatewayServerBuilder(new FixtureEntryPoint())
                .javaPort(0).javaAddress(InetAddress.getLoopbackAddress())
                .callbackClient(GatewayServer.DEFAULT_PYTHON_PORT, InetAddress.getLoopbackAddress(), token)
                .authToken(token).build();
        py4j.start();
        try {
            return PythonClientRun.run(py4j.getListeningPort(), token, null);
        } finally {
            py4j.shutdown();
        }
    }

    private static List<String> againstOurs(String token) throws Exception {
        PythonPeer.require();
        try (Py4jGateway gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0).authToken(token).build().start()) {
            return PythonClientRun.run(gw.port(), token, null);
        }
    }

    private static void assertSameObservations(List<String> py4j, List<String> ours) {
        assertTrue(py4j.size() > 80 && py4j.get(py4j.size() - 1).contains("\"done\""), "py4j run incomplete: " + py4j);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(py4j.size(), ours.size()); i++) {
            String a = i < py4j.size() ? py4j.get(i) : "<missing>";
            String b = i < ours.size() ? ours.get(i) : "<missing>";
            if (!a.equals(b)) {
                diffs.add("py4j: " + a + "\nours: " + b);
            }
        }
        assertEquals(List.of(), diffs, "steps observed differently");
    }

    @Test
    void sameObservationsAsPy4jWithoutAuth() throws Exception {
        assertSameObservations(againstPy4j(null), againstOurs(null));
    }

    @Test
    void sameObservationsAsPy4jWithAuth() throws Exception {
        assertSameObservations(againstPy4j("s3cret-token"), againstOurs("s3cret-token"));
    }

    @Test
    void wrongTokenIsRefused() throws Exception {
        PythonPeer.require();
        try (Py4jGateway gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0).authToken("right").build().start()) {
            List<String> out = PythonClientRun.run(gw.port(), "right", "auth-refused");
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).contains("\"refused\": true"), out.get(0));
        }
    }

    @Test
    void pythonShutsTheGatewayDown() throws Exception {
        PythonPeer.require();
        Py4jGateway gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0).build().start();
        try {
            List<String> out = PythonClientRun.run(gw.port(), null, "shutdown");
            assertEquals(List.of("{\"step\": \"before-shutdown\", \"value\": {\"int\": \"42\"}}",
                    "{\"reachable\": false, \"step\": \"after-shutdown\"}"), out);
            assertTrue(gw.awaitShutdown(10, TimeUnit.SECONDS));
        } finally {
            gw.shutdown();
        }
    }
}
