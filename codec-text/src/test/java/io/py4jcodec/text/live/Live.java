package io.py4jcodec.text.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import py4j.GatewayServer;

/** Small helpers shared by the live tests. */
final class Live {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String FIXTURE = LiveFixture.class.getName();
    /** Java's read timeout on its sockets (ms): a stuck peer resets instead of hanging a test. */
    static final int JAVA_READ_TIMEOUT_MS = 10_000;

    static {
        // py4j logs every command at INFO and every expected failure at WARNING with a stack trace
        GatewayServer.turnLoggingOff();
    }

    private Live() {
    }

    static void quietPy4j() {
        // forces the static initialiser
    }

    /** Sends {@code c}, asserts a success answer with a value, returns the value. */
    static Value ok(CodecPythonClient py, Command c) throws IOException {
        ReturnMessage r = py.request(c);
        SuccessReturn s = assertInstanceOf(SuccessReturn.class, r, () -> c + " answered " + r);
        assertNotNull(s.value(), () -> c + " answered a bare !y");
        return s.value();
    }

    /** Sends {@code c}, asserts an error answer, returns it. */
    static ErrorReturn error(CodecPythonClient py, Command c) throws IOException {
        ReturnMessage r = py.request(c);
        return assertInstanceOf(ErrorReturn.class, r, () -> c + " answered " + r);
    }

    /** Sends {@code c}, asserts an {@code !xs<message>} answer, returns the message. */
    static String errorMessage(CodecPythonClient py, Command c) throws IOException {
        ErrorReturn e = error(py, c);
        return assertInstanceOf(StringValue.class, e.value(), () -> c + " answered " + e).value();
    }

    static void assertOk(Value expected, CodecPythonClient py, Command c) throws IOException {
        assertEquals(ReturnMessage.success(expected), py.request(c), () -> c.toString());
    }

    /** The id inside any reference answer ({@code r l a h t g}). */
    static String id(Value v) {
        if (v instanceof ReferenceValue r) {
            return r.id();
        } else if (v instanceof ListReference r) {
            return r.id();
        } else if (v instanceof ArrayReference r) {
            return r.id();
        } else if (v instanceof MapReference r) {
            return r.id();
        } else if (v instanceof SetReference r) {
            return r.id();
        } else if (v instanceof IteratorReference r) {
            return r.id();
        }
        throw new AssertionError("not a reference: " + v);
    }

    static List<Value> args(Value... v) {
        return List.of(v);
    }
}
