package io.py4jcodec.gateway;

import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SuccessReturn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import py4j.Py4JException;
import py4j.Py4JPythonClient;

/**
 * Calls into Python in ClientServer mode, as py4j's {@code PythonClient} does: a callback made on a
 * thread pinned to a Python thread's connection goes back on that connection
 * ({@link PinnedConnection#CURRENT}); a callback from any other Java thread goes on that thread's own
 * connection to Python's {@code PythonServer}, opened on first use (authenticated with
 * {@link GatewayConfig#callbackAuthToken()}) and kept for the thread, on which Python may in turn
 * call Java while the callback runs, inline on that thread. Every connection is a blocking socket on
 * the codec, read and written by the thread it is pinned to.
 */
public final class PinnedPythonClient extends AbstractPythonClient {
    private final Py4jGateway server;
    private final ThreadLocal<PinnedConnection> own = new ThreadLocal<>();
    private final Set<PinnedConnection> opened = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    PinnedPythonClient(Py4jGateway server, InetAddress address, int port) {
        super(address, port, server.config());
        this.server = server;
    }

    /** Calls Python with {@code command} on this thread's connection and returns the answer. */
    @Override
    public ReturnMessage call(Command command) {
        PinnedConnection pinned = PinnedConnection.CURRENT.get();
        if (pinned != null && pinned.isOpen()) {
            return pinned.call(command);
        }
        PinnedConnection c = own.get();
        if (c == null || !c.isOpen()) {
            if (c != null) {
                opened.remove(c);
            }
            c = connect();
            own.set(c);
        }
        return c.call(command);
    }

    private PinnedConnection connect() {
        if (closed) {
            throw new Py4JException("the Python client is shut down");
        }
        try {
            PinnedConnection c;
            try {
                c = server.connectToPython(new InetSocketAddress(address, port));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            opened.add(c);
            String token = server.config().callbackAuthToken();
            if (token != null && !SuccessReturn.VOID.equals(c.call(new AuthCommand(token)))) {
                c.close();
                throw new Py4JException("the Python server refused the auth token");
            }
            return c;
        } catch (RuntimeException e) {
            // py4j's text, which Java code calling a Python object sees
            throw new Py4JException("Error while obtaining a new communication channel", e);
        }
    }

    @Override
    public void shutdown() {
        closed = true;
        opened.forEach(PinnedConnection::close);
        opened.clear();
    }

    @Override
    public Py4JPythonClient copyWith(InetAddress pythonAddress, int pythonPort) {
        return new PinnedPythonClient(server, pythonAddress, pythonPort);
    }

}
