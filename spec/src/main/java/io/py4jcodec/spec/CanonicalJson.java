package io.py4jcodec.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.ClassMember;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.Message;
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
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical JSON form of the model (defined in {@code spec/PROTOCOL.md}, section "Canonical
 * JSON"): lossless, one form per model object, the same text on every JDK.
 *
 * <pre>
 * {"command":"call","target_id":"t","method":"add","arguments":[{"type":"int","value":1},{"type":"double","value":1e16}]}
 * {"return":"success","value":{"type":"double","value":"NaN"}}
 * {"return":"error"}                                           (the bare line !x)
 * </pre>
 *
 * <p>Integers within &plusmn;(2<sup>53</sup>&minus;1) are JSON numbers, larger ones decimal strings, so
 * a reader in any language keeps them exact; doubles are numbers in ECMAScript {@code Number#toString}
 * form, except NaN, &plusmn;Infinity and &minus;0 which are the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}, {@code "-0.0"}; bytes are padded standard Base64; every
 * UTF-16 surrogate in a string is written as a {@code \\uXXXX} escape so a lone one survives.
 */
public final class CanonicalJson {
    /** The largest integer every IEEE-double JSON reader keeps exact. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    // doubles are held as exact BigDecimals in trees and written in ECMAScript form, never through Double.toString
    private static final ObjectMapper WRITER = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .characterEscapes(new SurrogateEscapes())
            .addDecorator((factory, gen) -> new com.fasterxml.jackson.core.util.JsonGeneratorDelegate(gen, true) {
                @Override
                public void writeNumber(BigDecimal v) throws java.io.IOException {
                    delegate.writeNumber(numberText(v.doubleValue()));
                }
            })
            .build());

    private static final Map<CommandKind, Class<? extends Command>> COMMANDS = new EnumMap<>(CommandKind.class);
    private static final Map<String, CommandKind> KIND_BY_NAME = new HashMap<>();

    static {
        for (Class<?> c : Command.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Command> cc = (Class<? extends Command>) c;
            COMMANDS.put(kindOf(cc), cc);
        }
        for (CommandKind k : CommandKind.values()) {
            KIND_BY_NAME.put(name(k), k);
        }
    }

    private CanonicalJson() {
    }

    /** The JSON name of a command kind: {@code call}, {@code field_get}, {@code proxy_call}... */
    public static String name(CommandKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- writing

    /** The canonical JSON of a message, as a tree. */
    public static ObjectNode toJson(Message m) {
        ObjectNode o = NODES.objectNode();
        if (m instanceof ReturnMessage r) {
            o.put("return", r instanceof SuccessReturn ? "success" : r instanceof ErrorReturn ? "error" : "fatal");
            if (r.value() != null) {
                o.set("value", toJson(r.value()));
            }
            return o;
        }
        Command c = (Command) m;
        o.put("command", name(c.kind()));
        for (RecordComponent rc : c.getClass().getRecordComponents()) {
            Object v = get(rc, c);
            String field = snake(rc.getName());
            if (v instanceof String s) {
                o.put(field, s);
            } else if (v instanceof Integer i) {
                o.put(field, i);
            } else if (v instanceof Value val) {
                o.set(field, toJson(val));
            } else if (v instanceof List<?> list) {
                ArrayNode a = o.putArray(field);
                for (Object e : list) {
                    if (e instanceof Value val) {
                        a.add(toJson(val));
                    } else {
                        a.add((String) e);
                    }
                }
            } else {
                throw new IllegalStateException("unexpected component " + rc);
            }
        }
        return o;
    }

    /** The canonical JSON of a value, as a tree. */
    public static ObjectNode toJson(Value v) {
        ObjectNode o = NODES.objectNode();
        o.put("type", typeName(v));
        if (v instanceof IntValue i) {
            putInteger(o, i.value());
        } else if (v instanceof LongValue l) {
            putInteger(o, l.value());
        } else if (v instanceof DoubleValue d) {
            putDouble(o, d.value());
        } else if (v instanceof BooleanValue b) {
            o.put("value", b.value());
        } else if (v instanceof DecimalValue d) {
            o.put("value", (d.negativeZero() ? "-" : "") + d.value().toString());
        } else if (v instanceof StringValue s) {
            o.put("value", s.value());
        } else if (v instanceof BytesValue b) {
            o.put("value", Base64.getEncoder().encodeToString(b.value()));
        } else if (v instanceof PythonProxyValue p) {
            o.put("id", p.id());
            ArrayNode a = o.putArray("interfaces");
            p.interfaces().forEach(a::add);
        } else if (v instanceof ClassMember c) {
            o.put("name", c.name());
        } else {
            String id = referenceId(v);
            if (id != null) {
                o.put("id", id);
            }
        }
        return o;
    }

    /** One line of canonical JSON (no line break). */
    public static String write(Message m) {
        return write(toJson(m));
    }

    /** One line of canonical JSON for any tree (no line break), with the canonical escapes. */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON type name of a value: {@code int}, {@code long}, {@code double}... */
    public static String typeName(Value v) {
        return TYPE_NAMES.get(v.prefix());
    }

    private static final Map<Character, String> TYPE_NAMES = Map.ofEntries(
            Map.entry('i', "int"), Map.entry('L', "long"), Map.entry('d', "double"), Map.entry('b', "boolean"),
            Map.entry('D', "decimal"), Map.entry('s', "string"), Map.entry('j', "bytes"), Map.entry('n', "null"),
            Map.entry('v', "void"), Map.entry('r', "reference"), Map.entry('l', "list"), Map.entry('a', "map"),
            Map.entry('h', "set"), Map.entry('t', "array"), Map.entry('g', "iterator"), Map.entry('f', "python_proxy"),
            Map.entry('p', "package"), Map.entry('c', "class"), Map.entry('m', "method"), Map.entry('o', "no_member"));

    private static String referenceId(Value v) {
        if (v instanceof ReferenceValue r) {
            return r.id();
        } else if (v instanceof ListReference r) {
            return r.id();
        } else if (v instanceof MapReference r) {
            return r.id();
        } else if (v instanceof SetReference r) {
            return r.id();
        } else if (v instanceof ArrayReference r) {
            return r.id();
        } else if (v instanceof IteratorReference r) {
            return r.id();
        }
        return null;
    }

    private static void putInteger(ObjectNode o, long v) {
        if (v >= -MAX_SAFE_INTEGER && v <= MAX_SAFE_INTEGER) {
            o.put("value", v);
        } else {
            o.put("value", Long.toString(v));
        }
    }

    private static void putDouble(ObjectNode o, double d) {
        if (Double.isNaN(d)) {
            o.put("value", "NaN");
        } else if (Double.isInfinite(d)) {
            o.put("value", d > 0 ? "Infinity" : "-Infinity");
        } else if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            o.put("value", "-0.0");
        } else {
            o.set("value", NODES.numberNode(new BigDecimal(numberText(d))));
        }
    }

    /**
     * ECMAScript {@code Number#toString} of a finite double: the fewest significant digits that
     * read back as {@code d} (the nearest such decimal), plain between 1e-7 and 1e21, else
     * {@code d.ddde+n}. Independent of the JDK's {@code Double.toString}, which changed in JDK 19.
     */
    public static String numberText(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exp = (e < 0 ? "e-" : "e+") + Math.abs(e);
        return sign + digits.charAt(0) + (k == 1 ? "" : "." + digits.substring(1)) + exp;
    }

    // ---------------------------------------------------------------- reading

    /** Parses one line (or document) of JSON into a message. */
    public static Message readMessage(String json) {
        try {
            return message(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses any JSON text into a tree, keeping numbers exact. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The message a canonical JSON tree describes. */
    public static Message message(JsonNode o) {
        if (o.has("return")) {
            String r = text(o, "return");
            Value v = o.has("value") ? value(o.get("value")) : null;
            return switch (r) {
                case "success" -> v == null ? SuccessReturn.BARE : new SuccessReturn(v);
                case "error" -> v == null ? ErrorReturn.BARE : new ErrorReturn(v);
                case "fatal" -> v == null ? FatalReturn.BARE : new FatalReturn(v);
                default -> throw new IllegalArgumentException("unknown return " + r);
            };
        }
        String name = text(o, "command");
        CommandKind kind = KIND_BY_NAME.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown command " + name);
        }
        Class<? extends Command> cls = COMMANDS.get(kind);
        RecordComponent[] rcs = cls.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            types[i] = rc.getType();
            String field = snake(rc.getName());
            JsonNode f = o.get(field);
            if (f == null) {
                throw new IllegalArgumentException(name + ": missing field " + field);
            }
            if (rc.getType() == String.class) {
                args[i] = f.textValue();
                if (args[i] == null) {
                    throw new IllegalArgumentException(name + "." + field + " must be a string");
                }
            } else if (rc.getType() == int.class) {
                args[i] = Math.toIntExact(integer(f, field));
            } else if (rc.getType() == Value.class) {
                args[i] = value(f);
            } else if (rc.getType() == List.class) {
                List<Object> list = new ArrayList<>();
                boolean values = elementType(rc) == Value.class;
                for (JsonNode e : f) {
                    list.add(values ? value(e) : e.textValue());
                }
                args[i] = list;
            } else {
                throw new IllegalStateException("unexpected component " + rc);
            }
        }
        try {
            Constructor<? extends Command> ctor = cls.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(name + ": " + cause.getMessage(), cause);
        }
    }

    /** The value a canonical JSON tree describes. */
    public static Value value(JsonNode o) {
        String type = text(o, "type");
        return switch (type) {
            case "int" -> new IntValue(integer(o.get("value"), "value"));
            case "long" -> new LongValue(integer(o.get("value"), "value"));
            case "double" -> new DoubleValue(doubleOf(o.get("value")));
            case "boolean" -> {
                JsonNode b = o.get("value");
                if (b == null || !b.isBoolean()) {
                    throw new IllegalArgumentException("boolean value must be true or false");
                }
                yield Value.ofBoolean(b.booleanValue());
            }
            case "decimal" -> {
                String s = text(o, "value");
                BigDecimal bd = new BigDecimal(s);
                yield new DecimalValue(bd, s.startsWith("-") && bd.signum() == 0);
            }
            case "string" -> new StringValue(text(o, "value"));
            case "bytes" -> new BytesValue(Base64.getDecoder().decode(text(o, "value")));
            case "null" -> NullValue.INSTANCE;
            case "void" -> VoidValue.INSTANCE;
            case "reference" -> new ReferenceValue(text(o, "id"));
            case "list" -> new ListReference(text(o, "id"));
            case "map" -> new MapReference(text(o, "id"));
            case "set" -> new SetReference(text(o, "id"));
            case "array" -> new ArrayReference(text(o, "id"));
            case "iterator" -> new IteratorReference(text(o, "id"));
            case "python_proxy" -> {
                List<String> ifaces = new ArrayList<>();
                for (Iterator<JsonNode> it = o.path("interfaces").elements(); it.hasNext(); ) {
                    ifaces.add(it.next().textValue());
                }
                yield new PythonProxyValue(text(o, "id"), ifaces);
            }
            case "package" -> PackageMember.INSTANCE;
            case "class" -> new ClassMember(o.has("name") ? text(o, "name") : "");
            case "method" -> MethodMember.INSTANCE;
            case "no_member" -> NoMember.INSTANCE;
            default -> throw new IllegalArgumentException("unknown value type " + type);
        };
    }

    private static long integer(JsonNode n, String field) {
        if (n == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        if (n.isTextual()) {
            return Long.parseLong(n.textValue());
        }
        if (n.isIntegralNumber()) {
            BigInteger b = n.bigIntegerValue();
            return b.longValueExact();
        }
        throw new IllegalArgumentException(field + " must be an integer, got " + n);
    }

    private static double doubleOf(JsonNode n) {
        if (n == null) {
            throw new IllegalArgumentException("missing double value");
        }
        if (n.isTextual()) {
            return switch (n.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0.0", "-0" -> -0.0;
                default -> throw new IllegalArgumentException("double strings are NaN, Infinity, -Infinity, -0.0; got " + n);
            };
        }
        if (n.isNumber()) {
            // parse the decimal text itself: correctly rounded, like any JSON reader's
            if (n.isDouble()) {
                return n.doubleValue();
            }
            return Double.parseDouble(n.isBigDecimal() ? n.decimalValue().toString() : n.asText());
        }
        throw new IllegalArgumentException("double value must be a number or a string, got " + n);
    }

    private static String text(JsonNode o, String field) {
        JsonNode f = o.get(field);
        if (f == null || !f.isTextual()) {
            throw new IllegalArgumentException("missing string field \"" + field + "\" in " + o);
        }
        return f.textValue();
    }

    private static Object get(RecordComponent rc, Object target) {
        try {
            return rc.getAccessor().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> elementType(RecordComponent rc) {
        Type t = rc.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static CommandKind kindOf(Class<? extends Command> c) {
        for (CommandKind k : CommandKind.values()) {
            String simple = c.getSimpleName().replace("Command", "");
            if (camel(k.name()).equals(simple)) {
                return k;
            }
        }
        throw new IllegalStateException("no CommandKind for " + c);
    }

    private static String camel(String enumName) {
        StringBuilder b = new StringBuilder();
        for (String w : enumName.split("_")) {
            b.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Escapes every UTF-16 surrogate, so a lone one is kept and the output is always valid UTF-8. */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
