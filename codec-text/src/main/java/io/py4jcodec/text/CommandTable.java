package io.py4jcodec.text;

import static io.py4jcodec.text.Slot.ARGS;
import static io.py4jcodec.text.Slot.COUNT;
import static io.py4jcodec.text.Slot.END;
import static io.py4jcodec.text.Slot.ESCAPED;
import static io.py4jcodec.text.Slot.ID;
import static io.py4jcodec.text.Slot.INT;
import static io.py4jcodec.text.Slot.PART;
import static io.py4jcodec.text.Slot.RAW;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands one side reads, with the exact lines its real reader takes for each: the layouts of
 * py4j 0.10.9.9's Java {@code commands/*.java} and of the Python callback handlers.
 */
final class CommandTable {

    /** How the reader turns the sub-command line into a sub-command. */
    enum SubRule {
        /** {@code safeReadLine(reader).charAt(0)}: first character; an empty line is a space. */
        FIRST_CHAR,
        /** {@code safeReadLine(reader).equals(...)}: the whole line. */
        WHOLE_LINE
    }

    /** One command name. */
    static final class Spec {
        private final String name;
        private final Layout layout;
        private final SubRule subRule;
        private final Map<Character, Layout> subs;
        private final Slot[] unknownSubSlots;
        private final Layout lenientDefault;
        private Layout[] subArray;

        Spec(String name, Layout layout, SubRule subRule, Map<Character, Layout> subs, Slot[] unknownSubSlots,
             Layout lenientDefault) {
            this.name = name;
            this.layout = layout;
            this.subRule = subRule;
            this.subs = subs;
            this.unknownSubSlots = unknownSubSlots;
            this.lenientDefault = lenientDefault;
        }

        String name() {
            return name;
        }

        Layout layout() {
            return layout;
        }

        SubRule subRule() {
            return subRule;
        }

        Map<Character, Layout> subs() {
            return subs;
        }

        Slot[] unknownSubSlots() {
            return unknownSubSlots;
        }

        Layout lenientDefault() {
            return lenientDefault;
        }

        boolean hasSub() {
            return subs != null;
        }

        /** The sub-command for {@code letter}, by array index for ASCII letters (no boxing, no hashing). */
        Layout sub(char letter) {
            Layout[] t = subArray;
            if (t == null) {
                t = new Layout[128];
                for (Map.Entry<Character, Layout> e : subs.entrySet()) {
                    if (e.getKey() < 128) {
                        t[e.getKey()] = e.getValue();
                    }
                }
                subArray = t; // racy but idempotent
            }
            return letter < 128 ? t[letter] : subs.get(letter);
        }
    }

    private static final Slot[] NONE = {};

    /** Every py4j command name is one ASCII letter, so the table is indexed by that byte. */
    private final Spec[] byLetter = new Spec[128];

    private CommandTable() {
    }

    /** The command whose name is the one letter {@code b}, or null. */
    Spec get(byte b) {
        return b >= 0 ? byLetter[b] : null;
    }

    private void register(Spec spec) {
        if (spec.name().length() != 1 || spec.name().charAt(0) >= 128) {
            throw new IllegalArgumentException("command names are one ASCII letter: " + spec.name());
        }
        byLetter[spec.name().charAt(0)] = spec;
    }

    static CommandTable forReader(Side reader) {
        return reader == Side.JAVA ? JAVA_READER : PYTHON_READER;
    }

    private void plain(String name, Layout layout) {
        register(new Spec(name, layout, null, null, null, null));
    }

    private void withSubs(String name, SubRule rule, Slot[] unknown, Layout lenientDefault, Layout... layouts) {
        Map<Character, Layout> subs = new HashMap<>();
        for (Layout l : layouts) {
            subs.put(l.kind().subCommand(), l);
        }
        register(new Spec(name, null, rule, subs, unknown, lenientDefault));
    }

    @SuppressWarnings("unchecked")
    private static List<Value> args(Object o) {
        return (List<Value>) o;
    }

    private static final CommandTable JAVA_READER = new CommandTable();
    private static final CommandTable PYTHON_READER = new CommandTable();

    static {
        CommandTable j = JAVA_READER;
        j.plain("c", Layout.of(CommandKind.CALL,
                v -> new CallCommand((String) v[0], (String) v[1], args(v[2])), RAW, RAW, ARGS));
        j.plain("i", Layout.of(CommandKind.CONSTRUCTOR,
                v -> new ConstructorCommand((String) v[0], args(v[1])), RAW, ARGS));
        j.withSubs("f", SubRule.WHOLE_LINE, NONE, null,
                Layout.of(CommandKind.FIELD_GET, v -> new FieldGetCommand((String) v[0], (String) v[1]), RAW, RAW, END),
                Layout.of(CommandKind.FIELD_SET,
                        v -> new FieldSetCommand((String) v[0], (String) v[1], (Value) v[2]), RAW, RAW, PART, END));
        j.withSubs("l", SubRule.FIRST_CHAR, new Slot[] {RAW, END}, null,
                Layout.of(CommandKind.LIST_SLICE, v -> new ListSliceCommand((String) v[0], args(v[1])), RAW, ARGS),
                Layout.of(CommandKind.LIST_CONCAT, v -> new ListConcatCommand((String) v[0], (String) v[1]), RAW, RAW, END),
                Layout.of(CommandKind.LIST_MULTIPLY, v -> new ListMultiplyCommand((String) v[0], (Integer) v[1]), RAW, COUNT, END),
                Layout.of(CommandKind.LIST_MULTIPLY_IN_PLACE,
                        v -> new ListMultiplyInPlaceCommand((String) v[0], (Integer) v[1]), RAW, COUNT, END),
                Layout.of(CommandKind.LIST_COUNT, v -> new ListCountCommand((String) v[0], (Value) v[1]), RAW, PART, END),
                Layout.of(CommandKind.LIST_SORT, v -> new ListSortCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.LIST_REVERSE, v -> new ListReverseCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.LIST_MAX, v -> new ListMaxCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.LIST_MIN, v -> new ListMinCommand((String) v[0]), RAW, END));
        j.withSubs("a", SubRule.FIRST_CHAR, NONE, null,
                Layout.of(CommandKind.ARRAY_CREATE, v -> new ArrayCreateCommand((Value) v[0], args(v[1])), PART, ARGS),
                Layout.of(CommandKind.ARRAY_GET, v -> new ArrayGetCommand((String) v[0], (Value) v[1]), RAW, PART, END),
                Layout.of(CommandKind.ARRAY_SET,
                        v -> new ArraySetCommand((String) v[0], (Value) v[1], (Value) v[2]), RAW, PART, PART, END),
                Layout.of(CommandKind.ARRAY_SLICE, v -> new ArraySliceCommand((String) v[0], args(v[1])), RAW, ARGS),
                Layout.of(CommandKind.ARRAY_LENGTH, v -> new ArrayLengthCommand((String) v[0]), RAW, END));
        Layout member = Layout.of(CommandKind.REFLECTION_MEMBER,
                v -> new ReflectionMemberCommand((String) v[0], (String) v[1]), RAW, RAW, END);
        // Java treats every letter other than u and c as m
        j.withSubs("r", SubRule.FIRST_CHAR, new Slot[] {RAW, RAW, END}, member,
                Layout.of(CommandKind.REFLECTION_UNKNOWN,
                        v -> new ReflectionUnknownCommand((String) v[0], (Value) v[1]), RAW, PART, END),
                member,
                Layout.of(CommandKind.REFLECTION_CLASS, v -> new ReflectionClassCommand((String) v[0]), RAW, END));
        // MemoryCommand knows only d: Python's MEMORY_ATTACH constant (a) has no handler on the Java
        // side, which answers it as an unknown sub-command and reads on from the next line
        j.withSubs("m", SubRule.WHOLE_LINE, NONE, null,
                Layout.of(CommandKind.MEMORY_DELETE, v -> new MemoryDeleteCommand((String) v[0]), RAW, END));
        j.withSubs("h", SubRule.WHOLE_LINE, NONE, null,
                Layout.of(CommandKind.HELP_OBJECT,
                        v -> new HelpObjectCommand((String) v[0], (Value) v[1], (Value) v[2]), RAW, PART, PART, END),
                Layout.of(CommandKind.HELP_CLASS,
                        v -> new HelpClassCommand((String) v[0], (Value) v[1], (Value) v[2]), RAW, PART, PART, END));
        j.withSubs("j", SubRule.FIRST_CHAR, NONE, null,
                Layout.of(CommandKind.JVM_VIEW_CREATE, v -> new JvmViewCreateCommand((Value) v[0]), PART, END),
                Layout.of(CommandKind.JVM_VIEW_IMPORT,
                        v -> new JvmViewImportCommand((Value) v[0], (String) v[1]), PART, ESCAPED, END),
                Layout.of(CommandKind.JVM_VIEW_REMOVE_IMPORT,
                        v -> new JvmViewRemoveImportCommand((Value) v[0], (String) v[1]), PART, ESCAPED, END),
                Layout.of(CommandKind.JVM_VIEW_SEARCH, v -> JvmViewSearchCommand.INSTANCE, END));
        j.plain("p", Layout.of(CommandKind.EXCEPTION, v -> new ExceptionCommand((Value) v[0]), PART, END));
        j.withSubs("d", SubRule.WHOLE_LINE, new Slot[] {RAW, END}, null,
                Layout.of(CommandKind.DIR_FIELDS, v -> new DirFieldsCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.DIR_METHODS, v -> new DirMethodsCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.DIR_STATIC, v -> new DirStaticCommand((String) v[0]), RAW, END),
                Layout.of(CommandKind.DIR_JVM_VIEW,
                        v -> new DirJvmViewCommand((Value) v[0], (Value) v[1]), PART, PART, END));
        j.plain("S", Layout.of(CommandKind.STREAM,
                v -> new StreamCommand((String) v[0], (String) v[1], args(v[2])), RAW, RAW, ARGS));
        j.plain("s", Layout.of(CommandKind.SHUTDOWN, v -> ShutdownCommand.INSTANCE));
        j.plain("z", Layout.of(CommandKind.CANCEL,
                v -> new CancelCommand((String) v[0], (Integer) v[1], (Integer) v[2]), RAW, INT, INT));
        // the Java server reads exactly the token line after A
        j.plain("A", Layout.of(CommandKind.AUTH, v -> new AuthCommand((String) v[0]), ESCAPED));

        CommandTable p = PYTHON_READER;
        p.plain("c", Layout.of(CommandKind.PROXY_CALL,
                v -> new ProxyCallCommand((String) v[0], (String) v[1], args(v[2])), ID, RAW, ARGS));
        p.plain("g", Layout.of(CommandKind.PROXY_GC, v -> new ProxyGcCommand((String) v[0]), ID, END));
        // the Python callback server reads the token and one more line
        p.plain("A", Layout.of(CommandKind.AUTH, v -> new AuthCommand((String) v[0]), ESCAPED, END));
    }

    /** The lines Python's callback handler reads for an unknown command: the object id line, then it answers {@code !xn}. */
    static final Slot[] PYTHON_UNKNOWN = {RAW};
}
