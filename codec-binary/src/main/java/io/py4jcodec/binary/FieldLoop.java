package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import java.io.IOException;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * The field loop every message reader of {@link DirectReader} shares: enter a length-delimited
 * message, read its fields one tag at a time, leave it at its end. Each typed read checks the wire
 * type the field's number must have (else the field is unknown), that a singular field or oneof
 * occurs once (its {@code once} bit; 0 for a repeated field). What protobuf could not read is
 * classified by {@link #unreadable} from the field being read (its tag, where it and its value
 * start), which the loop keeps as it goes; the reader catches protobuf's exception once, around
 * the whole body, so that the typed reads have no exception handler: with one each, C2 refused to
 * inline them ("callee uses too much stack") and pb-direct decoded 15-20% slower.
 *
 * <pre>{@code
 * f.enter("ClassName");
 * String name = "";
 * while (f.next()) {
 *     switch (f.number()) {
 *         case ClassName.CLASS_NAME_FIELD_NUMBER -> name = f.utf8(1);
 *         default -> throw f.unknown();
 *     }
 * }
 * }</pre>
 *
 * One instance reads one body at a time; the state of the messages a field is nested in lives in
 * arrays indexed by nesting depth, so that entering a message allocates nothing. The hot methods
 * (next, enter, the typed reads, once) stay small, their error paths out of line, so that C2
 * inlines them into each message reader.
 */
final class FieldLoop {
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    /** Frame, a command, Value, Proxy or Decimal: four levels below the body; deeper means a bug. */
    private static final int MAX_DEPTH = 8;

    private final Limits limits;
    private CodedInputStream in;
    private DirectBuffer body;
    private int start;
    private long base;
    /** Where the field being read starts (its tag), where its value starts, and its tag (0 while the tag is read). */
    private int tagOffset;
    private int valueOffset;
    private int tag;
    private int depth;
    private final int[] oldLimit = new int[MAX_DEPTH];
    /** The once bits of the message being read, and of each message it is nested in (saved on entering). */
    private long seen;
    private final long[] seenOutside = new long[MAX_DEPTH];
    private final String[] name = new String[MAX_DEPTH];

    FieldLoop(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** Starts on a body: {@code input} is bounded to it, and the body is the message at depth 0. */
    void open(CodedInputStream input, DirectBuffer body, int start, int length, long base, String message)
            throws IOException {
        this.in = input;
        this.body = body;
        this.start = start;
        this.base = base;
        this.depth = 0;
        this.seen = 0;
        named(0, message);
        oldLimit[0] = input.pushLimit(length);   // so that the body's end is the outermost limit unreadable() finds
    }

    void close() {
        this.in = null;
        this.body = null;
    }

    /** Enters the length-delimited message that is the value of the current field (its wire type checked by the caller). */
    void enter(String message) throws IOException {
        if (depth + 1 == MAX_DEPTH) {
            throw tooDeep();
        }
        int old = in.pushLimit(in.readRawVarint32());   // protobuf checks the length against what is left
        seenOutside[depth] = seen;
        depth++;
        oldLimit[depth] = old;
        seen = 0;
        named(depth, message);
    }

    private static IllegalStateException tooDeep() {
        return new IllegalStateException("py4j.proto nests " + MAX_DEPTH + " messages deep at most");
    }

    /**
     * Notes the name of the message at {@code level} for error messages, storing it only when it
     * changes: a reference stored into this long-lived object costs a GC write barrier, which
     * was 7% of pb-direct's decode when made on every message entered, and the same few
     * messages sit at the same levels frame after frame.
     */
    private void named(int level, String message) {
        if (name[level] != message) {
            name[level] = message;
        }
    }

    /**
     * Reads the next tag of the current message; at its end leaves the message (the body itself is
     * left by {@link #close}) and answers false.
     */
    boolean next() throws IOException {
        tagOffset = in.getTotalBytesRead();
        tag = 0;
        tag = in.readTag();
        valueOffset = in.getTotalBytesRead();
        return tag != 0 || leave();
    }

    /** The current message has ended: back to the one it is nested in (the body itself is left by {@link #close}). */
    private boolean leave() {
        if (depth > 0) {
            in.popLimit(oldLimit[depth]);
            depth--;
            seen = seenOutside[depth];
        }
        return false;
    }

    /** The current field's number. */
    int number() {
        return tag >>> 3;
    }

    /** The current field's wire type. */
    int wireType() {
        return tag & 7;
    }

    /** The current field is unknown to the message being read (its number, or its wire type). */
    ProtocolException unknown() {
        String message = name[depth];
        return bad(depth == 0 ? Reason.UNKNOWN_COMMAND : Reason.UNKNOWN_TYPE,
                "unknown field " + (tag >>> 3) + " (wire type " + (tag & 7) + ") in " + message);
    }

    /** Marks the singular field (or oneof) {@code bit} of the current message as read; twice is an error. */
    void once(long bit) {
        if ((seen & bit) != 0) {
            throw twice();
        }
        seen |= bit;
    }

    private ProtocolException twice() {
        return bad(Reason.UNKNOWN_TYPE, "a field of " + name[depth] + " occurs twice");
    }

    private void expect(int wireType, long bit) {
        if ((tag & 7) != wireType) {
            throw unknown();
        }
        if (bit != 0) {
            once(bit);
        }
    }

    // ---------------------------------------------------------------- typed reads

    /** A sub-message field: checks it and enters it as {@code message}. */
    void message(long bit, String message) throws IOException {
        expect(LEN, bit);
        enter(message);
    }

    String utf8(long bit) throws IOException {
        expect(LEN, bit);
        return in.readStringRequireUtf8();
    }

    String wtf8(long bit) throws IOException {
        byte[] b = bytes(bit);
        String s = Wtf8.decode(b, 0, b.length);
        if (s == null) {
            throw bad(Reason.BAD_UTF8, "not WTF-8");
        }
        return s;
    }

    byte[] bytes(long bit) throws IOException {
        expect(LEN, bit);
        return in.readByteArray();
    }

    /** A {@code uint64}, {@code int32}, {@code bool} or enum: the raw varint, as protobuf reads it. */
    long varint(long bit) throws IOException {
        expect(VARINT, bit);
        return in.readRawVarint64();
    }

    long sint64(long bit) throws IOException {
        return CodedInputStream.decodeZigZag64(varint(bit));
    }

    int sint32(long bit) throws IOException {
        return CodedInputStream.decodeZigZag32((int) varint(bit));
    }

    double fixed64(long bit) throws IOException {
        expect(FIXED64, bit);
        return in.readDouble();
    }

    // ---------------------------------------------------------------- rules and errors

    /** Checks there is room for one more element in {@code list} before the caller reads it (the error names this field). */
    <T> List<T> room(List<T> list, int max, Reason reason, String what, String limitName) {
        if (list.size() == max) {
            throw ProtocolException.limit(reason, base + tagOffset, -1, what, list.size() + 1L, max, limitName);
        }
        return list;
    }

    <T> T required(T v, String field) {
        if (v == null) {
            throw bad(Reason.EMPTY_PART, "required value " + field + " is missing");
        }
        return v;
    }

    String requiredId(String id, String message) {
        if (id == null) {
            throw bad(Reason.EMPTY_REFERENCE, message + " has no id set");
        }
        return id;
    }

    /** Stream offset of the current field's tag (after a message's end: of that end). */
    long offset() {
        return base + tagOffset;
    }

    ProtocolException bad(Reason reason, String detail) {
        return ProtocolException.of(reason, base + tagOffset, -1, detail);
    }

    private ProtocolException bad(Reason reason, String detail, Throwable cause) {
        return ProtocolException.wrap(reason, base + tagOffset, -1, detail, cause);
    }

    /**
     * Protobuf could not read the current field: its tag, or its value of the wire type the tag
     * gave. The field's bytes say why (protobuf's exception does not, except in its message text).
     * Called by the reader with what any read of this body threw.
     */
    ProtocolException unreadable(InvalidProtocolBufferException e) {
        // the end of the message the field is in: the innermost limit (the body's own at the top)
        long end = (long) in.getTotalBytesRead() + in.getBytesUntilLimit();
        int field = tag >>> 3;
        if (tag == 0) {
            long t = varintAt(tagOffset, end, "a field tag", e);
            return bad(Reason.UNKNOWN_TYPE, "field number " + (t >>> 3) + " (tag " + t + ") is no field: " + e.getMessage(), e);
        }
        switch (tag & 7) {
            case VARINT -> {
                varintAt(valueOffset, end, "field " + field, e);
                // a varint protobuf could not read is cut off or malformed, which varintAt reports
                return bad(Reason.BAD_NUMBER, "field " + field + ": " + e.getMessage(), e);
            }
            case LEN -> {
                long n = varintAt(valueOffset, end, "the length of field " + field, e);
                long content = valueOffset + varintLength(n);
                if ((int) n < 0) {
                    return bad(Reason.BAD_NUMBER, "field " + field + " has a negative length " + (int) n, e);
                }
                if (content + n > end) {
                    return bad(Reason.TRUNCATED, "field " + field + " claims " + n + " bytes, " + (end - content) + " are left", e);
                }
                // the bytes are there: protobuf rejected their content, and strings are the only content it checks
                return bad(Reason.BAD_UTF8, "field " + field + " is not valid UTF-8", e);
            }
            default -> {
                return bad(Reason.TRUNCATED, "field " + field + " needs 8 bytes, " + (end - valueOffset) + " are left", e);
            }
        }
    }

    /** The varint at body position {@code at}; throws TRUNCATED or BAD_NUMBER at the field if there is none. */
    private long varintAt(int at, long end, String what, InvalidProtocolBufferException e) {
        long v = 0;
        for (int i = 0; i < 10; i++) {
            if (at + i >= end) {
                throw bad(Reason.TRUNCATED, "input ends inside " + what, e);
            }
            int b = body.getByte(start + at + i);
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw bad(Reason.BAD_NUMBER, what + " is a varint longer than 10 bytes", e);
    }

    private static int varintLength(long v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
