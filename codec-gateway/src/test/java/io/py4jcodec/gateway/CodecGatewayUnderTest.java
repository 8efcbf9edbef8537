package io.py4jcodec.gateway;

import io.py4jcodec.testkit.scenario.GatewayUnderTest;

/** Our gateway as the scenario suite's {@link GatewayUnderTest}: loopback, ephemeral port, the token both ways. */
final class CodecGatewayUnderTest implements GatewayUnderTest {
    private Py4jGateway gateway;

    @Override
    public synchronized int start(Object entryPoint, String authToken) {
        if (gateway != null) {
            throw new IllegalStateException("already started");
        }
        gateway = Py4jGateway.builder().entryPoint(entryPoint).port(0).authToken(authToken).build().start();
        return gateway.port();
    }

    @Override
    public synchronized int callbackPort() {
        return gateway == null ? -1 : gateway.callbackClient().getPort();
    }

    @Override
    public String name() {
        return "py4j-codec gateway";
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.shutdown();
            gateway = null;
        }
    }
}
