package io.py4jcodec.text;

/**
 * How the connection is used, which decides how a reader tells an answer from a command.
 *
 * <ul>
 *   <li>{@link #GATEWAY}: py4j's {@code GatewayServer}. Each socket carries requests one way and
 *       answers the other; a reader that awaits an answer takes the next line as the answer, with or
 *       without its {@code !} (the 0.9 form).</li>
 *   <li>{@link #CLIENT_SERVER}: py4j's {@code ClientServer} ("pinned thread"). Callbacks travel on the
 *       socket of the call that caused them, so a line is an answer only if it starts with
 *       {@code !}; any other line starts a command.</li>
 * </ul>
 */
public enum ConnectionMode {
    GATEWAY,
    CLIENT_SERVER
}
