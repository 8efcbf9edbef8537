package io.py4jcodec.proxy;

import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.testkit.scenario.GatewayUnderTest;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import py4j.CallbackClient;
import py4j.GatewayServer;

/**
 * py4j's real {@code GatewayServer} with the proxy in front of both of its connections: the Python
 * client connects to the proxy, which relays to the gateway; the gateway's callback client connects
 * (through {@link RedirectingSocketFactory}) to the proxy's callback port, which relays to the port
 * Python announced. Configured as {@code Py4jGatewayServer} is otherwise (loopback, port 0, the token
 * in both directions).
 */
public final class ProxiedPy4jGateway implements GatewayUnderTest {
    private final Proxy.Builder options;
    private GatewayServer server;
    private volatile Proxy proxy;

    /**
     * As the overhead benchmark runs it ({@code GatewayBench --gateway io.py4jcodec.proxy.ProxiedPy4jGateway}): every
     * frame decoded, checked and formatted as JSON, the lines discarded (a terminal's speed is not the proxy's).
     */
    public ProxiedPy4jGateway() {
        this(options(null, true, new PrintStream(java.io.OutputStream.nullOutputStream())));
    }

    /** {@code options}: everything but the target and the callback listener, which this sets. */
    ProxiedPy4jGateway(Proxy.Builder options) {
        this.options = options;
    }

    static Proxy.Builder options(Path record, boolean check, PrintStream out) {
        return Proxy.builder().record(record).check(check).out(out).format(FrameFormat.JSON).mode(ConnectionMode.GATEWAY);
    }

    @Override
    public synchronized int start(Object entryPoint, String authToken) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // the proxy needs the gateway's port, and the gateway's callback client finds the proxy only when it connects
        GatewayServer.GatewayServerBuilder b = new GatewayServer.GatewayServerBuilder(entryPoint).javaPort(0).javaAddress(loopback);
        if (authToken != null) {
            b.authToken(authToken);
        }
        b.callbackClient(new CallbackClient(0, loopback, authToken, 30, TimeUnit.SECONDS, new RedirectingSocketFactory(() -> proxy), true, 0));
        server = b.build();
        server.start(true);
        proxy = inFrontOf(options, authToken, server.getListeningPort());
        return proxy.port();
    }

    /**
     * The proxy as both test wrappers put it in front of a py4j server on loopback: relaying to
     * {@code javaPort}, with its callback side on an ephemeral loopback port.
     */
    static Proxy inFrontOf(Proxy.Builder options, String authToken, int javaPort) throws java.io.IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return options.authToken(authToken)
                .target(new InetSocketAddress(loopback, javaPort))
                .callbackListen(new InetSocketAddress(loopback, 0))
                .build().start();
    }

    Proxy proxy() {
        return proxy;
    }

    @Override
    public String name() {
        return "py4j GatewayServer through the proxy";
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
        if (proxy != null) {
            proxy.close();
        }
    }
}
