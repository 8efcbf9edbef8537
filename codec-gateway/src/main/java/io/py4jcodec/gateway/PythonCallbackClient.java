package io.py4jcodec.gateway;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.io.MessageOutputStream;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.text.TextCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import py4j.Py4JException;
import py4j.Py4JPythonClient;

/**
 * The gateway's connections to the Python callback server, on our codec: py4j's proxies of Python
 * objects ({@code PythonProxyHandler}) call {@link #sendCommand(String)}, which reads py4j's
 * command into the model, writes it as our Java encoder writes it on a pooled connection, reads
 * the answer with our decoder, and hands py4j the answer line, so py4j converts the result exactly
 * as it always does. {@link #call(Command)} is the same without the text in between.
 *
 * <ul>
 *   <li>One connection per concurrent callback (nested and concurrent callbacks each get their
 *       own), pooled, closed after {@link GatewayConfig#callbackIdleTimeout()} idle; at most
 *       {@link GatewayConfig#maxCallbackConnections()} open.</li>
 *   <li>A new connection authenticates first ({@code A\n<token>\ne\n}, exactly {@code !yv} expected).</li>
 *   <li>A connection that had any byte left after its answer is dropped instead of pooled, so a
 *       stray line can never be read as the next call's answer (py4j's callback client keeps it:
 *       codec-fuzz/FINDINGS.md #7).</li>
 *   <li>A pooled connection that turns out closed is replaced once, as py4j retries.</li>
 * </ul>
 */
public final class PythonCallbackClient extends AbstractPythonClient {
    private static final TextCodec ANSWERS = TextCodec.of(Role.CALLBACK_CLIENT);

    private final Deque<Conn> idle = new ConcurrentLinkedDeque<>();
    private final Semaphore permits;
    private volatile boolean closed;

    PythonCallbackClient(InetAddress address, int port, GatewayConfig config) {
        super(address, port, config);
        this.permits = new Semaphore(config.maxCallbackConnections());
    }

    @Override
    public ReturnMessage call(Command command) {
        if (closed) {
            throw new Py4JException("the callback client is shut down");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Py4JException("interrupted while waiting for a callback connection", e);
        }
        try {
            Conn c = pooled();
            if (c != null) {
                try {
                    return exchange(c, command);
                } catch (StaleConnection e) {
                    // the Python side closed an idle pooled connection: one retry on a new one
                }
            }
            try {
                return exchange(connect(), command);
            } catch (StaleConnection e) {
                throw new Py4JException("Error while sending a command.", e.getCause());
            }
        } finally {
            permits.release();
        }
    }

    private static final class StaleConnection extends Exception {
        private static final long serialVersionUID = 1L;

        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private ReturnMessage exchange(Conn c, Command command) throws StaleConnection {
        Message m;
        try {
            c.out.write(command);
            m = c.in.read();
        } catch (IOException e) {
            c.close();
            if (e instanceof java.net.SocketTimeoutException) {
                throw new Py4JException("Error while sending a command.", new IOException("no answer within " + config.callbackReadTimeout(), e));
            }
            throw new StaleConnection(e);
        } catch (ProtocolException e) {
            c.close();
            throw new Py4JException("Error while sending a command.", e);
        }
        if (m == null) {
            c.close();
            throw new StaleConnection(new IOException("the callback connection was closed before an answer"));
        }
        if (!(m instanceof ReturnMessage answer)) {
            c.close();
            throw new Py4JException("Error while sending a command.", new IOException("the Python callback server sent a command instead of an answer: " + m));
        }
        giveBack(c);
        return answer;
    }

    private Conn pooled() {
        long now = System.nanoTime();
        long maxIdle = config.callbackIdleTimeout().toNanos();
        Conn c;
        while ((c = idle.pollFirst()) != null) {
            if (maxIdle == 0 || now - c.lastUsed < maxIdle) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void giveBack(Conn c) {
        try {
            if (closed || c.in.buffered() > 0 || c.socket.getInputStream().available() > 0) {
                c.close(); // bytes after the answer: never let them answer the next call
                return;
            }
        } catch (IOException e) {
            c.close();
            return;
        }
        c.lastUsed = System.nanoTime();
        idle.offerFirst(c);
        if (closed) {
            shutdown();
        }
    }

    private Conn connect() {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address, port), (int) config.callbackConnectTimeout().toMillis());
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.callbackReadTimeout().toMillis()));
            Conn c = new Conn(s);
            String token = config.callbackAuthToken();
            if (token != null) {
                c.out.write(new AuthCommand(token));
                Message m = c.in.read();
                if (!SuccessReturn.VOID.equals(m)) {
                    c.close();
                    throw new IOException("the Python callback server refused the auth token");
                }
            }
            return c;
        } catch (IOException | ProtocolException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
            // py4j's text, which Java code calling a Python object sees
            throw new Py4JException("Error while obtaining a new communication channel", e);
        }
    }

    private static final class Conn {
        final Socket socket;
        final MessageInputStream in;
        final MessageOutputStream out;
        long lastUsed;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new MessageInputStream(socket.getInputStream(), ANSWERS.newDecoder());
            this.out = new MessageOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(), 8192), ANSWERS.newEncoder());
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with a broken connection
            }
        }
    }

    @Override
    public void shutdown() {
        closed = true;
        List<Conn> all = new ArrayList<>();
        Conn c;
        while ((c = idle.pollFirst()) != null) {
            all.add(c);
        }
        all.forEach(Conn::close);
    }

    @Override
    public Py4JPythonClient copyWith(InetAddress pythonAddress, int pythonPort) {
        return new PythonCallbackClient(pythonAddress, pythonPort, config);
    }

    /** Connections currently pooled (for tests and monitoring). */
    public int idleConnections() {
        return idle.size();
    }

    /** Waits at most {@code timeout} for every borrowed connection to come back (for tests). */
    boolean quiesce(long timeout, TimeUnit unit) throws InterruptedException {
        int all = config.maxCallbackConnections();
        if (permits.tryAcquire(all, timeout, unit)) {
            permits.release(all);
            return true;
        }
        return false;
    }
}
