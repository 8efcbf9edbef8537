package io.py4jcodec.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One typed part of the Py4J protocol: a type prefix character followed by the value text, on one
 * line. Each wire type is one record; the record's {@link #prefix()} is the wire letter.
 *
 * <pre>
 *  prefix  record             wire examples (Python writes / Java writes)
 *  i       {@link IntValue}          i5
 *  L       {@link LongValue}         L2147483648
 *  d       {@link DoubleValue}       d1e+16 / d1.0E16
 *  b       {@link BooleanValue}      bTrue / btrue
 *  D       {@link DecimalValue}      D1E+2 / D100
 *  s       {@link StringValue}       sa\nb   (backslash, CR and LF escaped)
 *  j       {@link BytesValue}        jAAEC   (padded Base64, no line breaks)
 *  n       {@link NullValue}         n
 *  v       {@link VoidValue}         v       (Java only: a void result)
 *  r       {@link ReferenceValue}    ro12, rj, rt
 *  l a h t g  {@link ListReference} {@link MapReference} {@link SetReference} {@link ArrayReference} {@link IteratorReference}
 *  f       {@link PythonProxyValue}  fp0;java.lang.Runnable   (Python only)
 *  p c m o {@link PackageMember} {@link ClassMember} {@link MethodMember} {@link NoMember} (answers only)
 * </pre>
 *
 * <p>Values are immutable. Which values a position accepts depends on the side that reads it: Java
 * accepts {@code l a h t g} only in answers it receives, Python never accepts {@code f}, and the
 * member answers {@code p c m o} appear only right after {@code !y}.
 */
public sealed interface Value
        permits IntValue, LongValue, DoubleValue, BooleanValue, DecimalValue, StringValue, BytesValue,
        NullValue, VoidValue, ReferenceValue, ListReference, MapReference, SetReference, ArrayReference,
        IteratorReference, PythonProxyValue, PackageMember, ClassMember, MethodMember, NoMember {

    /** The wire letter that starts this part. */
    char prefix();

    /** {@code i<v>}. */
    static IntValue ofInt(int v) {
        return new IntValue(v);
    }

    /** {@code L<v>}. */
    static LongValue ofLong(long v) {
        return new LongValue(v);
    }

    /**
     * The integer the way py4j's Python client types it: {@code i} within the Java int range,
     * {@code L} outside it.
     */
    static Value ofInteger(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? new IntValue(v) : new LongValue(v);
    }

    /** {@code d<v>}. */
    static DoubleValue ofDouble(double v) {
        return new DoubleValue(v);
    }

    /** {@code btrue} / {@code bTrue}. */
    static BooleanValue ofBoolean(boolean v) {
        return v ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    /** {@code D<v>}. */
    static DecimalValue ofDecimal(BigDecimal v) {
        return DecimalValue.of(v);
    }

    /** {@code s<escaped v>}. */
    static StringValue ofString(String v) {
        return new StringValue(v);
    }

    /** {@code j<base64>}; the array is copied. */
    static BytesValue ofBytes(byte[] v) {
        return BytesValue.copyOf(v);
    }

    /** {@code n}. */
    static NullValue ofNull() {
        return NullValue.INSTANCE;
    }

    /** {@code v}. */
    static VoidValue ofVoid() {
        return VoidValue.INSTANCE;
    }

    /** {@code r<id>}. */
    static ReferenceValue ofReference(String id) {
        return new ReferenceValue(id);
    }

    /** {@code f<id>;<iface>;...}. */
    static PythonProxyValue ofProxy(String id, List<String> interfaces) {
        return new PythonProxyValue(id, interfaces);
    }

    /** {@code f<id>;<iface>;...}. */
    static PythonProxyValue ofProxy(String id, String... interfaces) {
        return new PythonProxyValue(id, List.of(interfaces));
    }
}
