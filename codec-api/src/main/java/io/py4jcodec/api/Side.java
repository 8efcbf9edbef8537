package io.py4jcodec.api;

/**
 * The real Py4J peer a codec stands in for.
 *
 * <p>A codec for a side writes exactly the bytes that peer writes and reads input exactly as that
 * peer reads it. The two peers differ in small ways that matter for byte-exactness: Python writes
 * {@code bTrue} where Java writes {@code btrue}, {@code d1e+16} where Java writes {@code d1.0E16},
 * {@code D1E+2} where Java writes {@code D100}; Java drops the backslash of an unknown escape where
 * Python keeps it; Java reads {@code \r} as a line end where Python does not.
 *
 * <pre>{@code
 * TextCodec python = TextCodec.of(Side.PYTHON); // writes what py4j's Python client writes
 * TextCodec java = TextCodec.of(Side.JAVA);     // reads what the Java gateway reads
 * }</pre>
 */
public enum Side {
    /** The py4j Python package: the client of a GatewayServer, and the callback server. */
    PYTHON,
    /** The py4j jar: GatewayServer / ClientServer, and the callback client. */
    JAVA;

    /** The peer at the other end of the socket. */
    public Side peer() {
        return this == PYTHON ? JAVA : PYTHON;
    }
}
