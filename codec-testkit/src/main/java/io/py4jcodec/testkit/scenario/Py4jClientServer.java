package io.py4jcodec.testkit.scenario;

import java.net.InetAddress;
import py4j.ClientServer;

/**
 * py4j's own {@code py4j.ClientServer} (the real 0.10.9.9 jar) as a {@link ClientServerUnderTest}: the
 * reference for ClientServer mode. Loopback only, Java port 0 (read back); the Python port is a
 * placeholder until Python resets it; a token, when given, is required in both directions.
 *
 * <pre>{@code
 * try (Py4jClientServer cs = new Py4jClientServer()) {
 *     int port = cs.start(new ScenarioEntryPoint(), null);
 * }
 * }</pre>
 */
public final class Py4jClientServer implements ClientServerUnderTest {
    private ClientServer server;

    @Override
    public synchronized int start(Object entryPoint, String authToken) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ClientServer.ClientServerBuilder b = new ClientServer.ClientServerBuilder(entryPoint)
                .javaPort(0)
                .javaAddress(loopback)
                .pythonPort(0)  // until Python resets it: never py4j's default port, where anything may listen
                .pythonAddress(loopback);
        if (authToken != null) {
            b.authToken(authToken);
        }
        server = b.build();
        return server.getJavaServer().getListeningPort();
    }

    @Override
    public synchronized int pythonPort() {
        return server == null ? -1 : server.getJavaServer().getPythonPort();
    }

    @Override
    public String name() {
        return "py4j ClientServer";
    }

    /** The running server, for tests that inspect py4j's own state. */
    public synchronized ClientServer server() {
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
