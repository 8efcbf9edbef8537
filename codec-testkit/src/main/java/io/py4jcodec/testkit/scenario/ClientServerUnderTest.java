package io.py4jcodec.testkit.scenario;

/**
 * A Py4J gateway in ClientServer ("pinned thread") mode that the scenario suite can start, drive and
 * stop: py4j's own {@code py4j.ClientServer} ({@link Py4jClientServer}) or ours.
 *
 * <p>Python's {@code ClientServer} connects to the Java server; each Python thread gets its own
 * connection and Java thread, and callbacks travel back on it. For calls that start on a Java thread,
 * the gateway's Python client connects to Python's server, whose port Python announces with
 * {@code GATEWAY_SERVER.resetCallbackClient(address, port)}. A non-null {@code authToken} is used in
 * both directions.
 *
 * <pre>{@code
 * try (ClientServerUnderTest cs = new Py4jClientServer()) {
 *     ScenarioResults r = ScenarioSuite.clientServer().run(cs, ScenarioSuite.newToken());
 * }
 * }</pre>
 */
public interface ClientServerUnderTest extends AutoCloseable {
    /** Starts a gateway in ClientServer mode on 127.0.0.1, ephemeral port, serving entryPoint; authToken null = no auth. Returns the Java server's port. */
    int start(Object entryPoint, String authToken) throws Exception;

    /** The port the gateway's Python client currently connects to (for information), or -1. */
    default int pythonPort() {
        return -1;
    }

    /** A short name for reports, e.g. {@code py4j ClientServer}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Stops the gateway and closes every connection; harmless when Python already shut it down. */
    @Override
    void close() throws Exception;
}
