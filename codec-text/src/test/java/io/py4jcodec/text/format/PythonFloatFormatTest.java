package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.testkit.Recorded;

class PythonFloatFormatTest
{
    private static final String ORACLE = "/oracle/python-float-repr.txt";

    /** Oracle lines: IEEE bits and CPython repr, from gen_python_repr.py. */
    private static long[] oracleBits;
    private static String[] oracleRepr;

    @BeforeAll
    static void loadOracle() throws IOException
    {
        final List<String> lines = new ArrayList<>();
        try (InputStream in = PythonFloatFormatTest.class.getResourceAsStream(ORACLE))
        {
            assertNotNull(in, ORACLE + " missing: run gen_python_repr.py");
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                if (!line.isEmpty())
                {
                    lines.add(line);
                }
            }
        }
        oracleBits = new long[lines.size()];
        oracleRepr = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            final int space = line.indexOf(' ');
            assertEquals(16, space, "bad oracle line " + (i + 1) + ": " + line);
            oracleBits[i] = Long.parseUnsignedLong(line, 0, 16, 16);
            oracleRepr[i] = line.substring(space + 1);
        }
        assertTrue(oracleBits.length > 25_000, "oracle unexpectedly small: " + oracleBits.length);
    }

    // ---------------------------------------------------------------------------------------------
    // The CPython oracle
    // ---------------------------------------------------------------------------------------------

    @Test
    void matchesCPythonReprOnEveryOracleLine()
    {
        final byte[] out = new byte[PythonFloatFormat.MAX_LENGTH];
        final List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < oracleBits.length; i++)
        {
            final double v = Double.longBitsToDouble(oracleBits[i]);
            final String got = new String(out, 0, PythonFloatFormat.formatTo(v, out), StandardCharsets.US_ASCII);
            if (!got.equals(oracleRepr[i]))
            {
                count++;
                if (mismatches.size() < 20)
                {
                    mismatches.add(String.format("%016x: python %s, java %s", oracleBits[i], oracleRepr[i], got));
                }
            }
        }
        if (count > 0)
        {
            fail(count + " of " + oracleBits.length + " oracle lines differ (JDK " + Runtime.version() + "); first ones:\n  "
                + String.join("\n  ", mismatches));
        }
    }

    /**
     * Against {@code repr} of a running python3 on seeded random doubles of every kind, and on the
     * subnormals and the neighbours of powers of two and ten, where one-digit reprs and uneven
     * rounding intervals are: skipped with one line where python3 is missing.
     */
    @Test
    void agreesWithPythonReprOnGeneratedDoubles() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(20261205);
        final List<Long> bits = new ArrayList<>();
        for (int i = 0; i < 40_000; i++)
        {
            bits.add(randomBits(random, i));
        }
        for (long k = 1; k <= 2000; k++)
        {
            bits.add(k);
            bits.add(Double.doubleToRawLongBits(Double.MIN_NORMAL) + k - 1000);
        }
        for (int e = -1074; e <= 1023; e++)
        {
            final long p = Double.doubleToRawLongBits(Math.scalb(1.0, e));
            bits.add(p - 1);
            bits.add(p);
            bits.add(p + 1);
        }
        for (int e = -323; e <= 308; e++)
        {
            final long p = Double.doubleToRawLongBits(Double.parseDouble("1e" + e));
            bits.add(p - 1);
            bits.add(p);
            bits.add(p + 1);
        }
        final List<String> hex = new ArrayList<>(bits.size());
        for (long b : bits)
        {
            hex.add(String.format("%016x", b));
        }
        final JsonNode reprs = PythonScript.run("repr", hex);
        final List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < bits.size(); i++)
        {
            final double v = Double.longBitsToDouble(bits.get(i));
            final String python = reprs.get(i).asText()
                .replace("nan", "NaN").replace("inf", "Infinity"); // py4j's spelling of the non-finite
            final String ours = PythonFloatFormat.format(v);
            if (!python.equals(ours) && mismatches.size() < 20)
            {
                mismatches.add(hex.get(i) + ": python " + python + ", ours " + ours);
            }
        }
        assertTrue(mismatches.isEmpty(), () -> "differs from python3's repr:\n" + String.join("\n", mismatches));
    }

    // ---------------------------------------------------------------------------------------------
    // Examples
    // ---------------------------------------------------------------------------------------------

    @Test
    void briefExamples()
    {
        assertFormat("1.5", 1.5);
        assertFormat("-0.0", -0.0);
        assertFormat("0.0", 0.0);
        assertFormat("1e+16", 1e16);
        assertFormat("1000000000000000.0", 1e15);
        assertFormat("123456789.0", 123456789.0);
        assertFormat("1e-07", 1e-7);
        assertFormat("0.0001", 1e-4);
        assertFormat("1e-05", 1e-5);
        assertFormat("0.30000000000000004", 0.1 + 0.2);
        assertFormat("5e-324", Double.MIN_VALUE);
        assertFormat("1.7976931348623157e+308", Double.MAX_VALUE);
        assertFormat("1e+22", 1e22);
        assertFormat("1e+23", 1e23);
        assertFormat("2e+23", 2e23);
    }

    @Test
    void moreCPythonExamples()
    {
        // all checked with CPython 3.11 repr()
        assertFormat("9999999999999998.0", 9999999999999998.0);
        assertFormat("9.99e-05", 9.99e-5);
        assertFormat("0.001", 0.001);
        assertFormat("2.2250738585072014e-308", Double.MIN_NORMAL);
        assertFormat("2.225073858507201e-308", Math.nextDown(Double.MIN_NORMAL));
        assertFormat("1e-323", 2 * Double.MIN_VALUE);
        assertFormat("-5e-324", -Double.MIN_VALUE);
        assertFormat("1.2345678901234567e+19", 12345678901234567890.0);
        assertFormat("8.713446267007562e+18", Double.longBitsToDouble(0x43de3b184db29c1cL));
        assertFormat("2.2358818755901183e+25", Double.longBitsToDouble(0x45327ea9fe53e94dL));
        assertFormat("1e+300", 1e300);
        assertFormat("0.1", 0.1);
        assertFormat("100.0", 100.0);
        assertFormat("-1.5", -1.5);
        assertFormat("9007199254740992.0", 9007199254740992.0);
        assertFormat("1.8446744073709552e+19", 0x1p64);
    }

    @Test
    void nonFiniteValuesAsPy4jEncodeFloat()
    {
        assertFormat("NaN", Double.NaN);
        assertFormat("NaN", Double.longBitsToDouble(0xFFF8_0000_0000_0000L));
        assertFormat("NaN", Double.longBitsToDouble(0x7FF0_0000_0000_0001L));
        assertFormat("Infinity", Double.POSITIVE_INFINITY);
        assertFormat("-Infinity", Double.NEGATIVE_INFINITY);
    }

    @Test
    void writeProducesTheSameBytesAtAnIndex()
    {
        final byte[] bytes = new byte[64];
        final MutableDirectBuffer buffer = arrayBackedBuffer(bytes);
        final double[] samples = {
            1.5, -0.0, 1e16, 5e-324, -Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY,
            -1.2345678901234567e-300, 0.30000000000000004, -0.00012345678901234567,
        };
        for (final double v : samples)
        {
            Arrays.fill(bytes, (byte)'#');
            final String expected = PythonFloatFormat.format(v);
            final int n = PythonFloatFormat.write(v, buffer, 7);
            assertEquals(expected.length(), n);
            assertEquals(expected, new String(bytes, 7, n, StandardCharsets.US_ASCII));
            assertEquals('#', bytes[6]);
            assertEquals('#', bytes[7 + n]);
        }
        // the longest outputs fit in 24 bytes
        assertEquals(24, PythonFloatFormat.format(-1.2345678901234567e-300).length());
        assertEquals(23, PythonFloatFormat.format(-0.00012345678901234567).length());
    }

    /**
     * A MutableDirectBuffer over a byte[] that needs no Unsafe: Agrona 2's UnsafeBuffer needs
     * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}, which this module's surefire
     * configuration may not pass. Supports the single-byte and byte[] puts only.
     */
    private static MutableDirectBuffer arrayBackedBuffer(final byte[] bytes)
    {
        final InvocationHandler handler = (proxy, method, args) ->
        {
            final Class<?>[] types = method.getParameterTypes();
            if (method.getName().equals("putBytes") && types.length == 4 && types[1] == byte[].class)
            {
                System.arraycopy((byte[])args[1], (int)args[2], bytes, (int)args[0], (int)args[3]);
                return null;
            }
            if (method.getName().equals("putByte") && types.length == 2)
            {
                bytes[(int)args[0]] = (byte)args[1];
                return null;
            }
            if (method.getName().equals("capacity") && types.length == 0)
            {
                return bytes.length;
            }
            throw new UnsupportedOperationException(method.toString());
        };
        return (MutableDirectBuffer)Proxy.newProxyInstance(
            PythonFloatFormatTest.class.getClassLoader(), new Class<?>[] {MutableDirectBuffer.class}, handler);
    }

    // ---------------------------------------------------------------------------------------------
    // Round trip through PythonNumberSyntax.parseFloat
    // ---------------------------------------------------------------------------------------------

    @Test
    void parseOfFormatIsTheIdentityOnRandomDoubles()
    {
        final SplittableRandom random = new SplittableRandom(20240917);
        int failures = 0;
        final StringBuilder report = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            final long bits = randomBits(random, i);
            final double v = Double.longBitsToDouble(bits);
            final String text = PythonFloatFormat.format(v);
            final double back = PythonNumberSyntax.parseFloat(text);
            final boolean same = Double.isNaN(v) ? Double.isNaN(back) :
                Double.doubleToRawLongBits(back) == bits;
            if (!same && failures++ < 20)
            {
                report.append(String.format("%016x -> %s -> %016x%n", bits, text, Double.doubleToRawLongBits(back)));
            }
        }
        assertEquals(0, failures, report::toString);
    }

    /** A mix: any bit pattern, subnormals, "nice" decimals and integers. */
    private static long randomBits(final SplittableRandom random, final int i)
    {
        switch (i % 5)
        {
            case 0:
            case 1:
                return random.nextLong();
            case 2:
                return (random.nextLong() & 0x8000_0000_0000_0000L) | (random.nextLong() >>> (12 + random.nextInt(52)));
            case 3:
            {
                final long mantissa = random.nextLong(1, 1_000_000);
                final int exp = random.nextInt(-330, 310);
                return Double.doubleToRawLongBits(Double.parseDouble(mantissa + "e" + exp));
            }
            default:
                return Double.doubleToRawLongBits((double)(random.nextLong() >> random.nextInt(64)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // py4j's recorded vectors (protocol.encode_float and float get_command_part)
    // ---------------------------------------------------------------------------------------------

    @Test
    void py4jPythonVectors()
    {
        final JsonNode records = Recorded.json("vectors/py_get_command_part.json");
        int checked = 0;
        for (final JsonNode record : records)
        {
            final String function = record.path("function").asText();
            final JsonNode input = record.path("input");
            if (!"float".equals(input.path("py_type").asText()) || !input.hasNonNull("hex"))
            {
                continue;
            }
            final double v = fromPythonHex(input.get("hex").asText());
            final String wire = record.path("wire").asText();
            if ("protocol.encode_float".equals(function))
            {
                assertEquals(wire, PythonFloatFormat.format(v), record.toString());
                checked++;
            }
            else if ("protocol.get_command_part".equals(function))
            {
                assertEquals(wire, "d" + PythonFloatFormat.format(v) + "\n", record.toString());
                checked++;
            }
        }
        assertTrue(checked >= 9, "only " + checked + " float vectors found");
    }

    /** Python float.hex() output ("0x1.8p+0", "-0x0.0p+0") or nan / inf / -inf. */
    private static double fromPythonHex(final String hex)
    {
        switch (hex)
        {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(hex);
        }
    }

    private static void assertFormat(final String expected, final double v)
    {
        assertEquals(expected, PythonFloatFormat.format(v), () -> String.format("bits %016x", Double.doubleToRawLongBits(v)));
    }
}
