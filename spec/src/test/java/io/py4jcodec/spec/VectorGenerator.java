package io.py4jcodec.spec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.testkit.Recorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.ConstructorCommand;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.IteratorReference;
import io.py4jcodec.api.model.ListReference;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.MapReference;
import io.py4jcodec.api.model.MemoryDeleteCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.ReflectionMemberCommand;
import io.py4jcodec.api.model.ReflectionUnknownCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.spec.conform.InProcessImplementation;
import io.py4jcodec.spec.conform.Implementation;
import io.py4jcodec.spec.conform.Mode;
import io.py4jcodec.text.TextCodec;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import py4j.Gateway;
import py4j.GatewayServer;
import py4j.Protocol;
import py4j.Py4JPythonClient;
import py4j.reflection.PythonProxyHandler;

/**
 * Generates {@code spec/vectors} from the real peers: Java-written bytes from the py4j jar run in this
 * JVM, Python-written bytes from the records in {@code spec/recorded} (vectors and transcripts).
 *
 * <p>Where each expected JSON comes from: for values, from what the peer was asked to write (the Java
 * object given to the jar, the Python value described in the shared record), mapped onto the model
 * here, independently of the codec; for whole commands, from the reference decoder, with the check
 * that encoding that reading as the real writer reproduces the real bytes exactly. Invalid cases are
 * inputs a real reader rejects (the shared records show it), named with the reference decoder's
 * {@code Reason}; every case the reference decoder disagrees with fails generation.
 *
 * <p>Regenerate: {@code mvn -q -pl spec -am test -Dtest=VectorsTest -Dsurefire.failIfNoSpecifiedTests=false -Dpy4jcodec.regen=true}.
 */
public final class VectorGenerator {
    static final String FORMAT = "py4j-conformance-vectors/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Implementation REF = new InProcessImplementation("reference", (side, strict, mode) ->
            TextCodec.builder(side).strict(strict)
                    .mode(mode == Mode.CLIENT_SERVER ? io.py4jcodec.text.ConnectionMode.CLIENT_SERVER
                            : io.py4jcodec.text.ConnectionMode.GATEWAY).build());

    /** kind/category -> file. */
    private final Map<String, Category> files = new LinkedHashMap<>();

    private static final class Category {
        final String kind;
        final String name;
        final String description;
        final ArrayNode cases = NODES.arrayNode();
        final Set<String> ids = new HashSet<>();
        final Set<String> seen = new HashSet<>();

        Category(String kind, String name, String description) {
            this.kind = kind;
            this.name = name;
            this.description = description;
        }
    }

    /** Every vector file: relative path -> text. */
    public static Map<String, String> generate() throws Exception {
        VectorGenerator g = new VectorGenerator();
        g.javaValues();
        g.javaAnswersAndCommands();
        g.pythonValues();
        g.pythonCommands();
        g.pythonCallbackAnswers();
        g.transcripts();
        g.javaReaderParts();
        g.pythonReaderParts();
        g.escapes();
        g.framing();
        g.jdkDoubles();
        g.live();
        return g.render();
    }

    // ------------------------------------------------------------------ valid: Java writes

    private void javaValues() {
        Category c = cat("valid", "values-java", "Every typed part as the Java gateway writes it in a call answer (!y<part>), "
                + "from Gateway.getReturnObject + Protocol.getOutputCommand of the py4j jar.");
        Category jdk = cat("implementation-defined", "jdk-doubles", "Java-written doubles whose Double.toString text differs "
                + "between JDK 17 (as recorded) and JDK 19+ (shortest digits): both spellings read the same, a Java-side writer writes either.");
        for (JsonNode r : Recorded.json("vectors/java_encode.json")) {
            Object o = javaObject(r.get("input"));
            if (o == NOT_REBUILT) {
                continue;
            }
            Gateway gw = new Gateway(null);
            String wire = Protocol.getOutputCommand(gw.getReturnObject(o));
            Value v = modelOf(o);
            String id = "answer-" + describe(o);
            // decide on the recorded JDK 17 text, so the same vectors come out on every JDK
            String recorded = r.path("command_part").asText("").substring(1);
            if (v instanceof DoubleValue d && !jdkStable(recorded, d.value())) {
                continue; // covered by jdkDoubles() from the recorded JDK 17 text
            }
            valid(c, id, Side.JAVA, Mode.GATEWAY, bytes(wire), List.of(ReturnMessage.success(v)), "#typed-parts", "jar: Protocol.getOutputCommand(getReturnObject(" + describe(o) + "))");
            if (!(v instanceof ReferenceValue || v instanceof ListReference || v instanceof MapReference
                    || v instanceof SetReference || v instanceof ArrayReference || v instanceof IteratorReference)) {
                // the same part as a callback argument (PythonProxyHandler: getReturnObject(arg).getCommandPart())
                String part = gw.getReturnObject(o).getCommandPart();
                String cmd = "c\np0\naccept\n" + part + "\ne\n";
                valid(c, "callback-arg-" + describe(o), Side.JAVA, Mode.GATEWAY, bytes(cmd),
                        List.of(new ProxyCallCommand("p0", "accept", List.of(v))), "#proxy-call", "jar: ReturnObject.getCommandPart");
            }
        }
        jdk.cases.size();
    }

    private static final Object NOT_REBUILT = new Object();

    private static Object javaObject(JsonNode in) {
        String t = in.path("java_type").isNull() ? null : in.path("java_type").asText();
        String v = in.path("value").asText(null);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "[B" -> HexFormat.of().parseHex(in.path("value_hex").asText());
            case "[I" -> new int[0];
            case "[Ljava.lang.String;" -> new String[0];
            case "java.lang.Boolean" -> Boolean.valueOf(v);
            case "java.lang.Byte" -> Byte.valueOf(v);
            case "java.lang.Short" -> Short.valueOf(v);
            case "java.lang.Integer" -> Integer.valueOf(v);
            case "java.lang.Long" -> Long.valueOf(v);
            case "java.lang.Character" -> v.charAt(0);
            case "java.lang.Double" -> Double.longBitsToDouble(Long.parseUnsignedLong(in.path("raw_bits").asText(), 16));
            case "java.lang.Float" -> Float.intBitsToFloat(Integer.parseUnsignedInt(in.path("raw_bits").asText(), 16));
            case "java.lang.String" -> hasLoneSurrogate(v) ? NOT_REBUILT : v; // Java writes those as '?': not round-trippable
            case "java.math.BigDecimal" -> new BigDecimal(v);
            case "java.math.BigInteger" -> new BigInteger(v);
            case "java.util.concurrent.atomic.AtomicInteger" -> new AtomicInteger(Integer.parseInt(v));
            case "java.util.concurrent.atomic.AtomicLong" -> new AtomicLong(Long.parseLong(v));
            case "java.util.concurrent.atomic.AtomicBoolean" -> new AtomicBoolean(Boolean.parseBoolean(v));
            case "java.util.ArrayList" -> new ArrayList<>();
            case "java.util.HashMap" -> new HashMap<>();
            case "java.util.HashSet" -> new HashSet<>();
            case "java.util.ArrayList$Itr" -> new ArrayList<>().iterator();
            case "java.lang.Object" -> new Object();
            case "java.lang.StringBuilder" -> new StringBuilder();
            default -> NOT_REBUILT;
        };
    }

    /** What a Java object is in the model: the rules of Gateway.getReturnObject, written down independently. */
    private static Value modelOf(Object o) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof String s) {
            return new StringValue(s);
        }
        if (o instanceof Character ch) {
            return new StringValue(ch.toString());
        }
        if (o instanceof Long l) {
            return new LongValue(l);
        }
        if (o instanceof Double d) {
            return new DoubleValue(d);
        }
        if (o instanceof Float f) {
            return DoubleValue.ofFloat(f);
        }
        if (o instanceof Boolean b) {
            return Value.ofBoolean(b);
        }
        if (o instanceof byte[] b) {
            return new BytesValue(b);
        }
        if (o instanceof BigDecimal d) {
            return DecimalValue.of(new BigDecimal(d.toPlainString())); // Java writes toPlainString: 1E+3 travels as 1000
        }
        if (o instanceof Number n && !(o instanceof BigInteger)) {
            return new IntValue(n.longValue());
        }
        String id = "o0"; // a fresh Gateway numbers its first object o0
        if (o instanceof List<?>) {
            return new ListReference(id);
        }
        if (o instanceof Map<?, ?>) {
            return new MapReference(id);
        }
        if (o.getClass().isArray()) {
            return new ArrayReference(id);
        }
        if (o instanceof Set<?>) {
            return new SetReference(id);
        }
        if (o instanceof java.util.Iterator<?>) {
            return new IteratorReference(id);
        }
        return new ReferenceValue(id);
    }

    private static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        String t = o.getClass().getSimpleName().replace("[]", "-array");
        String v = o instanceof byte[] b ? HexFormat.of().formatHex(b)
                : o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof String ? String.valueOf(o) : "";
        if (o instanceof Double d) {
            v = Double.isNaN(d) || Double.isInfinite(d) || d == 0 ? d.toString() : CanonicalJson.numberText(d);
        }
        String s = (t + (v.isEmpty() ? "" : "-" + v)).toLowerCase(Locale.ROOT);
        return s.length() > 48 ? s.substring(0, 40) + "-" + Integer.toHexString(s.hashCode()) : s;
    }

    private void javaAnswersAndCommands() throws Exception {
        Category c = cat("valid", "answers-java", "Answer builders of the py4j jar: errors, void, no such field, member answers, fatal errors.");
        validDecoded(c, "error-bare", Side.JAVA, Mode.GATEWAY, Protocol.getOutputErrorCommand(), "#answers", "jar: Protocol.getOutputErrorCommand()");
        for (String msg : List.of("simple", "multi\nline", "back\\slash", "")) {
            validDecoded(c, "error-message-" + describe(msg), Side.JAVA, Mode.GATEWAY, Protocol.getOutputErrorCommand(msg), "#answers", "jar: Protocol.getOutputErrorCommand(String)");
        }
        validDecoded(c, "void", Side.JAVA, Mode.GATEWAY, Protocol.getOutputVoidCommand(), "#answers", "jar: Protocol.getOutputVoidCommand()");
        validDecoded(c, "no-such-field", Side.JAVA, Mode.GATEWAY, Protocol.getNoSuchFieldOutputCommand(), "#member-answers", "jar: Protocol.getNoSuchFieldOutputCommand()");
        for (char m : new char[] {'p', 'm', 'c'}) {
            validDecoded(c, "member-" + m, Side.JAVA, Mode.GATEWAY, Protocol.getMemberOutputCommand(m), "#member-answers", "jar: Protocol.getMemberOutputCommand(char)");
        }
        validDecoded(c, "member-class-fqn", Side.JAVA, Mode.GATEWAY, Protocol.getMemberOutputCommand('c', "java.util.ArrayList"), "#member-answers", "jar: Protocol.getMemberOutputCommand(char,String)");
        validDecoded(c, "error-reference", Side.JAVA, Mode.GATEWAY, Protocol.getOutputCommand(py4j.ReturnObject.getErrorReferenceReturnObject("o5")), "#answers", "jar: ReturnObject.getErrorReferenceReturnObject");
        Exception root = new IllegalArgumentException("root\ncause");
        root.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "b", "A.java", 2)});
        validDecoded(c, "fatal-trace", Side.JAVA, Mode.GATEWAY, Protocol.getOutputFatalErrorCommand(new py4j.Py4JException("wrapper", root)), "#errors", "jar: Protocol.getOutputFatalErrorCommand(Throwable)");
        validDecoded(c, "error-trace", Side.JAVA, Mode.GATEWAY, Protocol.getOutputErrorCommand(new py4j.Py4JException("wrapper", root)), "#errors", "jar: Protocol.getOutputErrorCommand(Throwable)");

        Category cb = cat("valid", "commands-java", "Commands the Java side sends to Python: callbacks and proxy GC built by PythonProxyHandler, "
                + "and the callback-server auth of Protocol.getAuthCommand.");
        for (String tok : List.of("tok", "back\\slash", "nl\nx", "s p a c e")) {
            validDecoded(cb, "auth-" + describe(tok), Side.JAVA, Mode.GATEWAY, Protocol.getAuthCommand(tok), "#auth", "jar: Protocol.getAuthCommand");
        }
        List<String> sent = new ArrayList<>();
        Gateway gw = new Gateway(null, capturingClient(sent));
        PythonProxyHandler h = new PythonProxyHandler("p7", gw);
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Comparator.class, Callable.class, Function.class, Runnable.class}, h);
        record Call(String id, Method m, Object[] args, List<Value> model) {
        }
        Method compare = Comparator.class.getMethod("compare", Object.class, Object.class);
        Method apply = Function.class.getMethod("apply", Object.class);
        List<Call> calls = List.of(
                new Call("compare-string-null", compare, new Object[] {"a\nb", null}, List.of(new StringValue("a\nb"), NullValue.INSTANCE)),
                new Call("compare-int-long", compare, new Object[] {5, 6L}, List.of(new IntValue(5), new LongValue(6))),
                new Call("compare-bool-bytes", compare, new Object[] {true, new byte[] {0, -1}}, List.of(Value.ofBoolean(true), new BytesValue(new byte[] {0, -1}))),
                new Call("compare-double-decimal", compare, new Object[] {1.5, new BigDecimal("1E+3")}, List.of(new DoubleValue(1.5), DecimalValue.of(new BigDecimal("1000")))),
                new Call("compare-list-map", compare, new Object[] {new ArrayList<>(), new HashMap<>()}, List.of(new ListReference("o0"), new MapReference("o1"))),
                new Call("apply-object", apply, new Object[] {new StringBuilder()}, List.of(new ReferenceValue("o2"))),
                new Call("call-no-args", Callable.class.getMethod("call"), null, List.of()),
                new Call("run-void", Runnable.class.getMethod("run"), null, List.of()));
        for (Call call : calls) {
            sent.clear();
            try {
                h.invoke(proxy, call.m(), call.args());
            } catch (Throwable ignored) {
                // the canned answer may not convert to the return type; only the bytes sent matter
            }
            valid(cb, "proxy-call-" + call.id(), Side.JAVA, Mode.GATEWAY, bytes(sent.get(0)),
                    List.of(new ProxyCallCommand("p7", call.m().getName(), call.model())), "#proxy-call", "jar: PythonProxyHandler.invoke");
        }
        sent.clear();
        Method fin = PythonProxyHandler.class.getDeclaredMethod("finalize");
        fin.setAccessible(true);
        fin.invoke(h);
        validDecoded(cb, "proxy-gc", Side.JAVA, Mode.GATEWAY, sent.get(0), "#proxy-gc", "jar: PythonProxyHandler.finalize");
    }

    private static Py4JPythonClient capturingClient(List<String> sent) {
        return (Py4JPythonClient) Proxy.newProxyInstance(VectorGenerator.class.getClassLoader(), new Class<?>[] {Py4JPythonClient.class},
                (p, m, a) -> switch (m.getName()) {
                    case "sendCommand" -> {
                        sent.add((String) a[0]);
                        yield "yi0";
                    }
                    case "isMemoryManagementEnabled" -> true;
                    case "getPort", "getReadTimeout" -> 0;
                    case "hashCode" -> 0;
                    case "equals" -> p == a[0];
                    case "toString" -> "capturing client";
                    default -> null;
                });
    }

    // ------------------------------------------------------------------ valid: Python writes

    private void pythonValues() {
        Category c = cat("valid", "values-python", "Every typed part as the Python side writes it: callback answers !y<get_command_part(value)>, "
                + "from spec/recorded/vectors/py_get_command_part.json (py4j 0.10.9.9 on CPython 3.11).");
        for (JsonNode r : Recorded.json("vectors/py_get_command_part.json")) {
            if (!r.get("function").asText().equals("protocol.get_command_part")) {
                continue;
            }
            String part = r.get("wire").asText();
            Value v = pythonModel(r.get("input"), part);
            valid(c, "answer-" + slug(r.get("input").path("label").asText()), Side.PYTHON, Mode.GATEWAY, bytes("!y" + part),
                    List.of(ReturnMessage.success(v)), "#typed-parts", "shared py_get_command_part: " + r.get("input").path("label").asText());
            valid(c, "call-arg-" + slug(r.get("input").path("label").asText()), Side.PYTHON, Mode.GATEWAY, bytes("c\nt\nm\n" + part + "e\n"),
                    List.of(new CallCommand("t", "m", List.of(v))), "#call", "shared py_get_command_part, as JavaMember.__call__ frames it");
        }
    }

    /** The model of a Python value described in a shared record, independently of any decoder. */
    private static Value pythonModel(JsonNode in, String part) {
        String type = in.path("py_type").asText("");
        String repr = in.path("repr").asText("");
        String label = in.path("label").asText("");
        if (label.startsWith("python proxy") || label.startsWith("same proxy")) {
            String[] f = part.substring(1, part.length() - 1).split(";");
            return new PythonProxyValue(f[0], List.of(f).subList(1, f.length));
        }
        return switch (type) {
            case "NoneType" -> NullValue.INSTANCE;
            case "bool" -> Value.ofBoolean(repr.equals("True"));
            case "int" -> Value.ofInteger(Long.parseLong(repr));
            case "Color" -> new IntValue(1);
            case "float" -> new DoubleValue(pythonFloat(in.path("hex").asText()));
            case "Decimal" -> {
                String s = repr.substring("Decimal('".length(), repr.length() - 2);
                BigDecimal d = new BigDecimal(s);
                yield new DecimalValue(d, s.startsWith("-") && d.signum() == 0);
            }
            case "str", "MyStr" -> new StringValue(pythonString(repr));
            case "bytes", "bytearray" -> new BytesValue(HexFormat.of().parseHex(in.path("hex").asText()));
            case "FakeObj" -> new ReferenceValue("o42");
            default -> throw new IllegalStateException("no model for " + in);
        };
    }

    private static double pythonFloat(String hex) {
        return switch (hex) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(hex);
        };
    }

    /** Reads a Python str repr ('...' with Python escapes). */
    static String pythonString(String repr) {
        String body = repr.substring(1, repr.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                case 'x' -> {
                    b.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    b.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> throw new IllegalArgumentException("escape \\" + e + " in " + repr);
            }
        }
        return b.toString();
    }

    private void pythonCommands() {
        Category c = cat("valid", "commands-python", "Every command frame the Python client sends, from spec/recorded/vectors/py_commands.json.");
        for (JsonNode r : Recorded.json("vectors/py_commands.json")) {
            JsonNode cmds = r.has("commands") ? r.get("commands") : NODES.arrayNode().add(r.get("wire"));
            int i = 0;
            for (JsonNode cmd : cmds) {
                String label = slug(r.get("function").asText()) + (cmds.size() > 1 ? "-" + i : "");
                validDecoded(c, label, Side.PYTHON, Mode.GATEWAY, cmd.asText(), rulesFor(cmd.asText()), "shared py_commands: " + r.get("function").asText());
                i++;
            }
        }
    }

    private void pythonCallbackAnswers() {
        Category c = cat("valid", "callbacks-python", "What the Python callback server and the ClientServer connection write back "
                + "(and the Java bytes they were fed), from spec/recorded/vectors/py_callback.json.");
        for (JsonNode r : Recorded.json("vectors/py_callback.json")) {
            String label = slug(r.path("input").path("label").asText());
            boolean clientServer = r.get("function").asText().contains("clientserver");
            Mode mode = clientServer ? Mode.CLIENT_SERVER : Mode.GATEWAY;
            String wire = r.get("wire").asText();
            if (!wire.isEmpty()) {
                validDecoded(c, "python-wrote-" + label, Side.PYTHON, mode, wire, clientServer ? "#clientserver" : "#answers", "shared py_callback: " + label);
            }
            String fed = r.get("received_from_java").asText();
            boolean javaWroteIt = !label.contains("without") && !label.contains("lone") && !label.contains("unknown")
                    && !label.contains("empty") && !label.contains("bad_token") && !label.contains("first_command_not_a")
                    && !label.contains("unsupported");
            if (label.contains("unsupported")) {
                invalid(cat("invalid", "parts-python-reader", null), "callback-" + label, Side.PYTHON, false, fed, "#typed-parts",
                        "shared py_callback: Python cannot read a proxy part (KeyError 'f')");
            }
            if (javaWroteIt) {
                validDecoded(c, "java-wrote-" + label, Side.JAVA, mode, fed, clientServer ? "#clientserver" : "#proxy-call", "shared py_callback: bytes fed to Python");
            }
        }
    }

    private void transcripts() {
        Category c = cat("valid", "transcripts", "Every distinct frame of the shared GatewayServer transcripts (real Python client and "
                + "Java gateway on 127.0.0.1), from spec/recorded/transcripts/frames.");
        for (String name : List.of("gateway-primitives", "gateway-collections", "gateway-memory", "gateway-auth-success")) {
            for (JsonNode f : Recorded.json("transcripts/frames/" + name + ".json").get("frames")) {
                byte[] wire = Base64.getDecoder().decode(f.get("b64").asText());
                Side writer = f.get("dir").asText().startsWith("python") ? Side.PYTHON : Side.JAVA;
                Implementation.Decoded d = REF.decode(writer.peer(), false, Mode.GATEWAY, wire);
                if (!d.ok() || d.messages().size() != 1) {
                    throw new IllegalStateException("transcript frame does not decode: " + f);
                }
                Message m = CanonicalJson.message(d.messages().get(0));
                if (writer == Side.JAVA && m instanceof SuccessReturn s && s.value() instanceof DoubleValue dv
                        && !jdkStable(new String(wire, UTF_8).substring(3).trim(), dv.value())) {
                    continue;
                }
                String id = name + "-" + f.get("index").asInt();
                validDecoded(c, id, writer, Mode.GATEWAY, new String(wire, UTF_8), rulesFor(new String(wire, UTF_8)), "shared transcript " + name + " frame " + f.get("index").asInt());
            }
        }
    }

    // ------------------------------------------------------------------ readers: lenient, strict, invalid

    private void javaReaderParts() {
        Category inv = cat("invalid", "parts-java-reader", "Typed parts the Java reader (Protocol.getObject) rejects, as a call argument; "
                + "from spec/recorded/vectors/java_getobject.json.");
        Category imp = cat("implementation-defined", "parts-java-reader", "Typed parts the Java reader accepts but no peer writes "
                + "(lenient reading, as Protocol.getObject reads them; strict readers may reject); from java_getobject.json.");
        Category val = cat("valid", "parts-java-reader", "Typed parts the Java reader accepts exactly as the Python client writes them; from java_getobject.json.");
        for (JsonNode r : Recorded.json("vectors/java_getobject.json")) {
            String part = r.get("wire").asText();
            if (part.isBlank() || part.equals("e") || part.startsWith("f") || part.startsWith("r")) {
                continue; // a blank line or e ends the list (see framing); f and r need the gateway's objects and classes
            }
            String frame = "c\nt\nm\n" + part + "\ne\n";
            String id = "arg-" + slug(part);
            if (r.has("output_error")) {
                invalid(inv, id, Side.JAVA, false, frame, "#typed-parts", "shared java_getobject: " + r.get("output_error").get("exception").asText());
                continue;
            }
            Value expected = javaOracleValue(part, r.get("output"));
            readerCase(val, imp, id, Side.JAVA, frame, List.of(new CallCommand("t", "m", List.of(expected))), "#typed-parts", "shared java_getobject");
        }
    }

    /** The model value of what Protocol.getObject returned (recorded), for scalar prefixes. */
    private static Value javaOracleValue(String part, JsonNode out) {
        String t = out.path("java_type").isNull() ? "null" : out.path("java_type").asText();
        String v = out.path("value").asText();
        char p = part.charAt(0);
        return switch (t) {
            case "java.lang.Integer", "java.lang.Long" -> p == 'L' ? new LongValue(Long.parseLong(v)) : new IntValue(Long.parseLong(v));
            case "java.lang.Boolean" -> Value.ofBoolean(Boolean.parseBoolean(v));
            case "java.lang.Double" -> new DoubleValue(Double.longBitsToDouble(Long.parseUnsignedLong(out.get("raw_bits").asText(), 16)));
            case "java.math.BigDecimal" -> DecimalValue.of(new BigDecimal(v));
            case "java.lang.String" -> new StringValue(v);
            case "[B" -> new BytesValue(HexFormat.of().parseHex(out.get("value_hex").asText()));
            case "null" -> p == 'v' ? io.py4jcodec.api.model.VoidValue.INSTANCE : NullValue.INSTANCE;
            default -> throw new IllegalStateException("no model for " + out);
        };
    }

    private void pythonReaderParts() {
        Category inv = cat("invalid", "parts-python-reader", "Answers the Python reader (get_return_value) rejects; from spec/recorded/vectors/py_get_return_value.json.");
        Category imp = cat("implementation-defined", "parts-python-reader", "Answers the Python reader accepts but the Java side never writes "
                + "(lenient reading, as get_return_value reads them); from py_get_return_value.json.");
        Category val = cat("valid", "parts-python-reader", "Answers the Python reader accepts exactly as the Java side writes them; from py_get_return_value.json.");
        for (JsonNode r : Recorded.json("vectors/py_get_return_value.json")) {
            String answer = r.get("wire").asText();
            boolean bytearray = r.get("function").asText().contains("decode_bytearray");
            if (bytearray) {
                answer = "yj" + answer;
            }
            if (answer.isEmpty() || answer.contains("\r") || answer.contains("\n")) {
                continue; // framing cases live in "framing"
            }
            String frame = "!" + answer + "\n";
            String id = "answer-" + slug(answer);
            JsonNode out = r.get("output");
            char status = answer.charAt(0);
            if (status != 'y' || answer.length() == 1) {
                continue; // errors are valid answers; bare !y is covered by the Python GC answer
            }
            if (r.has("output_error")) {
                String ex = r.get("output_error").get("exception").asText();
                if (ex.equals("KeyError") && "pcmo".indexOf(answer.charAt(1)) >= 0) {
                    continue; // member answers: Python compares the answer text, get_return_value is not used
                }
                invalid(inv, id, Side.PYTHON, false, frame, "#typed-parts", "shared py_get_return_value: " + ex);
                continue;
            }
            Value expected;
            try {
                expected = pythonOracleValue(answer.substring(1), out);
            } catch (NumberFormatException beyond64Bits) {
                rejectedByModel(imp, id, Side.PYTHON, frame, "Python reads an int of any size; the model holds 64 bits");
                continue;
            }
            readerCase(val, imp, id, Side.PYTHON, frame, List.of(ReturnMessage.success(expected)), "#typed-parts", "shared py_get_return_value");
        }
    }

    private static Value pythonOracleValue(String part, JsonNode out) {
        String t = out.path("py_type").asText();
        char p = part.charAt(0);
        return switch (t) {
            case "int" -> p == 'L' ? new LongValue(Long.parseLong(out.get("repr").asText())) : new IntValue(Long.parseLong(out.get("repr").asText()));
            case "bool" -> Value.ofBoolean(out.get("repr").asText().equals("True"));
            case "float" -> new DoubleValue(pythonFloat(out.get("hex").asText()));
            case "Decimal" -> {
                String r = out.get("repr").asText();
                yield DecimalValue.of(new BigDecimal(r.substring("Decimal('".length(), r.length() - 2)));
            }
            case "str" -> new StringValue(pythonString(out.get("repr").asText()));
            case "bytes" -> new BytesValue(HexFormat.of().parseHex(out.get("hex").asText()));
            case "NoneType" -> p == 'v' ? io.py4jcodec.api.model.VoidValue.INSTANCE : NullValue.INSTANCE;
            case "JavaObject" -> new ReferenceValue(out.get("target_id").asText());
            case "JavaList" -> new ListReference(out.get("target_id").asText());
            case "JavaMap" -> new MapReference(out.get("target_id").asText());
            case "JavaSet" -> new SetReference(out.get("target_id").asText());
            case "JavaArray" -> new ArrayReference(out.get("target_id").asText());
            case "JavaIterator" -> new IteratorReference(out.get("target_id").asText());
            default -> throw new IllegalStateException("no model for " + out);
        };
    }

    /**
     * A reading the real reader accepts: valid if the other side writes exactly these bytes for it,
     * else implementation-defined (the lenient reading is the peer's; strict is whatever the reference says).
     */
    private void readerCase(Category val, Category imp, String id, Side reader, String frame, List<Message> expected, String rule, String source) {
        Implementation.Decoded lenient = REF.decode(reader, false, Mode.GATEWAY, bytes(frame));
        check(lenient.ok() && sameMessages(lenient.messages(), expected), id + ": the reference decoder reads " + frame + " as "
                + lenient + ", the real reader as " + expected);
        Implementation.Encoded enc = REF.encode(reader.peer(), toJson(expected));
        Implementation.Decoded strictRead = REF.decode(reader, true, Mode.GATEWAY, bytes(frame));
        boolean strictSame = strictRead.ok() && sameMessages(strictRead.messages(), expected);
        if (val != null && strictSame && enc.ok() && java.util.Arrays.equals(enc.wire(), bytes(frame))) {
            valid(val, id, reader.peer(), Mode.GATEWAY, bytes(frame), expected, rule, source);
            return;
        }
        ObjectNode o = base(imp, id, rule, source);
        if (o == null) {
            return;
        }
        o.put("reader", side(reader));
        putWire(o, bytes(frame));
        o.putObject("lenient").set("json", arr(toJson(expected)));
        Implementation.Decoded strict = REF.decode(reader, true, Mode.GATEWAY, bytes(frame));
        ObjectNode s = o.putObject("strict");
        if (strict.ok()) {
            s.set("json", arr(strict.messages()));
        } else {
            s.put("reason", strict.reason());
            // what the peer silently (mis-)reads, a strict reader reports
            invalid(cat("invalid", "strict-" + side(reader) + "-reader", "Inputs the real " + side(reader) + " reader accepts "
                    + "leniently and a strict reader rejects (the lenient readings are in implementation-defined/)."), id, reader, true, frame, rule, source);
        }
        o.put("note", reader == Side.JAVA ? "the Java reader accepts this spelling; the Python client never writes it"
                : "the Python reader accepts this spelling; the Java side never writes it");
        imp.cases.add(o);
    }

    /** The real reader accepts it, but the value does not fit the model: readers report the reason, as the reference does. */
    private void rejectedByModel(Category imp, String id, Side reader, String frame, String note) {
        Implementation.Decoded d = REF.decode(reader, false, Mode.GATEWAY, bytes(frame));
        check(!d.ok(), id + ": expected the reference decoder to reject it");
        ObjectNode o = base(imp, id, "#implementation-defined", "shared vectors");
        o.put("reader", side(reader));
        putWire(o, bytes(frame));
        o.putObject("lenient").put("reason", d.reason());
        o.putObject("strict").put("reason", REF.decode(reader, true, Mode.GATEWAY, bytes(frame)).reason());
        o.put("note", note);
        imp.cases.add(o);
    }

    private void escapes() {
        Category imp = cat("implementation-defined", "escapes", "Malformed escapes in a string part: Java drops the backslash of an unknown "
                + "escape, Python keeps it; strict readers reject them (BAD_ESCAPE). From java_stringutil.json and py_escape.json.");
        Category val = cat("valid", "escapes", "Well-formed escapes in string parts, read by each side; from java_stringutil.json and py_escape.json.");
        for (JsonNode r : Recorded.json("vectors/java_stringutil.json")) {
            if (!r.get("function").asText().equals("StringUtil.unescape") || r.get("wire").asText().contains("\n") || r.get("wire").asText().contains("\r")) {
                continue;
            }
            String frame = "c\nt\nm\ns" + r.get("wire").asText() + "\ne\n";
            readerCase(val, imp, "java-unescape-" + slug(r.get("wire").asText()), Side.JAVA, frame,
                    List.of(new CallCommand("t", "m", List.of(new StringValue(r.get("output").asText())))), "#escaping", "shared java_stringutil: StringUtil.unescape");
        }
        for (JsonNode r : Recorded.json("vectors/py_escape.json")) {
            if (!r.get("function").asText().equals("protocol.unescape_new_line") || r.get("wire").asText().contains("\n") || r.get("wire").asText().contains("\r")) {
                continue;
            }
            String frame = "!ys" + r.get("wire").asText() + "\n";
            readerCase(val, imp, "python-unescape-" + slug(r.get("wire").asText()), Side.PYTHON, frame,
                    List.of(ReturnMessage.success(new StringValue(r.get("output").asText()))), "#escaping", "shared py_escape: unescape_new_line");
        }
    }

    private void framing() {
        Category inv = cat("invalid", "framing", "Frames a real reader rejects or cannot frame: from py_framing.json, py_callback.json, java_commands.json.");
        Category imp = cat("implementation-defined", "framing", "Line ends and blank lines, read as each real reader reads them (java_readline.json, java_commands.json, py_framing.json).");
        for (JsonNode r : Recorded.json("vectors/py_framing.json")) {
            byte[] in = HexFormat.of().parseHex(r.get("received_bytes_hex").asText());
            String id = "python-answer-" + r.get("received_bytes_hex").asText();
            if (in.length == 0 || in[0] != '!') {
                continue;
            }
            if (r.has("output_error")) {
                invalid(inv, id, Side.PYTHON, false, in, "#framing", "shared py_framing: " + r.get("output_error").get("message").asText());
            } else if (in[in.length - 1] != '\n') {
                invalid(inv, id, Side.PYTHON, false, in, "#framing", "shared py_framing: Python drops the last character of an unterminated line");
            } else if (!r.get("output").asText().equals("y")) {
                Value v = pythonCrValue(r.get("output").asText());
                readerCase(cat("valid", "parts-python-reader", null), imp, id, Side.PYTHON, new String(in, UTF_8), List.of(ReturnMessage.success(v)), "#lines", "shared py_framing");
            }
        }
        invalid(inv, "python-unknown-command", Side.PYTHON, false, bytes("q\nfoo\n"), "#unknown-commands", "shared py_callback: unknown command letter, answered !xn");
        invalid(inv, "python-empty-object-id", Side.PYTHON, false, bytes("c\n\n"), "#callbacks", "shared py_callback: empty object id line terminates the connection");
        invalid(inv, "java-unknown-command", Side.JAVA, false, bytes("q\n"), "#unknown-commands", "reference §9.2: Unknown command received (fatal)");
        invalid(inv, "java-truncated-field-get", Side.JAVA, false, bytes("f\ng\no1\n"), "#connection-lifecycle", "decoder-differences: fixed layout cut off by EOF");
        invalid(inv, "python-truncated-call", Side.PYTHON, false, bytes("c\np0\nping\nsx\n"), "#connection-lifecycle", "input ends inside an argument list");
        // Java line ends: LF, CR, CRLF all end a line (java_readline.json); the Python client writes LF only
        String call = "c\nt\nadd\ni1\ni2\ne\n";
        List<Message> callModel = List.of(new CallCommand("t", "add", List.of(new IntValue(1), new IntValue(2))));
        readerCase(null, imp, "java-crlf", Side.JAVA, call.replace("\n", "\r\n"), callModel, "#lines", "shared java_readline: CRLF ends a line");
        readerCase(null, imp, "java-cr", Side.JAVA, call.replace("\n", "\r"), callModel, "#lines", "shared java_readline: CR ends a line");
        // a blank line ends a Java argument list (java_commands.json: c t add i1 <blank> i2 e)
        byte[] blank = bytes("c\nt\nadd\ni1\n\ni2\ne\n");
        ObjectNode o = base(imp, "java-blank-line-ends-arguments", "#argument-lists", "shared java_commands: the blank line ends the list; i2 is then read as a command");
        o.put("reader", "java");
        putWire(o, blank);
        Implementation.Decoded lenient = REF.decode(Side.JAVA, false, Mode.GATEWAY, blank);
        check(!lenient.ok() && lenient.messages().size() == 1, "blank line case: " + lenient);
        ObjectNode l = o.putObject("lenient");
        l.set("json", arr(lenient.messages()));
        l.put("reason", lenient.reason());
        o.putObject("strict").put("reason", REF.decode(Side.JAVA, true, Mode.GATEWAY, blank).reason());
        o.put("note", "Java ends the argument list at the blank line and reads the rest as new commands");
        imp.cases.add(o);
        // an argument list cut off by EOF is executed with what was read (java_commands.json)
        readerCase(null, imp, "java-arguments-cut-by-eof", Side.JAVA, "c\nt\nadd\ni1\ni2\n", callModel, "#argument-lists", "shared java_commands: executed with the arguments read so far");
    }

    private static Value pythonCrValue(String answer) {
        return answer.charAt(1) == 's' ? new StringValue(answer.substring(2)) : new IntValue(Long.parseLong(answer.substring(2)));
    }

    private void jdkDoubles() {
        Category jdk = files.get("implementation-defined/jdk-doubles");
        Map<Double, String> jdk17 = new LinkedHashMap<>();
        for (JsonNode r : Recorded.json("vectors/java_encode.json")) {
            if (r.get("input").path("java_type").asText().equals("java.lang.Double")) {
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(r.get("input").get("raw_bits").asText(), 16));
                jdk17.put(d, r.get("command_part").asText().substring(1));
            }
        }
        for (JsonNode e : Recorded.json("vectors/cross_checks.json").get(1).get("examples_java_longer")) {
            jdk17.put(Double.parseDouble(e.get("value_repr").asText()), e.get("java").asText());
        }
        for (Map.Entry<Double, String> e : jdk17.entrySet()) {
            double d = e.getKey();
            if (jdkStable(e.getValue(), d)) {
                continue;
            }
            List<String> spellings = new ArrayList<>(new LinkedHashSet<>(List.of(e.getValue(), javaShortest(d))));
            check(spellings.contains(Double.toString(d)), "this JDK writes " + d + " as " + Double.toString(d) + ", not one of " + spellings);
            ObjectNode o = base(jdk, "answer-double-" + slug(e.getValue()), "#doubles", "shared java_encode / cross_checks (JDK 17.0.15); JDK 19+ spelling: shortest digits");
            if (o == null) {
                continue;
            }
            o.put("writer", "java");
            o.set("json", arr(toJson(List.of(ReturnMessage.success(new DoubleValue(d))))));
            ArrayNode w = o.putArray("wires_b64");
            ArrayNode wt = o.putArray("wires");
            for (String s : spellings) {
                w.add(b64(bytes("!yd" + s + "\n")));
                wt.add("!yd" + s + "\n");
            }
            o.put("note", "Double.toString changed in JDK 19 (JDK-4511638): JDK 17 may print more digits than needed");
            jdk.cases.add(o);
        }
    }

    /** True when Double.toString gives the same text on JDK 17 and JDK 19+: no more digits than the shortest form needs. */
    static boolean jdkStable(String javaText, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return true;
        }
        String mant = javaText.replace("-", "").split("E")[0].replace(".", "");
        mant = mant.replaceAll("^0+", "").replaceAll("0+$", "");
        int shortest = shortestDigits(d).length();
        return mant.length() <= Math.max(2, shortest);
    }

    private static String shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(Math.abs(d));
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(d)) {
                return r.stripTrailingZeros().unscaledValue().toString();
            }
        }
        throw new IllegalStateException();
    }

    /** JDK 19+ Double.toString for |d| outside [1e-3, 1e7): shortest digits, at least two, as d.dddE±n. */
    static String javaShortest(double d) {
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal r = null;
        for (int p = 2; p <= 17; p++) {
            r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(d)) {
                break;
            }
        }
        r = r.stripTrailingZeros();
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        if (digits.length() == 1) {
            digits = digits + "0";
        }
        return (d < 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1) + "E" + exp;
    }

    // ------------------------------------------------------------------ live

    /** Requests any py4j gateway answers the same way (static JDK members), recorded from a real GatewayServer. */
    private void live() throws Exception {
        Category c = cat("live", "static-calls", "Python-client requests (written by the reference Python-side encoder) and the answers "
                + "a fresh py4j 0.10.9.9 GatewayServer gives; for `py4j-codec conform --live host:port`.");
        record Req(String id, Message m, String match) {
        }
        Value rj = new ReferenceValue("j");
        List<Req> reqs = List.of(
                new Req("reflect-package", new ReflectionUnknownCommand("java", rj), "exact"),
                new Req("reflect-class", new ReflectionUnknownCommand("java.util.ArrayList", rj), "exact"),
                new Req("reflect-simple-name", new ReflectionUnknownCommand("String", rj), "exact"),
                new Req("member-static-method", new ReflectionMemberCommand("java.lang.Math", "max"), "exact"),
                new Req("member-static-field-int", new ReflectionMemberCommand("java.lang.Integer", "MAX_VALUE"), "exact"),
                new Req("member-static-field-long", new ReflectionMemberCommand("java.lang.Long", "MIN_VALUE"), "exact"),
                new Req("member-static-field-double", new ReflectionMemberCommand("java.lang.Double", "NaN"), "exact"),
                new Req("member-missing", new ReflectionMemberCommand("java.lang.Integer", "nope"), "exact"),
                new Req("static-call-int", new CallCommand("z:java.lang.Math", "max", List.of(new IntValue(1), new IntValue(2))), "exact"),
                new Req("static-call-abs", new CallCommand("z:java.lang.Math", "abs", List.of(new IntValue(-5))), "exact"),
                new Req("static-call-long", new CallCommand("z:java.lang.Long", "valueOf", List.of(new LongValue(Long.MAX_VALUE))), "exact"),
                new Req("static-call-bool", new CallCommand("z:java.lang.Boolean", "valueOf", List.of(Value.ofBoolean(true))), "exact"),
                new Req("static-call-string-escapes", new CallCommand("z:java.lang.String", "valueOf", List.of(new StringValue("a\nb\\c\rd"))), "exact"),
                new Req("static-call-string-astral", new CallCommand("z:java.lang.String", "valueOf", List.of(new StringValue("\u00e9\ud83d\ude00"))), "exact"),
                new Req("static-call-double", new CallCommand("z:java.lang.Double", "valueOf", List.of(new DoubleValue(1.5))), "exact"),
                new Req("static-call-double-nan", new CallCommand("z:java.lang.Double", "valueOf", List.of(new DoubleValue(Double.NaN))), "exact"),
                new Req("static-call-decimal", new CallCommand("z:java.math.BigDecimal", "valueOf", List.of(new LongValue(1000L))), "exact"),
                new Req("static-call-bytes", new CallCommand("z:java.util.Arrays", "copyOf", List.of(new BytesValue(new byte[] {0, 1, 2, -1}), new IntValue(4))), "exact"),
                new Req("static-call-null", new CallCommand("z:java.util.Objects", "toString", List.of(NullValue.INSTANCE, new StringValue("dflt"))), "exact"),
                new Req("static-call-void", new CallCommand("z:java.lang.Thread", "yield", List.of()), "exact"),
                new Req("constructor-list", new ConstructorCommand("java.util.ArrayList", List.of()), "ids"),
                new Req("constructor-map", new ConstructorCommand("java.util.HashMap", List.of()), "ids"),
                new Req("memory-delete-unknown", new MemoryDeleteCommand("o999999"), "exact"),
                new Req("no-such-method", new CallCommand("z:java.lang.Math", "nope", List.of()), "prefix"));
        GatewayServer server = new GatewayServer(new Object(), 0, 0, 2000, 2000, null);
        server.start();
        try (Socket s = new Socket("127.0.0.1", server.getListeningPort())) {
            s.setSoTimeout(5000);
            var in = s.getInputStream();
            var out = s.getOutputStream();
            for (Req r : reqs) {
                byte[] request = TextCodec.of(Side.PYTHON).newEncoder().encode(r.m());
                out.write(request);
                out.flush();
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    line.write(b);
                    if (b == '\n') {
                        break;
                    }
                }
                byte[] answer = line.toByteArray();
                if (r.match().equals("prefix")) {
                    String a = new String(answer, UTF_8);
                    int cut = a.indexOf("\\n");
                    answer = bytes(cut < 0 ? a : a.substring(0, cut));
                }
                ObjectNode o = base(c, r.id(), "#live", "py4j 0.10.9.9 GatewayServer (this JVM)");
                o.put("request", new String(request, UTF_8));
                o.put("request_b64", b64(request));
                o.set("request_json", CanonicalJson.toJson(r.m()));
                o.put("answer", new String(answer, UTF_8));
                o.put("answer_b64", b64(answer));
                if (!r.match().equals("prefix")) {
                    Implementation.Decoded d = REF.decode(Side.PYTHON, false, Mode.GATEWAY, answer);
                    check(d.ok(), "live answer does not decode: " + d);
                    o.set("answer_json", d.messages().get(0));
                }
                o.put("match", r.match());
                c.cases.add(o);
            }
        } finally {
            server.shutdown();
        }
    }

    // ------------------------------------------------------------------ helpers

    private Category cat(String kind, String name, String description) {
        return files.computeIfAbsent(kind + "/" + name, k -> new Category(kind, name, description));
    }

    private ObjectNode base(Category c, String id, String rule, String source) {
        String unique = id;
        for (int n = 2; c.ids.contains(unique); n++) {
            unique = id + "-" + n;
        }
        c.ids.add(unique);
        ObjectNode o = NODES.objectNode();
        o.put("id", unique);
        o.putArray("rules").add(rule);
        o.put("source", source);
        return o;
    }

    private void validDecoded(Category c, String id, Side writer, Mode mode, String wire, String rule, String source) {
        Implementation.Decoded d = REF.decode(writer.peer(), false, mode, bytes(wire));
        check(d.ok(), id + ": the reference decoder rejects what the real " + writer + " wrote: " + d);
        List<Message> ms = d.messages().stream().map(CanonicalJson::message).toList();
        valid(c, id, writer, mode, bytes(wire), ms, rule, source);
    }

    private void valid(Category c, String id, Side writer, Mode mode, byte[] wire, List<Message> messages, String rule, String source) {
        if (!c.seen.add(writer + " " + mode + " " + b64(wire))) {
            return; // the same bytes from the same writer say nothing new
        }
        Implementation.Encoded e = REF.encode(writer, toJson(messages));
        check(e.ok() && java.util.Arrays.equals(e.wire(), wire), id + ": encoding " + messages + " as " + writer + " gives "
                + (e.ok() ? new String(e.wire(), UTF_8) : e.reason()) + ", the real " + writer + " wrote " + new String(wire, UTF_8));
        for (boolean strict : new boolean[] {false, true}) {
            Implementation.Decoded d = REF.decode(writer.peer(), strict, mode, wire);
            check(d.ok() && sameMessages(d.messages(), messages), id + ": the reference decoder (strict=" + strict + ") reads "
                    + d + ", the real writer meant " + messages);
        }
        ObjectNode o = base(c, id, rule, source);
        o.put("writer", side(writer));
        if (mode != Mode.GATEWAY) {
            o.put("mode", mode.json());
        }
        putWire(o, wire);
        o.set("json", arr(toJson(messages)));
        c.cases.add(o);
    }

    private void invalid(Category c, String id, Side reader, boolean strict, String wire, String rule, String source) {
        invalid(c, id, reader, strict, bytes(wire), rule, source);
    }

    private void invalid(Category c, String id, Side reader, boolean strict, byte[] wire, String rule, String source) {
        Implementation.Decoded d = REF.decode(reader, strict, Mode.GATEWAY, wire);
        check(!d.ok(), id + ": the real " + reader + " reader rejects " + new String(wire, UTF_8) + " but the reference decoder reads " + d.messages());
        if (!strict) {
            Implementation.Decoded ds = REF.decode(reader, true, Mode.GATEWAY, wire);
            check(!ds.ok(), id + ": rejected leniently but accepted in strict mode");
        }
        ObjectNode o = base(c, id, rule, source);
        o.put("reader", side(reader));
        o.put("strict", strict);
        putWire(o, wire);
        o.put("reason", d.reason());
        c.cases.add(o);
    }

    private static String rulesFor(String wire) {
        String first = wire.isEmpty() ? "" : wire.substring(0, Math.max(1, wire.indexOf('\n')));
        if (first.startsWith("!")) {
            return "#answers";
        }
        return switch (first) {
            case "c" -> "#call";
            case "i" -> "#constructor";
            case "f" -> "#field";
            case "r" -> "#reflection";
            case "l" -> "#list";
            case "a" -> "#array";
            case "m" -> "#memory";
            case "h" -> "#help";
            case "j" -> "#jvm-view";
            case "p" -> "#exception";
            case "d" -> "#dir";
            case "S" -> "#stream";
            case "s" -> "#shutdown";
            case "z" -> "#cancel";
            case "A" -> "#auth";
            default -> "#commands";
        };
    }

    private static boolean sameMessages(List<JsonNode> got, List<Message> want) {
        if (got.size() != want.size()) {
            return false;
        }
        for (int i = 0; i < got.size(); i++) {
            if (!CanonicalJson.write(CanonicalJson.message(got.get(i))).equals(CanonicalJson.write(want.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> toJson(List<Message> ms) {
        return ms.stream().<JsonNode>map(CanonicalJson::toJson).toList();
    }

    private static ArrayNode arr(List<JsonNode> nodes) {
        ArrayNode a = NODES.arrayNode();
        nodes.forEach(a::add);
        return a;
    }

    private static void putWire(ObjectNode o, byte[] wire) {
        try {
            String text = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(wire)).toString();
            o.put("wire", text);
        } catch (CharacterCodingException e) {
            // not UTF-8: wire_b64 alone says what the bytes are
        }
        o.put("wire_b64", b64(wire));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static String side(Side s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
            if (Character.isHighSurrogate(ch)) {
                i++;
            }
        }
        return false;
    }

    static String slug(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 40; i++) {
            char ch = s.charAt(i);
            if (ch < 128 && Character.isLetterOrDigit(ch)) {
                b.append(Character.toLowerCase(ch));
            } else if (ch == '-' || ch == '+' || ch == '.') {
                b.append(ch);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_');
            }
        }
        String out = b.toString().replaceAll("_+$", "");
        return out.isEmpty() ? "x" + Integer.toHexString(s.hashCode()) : out;
    }

    private Map<String, String> render() {
        Map<String, String> out = new LinkedHashMap<>();
        ArrayNode index = NODES.arrayNode();
        for (Category c : files.values()) {
            if (c.cases.isEmpty()) {
                continue;
            }
            String path = c.kind + "/" + c.name + ".json";
            index.add(path);
            StringBuilder b = new StringBuilder();
            b.append("{\"format\": ").append(CanonicalJson.write(NODES.textNode(FORMAT)))
                    .append(", \"kind\": ").append(CanonicalJson.write(NODES.textNode(c.kind)))
                    .append(", \"category\": ").append(CanonicalJson.write(NODES.textNode(c.name))).append(",\n")
                    .append(" \"description\": ").append(CanonicalJson.write(NODES.textNode(c.description))).append(",\n")
                    .append(" \"cases\": [\n");
            for (int i = 0; i < c.cases.size(); i++) {
                b.append("  ").append(CanonicalJson.write(c.cases.get(i))).append(i + 1 < c.cases.size() ? ",\n" : "\n");
            }
            b.append("]}\n");
            out.put(path, b.toString());
        }
        ObjectNode idx = NODES.objectNode();
        idx.put("format", FORMAT);
        idx.set("files", index);
        out.put("index.json", CanonicalJson.write(idx) + "\n");
        return out;
    }

    /** Writes the files under {@code dir} (used by the regeneration test). */
    static void write(java.nio.file.Path dir, Map<String, String> files) throws java.io.IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            java.nio.file.Path p = dir.resolve(e.getKey());
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.writeString(p, e.getValue(), UTF_8);
        }
    }

    static ProtocolException unused() {
        return null;
    }

    static JsonNode parse(String s) throws java.io.IOException {
        return JSON.readTree(s);
    }
}
