package io.py4jcodec.text;

import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.Value;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One line of a command's {@link Layout}: what kind of line it is ({@link Slot}) and, for the
 * encoder, which field of the record {@code C} it holds. The factories tie the accessor's type to
 * the slot, so a text slot cannot be given a {@code Value} accessor:
 *
 * <pre>{@code
 * Line.raw("target id", CallCommand::targetId)   // a RAW line holding the target id
 * Line.args(CallCommand::arguments)              // typed parts up to the e line
 * }</pre>
 *
 * @param <C> the command record whose field the line holds
 */
final class Line<C extends Command> {
    private static final Line<?> END = new Line<>(Slot.END, "end line", null, null);

    private final Slot slot;
    private final String what;
    private final Function<? super C, ?> get;
    private final ToIntFunction<? super C> getInt;

    private Line(Slot slot, String what, Function<? super C, ?> get, ToIntFunction<? super C> getInt) {
        this.slot = slot;
        this.what = what;
        this.get = get;
        this.getInt = getInt;
    }

    /** A raw line (an id, a name), used verbatim; {@code what} names it in encoding errors. */
    static <C extends Command> Line<C> raw(String what, Function<? super C, String> get) {
        return new Line<>(Slot.RAW, what, get, null);
    }

    /** A raw id line that the reader refuses when blank. */
    static <C extends Command> Line<C> id(String what, Function<? super C, String> get) {
        return new Line<>(Slot.ID, what, get, null);
    }

    /** A raw line that the reader unescapes. */
    static <C extends Command> Line<C> escaped(String what, Function<? super C, String> get) {
        return new Line<>(Slot.ESCAPED, what, get, null);
    }

    /** One typed part. */
    static <C extends Command> Line<C> part(String what, Function<? super C, Value> get) {
        return new Line<>(Slot.PART, what, get, null);
    }

    /** Typed parts up to the {@code e} line. */
    static <C extends Command> Line<C> args(String what, Function<? super C, List<Value>> get) {
        return new Line<>(Slot.ARGS, what, get, null);
    }

    /** An int written as an int part ({@code i3}), read as Java's {@code Protocol.getInteger}. */
    static <C extends Command> Line<C> count(String what, ToIntFunction<? super C> get) {
        return new Line<>(Slot.COUNT, what, null, get);
    }

    /** An int written and read as bare decimal digits. */
    static <C extends Command> Line<C> integer(String what, ToIntFunction<? super C> get) {
        return new Line<>(Slot.INT, what, null, get);
    }

    /** The {@code e} line that closes the command. */
    @SuppressWarnings("unchecked")
    static <C extends Command> Line<C> end() {
        return (Line<C>) END;
    }

    Slot slot() {
        return slot;
    }

    /** What the line holds, for error messages. */
    String what() {
        return what;
    }

    /** The text of a RAW, ID or ESCAPED line. */
    String text(C c) {
        return (String) get.apply(c);
    }

    /** The value of a PART line. */
    Value value(C c) {
        return (Value) get.apply(c);
    }

    /** The values of an ARGS line. */
    @SuppressWarnings("unchecked")
    List<Value> values(C c) {
        return (List<Value>) get.apply(c);
    }

    /** The number of a COUNT or INT line. */
    int number(C c) {
        return getInt.applyAsInt(c);
    }
}
