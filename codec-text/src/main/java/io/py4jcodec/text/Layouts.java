package io.py4jcodec.text;

import static io.py4jcodec.text.Line.args;
import static io.py4jcodec.text.Line.count;
import static io.py4jcodec.text.Line.end;
import static io.py4jcodec.text.Line.escaped;
import static io.py4jcodec.text.Line.id;
import static io.py4jcodec.text.Line.integer;
import static io.py4jcodec.text.Line.part;
import static io.py4jcodec.text.Line.raw;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;

/**
 * The layout of every command as its sender writes it and its reader reads it (py4j 0.10.9.9's Java
 * {@code commands/*.java} and the Python client and callback handlers): the one place the lines
 * of a command are written down. The lines follow the command name and sub-command lines.
 *
 * <p>Every command ends with an {@code e} line except {@code s} (shutdown), {@code z} (cancel)
 * and {@code A} (auth) as Python writes it; Java writes its {@code A} with one. The switch below
 * has no default: a new {@link CommandKind} does not compile until it has a layout here.
 */
final class Layouts {
    private static final Layout<?>[] SENT_BY_PYTHON = table(Side.PYTHON);
    private static final Layout<?>[] SENT_BY_JAVA = table(Side.JAVA);

    private Layouts() {
    }

    /** The layout of {@code kind} as {@code sender} writes it; null for {@link CommandKind#UNKNOWN}. */
    static Layout<?> of(CommandKind kind, Side sender) {
        return (sender == Side.PYTHON ? SENT_BY_PYTHON : SENT_BY_JAVA)[kind.ordinal()];
    }

    private static Layout<?>[] table(Side sender) {
        CommandKind[] kinds = CommandKind.values();
        Layout<?>[] t = new Layout<?>[kinds.length];
        for (CommandKind k : kinds) {
            t[k.ordinal()] = define(k, sender);
        }
        return t;
    }

    private static Layout<?> define(CommandKind kind, Side sender) {
        return switch (kind) {
            case CALL -> Layout.of(kind, f -> new CallCommand(f.text(0), f.text(1), f.values(2)),
                    raw("target id", CallCommand::targetId), raw("method name", CallCommand::method),
                    args("arguments", CallCommand::arguments));
            case CONSTRUCTOR -> Layout.of(kind, f -> new ConstructorCommand(f.text(0), f.values(1)),
                    raw("class name", ConstructorCommand::className), args("arguments", ConstructorCommand::arguments));
            case FIELD_GET -> Layout.of(kind, f -> new FieldGetCommand(f.text(0), f.text(1)),
                    raw("target id", FieldGetCommand::targetId), raw("field name", FieldGetCommand::field), end());
            case FIELD_SET -> Layout.of(kind, f -> new FieldSetCommand(f.text(0), f.text(1), f.value(2)),
                    raw("target id", FieldSetCommand::targetId), raw("field name", FieldSetCommand::field),
                    part("value", FieldSetCommand::value), end());
            case LIST_SLICE -> Layout.of(kind, f -> new ListSliceCommand(f.text(0), f.values(1)),
                    raw("list id", ListSliceCommand::listId), args("indices", ListSliceCommand::indices));
            case LIST_CONCAT -> Layout.of(kind, f -> new ListConcatCommand(f.text(0), f.text(1)),
                    raw("list id", ListConcatCommand::listId), raw("list id", ListConcatCommand::otherListId), end());
            case LIST_MULTIPLY -> Layout.of(kind, f -> new ListMultiplyCommand(f.text(0), f.number(1)),
                    raw("list id", ListMultiplyCommand::listId), count("count", ListMultiplyCommand::count), end());
            case LIST_MULTIPLY_IN_PLACE -> Layout.of(kind, f -> new ListMultiplyInPlaceCommand(f.text(0), f.number(1)),
                    raw("list id", ListMultiplyInPlaceCommand::listId), count("count", ListMultiplyInPlaceCommand::count), end());
            case LIST_COUNT -> Layout.of(kind, f -> new ListCountCommand(f.text(0), f.value(1)),
                    raw("list id", ListCountCommand::listId), part("value", ListCountCommand::value), end());
            case LIST_SORT -> Layout.of(kind, f -> new ListSortCommand(f.text(0)), raw("list id", ListSortCommand::listId), end());
            case LIST_REVERSE -> Layout.of(kind, f -> new ListReverseCommand(f.text(0)),
                    raw("list id", ListReverseCommand::listId), end());
            case LIST_MAX -> Layout.of(kind, f -> new ListMaxCommand(f.text(0)), raw("list id", ListMaxCommand::listId), end());
            case LIST_MIN -> Layout.of(kind, f -> new ListMinCommand(f.text(0)), raw("list id", ListMinCommand::listId), end());
            case ARRAY_CREATE -> Layout.of(kind, f -> new ArrayCreateCommand(f.value(0), f.values(1)),
                    part("component type", ArrayCreateCommand::componentType), args("dimensions", ArrayCreateCommand::dimensions));
            case ARRAY_GET -> Layout.of(kind, f -> new ArrayGetCommand(f.text(0), f.value(1)),
                    raw("array id", ArrayGetCommand::arrayId), part("index", ArrayGetCommand::index), end());
            case ARRAY_SET -> Layout.of(kind, f -> new ArraySetCommand(f.text(0), f.value(1), f.value(2)),
                    raw("array id", ArraySetCommand::arrayId), part("index", ArraySetCommand::index),
                    part("value", ArraySetCommand::value), end());
            case ARRAY_SLICE -> Layout.of(kind, f -> new ArraySliceCommand(f.text(0), f.values(1)),
                    raw("array id", ArraySliceCommand::arrayId), args("indices", ArraySliceCommand::indices));
            case ARRAY_LENGTH -> Layout.of(kind, f -> new ArrayLengthCommand(f.text(0)),
                    raw("array id", ArrayLengthCommand::arrayId), end());
            case REFLECTION_UNKNOWN -> Layout.of(kind, f -> new ReflectionUnknownCommand(f.text(0), f.value(1)),
                    raw("name", ReflectionUnknownCommand::name), part("jvm view", ReflectionUnknownCommand::jvmView), end());
            case REFLECTION_MEMBER -> Layout.of(kind, f -> new ReflectionMemberCommand(f.text(0), f.text(1)),
                    raw("class name", ReflectionMemberCommand::className), raw("member name", ReflectionMemberCommand::member), end());
            case REFLECTION_CLASS -> Layout.of(kind, f -> new ReflectionClassCommand(f.text(0)),
                    raw("class name", ReflectionClassCommand::className), end());
            case MEMORY_DELETE -> Layout.of(kind, f -> new MemoryDeleteCommand(f.text(0)),
                    raw("object id", MemoryDeleteCommand::objectId), end());
            case MEMORY_ATTACH -> Layout.of(kind, f -> new MemoryAttachCommand(f.text(0)),
                    raw("object id", MemoryAttachCommand::objectId), end());
            case HELP_OBJECT -> Layout.of(kind, f -> new HelpObjectCommand(f.text(0), f.value(1), f.value(2)),
                    raw("object id", HelpObjectCommand::objectId), part("pattern", HelpObjectCommand::pattern),
                    part("short name", HelpObjectCommand::shortName), end());
            case HELP_CLASS -> Layout.of(kind, f -> new HelpClassCommand(f.text(0), f.value(1), f.value(2)),
                    raw("class name", HelpClassCommand::className), part("pattern", HelpClassCommand::pattern),
                    part("short name", HelpClassCommand::shortName), end());
            case JVM_VIEW_CREATE -> Layout.of(kind, f -> new JvmViewCreateCommand(f.value(0)),
                    part("name", JvmViewCreateCommand::name), end());
            case JVM_VIEW_IMPORT -> Layout.of(kind, f -> new JvmViewImportCommand(f.value(0), f.text(1)),
                    part("jvm view", JvmViewImportCommand::jvmView), escaped("import name", JvmViewImportCommand::importName), end());
            case JVM_VIEW_REMOVE_IMPORT -> Layout.of(kind, f -> new JvmViewRemoveImportCommand(f.value(0), f.text(1)),
                    part("jvm view", JvmViewRemoveImportCommand::jvmView),
                    escaped("import name", JvmViewRemoveImportCommand::importName), end());
            case JVM_VIEW_SEARCH -> Layout.of(kind, f -> JvmViewSearchCommand.INSTANCE, Line.<JvmViewSearchCommand>end());
            case EXCEPTION -> Layout.of(kind, f -> new ExceptionCommand(f.value(0)),
                    part("exception", ExceptionCommand::exception), end());
            case DIR_FIELDS -> Layout.of(kind, f -> new DirFieldsCommand(f.text(0)), raw("object id", DirFieldsCommand::objectId), end());
            case DIR_METHODS -> Layout.of(kind, f -> new DirMethodsCommand(f.text(0)),
                    raw("object id", DirMethodsCommand::objectId), end());
            case DIR_STATIC -> Layout.of(kind, f -> new DirStaticCommand(f.text(0)), raw("class name", DirStaticCommand::className), end());
            case DIR_JVM_VIEW -> Layout.of(kind, f -> new DirJvmViewCommand(f.value(0), f.value(1)),
                    part("jvm view", DirJvmViewCommand::jvmView), part("last sequence id", DirJvmViewCommand::lastSequenceId), end());
            case STREAM -> Layout.of(kind, f -> new StreamCommand(f.text(0), f.text(1), f.values(2)),
                    raw("target id", StreamCommand::targetId), raw("method name", StreamCommand::method),
                    args("arguments", StreamCommand::arguments));
            // the one line is the whole command: no e
            case SHUTDOWN -> Layout.<ShutdownCommand>of(kind, f -> ShutdownCommand.INSTANCE);
            // bare numbers and no e line
            case CANCEL -> Layout.of(kind, f -> new CancelCommand(f.text(0), f.number(1), f.number(2)),
                    raw("address", CancelCommand::address), integer("remote port", CancelCommand::remotePort),
                    integer("local port", CancelCommand::localPort));
            // Python writes the token alone and the Java server reads exactly that line; Java writes
            // an e line too and the Python callback server reads it
            case AUTH -> sender == Side.PYTHON
                    ? Layout.of(kind, f -> new AuthCommand(f.text(0)), escaped("token", AuthCommand::token))
                    : Layout.of(kind, f -> new AuthCommand(f.text(0)), escaped("token", AuthCommand::token), end());
            case PROXY_CALL -> Layout.of(kind, f -> new ProxyCallCommand(f.text(0), f.text(1), f.values(2)),
                    id("proxy id", ProxyCallCommand::proxyId), raw("method name", ProxyCallCommand::method),
                    args("arguments", ProxyCallCommand::arguments));
            case PROXY_GC -> Layout.of(kind, f -> new ProxyGcCommand(f.text(0)), id("proxy id", ProxyGcCommand::proxyId), end());
            // its lines are its own (UnknownCommand.lines)
            case UNKNOWN -> null;
        };
    }
}
