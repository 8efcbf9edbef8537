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
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.SetReference;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.format.Base64Text;
import io.py4jcodec.text.format.DecimalText;
import io.py4jcodec.text.format.Escaping;
import io.py4jcodec.text.format.JavaDoubleText;
import io.py4jcodec.text.format.PythonFloatFormat;
import io.py4jcodec.text.format.Utf8;
import org.agrona.MutableDirectBuffer;

/**
 * Writes one typed part (no line terminator) exactly as one peer writes it.
 *
 * <pre>
 *                 Python writes        Java writes
 *  true           bTrue                btrue
 *  1e16           d1e+16               d1.0E16  (Double.toString of the running JDK)
 *  Decimal 100    D1E+2 (if so held)   D100     (toPlainString)
 *  "\ud800"       error (UnicodeEncodeError)    s?  (OutputStreamWriter)
 * </pre>
 *
 * Strings are escaped; ids and interface names are written raw and may not hold a line break (nor,
 * in a proxy, a {@code ;}), since no peer could read them back.
 *
 * <p>One part can be far longer than the value it writes: Java writes a decimal plain, so
 * {@code 1E+100000000}, 12 characters as Python sends it, is 100,000,001 characters as Java writes
 * it back (py4j's GatewayServer builds all of it, or dies of {@code OutOfMemoryError}). Such a part is
 * refused, before anything is built, when its line would pass {@link Limits#maxLineBytes()}.
 */
public final class PartEncoder {
    private final Side side;
    private final long maxDecimalLength;

    /** An encoder for {@code side} with {@link Limits#DEFAULT}. */
    public PartEncoder(Side side) {
        this(side, Limits.DEFAULT);
    }

    /** An encoder for {@code side} that refuses a decimal whose line would be longer than {@code limits.maxLineBytes()}. */
    public PartEncoder(Side side, Limits limits) {
        this.side = side;
        this.maxDecimalLength = DecimalText.maxJavaLength(limits.maxLineBytes());
    }

    /** The side whose formatting this encoder uses. */
    public Side side() {
        return side;
    }

    /** Writes {@code v} at {@code index} and returns the number of bytes written. */
    public int encode(Value v, MutableDirectBuffer dst, int index) {
        dst.putByte(index, (byte) v.prefix());
        int p = index + 1;
        // a switch on the wire letter: pattern switches need Java 21, and this is a table jump
        switch (v.prefix()) {
            case 'i' -> p += dst.putLongAscii(p, ((IntValue) v).value());
            case 'L' -> p += dst.putLongAscii(p, ((LongValue) v).value());
            case 'd' -> {
                double d = ((DoubleValue) v).value();
                p += writeAscii(side == Side.PYTHON ? PythonFloatFormat.format(d) : JavaDoubleText.format(d), dst, p);
            }
            case 'b' -> {
                boolean b = ((BooleanValue) v).value();
                p += writeAscii(side == Side.PYTHON ? (b ? "True" : "False") : (b ? "true" : "false"), dst, p);
            }
            case 'D' -> {
                DecimalValue d = (DecimalValue) v;
                if (side == Side.JAVA) {
                    checkPlainLength(d);
                }
                p += writeAscii(DecimalText.format(side, d), dst, p);
            }
            case 's' -> p += writeEscaped(((StringValue) v).value(), dst, p);
            case 'j' -> {
                byte[] enc = Base64Text.encode(((BytesValue) v).value());
                dst.putBytes(p, enc);
                p += enc.length;
            }
            case 'r' -> p += writeRaw(((ReferenceValue) v).id(), dst, p, "reference id");
            case 'l' -> p += writeRaw(((ListReference) v).id(), dst, p, "list id");
            case 'a' -> p += writeRaw(((MapReference) v).id(), dst, p, "map id");
            case 'h' -> p += writeRaw(((SetReference) v).id(), dst, p, "set id");
            case 't' -> p += writeRaw(((ArrayReference) v).id(), dst, p, "array id");
            case 'g' -> p += writeRaw(((IteratorReference) v).id(), dst, p, "iterator id");
            case 'f' -> {
                PythonProxyValue f = (PythonProxyValue) v;
                checkNoSemicolon(f.id(), "proxy id");
                p += writeRaw(f.id(), dst, p, "proxy id");
                for (String iface : f.interfaces()) {
                    checkNoSemicolon(iface, "proxy interface");
                    dst.putByte(p++, (byte) ';');
                    p += writeRaw(iface, dst, p, "proxy interface");
                }
            }
            case 'c' -> p += writeRaw(((ClassMember) v).name(), dst, p, "class name");
            default -> {
                // n, v, p, m, o: the letter is the whole part
            }
        }
        return p - index;
    }

    /**
     * Writes a raw line's text (an id, a name): UTF-8, no escaping. A line break in it is
     * {@link io.py4jcodec.api.Reason#UNENCODABLE}.
     */
    public int writeRaw(String s, MutableDirectBuffer dst, int index, String what) {
        int len = s.length();
        if (dst.isExpandable() || dst.capacity() - index >= len) {
            dst.checkLimit(index + len);
            byte[] a = dst.byteArray();
            if (a != null) {
                // ids and names are ASCII: one pass, straight into the array; anything else is
                // written again from the start by the general path
                int base = dst.wrapAdjustment() + index;
                int i = 0;
                for (; i < len; i++) {
                    char c = s.charAt(i);
                    if (c >= 0x80 || c == '\n' || c == '\r') {
                        break;
                    }
                    a[base + i] = (byte) c;
                }
                if (i == len) {
                    return len;
                }
            }
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                throw ProtocolException.unencodable(what + " holds a line break: " + ProtocolException.snippet(s));
            }
        }
        return Utf8.write(side, s, dst, index);
    }

    /** Writes {@code s} escaped (backslash, CR, LF), in this side's UTF-8. */
    public int writeEscaped(String s, MutableDirectBuffer dst, int index) {
        return Escaping.writeEscaped(side, s, dst, index);
    }

    private static int writeAscii(String s, MutableDirectBuffer dst, int index) {
        return dst.putStringWithoutLengthAscii(index, s);
    }

    /** Python writes an exponent, so its text is as long as the digits the value holds; Java's plain text is not. */
    private void checkPlainLength(DecimalValue d) {
        long length = DecimalText.javaLength(d.value());
        if (length > maxDecimalLength) {
            throw ProtocolException.limit(Reason.UNENCODABLE, -1, -1, "decimal written plain, characters", length,
                    maxDecimalLength, "maxLineBytes");
        }
    }

    private static void checkNoSemicolon(String s, String what) {
        if (s.indexOf(';') >= 0) {
            throw ProtocolException.unencodable(what + " holds ';', which splits a proxy part: " + ProtocolException.snippet(s));
        }
        if (s.isEmpty()) {
            throw ProtocolException.unencodable(what + " is empty, which Java cannot read back");
        }
    }
}
