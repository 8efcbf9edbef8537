package io.py4jcodec.text.live;

import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.ConnectionMode;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * TEST CODE ONLY: the Python side's callback server (GatewayServer mode) or {@code PythonServer}
 * (ClientServer mode), built on codec-text: a {@link ServerSocket} on 127.0.0.1, port 0, one
 * daemon thread per connection Java opens. Each connection is a {@link CodecPythonClient} that
 * reads Java's commands with a Python decoder and answers with the Python encoder.
 *
 * <p>With a token, the first command on a connection must be {@code A} with that token: it is
 * answered {@code !yv}; otherwise {@code !xn} and the connection is closed, as Python's
 * {@code do_client_auth} does. Later commands go to the test's {@link CodecPythonClient.Callbacks}.
 */
final class CodecCallbackServer implements Closeable {
    private final ServerSocket server;
    private final ConnectionMode mode;
    private final String authToken;
    private final CodecPythonClient.Callbacks callbacks;
    private final Thread acceptor;
    private volatile boolean closed;
    /** Every command Java sent on any connection (auth included), in arrival order. */
    final BlockingQueue<Command> received = new LinkedBlockingQueue<>();
    /** Every connection Java opened. */
    final List<CodecPythonClient> connections = new CopyOnWriteArrayList<>();
    /** Failures on serving threads, for the test to assert empty. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    CodecCallbackServer(ConnectionMode mode, String authToken, CodecPythonClient.Callbacks callbacks) throws IOException {
        this.mode = mode;
        this.authToken = authToken;
        this.callbacks = callbacks;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "codec-callback-server-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "codec-callback-connection-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        boolean[] authenticated = {authToken == null};
        CodecPythonClient.Callbacks gate = (command, conn) -> {
            received.add(command);
            if (!authenticated[0]) {
                if (command instanceof AuthCommand a && a.token().equals(authToken)) {
                    authenticated[0] = true;
                    return ReturnMessage.success(Value.ofVoid());
                }
                return ReturnMessage.error(Value.ofNull()); // !xn, then the connection is closed below
            }
            return callbacks.answer(command, conn);
        };
        try (CodecPythonClient conn = new CodecPythonClient(s, mode, gate)) {
            connections.add(conn);
            while (!closed) {
                try {
                    if (!conn.serveOne()) {
                        return;
                    }
                    if (!authenticated[0]) {
                        s.setSoLinger(true, 0); // Python resets a connection whose auth failed
                        return;
                    }
                } catch (SocketTimeoutException idle) {
                    // py4j keeps callback connections pooled and idle; only close() ends them
                }
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            if (!closed) {
                failures.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (CodecPythonClient c : connections) {
            c.close();
        }
    }
}
