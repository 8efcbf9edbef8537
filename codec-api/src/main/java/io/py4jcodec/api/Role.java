package io.py4jcodec.api;

/**
 * The four ends of a Py4J connection. A role fixes the {@link Side} whose bytes an end writes and
 * reads, and which way requests travel, so a server cannot be built reading as the wrong peer
 * (a Python-side reader would decode a gateway's incoming {@code c\nt\nadd...} as a callback).
 *
 * <pre>
 *  role              side    accepts connections  reads             writes
 *  GATEWAY_SERVER    JAVA    yes                  Python commands   answers
 *  PYTHON_CLIENT     PYTHON  no                   answers           Python commands
 *  CALLBACK_CLIENT   JAVA    no                   answers           callbacks (c, g) and auth
 *  CALLBACK_SERVER   PYTHON  yes                  callbacks         answers
 * </pre>
 *
 * In ClientServer mode one connection carries both directions: the Java server end also reads
 * answers to its callbacks and the Python client end also reads callbacks.
 *
 * <pre>{@code
 * Codec server = TextCodec.of(Role.GATEWAY_SERVER);   // reads what py4j's Python client writes
 * }</pre>
 */
public enum Role {
    /** The Java gateway (py4j's {@code GatewayServer} / {@code ClientServer} Java side). */
    GATEWAY_SERVER(Side.JAVA, true),
    /** The Python client of a gateway ({@code JavaGateway}'s {@code GatewayClient}). */
    PYTHON_CLIENT(Side.PYTHON, false),
    /** The Java end that calls Python objects (py4j's {@code CallbackClient} / {@code PythonClient}). */
    CALLBACK_CLIENT(Side.JAVA, false),
    /** The Python callback server, which runs Python objects' methods for Java. */
    CALLBACK_SERVER(Side.PYTHON, true);

    private final Side side;
    private final boolean server;

    Role(Side side, boolean server) {
        this.side = side;
        this.server = server;
    }

    /** The peer whose bytes this end writes and reads as. */
    public Side side() {
        return side;
    }

    /** True for the ends that accept connections and read requests. */
    public boolean readsRequests() {
        return server;
    }
}
