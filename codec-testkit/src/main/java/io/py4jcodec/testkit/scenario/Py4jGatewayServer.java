package io.py4jcodec.testkit.scenario;

import java.net.InetAddress;
import py4j.GatewayServer;

/**
 * py4j's own {@code py4j.GatewayServer} (the real 0.10.9.9 jar) as a {@link GatewayUnderTest}: the
 * reference every other gateway's observable results are compared with.
 *
 * <p>Loopback only, port 0 (the port is read back), and a callback client on loopback whose port
 * Python resets; with a token, the callback client carries it too, as PySpark configures it.
 *
 * <pre>{@code
 * try (Py4jGatewayServer gw = new Py4jGatewayServer()) {
 *     int port = gw.start(new ScenarioEntryPoint(), null);
 * }
 * }</pre>
 */
public final class Py4jGatewayServer implements GatewayUnderTest {
    private GatewayServer server;

    @Override
    public synchronized int start(Object entryPoint, String authToken) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        GatewayServer.GatewayServerBuilder b = new GatewayServer.GatewayServerBuilder(entryPoint)
                .javaPort(0)
                .javaAddress(loopback)
                // port 0 until Python calls resetCallbackClient with its real one: a call before that fails at once
                // instead of reaching whatever listens on py4j's default port
                .callbackClient(0, loopback, authToken);
        if (authToken != null) {
            b.authToken(authToken);
        }
        server = b.build();
        server.start(true);
        return server.getListeningPort();
    }

    @Override
    public synchronized int callbackPort() {
        return server == null ? -1 : server.getPythonPort();
    }

    @Override
    public String name() {
        return "py4j GatewayServer";
    }

    /** The running server, for tests that inspect py4j's own state (its object table, its callback client). */
    public synchronized GatewayServer server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
