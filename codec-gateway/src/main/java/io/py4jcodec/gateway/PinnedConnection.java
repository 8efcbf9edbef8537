package io.py4jcodec.gateway;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.io.MessageOutputStream;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.text.TextCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import py4j.Py4JException;
import py4j.Py4JNetworkException;

/**
 * One connection in ClientServer mode (py4j's "pinned thread" model): a blocking socket owned by one
 * Java thread, which reads a frame with the codec, runs it and writes the answer with one write.
 *
 * <ul>
 *   <li>Accepted from a Python thread (its {@code JavaClient} connection): a thread serves it for its
 *       lifetime ({@link #serve()}); when the Java code it runs calls a Python object, the same thread
 *       sends the callback on this connection and reads it until the answer comes ({@link #call}),
 *       running inline any request Python sends meanwhile (nested as deep as
 *       {@link io.py4jcodec.api.Limits#maxNesting()}).</li>
 *   <li>Opened by the gateway to Python's {@code PythonServer}, for a Java thread not started by
 *       Python ({@link PinnedPythonClient}): that thread is the pinned one, for the calls it makes.</li>
 * </ul>
 * Why not Netty here: an event loop would read the frame and hand it to the pinned thread, and the
 * answer would go back through the loop: two thread wake-ups per call that py4j's blocking
 * read-run-write does not pay (docs/results/gateway-bench-clientserver*.md). A connection that is a
 * Python thread's is a thread's. Only the pinned thread reads and writes; other threads only close.
 */
final class PinnedConnection extends AbstractConnection {
    /** The connection pinned to the current thread, if it serves one. */
    static final ThreadLocal<PinnedConnection> CURRENT = new ThreadLocal<>();

    private static final int STREAM_CHUNK = 64 * 1024;

    private final Socket socket;
    private final MessageInputStream in;
    private final MessageOutputStream out;
    // pinned-thread state
    private int depth;
    private volatile boolean finished;

    /**
     * {@code accepted}: a Python thread's connection (auth required when configured, idle timeout
     * applies), else one the gateway opened to Python's server.
     */
    PinnedConnection(Py4jGateway gateway, GatewayHandler handler, Socket socket, boolean accepted) throws IOException {
        super(gateway, handler, accepted && gateway.config().authRequired());
        this.socket = socket;
        socket.setTcpNoDelay(true);
        TextCodec codec = TextCodec.builder(accepted ? Role.GATEWAY_SERVER : Role.CALLBACK_CLIENT)
                .mode(config.mode()).limits(config.limits()).keepUnknownSubCommands(true).build();
        this.in = new MessageInputStream(socket.getInputStream(), codec.newDecoder());
        this.out = new MessageOutputStream(new BufferedOutputStream(socket.getOutputStream(), 8192), codec.newEncoder());
    }

    boolean isOpen() {
        return !finished && !socket.isClosed();
    }

    /** The pinned thread's loop for a connection a Python thread opened: ends when the connection does. */
    void serve() {
        CURRENT.set(this);
        try {
            waitingForRequest();
            while (true) {
                Object m = next();
                if (m == null || !process(m)) {
                    return;
                }
                waitingForRequest();
            }
        } finally {
            CURRENT.remove();
            close();
        }
    }

    /**
     * Between requests a read waits at most the auth timeout until authenticated, then the idle
     * timeout (zero: for ever). The auth deadline itself runs from the accept, on
     * {@link Py4jGateway}'s timer, so a client trickling bytes cannot extend it.
     */
    private void waitingForRequest() {
        timeout(authenticated ? config.idleTimeout().toMillis() : config.authTimeout().toMillis());
    }

    private void timeout(long millis) {
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
        } catch (IOException e) {
            close();
        }
    }

    /**
     * The next frame: a message, the {@link ProtocolException} it was rejected with, or null when the
     * connection ended (closed by the peer or by us, a read error, a timeout).
     */
    private Object next() {
        if (finished) {
            return null;
        }
        try {
            Message m = in.read();
            if (m == null) {
                finished = true;
            }
            return m;
        } catch (ProtocolException e) {
            return e;
        } catch (IOException e) {
            finished = true;
            return null;
        }
    }

    /**
     * Sends {@code command} to Python on this connection and returns its answer, running on this
     * thread every request Python sends before it (py4j's {@code ClientServerConnection.sendCommand}).
     * Only the pinned thread calls it.
     */
    ReturnMessage call(Command command) {
        int max = config.limits().maxNesting();
        if (depth + 1 > max) {
            throw new Py4JException(Reason.NESTING_TOO_DEEP + ": callbacks nested " + (depth + 1)
                    + " deep (expected: <= " + max + "); raise it with Limits.builder().maxNesting(...)");
        }
        depth++;
        try {
            try {
                out.write(command);
            } catch (IOException e) {
                close();
                throw sendFailed("" + e.getMessage());
            }
            while (true) {
                timeout(config.callbackReadTimeout().toMillis());
                Object m;
                try {
                    m = in.read();
                } catch (ProtocolException e) {
                    m = e;
                } catch (SocketTimeoutException e) {
                    close();
                    throw sendFailed("no answer within " + config.callbackReadTimeout());
                } catch (IOException e) {
                    close();
                    throw sendFailed("" + e.getMessage());
                }
                if (m == null) {
                    close();
                    throw sendFailed("the connection closed before the answer");
                }
                if (m instanceof ReturnMessage r) {
                    return r;
                }
                if (m instanceof ProtocolException f && !f.resynchronized()) {
                    process(m); // the fatal answer and the close
                    throw sendFailed("" + f.getMessage());
                }
                if (!process(m)) {
                    throw sendFailed("the connection ended");
                }
            }
        } finally {
            depth--;
            if (depth == 0 && CURRENT.get() == this) {
                waitingForRequest();
            }
        }
    }

    /** py4j's text for a callback that failed on the network, with what happened as the cause. */
    static Py4JException sendFailed(String what) {
        return new Py4JException("Error while sending a command.", new Py4JNetworkException(what));
    }

    @Override
    void send(ReturnMessage answer) {
        try {
            out.write(answer);
        } catch (IOException e) {
            close(); // the peer is gone: the next read ends the connection
        }
    }

    @Override
    void fail(ReturnMessage last) {
        try {
            out.write(last);
            socket.shutdownOutput(); // FIN after the last answer, so the peer can read why
        } catch (IOException e) {
            // the peer is gone already
        }
        close();
    }

    /** Blocking writes a chunk at a time: the peer's reading paces the copy. */
    @Override
    void stream(ReturnMessage answer, ReadableByteChannel payload) {
        try (payload) {
            out.writeNoFlush(answer);
            ByteBuffer chunk = ByteBuffer.allocate(STREAM_CHUNK);
            while (payload.read(chunk) >= 0) {
                out.writeRaw(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** From any thread: the pinned thread's blocked read ends with an error and the thread returns. */
    void close() {
        finished = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken socket: nothing left to do
        }
        gateway.closed(this);
    }
}
