package io.py4jcodec.text.oracle;

import static io.py4jcodec.text.oracle.Seeded.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.ClassMember;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.MethodMember;
import io.py4jcodec.api.model.NoMember;
import io.py4jcodec.api.model.PackageMember;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ProxyGcCommand;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextEncoder;
import io.py4jcodec.text.format.DecimalText;
import io.py4jcodec.text.part.PartEncoder;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import py4j.Gateway;
import py4j.Protocol;
import py4j.Py4JException;
import py4j.ReturnObject;
import py4j.reflection.PythonProxyHandler;

/**
 * Our Java-side encoder against the real py4j 0.10.9.9 jar on generated values: every answer,
 * callback argument, error, auth and callback command must be the very bytes py4j's connection
 * writes (its string through {@code OutputStreamWriter(UTF-8)}).
 */
class JavaEncodeOracleTest {
    private static final TextEncoder JAVA = TextCodec.of(Side.JAVA).newEncoder();
    private static final PartEncoder PART = new PartEncoder(Side.JAVA);

    static void assertSameBytes(byte[] expected, byte[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + " differs\n  py4j: " + show(new String(expected, StandardCharsets.UTF_8))
                    + " (" + Seeded.hex(expected) + ")\n  ours: " + show(new String(actual, StandardCharsets.UTF_8))
                    + " (" + Seeded.hex(actual) + ")");
        }
    }

    /** One part plus its LF, as a callback argument goes out; the LF also flushes a held-back high surrogate. */
    static byte[] partLine(Value v) {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(64);
        int n = PART.encode(v, buf, 0);
        buf.putByte(n, (byte) '\n');
        byte[] out = new byte[n + 1];
        buf.getBytes(0, out);
        return out;
    }

    @Test
    void answersAndCallbackArgumentPartsMatchGetReturnObject() {
        Gateway gateway = Py4jOracle.gateway(new Object(), new Py4jOracle.RecordingPythonClient());
        int[] floats = {0};
        int[] floatDigits = {0};
        Seeded.forAll("answers", 20_000, c -> {
            Object o = JavaObjects.any(c.gen);
            c.input(JavaObjects.describe(o));
            ReturnObject ro = gateway.getReturnObject(o);
            Value v = JavaObjects.valueFor(o, ro.getName());
            String py4jAnswer = Protocol.getOutputCommand(ro);
            String py4jPart = ro.getCommandPart();
            if (o instanceof Float) {
                floats[0]++;
            }
            if (JavaObjects.floatDigitsDiffer(o)) {
                // FLOAT_DIGITS: same number, other digits; everything else must still match
                floatDigits[0]++;
                double ours = ((DoubleValue) v).value();
                assertEquals(Double.doubleToRawLongBits(ours), Double.doubleToRawLongBits(Double.parseDouble(py4jPart.substring(1))),
                        "FLOAT_DIGITS must denote the same double");
                py4jPart = "d" + Double.toString(ours);
                py4jAnswer = "!y" + py4jPart + "\n";
            }
            assertSameBytes(Py4jOracle.javaWrites(py4jAnswer), JAVA.encode(ReturnMessage.success(v)), "answer line for " + v);
            assertSameBytes(Py4jOracle.javaWrites(py4jPart + "\n"), partLine(v), "callback argument part for " + v);
        });
        System.out.printf("[oracle] answers: 20000 values, %d Floats, FLOAT_DIGITS difference on %d%n", floats[0], floatDigits[0]);
        assertTrue(floats[0] > 500, "too few Float cases to mean anything: " + floats[0]);
        if (Runtime.version().feature() < 19) {
            // the generator includes 1e23f, whose digits JDK 17's Double.toString does not reproduce
            assertTrue(floatDigits[0] > 0, "FLOAT_DIGITS was expected on JDK " + Runtime.version().feature());
        }
    }

    @Test
    void errorAnswersMatchGetOutputErrorCommand() {
        Seeded.forAll("errors", 5_000, c -> {
            String msg = c.gen.chance(50) ? c.gen.escapeHeavy(80) : c.gen.string(80);
            c.input(show(msg));
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputErrorCommand(msg)),
                    JAVA.encode(ReturnMessage.error(msg)), "error answer");
        });
        assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputErrorCommand()), JAVA.encode(ReturnMessage.bareError()), "bare error");
    }

    /** A throwable as py4j meets it: sometimes wrapped in the layers {@code getRootThrowable} peels off. */
    static Throwable throwable(Gen g) {
        String msg = g.chance(70) ? g.escapeHeavy(40) : g.string(40);
        Throwable t = g.pick(new RuntimeException(msg), new IllegalStateException(msg), new Error(msg),
                new Exception(msg, new RuntimeException(g.string(10))));
        if (g.chance(30)) {
            t = new Py4JException("wrapper " + g.string(5), t);
        }
        if (g.chance(30)) {
            t = new InvocationTargetException(t, g.string(5));
        }
        return t;
    }

    /**
     * The length an encoder checks before it writes a decimal is the length of py4j's part, on
     * generated decimals (scales -400 to 400, up to 200 bits of digits, zero with every scale).
     */
    @Test
    void aDecimalsLengthKnownWithoutWritingItIsPy4jsPartLength() {
        Seeded.forAll("decimal lengths", 20_000, c -> {
            BigDecimal d = c.gen.chance(10) ? BigDecimal.ZERO.setScale(c.gen.between(-50, 50)) : c.gen.decimal();
            c.input(d.unscaledValue() + " scale " + d.scale());
            String py4jPart = ReturnObject.getDecimalReturnObject(d).getCommandPart();
            assertEquals(py4jPart.length() - 1, DecimalText.javaLength(d), py4jPart);
        });
    }

    /**
     * Where py4j writes a decimal in full whatever its length (100,000,001 characters for the 12 of
     * {@code 1E+100000000}, or an {@code OutOfMemoryError}; FINDINGS 29), our encoder refuses one
     * whose answer line would pass {@code maxLineBytes}, naming the setting, before it builds
     * anything; up to that line it writes py4j's bytes, and a decoder with the same limits reads
     * them back.
     */
    @Test
    void aDecimalIsWrittenUpToMaxLineBytesAndRefusedBeyondItUnbuilt() {
        Limits limits = Limits.builder().maxLineBytes(1000).build();
        TextCodec codec = TextCodec.builder(Side.JAVA).limits(limits).build();
        TextEncoder limited = codec.newEncoder();
        // each pair: a decimal whose answer line is 1,000 bytes, and one a character longer
        BigDecimal[][] pairs = {
                {new BigDecimal("1E+996"), new BigDecimal("1E+997")},
                {new BigDecimal("-1E+995"), new BigDecimal("-1E+996")},
                {new BigDecimal(BigInteger.ONE, 995), new BigDecimal(BigInteger.ONE, 996)},
                {new BigDecimal(BigInteger.ONE.negate(), 994), new BigDecimal(BigInteger.ONE.negate(), 995)},
                {new BigDecimal(BigInteger.TEN.pow(995), 3), new BigDecimal(BigInteger.TEN.pow(996), 3)}};
        for (BigDecimal[] pair : pairs) {
            String py4j = Protocol.getOutputCommand(ReturnObject.getDecimalReturnObject(pair[0]));
            assertEquals(1000, py4j.length() - 1, "the longest answer line that fits");
            byte[] wire = limited.encode(ReturnMessage.success(Value.ofDecimal(pair[0])));
            assertSameBytes(Py4jOracle.javaWrites(py4j), wire, "answer at the limit");
            TextCodec.builder(Side.PYTHON).limits(limits).build().newDecoder().decode(wire, 0, wire.length);
            ProtocolException e = assertThrows(ProtocolException.class, () -> limited.encode(ReturnMessage.success(Value.ofDecimal(pair[1]))));
            assertEquals(Reason.UNENCODABLE, e.reason());
            assertEquals("maxLineBytes", e.limitSetting(), e.getMessage());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        TextEncoder byDefault = TextCodec.of(Side.JAVA).newEncoder();
        ReturnMessage huge = ReturnMessage.success(Value.ofDecimal(new BigDecimal("1E+2000000000")));
        assertThrows(ProtocolException.class, () -> byDefault.encode(huge));
        long before = threads.getCurrentThreadAllocatedBytes();
        ProtocolException e = assertThrows(ProtocolException.class, () -> byDefault.encode(huge));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().contains("2000000001"), e.getMessage());
        assertTrue(allocated < 1 << 20, "refusing 1E+2000000000 allocated " + allocated + " bytes");
        // Python writes the exponent: nothing to refuse
        assertEquals("!yD1E+2000000000\n", new String(TextCodec.of(Side.PYTHON).newEncoder().encode(huge), StandardCharsets.US_ASCII));
    }

    @Test
    void errorAndFatalAnswersCarryTheEscapedStackTrace() {
        Seeded.forAll("throwables", 600, c -> {
            Throwable t = throwable(c.gen);
            String trace = Protocol.getThrowableAsString(t);
            c.input(show(trace));
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputErrorCommand(t)), JAVA.encode(ReturnMessage.error(trace)), "!xs answer");
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputCommand(ReturnObject.getErrorReturnObject(t))),
                    JAVA.encode(ReturnMessage.error(trace)), "error ReturnObject");
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputFatalErrorCommand(t)), JAVA.encode(ReturnMessage.fatal(trace)), "!zs answer");
        });
    }

    @Test
    void fixedAndMemberAnswersMatchProtocol() {
        assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputVoidCommand()),
                JAVA.encode(ReturnMessage.success(VoidValue.INSTANCE)), "void");
        assertSameBytes(Py4jOracle.javaWrites(Protocol.getNoSuchFieldOutputCommand()),
                JAVA.encode(ReturnMessage.success(NoMember.INSTANCE)), "no such field");
        assertSameBytes(Py4jOracle.javaWrites(Protocol.getMemberOutputCommand(Protocol.PACKAGE_TYPE)),
                JAVA.encode(ReturnMessage.success(PackageMember.INSTANCE)), "package");
        assertSameBytes(Py4jOracle.javaWrites(Protocol.getMemberOutputCommand(Protocol.METHOD_TYPE)),
                JAVA.encode(ReturnMessage.success(MethodMember.INSTANCE)), "method");
        Seeded.forAll("members", 2_000, c -> {
            String name = c.gen.rawLine(40);
            c.input(show(name));
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getMemberOutputCommand(Protocol.CLASS_TYPE, name)),
                    JAVA.encode(ReturnMessage.success(new ClassMember(name))), "class member");
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getOutputCommand(ReturnObject.getErrorReferenceReturnObject(name))),
                    JAVA.encode(ReturnMessage.error(new ReferenceValue(name))), "error reference");
        });
    }

    @Test
    void authCommandMatchesGetAuthCommand() {
        Seeded.forAll("auth", 5_000, c -> {
            String token = c.gen.chance(50) ? c.gen.escapeHeavy(60) : c.gen.string(60);
            c.input(show(token));
            assertSameBytes(Py4jOracle.javaWrites(Protocol.getAuthCommand(token)), JAVA.encode(new AuthCommand(token)), "auth command");
        });
    }

    private static final List<Method> METHODS = new ArrayList<>();

    static {
        for (Class<?> k : List.of(List.class, Map.class, Runnable.class, Comparable.class, java.util.function.BiFunction.class)) {
            METHODS.addAll(Arrays.asList(k.getMethods()));
        }
    }

    /**
     * Drives {@code PythonProxyHandler.invoke} itself (the code behind every callback) with a
     * client that records the command instead of sending it. Its garbage-collect command is only
     * ever sent from {@code finalize}, so it is read from the handler's field.
     */
    @Test
    void callbackCommandsMatchPythonProxyHandler() throws Exception {
        Field finalizeCommand = PythonProxyHandler.class.getDeclaredField("finalizeCommand");
        finalizeCommand.setAccessible(true);
        Seeded.forAll("callbacks", 4_000, c -> {
            Py4jOracle.RecordingPythonClient client = new Py4jOracle.RecordingPythonClient();
            Gateway gateway = new Gateway(null, client);
            String id = c.gen.chance(60) ? "p" + c.gen.between(0, 100_000) : c.gen.pick("t", c.gen.rawLine(20));
            Method m = METHODS.get(c.rnd.nextInt(METHODS.size()));
            int n = c.gen.chance(10) ? -1 : c.gen.between(0, 6);
            Object[] args = n < 0 ? null : new Object[n];
            for (int i = 0; i < Math.max(n, 0); i++) {
                args[i] = JavaObjects.any(c.gen);
            }
            c.input("proxy " + show(id) + " method " + m.getName() + " args "
                    + (args == null ? "null" : Arrays.stream(args).map(JavaObjects::describe).toList()));
            PythonProxyHandler handler = new PythonProxyHandler(id, gateway);
            handler.invoke(null, m, args);
            assertEquals(1, client.sent.size(), "one command sent");

            List<Value> values = new ArrayList<>();
            for (int i = 0; i < Math.max(n, 0); i++) {
                values.add(JavaObjects.valueFor(args[i], boundId(gateway, args[i])));
            }
            String py4jCommand = client.sent.get(0);
            if (args != null && Arrays.stream(args).anyMatch(JavaObjects::floatDigitsDiffer)) {
                // FLOAT_DIGITS (see JavaObjects): swap in the digits the model can produce, line by line
                String[] lines = py4jCommand.split("\n", -1);
                for (int i = 0; i < n; i++) {
                    if (JavaObjects.floatDigitsDiffer(args[i])) {
                        lines[3 + i] = "d" + Double.toString(((DoubleValue) values.get(i)).value());
                    }
                }
                py4jCommand = String.join("\n", lines);
            }
            assertSameBytes(Py4jOracle.javaWrites(py4jCommand),
                    JAVA.encode(new ProxyCallCommand(id, m.getName(), values)), "callback command");
            assertSameBytes(Py4jOracle.javaWrites((String) finalizeCommand.get(handler)),
                    JAVA.encode(new ProxyGcCommand(id)), "garbage-collect command");
        });
    }

    /** The id under which the gateway stored {@code o} while encoding it (each argument is a fresh object). */
    private static String boundId(Gateway gateway, Object o) {
        for (Map.Entry<String, Object> e : gateway.getBindings().entrySet()) {
            if (e.getValue() == o) {
                return e.getKey();
            }
        }
        return null;
    }
}
