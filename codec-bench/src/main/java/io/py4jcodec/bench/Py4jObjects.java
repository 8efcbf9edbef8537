package io.py4jcodec.bench;

import io.py4jcodec.api.model.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The model to and from the Java objects py4j's own code reads and writes, for {@link Py4jContender}:
 * its encode inputs are built here before timing starts, and what it decoded is mapped back here
 * to be checked against the workload. Nothing here is timed.
 *
 * <pre>{@code
 * Object o = Py4jObjects.object(Value.ofInt(3));   // Integer 3, as py4j's gateway would hold it
 * Value v = Py4jObjects.value(o);                  // back to IntValue(3)
 * }</pre>
 */
final class Py4jObjects {
    private Py4jObjects() {
    }

    /** What py4j's gateway holds for an object id; the decoded references point at these. */
    record Ref(String id) {
    }

    /** A command read by py4j's code: the lines and the objects it read, before execution. */
    record Read(String command, char sub, String a, String b, Object c, List<Object> args) {
    }

    /** An answer py4j has no Java reader for: its status, type letter and text. */
    record Unread(char status, char type, String text) {
    }

    /** An answer read through {@code getReturnValue}'s {@code getObject}. */
    record Answer(char status, Object value) {
    }

    /** A command as {@code PythonProxyHandler} would build it: fixed lines, then parts. */
    record CommandInput(String[] lines, Object[] parts) {
    }

    enum AnswerKind { VALUE, VOID, REF, LIST, MAP, SET, ARRAY, ITERATOR, PACKAGE, CLASS, METHOD, NO_MEMBER, ERROR_REF }

    record AnswerInput(AnswerKind kind, Object value) {
    }

    static CommandInput commandInput(Command c) {
        if (c instanceof io.py4jcodec.api.model.CallCommand call) {
            return new CommandInput(new String[] {"c", call.targetId(), call.method()}, objects(call.arguments()));
        }
        if (c instanceof ConstructorCommand k) {
            return new CommandInput(new String[] {"i", k.className()}, objects(k.arguments()));
        }
        if (c instanceof ReflectionUnknownCommand u) {
            return new CommandInput(new String[] {"r", "u", u.name()}, objects(List.of(u.jvmView())));
        }
        if (c instanceof MemoryDeleteCommand m) {
            return new CommandInput(new String[] {"m", "d", m.objectId()}, new Object[0]);
        }
        throw new IllegalArgumentException("the py4j baseline writes no " + c.getClass().getSimpleName());
    }

    private static Object[] objects(List<Value> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = object(values.get(i));
        }
        return out;
    }

    /** The Java object py4j would hold for a value. */
    static Object object(Value v) {
        if (v instanceof IntValue i) {
            return i.value() == (int) i.value() ? (Object) (int) i.value() : (Object) i.value();
        }
        if (v instanceof LongValue l) {
            return l.value();
        }
        if (v instanceof DoubleValue d) {
            return d.value();
        }
        if (v instanceof BooleanValue b) {
            return b.value();
        }
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof BytesValue b) {
            return b.value();
        }
        if (v instanceof DecimalValue d) {
            return d.value();
        }
        if (v instanceof ReferenceValue r) {
            return new Ref(r.id());
        }
        if (v instanceof NullValue) {
            return null;
        }
        throw new IllegalArgumentException("no py4j object for " + v);
    }

    static AnswerInput answerInput(ReturnMessage m) {
        Value v = m.value();
        if (m instanceof ErrorReturn && v instanceof ReferenceValue r) {
            return new AnswerInput(AnswerKind.ERROR_REF, r.id());
        }
        if (!(m instanceof SuccessReturn)) {
            throw new IllegalArgumentException("the py4j baseline writes no " + m);
        }
        if (v instanceof VoidValue) {
            return new AnswerInput(AnswerKind.VOID, null);
        }
        if (v instanceof ReferenceValue r) {
            return new AnswerInput(AnswerKind.REF, r.id());
        }
        if (v instanceof ListReference r) {
            return new AnswerInput(AnswerKind.LIST, r.id());
        }
        if (v instanceof MapReference r) {
            return new AnswerInput(AnswerKind.MAP, r.id());
        }
        if (v instanceof SetReference r) {
            return new AnswerInput(AnswerKind.SET, r.id());
        }
        if (v instanceof ArrayReference r) {
            return new AnswerInput(AnswerKind.ARRAY, r.id());
        }
        if (v instanceof IteratorReference r) {
            return new AnswerInput(AnswerKind.ITERATOR, r.id());
        }
        if (v instanceof PackageMember) {
            return new AnswerInput(AnswerKind.PACKAGE, null);
        }
        if (v instanceof ClassMember c) {
            return new AnswerInput(AnswerKind.CLASS, c.name());
        }
        if (v instanceof MethodMember) {
            return new AnswerInput(AnswerKind.METHOD, null);
        }
        if (v instanceof NoMember) {
            return new AnswerInput(AnswerKind.NO_MEMBER, null);
        }
        return new AnswerInput(AnswerKind.VALUE, object(v));
    }

    static Command toCommand(Read r) {
        return switch (r.command) {
            case "c" -> new io.py4jcodec.api.model.CallCommand(r.a, r.b, values(r.args));
            case "i" -> new ConstructorCommand(r.a, values(r.args));
            case "r" -> r.sub == 'u' ? new ReflectionUnknownCommand(r.a, value(r.c)) : new ReflectionClassCommand(r.a);
            case "m" -> new MemoryDeleteCommand(r.a);
            case "j" -> new JvmViewImportCommand(value(r.c), r.a);
            default -> throw new IllegalStateException(r.command);
        };
    }

    private static List<Value> values(List<Object> objects) {
        List<Value> out = new ArrayList<>();
        for (Object o : objects) {
            out.add(value(o));
        }
        return out;
    }

    /** The model of an object py4j read (py4j reads both n and v as null). */
    static Value value(Object o) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof Integer i) {
            return new IntValue(i);
        }
        if (o instanceof Long l) {
            return new LongValue(l);
        }
        if (o instanceof Double d) {
            return new DoubleValue(d);
        }
        if (o instanceof Boolean b) {
            return b ? BooleanValue.TRUE : BooleanValue.FALSE;
        }
        if (o instanceof String s) {
            return new StringValue(s);
        }
        if (o instanceof byte[] b) {
            return new BytesValue(b);
        }
        if (o instanceof BigDecimal d) {
            return DecimalValue.of(d);
        }
        if (o instanceof Ref r) {
            return new ReferenceValue(r.id);
        }
        throw new IllegalStateException("unexpected py4j object " + o);
    }

    static Message toAnswer(Object o) {
        char status;
        Value v;
        if (o instanceof Answer a) {
            status = a.status;
            v = value(a.value);
        } else {
            Unread u = (Unread) o;
            status = u.status;
            v = switch (u.type) {
                case 'l' -> new ListReference(u.text);
                case 'a' -> new MapReference(u.text);
                case 'h' -> new SetReference(u.text);
                case 't' -> new ArrayReference(u.text);
                case 'g' -> new IteratorReference(u.text);
                case 'p' -> PackageMember.INSTANCE;
                case 'c' -> new ClassMember(u.text);
                case 'm' -> MethodMember.INSTANCE;
                case 'o' -> NoMember.INSTANCE;
                default -> throw new IllegalStateException("type " + u.type);
            };
        }
        return status == 'x' ? new ErrorReturn(v) : new SuccessReturn(v);
    }
}
