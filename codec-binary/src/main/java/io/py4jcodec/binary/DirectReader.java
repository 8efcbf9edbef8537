package io.py4jcodec.binary;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.py4jcodec.api.Limits;
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
 * message objects: a method per command message of py4j.proto, each one {@link FieldLoop} over its
 * fields (values are {@link DirectValueReader}'s). Accepts what {@link MessagesReader} accepts,
 * with one deliberate difference: a singular field or oneof that occurs twice in one message is
 * rejected here (protobuf would keep the last scalar or merge the sub-messages). Our encoders never
 * write that, and rejecting it keeps one model per byte string.
 *
 * <p>Longer than most classes here because it is one table: a case per {@code Frame} kind and a
 * short method per command message, each naming its fields by the generated constants; the loop,
 * the once checks and the error classification they share are {@link FieldLoop}'s.
 */
final class DirectReader implements BodyReader {
    private final FieldLoop f;
    private final DirectValueReader values;

    DirectReader(Limits limits) {
        this.f = new FieldLoop(limits);
        this.values = new DirectValueReader(f);
    }

    @Override
    public Message read(CodedInputStream input, DirectBuffer body, int start, int length, long base) throws IOException {
        try {
            f.open(input, body, start, length, base, "Frame");
            return frame();
        } catch (InvalidProtocolBufferException e) {
            throw f.unreadable(e);
        } finally {
            f.close();
        }
    }

    private Value value(long bit) throws IOException {
        return values.value(bit);
    }

    // ================================================================ Frame

    private Message frame() throws IOException {
        Message m = null;
        while (f.next()) {
            if (m != null) {
                if (!isFrameField()) {
                    throw f.unknown();
                }
                throw f.bad(Reason.UNKNOWN_TYPE, "Frame holds more than one command or answer");
            }
            m = switch (f.number()) {
                case Frame.SUCCESS_FIELD_NUMBER -> new SuccessReturn(value(0));
                case Frame.CALL_FIELD_NUMBER -> call(false);
                case Frame.ERROR_FIELD_NUMBER -> new ErrorReturn(value(0));
                case Frame.MEMORY_DELETE_FIELD_NUMBER -> new MemoryDeleteCommand(idOnly('o', "ObjectId"));
                case Frame.REFLECTION_UNKNOWN_FIELD_NUMBER -> reflectionUnknown();
                case Frame.CONSTRUCTOR_FIELD_NUMBER -> constructor();
                case Frame.BARE_FIELD_NUMBER -> values.bare();
                case Frame.EXCEPTION_FIELD_NUMBER -> new ExceptionCommand(singleValue("FetchException", "exception"));
                case Frame.PROXY_CALL_FIELD_NUMBER -> proxyCall();
                case Frame.PROXY_GC_FIELD_NUMBER -> new ProxyGcCommand(idOnly('p', "ProxyId"));
                case Frame.ARRAY_GET_FIELD_NUMBER -> arrayGet();
                case Frame.ARRAY_LENGTH_FIELD_NUMBER -> new ArrayLengthCommand(idOnly('o', "ObjectId"));
                case Frame.REFLECTION_MEMBER_FIELD_NUMBER -> reflectionMember();
                case Frame.FIELD_GET_FIELD_NUMBER -> fieldGet();
                case Frame.AUTH_FIELD_NUMBER -> auth();
                case Frame.FATAL_FIELD_NUMBER -> new FatalReturn(value(0));
                case Frame.FIELD_SET_FIELD_NUMBER -> fieldSet();
                case Frame.ARRAY_SET_FIELD_NUMBER -> arraySet();
                case Frame.ARRAY_SLICE_FIELD_NUMBER -> {
                    List<Value> indices = new ArrayList<>();
                    yield new ArraySliceCommand(idAndValues("ArraySlice", ArraySlice.INDICES_FIELD_NUMBER, indices), indices);
                }
                case Frame.ARRAY_CREATE_FIELD_NUMBER -> arrayCreate();
                case Frame.LIST_SLICE_FIELD_NUMBER -> {
                    List<Value> indices = new ArrayList<>();
                    yield new ListSliceCommand(idAndValues("ListSlice", ListSlice.INDICES_FIELD_NUMBER, indices), indices);
                }
                case Frame.LIST_CONCAT_FIELD_NUMBER -> listConcat();
                case Frame.LIST_MULTIPLY_FIELD_NUMBER -> listMultiply(false);
                case Frame.LIST_MULTIPLY_IN_PLACE_FIELD_NUMBER -> listMultiply(true);
                case Frame.LIST_COUNT_FIELD_NUMBER -> listCount();
                case Frame.LIST_SORT_FIELD_NUMBER -> new ListSortCommand(idOnly('o', "ObjectId"));
                case Frame.LIST_REVERSE_FIELD_NUMBER -> new ListReverseCommand(idOnly('o', "ObjectId"));
                case Frame.LIST_MAX_FIELD_NUMBER -> new ListMaxCommand(idOnly('o', "ObjectId"));
                case Frame.LIST_MIN_FIELD_NUMBER -> new ListMinCommand(idOnly('o', "ObjectId"));
                case Frame.REFLECTION_CLASS_FIELD_NUMBER -> new ReflectionClassCommand(className());
                case Frame.MEMORY_ATTACH_FIELD_NUMBER -> new MemoryAttachCommand(idOnly('o', "ObjectId"));
                case Frame.HELP_OBJECT_FIELD_NUMBER -> helpObject();
                case Frame.HELP_CLASS_FIELD_NUMBER -> helpClass();
                case Frame.JVM_VIEW_CREATE_FIELD_NUMBER -> new JvmViewCreateCommand(singleValue("JvmViewCreate", "name"));
                case Frame.JVM_VIEW_IMPORT_FIELD_NUMBER -> jvmViewImport(false);
                case Frame.JVM_VIEW_REMOVE_IMPORT_FIELD_NUMBER -> jvmViewImport(true);
                case Frame.JVM_VIEW_SEARCH_FIELD_NUMBER -> {
                    empty();
                    yield JvmViewSearchCommand.INSTANCE;
                }
                case Frame.DIR_FIELDS_FIELD_NUMBER -> new DirFieldsCommand(idOnly('o', "ObjectId"));
                case Frame.DIR_METHODS_FIELD_NUMBER -> new DirMethodsCommand(idOnly('o', "ObjectId"));
                case Frame.DIR_STATIC_FIELD_NUMBER -> new DirStaticCommand(className());
                case Frame.DIR_JVM_VIEW_FIELD_NUMBER -> dirJvmView();
                case Frame.STREAM_FIELD_NUMBER -> call(true);
                case Frame.SHUTDOWN_FIELD_NUMBER -> {
                    empty();
                    yield ShutdownCommand.INSTANCE;
                }
                case Frame.CANCEL_FIELD_NUMBER -> cancel();
                case Frame.UNKNOWN_FIELD_NUMBER -> unknownCommand();
                default -> throw f.unknown();
            };
        }
        if (m == null) {
            throw f.bad(Reason.UNKNOWN_COMMAND, "Frame has no command or answer set");
        }
        return m;
    }

    /** Whether the current field is one of Frame's, with its wire type: every one is a message but {@code bare}. */
    private boolean isFrameField() {
        int n = f.number();
        return n >= 1 && n <= Frame.UNKNOWN_FIELD_NUMBER && f.wireType() == (n == Frame.BARE_FIELD_NUMBER ? WireFormat.WIRETYPE_VARINT : WireFormat.WIRETYPE_LENGTH_DELIMITED);
    }

    // ================================================================ commands (once bits: 1, 2, 4 per singular field or oneof)

    private Message call(boolean stream) throws IOException {
        f.message(0, "Call");
        String target = null;
        String method = "";
        List<Value> args = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case Call.TARGET_OBJECT_FIELD_NUMBER -> target = values.objectId(1);
                case Call.TARGET_CLASS_FIELD_NUMBER -> target = "z:" + f.utf8(1);
                case Call.TARGET_ID_FIELD_NUMBER -> target = f.utf8(1);
                case Call.METHOD_FIELD_NUMBER -> method = f.utf8(2);
                case Call.ARGUMENTS_FIELD_NUMBER -> values.add(args);
                default -> throw f.unknown();
            }
        }
        target = f.requiredId(target, "Call");
        return stream ? new StreamCommand(target, method, args) : new CallCommand(target, method, args);
    }

    private Message proxyCall() throws IOException {
        f.message(0, "ProxyCall");
        String proxy = null;
        String method = "";
        List<Value> args = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case ProxyCall.PROXY_NUMBER_FIELD_NUMBER -> proxy = Ids.string('p', f.varint(1));
                case ProxyCall.PROXY_NAME_FIELD_NUMBER -> proxy = f.utf8(1);
                case ProxyCall.METHOD_FIELD_NUMBER -> method = f.utf8(2);
                case ProxyCall.ARGUMENTS_FIELD_NUMBER -> values.add(args);
                default -> throw f.unknown();
            }
        }
        return new ProxyCallCommand(f.requiredId(proxy, "ProxyCall"), method, args);
    }

    /** ObjectId / ProxyId (the same field numbers): a oneof of a compact number and a verbatim id. */
    private String idOnly(char letter, String message) throws IOException {
        f.message(0, message);
        String id = null;
        while (f.next()) {
            f.once(1);   // every field is the oneof's, known or not
            id = switch (f.number()) {
                case ObjectId.OBJECT_FIELD_NUMBER -> Ids.string(letter, f.varint(0));
                case ObjectId.NAME_FIELD_NUMBER -> f.utf8(0);
                default -> throw f.unknown();
            };
        }
        return f.requiredId(id, message);
    }

    private Message fieldGet() throws IOException {
        f.message(0, "FieldGet");
        String id = null;
        String field = "";
        while (f.next()) {
            switch (f.number()) {
                case FieldGet.TARGET_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case FieldGet.TARGET_ID_FIELD_NUMBER -> id = f.utf8(1);
                case FieldGet.FIELD_FIELD_NUMBER -> field = f.utf8(2);
                default -> throw f.unknown();
            }
        }
        return new FieldGetCommand(f.requiredId(id, "FieldGet"), field);
    }

    private Message fieldSet() throws IOException {
        f.message(0, "FieldSet");
        String id = null;
        String field = "";
        Value value = null;
        while (f.next()) {
            switch (f.number()) {
                case FieldSet.TARGET_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case FieldSet.TARGET_ID_FIELD_NUMBER -> id = f.utf8(1);
                case FieldSet.FIELD_FIELD_NUMBER -> field = f.utf8(2);
                case FieldSet.VALUE_FIELD_NUMBER -> value = value(4);
                default -> throw f.unknown();
            }
        }
        return new FieldSetCommand(f.requiredId(id, "FieldSet"), field, f.required(value, "value"));
    }

    private Message arrayGet() throws IOException {
        f.message(0, "ArrayGet");
        String id = null;
        Value index = null;
        while (f.next()) {
            switch (f.number()) {
                case ArrayGet.ARRAY_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case ArrayGet.ARRAY_ID_FIELD_NUMBER -> id = f.utf8(1);
                case ArrayGet.INDEX_FIELD_NUMBER -> index = value(2);
                default -> throw f.unknown();
            }
        }
        return new ArrayGetCommand(f.requiredId(id, "ArrayGet"), f.required(index, "index"));
    }

    private Message arraySet() throws IOException {
        f.message(0, "ArraySet");
        String id = null;
        Value index = null;
        Value value = null;
        while (f.next()) {
            switch (f.number()) {
                case ArraySet.ARRAY_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case ArraySet.ARRAY_ID_FIELD_NUMBER -> id = f.utf8(1);
                case ArraySet.INDEX_FIELD_NUMBER -> index = value(2);
                case ArraySet.VALUE_FIELD_NUMBER -> value = value(4);
                default -> throw f.unknown();
            }
        }
        return new ArraySetCommand(f.requiredId(id, "ArraySet"), f.required(index, "index"), f.required(value, "value"));
    }

    /**
     * ArraySlice / ListSlice: an object-id oneof at 1/2 ({@link ArraySlice} and {@link ListSlice}
     * number them alike) and the repeated Values at {@code valuesField}, read into {@code out}.
     */
    private String idAndValues(String message, int valuesField, List<Value> out) throws IOException {
        f.message(0, message);
        String id = null;
        while (f.next()) {
            int n = f.number();
            if (n == ArraySlice.ARRAY_OBJECT_FIELD_NUMBER) {
                id = values.objectId(1);
            } else if (n == ArraySlice.ARRAY_ID_FIELD_NUMBER) {
                id = f.utf8(1);
            } else if (n == valuesField) {
                values.add(out);
            } else {
                throw f.unknown();
            }
        }
        return f.requiredId(id, message);
    }

    private Message listConcat() throws IOException {
        f.message(0, "ListPair");
        String id = null;
        String other = null;
        while (f.next()) {
            switch (f.number()) {
                case ListPair.LIST_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case ListPair.LIST_ID_FIELD_NUMBER -> id = f.utf8(1);
                case ListPair.OTHER_OBJECT_FIELD_NUMBER -> other = values.objectId(2);
                case ListPair.OTHER_ID_FIELD_NUMBER -> other = f.utf8(2);
                default -> throw f.unknown();
            }
        }
        id = f.requiredId(id, "ListPair");
        return new ListConcatCommand(id, f.requiredId(other, "ListPair other"));
    }

    private Message listMultiply(boolean inPlace) throws IOException {
        f.message(0, "ListMultiply");
        String id = null;
        int count = 0;
        while (f.next()) {
            switch (f.number()) {
                case ListMultiply.LIST_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case ListMultiply.LIST_ID_FIELD_NUMBER -> id = f.utf8(1);
                case ListMultiply.COUNT_FIELD_NUMBER -> count = f.sint32(2);
                default -> throw f.unknown();
            }
        }
        id = f.requiredId(id, "ListMultiply");
        return inPlace ? new ListMultiplyInPlaceCommand(id, count) : new ListMultiplyCommand(id, count);
    }

    private Message listCount() throws IOException {
        f.message(0, "ListCount");
        String id = null;
        Value value = null;
        while (f.next()) {
            switch (f.number()) {
                case ListCount.LIST_OBJECT_FIELD_NUMBER -> id = values.objectId(1);
                case ListCount.LIST_ID_FIELD_NUMBER -> id = f.utf8(1);
                case ListCount.VALUE_FIELD_NUMBER -> value = value(2);
                default -> throw f.unknown();
            }
        }
        return new ListCountCommand(f.requiredId(id, "ListCount"), f.required(value, "value"));
    }

    private Message helpObject() throws IOException {
        f.message(0, "HelpObject");
        String id = null;
        Value pattern = null;
        Value shortName = null;
        while (f.next()) {
            switch (f.number()) {
                case HelpObject.OBJECT_NUMBER_FIELD_NUMBER -> id = values.objectId(1);
                case HelpObject.OBJECT_ID_FIELD_NUMBER -> id = f.utf8(1);
                case HelpObject.PATTERN_FIELD_NUMBER -> pattern = value(2);
                case HelpObject.SHORT_NAME_FIELD_NUMBER -> shortName = value(4);
                default -> throw f.unknown();
            }
        }
        return new HelpObjectCommand(f.requiredId(id, "HelpObject"), f.required(pattern, "pattern"),
                f.required(shortName, "short_name"));
    }

    private Message reflectionUnknown() throws IOException {
        f.message(0, "ReflectionUnknown");
        String name = "";
        Value view = null;
        while (f.next()) {
            switch (f.number()) {
                case ReflectionUnknown.NAME_FIELD_NUMBER -> name = f.utf8(1);
                case ReflectionUnknown.JVM_VIEW_FIELD_NUMBER -> view = value(2);
                default -> throw f.unknown();
            }
        }
        return new ReflectionUnknownCommand(name, f.required(view, "jvm_view"));
    }

    private Message constructor() throws IOException {
        f.message(0, "Constructor");
        String className = "";
        List<Value> args = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case Constructor.CLASS_NAME_FIELD_NUMBER -> className = f.utf8(1);
                case Constructor.ARGUMENTS_FIELD_NUMBER -> values.add(args);
                default -> throw f.unknown();
            }
        }
        return new ConstructorCommand(className, args);
    }

    private Message reflectionMember() throws IOException {
        f.message(0, "ReflectionMember");
        String className = "";
        String member = "";
        while (f.next()) {
            switch (f.number()) {
                case ReflectionMember.CLASS_NAME_FIELD_NUMBER -> className = f.utf8(1);
                case ReflectionMember.MEMBER_FIELD_NUMBER -> member = f.utf8(2);
                default -> throw f.unknown();
            }
        }
        return new ReflectionMemberCommand(className, member);
    }

    private String className() throws IOException {
        f.message(0, "ClassName");
        String className = "";
        while (f.next()) {
            if (f.number() != ClassName.CLASS_NAME_FIELD_NUMBER) {
                throw f.unknown();
            }
            className = f.utf8(1);
        }
        return className;
    }

    /** FetchException / JvmViewCreate: a message whose only field (1 in both) is a required Value. */
    private Value singleValue(String message, String field) throws IOException {
        f.message(0, message);
        Value v = null;
        while (f.next()) {
            if (f.number() != FetchException.EXCEPTION_FIELD_NUMBER) {
                throw f.unknown();
            }
            v = value(1);
        }
        return f.required(v, field);
    }

    private Message auth() throws IOException {
        f.message(0, "Auth");
        String token = null;
        while (f.next()) {
            f.once(1);   // every field is the oneof's, known or not
            token = switch (f.number()) {
                case Auth.TEXT_FIELD_NUMBER -> f.utf8(0);
                case Auth.TEXT_WTF8_FIELD_NUMBER -> f.wtf8(0);
                default -> throw f.unknown();
            };
        }
        if (token == null) {
            throw f.bad(Reason.EMPTY_PART, "Auth has no token");
        }
        return new AuthCommand(token);
    }

    private Message arrayCreate() throws IOException {
        f.message(0, "ArrayCreate");
        Value type = null;
        List<Value> dims = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case ArrayCreate.COMPONENT_TYPE_FIELD_NUMBER -> type = value(1);
                case ArrayCreate.DIMENSIONS_FIELD_NUMBER -> values.add(dims);
                default -> throw f.unknown();
            }
        }
        return new ArrayCreateCommand(f.required(type, "component_type"), dims);
    }

    private Message helpClass() throws IOException {
        f.message(0, "HelpClass");
        String className = "";
        Value pattern = null;
        Value shortName = null;
        while (f.next()) {
            switch (f.number()) {
                case HelpClass.CLASS_NAME_FIELD_NUMBER -> className = f.utf8(1);
                case HelpClass.PATTERN_FIELD_NUMBER -> pattern = value(2);
                case HelpClass.SHORT_NAME_FIELD_NUMBER -> shortName = value(4);
                default -> throw f.unknown();
            }
        }
        return new HelpClassCommand(className, f.required(pattern, "pattern"), f.required(shortName, "short_name"));
    }

    private Message jvmViewImport(boolean remove) throws IOException {
        f.message(0, "JvmViewImport");
        Value view = null;
        String importName = "";
        while (f.next()) {
            switch (f.number()) {
                case JvmViewImport.JVM_VIEW_FIELD_NUMBER -> view = value(1);
                case JvmViewImport.IMPORT_NAME_FIELD_NUMBER -> importName = f.utf8(2);
                default -> throw f.unknown();
            }
        }
        Value v = f.required(view, "jvm_view");
        return remove ? new JvmViewRemoveImportCommand(v, importName) : new JvmViewImportCommand(v, importName);
    }

    private Message dirJvmView() throws IOException {
        f.message(0, "DirJvmView");
        Value view = null;
        Value last = null;
        while (f.next()) {
            switch (f.number()) {
                case DirJvmView.JVM_VIEW_FIELD_NUMBER -> view = value(1);
                case DirJvmView.LAST_SEQUENCE_ID_FIELD_NUMBER -> last = value(2);
                default -> throw f.unknown();
            }
        }
        return new DirJvmViewCommand(f.required(view, "jvm_view"), f.required(last, "last_sequence_id"));
    }

    private void empty() throws IOException {
        f.message(0, "Empty");
        if (f.next()) {
            throw f.unknown();
        }
    }

    private Message cancel() throws IOException {
        f.message(0, "Cancel");
        String address = "";
        int remote = 0;
        int local = 0;
        while (f.next()) {
            switch (f.number()) {
                case Cancel.ADDRESS_FIELD_NUMBER -> address = f.utf8(1);
                case Cancel.REMOTE_PORT_FIELD_NUMBER -> remote = (int) f.varint(2);
                case Cancel.LOCAL_PORT_FIELD_NUMBER -> local = (int) f.varint(4);
                default -> throw f.unknown();
            }
        }
        return new CancelCommand(address, remote, local);
    }

    private Message unknownCommand() throws IOException {
        f.message(0, "Unknown");
        String name = "";
        List<String> lines = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case Unknown.NAME_FIELD_NUMBER -> name = f.wtf8(1);
                case Unknown.LINES_FIELD_NUMBER -> f.room(lines, f.limits().maxParts(), Reason.TOO_MANY_PARTS,
                        "values in one field", "maxParts").add(f.wtf8(0));
                default -> throw f.unknown();
            }
        }
        return new UnknownCommand(name, lines);
    }
}
