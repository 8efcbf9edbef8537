package io.py4jcodec.text;

import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.text.part.PartEncoder;
import java.util.List;
import org.agrona.MutableDirectBuffer;

/**
 * Writes messages exactly as one real peer writes them: values formatted as that peer formats them
 * (see {@link PartEncoder}), LF after every line, {@code e} closing every command except
 * {@code s}, {@code z} and Python's {@code A}.
 *
 * <pre>{@code
 * TextEncoder py = TextCodec.of(Side.PYTHON).newEncoder();
 * py.encode(new AuthCommand("tok"));          // "A\ntok\n"
 * TextEncoder java = TextCodec.of(Side.JAVA).newEncoder();
 * java.encode(new AuthCommand("tok"));        // "A\ntok\ne\n"
 * java.encode(ReturnMessage.success(Value.ofBoolean(true)));   // "!ybtrue\n"
 * }</pre>
 *
 * <p>An encoder writes any command, whichever side really sends it (useful for tests and fuzzing);
 * byte-exactness is promised for the commands and answers that side's peer sends. Raw lines (ids,
 * names) that hold a line break are refused with {@link io.py4jcodec.api.Reason#UNENCODABLE}.
 */
public final class TextEncoder implements MessageEncoder {
    private static final byte LF = '\n';

    private final Side side;
    private final PartEncoder parts;

    TextEncoder(Side side) {
        this.side = side;
        this.parts = new PartEncoder(side);
    }

    /** The side whose bytes this encoder writes. */
    public Side side() {
        return side;
    }

    @Override
    public int encode(Message message, MutableDirectBuffer dst, int index) {
        if (message instanceof ReturnMessage r) {
            return encodeReturn(r, dst, index);
        }
        return encodeCommand((Command) message, dst, index);
    }

    private int encodeReturn(ReturnMessage r, MutableDirectBuffer dst, int index) {
        int p = index;
        dst.putByte(p++, (byte) '!');
        dst.putByte(p++, (byte) r.status());
        if (r.value() != null) {
            p += parts.encode(r.value(), dst, p);
        }
        dst.putByte(p++, LF);
        return p - index;
    }

    private int encodeCommand(Command c, MutableDirectBuffer dst, int index) {
        int p = index;
        CommandKind kind = c.kind();
        if (kind == CommandKind.UNKNOWN) {
            UnknownCommand u = (UnknownCommand) c;
            p += raw(u.name(), dst, p, "command name");
            for (String line : u.lines()) {
                p += raw(line, dst, p, "line");
            }
            return p + end(dst, p) - index;
        }
        dst.putByte(p++, (byte) kind.command());
        dst.putByte(p++, LF);
        if (kind.hasSubCommand()) {
            dst.putByte(p++, (byte) kind.subCommand());
            dst.putByte(p++, LF);
        }
        switch (kind) {
            case CALL -> {
                CallCommand x = (CallCommand) c;
                p += raw(x.targetId(), dst, p, "target id");
                p += raw(x.method(), dst, p, "method name");
                p += parts(x.arguments(), dst, p);
            }
            case CONSTRUCTOR -> {
                ConstructorCommand x = (ConstructorCommand) c;
                p += raw(x.className(), dst, p, "class name");
                p += parts(x.arguments(), dst, p);
            }
            case FIELD_GET -> {
                FieldGetCommand x = (FieldGetCommand) c;
                p += raw(x.targetId(), dst, p, "target id");
                p += raw(x.field(), dst, p, "field name");
            }
            case FIELD_SET -> {
                FieldSetCommand x = (FieldSetCommand) c;
                p += raw(x.targetId(), dst, p, "target id");
                p += raw(x.field(), dst, p, "field name");
                p += part(x.value(), dst, p);
            }
            case LIST_SLICE -> {
                ListSliceCommand x = (ListSliceCommand) c;
                p += raw(x.listId(), dst, p, "list id");
                p += parts(x.indices(), dst, p);
            }
            case LIST_CONCAT -> {
                ListConcatCommand x = (ListConcatCommand) c;
                p += raw(x.listId(), dst, p, "list id");
                p += raw(x.otherListId(), dst, p, "list id");
            }
            case LIST_MULTIPLY -> {
                ListMultiplyCommand x = (ListMultiplyCommand) c;
                p += raw(x.listId(), dst, p, "list id");
                p += part(new IntValue(x.count()), dst, p);
            }
            case LIST_MULTIPLY_IN_PLACE -> {
                ListMultiplyInPlaceCommand x = (ListMultiplyInPlaceCommand) c;
                p += raw(x.listId(), dst, p, "list id");
                p += part(new IntValue(x.count()), dst, p);
            }
            case LIST_COUNT -> {
                ListCountCommand x = (ListCountCommand) c;
                p += raw(x.listId(), dst, p, "list id");
                p += part(x.value(), dst, p);
            }
            case LIST_SORT -> p += raw(((ListSortCommand) c).listId(), dst, p, "list id");
            case LIST_REVERSE -> p += raw(((ListReverseCommand) c).listId(), dst, p, "list id");
            case LIST_MAX -> p += raw(((ListMaxCommand) c).listId(), dst, p, "list id");
            case LIST_MIN -> p += raw(((ListMinCommand) c).listId(), dst, p, "list id");
            case ARRAY_CREATE -> {
                ArrayCreateCommand x = (ArrayCreateCommand) c;
                p += part(x.componentType(), dst, p);
                p += parts(x.dimensions(), dst, p);
            }
            case ARRAY_GET -> {
                ArrayGetCommand x = (ArrayGetCommand) c;
                p += raw(x.arrayId(), dst, p, "array id");
                p += part(x.index(), dst, p);
            }
            case ARRAY_SET -> {
                ArraySetCommand x = (ArraySetCommand) c;
                p += raw(x.arrayId(), dst, p, "array id");
                p += part(x.index(), dst, p);
                p += part(x.value(), dst, p);
            }
            case ARRAY_SLICE -> {
                ArraySliceCommand x = (ArraySliceCommand) c;
                p += raw(x.arrayId(), dst, p, "array id");
                p += parts(x.indices(), dst, p);
            }
            case ARRAY_LENGTH -> p += raw(((ArrayLengthCommand) c).arrayId(), dst, p, "array id");
            case REFLECTION_UNKNOWN -> {
                ReflectionUnknownCommand x = (ReflectionUnknownCommand) c;
                p += raw(x.name(), dst, p, "name");
                p += part(x.jvmView(), dst, p);
            }
            case REFLECTION_MEMBER -> {
                ReflectionMemberCommand x = (ReflectionMemberCommand) c;
                p += raw(x.className(), dst, p, "class name");
                p += raw(x.member(), dst, p, "member name");
            }
            case REFLECTION_CLASS -> p += raw(((ReflectionClassCommand) c).className(), dst, p, "class name");
            case MEMORY_DELETE -> p += raw(((MemoryDeleteCommand) c).objectId(), dst, p, "object id");
            case MEMORY_ATTACH -> p += raw(((MemoryAttachCommand) c).objectId(), dst, p, "object id");
            case HELP_OBJECT -> {
                HelpObjectCommand x = (HelpObjectCommand) c;
                p += raw(x.objectId(), dst, p, "object id");
                p += part(x.pattern(), dst, p);
                p += part(x.shortName(), dst, p);
            }
            case HELP_CLASS -> {
                HelpClassCommand x = (HelpClassCommand) c;
                p += raw(x.className(), dst, p, "class name");
                p += part(x.pattern(), dst, p);
                p += part(x.shortName(), dst, p);
            }
            case JVM_VIEW_CREATE -> p += part(((JvmViewCreateCommand) c).name(), dst, p);
            case JVM_VIEW_IMPORT -> {
                JvmViewImportCommand x = (JvmViewImportCommand) c;
                p += part(x.jvmView(), dst, p);
                p += escaped(x.importName(), dst, p);
            }
            case JVM_VIEW_REMOVE_IMPORT -> {
                JvmViewRemoveImportCommand x = (JvmViewRemoveImportCommand) c;
                p += part(x.jvmView(), dst, p);
                p += escaped(x.importName(), dst, p);
            }
            case JVM_VIEW_SEARCH -> {
                // no lines between the sub-command and e
            }
            case EXCEPTION -> p += part(((ExceptionCommand) c).exception(), dst, p);
            case DIR_FIELDS -> p += raw(((DirFieldsCommand) c).objectId(), dst, p, "object id");
            case DIR_METHODS -> p += raw(((DirMethodsCommand) c).objectId(), dst, p, "object id");
            case DIR_STATIC -> p += raw(((DirStaticCommand) c).className(), dst, p, "class name");
            case DIR_JVM_VIEW -> {
                DirJvmViewCommand x = (DirJvmViewCommand) c;
                p += part(x.jvmView(), dst, p);
                p += part(x.lastSequenceId(), dst, p);
            }
            case STREAM -> {
                StreamCommand x = (StreamCommand) c;
                p += raw(x.targetId(), dst, p, "target id");
                p += raw(x.method(), dst, p, "method name");
                p += parts(x.arguments(), dst, p);
            }
            case SHUTDOWN -> {
                return p - index; // one line, no e
            }
            case CANCEL -> {
                CancelCommand x = (CancelCommand) c;
                p += raw(x.address(), dst, p, "address");
                p += dst.putIntAscii(p, x.remotePort());
                dst.putByte(p++, LF);
                p += dst.putIntAscii(p, x.localPort());
                dst.putByte(p++, LF);
                return p - index; // no e
            }
            case AUTH -> {
                p += escaped(((AuthCommand) c).token(), dst, p);
                if (side == Side.PYTHON) {
                    return p - index; // Python's A has no e line; Java's has one
                }
            }
            case PROXY_CALL -> {
                ProxyCallCommand x = (ProxyCallCommand) c;
                p += raw(x.proxyId(), dst, p, "proxy id");
                p += raw(x.method(), dst, p, "method name");
                p += parts(x.arguments(), dst, p);
            }
            case PROXY_GC -> p += raw(((ProxyGcCommand) c).proxyId(), dst, p, "proxy id");
            default -> throw ProtocolException.unencodable("no layout for " + kind);
        }
        p += end(dst, p);
        return p - index;
    }

    private int raw(String s, MutableDirectBuffer dst, int index, String what) {
        int n = parts.writeRaw(s, dst, index, what);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    private int escaped(String s, MutableDirectBuffer dst, int index) {
        int n = parts.writeEscaped(s, dst, index);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    private int part(Value v, MutableDirectBuffer dst, int index) {
        int n = parts.encode(v, dst, index);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    private int parts(List<Value> values, MutableDirectBuffer dst, int index) {
        int p = index;
        for (int i = 0, n = values.size(); i < n; i++) {
            p += part(values.get(i), dst, p);
        }
        return p - index;
    }

    private static int end(MutableDirectBuffer dst, int index) {
        dst.putByte(index, (byte) 'e');
        dst.putByte(index + 1, LF);
        return 2;
    }
}
