package io.py4jcodec.text.oracle;

import static io.py4jcodec.text.oracle.Seeded.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import py4j.Gateway;
import py4j.Protocol;
import py4j.reflection.PythonProxyHandler;
import py4j.reflection.ReflectionUtil;

/**
 * Our Java-side part decoder against {@code Protocol.getObject} of the real py4j 0.10.9.9 jar, on
 * canonical parts from both of our encoders and on lenient or broken ones. The line is given to
 * py4j as its reader would hand it over ({@code BufferedReader.readLine} of the bytes), and to our
 * decoder as bytes, in ARGUMENT context.
 *
 * <p>Both must produce the same Java value (same class, equal value, doubles by raw bits, decimals
 * with their scale, references and proxies by what the gateway holds), or both must fail. Where our
 * decoder intentionally reports an error for input py4j silently mis-reads, the case must fall under
 * one of the named {@link Difference} kinds, whose defining condition is checked for every case;
 * everything else is a failure.
 */
class JavaDecodeOracleTest {
    static final int CASES = 60_000;

    /** The named, intended differences: py4j reads the part, our decoder reports it as bad. */
    enum Difference {
        /**
         * A {@code j} part whose alphabet characters do not come in fours: py4j's
         * {@code Base64.decode} returns {@code null}, so the argument silently becomes null; we
         * report {@link Reason#BAD_BASE64}.
         */
        BASE64_BAD_LENGTH_IS_NULL,
        /**
         * A {@code j} part with padding where RFC 4648 allows none ({@code A===}, {@code AB=C},
         * {@code AAAA====}): py4j counts every {@code =} as a zero digit and trims the output by the
         * trailing ones, returning some bytes; we report {@link Reason#BAD_BASE64}.
         */
        BASE64_MISPLACED_PADDING,
        /**
         * An {@code f} part that names something that cannot be made into a proxy (no such class, a
         * class rather than an interface, the same interface twice): py4j fails while loading the
         * classes; our decoder reads the syntax and leaves class loading to its caller.
         */
        PROXY_NOT_BUILDABLE
    }

    private final Gateway gateway = Py4jOracle.gateway(new Object(), new Py4jOracle.RecordingPythonClient());
    private final PartDecoder ours = new PartDecoder(Side.JAVA, false, Limits.DEFAULT);
    private final Field handlerId;

    JavaDecodeOracleTest() throws NoSuchFieldException {
        for (String id : WireParts.BOUND_IDS) {
            if (gateway.getObject(id) == null) {
                gateway.putObject(id, new Object());
            }
        }
        handlerId = PythonProxyHandler.class.getDeclaredField("id");
        handlerId.setAccessible(true);
    }

    @Test
    void partsDecodeAsProtocolGetObjectDecodesThem() {
        Map<Difference, Integer> differences = new EnumMap<>(Difference.class);
        Map<String, int[]> byPrefix = new TreeMap<>(); // prefix -> {both read, both failed}
        Map<Reason, Integer> bothFailed = new EnumMap<>(Reason.class);
        Seeded.forAll("decode", CASES, c -> {
            byte[] part = WireParts.any(c.gen);
            List<String> lines = Py4jOracle.javaReadsLines(concat(part, new byte[] {'\n'}));
            assertEquals(1, lines.size(), "one line");
            String line = lines.get(0);
            c.input(show(line) + " bytes " + Seeded.hex(part));

            Object py4j;
            Throwable py4jError = null;
            try {
                py4j = Protocol.getObject(line, gateway);
            } catch (Throwable t) {
                py4j = null;
                py4jError = t;
            }
            Value v = null;
            ProtocolException ourError = null;
            try {
                v = ours.decode(new UnsafeBuffer(part), 0, part.length, PartContext.ARGUMENT, 0, 0);
            } catch (ProtocolException e) {
                ourError = e;
            }
            String prefix = line.isEmpty() ? "(empty)" : "ibdDLsjnvrflahtgpcmoe".indexOf(line.charAt(0)) >= 0 ? line.substring(0, 1) : "(other)";
            int[] tally = byPrefix.computeIfAbsent(prefix, k -> new int[2]);

            if (py4jError != null && ourError != null) {
                tally[1]++;
                bothFailed.merge(ourError.reason(), 1, Integer::sum);
                return;
            }
            if (py4jError == null && ourError == null && same(py4j, v)) {
                tally[0]++;
                return;
            }
            Difference d = classify(line, py4j, py4jError, v, ourError);
            if (d == null) {
                throw new AssertionError("py4j: " + (py4jError != null ? "threw " + py4jError : describe(py4j))
                        + "\n  ours: " + (ourError != null ? "threw " + ourError : v));
            }
            differences.merge(d, 1, Integer::sum);
        });
        System.out.println("[oracle] decode: " + CASES + " parts; per prefix {agree on a value, both fail}:");
        byPrefix.forEach((k, t) -> System.out.printf("[oracle]   %s %d %d%n", show(k), t[0], t[1]));
        System.out.println("[oracle]   both failed, by our reason: " + bothFailed);
        System.out.println("[oracle]   named differences: " + differences);
        for (Difference d : Difference.values()) {
            assertTrue(differences.getOrDefault(d, 0) > 0, d + " never occurred: the generator no longer reaches it, or it was fixed");
        }
        // the kinds above are rare exceptions, not the norm
        int agreed = byPrefix.values().stream().mapToInt(t -> t[0]).sum();
        assertTrue(agreed > CASES / 3, "most parts should decode to a value on both sides: " + agreed);
    }

    /** The Java object py4j would have produced for our value, compared with what it did produce. */
    private boolean same(Object py4j, Value v) {
        if (v instanceof IntValue i) {
            return i.fitsInt() ? Integer.valueOf((int) i.value()).equals(py4j) : Long.valueOf(i.value()).equals(py4j);
        }
        if (v instanceof LongValue l) {
            return Long.valueOf(l.value()).equals(py4j);
        }
        if (v instanceof DoubleValue d) {
            return py4j instanceof Double x && Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(d.value());
        }
        if (v instanceof BooleanValue b) {
            return Boolean.valueOf(b.value()).equals(py4j);
        }
        if (v instanceof DecimalValue d) {
            return d.value().equals(py4j); // BigDecimal.equals: value and scale
        }
        if (v instanceof StringValue s) {
            return s.value().equals(py4j);
        }
        if (v instanceof BytesValue b) {
            return py4j instanceof byte[] x && Arrays.equals(x, b.value());
        }
        if (v instanceof NullValue || v instanceof VoidValue) {
            return py4j == null;
        }
        if (v instanceof ReferenceValue r) {
            // unknown ids give null in py4j; known ones the very object bound under that id
            return py4j == gateway.getBindings().get(r.id());
        }
        if (v instanceof PythonProxyValue p) {
            if (py4j == null || !Proxy.isProxyClass(py4j.getClass())
                    || !(Proxy.getInvocationHandler(py4j) instanceof PythonProxyHandler h)) {
                return false;
            }
            List<String> names = Arrays.stream(py4j.getClass().getInterfaces()).map(Class::getName).toList();
            return p.id().equals(readId(h)) && p.interfaces().equals(names);
        }
        return false; // no other value is an argument on the Java side
    }

    private String readId(PythonProxyHandler h) {
        try {
            return (String) handlerId.get(h);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The difference kind this case belongs to, after checking the kind's defining condition; null if none. */
    private static Difference classify(String line, Object py4j, Throwable py4jError, Value v, ProtocolException ourError) {
        char prefix = line.isEmpty() ? 0 : line.charAt(0);
        if (prefix == 'j' && py4jError == null && ourError != null && ourError.reason() == Reason.BAD_BASE64) {
            String payload = line.substring(1);
            if (payload.chars().anyMatch(ch -> ch >= 0x100)) {
                return null; // py4j throws on these: it cannot have read the part
            }
            String kept = alphabetOnly(payload);
            if (py4j == null && kept.length() % 4 != 0) {
                return Difference.BASE64_BAD_LENGTH_IS_NULL;
            }
            if (py4j instanceof byte[] && kept.length() % 4 == 0 && !decodesStrictly(kept)) {
                return Difference.BASE64_MISPLACED_PADDING;
            }
            return null;
        }
        if (prefix == 'f' && py4jError != null && ourError == null && v instanceof PythonProxyValue p
                && !buildable(p.interfaces())) {
            return Difference.PROXY_NOT_BUILDABLE;
        }
        return null;
    }

    /** The characters py4j's decoder counts: the alphabet and '=' (it skips every other char below U+0100). */
    private static String alphabetOnly(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' || ch == '/' || ch == '=') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static boolean decodesStrictly(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code Proxy.newProxyInstance} could implement these names: distinct loadable interfaces. */
    private static boolean buildable(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            try {
                if (!ReflectionUtil.classForName(n).isInterface() || !seen.add(n)) {
                    return false;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Object o) {
        if (o instanceof byte[] b) {
            return "byte[] " + Seeded.hex(b);
        }
        if (o instanceof BigDecimal d) {
            return "BigDecimal " + d + " (scale " + d.scale() + ")";
        }
        return o == null ? "null" : o.getClass().getName() + " " + (o instanceof String s ? show(s) : String.valueOf(o));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
