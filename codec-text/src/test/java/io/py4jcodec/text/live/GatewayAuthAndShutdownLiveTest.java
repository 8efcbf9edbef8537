package io.py4jcodec.text.live;

import static io.py4jcodec.text.live.Live.args;
import static io.py4jcodec.text.live.Live.assertOk;
import static io.py4jcodec.text.live.Live.errorMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.ShutdownCommand;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import py4j.CallbackClient;
import py4j.ClientServer;
import py4j.GatewayServer;

/**
 * The connection-level commands against real py4j servers, each test with servers of its own:
 * {@code A} accepted and refused (GatewayServer and ClientServer), and {@code s}, which takes the
 * whole server down.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GatewayAuthAndShutdownLiveTest {
    /** A token with the characters Python escapes, which the Java server compares in escaped form. */
    static final String TOKEN = "s3cr\\et\nline2";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private GatewayServer gateway(String token) {
        Live.quietPy4j();
        GatewayServer s = new GatewayServer.GatewayServerBuilder(new LiveFixture())
                .javaPort(0).javaAddress(Live.LOOPBACK)
                .readTimeout(Live.JAVA_READ_TIMEOUT_MS)
                .callbackClient(new CallbackClient(1, Live.LOOPBACK, 30, TimeUnit.SECONDS, SocketFactory.getDefault(), false))
                .authToken(token)
                .build();
        s.start();
        toClose.add(s::shutdown);
        return s;
    }

    private ClientServer clientServer(String token) {
        Live.quietPy4j();
        ClientServer cs = new ClientServer.ClientServerBuilder(new LiveFixture())
                .javaPort(0).pythonPort(1).readTimeout(Live.JAVA_READ_TIMEOUT_MS)
                .enableMemoryManagement(false)
                .authToken(token)
                .build();
        toClose.add(cs::shutdown);
        return cs;
    }

    private CodecPythonClient connect(int port, ConnectionMode mode) throws IOException {
        CodecPythonClient py = CodecPythonClient.connect(port, mode, CodecPythonClient.NO_CALLBACKS);
        toClose.add(py);
        return py;
    }

    static final CallCommand ADD = new CallCommand("t", "addInts", args(Value.ofInt(1), Value.ofInt(2)));

    @Test
    void authAcceptedThenCommandsWork() throws IOException {
        CodecPythonClient py = connect(gateway(TOKEN).getListeningPort(), ConnectionMode.GATEWAY);
        assertEquals(ReturnMessage.success(Value.ofVoid()), py.authenticate(TOKEN));
        assertOk(Value.ofInt(3), py, ADD);
    }

    @Test
    void wrongTokenIsRefusedAndTheConnectionClosed() throws IOException {
        CodecPythonClient py = connect(gateway(TOKEN).getListeningPort(), ConnectionMode.GATEWAY);
        assertEquals("Authentication error: bad auth token received.",
                errorMessage(py, new io.py4jcodec.api.model.AuthCommand("s3cr\\et")));
        assertTrue(py.closedByPeer());
    }

    @Test
    void aCommandBeforeAuthIsRefusedAndTheConnectionClosed() throws IOException {
        CodecPythonClient py = connect(gateway(TOKEN).getListeningPort(), ConnectionMode.GATEWAY);
        assertEquals("Authentication error: unexpected command.", errorMessage(py, ADD));
        assertTrue(py.closedByPeer());
    }

    @Test
    void clientServerAuthAcceptedAndRefused() throws IOException {
        int port = clientServer(TOKEN).getJavaServer().getListeningPort();
        CodecPythonClient good = connect(port, ConnectionMode.CLIENT_SERVER);
        assertEquals(ReturnMessage.success(Value.ofVoid()), good.authenticate(TOKEN));
        assertOk(Value.ofInt(3), good, ADD);

        CodecPythonClient bad = connect(port, ConnectionMode.CLIENT_SERVER);
        assertEquals("Authentication error: bad auth token received.",
                errorMessage(bad, new io.py4jcodec.api.model.AuthCommand(TOKEN + "x")));
        assertTrue(bad.closedByPeer());
        assertOk(Value.ofInt(3), good, ADD); // other connections are not affected
    }

    /** {@code s} has no answer: Java closes the server socket, then every connection. */
    @Test
    void shutdownClosesEveryConnectionAndTheServer() throws Exception {
        GatewayServer server = gateway(null);
        int port = server.getListeningPort();
        CodecPythonClient bystander = connect(port, ConnectionMode.GATEWAY);
        assertOk(Value.ofInt(3), bystander, ADD);
        CodecPythonClient py = connect(port, ConnectionMode.GATEWAY);
        assertOk(Value.ofInt(3), py, ADD);

        py.send(ShutdownCommand.INSTANCE);
        assertTrue(py.closedByPeer());
        assertTrue(bystander.closedByPeer());
        assertStopsListening(port);
    }

    /**
     * {@code z} as the ClientServer Python client sends it on an interrupted call: its own local
     * port, then the Java server's port. py4j's {@code shutdownSocket} closes every connection whose
     * remote port OR local port matches, and every server connection's local port is the server
     * port, so it closes all of them, not only the sender's.
     */
    @Test
    void cancelClosesEveryConnectionOfTheServer() throws IOException {
        int port = clientServer(null).getJavaServer().getListeningPort();
        CodecPythonClient bystander = connect(port, ConnectionMode.CLIENT_SERVER);
        assertOk(Value.ofInt(3), bystander, ADD);
        CodecPythonClient py = connect(port, ConnectionMode.CLIENT_SERVER);
        assertOk(Value.ofInt(3), py, ADD);

        py.send(new io.py4jcodec.api.model.CancelCommand("127.0.0.1", py.socket().getLocalPort(), port));
        assertTrue(py.closedByPeer());
        assertTrue(bystander.closedByPeer());
        // the server itself stays up
        CodecPythonClient after = connect(port, ConnectionMode.CLIENT_SERVER);
        assertOk(Value.ofInt(3), after, ADD);
    }

    /**
     * The JDK closes a server socket that another thread is blocked accepting on only once that
     * thread has left accept, so for a moment after {@code s} a connect can still succeed (and py4j,
     * already shut down, leaves that socket open). Refusal must come within a short while.
     */
    static void assertStopsListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(Live.LOOPBACK, port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                throw new AssertionError("connecting to the shut down server: " + other, other);
            }
            assertTrue(System.nanoTime() < deadline, "port " + port + " still accepts connections after s");
            Thread.sleep(20);
        }
    }

    @Test
    void clientServerShutdown() throws Exception {
        int port = clientServer(null).getJavaServer().getListeningPort();
        CodecPythonClient py = connect(port, ConnectionMode.CLIENT_SERVER);
        assertOk(Value.ofInt(3), py, ADD);
        py.send(ShutdownCommand.INSTANCE);
        assertTrue(py.closedByPeer());
        assertStopsListening(port);
    }
}
