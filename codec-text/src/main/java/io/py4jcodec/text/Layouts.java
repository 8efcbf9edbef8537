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

    /** Every kind's layout as {@code sender} writes it, by ordinal (shared; not to be modified). */
    static Layout<?>[] sentBy(Side sender) {
        return sender == Side.PYTHON ? SENT_BY_PYTHON : SENT_BY_JAVA;
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
                    (c, f) -> f.text(0, c.targetId()).text(1, c.method()).values(2, c.arguments()),
                    raw("target id"), raw("method name"), args("arguments"));
            case CONSTRUCTOR -> Layout.of(kind, f -> new ConstructorCommand(f.text(0), f.values(1)),
                    (c, f) -> f.text(0, c.className()).values(1, c.arguments()),
                    raw("class name"), args("arguments"));
            case FIELD_GET -> Layout.of(kind, f -> new FieldGetCommand(f.text(0), f.text(1)),
                    (c, f) -> f.text(0, c.targetId()).text(1, c.field()),
                    raw("target id"), raw("field name"), end());
            case FIELD_SET -> Layout.of(kind, f -> new FieldSetCommand(f.text(0), f.text(1), f.value(2)),
                    (c, f) -> f.text(0, c.targetId()).text(1, c.field()).value(2, c.value()),
                    raw("target id"), raw("field name"), part("value"), end());
            case LIST_SLICE -> Layout.of(kind, f -> new ListSliceCommand(f.text(0), f.values(1)),
                    (c, f) -> f.text(0, c.listId()).values(1, c.indices()),
                    raw("list id"), args("indices"));
            case LIST_CONCAT -> Layout.of(kind, f -> new ListConcatCommand(f.text(0), f.text(1)),
                    (c, f) -> f.text(0, c.listId()).text(1, c.otherListId()),
                    raw("list id"), raw("list id"), end());
            case LIST_MULTIPLY -> Layout.of(kind, f -> new ListMultiplyCommand(f.text(0), f.number(1)),
                    (c, f) -> f.text(0, c.listId()).number(1, c.count()),
                    raw("list id"), count("count"), end());
            case LIST_MULTIPLY_IN_PLACE -> Layout.of(kind, f -> new ListMultiplyInPlaceCommand(f.text(0), f.number(1)),
                    (c, f) -> f.text(0, c.listId()).number(1, c.count()),
                    raw("list id"), count("count"), end());
            case LIST_COUNT -> Layout.of(kind, f -> new ListCountCommand(f.text(0), f.value(1)),
                    (c, f) -> f.text(0, c.listId()).value(1, c.value()),
                    raw("list id"), part("value"), end());
            case LIST_SORT -> Layout.of(kind, f -> new ListSortCommand(f.text(0)),
                    (c, f) -> f.text(0, c.listId()),
                    raw("list id"), end());
            case LIST_REVERSE -> Layout.of(kind, f -> new ListReverseCommand(f.text(0)),
                    (c, f) -> f.text(0, c.listId()),
                    raw("list id"), end());
            case LIST_MAX -> Layout.of(kind, f -> new ListMaxCommand(f.text(0)),
                    (c, f) -> f.text(0, c.listId()),
                    raw("list id"), end());
            case LIST_MIN -> Layout.of(kind, f -> new ListMinCommand(f.text(0)),
                    (c, f) -> f.text(0, c.listId()),
                    raw("list id"), end());
            case ARRAY_CREATE -> Layout.of(kind, f -> new ArrayCreateCommand(f.value(0), f.values(1)),
                    (c, f) -> f.value(0, c.componentType()).values(1, c.dimensions()),
                    part("component type"), args("dimensions"));
            case ARRAY_GET -> Layout.of(kind, f -> new ArrayGetCommand(f.text(0), f.value(1)),
                    (c, f) -> f.text(0, c.arrayId()).value(1, c.index()),
                    raw("array id"), part("index"), end());
            case ARRAY_SET -> Layout.of(kind, f -> new ArraySetCommand(f.text(0), f.value(1), f.value(2)),
                    (c, f) -> f.text(0, c.arrayId()).value(1, c.index()).value(2, c.value()),
                    raw("array id"), part("index"), part("value"), end());
            case ARRAY_SLICE -> Layout.of(kind, f -> new ArraySliceCommand(f.text(0), f.values(1)),
                    (c, f) -> f.text(0, c.arrayId()).values(1, c.indices()),
                    raw("array id"), args("indices"));
            case ARRAY_LENGTH -> Layout.of(kind, f -> new ArrayLengthCommand(f.text(0)),
                    (c, f) -> f.text(0, c.arrayId()),
                    raw("array id"), end());
            case REFLECTION_UNKNOWN -> Layout.of(kind, f -> new ReflectionUnknownCommand(f.text(0), f.value(1)),
                    (c, f) -> f.text(0, c.name()).value(1, c.jvmView()),
                    raw("name"), part("jvm view"), end());
            case REFLECTION_MEMBER -> Layout.of(kind, f -> new ReflectionMemberCommand(f.text(0), f.text(1)),
                    (c, f) -> f.text(0, c.className()).text(1, c.member()),
                    raw("class name"), raw("member name"), end());
            case REFLECTION_CLASS -> Layout.of(kind, f -> new ReflectionClassCommand(f.text(0)),
                    (c, f) -> f.text(0, c.className()),
                    raw("class name"), end());
            case MEMORY_DELETE -> Layout.of(kind, f -> new MemoryDeleteCommand(f.text(0)),
                    (c, f) -> f.text(0, c.objectId()),
                    raw("object id"), end());
            case MEMORY_ATTACH -> Layout.of(kind, f -> new MemoryAttachCommand(f.text(0)),
                    (c, f) -> f.text(0, c.objectId()),
                    raw("object id"), end());
            case HELP_OBJECT -> Layout.of(kind, f -> new HelpObjectCommand(f.text(0), f.value(1), f.value(2)),
                    (c, f) -> f.text(0, c.objectId()).value(1, c.pattern()).value(2, c.shortName()),
                    raw("object id"), part("pattern"), part("short name"), end());
            case HELP_CLASS -> Layout.of(kind, f -> new HelpClassCommand(f.text(0), f.value(1), f.value(2)),
                    (c, f) -> f.text(0, c.className()).value(1, c.pattern()).value(2, c.shortName()),
                    raw("class name"), part("pattern"), part("short name"), end());
            case JVM_VIEW_CREATE -> Layout.of(kind, f -> new JvmViewCreateCommand(f.value(0)),
                    (c, f) -> f.value(0, c.name()),
                    part("name"), end());
            case JVM_VIEW_IMPORT -> Layout.of(kind, f -> new JvmViewImportCommand(f.value(0), f.text(1)),
                    (c, f) -> f.value(0, c.jvmView()).text(1, c.importName()),
                    part("jvm view"), escaped("import name"), end());
            case JVM_VIEW_REMOVE_IMPORT -> Layout.of(kind, f -> new JvmViewRemoveImportCommand(f.value(0), f.text(1)),
                    (c, f) -> f.value(0, c.jvmView()).text(1, c.importName()),
                    part("jvm view"), escaped("import name"), end());
            case JVM_VIEW_SEARCH -> Layout.of(kind, f -> JvmViewSearchCommand.INSTANCE, (c, f) -> { }, end());
            case EXCEPTION -> Layout.of(kind, f -> new ExceptionCommand(f.value(0)),
                    (c, f) -> f.value(0, c.exception()),
                    part("exception"), end());
            case DIR_FIELDS -> Layout.of(kind, f -> new DirFieldsCommand(f.text(0)),
                    (c, f) -> f.text(0, c.objectId()),
                    raw("object id"), end());
            case DIR_METHODS -> Layout.of(kind, f -> new DirMethodsCommand(f.text(0)),
                    (c, f) -> f.text(0, c.objectId()),
                    raw("object id"), end());
            case DIR_STATIC -> Layout.of(kind, f -> new DirStaticCommand(f.text(0)),
                    (c, f) -> f.text(0, c.className()),
                    raw("class name"), end());
            case DIR_JVM_VIEW -> Layout.of(kind, f -> new DirJvmViewCommand(f.value(0), f.value(1)),
                    (c, f) -> f.value(0, c.jvmView()).value(1, c.lastSequenceId()),
                    part("jvm view"), part("last sequence id"), end());
            case STREAM -> Layout.of(kind, f -> new StreamCommand(f.text(0), f.text(1), f.values(2)),
                    (c, f) -> f.text(0, c.targetId()).text(1, c.method()).values(2, c.arguments()),
                    raw("target id"), raw("method name"), args("arguments"));
            // the one line is the whole command: no e
            case SHUTDOWN -> Layout.<ShutdownCommand>of(kind, f -> ShutdownCommand.INSTANCE, (c, f) -> { });
            // bare numbers and no e line
            case CANCEL -> Layout.of(kind, f -> new CancelCommand(f.text(0), f.number(1), f.number(2)),
                    (c, f) -> f.text(0, c.address()).number(1, c.remotePort()).number(2, c.localPort()),
                    raw("address"), integer("remote port"), integer("local port"));
            // Python writes the token alone and the Java server reads exactly that line; Java writes
            // an e line too and the Python callback server reads it
            case AUTH -> sender == Side.PYTHON
                    ? Layout.of(kind, f -> new AuthCommand(f.text(0)), (c, f) -> f.text(0, c.token()), escaped("token"))
                    : Layout.of(kind, f -> new AuthCommand(f.text(0)),
                            (c, f) -> f.text(0, c.token()),
                            escaped("token"), end());
            case PROXY_CALL -> Layout.of(kind, f -> new ProxyCallCommand(f.text(0), f.text(1), f.values(2)),
                    (c, f) -> f.text(0, c.proxyId()).text(1, c.method()).values(2, c.arguments()),
                    id("proxy id"), raw("method name"), args("arguments"));
            case PROXY_GC -> Layout.of(kind, f -> new ProxyGcCommand(f.text(0)),
                    (c, f) -> f.text(0, c.proxyId()),
                    id("proxy id"), end());
            // its lines are its own (UnknownCommand.lines)
            case UNKNOWN -> null;
        };
    }
}
