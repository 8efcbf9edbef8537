package io.py4jcodec.text;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.UnknownCommand;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.format.Escaping;
import io.py4jcodec.text.format.IntegerText;
import io.py4jcodec.text.format.Utf8;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Incremental decoder of the Py4J text protocol, reading as one peer reads. See
 * {@link MessageDecoder} for the contract and {@link TextCodec} for lenient vs strict.
 *
 * <h2>Lines</h2>
 * A Java reader ends a line at LF, CR or CRLF ({@code BufferedReader.readLine}); a Python reader
 * only at LF, so a CR stays in the line. Bytes are never turned into a String per line: each line
 * is parsed in place as soon as its terminator arrives, so partial input costs no rescans.
 *
 * <h2>Frames</h2>
 * A line starting with {@code !} is an answer (for the Java reader only if it has more than one
 * character). Any other line names a command, whose lines are those the real reader takes: fixed
 * layouts read a fixed number of lines (the last one, {@code e}, is not checked by the real peers;
 * in strict mode it must be {@code e}); argument lists run to {@code e} (on Java also to a blank
 * line, which lenient mode accepts as the end, as Java does). Each command's lines are its
 * {@link Layouts layout}, which also names the commands without an {@code e} line.
 *
 * <p>In {@link ConnectionMode#GATEWAY} mode, after {@link #expectAnswer()} the next line is the
 * answer even without its {@code !} (py4j 0.9 peers wrote none). In
 * {@link ConnectionMode#CLIENT_SERVER} mode an answer must start with {@code !} and other lines
 * are incoming commands; a Java reader awaiting an answer skips a line that names no command, as
 * py4j's {@code ClientServerConnection} does (reported as a resynchronised
 * {@link Reason#UNKNOWN_COMMAND}).
 *
 * <h2>After an error</h2>
 * <ul>
 *   <li>Errors inside a well-framed frame (a bad typed part, a bad escape in strict mode, an
 *       unknown sub-command) are reported once the frame ends; the exception is
 *       {@linkplain ProtocolException#resynchronized() resynchronised} and the decoder goes on with
 *       the next frame. On the Python side an unknown command also resynchronises, after the two
 *       lines Python reads before it answers {@code !xn}.</li>
 *   <li>Errors that lose the framing (a line or frame over its limit, too many parts, an unknown
 *       command on the Java side, which the Java peer answers by resetting the connection, a blank
 *       proxy id on the Python side, which closes the connection, truncation at end of stream)
 *       close the decoder: later calls throw {@link Reason#DECODER_CLOSED}.</li>
 * </ul>
 */
public final class TextDecoder implements MessageDecoder {
    private static final Slot[] NO_SLOTS = {};

    private final Side side;
    private final boolean javaReader;
    private final ConnectionMode mode;
    private final boolean strict;
    private final boolean keepUnknown;
    private final boolean unknownSubToEnd;
    private final Limits limits;
    private final CommandTable table;
    private final PartDecoder parts;
    private final IntegerText.Result num = new IntegerText.Result();

    // stream state
    private long position;
    private boolean skipLf;
    private int awaiting;
    private ProtocolException closedBy;
    private Message message;

    // frame state; offsets are relative to the frame start
    private int scanned;
    private int lineStart;
    private int lineIndex;
    private boolean frameDone;
    private CommandTable.Spec spec;
    private Layout<?> layout;
    private Slot[] slots;
    private int slot;
    private final Fields fields = new Fields();
    // arguments of the list being read: a reused scratch array, copied once into an immutable list
    private Value[] args;
    private int argCount;
    private Value[] argScratch = new Value[8];
    private List<String> unknownLines;
    private String unknownName;
    private ProtocolException pending;

    TextDecoder(TextCodec codec) {
        this.side = codec.side();
        this.javaReader = side == Side.JAVA;
        this.mode = codec.mode();
        this.strict = codec.strict();
        this.keepUnknown = codec.keepUnknownCommands();
        this.unknownSubToEnd = codec.keepUnknownSubCommands();
        this.limits = codec.limits();
        this.table = CommandTable.forReader(side);
        this.parts = new PartDecoder(side, strict, limits);
    }

    /** The side this decoder reads as. */
    public Side side() {
        return side;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    /**
     * Tells the decoder that the peer owes an answer: in {@link ConnectionMode#GATEWAY} mode the
     * next line is then read as an answer even without its {@code !}; in
     * {@link ConnectionMode#CLIENT_SERVER} mode it counts nesting against
     * {@link Limits#maxNesting()}. Each answer decoded pays one back.
     *
     * @throws ProtocolException {@link Reason#NESTING_TOO_DEEP} over the limit
     */
    public void expectAnswer() {
        if (awaiting + 1 > limits.maxNesting()) {
            throw ProtocolException.limit(Reason.NESTING_TOO_DEEP, position, -1, "answers awaited",
                    awaiting + 1L, limits.maxNesting(), "maxNesting");
        }
        awaiting++;
    }

    /** Answers still awaited (see {@link #expectAnswer()}). */
    public int awaitedAnswers() {
        return awaiting;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void reset() {
        position = 0;
        skipLf = false;
        awaiting = 0;
        closedBy = null;
        message = null;
        resetFrame();
    }

    @Override
    public int decode(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, false);
    }

    @Override
    public int decodeLast(DirectBuffer src, int offset, int length) {
        return run(src, offset, length, true);
    }

    private int run(DirectBuffer buf, int offset, int length, boolean last) {
        if (closedBy != null) {
            throw ProtocolException.of(Reason.DECODER_CLOSED, position, -1,
                    "decoder closed by an earlier error: " + closedBy.getMessage());
        }
        if (length < scanned) {
            throw new IllegalArgumentException("the unconsumed bytes must be given again: " + length + " < " + scanned);
        }
        long base = position - offset; // stream offset of buf[0]
        int end = offset + length;
        int p = offset + scanned;
        try {
            while (true) {
                if (skipLf) {
                    if (p == end) {
                        break;
                    }
                    skipLf = false;
                    if (buf.getByte(p) == '\n') {
                        p++;
                        lineStart = p - offset;
                    }
                }
                int term = findTerminator(buf, p, end);
                int lineLen = (term < 0 ? end : term) - (offset + lineStart);
                if (lineLen > limits.maxLineBytes()) {
                    // the limit the stream crosses first is the error, however the bytes were split: a
                    // line starting near the frame's end crosses maxFrameBytes before maxLineBytes
                    if (lineStart + limits.maxLineBytes() > limits.maxFrameBytes()) {
                        throw frameTooLong(lineStart + lineLen);
                    }
                    throw close(ProtocolException.limit(Reason.LINE_TOO_LONG, base + offset + lineStart, lineIndex,
                            "line length", lineLen, limits.maxLineBytes(), "maxLineBytes"));
                }
                if (term < 0) {
                    p = end;
                    break;
                }
                byte t = buf.getByte(term);
                p = term + 1;
                if (p - offset > limits.maxFrameBytes()) {
                    throw frameTooLong(p - offset);
                }
                if (t == '\r') {
                    skipLf = true; // BufferedReader swallows an LF right after a CR
                }
                if (lineIndex > limits.maxParts()) {
                    throw close(ProtocolException.limit(Reason.TOO_MANY_PARTS, base + offset + lineStart, lineIndex,
                            "lines after the command name", lineIndex, limits.maxParts(), "maxParts"));
                }
                onLine(buf, offset + lineStart, term, base);
                lineIndex++;
                lineStart = p - offset;
                if (frameDone) {
                    if (skipLf && p < end && buf.getByte(p) == '\n') {
                        // the LF of a CRLF belongs to the line it ends, not to the next frame
                        p++;
                        skipLf = false;
                    }
                    return finishFrame(p - offset);
                }
            }
            scanned = p - offset;
            if (scanned > limits.maxFrameBytes()) {
                throw frameTooLong(scanned);
            }
            if (last) {
                return endOfStream(buf, offset, end, base);
            }
            return NEED_MORE;
        } catch (ProtocolException e) {
            if (closedBy == null && !e.resynchronized()) {
                closedBy = e;
            }
            throw e;
        }
    }

    private int findTerminator(DirectBuffer buf, int from, int end) {
        byte[] a = buf.byteArray();
        if (a != null) {
            // index the array directly: no bounds check per byte
            int adj = buf.wrapAdjustment();
            int to = end + adj;
            if (javaReader) {
                for (int i = from + adj; i < to; i++) {
                    byte b = a[i];
                    if (b == '\n' || b == '\r') {
                        return i - adj;
                    }
                }
            } else {
                for (int i = from + adj; i < to; i++) {
                    if (a[i] == '\n') {
                        return i - adj;
                    }
                }
            }
            return -1;
        }
        if (javaReader) {
            for (int i = from; i < end; i++) {
                byte b = buf.getByte(i);
                if (b == '\n' || b == '\r') {
                    return i;
                }
            }
        } else {
            for (int i = from; i < end; i++) {
                if (buf.getByte(i) == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private int endOfStream(DirectBuffer buf, int offset, int end, long base) {
        boolean started = lineIndex > 0 || end > offset + lineStart;
        if (!started) {
            return NEED_MORE;
        }
        if (javaReader && !strict) {
            // BufferedReader returns an unterminated fragment as a last line
            if (end > offset + lineStart) {
                onLine(buf, offset + lineStart, end, base);
                lineIndex++;
                lineStart = end - offset;
                if (frameDone) {
                    return finishFrame(end - offset);
                }
            }
            // an argument list cut off by EOF is executed with the arguments read so far
            if (slots != null && slot < slots.length && slots[slot] == Slot.ARGS && slot == slots.length - 1) {
                completeArgs();
                return finishFrame(end - offset);
            }
        }
        throw close(ProtocolException.of(Reason.TRUNCATED, base + end, lineIndex,
                "input ended inside a frame" + describeExpected()));
    }

    private String describeExpected() {
        if (lineIndex == 0) {
            return " (in its first line)";
        }
        if (slots != null && slot < slots.length) {
            return " (expecting " + slots[slot].name().toLowerCase() + " line " + lineIndex + ")";
        }
        return "";
    }

    /** The frame that began at {@link #position} is {@code length} bytes long so far, over the limit: it closes the decoder. */
    private ProtocolException frameTooLong(long length) {
        return close(ProtocolException.limit(Reason.FRAME_TOO_LONG, position, -1,
                "frame length", length, limits.maxFrameBytes(), "maxFrameBytes"));
    }

    private ProtocolException close(ProtocolException e) {
        closedBy = e;
        return e;
    }

    private int finishFrame(int consumed) {
        ProtocolException err = pending;
        resetFrame();
        position += consumed;
        if (err != null) {
            throw err.resynced(consumed);
        }
        return consumed;
    }

    private void resetFrame() {
        scanned = 0;
        lineStart = 0;
        lineIndex = 0;
        frameDone = false;
        spec = null;
        layout = null;
        slots = null;
        slot = 0;
        fields.clear();
        args = null;
        argCount = 0;
        unknownLines = null;
        unknownName = null;
        pending = null;
    }

    private void onLine(DirectBuffer buf, int s, int e, long base) {
        if (lineIndex == 0) {
            firstLine(buf, s, e, base);
        } else if (unknownLines != null) {
            if (e - s == 1 && buf.getByte(s) == 'e') {
                message = new UnknownCommand(unknownName, unknownLines);
                frameDone = true;
            } else {
                unknownLines.add(Utf8.decodeReplacing(buf, s, e));
            }
        } else if (spec != null && slots == null) {
            subCommandLine(buf, s, e, base);
        } else {
            slotLine(buf, s, e, base);
        }
    }

    private void firstLine(DirectBuffer buf, int s, int e, long base) {
        int len = e - s;
        if (len > 0 && buf.getByte(s) == '!' && (!javaReader || len > 1)) {
            answer(buf, s + 1, e, base);
            return;
        }
        if (mode == ConnectionMode.GATEWAY && awaiting > 0) {
            answer(buf, s, e, base); // the 0.9 form, without '!'
            return;
        }
        spec = len == 1 ? table.get(buf.getByte(s)) : null;
        if (spec != null) {
            if (!spec.hasSub()) {
                startLayout(spec.layout());
            }
            return;
        }
        String name = Utf8.decodeReplacing(buf, s, e);
        if (keepUnknown) {
            unknownName = name;
            unknownLines = new ArrayList<>();
            return;
        }
        ProtocolException err = ProtocolException.of(Reason.UNKNOWN_COMMAND, base + s, 0,
                "unknown command " + ProtocolException.snippet(name) + " for the " + side + " reader"
                        + (javaReader ? " (the Java peer answers with a fatal error and resets the connection)" : ""));
        if (!javaReader) {
            // Python reads the object id line, then answers !xn and goes on
            pending = err;
            startErrorLayout(CommandTable.PYTHON_UNKNOWN);
        } else if (mode == ConnectionMode.CLIENT_SERVER && awaiting > 0) {
            // ClientServerConnection.sendCommand logs the line and keeps reading
            pending = err;
            frameDone = true;
        } else {
            throw close(err);
        }
    }

    private void answer(DirectBuffer buf, int s, int e, long base) {
        if (awaiting > 0) {
            awaiting--;
        }
        if (s >= e) {
            pending = ProtocolException.of(Reason.BAD_ANSWER, base + s, 0, "empty answer");
            frameDone = true;
            return;
        }
        byte status = buf.getByte(s);
        if (status != 'y' && status != 'x' && status != 'z') {
            pending = ProtocolException.of(Reason.BAD_ANSWER, base + s, 0,
                    "answer status is not y, x or z: " + ProtocolException.snippet(Utf8.decodeReplacing(buf, s, e)));
            frameDone = true;
            return;
        }
        Value v = null;
        if (e > s + 1) {
            try {
                v = parts.decode(buf, s + 1, e, PartContext.ANSWER, base, 0);
            } catch (ProtocolException ex) {
                pending = ex;
                frameDone = true;
                return;
            }
        }
        if (v == null && status == 'y' && strict && !javaReader) {
            // Java never writes a bare !y; Python would fail on it with an IndexError
            pending = ProtocolException.of(Reason.BAD_ANSWER, base + s, 0, "bare !y without a type (strict)");
            frameDone = true;
            return;
        }
        message = switch (status) {
            case 'y' -> v == null ? SuccessReturn.BARE : new SuccessReturn(v);
            case 'x' -> v == null ? ErrorReturn.BARE : new ErrorReturn(v);
            default -> v == null ? FatalReturn.BARE : new FatalReturn(v);
        };
        frameDone = true;
    }

    private void subCommandLine(DirectBuffer buf, int s, int e, long base) {
        int len = e - s;
        char letter;
        boolean exact = len == 1;
        if (spec.subRule() == CommandTable.SubRule.FIRST_CHAR) {
            letter = len == 0 ? ' ' : (char) (buf.getByte(s) & 0xff);
        } else {
            letter = exact ? (char) (buf.getByte(s) & 0xff) : 0;
        }
        Layout<?> l = spec.sub(letter);
        if (l != null && (exact || !strict)) {
            startLayout(l);
            return;
        }
        if (l == null && spec.lenientDefault() != null && !strict) {
            startLayout(spec.lenientDefault());
            return;
        }
        String sub = Utf8.decodeReplacing(buf, s, e);
        if (keepUnknown || unknownSubToEnd) {
            unknownName = spec.name();
            unknownLines = new ArrayList<>();
            unknownLines.add(sub);
            spec = null;
            return;
        }
        pending = ProtocolException.of(Reason.UNKNOWN_SUBCOMMAND, base + s, 1,
                "unknown sub-command " + ProtocolException.snippet(sub) + " of command '" + spec.name() + "'");
        startErrorLayout(l == null ? spec.unknownSubSlots() : l.slots());
    }

    private void startLayout(Layout<?> l) {
        layout = l;
        slots = l.slots();
        slot = 0;
        if (slots.length == 0) {
            message = l.build(fields);
            frameDone = true;
        } else if (slots[0] == Slot.ARGS) {
            startArgs();
        }
    }

    private void startErrorLayout(Slot[] skip) {
        layout = null;
        slots = skip == null ? NO_SLOTS : skip;
        slot = 0;
        if (slots.length == 0) {
            frameDone = true;
        } else if (slots[0] == Slot.ARGS) {
            startArgs();
        }
    }

    private void slotLine(DirectBuffer buf, int s, int e, long base) {
        Slot k = slots[slot];
        int part = lineIndex;
        if (k == Slot.ARGS) {
            boolean isEnd = e - s == 1 && buf.getByte(s) == 'e';
            boolean blank = javaReader && PartDecoder.isJavaBlank(buf, s, e);
            if (blank && strict) {
                // Java would end the list here and read the rest as new commands; a checker
                // reports it and stays framed on the e line the writer meant
                record(ProtocolException.of(Reason.EMPTY_PART, base + s, part,
                        "blank line inside an argument list (strict; Java ends the list there and reads the rest as new commands)"));
                return;
            }
            if (isEnd || blank) {
                completeArgs();
                return;
            }
            if (argCount >= limits.maxParts()) {
                throw close(ProtocolException.limit(Reason.TOO_MANY_PARTS, base + s, part,
                        "arguments", argCount + 1L, limits.maxParts(), "maxParts"));
            }
            try {
                Value v = parts.decode(buf, s, e, PartContext.ARGUMENT, base, part);
                if (argCount == args.length) {
                    args = argScratch = java.util.Arrays.copyOf(args, args.length * 2);
                }
                args[argCount++] = v;
            } catch (ProtocolException ex) {
                record(ex);
            }
            return;
        }
        try {
            switch (k) {
                case RAW -> fields.set(slot, text(buf, s, e, base, part));
                case ID -> fields.set(slot, id(buf, s, e, base, part));
                case ESCAPED -> fields.set(slot, escaped(buf, s, e, base, part));
                case PART -> fields.set(slot, parts.decode(buf, s, e, PartContext.ARGUMENT, base, part));
                case COUNT -> fields.setInt(slot, count(buf, s, e, base, part));
                case INT -> fields.setInt(slot, integer(buf, s, e, base, part));
                case END -> {
                    if (strict && !(e - s == 1 && buf.getByte(s) == 'e')) {
                        throw ProtocolException.of(Reason.MISSING_END, base + s, part,
                                "expected the end line 'e', found " + ProtocolException.snippet(Utf8.decodeReplacing(buf, s, e)));
                    }
                }
                case ARGS -> throw new AssertionError("argument lines are read above");
            }
        } catch (ProtocolException ex) {
            if (k == Slot.ID && ex.reason() == Reason.EMPTY_REFERENCE) {
                throw close(ex);
            }
            record(ex);
        }
        advance();
    }

    private void startArgs() {
        args = argScratch;
        argCount = 0;
    }

    private void completeArgs() {
        fields.set(slot, switch (argCount) {
            case 0 -> List.of();
            case 1 -> List.of(args[0]);
            case 2 -> List.of(args[0], args[1]);
            default -> List.of(java.util.Arrays.copyOf(args, argCount));
        });
        java.util.Arrays.fill(args, 0, argCount, null);
        args = null;
        argCount = 0;
        advance();
    }

    private void advance() {
        slot++;
        if (slot < slots.length) {
            if (slots[slot] == Slot.ARGS) {
                startArgs();
            }
            return;
        }
        frameDone = true;
        if (pending == null && layout != null) {
            message = layout.build(fields);
        }
    }

    private void record(ProtocolException e) {
        if (pending == null) {
            pending = e;
        }
    }

    private String text(DirectBuffer buf, int s, int e, long base, int part) {
        return Utf8.decode(side, strict, buf, s, e, base, part);
    }

    private String id(DirectBuffer buf, int s, int e, long base, int part) {
        String id = text(buf, s, e, base, part);
        if (id.strip().isEmpty()) {
            throw ProtocolException.of(Reason.EMPTY_REFERENCE, base + s, part,
                    "blank object id (the Python peer closes the connection)");
        }
        return id;
    }

    private String escaped(DirectBuffer buf, int s, int e, long base, int part) {
        return Escaping.unescape(side, strict, buf, s, e, base, part);
    }

    private int count(DirectBuffer buf, int s, int e, long base, int part) {
        if (e - s < 1 || (strict && buf.getByte(s) != 'i')) {
            throw ProtocolException.of(Reason.BAD_NUMBER, base + s, part,
                    "expected an int part such as i2: " + ProtocolException.snippet(Utf8.decodeReplacing(buf, s, e)));
        }
        return integer(buf, s + 1, e, base, part);
    }

    private int integer(DirectBuffer buf, int s, int e, long base, int part) {
        IntegerText.parseJavaLong(buf, s, e, num);
        if (!num.ok || num.value < Integer.MIN_VALUE || num.value > Integer.MAX_VALUE) {
            throw ProtocolException.of(num.ok || num.overflow ? Reason.NUMBER_OUT_OF_RANGE : Reason.BAD_NUMBER, base + s, part,
                    "not an int (Integer.parseInt): " + ProtocolException.snippet(Utf8.decodeReplacing(buf, s, e)));
        }
        return (int) num.value;
    }
}
