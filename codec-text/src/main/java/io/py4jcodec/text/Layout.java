package io.py4jcodec.text;

import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import java.util.function.Function;

/**
 * The lines of one command after its name (and sub-command), in order, and how to build the record
 * from them: the decoder reads the lines into {@link Fields} and calls {@link #build}; the encoder
 * walks the same lines and writes each record field. Every layout is in {@link Layouts}.
 *
 * @param <C> the command record
 */
final class Layout<C extends Command> {
    private final CommandKind kind;
    private final Function<Fields, C> builder;
    private final Line<C>[] lines;
    private final Slot[] slots;

    private Layout(CommandKind kind, Function<Fields, C> builder, Line<C>[] lines) {
        this.kind = kind;
        this.builder = builder;
        this.lines = lines;
        this.slots = new Slot[lines.length];
        for (int i = 0; i < lines.length; i++) {
            slots[i] = lines[i].slot();
        }
        if (lines.length > Fields.MAX) {
            throw new IllegalArgumentException(kind + " has more lines than Fields holds");
        }
    }

    /**
     * A layout; {@code builder} reads the fields by line index:
     * {@code Layout.of(LIST_SORT, f -> new ListSortCommand(f.text(0)), Line.raw("list id", ListSortCommand::listId), Line.end())}.
     */
    @SafeVarargs
    static <C extends Command> Layout<C> of(CommandKind kind, Function<Fields, C> builder, Line<C>... lines) {
        return new Layout<>(kind, builder, lines);
    }

    CommandKind kind() {
        return kind;
    }

    /** The slot of each line, in order, for the decoder (shared; not to be modified). */
    Slot[] slots() {
        return slots;
    }

    Line<C>[] lines() {
        return lines;
    }

    Command build(Fields fields) {
        return builder.apply(fields);
    }

    /** {@code command} as this layout's record: each kind is one record class, so the kind is the check. */
    @SuppressWarnings("unchecked")
    C cast(Command command) {
        if (command.kind() != kind) {
            throw new IllegalArgumentException(command.kind() + " given to the layout of " + kind);
        }
        return (C) command;
    }
}
