package io.py4jcodec.spec.conform;

import java.util.Locale;

/** How the connection is used (PROTOCOL.md, "GatewayServer and ClientServer"): decides how a reader tells an answer from a command. */
public enum Mode {
    /** py4j GatewayServer: each socket carries requests one way and answers the other. */
    GATEWAY,
    /** py4j ClientServer: callbacks share the socket; only a line starting with {@code !} is an answer. */
    CLIENT_SERVER;

    /** The vector-file spelling: {@code gateway} or {@code clientserver}. */
    public String json() {
        return this == GATEWAY ? "gateway" : "clientserver";
    }

    /** Parses the vector-file spelling; {@code null} means {@link #GATEWAY}. */
    public static Mode of(String s) {
        if (s == null || s.isEmpty() || s.equals("gateway")) {
            return GATEWAY;
        }
        if (s.equals("clientserver")) {
            return CLIENT_SERVER;
        }
        throw new IllegalArgumentException("mode is gateway or clientserver, got " + s.toLowerCase(Locale.ROOT));
    }
}
