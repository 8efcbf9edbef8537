package io.py4jcodec.text.oracle;

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
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Java values as a py4j gateway returns them, and the model value a caller of our codec would pass for each. */
final class JavaObjects {
    private JavaObjects() {
    }

    /** A random value of any kind {@code Gateway.getReturnObject} distinguishes. */
    static Object any(Gen g) {
        return switch (g.r.nextInt(22)) {
            case 0 -> null;
            case 1 -> g.anyInt();
            case 2 -> (short) g.anyInt();
            case 3 -> (byte) g.anyInt();
            case 4 -> g.anyLong();
            case 5, 6 -> g.anyDouble();
            case 7 -> g.anyFloat();
            case 8 -> g.r.nextBoolean();
            case 9, 10 -> g.string(60);
            case 11 -> {
                StringBuilder b = new StringBuilder();
                g.unit(b);
                yield b.charAt(0); // a Character, lone surrogate halves included
            }
            case 12 -> g.bytes();
            case 13, 14 -> g.decimal();
            case 15 -> new AtomicInteger(g.anyInt());
            case 16 -> new AtomicLong(g.anyLong());
            case 17 -> new ArrayList<>(List.of(1, 2));
            case 18 -> new HashMap<>(Map.of("k", 1));
            case 19 -> g.pick(new int[3], new String[0], new Object[1]);
            case 20 -> g.chance(50) ? new HashSet<>(Set.of(1)) : List.of(1).iterator();
            default -> g.pick(new Object(), BigInteger.valueOf(g.anyLong()), new AtomicBoolean(true), new StringBuilder("x"));
        };
    }

    /**
     * The model value for {@code o}, typed the way {@code Gateway.getReturnObject} types it:
     * Integer, Short, Byte and other Numbers that are not Long/Double/Float/BigDecimal/BigInteger
     * (AtomicInteger, AtomicLong) are {@code i}; a Float travels as the digits of
     * {@code Float.toString}; a Character is a one-char string; references carry the id the gateway
     * assigned ({@code id}).
     */
    static Value valueFor(Object o, String id) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof String s) {
            return new StringValue(s);
        }
        if (o instanceof Character c) {
            return new StringValue(c.toString());
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
            return b ? BooleanValue.TRUE : BooleanValue.FALSE;
        }
        if (o instanceof byte[] b) {
            return BytesValue.copyOf(b);
        }
        if (o instanceof BigDecimal d) {
            return DecimalValue.of(d);
        }
        if (o instanceof Number n && !(o instanceof BigInteger)) {
            return new IntValue(n.longValue());
        }
        if (o instanceof List) {
            return new ListReference(id);
        }
        if (o instanceof Map) {
            return new MapReference(id);
        }
        if (o.getClass().isArray()) {
            return new ArrayReference(id);
        }
        if (o instanceof Set) {
            return new SetReference(id);
        }
        if (o instanceof Iterator) {
            return new IteratorReference(id);
        }
        return new ReferenceValue(id);
    }

    /**
     * Known difference FLOAT_DIGITS: py4j writes a Float as {@code Float.toString}, while the model
     * holds the double those digits denote and the Java encoder writes {@code Double.toString} of
     * it. On JDK 18 and older {@code Double.toString} is not always the shortest form, so for some
     * floats (about 0.6% of random bit patterns, mostly between 1e19 and 1e24, e.g. {@code 1.0E23})
     * the digits differ though the value is the same. A {@code DoubleValue} cannot tell a Float from
     * a Double holding the same number (py4j writes {@code 9.999999999999999E22} for the Double),
     * so the model has no way to ask for the float's digits.
     */
    static boolean floatDigitsDiffer(Object o) {
        if (!(o instanceof Float f)) {
            return false;
        }
        return !Float.toString(f).equals(Double.toString(DoubleValue.ofFloat(f).value()));
    }

    static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        String v;
        if (o instanceof byte[] b) {
            v = Seeded.hex(b);
        } else if (o instanceof String || o instanceof Character) {
            v = Seeded.show(o.toString());
        } else if (o instanceof Double d) {
            v = d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        } else if (o instanceof Float f) {
            v = f + " (bits " + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        } else if (o instanceof BigDecimal d) {
            v = d.unscaledValue() + " scale " + d.scale();
        } else {
            v = String.valueOf(o);
        }
        return o.getClass().getSimpleName() + " " + v;
    }
}
