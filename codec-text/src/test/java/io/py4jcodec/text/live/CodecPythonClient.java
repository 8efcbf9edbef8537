package io.py4jcodec.text.live;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.io.MessageOutputStream;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST CODE ONLY: one Python-side py4j connection built on nothing but codec-text and a
 * {@link Socket}. It writes with {@code TextCodec.of(PYTHON).newEncoder()} (the bytes the real Python
 * client writes) and reads with a Python decoder (it reads what the real Java side writes).
 *
 * <p>It is both ends of a Python connection: a client that sends commands and awaits answers
 * ({@link #request}), and, on a socket Java opened, a server that answers Java's callbacks
 * ({@link #serveOne}). In {@link ConnectionMode#CLIENT_SERVER} mode a callback may arrive while
 * an answer is awaited; it is answered on the spot through {@link Callbacks}, which may itself
 * call back into Java on the same connection, and the wait goes on. No pooling, no retries, no
 * threads: a failure surfaces as an exception in the test.
 */
final class CodecPythonClient implements Closeable {
    /** Every socket read gives up after this long, so a test can fail but never hang. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** Answers one command Java sent (a proxy call, a proxy gc, an auth). */
    @FunctionalInterface
    interface Callbacks {
        ReturnMessage answer(Command command, CodecPythonClient connection) throws IOException;
    }

    static final Callbacks NO_CALLBACKS = (c, conn) -> {
        throw new AssertionError("unexpected callback from Java: " + c);
    };

    private final Socket socket;
    private final ConnectionMode mode;
    private final TextDecoder decoder;
    private final MessageInputStream in;
    private final MessageOutputStream out;
    private final Callbacks callbacks;
    /** Every command Java sent on this connection, in order. */
    final List<Command> received = new CopyOnWriteArrayList<>();
    /** Every answer this connection wrote to Java, in order. */
    final List<ReturnMessage> answered = new CopyOnWriteArrayList<>();

    CodecPythonClient(Socket socket, ConnectionMode mode, Callbacks callbacks) throws IOException {
        this.socket = socket;
        this.mode = mode;
        this.callbacks = callbacks;
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        TextCodec reader = TextCodec.builder(Side.PYTHON).mode(mode).build();
        this.decoder = reader.newDecoder();
        this.in = new MessageInputStream(socket.getInputStream(), decoder);
        this.out = new MessageOutputStream(socket.getOutputStream(), TextCodec.of(Side.PYTHON).newEncoder());
    }

    /** Opens a connection to a py4j Java server on 127.0.0.1. */
    static CodecPythonClient connect(int port, ConnectionMode mode, Callbacks callbacks) throws IOException {
        Socket s = new Socket();
        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                (int) READ_TIMEOUT.toMillis());
        return new CodecPythonClient(s, mode, callbacks);
    }

    static CodecPythonClient connect(int port) throws IOException {
        return connect(port, ConnectionMode.GATEWAY, NO_CALLBACKS);
    }

    Socket socket() {
        return socket;
    }

    /** Sends {@code command} and returns Java's answer, serving interleaved callbacks meanwhile. */
    ReturnMessage request(Command command) throws IOException {
        out.write(command);
        decoder.expectAnswer();
        return awaitAnswer(command);
    }

    /** {@code A\n<token>\n}, as the Python client authenticates. */
    ReturnMessage authenticate(String token) throws IOException {
        return request(new AuthCommand(token));
    }

    /** Sends a command that has no answer ({@code s}, {@code z}). */
    void send(Command command) throws IOException {
        out.write(command);
    }

    private ReturnMessage awaitAnswer(Command pending) throws IOException {
        while (true) {
            Message m = in.read();
            if (m == null) {
                throw new EOFException("Java closed the connection instead of answering " + pending);
            }
            if (m instanceof ReturnMessage r) {
                return r;
            }
            if (mode != ConnectionMode.CLIENT_SERVER) {
                throw new AssertionError("a command arrived on a GatewayServer client connection: " + m);
            }
            answer((Command) m);
        }
    }

    /**
     * Reads and answers one command Java sent on this connection. Returns false at end of stream.
     *
     * @throws SocketTimeoutException if nothing arrived within {@link #READ_TIMEOUT}; the connection
     *                                stays usable (the stream and decoder keep their partial state)
     */
    boolean serveOne() throws IOException {
        Message m = in.read();
        if (m == null) {
            return false;
        }
        if (!(m instanceof Command c)) {
            throw new AssertionError("an answer arrived while no call was pending: " + m);
        }
        answer(c);
        return true;
    }

    private void answer(Command c) throws IOException {
        received.add(c);
        ReturnMessage r = callbacks.answer(c, this);
        answered.add(r);
        out.write(r);
    }

    /** Reads exactly {@code n} raw bytes, e.g. the unframed payload after an {@code S} answer. */
    byte[] readRaw(int n) throws IOException {
        byte[] b = new byte[n];
        in.readRawFully(b, 0, n);
        return b;
    }

    /**
     * True once Java has closed the connection: end of stream, or a reset (py4j closes with linger 0
     * after an auth failure). False if data arrived instead. Times out after {@link #READ_TIMEOUT}.
     */
    boolean closedByPeer() throws IOException {
        try {
            return in.readRaw(new byte[1], 0, 1) < 0;
        } catch (SocketException e) {
            return true; // connection reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
