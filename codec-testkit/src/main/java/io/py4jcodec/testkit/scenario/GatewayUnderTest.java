package io.py4jcodec.testkit.scenario;

/**
 * A Py4J gateway that the real-Python-client scenario suite ({@link ScenarioSuite}) can start, drive and
 * stop: py4j's own ({@link Py4jGatewayServer}) or ours.
 *
 * <p>The gateway runs in GatewayServer mode: Python's {@code JavaGateway} connects to it, and its
 * callback client connects to the Python callback server whose port Python announces with
 * {@code GATEWAY_SERVER.resetCallbackClient(address, port)} (as PySpark does). When {@code authToken}
 * is not null, both directions use it: Python authenticates to the gateway, and the gateway's callback
 * client authenticates to Python's callback server with the same token.
 *
 * <pre>{@code
 * try (GatewayUnderTest gw = new Py4jGatewayServer()) {
 *     ScenarioResults r = ScenarioSuite.gatewayServer().run(gw, "token");
 * }
 * }</pre>
 */
public interface GatewayUnderTest extends AutoCloseable {
    /** Starts a gateway in GatewayServer mode on 127.0.0.1, ephemeral port, serving entryPoint; authToken null = no auth. Returns the port. */
    int start(Object entryPoint, String authToken) throws Exception;

    /** The port the gateway's callback client currently connects to (for information), or -1. */
    default int callbackPort() {
        return -1;
    }

    /** A short name for reports, e.g. {@code py4j GatewayServer}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Stops the gateway and closes every connection; harmless when Python already shut it down. */
    @Override
    void close() throws Exception;
}
