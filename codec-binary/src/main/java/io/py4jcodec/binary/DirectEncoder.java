package io.py4jcodec.binary;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The fastest encoder protobuf-java allows: it writes the fields of {@code py4j.proto} straight to
 * a {@link CodedOutputStream} without building message objects, producing exactly the bytes of
 * {@link MessagesEncoder} (protobuf's serialisation is deterministic: fields in number order,
 * proto3 defaults omitted, oneof members always written).
 *
 * <p>Each message's layout is written once, in {@link #frame}, and walked twice: a size pass that
 * records every nested message's length in a reused {@code int[]} (what generated messages keep
 * in {@code memoizedSize}) and every {@code o<n>} id's number, then a write pass that reads them
 * back in the same order. Each string's characters are read once per pass: the size pass finds its
 * UTF-8 length and checks for lone surrogates together, the write pass encodes it (protobuf's
 * {@code writeString}); nothing is allocated per field.
 *
 * <p>Longer than most classes here because it is one table walked by two passes: a case per
 * {@code Frame} and {@code Value} kind of py4j.proto, and the pass state (slot array, id numbers)
 * they share. Split by message, every part would need that state passed in and C2 would see
 * calls across classes on the hot path; the profile behind its shape is
 * docs/results/pb-encode-profile-2026-12-05.md.
 *
 * <pre>{@code
 * MessageEncoder enc = BinaryCodec.of(Side.PYTHON).newEncoder();   // a DirectEncoder by default
 * byte[] frame = enc.encode(new CallCommand("o12", "count", List.of()));
 * // 0B 12 09 08 0C 22 05 'c' 'o' 'u' 'n' 't': length 11, Frame.call (9 bytes) {target_object 12, method "count"}
 * }</pre>
 */
public final class DirectEncoder extends AbstractBinaryEncoder {
    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private boolean sizing;
    private int[] sizes = new int[32];
    private int slots;
    private int next;
    private int[] stack = new int[16];
    private int depth;
    private int acc;
    private CodedOutputStream out;
    private byte[] utf8 = new byte[64];

    DirectEncoder() {
    }

    @Override
    int bodySize(Message message) {
        sizing = true;
        slots = 0;
        depth = 0;
        acc = 0;
        try {
            frame(message);
        } catch (IOException e) {
            throw new UncheckedIOException("the size pass does no I/O", e);
        }
        return acc;
    }

    @Override
    void writeBody(Message message, CodedOutputStream cos) throws IOException {
        sizing = false;
        next = 0;
        out = cos;
        try {
            frame(message);
        } finally {
            out = null;
        }
    }

    // ---------------------------------------------------------------- layouts (py4j.proto, field order)

    private void frame(Message m) throws IOException {
        // calls first: most frames are calls, and a class test is cheaper than the interface test below
        if (m instanceof CallCommand c) {
            call(Frame.CALL_FIELD_NUMBER, c.targetId(), c.method(), c.arguments());
        } else if (ReturnMessage.is(m)) { // not instanceof ReturnMessage: see ReturnMessage.is
            ReturnMessage r = (ReturnMessage) m;
            Value v = r.value();
            if (v == null) {
                enumAlways(Frame.BARE_FIELD_NUMBER, r instanceof SuccessReturn ? BareStatus.SUCCESS_VALUE
                        : r instanceof ErrorReturn ? BareStatus.ERROR_VALUE : BareStatus.FATAL_VALUE);
            } else {
                value(r instanceof SuccessReturn ? Frame.SUCCESS_FIELD_NUMBER
                        : r instanceof ErrorReturn ? Frame.ERROR_FIELD_NUMBER : Frame.FATAL_FIELD_NUMBER, v);
            }
        } else if (m instanceof MemoryDeleteCommand c) {
            objectId(Frame.MEMORY_DELETE_FIELD_NUMBER, c.objectId());
        } else if (m instanceof ReflectionUnknownCommand c) {
            begin(Frame.REFLECTION_UNKNOWN_FIELD_NUMBER);
            name(ReflectionUnknown.NAME_FIELD_NUMBER, c.name());
            value(ReflectionUnknown.JVM_VIEW_FIELD_NUMBER, c.jvmView());
            end(Frame.REFLECTION_UNKNOWN_FIELD_NUMBER);
        } else if (m instanceof ConstructorCommand c) {
            begin(Frame.CONSTRUCTOR_FIELD_NUMBER);
            name(Constructor.CLASS_NAME_FIELD_NUMBER, c.className());
            values(Constructor.ARGUMENTS_FIELD_NUMBER, c.arguments());
            end(Frame.CONSTRUCTOR_FIELD_NUMBER);
        } else if (m instanceof ExceptionCommand c) {
            begin(Frame.EXCEPTION_FIELD_NUMBER);
            value(FetchException.EXCEPTION_FIELD_NUMBER, c.exception());
            end(Frame.EXCEPTION_FIELD_NUMBER);
        } else if (m instanceof ProxyCallCommand c) {
            begin(Frame.PROXY_CALL_FIELD_NUMBER);
            id(ProxyCall.PROXY_NUMBER_FIELD_NUMBER, ProxyCall.PROXY_NAME_FIELD_NUMBER, c.proxyId(), 'p');
            name(ProxyCall.METHOD_FIELD_NUMBER, c.method());
            values(ProxyCall.ARGUMENTS_FIELD_NUMBER, c.arguments());
            end(Frame.PROXY_CALL_FIELD_NUMBER);
        } else if (m instanceof ProxyGcCommand c) {
            begin(Frame.PROXY_GC_FIELD_NUMBER);
            id(ProxyId.NUMBER_FIELD_NUMBER, ProxyId.NAME_FIELD_NUMBER, c.proxyId(), 'p');
            end(Frame.PROXY_GC_FIELD_NUMBER);
        } else if (m instanceof ArrayGetCommand c) {
            begin(Frame.ARRAY_GET_FIELD_NUMBER);
            id(ArrayGet.ARRAY_OBJECT_FIELD_NUMBER, ArrayGet.ARRAY_ID_FIELD_NUMBER, c.arrayId(), 'o');
            value(ArrayGet.INDEX_FIELD_NUMBER, c.index());
            end(Frame.ARRAY_GET_FIELD_NUMBER);
        } else if (m instanceof ArrayLengthCommand c) {
            objectId(Frame.ARRAY_LENGTH_FIELD_NUMBER, c.arrayId());
        } else if (m instanceof ReflectionMemberCommand c) {
            begin(Frame.REFLECTION_MEMBER_FIELD_NUMBER);
            name(ReflectionMember.CLASS_NAME_FIELD_NUMBER, c.className());
            name(ReflectionMember.MEMBER_FIELD_NUMBER, c.member());
            end(Frame.REFLECTION_MEMBER_FIELD_NUMBER);
        } else if (m instanceof FieldGetCommand c) {
            begin(Frame.FIELD_GET_FIELD_NUMBER);
            id(FieldGet.TARGET_OBJECT_FIELD_NUMBER, FieldGet.TARGET_ID_FIELD_NUMBER, c.targetId(), 'o');
            name(FieldGet.FIELD_FIELD_NUMBER, c.field());
            end(Frame.FIELD_GET_FIELD_NUMBER);
        } else if (m instanceof AuthCommand c) {
            begin(Frame.AUTH_FIELD_NUMBER);
            text(Auth.TEXT_FIELD_NUMBER, Auth.TEXT_WTF8_FIELD_NUMBER, c.token());
            end(Frame.AUTH_FIELD_NUMBER);
        } else {
            rareCommand((Command) m);
        }
    }

    private void rareCommand(Command m) throws IOException {
        if (m instanceof FieldSetCommand c) {
            begin(Frame.FIELD_SET_FIELD_NUMBER);
            id(FieldSet.TARGET_OBJECT_FIELD_NUMBER, FieldSet.TARGET_ID_FIELD_NUMBER, c.targetId(), 'o');
            name(FieldSet.FIELD_FIELD_NUMBER, c.field());
            value(FieldSet.VALUE_FIELD_NUMBER, c.value());
            end(Frame.FIELD_SET_FIELD_NUMBER);
        } else if (m instanceof ArraySetCommand c) {
            begin(Frame.ARRAY_SET_FIELD_NUMBER);
            id(ArraySet.ARRAY_OBJECT_FIELD_NUMBER, ArraySet.ARRAY_ID_FIELD_NUMBER, c.arrayId(), 'o');
            value(ArraySet.INDEX_FIELD_NUMBER, c.index());
            value(ArraySet.VALUE_FIELD_NUMBER, c.value());
            end(Frame.ARRAY_SET_FIELD_NUMBER);
        } else if (m instanceof ArraySliceCommand c) {
            begin(Frame.ARRAY_SLICE_FIELD_NUMBER);
            id(ArraySlice.ARRAY_OBJECT_FIELD_NUMBER, ArraySlice.ARRAY_ID_FIELD_NUMBER, c.arrayId(), 'o');
            values(ArraySlice.INDICES_FIELD_NUMBER, c.indices());
            end(Frame.ARRAY_SLICE_FIELD_NUMBER);
        } else if (m instanceof ArrayCreateCommand c) {
            begin(Frame.ARRAY_CREATE_FIELD_NUMBER);
            value(ArrayCreate.COMPONENT_TYPE_FIELD_NUMBER, c.componentType());
            values(ArrayCreate.DIMENSIONS_FIELD_NUMBER, c.dimensions());
            end(Frame.ARRAY_CREATE_FIELD_NUMBER);
        } else if (m instanceof ListSliceCommand c) {
            begin(Frame.LIST_SLICE_FIELD_NUMBER);
            id(ListSlice.LIST_OBJECT_FIELD_NUMBER, ListSlice.LIST_ID_FIELD_NUMBER, c.listId(), 'o');
            values(ListSlice.INDICES_FIELD_NUMBER, c.indices());
            end(Frame.LIST_SLICE_FIELD_NUMBER);
        } else if (m instanceof ListConcatCommand c) {
            begin(Frame.LIST_CONCAT_FIELD_NUMBER);
            id(ListPair.LIST_OBJECT_FIELD_NUMBER, ListPair.LIST_ID_FIELD_NUMBER, c.listId(), 'o');
            id(ListPair.OTHER_OBJECT_FIELD_NUMBER, ListPair.OTHER_ID_FIELD_NUMBER, c.otherListId(), 'o');
            end(Frame.LIST_CONCAT_FIELD_NUMBER);
        } else if (m instanceof ListMultiplyCommand c) {
            listMultiply(Frame.LIST_MULTIPLY_FIELD_NUMBER, c.listId(), c.count());
        } else if (m instanceof ListMultiplyInPlaceCommand c) {
            listMultiply(Frame.LIST_MULTIPLY_IN_PLACE_FIELD_NUMBER, c.listId(), c.count());
        } else if (m instanceof ListCountCommand c) {
            begin(Frame.LIST_COUNT_FIELD_NUMBER);
            id(ListCount.LIST_OBJECT_FIELD_NUMBER, ListCount.LIST_ID_FIELD_NUMBER, c.listId(), 'o');
            value(ListCount.VALUE_FIELD_NUMBER, c.value());
            end(Frame.LIST_COUNT_FIELD_NUMBER);
        } else if (m instanceof ListSortCommand c) {
            objectId(Frame.LIST_SORT_FIELD_NUMBER, c.listId());
        } else if (m instanceof ListReverseCommand c) {
            objectId(Frame.LIST_REVERSE_FIELD_NUMBER, c.listId());
        } else if (m instanceof ListMaxCommand c) {
            objectId(Frame.LIST_MAX_FIELD_NUMBER, c.listId());
        } else if (m instanceof ListMinCommand c) {
            objectId(Frame.LIST_MIN_FIELD_NUMBER, c.listId());
        } else if (m instanceof ReflectionClassCommand c) {
            className(Frame.REFLECTION_CLASS_FIELD_NUMBER, c.className());
        } else if (m instanceof MemoryAttachCommand c) {
            objectId(Frame.MEMORY_ATTACH_FIELD_NUMBER, c.objectId());
        } else if (m instanceof HelpObjectCommand c) {
            begin(Frame.HELP_OBJECT_FIELD_NUMBER);
            id(HelpObject.OBJECT_NUMBER_FIELD_NUMBER, HelpObject.OBJECT_ID_FIELD_NUMBER, c.objectId(), 'o');
            value(HelpObject.PATTERN_FIELD_NUMBER, c.pattern());
            value(HelpObject.SHORT_NAME_FIELD_NUMBER, c.shortName());
            end(Frame.HELP_OBJECT_FIELD_NUMBER);
        } else if (m instanceof HelpClassCommand c) {
            begin(Frame.HELP_CLASS_FIELD_NUMBER);
            name(HelpClass.CLASS_NAME_FIELD_NUMBER, c.className());
            value(HelpClass.PATTERN_FIELD_NUMBER, c.pattern());
            value(HelpClass.SHORT_NAME_FIELD_NUMBER, c.shortName());
            end(Frame.HELP_CLASS_FIELD_NUMBER);
        } else if (m instanceof JvmViewCreateCommand c) {
            begin(Frame.JVM_VIEW_CREATE_FIELD_NUMBER);
            value(JvmViewCreate.NAME_FIELD_NUMBER, c.name());
            end(Frame.JVM_VIEW_CREATE_FIELD_NUMBER);
        } else if (m instanceof JvmViewImportCommand c) {
            jvmViewImport(Frame.JVM_VIEW_IMPORT_FIELD_NUMBER, c.jvmView(), c.importName());
        } else if (m instanceof JvmViewRemoveImportCommand c) {
            jvmViewImport(Frame.JVM_VIEW_REMOVE_IMPORT_FIELD_NUMBER, c.jvmView(), c.importName());
        } else if (m instanceof JvmViewSearchCommand) {
            begin(Frame.JVM_VIEW_SEARCH_FIELD_NUMBER);
            end(Frame.JVM_VIEW_SEARCH_FIELD_NUMBER);
        } else if (m instanceof DirFieldsCommand c) {
            objectId(Frame.DIR_FIELDS_FIELD_NUMBER, c.objectId());
        } else if (m instanceof DirMethodsCommand c) {
            objectId(Frame.DIR_METHODS_FIELD_NUMBER, c.objectId());
        } else if (m instanceof DirStaticCommand c) {
            className(Frame.DIR_STATIC_FIELD_NUMBER, c.className());
        } else if (m instanceof DirJvmViewCommand c) {
            begin(Frame.DIR_JVM_VIEW_FIELD_NUMBER);
            value(DirJvmView.JVM_VIEW_FIELD_NUMBER, c.jvmView());
            value(DirJvmView.LAST_SEQUENCE_ID_FIELD_NUMBER, c.lastSequenceId());
            end(Frame.DIR_JVM_VIEW_FIELD_NUMBER);
        } else if (m instanceof StreamCommand c) {
            call(Frame.STREAM_FIELD_NUMBER, c.targetId(), c.method(), c.arguments());
        } else if (m instanceof ShutdownCommand) {
            begin(Frame.SHUTDOWN_FIELD_NUMBER);
            end(Frame.SHUTDOWN_FIELD_NUMBER);
        } else if (m instanceof CancelCommand c) {
            begin(Frame.CANCEL_FIELD_NUMBER);
            name(Cancel.ADDRESS_FIELD_NUMBER, c.address());
            int32(Cancel.REMOTE_PORT_FIELD_NUMBER, c.remotePort());
            int32(Cancel.LOCAL_PORT_FIELD_NUMBER, c.localPort());
            end(Frame.CANCEL_FIELD_NUMBER);
        } else if (m instanceof UnknownCommand c) {
            begin(Frame.UNKNOWN_FIELD_NUMBER);
            byte[] name = Wtf8.encode(c.name());
            if (name.length > 0) {
                bytesAlways(Unknown.NAME_FIELD_NUMBER, name);
            }
            for (String line : c.lines()) {
                bytesAlways(Unknown.LINES_FIELD_NUMBER, Wtf8.encode(line));
            }
            end(Frame.UNKNOWN_FIELD_NUMBER);
        } else {
            throw ProtocolException.unencodable("no binary mapping for " + m.getClass().getSimpleName());
        }
    }

    private void call(int field, String target, String method, List<Value> args) throws IOException {
        begin(field);
        if (target.startsWith("z:")) {
            identifier(Call.TARGET_CLASS_FIELD_NUMBER, target, 2); // the class name after "z:", without a substring
        } else {
            id(Call.TARGET_OBJECT_FIELD_NUMBER, Call.TARGET_ID_FIELD_NUMBER, target, 'o');
        }
        name(Call.METHOD_FIELD_NUMBER, method);
        values(Call.ARGUMENTS_FIELD_NUMBER, args);
        end(field);
    }

    private void objectId(int field, String id) throws IOException {
        begin(field);
        id(ObjectId.OBJECT_FIELD_NUMBER, ObjectId.NAME_FIELD_NUMBER, id, 'o');
        end(field);
    }

    private void className(int field, String className) throws IOException {
        begin(field);
        name(ClassName.CLASS_NAME_FIELD_NUMBER, className);
        end(field);
    }

    private void listMultiply(int field, String listId, int count) throws IOException {
        begin(field);
        id(ListMultiply.LIST_OBJECT_FIELD_NUMBER, ListMultiply.LIST_ID_FIELD_NUMBER, listId, 'o');
        if (count != 0) {
            if (sizing) {
                acc += CodedOutputStream.computeSInt32Size(ListMultiply.COUNT_FIELD_NUMBER, count);
            } else {
                out.writeSInt32(ListMultiply.COUNT_FIELD_NUMBER, count);
            }
        }
        end(field);
    }

    private void jvmViewImport(int field, Value view, String importName) throws IOException {
        begin(field);
        value(JvmViewImport.JVM_VIEW_FIELD_NUMBER, view);
        name(JvmViewImport.IMPORT_NAME_FIELD_NUMBER, importName);
        end(field);
    }

    private void values(int field, List<Value> values) throws IOException {
        for (int i = 0, n = values.size(); i < n; i++) {
            value(field, values.get(i));
        }
    }

    private void value(int field, Value v) throws IOException {
        begin(field);
        if (v instanceof StringValue s) {
            text(io.py4jcodec.proto.Value.STRING_FIELD_NUMBER, io.py4jcodec.proto.Value.STRING_WTF8_FIELD_NUMBER, s.value());
        } else if (v instanceof IntValue i) {
            sint64(io.py4jcodec.proto.Value.INTEGER_FIELD_NUMBER, i.value());
        } else if (v instanceof ReferenceValue r) {
            id(io.py4jcodec.proto.Value.REFERENCE_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.REFERENCE_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof BooleanValue b) {
            if (sizing) {
                acc += CodedOutputStream.computeBoolSize(io.py4jcodec.proto.Value.BOOLEAN_FIELD_NUMBER, b.value());
            } else {
                out.writeBool(io.py4jcodec.proto.Value.BOOLEAN_FIELD_NUMBER, b.value());
            }
        } else if (v instanceof DoubleValue d) {
            if (sizing) {
                acc += CodedOutputStream.computeDoubleSize(io.py4jcodec.proto.Value.DOUBLE_FIELD_NUMBER, d.value());
            } else {
                out.writeDouble(io.py4jcodec.proto.Value.DOUBLE_FIELD_NUMBER, d.value());
            }
        } else {
            rareValue(v);
        }
        end(field);
    }

    /** The value types that are not strings, numbers or references: apart, so that {@link #value} stays small enough to inline. */
    private void rareValue(Value v) throws IOException {
        if (v instanceof VoidValue) {
            enumAlways(io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER, Unit.VOID_VALUE);
        } else if (v instanceof NullValue) {
            enumAlways(io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER, Unit.NULL_VALUE);
        } else if (v instanceof PackageMember) {
            enumAlways(io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER, Unit.PACKAGE_VALUE);
        } else if (v instanceof MethodMember) {
            enumAlways(io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER, Unit.METHOD_VALUE);
        } else if (v instanceof NoMember) {
            enumAlways(io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER, Unit.NO_MEMBER_VALUE);
        } else if (v instanceof ListReference r) {
            id(io.py4jcodec.proto.Value.LIST_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.LIST_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof ArrayReference r) {
            id(io.py4jcodec.proto.Value.ARRAY_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.ARRAY_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof IteratorReference r) {
            id(io.py4jcodec.proto.Value.ITERATOR_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.ITERATOR_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof MapReference r) {
            id(io.py4jcodec.proto.Value.MAP_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.MAP_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof SetReference r) {
            id(io.py4jcodec.proto.Value.SET_OBJECT_FIELD_NUMBER, io.py4jcodec.proto.Value.SET_FIELD_NUMBER, r.id(), 'o');
        } else if (v instanceof LongValue l) {
            sint64(io.py4jcodec.proto.Value.LONG_FIELD_NUMBER, l.value());
        } else if (v instanceof ClassMember c) {
            stringAlways(io.py4jcodec.proto.Value.CLASS_MEMBER_FIELD_NUMBER, c.name());
        } else if (v instanceof PythonProxyValue p) {
            begin(io.py4jcodec.proto.Value.PROXY_FIELD_NUMBER);
            id(Proxy.NUMBER_FIELD_NUMBER, Proxy.NAME_FIELD_NUMBER, p.id(), 'p');
            for (String iface : p.interfaces()) {
                stringAlways(Proxy.INTERFACES_FIELD_NUMBER, iface);
            }
            end(io.py4jcodec.proto.Value.PROXY_FIELD_NUMBER);
        } else if (v instanceof DecimalValue d) {
            begin(io.py4jcodec.proto.Value.DECIMAL_FIELD_NUMBER);
            BigDecimal bd = d.value();
            if (bd.signum() != 0) {
                bytesAlways(Decimal.UNSCALED_FIELD_NUMBER, bd.unscaledValue().toByteArray());
            }
            if (bd.scale() != 0) {
                if (sizing) {
                    acc += CodedOutputStream.computeSInt32Size(Decimal.SCALE_FIELD_NUMBER, bd.scale());
                } else {
                    out.writeSInt32(Decimal.SCALE_FIELD_NUMBER, bd.scale());
                }
            }
            if (d.negativeZero()) {
                if (sizing) {
                    acc += CodedOutputStream.computeBoolSize(Decimal.NEGATIVE_ZERO_FIELD_NUMBER, true);
                } else {
                    out.writeBool(Decimal.NEGATIVE_ZERO_FIELD_NUMBER, true);
                }
            }
            end(io.py4jcodec.proto.Value.DECIMAL_FIELD_NUMBER);
        } else if (v instanceof BytesValue b) {
            bytesAlways(io.py4jcodec.proto.Value.BYTES_FIELD_NUMBER, bytesOf(b));
        } else {
            throw ProtocolException.unencodable("no binary mapping for " + v.getClass().getSimpleName());
        }
    }

    // ---------------------------------------------------------------- field writers, both passes

    /** A nested message starts: its length comes from the size pass. */
    private void begin(int field) throws IOException {
        if (sizing) {
            if (depth + 2 > stack.length) {
                growStack();
            }
            stack[depth++] = acc;
            // the slot, in pre-order, where end() stores this message's body size for the write pass
            stack[depth++] = slots;
            record(0);
            acc = 0;
        } else {
            int len = sizes[next++];
            out.writeTag(field, LEN);
            out.writeUInt32NoTag(len);
        }
    }

    // growth apart from the hot paths, which C2 inlines only while they stay small
    private void growStack() {
        stack = Arrays.copyOf(stack, stack.length * 2);
    }

    private void end(int field) throws IOException {
        if (sizing) {
            int body = acc;
            int slot = stack[--depth];
            int parent = stack[--depth];
            sizes[slot] = body;
            acc = parent + CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(body) + body;
        }
    }

    /**
     * An id oneof: the varint member for the canonical {@code <letter><n>} form, else the string member.
     * The size pass parses it and leaves the number in a slot (or -1: parse again, for the string
     * form and for numbers past an {@code int}), so the write pass does not read its characters again.
     */
    private void id(int numberField, int stringField, String id, char letter) throws IOException {
        if (sizing) {
            long n = Ids.number(id, letter);
            if (n != Ids.NONE) {
                record(n <= Integer.MAX_VALUE ? (int) n : -1);
                acc += CodedOutputStream.computeUInt64Size(numberField, n);
            } else {
                record(-1);
                stringAlways(stringField, id);
            }
        } else {
            int parsed = sizes[next++];
            long n = parsed >= 0 ? parsed : Ids.number(id, letter);
            if (n != Ids.NONE) {
                out.writeUInt64(numberField, n);
            } else {
                stringAlways(stringField, id);
            }
        }
    }

    /**
     * Arbitrary Java text in a oneof: UTF-8 when well-formed, else its WTF-8 twin. The size pass reads
     * the characters once (length and lone-surrogate check together) and leaves the WTF-8 length in a
     * slot for the write pass, or -1 for the common well-formed case, which protobuf's own
     * {@code writeString} encodes in one pass.
     */
    private void text(int utf8Field, int wtf8Field, String s) throws IOException {
        if (sizing) {
            int len = Wtf8.lengthOrLone(s, 0);
            boolean lone = len < 0;
            if (lone) {
                len = ~len;
            }
            record(lone ? len : -1);
            acc += CodedOutputStream.computeTagSize(lone ? wtf8Field : utf8Field) + CodedOutputStream.computeUInt32SizeNoTag(len) + len;
        } else {
            int wtf8Length = sizes[next++];
            if (wtf8Length < 0) {
                out.writeString(utf8Field, s);
            } else {
                raw(wtf8Field, s, 0, wtf8Length);
            }
        }
    }

    /** A singular proto3 string (omitted when empty) holding an identifier. */
    private void name(int field, String s) throws IOException {
        if (!s.isEmpty()) {
            identifier(field, s, 0);
        }
    }

    private void stringAlways(int field, String s) throws IOException {
        identifier(field, s, 0);
    }

    /**
     * An identifier (from index {@code from}) as a protobuf string. The size pass validates and sizes
     * it in one read of its characters; the write pass trusts that and encodes once: the whole string
     * through protobuf's {@code writeString}, a tail (the class name after {@code z:}) from the
     * length the size pass left in a slot, so no substring is made.
     */
    private void identifier(int field, String s, int from) throws IOException {
        if (sizing) {
            sizeIdentifier(field, s, from);
        } else if (from == 0) {
            out.writeString(field, s);
        } else {
            raw(field, s, from, sizes[next++]);
        }
    }

    private void sizeIdentifier(int field, String s, int from) {
        int len = Wtf8.lengthOrLone(s, from);
        if (len < 0) {
            throw MappingRules.loneSurrogateInIdentifier(s);
        }
        if (from != 0) {
            record(len);
        }
        acc += CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(len) + len;
    }

    /** Writes {@code s} from {@code from} as a length-delimited field of {@code len} WTF-8 bytes, through a reused array. */
    private void raw(int field, String s, int from, int len) throws IOException {
        if (utf8.length < len) {
            utf8 = new byte[Math.max(len, utf8.length * 2)];
        }
        Wtf8.encode(s, from, utf8, 0);
        out.writeTag(field, LEN);
        out.writeUInt32NoTag(len);
        out.writeRawBytes(utf8, 0, len);
    }

    /** Size pass: leaves {@code v} in the next slot, read back in the same order by the write pass. */
    private void record(int v) {
        if (slots == sizes.length) {
            growSlots();
        }
        sizes[slots++] = v;
    }

    private void growSlots() {
        sizes = Arrays.copyOf(sizes, slots * 2);
    }

    private void bytesAlways(int field, byte[] b) throws IOException {
        if (sizing) {
            acc += CodedOutputStream.computeByteArraySize(field, b);
        } else {
            out.writeByteArray(field, b);
        }
    }

    private void sint64(int field, long v) throws IOException {
        if (sizing) {
            acc += CodedOutputStream.computeSInt64Size(field, v);
        } else {
            out.writeSInt64(field, v);
        }
    }

    private void int32(int field, int v) throws IOException {
        if (v != 0) {
            if (sizing) {
                acc += CodedOutputStream.computeInt32Size(field, v);
            } else {
                out.writeInt32(field, v);
            }
        }
    }

    private void enumAlways(int field, int v) throws IOException {
        if (sizing) {
            acc += CodedOutputStream.computeEnumSize(field, v);
        } else {
            out.writeEnum(field, v);
        }
    }

    // BytesValue keeps its array private behind a defensive copy; the record accessor is the array itself
    private static byte[] bytesOf(BytesValue b) {
        return b.value();
    }

}
