package io.py4jcodec.text;

import static io.py4jcodec.api.model.CommandKind.*;
import static io.py4jcodec.text.Slot.END;
import static io.py4jcodec.text.Slot.RAW;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CommandKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The commands one side reads, by name and sub-command letter, as its real reader dispatches them
 * (py4j 0.10.9.9's Java {@code CommandFactory} and the Python callback handlers): which commands it
 * knows, how it reads the sub-command line, what it reads after an unknown sub-command. The lines of
 * each command are its {@link Layouts layout} as the other side writes it.
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
        private final Layout<?> layout;
        private final SubRule subRule;
        private final Map<Character, Layout<?>> subs;
        private final Slot[] unknownSubSlots;
        private final Layout<?> lenientDefault;
        private Layout<?>[] subArray;

        Spec(String name, Layout<?> layout, SubRule subRule, Map<Character, Layout<?>> subs, Slot[] unknownSubSlots,
             Layout<?> lenientDefault) {
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

        Layout<?> layout() {
            return layout;
        }

        SubRule subRule() {
            return subRule;
        }

        Map<Character, Layout<?>> subs() {
            return subs;
        }

        Slot[] unknownSubSlots() {
            return unknownSubSlots;
        }

        Layout<?> lenientDefault() {
            return lenientDefault;
        }

        boolean hasSub() {
            return subs != null;
        }

        /** The sub-command for {@code letter}, by array index for ASCII letters (no boxing, no hashing). */
        Layout<?> sub(char letter) {
            Layout<?>[] t = subArray;
            if (t == null) {
                t = new Layout<?>[128];
                for (Map.Entry<Character, Layout<?>> e : subs.entrySet()) {
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

    private CommandTable(Side sender) {
        this.sender = sender;
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

    private final Side sender;

    private Layout<?> layout(CommandKind kind) {
        return Layouts.of(kind, sender);
    }

    private void plain(CommandKind kind) {
        register(new Spec(String.valueOf(kind.command()), layout(kind), null, null, null, null));
    }

    private void withSubs(char name, SubRule rule, Slot[] unknown, CommandKind lenientDefault, CommandKind... kinds) {
        Map<Character, Layout<?>> subs = new HashMap<>();
        for (CommandKind k : kinds) {
            if (k.command() != name) {
                throw new IllegalArgumentException(k + " is not a sub-command of " + name);
            }
            subs.put(k.subCommand(), layout(k));
        }
        register(new Spec(String.valueOf(name), null, rule, subs, unknown,
                lenientDefault == null ? null : layout(lenientDefault)));
    }

    private static final CommandTable JAVA_READER = new CommandTable(Side.PYTHON);
    private static final CommandTable PYTHON_READER = new CommandTable(Side.JAVA);

    static {
        CommandTable j = JAVA_READER;
        j.plain(CALL);
        j.plain(CONSTRUCTOR);
        j.withSubs('f', SubRule.WHOLE_LINE, NONE, null, FIELD_GET, FIELD_SET);
        j.withSubs('l', SubRule.FIRST_CHAR, new Slot[] {RAW, END}, null, LIST_SLICE, LIST_CONCAT, LIST_MULTIPLY,
                LIST_MULTIPLY_IN_PLACE, LIST_COUNT, LIST_SORT, LIST_REVERSE, LIST_MAX, LIST_MIN);
        j.withSubs('a', SubRule.FIRST_CHAR, NONE, null, ARRAY_CREATE, ARRAY_GET, ARRAY_SET, ARRAY_SLICE, ARRAY_LENGTH);
        // Java treats every letter other than u and c as m
        j.withSubs('r', SubRule.FIRST_CHAR, new Slot[] {RAW, RAW, END}, REFLECTION_MEMBER,
                REFLECTION_UNKNOWN, REFLECTION_MEMBER, REFLECTION_CLASS);
        // MemoryCommand knows only d: Python's MEMORY_ATTACH constant (a) has no handler on the Java
        // side, which answers it as an unknown sub-command and reads on from the next line
        j.withSubs('m', SubRule.WHOLE_LINE, NONE, null, MEMORY_DELETE);
        j.withSubs('h', SubRule.WHOLE_LINE, NONE, null, HELP_OBJECT, HELP_CLASS);
        j.withSubs('j', SubRule.FIRST_CHAR, NONE, null, JVM_VIEW_CREATE, JVM_VIEW_IMPORT, JVM_VIEW_REMOVE_IMPORT, JVM_VIEW_SEARCH);
        j.plain(EXCEPTION);
        j.withSubs('d', SubRule.WHOLE_LINE, new Slot[] {RAW, END}, null, DIR_FIELDS, DIR_METHODS, DIR_STATIC, DIR_JVM_VIEW);
        j.plain(STREAM);
        j.plain(SHUTDOWN);
        j.plain(CANCEL);
        j.plain(AUTH);

        CommandTable p = PYTHON_READER;
        p.plain(PROXY_CALL);
        p.plain(PROXY_GC);
        p.plain(AUTH);
    }

    /** The lines Python's callback handler reads for an unknown command: the object id line, then it answers {@code !xn}. */
    static final Slot[] PYTHON_UNKNOWN = {RAW};
}
