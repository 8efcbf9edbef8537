package io.py4jcodec.fuzz.net;

/** What the peer did with one case. Everything but {@link #OK} is a finding. */
public enum Outcome {
    /** One well-formed answer ({@code !y} or {@code !x}), and the connection stayed usable. */
    OK,
    /** A fatal answer ({@code !z...}). */
    FATAL,
    /** The peer closed the connection (FIN) without a fatal answer. */
    CLOSED,
    /** The connection was reset (RST). */
    RESET,
    /** No answer (or no next request) within the timeout: a hang. */
    TIMEOUT,
    /** More or fewer answers than requests, or an answer that cannot belong to the request. */
    DESYNC,
    /** An answer (or request) that the protocol's reader cannot parse. */
    UNPARSEABLE,
    /** The peer read a well-formed value we sent as a different value (checked when the client echoes it back). */
    MISREAD,
    /** The peer could not be reached (it may have died on the previous case). */
    UNREACHABLE,
    /** A client sent for an operation other commands or bytes than PROTOCOL.md says it sends (gateway role). */
    NONCONFORMING,
    /** A client delivered the same command more than once for one operation (gateway role). */
    DUPLICATE,
    /** A client opened or closed a connection that the operation did not call for (gateway role). */
    STRAY_CONNECTION,
    /** A client raised an exception that is not one of its documented error types (gateway role). */
    UNDOCUMENTED_EXCEPTION
}
