package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.*;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Reads a Frame body with {@link CodedInputStream} straight into the model, without generated
 * message objects. Accepts what {@link MessagesReader} accepts, with one deliberate difference:
 * a singular field or oneof that occurs twice in one message is rejected here (protobuf would
 * keep the last scalar or merge the sub-messages). Our encoders never write that, and rejecting
 * it keeps one model per byte string.
 *
 * <p>Long, and each message's tag loop written out by hand, because this is the decoder of the
 * comparison's protobuf side and must be as fast as protobuf-java allows: one field loop shared by
 * the message readers (tried: docs/results/binary-reader-2026-12-05) made it decode 9-13% slower.
 * Frame's and Value's tags are built from the generated field-number constants; the small
 * messages share the tags T1..T5 (field numbers 1-5 with their wire types).
 */
final class DirectReader implements BodyReader {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LEN = 2;

    // ---- Frame
    private static final int F_SUCCESS = Frame.SUCCESS_FIELD_NUMBER << 3 | LEN;
    private static final int F_CALL = Frame.CALL_FIELD_NUMBER << 3 | LEN;
    private static final int F_ERROR = Frame.ERROR_FIELD_NUMBER << 3 | LEN;
    private static final int F_MEMORY_DELETE = Frame.MEMORY_DELETE_FIELD_NUMBER << 3 | LEN;
    private static final int F_REFLECTION_UNKNOWN = Frame.REFLECTION_UNKNOWN_FIELD_NUMBER << 3 | LEN;
    private static final int F_CONSTRUCTOR = Frame.CONSTRUCTOR_FIELD_NUMBER << 3 | LEN;
    private static final int F_BARE = Frame.BARE_FIELD_NUMBER << 3 | VARINT;
    private static final int F_EXCEPTION = Frame.EXCEPTION_FIELD_NUMBER << 3 | LEN;
    private static final int F_PROXY_CALL = Frame.PROXY_CALL_FIELD_NUMBER << 3 | LEN;
    private static final int F_PROXY_GC = Frame.PROXY_GC_FIELD_NUMBER << 3 | LEN;
    private static final int F_ARRAY_GET = Frame.ARRAY_GET_FIELD_NUMBER << 3 | LEN;
    private static final int F_ARRAY_LENGTH = Frame.ARRAY_LENGTH_FIELD_NUMBER << 3 | LEN;
    private static final int F_REFLECTION_MEMBER = Frame.REFLECTION_MEMBER_FIELD_NUMBER << 3 | LEN;
    private static final int F_FIELD_GET = Frame.FIELD_GET_FIELD_NUMBER << 3 | LEN;
    private static final int F_AUTH = Frame.AUTH_FIELD_NUMBER << 3 | LEN;
    private static final int F_FATAL = Frame.FATAL_FIELD_NUMBER << 3 | LEN;
    private static final int F_FIELD_SET = Frame.FIELD_SET_FIELD_NUMBER << 3 | LEN;
    private static final int F_ARRAY_SET = Frame.ARRAY_SET_FIELD_NUMBER << 3 | LEN;
    private static final int F_ARRAY_SLICE = Frame.ARRAY_SLICE_FIELD_NUMBER << 3 | LEN;
    private static final int F_ARRAY_CREATE = Frame.ARRAY_CREATE_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_SLICE = Frame.LIST_SLICE_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_CONCAT = Frame.LIST_CONCAT_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_MULTIPLY = Frame.LIST_MULTIPLY_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_MULTIPLY_IN_PLACE = Frame.LIST_MULTIPLY_IN_PLACE_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_COUNT = Frame.LIST_COUNT_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_SORT = Frame.LIST_SORT_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_REVERSE = Frame.LIST_REVERSE_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_MAX = Frame.LIST_MAX_FIELD_NUMBER << 3 | LEN;
    private static final int F_LIST_MIN = Frame.LIST_MIN_FIELD_NUMBER << 3 | LEN;
    private static final int F_REFLECTION_CLASS = Frame.REFLECTION_CLASS_FIELD_NUMBER << 3 | LEN;
    private static final int F_MEMORY_ATTACH = Frame.MEMORY_ATTACH_FIELD_NUMBER << 3 | LEN;
    private static final int F_HELP_OBJECT = Frame.HELP_OBJECT_FIELD_NUMBER << 3 | LEN;
    private static final int F_HELP_CLASS = Frame.HELP_CLASS_FIELD_NUMBER << 3 | LEN;
    private static final int F_JVM_VIEW_CREATE = Frame.JVM_VIEW_CREATE_FIELD_NUMBER << 3 | LEN;
    private static final int F_JVM_VIEW_IMPORT = Frame.JVM_VIEW_IMPORT_FIELD_NUMBER << 3 | LEN;
    private static final int F_JVM_VIEW_REMOVE_IMPORT = Frame.JVM_VIEW_REMOVE_IMPORT_FIELD_NUMBER << 3 | LEN;
    private static final int F_JVM_VIEW_SEARCH = Frame.JVM_VIEW_SEARCH_FIELD_NUMBER << 3 | LEN;
    private static final int F_DIR_FIELDS = Frame.DIR_FIELDS_FIELD_NUMBER << 3 | LEN;
    private static final int F_DIR_METHODS = Frame.DIR_METHODS_FIELD_NUMBER << 3 | LEN;
    private static final int F_DIR_STATIC = Frame.DIR_STATIC_FIELD_NUMBER << 3 | LEN;
    private static final int F_DIR_JVM_VIEW = Frame.DIR_JVM_VIEW_FIELD_NUMBER << 3 | LEN;
    private static final int F_STREAM = Frame.STREAM_FIELD_NUMBER << 3 | LEN;
    private static final int F_SHUTDOWN = Frame.SHUTDOWN_FIELD_NUMBER << 3 | LEN;
    private static final int F_CANCEL = Frame.CANCEL_FIELD_NUMBER << 3 | LEN;
    private static final int F_UNKNOWN = Frame.UNKNOWN_FIELD_NUMBER << 3 | LEN;

    // ---- Value
    private static final int V_STRING = io.py4jcodec.proto.Value.STRING_FIELD_NUMBER << 3 | LEN;
    private static final int V_INTEGER = io.py4jcodec.proto.Value.INTEGER_FIELD_NUMBER << 3 | VARINT;
    private static final int V_REFERENCE_OBJECT = io.py4jcodec.proto.Value.REFERENCE_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_BOOLEAN = io.py4jcodec.proto.Value.BOOLEAN_FIELD_NUMBER << 3 | VARINT;
    private static final int V_DOUBLE = io.py4jcodec.proto.Value.DOUBLE_FIELD_NUMBER << 3 | FIXED64;
    private static final int V_UNIT = io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_REFERENCE = io.py4jcodec.proto.Value.REFERENCE_FIELD_NUMBER << 3 | LEN;
    private static final int V_LIST_OBJECT = io.py4jcodec.proto.Value.LIST_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_ARRAY_OBJECT = io.py4jcodec.proto.Value.ARRAY_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_ITERATOR_OBJECT = io.py4jcodec.proto.Value.ITERATOR_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_MAP_OBJECT = io.py4jcodec.proto.Value.MAP_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_SET_OBJECT = io.py4jcodec.proto.Value.SET_OBJECT_FIELD_NUMBER << 3 | VARINT;
    private static final int V_LONG = io.py4jcodec.proto.Value.LONG_FIELD_NUMBER << 3 | VARINT;
    private static final int V_CLASS_MEMBER = io.py4jcodec.proto.Value.CLASS_MEMBER_FIELD_NUMBER << 3 | LEN;
    private static final int V_PROXY = io.py4jcodec.proto.Value.PROXY_FIELD_NUMBER << 3 | LEN;
    private static final int V_DECIMAL = io.py4jcodec.proto.Value.DECIMAL_FIELD_NUMBER << 3 | LEN;
    private static final int V_BYTES = io.py4jcodec.proto.Value.BYTES_FIELD_NUMBER << 3 | LEN;
    private static final int V_LIST = io.py4jcodec.proto.Value.LIST_FIELD_NUMBER << 3 | LEN;
    private static final int V_ARRAY = io.py4jcodec.proto.Value.ARRAY_FIELD_NUMBER << 3 | LEN;
    private static final int V_ITERATOR = io.py4jcodec.proto.Value.ITERATOR_FIELD_NUMBER << 3 | LEN;
    private static final int V_MAP = io.py4jcodec.proto.Value.MAP_FIELD_NUMBER << 3 | LEN;
    private static final int V_SET = io.py4jcodec.proto.Value.SET_FIELD_NUMBER << 3 | LEN;
    private static final int V_STRING_WTF8 = io.py4jcodec.proto.Value.STRING_WTF8_FIELD_NUMBER << 3 | LEN;

    // ---- field tags shared by the small messages: number 1..5 with a wire type
    private static final int T1_VARINT = 1 << 3 | VARINT;
    private static final int T1_LEN = 1 << 3 | LEN;
    private static final int T2_VARINT = 2 << 3 | VARINT;
    private static final int T2_LEN = 2 << 3 | LEN;
    private static final int T3_VARINT = 3 << 3 | VARINT;
    private static final int T3_LEN = 3 << 3 | LEN;
    private static final int T4_LEN = 4 << 3 | LEN;
    private static final int T5_LEN = 5 << 3 | LEN;

    private final Limits limits;
    private CodedInputStream in;
    private DirectBuffer body;
    private int start;
    private long base;
    /** Where the field being read starts (its tag), where its value starts, and its tag (0 while the tag is read). */
    private int tagOffset;
    private int valueOffset;
    private int lastTag;

    DirectReader(Limits limits) {
        this.limits = limits;
    }

    @Override
    public Message read(CodedInputStream input, DirectBuffer body, int start, int length, long base) throws IOException {
        this.in = input;
        this.body = body;
        this.start = start;
        this.base = base;
        try {
            input.pushLimit(length);   // so that the body's end is the outermost limit whyUnreadable finds
            return frame();
        } catch (InvalidProtocolBufferException e) {
            throw whyUnreadable(e);
        } finally {
            this.in = null;
            this.body = null;
        }
    }

    private int tag() throws IOException {
        tagOffset = in.getTotalBytesRead();
        lastTag = 0;
        lastTag = in.readTag();
        valueOffset = in.getTotalBytesRead();
        return lastTag;
    }

    /**
     * Protobuf could not read the field that starts at {@link #tagOffset}: its tag, or its value of
     * the wire type the tag gave. Every read follows its field's tag, so that field is the one that
     * failed, and its bytes say why (protobuf's exception does not, except in its message text).
     */
    private ProtocolException whyUnreadable(InvalidProtocolBufferException e) {
        // the end of the message the field is in: the innermost limit (the body's own at the top)
        long end = (long) in.getTotalBytesRead() + in.getBytesUntilLimit();
        int field = lastTag >>> 3;
        if (lastTag == 0) {
            long t = varintAt(tagOffset, end, "a field tag", e);
            return bad(Reason.UNKNOWN_TYPE, "field number " + (t >>> 3) + " (tag " + t + ") is no field: " + e.getMessage(), e);
        }
        switch (lastTag & 7) {
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

    private ProtocolException bad(Reason reason, String detail, Throwable cause) {
        return ProtocolException.wrap(reason, base + tagOffset, -1, detail, cause);
    }

    private ProtocolException bad(Reason reason, String detail) {
        return ProtocolException.of(reason, base + tagOffset, -1, detail);
    }

    private ProtocolException unknown(int tag, String message) {
        return bad(message.equals("Frame") ? Reason.UNKNOWN_COMMAND : Reason.UNKNOWN_TYPE,
                "unknown field " + (tag >>> 3) + " (wire type " + (tag & 7) + ") in " + message);
    }

    private long once(long seen, long bit, String message) {
        if ((seen & bit) != 0) {
            throw bad(Reason.UNKNOWN_TYPE, "a field of " + message + " occurs twice");
        }
        return seen | bit;
    }

    /** Enters a length-delimited sub-message; protobuf checks the length against what is left. */
    private int enter() throws IOException {
        return in.pushLimit(in.readRawVarint32());
    }

    private void leave(int old) {
        in.popLimit(old);
    }

    private String utf8() throws IOException {
        return in.readStringRequireUtf8();
    }

    private String wtf8() throws IOException {
        byte[] b = in.readByteArray();
        String s = Wtf8.decode(b, 0, b.length);
        if (s == null) {
            throw bad(Reason.BAD_UTF8, "not WTF-8");
        }
        return s;
    }

    /** Reads one more value of a repeated field into {@code list}, after checking there is room (the error names this field). */
    private List<Value> add(List<Value> list) throws IOException {
        if (list.size() == limits.maxParts()) {
            throw ProtocolException.limit(Reason.TOO_MANY_PARTS, base + tagOffset, -1, "values in one field",
                    list.size() + 1L, limits.maxParts(), "maxParts");
        }
        list.add(value());
        return list;
    }

    private ProtocolException missingId(String message) {
        return bad(Reason.EMPTY_REFERENCE, message + " has no id set");
    }

    private Value required(Value v, String field) {
        if (v == null) {
            throw bad(Reason.EMPTY_PART, "required value " + field + " is missing");
        }
        return v;
    }

    // ================================================================ Frame

    private Message frame() throws IOException {
        Message m = null;
        int tag;
        while ((tag = tag()) != 0) {
            if (m != null) {
                if (!isFrameField(tag)) {
                    throw unknown(tag, "Frame");
                }
                throw bad(Reason.UNKNOWN_TYPE, "Frame holds more than one command or answer");
            }
            m = switch (tag) {
                case F_SUCCESS -> new SuccessReturn(value());
                case F_CALL -> call(false);
                case F_ERROR -> new ErrorReturn(value());
                case F_MEMORY_DELETE -> new MemoryDeleteCommand(idOnly('o', "ObjectId"));
                case F_REFLECTION_UNKNOWN -> reflectionUnknown();
                case F_CONSTRUCTOR -> constructor();
                case F_BARE -> bare();
                case F_EXCEPTION -> new ExceptionCommand(singleValue("FetchException", "exception"));
                case F_PROXY_CALL -> proxyCall();
                case F_PROXY_GC -> new ProxyGcCommand(idOnly('p', "ProxyId"));
                case F_ARRAY_GET -> idMessage(Shape.ARRAY_GET);
                case F_ARRAY_LENGTH -> new ArrayLengthCommand(idOnly('o', "ObjectId"));
                case F_REFLECTION_MEMBER -> reflectionMember();
                case F_FIELD_GET -> idMessage(Shape.FIELD_GET);
                case F_AUTH -> auth();
                case F_FATAL -> new FatalReturn(value());
                case F_FIELD_SET -> idMessage(Shape.FIELD_SET);
                case F_ARRAY_SET -> idMessage(Shape.ARRAY_SET);
                case F_ARRAY_SLICE -> idMessage(Shape.ARRAY_SLICE);
                case F_ARRAY_CREATE -> arrayCreate();
                case F_LIST_SLICE -> idMessage(Shape.LIST_SLICE);
                case F_LIST_CONCAT -> idMessage(Shape.LIST_CONCAT);
                case F_LIST_MULTIPLY -> idMessage(Shape.LIST_MULTIPLY);
                case F_LIST_MULTIPLY_IN_PLACE -> idMessage(Shape.LIST_MULTIPLY_IN_PLACE);
                case F_LIST_COUNT -> idMessage(Shape.LIST_COUNT);
                case F_LIST_SORT -> new ListSortCommand(idOnly('o', "ObjectId"));
                case F_LIST_REVERSE -> new ListReverseCommand(idOnly('o', "ObjectId"));
                case F_LIST_MAX -> new ListMaxCommand(idOnly('o', "ObjectId"));
                case F_LIST_MIN -> new ListMinCommand(idOnly('o', "ObjectId"));
                case F_REFLECTION_CLASS -> new ReflectionClassCommand(className());
                case F_MEMORY_ATTACH -> new MemoryAttachCommand(idOnly('o', "ObjectId"));
                case F_HELP_OBJECT -> idMessage(Shape.HELP_OBJECT);
                case F_HELP_CLASS -> helpClass();
                case F_JVM_VIEW_CREATE -> new JvmViewCreateCommand(singleValue("JvmViewCreate", "name"));
                case F_JVM_VIEW_IMPORT -> jvmViewImport(false);
                case F_JVM_VIEW_REMOVE_IMPORT -> jvmViewImport(true);
                case F_JVM_VIEW_SEARCH -> {
                    empty();
                    yield JvmViewSearchCommand.INSTANCE;
                }
                case F_DIR_FIELDS -> new DirFieldsCommand(idOnly('o', "ObjectId"));
                case F_DIR_METHODS -> new DirMethodsCommand(idOnly('o', "ObjectId"));
                case F_DIR_STATIC -> new DirStaticCommand(className());
                case F_DIR_JVM_VIEW -> dirJvmView();
                case F_STREAM -> call(true);
                case F_SHUTDOWN -> {
                    empty();
                    yield ShutdownCommand.INSTANCE;
                }
                case F_CANCEL -> cancel();
                case F_UNKNOWN -> unknownCommand();
                default -> throw unknown(tag, "Frame");
            };
        }
        if (m == null) {
            throw bad(Reason.UNKNOWN_COMMAND, "Frame has no command or answer set");
        }
        return m;
    }

    private static boolean isFrameField(int tag) {
        int field = tag >>> 3;
        int wireType = tag & 7;
        return field >= 1 && field <= Frame.UNKNOWN_FIELD_NUMBER
                && wireType == (field == Frame.BARE_FIELD_NUMBER ? VARINT : LEN);
    }

    private Message bare() throws IOException {
        int status = in.readEnum();
        return switch (status) {
            case BareStatus.SUCCESS_VALUE -> SuccessReturn.BARE;
            case BareStatus.ERROR_VALUE -> ErrorReturn.BARE;
            case BareStatus.FATAL_VALUE -> FatalReturn.BARE;
            default -> throw bad(Reason.BAD_ANSWER, "unknown bare status " + status);
        };
    }

    // ================================================================ commands

    private Message call(boolean stream) throws IOException {
        int old = enter();
        String target = null;
        String method = "";
        List<Value> args = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_VARINT -> {
                    seen = once(seen, 1, "Call");
                    target = Ids.string('o', in.readUInt64());
                }
                case T2_LEN -> {
                    seen = once(seen, 1, "Call");
                    target = "z:" + utf8();
                }
                case T3_LEN -> {
                    seen = once(seen, 1, "Call");
                    target = utf8();
                }
                case T4_LEN -> {
                    seen = once(seen, 2, "Call");
                    method = utf8();
                }
                case T5_LEN -> add(args);
                default -> throw unknown(tag, "Call");
            }
        }
        leave(old);
        if (target == null) {
            throw missingId("Call");
        }
        return stream ? new StreamCommand(target, method, args) : new CallCommand(target, method, args);
    }

    private Message proxyCall() throws IOException {
        int old = enter();
        String proxy = null;
        String method = "";
        List<Value> args = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_VARINT -> {
                    seen = once(seen, 1, "ProxyCall");
                    proxy = Ids.string('p', in.readUInt64());
                }
                case T2_LEN -> {
                    seen = once(seen, 1, "ProxyCall");
                    proxy = utf8();
                }
                case T3_LEN -> {
                    seen = once(seen, 2, "ProxyCall");
                    method = utf8();
                }
                case T4_LEN -> add(args);
                default -> throw unknown(tag, "ProxyCall");
            }
        }
        leave(old);
        if (proxy == null) {
            throw missingId("ProxyCall");
        }
        return new ProxyCallCommand(proxy, method, args);
    }

    /** ObjectId / ProxyId: a oneof of a compact number (1) and a verbatim id (2). */
    private String idOnly(char letter, String message) throws IOException {
        int old = enter();
        String id = null;
        int tag;
        while ((tag = tag()) != 0) {
            if (id != null) {
                throw bad(Reason.UNKNOWN_TYPE, "a field of " + message + " occurs twice");
            }
            id = switch (tag) {
                case T1_VARINT -> Ids.string(letter, in.readUInt64());
                case T2_LEN -> utf8();
                default -> throw unknown(tag, message);
            };
        }
        leave(old);
        if (id == null) {
            throw missingId(message);
        }
        return id;
    }

    /** The messages that start with an object-id oneof at 1/2, and what follows it at 3 and 4. */
    private enum Shape {
        FIELD_GET("FieldGet"), FIELD_SET("FieldSet"), ARRAY_GET("ArrayGet"), ARRAY_SET("ArraySet"),
        ARRAY_SLICE("ArraySlice"), LIST_SLICE("ListSlice"), LIST_CONCAT("ListPair"), LIST_MULTIPLY("ListMultiply"),
        LIST_MULTIPLY_IN_PLACE("ListMultiply"), LIST_COUNT("ListCount"), HELP_OBJECT("HelpObject");

        final String message;

        Shape(String message) {
            this.message = message;
        }
    }

    private Message idMessage(Shape shape) throws IOException {
        int old = enter();
        String name = shape.message;
        String id = null;
        String text3 = "";
        String other = null;
        Value v3 = null;
        Value v4 = null;
        int count = 0;
        List<Value> list = null;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            if (tag == T1_VARINT) {
                seen = once(seen, 1, name);
                id = Ids.string('o', in.readUInt64());
                continue;
            }
            if (tag == T2_LEN) {
                seen = once(seen, 1, name);
                id = utf8();
                continue;
            }
            switch (shape) {
                case FIELD_GET, FIELD_SET -> {
                    if (tag == T3_LEN) {
                        seen = once(seen, 2, name);
                        text3 = utf8();
                    } else if (tag == T4_LEN && shape == Shape.FIELD_SET) {
                        seen = once(seen, 4, name);
                        v4 = value();
                    } else {
                        throw unknown(tag, name);
                    }
                }
                case ARRAY_GET, ARRAY_SET, LIST_COUNT, HELP_OBJECT -> {
                    if (tag == T3_LEN) {
                        seen = once(seen, 2, name);
                        v3 = value();
                    } else if (tag == T4_LEN && (shape == Shape.ARRAY_SET || shape == Shape.HELP_OBJECT)) {
                        seen = once(seen, 4, name);
                        v4 = value();
                    } else {
                        throw unknown(tag, name);
                    }
                }
                case ARRAY_SLICE, LIST_SLICE -> {
                    if (tag == T3_LEN) {
                        list = add(list == null ? new ArrayList<>() : list);
                    } else {
                        throw unknown(tag, name);
                    }
                }
                case LIST_CONCAT -> {
                    if (tag == T3_VARINT) {
                        seen = once(seen, 2, name);
                        other = Ids.string('o', in.readUInt64());
                    } else if (tag == T4_LEN) {
                        seen = once(seen, 2, name);
                        other = utf8();
                    } else {
                        throw unknown(tag, name);
                    }
                }
                case LIST_MULTIPLY, LIST_MULTIPLY_IN_PLACE -> {
                    if (tag == T3_VARINT) {
                        seen = once(seen, 2, name);
                        count = in.readSInt32();
                    } else {
                        throw unknown(tag, name);
                    }
                }
                default -> throw new AssertionError(shape);
            }
        }
        leave(old);
        if (id == null) {
            throw missingId(name);
        }
        List<Value> values = list == null ? List.of() : list;
        return switch (shape) {
            case FIELD_GET -> new FieldGetCommand(id, text3);
            case FIELD_SET -> new FieldSetCommand(id, text3, required(v4, "value"));
            case ARRAY_GET -> new ArrayGetCommand(id, required(v3, "index"));
            case ARRAY_SET -> new ArraySetCommand(id, required(v3, "index"), required(v4, "value"));
            case ARRAY_SLICE -> new ArraySliceCommand(id, values);
            case LIST_SLICE -> new ListSliceCommand(id, values);
            case LIST_CONCAT -> {
                if (other == null) {
                    throw missingId("ListPair other");
                }
                yield new ListConcatCommand(id, other);
            }
            case LIST_MULTIPLY -> new ListMultiplyCommand(id, count);
            case LIST_MULTIPLY_IN_PLACE -> new ListMultiplyInPlaceCommand(id, count);
            case LIST_COUNT -> new ListCountCommand(id, required(v3, "value"));
            case HELP_OBJECT -> new HelpObjectCommand(id, required(v3, "pattern"), required(v4, "short_name"));
        };
    }

    private Message reflectionUnknown() throws IOException {
        int old = enter();
        String name = "";
        Value view = null;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "ReflectionUnknown");
                    name = utf8();
                }
                case T2_LEN -> {
                    seen = once(seen, 2, "ReflectionUnknown");
                    view = value();
                }
                default -> throw unknown(tag, "ReflectionUnknown");
            }
        }
        leave(old);
        return new ReflectionUnknownCommand(name, required(view, "jvm_view"));
    }

    private Message constructor() throws IOException {
        int old = enter();
        String className = "";
        List<Value> args = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "Constructor");
                    className = utf8();
                }
                case T2_LEN -> add(args);
                default -> throw unknown(tag, "Constructor");
            }
        }
        leave(old);
        return new ConstructorCommand(className, args);
    }

    private Message reflectionMember() throws IOException {
        int old = enter();
        String className = "";
        String member = "";
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "ReflectionMember");
                    className = utf8();
                }
                case T2_LEN -> {
                    seen = once(seen, 2, "ReflectionMember");
                    member = utf8();
                }
                default -> throw unknown(tag, "ReflectionMember");
            }
        }
        leave(old);
        return new ReflectionMemberCommand(className, member);
    }

    private String className() throws IOException {
        int old = enter();
        String className = "";
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            if (tag != T1_LEN) {
                throw unknown(tag, "ClassName");
            }
            seen = once(seen, 1, "ClassName");
            className = utf8();
        }
        leave(old);
        return className;
    }

    /** A message whose only field (1) is a required Value. */
    private Value singleValue(String message, String field) throws IOException {
        int old = enter();
        Value v = null;
        int tag;
        while ((tag = tag()) != 0) {
            if (tag != T1_LEN) {
                throw unknown(tag, message);
            }
            if (v != null) {
                throw bad(Reason.UNKNOWN_TYPE, "a field of " + message + " occurs twice");
            }
            v = value();
        }
        leave(old);
        return required(v, field);
    }

    private Message auth() throws IOException {
        int old = enter();
        String token = null;
        int tag;
        while ((tag = tag()) != 0) {
            if (token != null) {
                throw bad(Reason.UNKNOWN_TYPE, "a field of Auth occurs twice");
            }
            token = switch (tag) {
                case T1_LEN -> utf8();
                case T2_LEN -> wtf8();
                default -> throw unknown(tag, "Auth");
            };
        }
        leave(old);
        if (token == null) {
            throw bad(Reason.EMPTY_PART, "Auth has no token");
        }
        return new AuthCommand(token);
    }

    private Message arrayCreate() throws IOException {
        int old = enter();
        Value type = null;
        List<Value> dims = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "ArrayCreate");
                    type = value();
                }
                case T2_LEN -> add(dims);
                default -> throw unknown(tag, "ArrayCreate");
            }
        }
        leave(old);
        return new ArrayCreateCommand(required(type, "component_type"), dims);
    }

    private Message helpClass() throws IOException {
        int old = enter();
        String className = "";
        Value pattern = null;
        Value shortName = null;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "HelpClass");
                    className = utf8();
                }
                case T2_LEN -> {
                    seen = once(seen, 2, "HelpClass");
                    pattern = value();
                }
                case T3_LEN -> {
                    seen = once(seen, 4, "HelpClass");
                    shortName = value();
                }
                default -> throw unknown(tag, "HelpClass");
            }
        }
        leave(old);
        return new HelpClassCommand(className, required(pattern, "pattern"), required(shortName, "short_name"));
    }

    private Message jvmViewImport(boolean remove) throws IOException {
        int old = enter();
        Value view = null;
        String importName = "";
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "JvmViewImport");
                    view = value();
                }
                case T2_LEN -> {
                    seen = once(seen, 2, "JvmViewImport");
                    importName = utf8();
                }
                default -> throw unknown(tag, "JvmViewImport");
            }
        }
        leave(old);
        Value v = required(view, "jvm_view");
        return remove ? new JvmViewRemoveImportCommand(v, importName) : new JvmViewImportCommand(v, importName);
    }

    private Message dirJvmView() throws IOException {
        int old = enter();
        Value view = null;
        Value last = null;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "DirJvmView");
                    view = value();
                }
                case T2_LEN -> {
                    seen = once(seen, 2, "DirJvmView");
                    last = value();
                }
                default -> throw unknown(tag, "DirJvmView");
            }
        }
        leave(old);
        return new DirJvmViewCommand(required(view, "jvm_view"), required(last, "last_sequence_id"));
    }

    private void empty() throws IOException {
        int old = enter();
        int tag = tag();
        if (tag != 0) {
            throw unknown(tag, "Empty");
        }
        leave(old);
    }

    private Message cancel() throws IOException {
        int old = enter();
        String address = "";
        int remote = 0;
        int local = 0;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "Cancel");
                    address = utf8();
                }
                case T2_VARINT -> {
                    seen = once(seen, 2, "Cancel");
                    remote = in.readInt32();
                }
                case T3_VARINT -> {
                    seen = once(seen, 4, "Cancel");
                    local = in.readInt32();
                }
                default -> throw unknown(tag, "Cancel");
            }
        }
        leave(old);
        return new CancelCommand(address, remote, local);
    }

    private Message unknownCommand() throws IOException {
        int old = enter();
        String name = "";
        List<String> lines = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "Unknown");
                    name = wtf8();
                }
                case T2_LEN -> {
                    if (lines.size() == limits.maxParts()) {
                        throw ProtocolException.limit(Reason.TOO_MANY_PARTS, base + tagOffset, -1, "values in one field",
                                lines.size() + 1L, limits.maxParts(), "maxParts");
                    }
                    lines.add(wtf8());
                }
                default -> throw unknown(tag, "Unknown");
            }
        }
        leave(old);
        return new UnknownCommand(name, lines);
    }

    // ================================================================ Value

    private Value value() throws IOException {
        int old = enter();
        Value v = null;
        int tag;
        while ((tag = tag()) != 0) {
            if (v != null) {
                throw bad(Reason.UNKNOWN_TYPE, "Value holds more than one kind");
            }
            v = switch (tag) {
                case V_STRING -> new StringValue(utf8());
                case V_INTEGER -> new IntValue(in.readSInt64());
                case V_REFERENCE_OBJECT -> new ReferenceValue(Ids.string('o', in.readUInt64()));
                case V_BOOLEAN -> Value.ofBoolean(in.readBool());
                case V_DOUBLE -> new DoubleValue(in.readDouble());
                case V_UNIT -> unit();
                case V_REFERENCE -> new ReferenceValue(utf8());
                case V_LIST_OBJECT -> new ListReference(Ids.string('o', in.readUInt64()));
                case V_ARRAY_OBJECT -> new ArrayReference(Ids.string('o', in.readUInt64()));
                case V_ITERATOR_OBJECT -> new IteratorReference(Ids.string('o', in.readUInt64()));
                case V_MAP_OBJECT -> new MapReference(Ids.string('o', in.readUInt64()));
                case V_SET_OBJECT -> new SetReference(Ids.string('o', in.readUInt64()));
                case V_LONG -> new LongValue(in.readSInt64());
                case V_CLASS_MEMBER -> new ClassMember(utf8());
                case V_PROXY -> proxy();
                case V_DECIMAL -> decimal();
                case V_BYTES -> new BytesValue(in.readByteArray());
                case V_LIST -> new ListReference(utf8());
                case V_ARRAY -> new ArrayReference(utf8());
                case V_ITERATOR -> new IteratorReference(utf8());
                case V_MAP -> new MapReference(utf8());
                case V_SET -> new SetReference(utf8());
                case V_STRING_WTF8 -> new StringValue(wtf8());
                default -> throw unknown(tag, "Value");
            };
        }
        leave(old);
        if (v == null) {
            throw bad(Reason.UNKNOWN_TYPE, "Value has no kind set");
        }
        return v;
    }

    private Value unit() throws IOException {
        int u = in.readEnum();
        return switch (u) {
            case Unit.NULL_VALUE -> NullValue.INSTANCE;
            case Unit.VOID_VALUE -> VoidValue.INSTANCE;
            case Unit.PACKAGE_VALUE -> PackageMember.INSTANCE;
            case Unit.METHOD_VALUE -> MethodMember.INSTANCE;
            case Unit.NO_MEMBER_VALUE -> NoMember.INSTANCE;
            default -> throw bad(Reason.UNKNOWN_TYPE, "unknown unit value " + u);
        };
    }

    private Value proxy() throws IOException {
        int old = enter();
        String id = null;
        List<String> interfaces = new ArrayList<>();
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_VARINT -> {
                    seen = once(seen, 1, "Proxy");
                    id = Ids.string('p', in.readUInt64());
                }
                case T2_LEN -> {
                    seen = once(seen, 1, "Proxy");
                    id = utf8();
                }
                case T3_LEN -> {
                    if (interfaces.size() == limits.maxInterfaces()) {
                        throw ProtocolException.limit(Reason.TOO_MANY_INTERFACES, base + tagOffset, -1, "proxy interfaces",
                                interfaces.size() + 1L, limits.maxInterfaces(), "maxInterfaces");
                    }
                    interfaces.add(utf8());
                }
                default -> throw unknown(tag, "Proxy");
            }
        }
        leave(old);
        if (id == null) {
            throw missingId("Proxy");
        }
        return new PythonProxyValue(id, interfaces);
    }

    private Value decimal() throws IOException {
        int old = enter();
        byte[] unscaled = new byte[0];
        int scale = 0;
        boolean negativeZero = false;
        long seen = 0;
        int tag;
        while ((tag = tag()) != 0) {
            switch (tag) {
                case T1_LEN -> {
                    seen = once(seen, 1, "Decimal");
                    unscaled = in.readByteArray();
                }
                case T2_VARINT -> {
                    seen = once(seen, 2, "Decimal");
                    scale = in.readSInt32();
                }
                case T3_VARINT -> {
                    seen = once(seen, 4, "Decimal");
                    negativeZero = in.readBool();
                }
                default -> throw unknown(tag, "Decimal");
            }
        }
        leave(old);
        return MappingRules.decimal(unscaled, scale, negativeZero, base + tagOffset);
    }
}
