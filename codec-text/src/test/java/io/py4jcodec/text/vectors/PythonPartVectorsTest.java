package io.py4jcodec.text.vectors;

import static io.py4jcodec.text.vectors.Vectors.assertBytes;
import static io.py4jcodec.text.vectors.Vectors.concat;
import static io.py4jcodec.text.vectors.Vectors.decodeAll;
import static io.py4jcodec.text.vectors.Vectors.decoder;
import static io.py4jcodec.text.vectors.Vectors.hex;
import static io.py4jcodec.text.vectors.Vectors.perRecord;
import static io.py4jcodec.text.vectors.Vectors.show;
import static io.py4jcodec.text.vectors.Vectors.utf8;
import static io.py4jcodec.text.vectors.Vectors.wireBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.ClassMember;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.MethodMember;
import io.py4jcodec.api.model.NoMember;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.PackageMember;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.format.Base64Text;
import io.py4jcodec.text.format.PythonFloatFormat;
import io.py4jcodec.text.vectors.Vectors.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Python peer's typed parts: {@code py_get_command_part.json} (what {@code get_command_part} and
 * {@code encode_float} write for a Python value) and {@code py_get_return_value.json} (what
 * {@code get_return_value} and {@code decode_bytearray} make of Java's answers).
 */
class PythonPartVectorsTest {

    /**
     * Answers {@code get_return_value} itself rejects but our answer reader accepts on purpose:
     * Python's callers test for the member answers by string comparison ({@code answer == "yp"},
     * {@code startswith("yc")}, {@code answer[1] == "m"}, {@code == "yo"}) before they would ever call
     * {@code get_return_value}, and a bare {@code !y} is the answer to a GC command, never decoded as
     * a value. A codec must hand these over as answers.
     */
    private static final Map<String, Value> MEMBER_AND_BARE = Map.of(
            "yp", PackageMember.INSTANCE,
            "yc", ClassMember.BARE,
            "ym", MethodMember.INSTANCE,
            "yo", NoMember.INSTANCE,
            "ycjava.lang.String", new ClassMember("java.lang.String"));

    @TestFactory
    Stream<DynamicNode> vectors() {
        AtomicInteger pool = new AtomicInteger();
        return Vectors.stream(
                perRecord("py_get_command_part", (i, r) -> r.get("input").path("label").asText(),
                        (i, r) -> commandPart(r, i, pool)),
                perRecord("py_get_return_value", (i, r) -> show(r.get("wire").asText()) + returnValueNote(r),
                        (i, r) -> returnValue(r)));
    }

    // ---------------------------------------------------------------- py_get_command_part

    private static void commandPart(JsonNode r, int index, AtomicInteger pool) {
        JsonNode in = r.get("input");
        String wire = r.get("wire").asText();
        if (r.get("function").asText().equals("protocol.encode_float")) {
            assertEquals(wire, PythonFloatFormat.format(Vectors.pyFloatHex(in.get("hex").asText())));
            return;
        }
        Value v = pythonValue(in, pool);
        byte[] line = concat(JavaPartVectorsTest.part(Side.PYTHON, v), utf8("\n"));
        assertBytes(wireBytes(r), line, "get_command_part");
    }

    /**
     * The model value of the recorded Python object: from {@code py_type} and {@code repr} (floats
     * from {@code hex}), or for the objects without a useful repr, from the label the recorder gave.
     */
    static Value pythonValue(JsonNode in, AtomicInteger proxyPool) {
        String type = in.path("py_type").asText();
        String repr = in.path("repr").asText();
        String label = in.path("label").asText();
        switch (type) {
            case "NoneType":
                return NullValue.INSTANCE;
            case "bool":
                return Value.ofBoolean(repr.equals("True"));
            case "int":
                return Value.ofInteger(Vectors.pyInt(repr));
            case "float":
                return new DoubleValue(Vectors.pyFloatHex(in.get("hex").asText()));
            case "Decimal":
                return Vectors.pyDecimalRepr(repr);
            case "str":
                return new StringValue(Vectors.pyStrRepr(repr));
            case "bytes", "bytearray":
                return new BytesValue(hex(in.get("hex").asText()));
            default:
                break;
        }
        Matcher intEnum = Pattern.compile("<\\w+\\.\\w+: (-?\\d+)>").matcher(repr);
        if (intEnum.matches()) {
            // an IntEnum member is an int
            return Value.ofInteger(Long.parseLong(intEnum.group(1)));
        }
        if (label.equals("str subclass")) {
            return new StringValue(Vectors.pyStrRepr(repr));
        }
        Matcher ref = Pattern.compile("object with _get_object_id -> '([^']+)'").matcher(label);
        if (ref.matches()) {
            return new ReferenceValue(ref.group(1));
        }
        Matcher proxy = Pattern.compile("python proxy \\(Java\\.implements=\\[([^\\]]*)\\]\\).*|same proxy object again.*")
                .matcher(label);
        if (proxy.matches()) {
            // the pool hands out p0, p1, ... one per send, even for the same object
            List<String> ifaces = proxy.group(1) != null ? interfaces(proxy.group(1)) : lastProxyInterfaces;
            lastProxyInterfaces = ifaces;
            return new PythonProxyValue("p" + proxyPool.getAndIncrement(), ifaces);
        }
        throw new AssertionError("no model for " + in);
    }

    private static List<String> lastProxyInterfaces;

    /** Simple names as the recorder wrote them, resolved to the JDK interface they name. */
    private static List<String> interfaces(String simpleNames) {
        List<String> out = new ArrayList<>();
        for (String s : simpleNames.split(",\\s*")) {
            String found = null;
            for (String pkg : new String[] {"java.lang.", "java.util.", "java.util.concurrent.", "java.util.function."}) {
                try {
                    Class<?> c = Class.forName(pkg + s);
                    if (c.isInterface()) {
                        assertNull(found, "ambiguous " + s);
                        found = c.getName();
                    }
                } catch (ClassNotFoundException e) {
                    // not in this package
                }
            }
            assertTrue(found != null, "no interface " + s);
            out.add(found);
        }
        return out;
    }

    // ---------------------------------------------------------------- py_get_return_value

    private static String returnValueNote(JsonNode r) {
        String w = r.get("wire").asText();
        if (MEMBER_AND_BARE.containsKey(w)) {
            return " [difference: member answer, tested by string comparison in Python]";
        }
        if (w.equals("y")) {
            return " [difference: bare !y is the GC answer]";
        }
        if (w.isEmpty()) {
            return " [lone !: empty answer]";
        }
        if (w.equals("yL99999999999999999999")) {
            return " [difference: beyond the model's 64 bits]";
        }
        return "";
    }

    private static void returnValue(JsonNode r) {
        String wire = r.get("wire").asText();
        if (r.get("function").asText().equals("protocol.decode_bytearray")) {
            decodeBytearray(r);
            return;
        }
        TextDecoder d = decoder(Side.PYTHON);
        d.expectAnswer();
        Outcome o = decodeAll(d, concat(utf8("!"), wireBytes(r), utf8("\n")), true).only();
        boolean isError = r.get("is_error").asBoolean();
        boolean isFatal = r.get("is_fatal_error").asBoolean();

        if (o.ok()) {
            ReturnMessage m = assertInstanceOf(ReturnMessage.class, o.message());
            assertEquals(isError, m instanceof ErrorReturn || m instanceof FatalReturn, "is_error");
            assertEquals(isFatal, m instanceof FatalReturn, "is_fatal_error");
        }
        if (r.has("output") && r.get("output").get("py_type").asText().equals("int")
                && new java.math.BigInteger(r.get("output").get("repr").asText()).bitLength() > 63) {
            // Difference: Python's int() takes any size; the model holds 64 bits and says so
            Vectors.assertReason(Reason.UNREPRESENTABLE, o, "int beyond 64 bits");
            return;
        }
        if (r.has("output")) {
            assertPythonValue(r.get("output"), ((SuccessReturn) o.get()).value(), wire);
            return;
        }
        JsonNode err = r.get("output_error");
        String ex = err.get("exception").asText();
        String msg = err.get("message").asText();
        if (MEMBER_AND_BARE.containsKey(wire)) {
            assertEquals(ReturnMessage.success(MEMBER_AND_BARE.get(wire)), o.get());
            assertEquals("KeyError", ex);
        } else if (wire.equals("y")) {
            assertEquals(SuccessReturn.BARE, o.get());
            assertEquals("IndexError", ex);
        } else if (wire.isEmpty()) {
            // get_return_value("") is an error; the GatewayServer reader never gets that far, it
            // raises EMPTY_RESPONSE on a lone ! (py_framing.json)
            assertTrue(isError);
            Vectors.assertReason(Reason.BAD_ANSWER, o, "lone !");
        } else if (ex.equals("KeyError")) {
            Vectors.assertReason(Reason.UNKNOWN_TYPE, o, "unknown type letter");
        } else if (ex.equals("Error")) {
            Vectors.assertReason(Reason.BAD_BASE64, o, "binascii.Error");
        } else if (ex.equals("Py4JJavaError")) {
            assertEquals(ReturnMessage.error(new ReferenceValue(wire.substring(2))), o.get());
        } else if (ex.equals("Py4JError")) {
            // x/z with a payload: Python raises with the decoded value as the trace
            ReturnMessage m = (ReturnMessage) o.get();
            if (m.value() == null) {
                assertTrue(msg.startsWith("An error occurred while calling ") && !msg.contains("Trace:"), msg);
            } else {
                String shown = m.value() instanceof StringValue s ? s.value()
                        : m.value() instanceof NullValue ? "None" : null;
                assertEquals(msg.substring(0, msg.indexOf(". Trace:\n")) + ". Trace:\n" + shown + "\n", msg);
            }
        } else {
            throw new AssertionError("unmapped Python error " + err);
        }
    }

    /** {@code output} is the Python object {@code get_return_value} returned; {@code v} must be the model of it. */
    static void assertPythonValue(JsonNode out, Value v, String wire) {
        String type = out.get("py_type").asText();
        String repr = out.path("repr").asText();
        switch (type) {
            case "int" -> {
                long n = Vectors.pyInt(repr);
                assertEquals(n, v instanceof IntValue i ? i.value() : assertInstanceOf(LongValue.class, v).value());
            }
            case "bool" -> assertEquals(Value.ofBoolean(repr.equals("True")), v);
            case "float" -> assertEquals(Double.doubleToLongBits(Vectors.pyFloatHex(out.get("hex").asText())),
                    Double.doubleToLongBits(assertInstanceOf(DoubleValue.class, v).value()), "float.hex " + out.get("hex"));
            case "Decimal" -> assertEquals(Vectors.pyDecimalRepr(repr), v);
            case "str" -> assertEquals(new StringValue(Vectors.pyStrRepr(repr)), v);
            case "bytes" -> assertEquals(new BytesValue(hex(out.get("hex").asText())), v);
            case "NoneType" -> assertTrue(v instanceof NullValue || v instanceof VoidValue, "None from " + v);
            case "JavaObject" -> assertEquals(new ReferenceValue(out.get("target_id").asText()), v);
            case "JavaList" -> assertEquals(new ListReference(out.get("target_id").asText()), v);
            case "JavaMap" -> assertEquals(new MapReference(out.get("target_id").asText()), v);
            case "JavaSet" -> assertEquals(new SetReference(out.get("target_id").asText()), v);
            case "JavaArray" -> assertEquals(new ArrayReference(out.get("target_id").asText()), v);
            case "JavaIterator" -> assertEquals(new IteratorReference(out.get("target_id").asText()), v);
            default -> throw new AssertionError("unmapped Python type " + type + " for " + show(wire));
        }
    }

    private static void decodeBytearray(JsonNode r) {
        byte[] text = utf8(r.get("wire").asText());
        byte[] ours = Base64Text.decode(Side.PYTHON, new UnsafeBuffer(text), 0, text.length, false);
        if (r.has("output")) {
            assertArrayEquals(hex(r.get("output").get("hex").asText()), ours);
        } else {
            assertNull(ours, "Python raises " + r.get("output_error"));
        }
        String w = r.get("wire").asText();
        if (!w.isEmpty() && w.indexOf('\n') < 0 && w.indexOf('\r') < 0) {
            // the same text as a j part read by the Python part decoder
            byte[] line = concat(utf8("j"), text);
            try {
                Value v = JavaPartVectorsTest.decodePart(Side.PYTHON, false, line);
                assertEquals(new BytesValue(hex(r.get("output").get("hex").asText())), v);
            } catch (io.py4jcodec.api.ProtocolException e) {
                assertFalse(r.has("output"), e.getMessage());
                assertEquals(Reason.BAD_BASE64, e.reason());
            }
        }
    }
}
