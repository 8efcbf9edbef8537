package io.py4jcodec.api.model;

/**
 * An answer: one line {@code !<status>[<payload>]}. Status {@code y} is {@link SuccessReturn},
 * {@code x} {@link ErrorReturn}, {@code z} {@link FatalReturn} (Java only, before it closes the
 * connection).
 *
 * <pre>
 * !yi3        success with a value          !y     success with no value (Python's GC answer)
 * !yv         success, void                 !x     error with no payload
 * !xsMessage  error with a message          !xro4  error: a Java exception object
 * !zs&lt;trace&gt;  fatal error
 * </pre>
 */
public sealed interface ReturnMessage extends Message permits SuccessReturn, ErrorReturn, FatalReturn {

    /** The status letter: {@code y}, {@code x} or {@code z}. */
    char status();

    /** The payload after the status letter, or {@code null} when the line is just {@code !y}/{@code !x}/{@code !z}. */
    Value value();

    /**
     * Whether {@code m} is an answer, by three exact class tests. Use it on hot paths instead of
     * {@code m instanceof ReturnMessage}: on JDK 17 a failed test against an interface scans the
     * class's secondary supers every time (only a success is cached), which cost codec-text's
     * encoder 22% of its time on a stream of commands (docs/results/text-targets-2026-12-05).
     *
     * <pre>{@code
     * if (ReturnMessage.is(m)) { ReturnMessage r = (ReturnMessage) m; ... }
     * }</pre>
     */
    static boolean is(Message m) {
        return m instanceof SuccessReturn || m instanceof ErrorReturn || m instanceof FatalReturn;
    }

    /** {@code !y<value>}. */
    static SuccessReturn success(Value value) {
        return new SuccessReturn(java.util.Objects.requireNonNull(value, "value"));
    }

    /**
     * {@code !yv}: success of something that returns nothing (a void method, {@code m d}, auth).
     * Not to be confused with {@link #successWithoutValue()}.
     */
    static SuccessReturn successVoid() {
        return SuccessReturn.VOID;
    }

    /**
     * {@code !y}, with no type letter at all: only Python writes it, as its answer to a proxy GC
     * command ({@code g}). A Java answer to a void call is {@link #successVoid()} ({@code !yv}).
     */
    static SuccessReturn successWithoutValue() {
        return SuccessReturn.BARE;
    }

    /** {@code !x<value>}. */
    static ErrorReturn error(Value value) {
        return new ErrorReturn(java.util.Objects.requireNonNull(value, "value"));
    }

    /** {@code !xs<message>}. */
    static ErrorReturn error(String message) {
        return new ErrorReturn(new StringValue(message));
    }

    /** {@code !x}: error with no payload. */
    static ErrorReturn bareError() {
        return ErrorReturn.BARE;
    }

    /** {@code !zs<trace>}. */
    static FatalReturn fatal(String trace) {
        return new FatalReturn(new StringValue(trace));
    }
}
