package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import py4j.Py4JException;

/**
 * The callback client against a scripted stand-in for the Python callback server (real-Python
 * callbacks are in GatewayPythonClientTest and the scenario suite): the callback-side findings of
 * codec-fuzz/FINDINGS.md (#7) and docs/py4j-observations.md (2) do not happen.
 */
class CallbackClientTest {

    /** A callback server that answers each request with what {@code answer} says, logging every line it reads. */
    private static final class FakePythonServer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Integer> connections = new CopyOnWriteArrayList<>();
        private final Thread thread;

        FakePythonServer(Function<String, String> answer) throws IOException {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        connections.add(s.getPort());
                        Thread t = new Thread(() -> serve(s, answer));
                        t.setDaemon(true);
                        t.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(Socket s, Function<String, String> answer) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                OutputStream out = s.getOutputStream();
                String line;
                StringBuilder frame = new StringBuilder();
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    frame.append(line).append('\n');
                    if (line.equals("e")) {
                        out.write(answer.apply(frame.toString()).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        frame.setLength(0);
                    }
                }
            } catch (IOException e) {
                // connection closed
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static PythonCallbackClient client(int port, String token) {
        GatewayConfig cfg = GatewayConfig.builder().callbackAuthToken(token).build();
        return new PythonCallbackClient(InetAddress.getLoopbackAddress(), port, cfg);
    }

    /** FINDINGS #7: py4j keeps a connection whose answer had an extra line, and the next call reads that line. */
    @Test
    void anAnswerWithAnExtraLineNeverAnswersTheNextCall() throws Exception {
        try (FakePythonServer py = new FakePythonServer(frame -> frame.contains("\nfirst\n") ? "!yi1\n!yi999\n" : "!yi2\n")) {
            PythonCallbackClient c = client(py.port(), null);
            assertEquals(ReturnMessage.success(Value.ofInt(1)), c.call(new ProxyCallCommand("p0", "first", List.of())));
            Thread.sleep(100); // the stray line has arrived by now
            assertEquals(ReturnMessage.success(Value.ofInt(2)), c.call(new ProxyCallCommand("p0", "second", List.of())));
            assertEquals(2, py.connections.size(), "the connection with the stray line was dropped");
            c.shutdown();
        }
    }

    /** Observation 2: py4j's CallbackClient escapes the token twice; ours once, as Protocol.getAuthCommand does. */
    @Test
    void callbackTokenIsEscapedOnce() throws Exception {
        try (FakePythonServer py = new FakePythonServer(frame -> frame.startsWith("A\n") ? "!yv\n" : "!ysok\n")) {
            PythonCallbackClient c = client(py.port(), "a\\b");
            assertEquals(ReturnMessage.success(Value.ofString("ok")), c.call(new ProxyCallCommand("p1", "m", List.of(Value.ofInt(5)))));
            assertEquals(List.of("A", "a\\\\b", "e", "c", "p1", "m", "i5", "e"), py.lines);
            c.shutdown();
        }
    }

    @Test
    void refusedTokenIsPy4jsChannelError() throws Exception {
        try (FakePythonServer py = new FakePythonServer(frame -> "!xn\n")) {
            PythonCallbackClient c = client(py.port(), "t");
            Py4JException e = assertThrows(Py4JException.class, () -> c.call(new ProxyCallCommand("p0", "m", List.of())));
            assertEquals("Error while obtaining a new communication channel", e.getMessage());
        }
    }

    @Test
    void pooledConnectionIsReusedAndAClosedOneReplacedOnce() throws Exception {
        try (FakePythonServer py = new FakePythonServer(frame -> "!yi7\n")) {
            PythonCallbackClient c = client(py.port(), null);
            for (int i = 0; i < 5; i++) {
                assertEquals(ReturnMessage.success(Value.ofInt(7)), c.call(new ProxyCallCommand("p0", "m", List.of())));
            }
            assertEquals(1, py.connections.size());
            assertEquals(1, c.idleConnections());
            // py4j's text for a proxy call: "c\np0\nm\ne\n" read, written, answered as "yi7"
            assertEquals("yi7", c.sendCommand("c\np0\nm\ne\n"));
            assertTrue(c.quiesce(1, java.util.concurrent.TimeUnit.SECONDS));
            c.shutdown();
        }
    }
}
