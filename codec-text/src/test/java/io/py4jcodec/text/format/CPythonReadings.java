package io.py4jcodec.text.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Compares what {@link PythonNumberSyntax} and the lenient Python {@link PartDecoder} read from a
 * text with what CPython read from it: a reading in the form {@code python_numbers.py} writes
 * ({@code {"int": .., "float": .., "decimal": ..}}).
 */
final class CPythonReadings {
    private static final PartDecoder PYTHON = new PartDecoder(Side.PYTHON, false, Limits.DEFAULT);

    private CPythonReadings() {
    }

    /** The disagreements, each one line naming the input; empty when ours reads as CPython did. */
    static List<String> mismatches(String input, JsonNode reading) {
        List<String> out = new ArrayList<>();
        String what = quote(input);
        checkInt(what, input, reading.get("int"), out);
        checkFloat(what, input, reading.get("float"), out);
        checkDecimal(what, input, reading.get("decimal"), out);
        return out;
    }

    private static void checkInt(String what, String input, JsonNode expected, List<String> out) {
        IntegerText.Result r = new IntegerText.Result();
        PythonNumberSyntax.parseInt(input, r);
        Object part = decodePart('L', input);
        if (expected.has("error")) {
            if (r.ok || r.overflow) {
                out.add("int(" + what + "): CPython raises, ours " + (r.ok ? "reads " + r.value : "reads a big int"));
            }
            expectError(what, "int", part, Reason.BAD_NUMBER, out);
            return;
        }
        BigInteger v = new BigInteger(expected.get("value").asText());
        if (v.bitLength() > 63) {
            if (r.ok || !r.overflow) {
                out.add("int(" + what + "): CPython reads a big int, ours " + (r.ok ? r.value : "raises"));
            }
            expectError(what, "int", part, Reason.UNREPRESENTABLE, out);
            return;
        }
        if (!r.ok || r.value != v.longValue()) {
            out.add("int(" + what + "): CPython reads " + v + ", ours " + (r.ok ? r.value : "raises"));
        }
        if (!(part instanceof LongValue l) || l.value() != v.longValue()) {
            out.add("L part " + what + ": CPython reads " + v + ", PartDecoder gives " + part);
        }
    }

    private static void checkFloat(String what, String input, JsonNode expected, List<String> out) {
        String ours;
        try {
            ours = bits(PythonNumberSyntax.parseFloat(input));
        } catch (NumberFormatException e) {
            ours = "error";
        }
        Object part = decodePart('d', input);
        if (expected.has("error")) {
            if (!ours.equals("error")) {
                out.add("float(" + what + "): CPython raises, ours reads bits " + ours);
            }
            expectError(what, "float", part, Reason.BAD_NUMBER, out);
            return;
        }
        String bits = expected.get("bits").asText();
        if (!bits.equals(ours)) {
            out.add("float(" + what + "): CPython reads bits " + bits + ", ours " + ours);
        }
        if (!(part instanceof DoubleValue d) || !bits(d.value()).equals(bits)) {
            out.add("d part " + what + ": CPython reads bits " + bits + ", PartDecoder gives " + part);
        }
    }

    private static void checkDecimal(String what, String input, JsonNode expected, List<String> out) {
        Object ours;
        try {
            ours = PythonNumberSyntax.parseDecimal(input);
        } catch (PythonNumberSyntax.NotInModelException e) {
            ours = "not in model";
        } catch (NumberFormatException e) {
            ours = "error";
        }
        Object part = decodePart('D', input);
        if (expected.has("error")) {
            if (!"error".equals(ours)) {
                out.add("Decimal(" + what + "): CPython raises, ours gives " + ours);
            }
            expectError(what, "Decimal", part, Reason.BAD_NUMBER, out);
            return;
        }
        boolean negative = expected.get("sign").asInt() == 1;
        BigInteger exp = expected.has("exp") ? new BigInteger(expected.get("exp").asText()) : null;
        if (exp == null || exp.negate().bitLength() > 31) {
            if (!"not in model".equals(ours)) {
                out.add("Decimal(" + what + "): CPython reads " + expected + " (not in the model), ours gives " + ours);
            }
            expectError(what, "Decimal", part, Reason.UNREPRESENTABLE, out);
            return;
        }
        BigDecimal v = new BigDecimal(new BigInteger(expected.get("digits").asText()), exp.negate().intValueExact());
        DecimalValue want = new DecimalValue(negative ? v.negate() : v, negative && v.signum() == 0);
        if (!want.equals(ours)) {
            out.add("Decimal(" + what + "): CPython reads " + want + ", ours gives " + ours);
        }
        if (!want.equals(part)) {
            out.add("D part " + what + ": CPython reads " + want + ", PartDecoder gives " + part);
        }
    }

    private static void expectError(String what, String call, Object part, Reason reason, List<String> out) {
        if (!(part instanceof ProtocolException e) || e.reason() != reason) {
            out.add(call + " part " + what + ": expected " + reason + ", PartDecoder gives " + part);
        }
    }

    /** The part {@code prefix + input} decoded on the lenient Python side: a value or the exception. */
    private static Object decodePart(char prefix, String input) {
        byte[] bytes = (prefix + input).getBytes(StandardCharsets.UTF_8);
        // at an offset in a larger array, as a line inside a frame is
        byte[] framed = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, framed, 3, bytes.length);
        try {
            Value v = PYTHON.decode(new UnsafeBuffer(framed, 1, bytes.length + 4), 2, 2 + bytes.length, PartContext.ANSWER, 0, 0);
            return v;
        } catch (ProtocolException e) {
            return e;
        }
    }

    private static String bits(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        int n = 0;
        for (int i = 0; i < s.length() && n < 40; i++, n++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append(s.length() > 40 ? "...' (" + s.length() + " chars)" : "'").toString();
    }
}
