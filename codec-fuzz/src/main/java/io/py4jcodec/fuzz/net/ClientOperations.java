package io.py4jcodec.fuzz.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.spec.CanonicalJson;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations the gateway role makes a client perform, as driver-protocol JSON (the table is in
 * codec-fuzz/README.md, "The driver protocol"), and for each what PROTOCOL.md says the py4j Python
 * client sends: the commands in order, the answers the gateway gives to all but the last (the class
 * lookups, sizes and iterators the last one needs), what kind of answer the last one takes, and how
 * the operation's result relates to that answer.
 *
 * <pre>{@code
 * ObjectNode op = ClientOperations.op("list_get", entropy, gen);   // {"op":"list_get","target":"o3","index":-1}
 * Script s = ClientOperations.script(op);   // c o3 size e (answered !yi3), then c o3 get i2 e
 * }</pre>
 */
final class ClientOperations {

    /** Every operation kind, in the order a campaign's first cases use them (so that a short one covers all). */
    static final List<String> KINDS = List.of("call", "constructor", "field_get", "field_set", "java_import",
            "list_len", "list_get", "list_set", "list_slice", "list_contains", "list_iter",
            "map_len", "map_get", "map_put", "map_contains", "set_len", "set_contains", "set_add",
            "array_len", "array_get", "array_set", "array_slice", "dir", "dir_jvm", "help", "gc",
            "list_concat", "list_multiply", "list_multiply_in_place", "list_count", "list_sort", "list_reverse",
            "new_array", "new_jvm_view", "dir_class", "help_class", "shutdown", "close");

    /** What the last command of an operation is answered with by a gateway that behaves. */
    enum AnswerKind {
        /** any value or error (a call's, a constructor's, a field's). */
        ANY,
        /** a collection's size: an int, not negative. */
        SIZE,
        BOOLEAN,
        STRING,
        /** member names joined by LF, as a string (dir). */
        NAMES,
        /** {@code !yv} (memory delete). */
        VOID,
        /** an object reference (a new JVM view's Java object). */
        REFERENCE,
        /** nothing: the command has no answer (shutdown). */
        NONE
    }

    /** How an operation's result relates to the answer of its last command. */
    enum Result {
        /** the answered value (an error answer: a documented error). */
        VALUE,
        /** an error exactly when the answer is one; the value is not the result. */
        ERROR_ONLY,
        /** the answered names, as a set. */
        NAMES,
        /** the answered value; an error answer ends the iteration (result null). */
        ITERATOR,
        /** null whatever the answer: the client swallows errors (gc, shutdown). */
        SWALLOWED,
        /**
         * null: the client reads the answer and drops it, error or not (list sort, reverse, {@code *=});
         * only a broken or unreadable answer may raise (a documented network error).
         */
        DISCARDED,
        /** only oracle (f) applies. */
        UNCHECKED
    }

    /**
     * What an operation makes the client send. {@code lookups.get(i)} answers {@code commands.get(i)}
     * for every command but the last, which the campaign answers (validly, or not).
     */
    record Script(List<Command> commands, List<ReturnMessage> lookups, AnswerKind answer, Result result) {
        Command last() {
            return commands.isEmpty() ? null : commands.get(commands.size() - 1);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The view py4j's {@code gateway.jvm} names on the wire ({@code rj}). */
    private static final Value DEFAULT_VIEW = new ReferenceValue("j");
    /** The id the gateway gives the iterator of {@code list_iter}. */
    private static final String ITERATOR_ID = "o999999";
    /** Classes for new_array, dir_class and help_class: a primitive, a JDK class, one the JVM does not have. */
    private static final String[] FQNS = {"int", "java.lang.String", "a.b.C"};
    /** Class names for constructors: {looked up, answered fqn}; a simple name may answer another fqn (an import). */
    private static final String[][] CLASSES = {{"java.util.ArrayList", "java.util.ArrayList"}, {"a.b.C", "a.b.C"},
        {"ArrayList", "java.util.ArrayList"}, {"X", "X"}};

    private ClientOperations() {
    }

    /** A generated operation of {@code kind}; argument values are those the Python API can send. */
    static ObjectNode op(String kind, Entropy e, Generators gen) {
        ObjectNode op = JSON.objectNode().put("op", kind);
        String target = e.coin() ? "t" : "o" + e.choose(100);
        switch (kind) {
            case "call" -> {
                op.put("target", target).put("method", "m" + e.choose(50));
                arguments(op.putArray("args"), e, gen);
            }
            case "constructor" -> {
                op.put("class", CLASSES[e.choose(CLASSES.length)][0]);
                arguments(op.putArray("args"), e, gen);
            }
            case "field_get" -> op.put("target", target).put("field", "f" + e.choose(20));
            case "field_set" -> op.put("target", target).put("field", "f" + e.choose(20)).set("value", value(e, gen));
            case "java_import" -> op.put("name", e.pick("java.util.*", "java.util.ArrayList", "a.b.C"));
            case "list_get", "array_get" -> op.put("target", collection(e)).put("index", e.choose(8) - 4);
            case "list_set", "array_set" -> op.put("target", collection(e)).put("index", e.choose(8) - 4).set("value", value(e, gen));
            case "list_slice", "array_slice" -> op.put("target", collection(e)).put("start", e.choose(9) - 4).put("stop", e.choose(9) - 4);
            case "list_contains", "set_contains", "set_add" -> op.put("target", collection(e)).set("value", value(e, gen));
            case "map_get", "map_contains" -> op.put("target", collection(e)).set("key", value(e, gen));
            case "map_put" -> {
                op.put("target", collection(e)).set("key", value(e, gen));
                op.set("value", value(e, gen));
            }
            case "list_len", "map_len", "set_len", "array_len", "list_iter", "dir", "list_sort", "list_reverse" ->
                op.put("target", collection(e));
            case "help" -> help(op.put("target", collection(e)), e);
            case "help_class" -> help(op.put("class", e.pick(FQNS)), e);
            case "list_concat" -> op.put("target", collection(e)).put("other", collection(e));
            case "list_multiply", "list_multiply_in_place" -> op.put("target", collection(e)).put("count", e.choose(6) - 1);
            case "list_count" -> op.put("target", collection(e)).set("value", value(e, gen));
            case "new_array" -> {
                ArrayNode dims = op.put("class", e.pick(FQNS)).putArray("dimensions");
                for (int i = 0, n = 1 + e.choose(3); i < n; i++) {
                    dims.add(e.choose(4));
                }
            }
            case "new_jvm_view" -> op.put("name", e.pick("custom jvm", "", "v\u00e9\n2"));
            case "dir_class" -> op.put("class", e.pick(FQNS));
            // a fresh id: a late release of an object an earlier case used must not pass for this one's
            case "gc" -> op.put("target", "o" + (100_000 + e.choose(900_000)));
            case "dir_jvm", "shutdown", "close" -> {
            }
            default -> throw new IllegalArgumentException("no operation " + kind);
        }
        return op;
    }

    private static void help(ObjectNode op, Entropy e) {
        if (e.coin()) {
            op.putNull("pattern");
        } else {
            op.put("pattern", e.pick("get*", "m(*", "", "*"));
        }
        op.put("short_name", e.coin());
    }

    private static String collection(Entropy e) {
        return "o" + e.choose(100);
    }

    private static JsonNode value(Entropy e, Generators gen) {
        return CanonicalJson.toJson(sendable(gen.argument(Side.PYTHON, e)));
    }

    private static void arguments(ArrayNode args, Entropy e, Generators gen) {
        int n = e.choose(5);
        for (int i = 0; i < n; i++) {
            args.add(value(e, gen));
        }
    }

    /** What the driver can send through the Python API: references stand for every object kind. */
    static Value sendable(Value v) {
        if (v instanceof IntValue || v instanceof LongValue || v instanceof DoubleValue || v instanceof BooleanValue
                || v instanceof DecimalValue || v instanceof StringValue || v instanceof BytesValue || v instanceof NullValue
                || v instanceof ReferenceValue) {
            return v;
        }
        return new ReferenceValue(v instanceof PythonProxyValue p ? "o" + p.id().substring(1) : "o1");
    }

    /** What PROTOCOL.md (sections 6.1 to 6.12) says the py4j Python client sends for {@code op}. */
    static Script script(ObjectNode op) {
        String kind = op.get("op").asText();
        String id = op.path("target").asText();
        List<Command> cmds = new ArrayList<>();
        List<ReturnMessage> lookups = new ArrayList<>();
        AnswerKind answer = AnswerKind.ANY;
        Result result = Result.VALUE;
        switch (kind) {
            case "call" -> cmds.add(new CallCommand(id, op.get("method").asText(), values(op.get("args"))));
            case "constructor" -> {
                // gateway.jvm.a.b.C: one lookup per name, each answered a package until the last, a class
                String name = op.get("class").asText();
                String fqn = name;
                for (String[] c : CLASSES) {
                    fqn = c[0].equals(name) ? c[1] : fqn;
                }
                String[] parts = name.split("\\.");
                for (int i = 0; i < parts.length; i++) {
                    cmds.add(new ReflectionUnknownCommand(String.join(".", List.of(parts).subList(0, i + 1)), DEFAULT_VIEW));
                    lookups.add(ReturnMessage.success(i < parts.length - 1 ? PackageMember.INSTANCE : new ClassMember(fqn)));
                }
                cmds.add(new ConstructorCommand(fqn, values(op.get("args"))));
            }
            case "field_get" -> cmds.add(new FieldGetCommand(id, op.get("field").asText()));
            case "field_set" -> {
                cmds.add(new FieldSetCommand(id, op.get("field").asText(), value(op.get("value"))));
                result = Result.ERROR_ONLY;
            }
            case "java_import" -> {
                cmds.add(new JvmViewImportCommand(DEFAULT_VIEW, op.get("name").asText()));
                result = Result.ERROR_ONLY;
            }
            case "list_len", "map_len", "set_len" -> {
                cmds.add(call(id, "size"));
                answer = AnswerKind.SIZE;
            }
            case "array_len" -> {
                cmds.add(new ArrayLengthCommand(id));
                answer = AnswerKind.SIZE;
            }
            case "list_get", "list_set", "array_get", "array_set" -> {
                // py4j asks the size first to turn a negative index into a position; |index| + 2 keeps it in range
                int index = op.get("index").asInt();
                int size = Math.abs(index) + 2;
                cmds.add(kind.startsWith("list") ? call(id, "size") : new ArrayLengthCommand(id));
                lookups.add(ReturnMessage.success(new IntValue(size)));
                IntValue at = new IntValue(index < 0 ? size + index : index);
                boolean set = kind.endsWith("set");
                cmds.add(switch (kind) {
                    case "list_get" -> new CallCommand(id, "get", List.of(at));
                    case "list_set" -> new CallCommand(id, "set", List.of(at, value(op.get("value"))));
                    case "array_get" -> new ArrayGetCommand(id, at);
                    default -> new ArraySetCommand(id, at, value(op.get("value")));
                });
                result = set ? Result.ERROR_ONLY : Result.VALUE; // c[k] = v is a statement: its value is dropped
            }
            case "list_slice", "array_slice" -> {
                int start = op.get("start").asInt();
                int stop = op.get("stop").asInt();
                int size = Math.max(Math.abs(start), Math.abs(stop)) + 1;
                cmds.add(kind.startsWith("list") ? call(id, "size") : new ArrayLengthCommand(id));
                lookups.add(ReturnMessage.success(new IntValue(size)));
                List<Value> indices = new ArrayList<>();
                for (int i = sliceBound(start, size); i < sliceBound(stop, size); i++) {
                    indices.add(new IntValue(i));
                }
                cmds.add(kind.startsWith("list") ? new ListSliceCommand(id, indices) : new ArraySliceCommand(id, indices));
            }
            case "list_contains", "set_contains" -> {
                cmds.add(new CallCommand(id, "contains", List.of(value(op.get("value")))));
                answer = AnswerKind.BOOLEAN;
            }
            case "map_contains" -> {
                cmds.add(new CallCommand(id, "containsKey", List.of(value(op.get("key")))));
                answer = AnswerKind.BOOLEAN;
            }
            case "map_get" -> cmds.add(new CallCommand(id, "get", List.of(value(op.get("key")))));
            case "map_put" -> {
                cmds.add(new CallCommand(id, "put", List.of(value(op.get("key")), value(op.get("value")))));
                result = Result.ERROR_ONLY;
            }
            case "set_add" -> {
                cmds.add(new CallCommand(id, "add", List.of(value(op.get("value")))));
                result = Result.ERROR_ONLY;
            }
            case "list_iter" -> {
                cmds.add(call(id, "iterator"));
                lookups.add(ReturnMessage.success(new IteratorReference(ITERATOR_ID)));
                cmds.add(call(ITERATOR_ID, "next"));
                result = Result.ITERATOR;
            }
            case "dir" -> {
                // auto_field is off (py4j's default): only the methods are listed
                cmds.add(new DirMethodsCommand(id));
                answer = AnswerKind.NAMES;
                result = Result.NAMES;
            }
            case "dir_jvm" -> {
                cmds.add(new DirJvmViewCommand(DEFAULT_VIEW, NullValue.INSTANCE));
                answer = AnswerKind.NAMES;
                result = Result.UNCHECKED;
            }
            case "help" -> {
                cmds.add(new HelpObjectCommand(id, pattern(op), new BooleanValue(op.get("short_name").asBoolean())));
                answer = AnswerKind.STRING;
            }
            case "help_class" -> {
                cmds.add(new HelpClassCommand(op.get("class").asText(), pattern(op), new BooleanValue(op.get("short_name").asBoolean())));
                answer = AnswerKind.STRING;
            }
            case "dir_class" -> {
                cmds.add(new DirStaticCommand(op.get("class").asText()));
                answer = AnswerKind.NAMES;
                result = Result.NAMES;
            }
            case "new_array" -> {
                List<Value> dims = new ArrayList<>();
                op.get("dimensions").forEach(d -> dims.add(new IntValue(d.asInt())));
                cmds.add(new ArrayCreateCommand(new StringValue(op.get("class").asText()), dims));
            }
            case "new_jvm_view" -> {
                cmds.add(new JvmViewCreateCommand(new StringValue(op.get("name").asText())));
                answer = AnswerKind.REFERENCE; // JVMView reads the answer's object id, unchecked
            }
            case "list_concat" -> cmds.add(new ListConcatCommand(id, op.get("other").asText()));
            case "list_multiply" -> cmds.add(new ListMultiplyCommand(id, op.get("count").asInt()));
            case "list_count" -> cmds.add(new ListCountCommand(id, value(op.get("value"))));
            case "list_multiply_in_place", "list_sort", "list_reverse" -> {
                cmds.add(switch (kind) {
                    case "list_sort" -> new ListSortCommand(id);
                    case "list_reverse" -> new ListReverseCommand(id);
                    default -> new ListMultiplyInPlaceCommand(id, op.get("count").asInt());
                });
                result = Result.DISCARDED;
            }
            case "gc" -> {
                cmds.add(new MemoryDeleteCommand(id));
                answer = AnswerKind.VOID;
                result = Result.SWALLOWED;
            }
            case "shutdown" -> {
                cmds.add(new ShutdownCommand());
                answer = AnswerKind.NONE;
                result = Result.SWALLOWED;
            }
            case "close" -> {
                answer = AnswerKind.NONE;
                result = Result.UNCHECKED;
            }
            default -> throw new IllegalArgumentException("no operation " + kind);
        }
        return new Script(List.copyOf(cmds), List.copyOf(lookups), answer, result);
    }

    /** A help operation's pattern part: null, or the string. */
    private static Value pattern(ObjectNode op) {
        JsonNode pattern = op.get("pattern");
        return pattern == null || pattern.isNull() ? NullValue.INSTANCE : new StringValue(pattern.asText());
    }

    /** Python's {@code slice(bound, None).indices(size)} for one bound, step 1. */
    private static int sliceBound(int bound, int size) {
        int b = bound < 0 ? bound + size : bound;
        return Math.max(0, Math.min(size, b));
    }

    private static Command call(String id, String method) {
        return new CallCommand(id, method, List.of());
    }

    private static Value value(JsonNode v) {
        return Drivers.asPythonWrites(CanonicalJson.value(v));
    }

    private static List<Value> values(JsonNode args) {
        List<Value> out = new ArrayList<>();
        args.forEach(a -> out.add(value(a)));
        return out;
    }

    /** Whether a gateway that behaves could give {@code answer} to the last command of an operation of this kind. */
    static boolean fits(AnswerKind kind, ReturnMessage answer) {
        if (answer instanceof FatalReturn) {
            return kind != AnswerKind.NONE;
        }
        if (answer instanceof ErrorReturn) {
            return kind != AnswerKind.NONE && kind != AnswerKind.VOID;
        }
        Value v = answer instanceof SuccessReturn s ? s.value() : null;
        if (v instanceof ClassMember || v instanceof PackageMember || v instanceof MethodMember || v instanceof NoMember) {
            return false; // a gateway answers a member only to a reflection lookup
        }
        return switch (kind) {
            case ANY -> true;
            case SIZE -> v instanceof IntValue i && i.value() >= 0;
            case BOOLEAN -> v instanceof BooleanValue;
            case STRING, NAMES -> v instanceof StringValue;
            case VOID -> v instanceof VoidValue;
            case REFERENCE -> v instanceof ReferenceValue;
            case NONE -> false;
        };
    }

    /** An answer of {@code kind} a gateway that behaves gives. */
    static ReturnMessage typed(AnswerKind kind, Entropy e) {
        return switch (kind) {
            case SIZE -> ReturnMessage.success(new IntValue(e.choose(5) == 0 ? Integer.MAX_VALUE : e.choose(10)));
            case BOOLEAN -> ReturnMessage.success(new BooleanValue(e.coin()));
            case STRING -> ReturnMessage.success(new StringValue(e.pick("", "Help on class X\n  m()\n", "a\\b\nc", "\u00e9\ud83d\ude00")));
            case NAMES -> {
                List<String> names = new ArrayList<>();
                int n = e.choose(5);
                for (int i = 0; i < n; i++) {
                    names.add("m" + e.choose(20));
                }
                yield ReturnMessage.success(new StringValue(String.join("\n", names)));
            }
            case REFERENCE -> ReturnMessage.success(new ReferenceValue("o" + (1000 + e.choose(100))));
            case VOID, ANY, NONE -> ReturnMessage.success(VoidValue.INSTANCE);
        };
    }
}
