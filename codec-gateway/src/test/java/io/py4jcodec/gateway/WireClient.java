package io.py4jcodec.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw socket to a gateway: write bytes, read answer lines, see how the connection ends. */
final class WireClient implements AutoCloseable {
    final Socket socket;
    private final InputStream in;

    WireClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    WireClient send(String s) throws IOException {
        socket.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** One line without its LF; null at end of stream; throws on timeout or reset. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        if (b.size() > 0) {
            throw new IOException("stream ended inside a line: " + b.toString(StandardCharsets.UTF_8));
        }
        return null;
    }

    String call(String request) throws IOException {
        return send(request).line();
    }

    /** A probe on this connection: the gateway must still answer. */
    void assertUsable() throws IOException {
        String a = call("c\nz:java.lang.String\nvalueOf\ni424242\ne\n");
        if (!"!ys424242".equals(a)) {
            throw new AssertionError("connection not usable: answered " + a);
        }
    }

    /** True when the gateway closed the connection with FIN (a clean end of stream, no reset) within the timeout. */
    boolean closedCleanly() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Nothing more arrives within {@code millis} (and the connection is still open). */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() < -1;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
