package io.py4jcodec.text;

import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The lines of one command after its name (and sub-command), in order, and the two ways between
 * the record and its lines' values (line {@code i}'s value is field {@code i}): the decoder reads
 * the lines into {@link Fields} and {@linkplain #build builds} the record; the encoder's
 * {@link TextEncoder.CommandLines} is {@linkplain #fill filled} from the record, in line order, and
 * writes each line as it comes. Every layout is in {@link Layouts}:
 *
 * <pre>{@code
 * Layout.of(LIST_SORT, f -> new ListSortCommand(f.text(0)), (c, f) -> f.text(0, c.listId()),
 *         Line.raw("list id"), Line.end());
 * }</pre>
 *
 * <p>Why the record's accessors are called in one lambda rather than one per line: the encoder
 * then makes one call that the JIT cannot inline per command (to the layout's lambda, where the
 * accessors inline) instead of one per line (docs/decisions.md).
 *
 * @param <C> the command record
 */
final class Layout<C extends Command> {
    private final CommandKind kind;
    private final Function<Fields, C> builder;
    private final BiConsumer<C, TextEncoder.CommandLines> filler;
    private final Line[] lines;
    private final Slot[] slots;

    private Layout(CommandKind kind, Function<Fields, C> builder, BiConsumer<C, TextEncoder.CommandLines> filler, Line[] lines) {
        if (lines.length > Fields.MAX) {
            throw new IllegalArgumentException(kind + " has more lines than Fields holds");
        }
        this.kind = kind;
        this.builder = builder;
        this.filler = filler;
        this.lines = lines;
        this.slots = new Slot[lines.length];
        for (int i = 0; i < lines.length; i++) {
            slots[i] = lines[i].slot();
        }
    }

    /** A layout: the record from the fields, the fields from the record, the lines. */
    static <C extends Command> Layout<C> of(CommandKind kind, Function<Fields, C> builder, BiConsumer<C, TextEncoder.CommandLines> filler,
                                            Line... lines) {
        return new Layout<>(kind, builder, filler, lines);
    }

    CommandKind kind() {
        return kind;
    }

    /** The slot of each line, in order, for the decoder (shared; not to be modified). */
    Slot[] slots() {
        return slots;
    }

    /** The lines, in order (shared; not to be modified). */
    Line[] lines() {
        return lines;
    }

    Command build(Fields fields) {
        return builder.apply(fields);
    }

    /**
     * Puts the fields of {@code command}, whose {@link Command#kind()} the caller looked this layout
     * up by (each kind is one record class, so that is the type check), to {@code lines}, in line order.
     */
    @SuppressWarnings("unchecked")
    void fill(Command command, TextEncoder.CommandLines lines) {
        filler.accept((C) command, lines);
    }
}
