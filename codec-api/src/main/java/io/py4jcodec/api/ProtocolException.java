package io.py4jcodec.api;

/**
 * The one exception every codec throws for bad input or an unencodable model.
 *
 * <p>It carries a {@link Reason}, the byte offset in the stream where the problem was found
 * ({@code -1} when encoding), the index of the line (part) within the frame when known, and, where
 * a {@link Limits} bound was exceeded, the name of the setting that raises it. The message is built
 * from those fields and a capped snippet of the offending input, for example:
 *
 * <pre>
 * LINE_TOO_LONG at byte 17 (part 3): line length 70000 (expected: &lt;= 65536); raise it with Limits.builder().maxLineBytes(...)
 * </pre>
 *
 * <p>It is unchecked on purpose: codecs are used inside pipelines and lambdas, and a decoder that
 * fails has a well-defined state (see {@link #resynchronized()}), so callers choose where to catch.
 *
 * <p>An error in the input carries no stack trace: its reason, offset and part say everything the
 * decoder's call stack could, and a decoder that resynchronises throws one per bad frame, so a
 * stream of junk paid about 3 KB of captured stack per frame (codec-fuzz FINDINGS 9 and 19). A
 * wrapped lower-level cause keeps its own trace, and an unencodable model (a caller's mistake) keeps
 * the trace that points at the caller.
 *
 * <p>For the same reason one error is one object: a decoder that resynchronises marks the exception
 * it built with {@link #resynced(int)} instead of copying it, and the message is built only when
 * someone reads it (a fuzzer or a proxy that skips bad frames never does).
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SNIPPET = 64;

    private final Reason reason;
    private final long offset;
    private final int part;
    private final String detail;
    private final String limitSetting;
    // set once, by the decoder that built this error, before it is thrown (see resynced)
    private boolean resynchronized;
    private int skipBytes;
    private String message;

    private ProtocolException(Reason reason, long offset, int part, String detail, String limitSetting,
                              Throwable cause) {
        super(null, cause, false, reason == Reason.UNENCODABLE);
        this.reason = reason;
        this.offset = offset;
        this.part = part;
        this.detail = detail;
        this.limitSetting = limitSetting;
    }

    /** An error in the input at {@code offset}; {@code part} is the line index in the frame or -1. */
    public static ProtocolException of(Reason reason, long offset, int part, String detail) {
        return new ProtocolException(reason, offset, part, detail, null, null);
    }

    /** A bound of {@link Limits} was exceeded: names the setting and the numbers. */
    public static ProtocolException limit(Reason reason, long offset, int part, String what, long actual,
                                          long max, String setting) {
        String detail = what + ": " + actual + " (expected: <= " + max + ")";
        return new ProtocolException(reason, offset, part, detail, setting, null);
    }

    /** A model object that the chosen side cannot write. */
    public static ProtocolException unencodable(String detail) {
        return new ProtocolException(Reason.UNENCODABLE, -1, -1, detail, null, null);
    }

    /**
     * Marks this error, before its decoder throws it, as having left the decoder in sync at the start
     * of the next frame, the bad frame being {@code skipBytes} long from the offset given to the
     * failing call. It marks this object rather than copying it, so that one bad frame costs one
     * exception; a decoder calls it once, on an exception it has not yet let anyone see:
     *
     * <pre>{@code
     * throw pendingError.resynced(frameLength);
     * }</pre>
     *
     * @return this exception
     * @throws IllegalStateException if it was already marked
     */
    public ProtocolException resynced(int skipBytes) {
        if (resynchronized) {
            throw new IllegalStateException("already resynchronised: " + getMessage());
        }
        this.resynchronized = true;
        this.skipBytes = skipBytes;
        return this;
    }

    /** Wraps a lower-level failure (kept as the cause). */
    public static ProtocolException wrap(Reason reason, long offset, int part, String detail, Throwable cause) {
        return new ProtocolException(reason, offset, part, detail, null, cause);
    }

    /**
     * {@code REASON at byte OFFSET (part N): detail}, and the {@link Limits} setting to raise where a
     * limit was hit; built on first use (a race builds the same string twice, harmlessly).
     */
    @Override
    public String getMessage() {
        String m = message;
        if (m == null) {
            m = buildMessage(reason, offset, part, detail, limitSetting);
            message = m;
        }
        return m;
    }

    /** Why the input was rejected. */
    public Reason reason() {
        return reason;
    }

    /** Byte offset from the start of the stream (or of the buffer given to a one-shot decode); -1 when encoding. */
    public long offset() {
        return offset;
    }

    /** Zero-based index of the line within its frame where the error is, or -1. */
    public int part() {
        return part;
    }

    /** The {@link Limits} setting that would accept this input, or {@code null} if no limit was hit. */
    public String limitSetting() {
        return limitSetting;
    }

    /**
     * True when the decoder skipped the whole bad frame and is ready to decode the next one; false
     * when the stream cannot be re-synchronised and the decoder is now closed.
     */
    public boolean resynchronized() {
        return resynchronized;
    }

    /**
     * When {@link #resynchronized()}: how many bytes, counted from the offset given to the failing
     * decode call, the bad frame took. Drop them and decode on. 0 otherwise.
     */
    public int skipBytes() {
        return skipBytes;
    }

    /** Caps echoed input at 64 characters and makes control characters visible. */
    public static String snippet(CharSequence s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SNIPPET) + 8).append('"');
        int n = Math.min(s.length(), MAX_SNIPPET);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
        if (s.length() > MAX_SNIPPET) {
            b.append("... (").append(s.length()).append(" chars)");
        }
        return b.toString();
    }

    private static String buildMessage(Reason reason, long offset, int part, String detail, String setting) {
        StringBuilder b = new StringBuilder(reason.name());
        if (offset >= 0) {
            b.append(" at byte ").append(offset);
        }
        if (part >= 0) {
            b.append(" (part ").append(part).append(')');
        }
        b.append(": ").append(detail);
        if (setting != null) {
            b.append("; raise it with Limits.builder().").append(setting).append("(...)");
        }
        return b.toString();
    }
}
