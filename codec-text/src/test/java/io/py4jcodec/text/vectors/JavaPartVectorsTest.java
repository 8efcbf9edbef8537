package io.py4jcodec.text.vectors;

import static io.py4jcodec.text.vectors.Vectors.assertBytes;
import static io.py4jcodec.text.vectors.Vectors.concat;
import static io.py4jcodec.text.vectors.Vectors.hex;
import static io.py4jcodec.text.vectors.Vectors.perRecord;
import static io.py4jcodec.text.vectors.Vectors.show;
import static io.py4jcodec.text.vectors.Vectors.utf8;
import static io.py4jcodec.text.vectors.Vectors.wireBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.format.Base64Text;
import io.py4jcodec.text.format.PythonFloatFormat;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;
import io.py4jcodec.text.part.PartEncoder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java peer's typed parts: {@code java_getobject.json} (what {@code Protocol.getObject} makes of a
 * part, lenient and strict), {@code java_encode.json} (what {@code Gateway.getReturnObject} +
 * {@code Protocol.getOutputCommand} write) and {@code java_base64.json}.
 */
class JavaPartVectorsTest {
    @TestFactory
    Stream<DynamicNode> vectors() {
        return Vectors.stream(
                perRecord("java_getobject", (i, r) -> show(r.get("wire").asText()) + getObjectNote(r), (i, r) -> getObject(r)),
                perRecord("java_encode", (i, r) -> show(r.get("command_part").asText())
                        + (thisJvmDigits(r.get("input")) != null ? " [JDK dependent: JDK 17 digits, this JVM writes "
                        + thisJvmDigits(r.get("input")) + "]" : ""), (i, r) -> encode(r)),
                perRecord("java_base64", (i, r) -> show(r.get("wire").asText()), (i, r) -> base64(r)));
    }

    // ---------------------------------------------------------------- java_getobject

    /** Records whose Java result depends on the gateway's state, not on the text: the codec gives what it can know. */
    private static String getObjectNote(JsonNode r) {
        String w = r.get("wire").asText();
        if (w.startsWith("r") && r.has("output")) {
            return " [gateway scope: id -> bound object]";
        }
        if (w.startsWith("f") && (r.has("output") || isInterfaceCheck(r))) {
            return " [gateway scope: interface class check]";
        }
        return "";
    }

    private static boolean isInterfaceCheck(JsonNode r) {
        JsonNode e = r.get("output_error");
        if (e == null) {
            return false;
        }
        String m = e.get("message").asText();
        return m.startsWith("This class ") || (m.startsWith("Invalid interface name: ") && m.length() > "Invalid interface name: ".length());
    }

    private static void getObject(JsonNode r) {
        String wire = r.get("wire").asText();
        byte[] line = wireBytes(r);
        Value lenient = null;
        ProtocolException lenientError = null;
        try {
            lenient = decodePart(Side.JAVA, false, line);
        } catch (ProtocolException e) {
            lenientError = e;
        }

        if (r.has("output_error")) {
            JsonNode err = r.get("output_error");
            if (isInterfaceCheck(r)) {
                // Gateway scope: whether a name is a loadable interface is the gateway's business;
                // the codec hands over the names as written
                assertNull(lenientError, "decodes: the names are well-formed");
                PythonProxyValue p = assertInstanceOf(PythonProxyValue.class, lenient);
                String bad = err.get("message").asText().replaceFirst("^This class (\\S+) is not an interface.*$", "$1")
                        .replaceFirst("^Invalid interface name: ", "");
                assertTrue(p.interfaces().contains(bad), p + " names " + bad);
            } else {
                assertNotNull(lenientError, "Java throws " + err + "; we decoded " + lenient);
                assertEquals(expectedReason(err), lenientError.reason(), lenientError.getMessage());
            }
        } else {
            if (lenientError != null) {
                throw new AssertionError("Java reads " + r.get("output") + " but we fail", lenientError);
            }
            assertJavaObject(r.get("output"), lenient, wire);
        }

        // strict: rejects exactly the spellings neither peer writes (and i beyond int, which Java
        // silently reads as a Long); accepts every canonical spelling
        boolean expectAccept = lenientError == null && canonical(wire, lenient);
        try {
            Value strict = decodePart(Side.JAVA, true, line);
            assertTrue(expectAccept, "strict must reject " + show(wire) + " but gave " + strict);
            assertEquals(lenient, strict, "strict reads what lenient reads");
        } catch (ProtocolException e) {
            assertFalse(expectAccept, "strict must accept " + show(wire) + ": " + e.getMessage());
        }
    }

    static Value decodePart(Side side, boolean strict, byte[] line) {
        return new PartDecoder(side, strict, Limits.DEFAULT)
                .decode(new UnsafeBuffer(line), 0, line.length, PartContext.ARGUMENT, 0, 0);
    }

    /** The codec's reason for the exception {@code Protocol.getObject} throws. */
    private static Reason expectedReason(JsonNode err) {
        Reason r = codecReasonFor(err);
        if (r == null) {
            throw new AssertionError("no codec reason for " + err);
        }
        return r;
    }

    /**
     * The codec's reason for an exception the Java peer throws while reading text, or null when the
     * exception comes from the gateway's objects (class loading, field types, conversions, casts,
     * the auth token): those the codec cannot and should not know.
     */
    static Reason codecReasonFor(JsonNode err) {
        String ex = err.get("exception").asText();
        String msg = err.get("message").isNull() ? "" : err.get("message").asText();
        if (ex.equals("java.lang.NumberFormatException")) {
            return Reason.BAD_NUMBER;
        }
        if (msg.equals("Command Part is Empty or is the End of Command Part")) {
            return Reason.EMPTY_PART;
        }
        if (msg.startsWith("Command Part is unknown: ")) {
            return Reason.UNKNOWN_TYPE;
        }
        if (msg.equals("Reference is empty.")) {
            return Reason.EMPTY_REFERENCE;
        }
        if (msg.equals("Invalid Python Proxy.") || msg.equals("Invalid interface name: ")) {
            return Reason.BAD_PROXY;
        }
        return null;
    }

    /**
     * The test's own statement of a canonical spelling, written from the two writers' rules (not from
     * the decoder): integers without sign or leading zeros (and {@code i} within the int range),
     * booleans true/false in any case, the decimal-or-exponent grammar both float writers use plus
     * {@code NaN}/{@code Infinity}, escapes only of backslash/CR/LF, Base64 as an encoder writes it,
     * nothing after {@code n}/{@code v}, doubles and decimals as one of the two peers spells them.
     */
    static boolean canonical(String wire, Value decoded) {
        String t = wire.substring(1);
        return switch (wire.charAt(0)) {
            case 'i' -> t.matches("-?(0|[1-9][0-9]*)") && !t.equals("-0") && ((IntValue) decoded).fitsInt();
            case 'L' -> t.matches("-?(0|[1-9][0-9]*)") && !t.equals("-0");
            case 'b' -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
            // Python's repr (checked against CPython elsewhere) or the form of Java's Double.toString
            case 'd' -> t.equals(PythonFloatFormat.format(((DoubleValue) decoded).value()))
                    || t.matches("NaN|-?Infinity|-?[0-9]+\\.[0-9]+|-?[0-9]\\.[0-9]+E-?[0-9]+");
            // Python's str(Decimal) (BigDecimal.toString, plus a signed zero) or Java's toPlainString
            case 'D' -> t.equals((t.startsWith("-") && new BigDecimal(t).signum() == 0 ? "-" : "") + new BigDecimal(t))
                    || t.equals(new BigDecimal(t).toPlainString());
            case 's' -> wellFormedEscapes(t);
            case 'j' -> t.equals(Base64.getEncoder().encodeToString(((BytesValue) decoded).value()));
            case 'n', 'v' -> t.isEmpty();
            default -> true;
        };
    }

    private static boolean wellFormedEscapes(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\\') {
                if (i + 1 == t.length() || "\\nr".indexOf(t.charAt(i + 1)) < 0) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** {@code output} is the Java object {@code Protocol.getObject} returned; {@code v} must be what it maps to. */
    static void assertJavaObject(JsonNode out, Value v, String wire) {
        JsonNode type = out.get("java_type");
        if (type.isNull()) {
            if (wire.startsWith("r")) {
                // gateway scope: an unknown id resolves to null; the codec can only give the id
                assertEquals(new ReferenceValue(wire.substring(1)), v);
                return;
            }
            assertTrue(v instanceof NullValue || v instanceof VoidValue, "Java null from " + v);
            return;
        }
        String value = out.path("value").asText();
        switch (type.asText()) {
            case "java.lang.Integer" -> {
                IntValue i = assertInstanceOf(IntValue.class, v);
                assertTrue(i.fitsInt(), "an Integer fits int");
                assertEquals(Integer.parseInt(value), (int) i.value());
            }
            case "java.lang.Long" -> {
                // i beyond the int range falls back to Long, as Java's getInteger does
                long l = v instanceof IntValue i ? i.value() : assertInstanceOf(LongValue.class, v).value();
                if (v instanceof IntValue i) {
                    assertFalse(i.fitsInt(), "i that Java reads as Long does not fit int");
                }
                assertEquals(Long.parseLong(value), l);
            }
            case "java.lang.Boolean" -> assertEquals(Value.ofBoolean(Boolean.parseBoolean(value)), v);
            case "java.lang.Double" -> {
                DoubleValue d = assertInstanceOf(DoubleValue.class, v);
                assertEquals(Long.parseUnsignedLong(out.get("raw_bits").asText(), 16), Double.doubleToRawLongBits(d.value()),
                        "raw bits of " + value);
            }
            case "java.math.BigDecimal" -> {
                DecimalValue d = assertInstanceOf(DecimalValue.class, v);
                assertEquals(new BigDecimal(value), d.value(), "value and scale");
                assertEquals(value, d.value().toString());
                assertFalse(d.negativeZero(), "BigDecimal has no negative zero");
            }
            case "java.lang.String" -> assertEquals(new StringValue(value), v);
            case "[B" -> assertEquals(new BytesValue(hex(out.get("value_hex").asText())), v);
            default -> {
                if (wire.startsWith("r")) {
                    // gateway scope: the gateway binds the id to its object
                    assertEquals(new ReferenceValue(wire.substring(1)), v);
                } else if (wire.startsWith("f")) {
                    // gateway scope: the gateway builds the proxy; the interfaces it implements are
                    // those the part names, in order
                    PythonProxyValue p = assertInstanceOf(PythonProxyValue.class, v);
                    List<String> ifaces = new ArrayList<>();
                    Matcher m = Pattern.compile("interface ([\\w.$]+)").matcher(value);
                    while (m.find()) {
                        ifaces.add(m.group(1));
                    }
                    assertFalse(ifaces.isEmpty(), value);
                    assertEquals(ifaces, p.interfaces());
                    assertTrue(wire.startsWith("f" + p.id() + ";") && !p.id().isEmpty(), "proxy id " + p.id());
                } else {
                    fail("unexpected Java type " + type + " for " + show(wire));
                }
            }
        }
    }

    // ---------------------------------------------------------------- java_encode

    private static void encode(JsonNode r) {
        JsonNode in = r.get("input");
        String part = r.get("command_part").asText();
        Value v = javaValue(in, part);
        byte[] wire = wireBytes(r);
        byte[] ours = Vectors.encode(Side.JAVA, ReturnMessage.success(v));
        byte[] ourPart = part(Side.JAVA, v);

        String thisJvm = thisJvmDigits(in);
        if (thisJvm != null) {
            // JDK dependent: the recorded digits are JDK 17's; the peer on this JVM writes its own
            assertBytes(utf8("!yd" + thisJvm + "\n"), ours, "this JVM's Double.toString");
            return;
        }
        assertBytes(wire, ours, "answer line");
        assertBytes(utf8(part), ourPart, "command_part");
        if (r.has("wire_utf8_hex")) {
            assertEquals(r.get("wire_utf8_hex").asText(), hex(ours));
        }
    }

    /** The model value for the recorded Java object; references take their id from the recorded part. */
    static Value javaValue(JsonNode in, String recordedPart) {
        JsonNode t = in.get("java_type");
        if (t.isNull()) {
            return NullValue.INSTANCE;
        }
        String value = in.path("value").asText();
        switch (t.asText()) {
            case "java.lang.Integer", "java.lang.Short", "java.lang.Byte",
                    "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong":
                // py4j writes every Number other than Long/Double/Float/BigDecimal/BigInteger as i
                return new IntValue(Long.parseLong(value));
            case "java.lang.Long":
                return new LongValue(Long.parseLong(value));
            case "java.lang.Boolean":
                return Value.ofBoolean(Boolean.parseBoolean(value));
            case "java.lang.Double":
                return new DoubleValue(Double.longBitsToDouble(Long.parseUnsignedLong(in.get("raw_bits").asText(), 16)));
            case "java.lang.Float":
                return DoubleValue.ofFloat(Float.intBitsToFloat(Integer.parseUnsignedInt(in.get("raw_bits").asText(), 16)));
            case "java.lang.Character", "java.lang.String":
                return new StringValue(value);
            case "[B":
                return new BytesValue(hex(in.get("value_hex").asText()));
            case "java.math.BigDecimal":
                return DecimalValue.of(new BigDecimal(value));
            default:
                break;
        }
        // everything else goes by reference under a fresh id; the letter follows the object's class
        Class<?> c;
        try {
            c = Class.forName(t.asText());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        String id = recordedPart.substring(1);
        if (List.class.isAssignableFrom(c)) {
            return new ListReference(id);
        }
        if (Map.class.isAssignableFrom(c)) {
            return new MapReference(id);
        }
        if (c.isArray()) {
            return new ArrayReference(id);
        }
        if (Set.class.isAssignableFrom(c)) {
            return new SetReference(id);
        }
        if (Iterator.class.isAssignableFrom(c)) {
            return new IteratorReference(id);
        }
        return new ReferenceValue(id);
    }

    static byte[] part(Side side, Value v) {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(64);
        int n = new PartEncoder(side).encode(v, buf, 0);
        byte[] out = new byte[n];
        buf.getBytes(0, out);
        return out;
    }

    // ---------------------------------------------------------------- java_base64

    private static void base64(JsonNode r) {
        String wire = r.get("wire").asText();
        if (r.get("function").asText().startsWith("Protocol.encodeBytes")) {
            byte[] bytes = hex(r.get("input").asText());
            assertBytes(utf8(wire), Base64Text.encode(bytes), "encodeBytes");
            assertBytes(utf8("j" + wire), part(Side.JAVA, new BytesValue(bytes)), "j part");
            return;
        }
        byte[] expected = hex(r.get("output").asText());
        byte[] text = utf8(wire);
        assertArrayEquals(expected, Base64Text.decode(Side.JAVA, new UnsafeBuffer(text), 0, text.length, false), "Java decode");
        boolean canonical = wire.equals(Base64.getEncoder().encodeToString(expected));
        byte[] strict = Base64Text.decode(Side.JAVA, new UnsafeBuffer(text), 0, text.length, true);
        if (canonical) {
            assertArrayEquals(expected, strict, "strict accepts what encoders write");
        } else {
            assertNull(strict, "strict rejects skipped characters");
        }
        if (wire.indexOf('\n') < 0 && wire.indexOf('\r') < 0) {
            // whole parts go through the Java part decoder too (a line cannot hold CR or LF)
            assertEquals(new BytesValue(expected), decodePart(Side.JAVA, false, concat(utf8("j"), text)));
        }
    }

    /**
     * For a recorded Double or Float whose {@code toString} on this JVM differs from the recorded
     * JDK 17 text, this JVM's text; else null (always null on JDK 17).
     */
    static String thisJvmDigits(JsonNode in) {
        String type = in.path("java_type").asText();
        String s;
        if (type.equals("java.lang.Double")) {
            s = Double.toString(Double.longBitsToDouble(Long.parseUnsignedLong(in.get("raw_bits").asText(), 16)));
        } else if (type.equals("java.lang.Float")) {
            s = Float.toString(Float.intBitsToFloat(Integer.parseUnsignedInt(in.get("raw_bits").asText(), 16)));
        } else {
            return null;
        }
        return s.equals(in.get("value").asText()) ? null : s;
    }
}
