package io.py4jcodec.text.part;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.BooleanValue;
import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.ClassMember;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
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
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.format.Base64Text;
import io.py4jcodec.text.format.DecimalText;
import io.py4jcodec.text.format.Escaping;
import io.py4jcodec.text.format.IntegerText;
import io.py4jcodec.text.format.JavaDoubleText;
import io.py4jcodec.text.format.PythonFloatFormat;
import io.py4jcodec.text.format.PythonNumberSyntax;
import io.py4jcodec.text.format.Utf8;
import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Reads one typed part (the bytes of a line, terminator excluded) as one peer reads it.
 *
 * <p><b>Java</b> ({@code Protocol.getObject}) accepts {@code b d L i j n v r s D f}; a blank line
 * or {@code e} is an error; {@code i} beyond the int range is still read (as a {@code Long});
 * {@code b} is true only for {@code true} in any case; {@code n}/{@code v} ignore what follows;
 * {@code d} takes whatever {@code Double.parseDouble} takes plus {@code inf}, {@code -inf},
 * {@code nan}; malformed escapes lose their backslash; malformed UTF-8 becomes U+FFFD.
 *
 * <p><b>Python</b> ({@code get_return_value}) accepts {@code n r l a h t g i L d D b s j v}, and in
 * answers the member codes {@code p c m o}; numbers go through {@code int()} / {@code float()} /
 * {@code Decimal()}; malformed escapes keep their backslash; malformed UTF-8 is an error.
 *
 * <p>In <b>strict</b> mode the decoder also rejects what the peer would silently mis-read: a
 * boolean other than true/false, trailing text after {@code n}/{@code v}, number spellings neither
 * peer writes ({@code +5}, {@code 007}, {@code 1.5d}, hex floats, {@code inf}), escapes the two
 * peers read differently, Base64 with skipped characters, and malformed UTF-8.
 */
public final class PartDecoder {
    private final Side side;
    private final boolean strict;
    private final Limits limits;
    private final IntegerText.Result num = new IntegerText.Result();

    public PartDecoder(Side side, boolean strict, Limits limits) {
        this.side = side;
        this.strict = strict;
        this.limits = limits;
    }

    /**
     * Decodes the part in {@code buf[start, end)}.
     *
     * @param base the stream offset of {@code buf[0]}, for error offsets
     * @param part the line index within the frame, for errors
     */
    public Value decode(DirectBuffer buf, int start, int end, PartContext ctx, long base, int part) {
        if (start >= end) {
            throw ProtocolException.of(Reason.EMPTY_PART, base + start, part, "empty typed part");
        }
        if (side == Side.JAVA && isJavaBlankOrEnd(buf, start, end)) {
            throw ProtocolException.of(Reason.EMPTY_PART, base + start, part,
                    "blank part or 'e' where a value is required");
        }
        byte prefix = buf.getByte(start);
        int from = start + 1;
        switch (prefix) {
            case 'i':
                return new IntValue(readInteger(buf, from, end, base, part, true));
            case 'L':
                return new LongValue(readInteger(buf, from, end, base, part, false));
            case 'b':
                return readBoolean(buf, from, end, base, part);
            case 'd':
                return readDouble(buf, from, end, base, part);
            case 'D':
                return readDecimal(buf, from, end, base, part);
            case 's':
                return readString(buf, from, end, base, part);
            case 'j':
                return readBytes(buf, from, end, base, part);
            case 'n':
                checkNoPayload(buf, from, end, base, part, "null");
                return NullValue.INSTANCE;
            case 'v':
                checkNoPayload(buf, from, end, base, part, "void");
                return VoidValue.INSTANCE;
            case 'r':
                return new ReferenceValue(readId(buf, from, end, base, part));
            case 'f':
                if (side == Side.PYTHON) {
                    throw unknownType(buf, start, end, base, part, "Python does not read proxies (f)");
                }
                return readProxy(buf, from, end, base, part);
            case 'l':
            case 'a':
            case 'h':
            case 't':
            case 'g':
                if (side == Side.JAVA) {
                    throw unknownType(buf, start, end, base, part, "Java reads no container references");
                }
                String id = text(buf, from, end, base, part);
                return switch (prefix) {
                    case 'l' -> new ListReference(id);
                    case 'a' -> new MapReference(id);
                    case 'h' -> new SetReference(id);
                    case 't' -> new ArrayReference(id);
                    default -> new IteratorReference(id);
                };
            case 'p':
            case 'c':
            case 'm':
            case 'o':
                if (side == Side.JAVA || ctx != PartContext.ANSWER) {
                    throw unknownType(buf, start, end, base, part, "member answers appear only after !y");
                }
                if (prefix == 'c') {
                    return new ClassMember(text(buf, from, end, base, part));
                }
                checkNoPayload(buf, from, end, base, part, "member answer");
                return prefix == 'p' ? PackageMember.INSTANCE : prefix == 'm' ? MethodMember.INSTANCE : NoMember.INSTANCE;
            default:
                throw unknownType(buf, start, end, base, part, "unknown type prefix");
        }
    }

    /** Java's {@code Protocol.isEmpty || isEnd}: every char {@code <=} U+0020, or exactly {@code e}. */
    public static boolean isJavaBlankOrEnd(DirectBuffer buf, int start, int end) {
        return isJavaBlank(buf, start, end) || (end - start == 1 && buf.getByte(start) == 'e');
    }

    /** Java's {@code String.trim().isEmpty()} on the bytes of a line (ASCII controls and space). */
    public static boolean isJavaBlank(DirectBuffer buf, int start, int end) {
        for (int i = start; i < end; i++) {
            int c = buf.getByte(i) & 0xff;
            if (c > 0x20) {
                return false;
            }
        }
        return true;
    }

    private ProtocolException unknownType(DirectBuffer buf, int start, int end, long base, int part, String why) {
        String line = Utf8.decodeReplacing(buf, start, Math.min(end, start + 80));
        return ProtocolException.of(Reason.UNKNOWN_TYPE, base + start, part,
                why + ": " + ProtocolException.snippet(line));
    }

    private long readInteger(DirectBuffer buf, int from, int end, long base, int part, boolean intPrefix) {
        if (side == Side.JAVA) {
            IntegerText.parseJavaLong(buf, from, end, num);
        } else if (!PythonNumberSyntax.parsePlainInt(buf, from, end, num)) {
            PythonNumberSyntax.parseInt(text(buf, from, end, base, part), num);
        }
        if (!num.ok) {
            String t = Utf8.decodeReplacing(buf, from, end);
            if (num.overflow && side == Side.PYTHON) {
                // int() takes any size: Python reads it, the model cannot hold it
                throw ProtocolException.of(Reason.UNREPRESENTABLE, base + from, part,
                        "Python reads this integer but it does not fit the model's 64 bits: " + ProtocolException.snippet(t));
            }
            if (num.overflow) {
                throw ProtocolException.of(Reason.NUMBER_OUT_OF_RANGE, base + from, part,
                        "integer does not fit in 64 bits: " + ProtocolException.snippet(t));
            }
            throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part, "not an integer: " + ProtocolException.snippet(t));
        }
        if (strict) {
            if (!isCanonicalInteger(buf, from, end)) {
                throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part,
                        "non-canonical integer (strict): " + ProtocolException.snippet(Utf8.decodeReplacing(buf, from, end)));
            }
            if (intPrefix && side == Side.JAVA && (num.value < Integer.MIN_VALUE || num.value > Integer.MAX_VALUE)) {
                // Java reads it as a Long, silently changing the argument's type
                throw ProtocolException.of(Reason.NUMBER_OUT_OF_RANGE, base + from, part,
                        "i part outside the int range (strict): " + num.value);
            }
        }
        return num.value;
    }

    private static boolean isCanonicalInteger(DirectBuffer buf, int from, int end) {
        int i = from;
        if (i < end && buf.getByte(i) == '-') {
            i++;
        }
        if (i >= end) {
            return false;
        }
        if (buf.getByte(i) == '0' && end - i > 1) {
            return false;
        }
        for (; i < end; i++) {
            byte c = buf.getByte(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !(end - from == 2 && buf.getByte(from) == '-' && buf.getByte(from + 1) == '0');
    }

    private BooleanValue readBoolean(DirectBuffer buf, int from, int end, long base, int part) {
        int n = end - from;
        if (n == 4 && asciiLower(buf, from) == 't' && asciiLower(buf, from + 1) == 'r' && asciiLower(buf, from + 2) == 'u'
                && asciiLower(buf, from + 3) == 'e') {
            return BooleanValue.TRUE;
        }
        if (n == 5 && asciiLower(buf, from) == 'f' && asciiLower(buf, from + 1) == 'a' && asciiLower(buf, from + 2) == 'l'
                && asciiLower(buf, from + 3) == 's' && asciiLower(buf, from + 4) == 'e') {
            return BooleanValue.FALSE;
        }
        String t = text(buf, from, end, base, part);
        boolean v = t.equalsIgnoreCase("true");
        if (strict && !v && !t.equalsIgnoreCase("false")) {
            throw ProtocolException.of(Reason.BAD_BOOLEAN, base + from, part,
                    "boolean neither true nor false (strict; the peer reads it as false): " + ProtocolException.snippet(t));
        }
        return v ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    private static int asciiLower(DirectBuffer buf, int i) {
        int c = buf.getByte(i);
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private DoubleValue readDouble(DirectBuffer buf, int from, int end, long base, int part) {
        byte[] array = buf.byteArray();
        if (array != null && !strict && (side == Side.JAVA || PythonNumberSyntax.isPlainFloat(buf, from, end))) {
            // Double.parseDouble's grammar and rounding, read from the bytes (on the Python side only
            // for the plain spellings float() reads alike); anything it rejects (py4j's inf/nan
            // spellings, errors) takes the general path below
            try {
                return new DoubleValue(JavaDoubleParser.parseDouble(array, buf.wrapAdjustment() + from, end - from));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        String t = text(buf, from, end, base, part);
        double d;
        try {
            d = side == Side.JAVA ? JavaDoubleText.parse(t) : PythonNumberSyntax.parseFloat(t);
        } catch (NumberFormatException e) {
            throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part, "not a double: " + ProtocolException.snippet(t));
        }
        if (strict && !writtenByPeer(t, d)) {
            throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part,
                    "double spelling neither peer writes (strict): " + ProtocolException.snippet(t));
        }
        return new DoubleValue(d);
    }

    /**
     * Strict reads take the spellings a real peer writes: Python's {@code repr}, or the form of
     * Java's {@code Double.toString} (its digits depend on the JDK, so the form is checked: one
     * digit, a fraction and an {@code E} exponent without {@code +}, or a plain fraction).
     */
    private static boolean writtenByPeer(String t, double d) {
        return t.equals(PythonFloatFormat.format(d)) || JavaDoubleText.isJavaForm(t);
    }

    private DecimalValue readDecimal(DirectBuffer buf, int from, int end, long base, int part) {
        String t = text(buf, from, end, base, part);
        DecimalValue v;
        try {
            v = DecimalText.parse(side, t);
        } catch (PythonNumberSyntax.NotInModelException e) {
            throw ProtocolException.of(Reason.UNREPRESENTABLE, base + from, part,
                    "Python reads this Decimal but the model has no place for it (a special value or a scale"
                            + " beyond 32 bits): " + ProtocolException.snippet(t));
        } catch (NumberFormatException e) {
            throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part, "not a decimal: " + ProtocolException.snippet(t));
        }
        if (strict && !DecimalText.isWrittenBy(Side.PYTHON, t, v) && !DecimalText.isWrittenBy(Side.JAVA, t, v)) {
            throw ProtocolException.of(Reason.BAD_NUMBER, base + from, part,
                    "decimal spelling neither peer writes (strict): " + ProtocolException.snippet(t));
        }
        return v;
    }

    private StringValue readString(DirectBuffer buf, int from, int end, long base, int part) {
        return from == end ? StringValue.EMPTY : new StringValue(Escaping.unescape(side, strict, buf, from, end, base, part));
    }

    private BytesValue readBytes(DirectBuffer buf, int from, int end, long base, int part) {
        if (from == end) {
            return BytesValue.EMPTY;
        }
        byte[] b = Base64Text.decode(side, buf, from, end, strict);
        if (b == null) {
            throw ProtocolException.of(Reason.BAD_BASE64, base + from, part,
                    "not padded Base64: " + ProtocolException.snippet(Utf8.decodeReplacing(buf, from, Math.min(end, from + 80))));
        }
        return new BytesValue(b);
    }

    private void checkNoPayload(DirectBuffer buf, int from, int end, long base, int part, String what) {
        if (strict && from < end) {
            throw ProtocolException.of(Reason.UNKNOWN_TYPE, base + from, part,
                    "text after a " + what + " part (strict; the peer ignores it): "
                            + ProtocolException.snippet(Utf8.decodeReplacing(buf, from, Math.min(end, from + 80))));
        }
    }

    private String readId(DirectBuffer buf, int from, int end, long base, int part) {
        String id = text(buf, from, end, base, part);
        if (side == Side.JAVA && id.trim().isEmpty()) {
            throw ProtocolException.of(Reason.EMPTY_REFERENCE, base + from, part, "reference is empty");
        }
        return id;
    }

    private PythonProxyValue readProxy(DirectBuffer buf, int from, int end, long base, int part) {
        String t = text(buf, from, end, base, part);
        // String.split(";") semantics: trailing empty elements are dropped
        List<String> elements = new ArrayList<>();
        int s = 0;
        while (true) {
            int semi = t.indexOf(';', s);
            if (semi < 0) {
                elements.add(t.substring(s));
                break;
            }
            elements.add(t.substring(s, semi));
            s = semi + 1;
            if (elements.size() > limits.maxInterfaces() + 1) {
                throw ProtocolException.limit(Reason.TOO_MANY_INTERFACES, base + from, part,
                        "proxy interfaces", elements.size() - 1, limits.maxInterfaces(), "maxInterfaces");
            }
        }
        while (!elements.isEmpty() && elements.get(elements.size() - 1).isEmpty()) {
            elements.remove(elements.size() - 1);
        }
        if (elements.size() < 2) {
            throw ProtocolException.of(Reason.BAD_PROXY, base + from, part,
                    "a proxy needs an id and at least one interface: " + ProtocolException.snippet(t));
        }
        if (elements.size() - 1 > limits.maxInterfaces()) {
            throw ProtocolException.limit(Reason.TOO_MANY_INTERFACES, base + from, part,
                    "proxy interfaces", elements.size() - 1, limits.maxInterfaces(), "maxInterfaces");
        }
        for (int i = 1; i < elements.size(); i++) {
            if (elements.get(i).isEmpty()) {
                throw ProtocolException.of(Reason.BAD_PROXY, base + from, part,
                        "empty interface name in proxy: " + ProtocolException.snippet(t));
            }
        }
        return new PythonProxyValue(elements.get(0), elements.subList(1, elements.size()));
    }

    /** The bytes as text: replacing bad UTF-8 on the lenient Java side, rejecting it otherwise. */
    private String text(DirectBuffer buf, int from, int end, long base, int part) {
        return Utf8.decode(side, strict, buf, from, end, base, part);
    }
}
