package io.py4jcodec.proxy;

import io.py4jcodec.api.Side;

/**
 * One listening side of the proxy: {@link #JAVA_SERVER} takes the Python client's connections to the
 * JVM; {@link #PYTHON_SERVER} takes the JVM's callback connections to Python's callback server
 * (GatewayServer mode, or Java-started calls in ClientServer mode). The names are the transcript
 * format's route names.
 */
public enum Route {
    JAVA_SERVER("java-server", Side.PYTHON),
    PYTHON_SERVER("python-server", Side.JAVA);

    private final String wireName;
    private final Side initiator;

    Route(String wireName, Side initiator) {
        this.wireName = wireName;
        this.initiator = initiator;
    }

    /** {@code java-server} or {@code python-server}. */
    public String wireName() {
        return wireName;
    }

    /** The peer that opens connections on this route. */
    public Side initiator() {
        return initiator;
    }

    /** The peer that accepts them. */
    public Side acceptor() {
        return initiator.peer();
    }
}
