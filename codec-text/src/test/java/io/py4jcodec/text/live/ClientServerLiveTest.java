package io.py4jcodec.text.live;

import static io.py4jcodec.text.live.Live.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.model.*;
import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import py4j.ClientServer;

/**
 * ClientServer ("pinned thread") mode against a real py4j {@link ClientServer}: a callback caused by
 * a Python call arrives on the same socket while that call's answer is pending, and the
 * CLIENT_SERVER-mode decoder must tell it from the answer by the {@code !}. Python's calls made
 * inside a callback go over the same socket and nest (reference §7). Java threads with no
 * connection of their own open one to the codec-built Python server, authenticate, and use it in
 * both directions.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientServerLiveTest {
    static final String TOKEN = "cs+Token/7=";
    static final String GREETER = LiveFixture.Greeter.class.getName();
    static final String FUNCTION = "java.util.function.Function";

    static LiveFixture fixture;
    static PythonAnswers python;
    static CodecCallbackServer pythonServer;
    static ClientServer clientServer;

    CodecPythonClient py;

    @BeforeAll
    static void start() throws IOException {
        Live.quietPy4j();
        fixture = new LiveFixture();
        python = new PythonAnswers();
        // ClientServer mode: a Python call made inside a callback goes over the connection it came on
        python.nested = (command, current) -> current.request(command);
        pythonServer = new CodecCallbackServer(ConnectionMode.CLIENT_SERVER, TOKEN, python);
        clientServer = new ClientServer.ClientServerBuilder(fixture)
                .javaPort(0)
                .pythonPort(pythonServer.port()).pythonAddress(Live.LOOPBACK)
                .readTimeout(Live.JAVA_READ_TIMEOUT_MS)
                .authToken(TOKEN)
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        clientServer.shutdown();
        pythonServer.close();
    }

    @BeforeEach
    void connect() throws IOException {
        py = CodecPythonClient.connect(clientServer.getJavaServer().getListeningPort(), ConnectionMode.CLIENT_SERVER, python);
        assertEquals(ReturnMessage.success(Value.ofVoid()), py.authenticate(TOKEN));
    }

    @AfterEach
    void disconnect() throws IOException {
        py.close();
        assertEquals(List.of(), pythonServer.failures);
    }

    static CallCommand call(String method, Value... args) {
        return new CallCommand("t", method, List.of(args));
    }

    static List<Command> serverCallbacks() {
        List<Command> all = new ArrayList<>();
        for (CodecPythonClient c : pythonServer.connections) {
            all.addAll(c.received);
        }
        return all;
    }

    @Test
    void callbackInterleavedWhileTheAnswerIsPending() throws IOException {
        String pid = python.nextProxyId();
        assertOk(Value.ofString("java got: hi world"), py, call("greet", Value.ofProxy(pid, GREETER), Value.ofString("world")));
        ProxyCallCommand expected = new ProxyCallCommand(pid, "greet", List.of(Value.ofString("world")));
        assertEquals(List.of(expected), py.received);
        assertEquals(List.of(ReturnMessage.success(Value.ofString("hi world"))), py.answered);
        assertFalse(serverCallbacks().contains(expected), "the callback must not take another connection");
    }

    /** Reference §7: call → callback → nested call → its answer → callback answer → answer, one socket. */
    @Test
    void nestedCallInsideACallbackOnTheSameSocket() throws IOException {
        assertOk(Value.ofInt(101), py, call("apply", Value.ofProxy(python.nextProxyId(), FUNCTION), Value.ofInt(1)));
        assertEquals(1, py.received.size());
    }

    @Test
    void callbacksNestSeveralLevelsDeep() throws IOException {
        int depth = 6;
        assertOk(Value.ofInt(PythonAnswers.expectedApply().apply(depth)), py,
                call("apply", Value.ofProxy(python.nextProxyId(), FUNCTION), Value.ofInt(depth)));
        assertEquals(depth, py.received.size());
        assertTrue(py.received.stream().allMatch(c -> c instanceof ProxyCallCommand p && p.method().equals("apply")));
    }

    @Test
    void errorAnswerToAnInterleavedCallback() throws IOException {
        Value v = Live.ok(py, call("greetCatching", Value.ofProxy(python.nextProxyId(), GREETER), Value.ofString("raise")));
        String msg = ((StringValue) v).value();
        assertTrue(msg.startsWith("py4j.Py4JException: An exception was raised by the Python Proxy. Return Message: "), msg);
        assertTrue(msg.endsWith(PythonAnswers.TRACEBACK), msg);
        // and the socket is still in step afterwards
        assertOk(Value.ofInt(3), py, call("addInts", Value.ofInt(1), Value.ofInt(2)));
    }

    @Test
    void everyArgumentTypeInAnInterleavedCallback() throws IOException {
        assertOk(Value.ofInt(11), py, call("pass", Value.ofProxy(python.nextProxyId(), LiveFixture.Sink.class.getName())));
        @SuppressWarnings("unchecked")
        List<Value> got = (List<Value>) python.notes.get("take");
        assertEquals(Value.ofString("a\nb\\c\u00e9\ud83d\ude00"), got.get(4));
        assertEquals(Value.ofBytes(new byte[] {0, -1, 10}), got.get(5));
        assertTrue(got.get(10) instanceof ListReference);
    }

    /**
     * A Java thread with no Python connection opens one to the Python server, authenticates, and
     * calls; the Python side's nested call then travels back to Java over that same connection.
     */
    @Test
    void javaThreadWithoutAConnectionOpensOneAndItCarriesNestedCalls() throws IOException {
        String pid = python.nextProxyId();
        assertOk(Value.ofInt(PythonAnswers.expectedApply().apply(2)), py,
                call("applyFromNewThread", Value.ofProxy(pid, FUNCTION), Value.ofInt(2)));
        assertTrue(py.received.isEmpty(), "the callback came from another Java thread, so not on this socket");
        CodecPythonClient javaOpened = pythonServer.connections.stream()
                .filter(c -> c.received.contains(new ProxyCallCommand(pid, "apply", List.of(Value.ofInt(2)))))
                .findFirst().orElseThrow();
        assertEquals(new AuthCommand(TOKEN), javaOpened.received.get(0));
        assertEquals(ReturnMessage.success(Value.ofVoid()), javaOpened.answered.get(0));
        // the depth-2 recursion came back on the same Java-opened socket
        assertEquals(2, javaOpened.received.stream().filter(c -> c instanceof ProxyCallCommand).count());
    }

    /**
     * The finalizer thread has no Python connection either, so the notice comes on a connection it
     * opens. The collector cannot be forced: skipped, not failed, if the notice never comes.
     */
    @Test
    void garbageCollectedProxyIsReported() throws Exception {
        String pid = python.nextProxyId();
        assertOk(Value.ofVoid(), py, call("forget", Value.ofProxy(pid, GREETER)));
        ProxyGcCommand expected = new ProxyGcCommand(pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (!serverCallbacks().contains(expected) && !py.received.contains(expected) && System.nanoTime() < deadline) {
            System.gc();
            System.runFinalization();
            Thread.sleep(50);
        }
        Assumptions.assumeTrue(serverCallbacks().contains(expected), "the JVM did not finalize the proxy in time; nothing to check");
        for (CodecPythonClient c : pythonServer.connections) {
            int i = c.received.indexOf(expected);
            if (i >= 0) {
                assertEquals(ReturnMessage.successWithoutValue(), c.answered.get(i));
            }
        }
    }
}
