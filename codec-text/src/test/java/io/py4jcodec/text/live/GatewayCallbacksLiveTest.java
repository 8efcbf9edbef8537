package io.py4jcodec.text.live;

import static io.py4jcodec.text.live.Live.FIXTURE;
import static io.py4jcodec.text.live.Live.args;
import static io.py4jcodec.text.live.Live.assertOk;
import static io.py4jcodec.text.live.Live.id;
import static io.py4jcodec.text.live.Live.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.model.*;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import py4j.CallbackClient;
import py4j.Gateway;
import py4j.GatewayServer;
import py4j.Protocol;
import py4j.StringUtil;
import io.py4jcodec.api.Side;

/**
 * Java→Python callbacks in GatewayServer mode: the real py4j {@link CallbackClient} connects to the
 * codec-built {@link CodecCallbackServer}, authenticates ({@code A\n<token>\ne\n}), sends proxy
 * calls and garbage-collection notices, and reads the answers the Python encoder writes. Calls are
 * started by the codec-built {@link CodecPythonClient}, which authenticates to the real server too.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GatewayCallbacksLiveTest {
    /** Base64-like, as {@code --enable-auth} makes them: no character that escaping changes. */
    static final String TOKEN = "cb+Token/42==";
    static final String GREETER = LiveFixture.Greeter.class.getName();

    static LiveFixture fixture;
    static PythonAnswers python;
    static CodecCallbackServer callbackServer;
    static GatewayServer server;
    static Gateway gateway;

    CodecPythonClient py;

    @BeforeAll
    static void start() throws IOException {
        Live.quietPy4j();
        fixture = new LiveFixture();
        python = new PythonAnswers();
        // GatewayServer mode: a Python call made inside a callback goes over another connection
        python.nested = (command, current) -> {
            try (CodecPythonClient other = connect()) {
                return other.request(command);
            }
        };
        callbackServer = new CodecCallbackServer(ConnectionMode.GATEWAY, TOKEN, python);
        server = new GatewayServer.GatewayServerBuilder(fixture)
                .javaPort(0).javaAddress(Live.LOOPBACK)
                .readTimeout(Live.JAVA_READ_TIMEOUT_MS)
                .authToken(TOKEN)
                .callbackClient(new CallbackClient(callbackServer.port(), Live.LOOPBACK, TOKEN, 30, TimeUnit.SECONDS,
                        SocketFactory.getDefault(), true, Live.JAVA_READ_TIMEOUT_MS))
                .build();
        server.start();
        gateway = server.getGateway();
    }

    @AfterAll
    static void stop() throws IOException {
        server.shutdown();
        callbackServer.close();
    }

    static CodecPythonClient connect() throws IOException {
        CodecPythonClient c = CodecPythonClient.connect(server.getListeningPort());
        assertEquals(ReturnMessage.success(Value.ofVoid()), c.authenticate(TOKEN));
        return c;
    }

    @BeforeEach
    void open() throws IOException {
        py = connect();
    }

    @AfterEach
    void closeAndCheckTheCallbackServer() throws IOException {
        py.close();
        assertEquals(List.of(), callbackServer.failures);
        // every callback connection Java opened started with its auth, answered !yv
        for (CodecPythonClient c : callbackServer.connections) {
            if (!c.received.isEmpty()) {
                assertEquals(new AuthCommand(TOKEN), c.received.get(0));
                assertEquals(ReturnMessage.success(Value.ofVoid()), c.answered.get(0));
            }
        }
    }

    static CallCommand call(String method, Value... args) {
        return new CallCommand("t", method, List.of(args));
    }

    /** Every command Java sent to the callback server so far, across its connections. */
    static List<Command> allCallbacks() {
        List<Command> all = new ArrayList<>();
        for (CodecPythonClient c : callbackServer.connections) {
            all.addAll(c.received);
        }
        return all;
    }

    @Test
    void proxyCallAnsweredWithAValue() throws IOException {
        String pid = python.nextProxyId();
        assertOk(Value.ofString("java got: hi world"), py, call("greet", Value.ofProxy(pid, GREETER), Value.ofString("world")));
        assertTrue(allCallbacks().contains(new ProxyCallCommand(pid, "greet", List.of(Value.ofString("world")))));
    }

    /** Java's arguments to a proxy, as Java writes them and the Python decoder reads them. */
    @Test
    void proxyCallArgumentsOfEveryType() throws IOException {
        assertOk(Value.ofInt(11), py, call("pass", Value.ofProxy(python.nextProxyId(), LiveFixture.Sink.class.getName())));
        @SuppressWarnings("unchecked")
        List<Value> got = (List<Value>) python.notes.get("take");
        assertEquals(Value.ofInt(7), got.get(0));
        assertEquals(Value.ofLong(1L << 40), got.get(1));
        assertEquals(Value.ofDouble(0.1), got.get(2));
        assertEquals(Value.ofBoolean(true), got.get(3));
        assertEquals(Value.ofString("a\nb\\c\u00e9\ud83d\ude00"), got.get(4));
        assertEquals(Value.ofBytes(new byte[] {0, -1, 10}), got.get(5));
        assertEquals(Value.ofDecimal(new BigDecimal("-1.50")), got.get(6));
        assertEquals(Value.ofNull(), got.get(7));
        assertEquals(Value.ofString("q"), got.get(8)); // a char travels as a string
        assertEquals(Value.ofDouble(Double.parseDouble(Float.toString(2.5f))), got.get(9));
        assertEquals(fixture.names(), gateway.getObject(id(assertInstanceOf(ListReference.class, got.get(10)))));
    }

    /** Python's answers of every type, as py4j converts them to the interface's return types. */
    @Test
    void proxyAnswersOfEveryTypeReachJava() throws IOException {
        String objId = id(ok(py, new ConstructorCommand(FIXTURE, args(Value.ofString("obj"), Value.ofInt(1)))));
        python.objectId = objId;
        assertOk(Value.ofInt(8), py, call("askAll", Value.ofProxy(python.nextProxyId(), LiveFixture.Answers.class.getName())));
        List<Object> a = fixture.answers;
        assertEquals(-5, a.get(0));
        assertEquals(1L << 50, a.get(1));
        assertEquals(-0.0, (Double) a.get(2));
        assertEquals(true, a.get(3));
        assertEquals("x\\y\nz\ud83d\ude00", a.get(4));
        assertArrayEquals(new byte[] {1, 2, -3}, (byte[]) a.get(5));
        assertEquals(new BigDecimal("1E+2"), a.get(6)); // Python's exponent form, scale kept
        assertEquals(gateway.getObject(objId), a.get(7));
    }

    /**
     * A Python error answer ({@code !xs<traceback>}) becomes an exception in Java; py4j's own
     * {@code Protocol.getReturnValue}, given the same answer bytes, makes the same one.
     */
    @Test
    void proxyErrorAnswerBecomesAJavaException() throws Throwable {
        String result = ((StringValue) ok(py, call("greetCatching",
                Value.ofProxy(python.nextProxyId(), GREETER), Value.ofString("raise it")))).value();
        byte[] wire = TextCodec.of(Side.PYTHON).newEncoder().encode(ReturnMessage.error(PythonAnswers.TRACEBACK));
        String answer = new String(wire, 1, wire.length - 2, StandardCharsets.UTF_8); // as CallbackConnection strips it
        String expected = null;
        try {
            Protocol.getReturnValue(answer, gateway);
        } catch (RuntimeException e) {
            expected = e.getClass().getName() + ": " + e.getMessage();
        }
        assertEquals(expected, result);
        assertTrue(result.endsWith(PythonAnswers.TRACEBACK), result);
    }

    /** The uncaught case: the Python client sees {@code !xr} and can ask for the trace. */
    @Test
    void proxyErrorPropagatesToThePythonCaller() throws IOException {
        ErrorReturn err = Live.error(py, call("greet", Value.ofProxy(python.nextProxyId(), GREETER), Value.ofString("raise")));
        String id = id(assertInstanceOf(ReferenceValue.class, err.value()));
        String trace = ((StringValue) ok(py, new ExceptionCommand(Value.ofReference(id)))).value();
        assertTrue(trace.contains(PythonAnswers.TRACEBACK), trace);
    }

    @Test
    void callbackFromAnotherJavaThread() throws IOException {
        assertOk(Value.ofString("hi bg"), py, call("greetFromNewThread", Value.ofProxy(python.nextProxyId(), GREETER), Value.ofString("bg")));
    }

    /** Python calls back into Java from inside a callback; in GatewayServer mode on other connections. */
    @Test
    void nestedCallsThroughOtherConnections() throws IOException {
        int depth = 3;
        assertOk(Value.ofInt(PythonAnswers.expectedApply().apply(depth)), py,
                call("apply", Value.ofProxy(python.nextProxyId(), "java.util.function.Function"), Value.ofInt(depth)));
    }

    /**
     * A dropped proxy's finalizer sends {@code g\n<id>\ne\n}, answered by a bare {@code !y}. The
     * collector cannot be forced: the test asks for it for a few seconds and is skipped (not
     * failed) if the notice never comes.
     */
    @Test
    void garbageCollectedProxyIsReported() throws Exception {
        String pid = python.nextProxyId();
        assertOk(Value.ofVoid(), py, call("forget", Value.ofProxy(pid, GREETER)));
        ProxyGcCommand expected = new ProxyGcCommand(pid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (!allCallbacks().contains(expected) && System.nanoTime() < deadline) {
            System.gc();
            System.runFinalization();
            Thread.sleep(50);
        }
        Assumptions.assumeTrue(allCallbacks().contains(expected), "the JVM did not finalize the proxy in time; nothing to check");
        for (CodecPythonClient c : callbackServer.connections) {
            int i = c.received.indexOf(expected);
            if (i >= 0) {
                assertEquals(ReturnMessage.successWithoutValue(), c.answered.get(i));
            }
        }
        // the pooled callback connection that carried it is still in step
        assertOk(Value.ofString("java got: hi again"), py, call("greet", Value.ofProxy(python.nextProxyId(), GREETER), Value.ofString("again")));
    }

    /**
     * py4j bug: {@code CallbackClient} stores its token escaped and {@code Protocol.getAuthCommand}
     * escapes it again, so a token holding a backslash or a line break reaches Python escaped twice
     * and the real Python callback server refuses it. The codec-built server reads it exactly as
     * Python would, refuses with {@code !xn}, and Java's call fails.
     */
    @Test
    void callbackTokenWithABackslashIsEscapedTwiceByJava() throws IOException {
        String token = "back\\slash";
        PythonAnswers answers = new PythonAnswers();
        try (CodecCallbackServer strict = new CodecCallbackServer(ConnectionMode.GATEWAY, token, answers)) {
            GatewayServer other = new GatewayServer.GatewayServerBuilder(new LiveFixture())
                    .javaPort(0).javaAddress(Live.LOOPBACK).readTimeout(Live.JAVA_READ_TIMEOUT_MS)
                    .callbackClient(new CallbackClient(strict.port(), Live.LOOPBACK, token, 30, TimeUnit.SECONDS,
                            SocketFactory.getDefault(), false, Live.JAVA_READ_TIMEOUT_MS))
                    .build();
            other.start();
            try (CodecPythonClient c = CodecPythonClient.connect(other.getListeningPort())) {
                ErrorReturn err = Live.error(c, call("greet", Value.ofProxy("p0", GREETER), Value.ofString("x")));
                assertInstanceOf(ReferenceValue.class, err.value());
                Command auth = strict.received.poll(5, TimeUnit.SECONDS);
                assertEquals(new AuthCommand(StringUtil.escape(token)), auth);
                assertFalse(strict.received.stream().anyMatch(x -> x instanceof ProxyCallCommand));
                String trace = ((StringValue) ok(c, new ExceptionCommand(err.value()))).value();
                assertTrue(trace.contains("Authentication with callback server unsuccessful"), trace);
            } finally {
                other.shutdown();
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
