package io.py4jcodec.text;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.UnknownCommand;
import io.py4jcodec.api.model.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frame state machine of {@link TextDecoder}: given the lines of one frame one at a time, it
 * knows what each line is ({@link State}), reads it ({@link LineReader}), and ends with the frame's
 * message or the first error in it. An error that loses the framing is thrown at once (the decoder
 * closes); one inside a well-framed frame is kept until the frame ends (the decoder resynchronises).
 */
final class FrameReader {
    private static final Slot[] NO_SLOTS = {};

    /** Where the reader is in the frame: what the next line is. */
    enum State {
        /** The first line: an answer or a command name. */
        NAME,
        /** The sub-command line of a command that has one. */
        SUB_COMMAND,
        /** The lines of a layout (or of what the reader skips after an error), one slot each. */
        SLOTS,
        /** The lines of a command kept as {@link UnknownCommand}, up to {@code e}. */
        UNKNOWN_LINES,
        /** The frame is complete: its message, or its error, is ready. */
        DONE
    }

    private final Side side;
    private final boolean javaReader;
    private final ConnectionMode mode;
    private final boolean strict;
    private final boolean keepUnknown;
    private final boolean unknownSubToEnd;
    private final Limits limits;
    private final CommandTable table;
    private final LineReader reader;
    private final Fields fields = new Fields();

    private int awaiting;
    private State state = State.NAME;
    private Message message;
    private ProtocolException pending;
    private CommandTable.Spec spec;
    private Layout<?> layout;
    private Slot[] slots;
    private int slot;
    // arguments of the list being read: a reused scratch array, copied once into an immutable list
    private Value[] args = new Value[8];
    private int argCount;
    private List<String> unknownLines;
    private String unknownName;

    FrameReader(TextCodec codec) {
        this.side = codec.side();
        this.javaReader = side == Side.JAVA;
        this.mode = codec.mode();
        this.strict = codec.strict();
        this.keepUnknown = codec.keepUnknownCommands();
        this.unknownSubToEnd = codec.keepUnknownSubCommands();
        this.limits = codec.limits();
        this.table = CommandTable.forReader(side);
        this.reader = new LineReader(side, strict, limits);
    }

    /** See {@link TextDecoder#expectAnswer()}, which checks the limit. */
    void expectAnswer() {
        awaiting++;
    }

    int awaitedAnswers() {
        return awaiting;
    }

    State state() {
        return state;
    }

    /** The message of the frame just completed, or null when it failed (see {@link #error()}). */
    Message message() {
        return message;
    }

    /** The first error in the frame just completed, or null. */
    ProtocolException error() {
        return pending;
    }

    /** Ready for the next frame. */
    void clear() {
        state = State.NAME;
        message = null;
        pending = null;
        spec = null;
        layout = null;
        slots = null;
        slot = 0;
        fields.clear();
        Arrays.fill(args, 0, argCount, null);
        argCount = 0;
        unknownLines = null;
        unknownName = null;
    }

    /** Ready for a new stream: no answers awaited. */
    void reset() {
        awaiting = 0;
        clear();
    }

    /**
     * The stream ended inside this frame after a lenient Java reader's last line: an argument list
     * cut off there is executed with the arguments read so far, as Java does. True if that completed
     * the frame.
     */
    boolean endArgumentsAtEndOfStream() {
        if (state == State.SLOTS && slots[slot] == Slot.ARGS && slot == slots.length - 1) {
            completeArgs();
            return true;
        }
        return false;
    }

    /** What the frame was waiting for when the input ended, for the TRUNCATED message. */
    String expected(int lineIndex) {
        return switch (state) {
            case NAME -> " (in its first line)";
            case SLOTS -> " (expecting " + slots[slot].name().toLowerCase() + " line " + lineIndex + ")";
            case SUB_COMMAND, UNKNOWN_LINES, DONE -> "";
        };
    }

    /** Reads the frame's next line. */
    void line(LineView l) {
        switch (state) {
            case NAME -> firstLine(l);
            case SUB_COMMAND -> subCommandLine(l);
            case SLOTS -> slotLine(l);
            case UNKNOWN_LINES -> {
                if (l.is('e')) {
                    message = new UnknownCommand(unknownName, unknownLines);
                    state = State.DONE;
                } else {
                    unknownLines.add(l.text());
                }
            }
            case DONE -> throw new IllegalStateException("a line after the end of the frame");
        }
    }

    private void firstLine(LineView l) {
        int len = l.length();
        if (len > 0 && l.at(0) == '!' && (!javaReader || len > 1)) {
            answer(l, 1);
            return;
        }
        if (mode == ConnectionMode.GATEWAY && awaiting > 0) {
            answer(l, 0); // the 0.9 form, without '!'
            return;
        }
        spec = len == 1 ? table.get(l.at(0)) : null;
        if (spec != null) {
            if (spec.hasSub()) {
                state = State.SUB_COMMAND;
            } else {
                startLayout(spec.layout());
            }
            return;
        }
        String name = l.text();
        if (keepUnknown) {
            keepLines(name, null);
            return;
        }
        ProtocolException err = ProtocolException.of(Reason.UNKNOWN_COMMAND, l.offset(0), 0,
                "unknown command " + ProtocolException.snippet(name) + " for the " + side + " reader"
                        + (javaReader ? " (the Java peer answers with a fatal error and resets the connection)" : ""));
        if (!javaReader) {
            // Python reads the object id line, then answers !xn and goes on
            pending = err;
            startErrorLayout(CommandTable.PYTHON_UNKNOWN);
        } else if (mode == ConnectionMode.CLIENT_SERVER && awaiting > 0) {
            // ClientServerConnection.sendCommand logs the line and keeps reading
            pending = err;
            state = State.DONE;
        } else {
            throw err; // not resynchronised: the decoder closes
        }
    }

    private void answer(LineView l, int from) {
        if (awaiting > 0) {
            awaiting--;
        }
        try {
            message = reader.answer(l, from);
        } catch (ProtocolException ex) {
            pending = ex;
        }
        state = State.DONE;
    }

    private void keepLines(String name, String first) {
        unknownName = name;
        unknownLines = new ArrayList<>();
        if (first != null) {
            unknownLines.add(first);
        }
        state = State.UNKNOWN_LINES;
    }

    private void subCommandLine(LineView l) {
        int len = l.length();
        char letter;
        boolean exact = len == 1;
        if (spec.subRule() == CommandTable.SubRule.FIRST_CHAR) {
            letter = len == 0 ? ' ' : (char) (l.at(0) & 0xff);
        } else {
            letter = exact ? (char) (l.at(0) & 0xff) : 0;
        }
        Layout<?> sub = spec.sub(letter);
        if (sub != null && (exact || !strict)) {
            startLayout(sub);
            return;
        }
        if (sub == null && spec.lenientDefault() != null && !strict) {
            startLayout(spec.lenientDefault());
            return;
        }
        String text = l.text();
        if (keepUnknown || unknownSubToEnd) {
            keepLines(spec.name(), text);
            return;
        }
        pending = ProtocolException.of(Reason.UNKNOWN_SUBCOMMAND, l.offset(0), 1,
                "unknown sub-command " + ProtocolException.snippet(text) + " of command '" + spec.name() + "'");
        startErrorLayout(sub == null ? spec.unknownSubSlots() : sub.slots());
    }

    private void startLayout(Layout<?> l) {
        layout = l;
        startSlots(l.slots());
    }

    /** Reads the lines the real reader takes after an error, to stay framed, building nothing. */
    private void startErrorLayout(Slot[] skip) {
        layout = null;
        startSlots(skip == null ? NO_SLOTS : skip);
    }

    private void startSlots(Slot[] s) {
        slots = s;
        slot = -1;
        state = State.SLOTS;
        advance();
    }

    private void slotLine(LineView l) {
        Slot k = slots[slot];
        if (k == Slot.ARGS) {
            argLine(l);
            return;
        }
        try {
            switch (k) {
                case RAW -> fields.set(slot, reader.text(l));
                case ID -> fields.set(slot, reader.id(l));
                case ESCAPED -> fields.set(slot, reader.escaped(l));
                case PART -> fields.set(slot, reader.part(l));
                case COUNT -> fields.setInt(slot, reader.count(l));
                case INT -> fields.setInt(slot, reader.integer(l, 0));
                case END -> reader.end(l);
                case ARGS -> throw new AssertionError("argument lines are read by argLine");
            }
        } catch (ProtocolException ex) {
            if (k == Slot.ID && ex.reason() == Reason.EMPTY_REFERENCE) {
                throw ex; // the Python peer closes the connection
            }
            record(ex);
        }
        advance();
    }

    private void argLine(LineView l) {
        boolean blank = reader.isBlank(l);
        if (blank && strict) {
            // Java would end the list here and read the rest as new commands; a checker
            // reports it and stays framed on the e line the writer meant
            record(ProtocolException.of(Reason.EMPTY_PART, l.offset(0), l.index(),
                    "blank line inside an argument list (strict; Java ends the list there and reads the rest as new commands)"));
            return;
        }
        if (blank || l.is('e')) {
            completeArgs();
            return;
        }
        if (argCount >= limits.maxParts()) {
            throw ProtocolException.limit(Reason.TOO_MANY_PARTS, l.offset(0), l.index(),
                    "arguments", argCount + 1L, limits.maxParts(), "maxParts");
        }
        try {
            Value v = reader.part(l);
            if (argCount == args.length) {
                args = Arrays.copyOf(args, args.length * 2);
            }
            args[argCount++] = v;
        } catch (ProtocolException ex) {
            record(ex);
        }
    }

    private void completeArgs() {
        fields.set(slot, switch (argCount) {
            case 0 -> List.of();
            case 1 -> List.of(args[0]);
            case 2 -> List.of(args[0], args[1]);
            default -> List.of(Arrays.copyOf(args, argCount));
        });
        Arrays.fill(args, 0, argCount, null);
        argCount = 0;
        advance();
    }

    /** On to the next slot; after the last one the frame is done and its message built. */
    private void advance() {
        slot++;
        if (slot < slots.length) {
            return;
        }
        state = State.DONE;
        if (pending == null && layout != null) {
            message = layout.build(fields);
        }
    }

    private void record(ProtocolException e) {
        if (pending == null) {
            pending = e;
        }
    }
}
