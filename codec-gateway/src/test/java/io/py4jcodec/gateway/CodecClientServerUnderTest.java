package io.py4jcodec.gateway;

import io.py4jcodec.testkit.scenario.ClientServerUnderTest;
import io.py4jcodec.text.ConnectionMode;

/**
 * Our gateway in ClientServer mode as the scenario suite's {@link ClientServerUnderTest}. Set up as
 * py4j's ClientServer ends up after {@code resetCallbackClient} (py4j's {@code PythonClient.copyWith}
 * drops the token) and as PySpark runs it: Python authenticates to Java, Java sends no token to
 * Python's server.
 */
final class CodecClientServerUnderTest implements ClientServerUnderTest {
    private Py4jGateway gateway;

    @Override
    public synchronized int start(Object entryPoint, String authToken) {
        if (gateway != null) {
            throw new IllegalStateException("already started");
        }
        gateway = Py4jGateway.builder().mode(ConnectionMode.CLIENT_SERVER).entryPoint(entryPoint).port(0)
                .authToken(authToken).configure(c -> c.callbackAuthToken(null)).build().start();
        return gateway.port();
    }

    @Override
    public synchronized int pythonPort() {
        return gateway == null ? -1 : gateway.callbackClient().getPort();
    }

    @Override
    public String name() {
        return "py4j-codec gateway (ClientServer)";
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.shutdown();
            gateway = null;
        }
    }
}
