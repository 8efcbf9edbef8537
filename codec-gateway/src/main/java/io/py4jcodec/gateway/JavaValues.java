package io.py4jcodec.gateway;

import io.py4jcodec.api.model.*;
import java.math.BigDecimal;
import java.util.List;
import py4j.Gateway;
import py4j.Py4JException;
import py4j.ReturnObject;
import py4j.StringUtil;
import py4j.reflection.ReflectionUtil;

/**
 * Protocol values to Java objects and back, exactly as py4j's Java side converts them: arguments
 * become what {@code Protocol.getObject} makes of the same part, and results are classified by
 * py4j's own {@link Gateway#getReturnObject(Object)} (which also registers them in the object
 * table under a fresh {@code o<n>} id). Only the bytes are ours.
 */
final class JavaValues {
    private final Gateway gateway;

    JavaValues(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The Java object py4j passes for {@code part} (a reference is looked up; a proxy is made). */
    Object toJava(Value part) {
        switch (part.prefix()) {
            case 'i': {
                long v = ((IntValue) part).value();
                // py4j: Integer.parseInt, else Long.parseLong (an if, not ?:, which would box both as Long)
                if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                    return Integer.valueOf((int) v);
                }
                return Long.valueOf(v);
            }
            case 'L':
                return ((LongValue) part).value();
            case 'd':
                return ((DoubleValue) part).value();
            case 'b':
                return ((BooleanValue) part).value();
            case 'D':
                return ((DecimalValue) part).value();
            case 's':
                return ((StringValue) part).value();
            case 'j':
                return ((BytesValue) part).value();
            case 'n':
            case 'v':
                return null;
            case 'r':
                return gateway.getObject(((ReferenceValue) part).id());
            case 'f':
                return proxy((PythonProxyValue) part);
            default:
                throw new Py4JException("Command Part is unknown: " + part.prefix() + " (" + part + ")");
        }
    }

    /** Converts every argument. */
    List<Object> toJava(List<Value> parts) {
        Object[] out = new Object[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toJava(parts.get(i));
        }
        return java.util.Arrays.asList(out);
    }

    private Object proxy(PythonProxyValue p) {
        List<String> names = p.interfaces();
        if (names.isEmpty()) {
            throw new Py4JException("Invalid Python Proxy.");
        }
        Class<?>[] interfaces = new Class<?>[names.size()];
        for (int i = 0; i < interfaces.length; i++) {
            try {
                interfaces[i] = ReflectionUtil.classForName(names.get(i));
            } catch (ClassNotFoundException e) {
                throw new Py4JException("Invalid interface name: " + names.get(i));
            }
            if (!interfaces[i].isInterface()) {
                throw new Py4JException("This class " + names.get(i) + " is not an interface and cannot be used as a Python Proxy.");
            }
        }
        return gateway.createProxy(ReflectionUtil.getClassLoader(), interfaces, p.id());
    }

    /** The answer to a call that returned {@code result} (registered under a new id unless it is a primitive). */
    ReturnMessage answer(Object result) {
        return answer(gateway.getReturnObject(result));
    }

    /** The answer line py4j writes for {@code r}, as a model message. */
    static ReturnMessage answer(ReturnObject r) {
        if (r.isError()) {
            String part = r.getCommandPart();
            if (r.getName() != null) {
                return ReturnMessage.error(Value.ofReference(r.getName()));
            }
            return part.length() > 2 ? ReturnMessage.error(StringUtil.unescape(part.substring(2))) : ReturnMessage.bareError();
        }
        return ReturnMessage.success(value(r));
    }

    private static Value value(ReturnObject r) {
        if (r.isNull()) {
            return NullValue.INSTANCE;
        } else if (r.isVoid()) {
            return VoidValue.INSTANCE;
        } else if (r.isList()) {
            return new ListReference(r.getName());
        } else if (r.isMap()) {
            return new MapReference(r.getName());
        } else if (r.isArray()) {
            return new ArrayReference(r.getName());
        } else if (r.isSet()) {
            return new SetReference(r.getName());
        } else if (r.isIterator()) {
            return new IteratorReference(r.getName());
        } else if (r.isReference()) {
            return new ReferenceValue(r.getName());
        } else if (r.isDecimal()) {
            // py4j keeps only the text: "D" + toPlainString()
            return DecimalValue.of(new BigDecimal(r.getCommandPart().substring(1)));
        }
        return primitive(r.getPrimitiveObject());
    }

    /** py4j's order: String/Character, Long, Double/Float, Boolean, byte[], then any other Number as {@code i}. */
    private static Value primitive(Object o) {
        if (o instanceof String || o instanceof Character) {
            return new StringValue(o.toString());
        } else if (o instanceof Long l) {
            return new LongValue(l);
        } else if (o instanceof Double d) {
            return new DoubleValue(d);
        } else if (o instanceof Float f) {
            return DoubleValue.ofFloat(f);
        } else if (o instanceof Boolean b) {
            return Value.ofBoolean(b);
        } else if (o instanceof byte[] b) {
            // the answer is encoded at once on this connection: no need for a defensive copy
            return new BytesValue(b);
        }
        String text = o.toString();
        try {
            return new IntValue(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // py4j would write "i" + toString() and the Python client would fail to read it
            throw new Py4JException("Cannot send a " + o.getClass().getName() + " whose text is not an integer: " + text);
        }
    }
}
