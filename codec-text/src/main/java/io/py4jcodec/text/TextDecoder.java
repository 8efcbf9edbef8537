package io.py4jcodec.text;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import org.agrona.DirectBuffer;

/**
 * Incremental decoder of the Py4J text protocol, reading as one peer reads. See
 * {@link MessageDecoder} for the contract and {@link TextCodec} for lenient vs strict.
 *
 * <h2>Lines</h2>
 * Lines end as the reader's peer ends them ({@link LineScanner}). Bytes are never turned into a
 * String per line: each line is parsed in place as soon as its terminator arrives, so partial
 * input costs no rescans. Which line is which is the business of the frame's state machine
 * ({@link FrameReader}).
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
    private final Side side;
    private final boolean javaReader;
    private final boolean strict;
    private final Limits limits;
    private final LineScanner scanner;
    private final FrameReader frame;
    private final LineView line = new LineView();

    // stream state
    private long position;
    private ProtocolException closedBy;
    private Message message;

    // where the frame's lines are; offsets are relative to the frame start
    private int scanned;
    private int lineStart;
    private int lineIndex;

    TextDecoder(TextCodec codec) {
        this.side = codec.side();
        this.javaReader = side == Side.JAVA;
        this.strict = codec.strict();
        this.limits = codec.limits();
        this.scanner = new LineScanner(side);
        this.frame = new FrameReader(codec);
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
        if (frame.awaitedAnswers() + 1 > limits.maxNesting()) {
            throw ProtocolException.limit(Reason.NESTING_TOO_DEEP, position, -1, "answers awaited",
                    frame.awaitedAnswers() + 1L, limits.maxNesting(), "maxNesting");
        }
        frame.expectAnswer();
    }

    /** Answers still awaited (see {@link #expectAnswer()}). */
    public int awaitedAnswers() {
        return frame.awaitedAnswers();
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
        scanner.reset();
        frame.reset();
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
                if (scanner.crPending()) {
                    if (p == end) {
                        break;
                    }
                    int q = scanner.skipLfAfterCr(buf, p, end);
                    if (q != p) {
                        p = q;
                        lineStart = p - offset;
                    }
                }
                int term = scanner.find(buf, p, end);
                checkLineLength((term < 0 ? end : term) - (offset + lineStart), base + offset);
                if (term < 0) {
                    p = end;
                    break;
                }
                p = term + 1;
                if (p - offset > limits.maxFrameBytes()) {
                    throw frameTooLong(p - offset);
                }
                scanner.ended(buf.getByte(term));
                if (lineIndex > limits.maxParts()) {
                    throw close(ProtocolException.limit(Reason.TOO_MANY_PARTS, base + offset + lineStart, lineIndex,
                            "lines after the command name", lineIndex, limits.maxParts(), "maxParts"));
                }
                frame.line(line.set(buf, offset + lineStart, term, base, lineIndex));
                lineIndex++;
                lineStart = p - offset;
                if (frame.state() == FrameReader.State.DONE) {
                    // the LF of a CRLF belongs to the line it ends, not to the next frame
                    return finishFrame(scanner.skipLfAfterCr(buf, p, end) - offset);
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

    /** The line being read is {@code lineLen} bytes long so far; {@code frameBase} is the stream offset of the frame. */
    private void checkLineLength(int lineLen, long frameBase) {
        if (lineLen > limits.maxLineBytes()) {
            // the limit the stream crosses first is the error, however the bytes were split: a
            // line starting near the frame's end crosses maxFrameBytes before maxLineBytes
            if (lineStart + limits.maxLineBytes() > limits.maxFrameBytes()) {
                throw frameTooLong(lineStart + lineLen);
            }
            throw close(ProtocolException.limit(Reason.LINE_TOO_LONG, frameBase + lineStart, lineIndex,
                    "line length", lineLen, limits.maxLineBytes(), "maxLineBytes"));
        }
    }

    private int endOfStream(DirectBuffer buf, int offset, int end, long base) {
        boolean started = lineIndex > 0 || end > offset + lineStart;
        if (!started) {
            return NEED_MORE;
        }
        if (javaReader && !strict) {
            // BufferedReader returns an unterminated fragment as a last line
            if (end > offset + lineStart) {
                frame.line(line.set(buf, offset + lineStart, end, base, lineIndex));
                lineIndex++;
                lineStart = end - offset;
                if (frame.state() == FrameReader.State.DONE || frame.endArgumentsAtEndOfStream()) {
                    return finishFrame(end - offset);
                }
            } else if (frame.endArgumentsAtEndOfStream()) {
                return finishFrame(end - offset);
            }
        }
        throw close(ProtocolException.of(Reason.TRUNCATED, base + end, lineIndex,
                "input ended inside a frame" + frame.expected(lineIndex)));
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
        ProtocolException err = frame.error();
        if (err == null) {
            message = frame.message();
        }
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
        frame.clear();
    }

}
