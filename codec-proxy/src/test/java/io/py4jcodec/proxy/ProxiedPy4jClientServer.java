package io.py4jcodec.proxy;

import io.py4jcodec.testkit.scenario.ClientServerUnderTest;
import io.py4jcodec.text.ConnectionMode;
import java.net.InetAddress;
import py4j.ClientServer;

/**
 * py4j's real {@code ClientServer} with the proxy in front: Python's connections (one per Python
 * thread, callbacks coming back on them) go through the proxy to the Java server, and the Java
 * server's own connections to Python's server (calls started on a Java thread) go through the
 * proxy's callback side via {@link RedirectingSocketFactory}. Configured as {@code Py4jClientServer}
 * is otherwise.
 */
final class ProxiedPy4jClientServer implements ClientServerUnderTest {
    private final Proxy.Builder options;
    private ClientServer server;
    private volatile Proxy proxy;

    ProxiedPy4jClientServer(Proxy.Builder options) {
        this.options = options.mode(ConnectionMode.CLIENT_SERVER);
    }

    @Override
    public synchronized int start(Object entryPoint, String authToken) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ClientServer.ClientServerBuilder b = new ClientServer.ClientServerBuilder(entryPoint)
                .javaPort(0).javaAddress(loopback).pythonPort(0).pythonAddress(loopback)
                .socketFactory(new RedirectingSocketFactory(() -> proxy));
        if (authToken != null) {
            b.authToken(authToken);
        }
        server = b.build();
        proxy = ProxiedPy4jGateway.inFrontOf(options, authToken, server.getJavaServer().getListeningPort());
        return proxy.port();
    }

    Proxy proxy() {
        return proxy;
    }

    @Override
    public String name() {
        return "py4j ClientServer through the proxy";
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
