package io.py4jcodec.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The socket factory a py4j gateway's callback client is given so its connections to Python's
 * callback server go through the proxy: the address py4j asks for (the port Python announced with
 * {@code resetCallbackClient}) becomes the proxy's callback target, and the socket connects to the
 * proxy's callback port instead. The bytes are untouched; only where py4j's socket connects changes,
 * which is what a user does by pointing the JVM's callback client at the proxy.
 */
final class RedirectingSocketFactory extends SocketFactory {
    private final java.util.function.Supplier<Proxy> proxy;

    /** {@code proxy}: read at each connection (the callback client may be made before the proxy). */
    RedirectingSocketFactory(java.util.function.Supplier<Proxy> proxy) {
        this.proxy = proxy;
    }

    private InetSocketAddress redirect(SocketAddress asked) {
        Proxy p = proxy.get();
        p.callbackTarget((InetSocketAddress) asked);
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), p.callbackPort());
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(redirect(endpoint), timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress at) throws IOException {
        Socket s = createSocket();
        s.connect(at, Proxy.CONNECT_TIMEOUT_MILLIS);
        return s;
    }
}
