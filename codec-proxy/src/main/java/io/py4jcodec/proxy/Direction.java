package io.py4jcodec.proxy;

import io.py4jcodec.api.Side;

/** Which way bytes travel through the proxy; named {@code <sender>-><receiver>} as in the transcript format. */
public enum Direction {
    PYTHON_TO_JAVA(Side.PYTHON, "python->java", "py→java"),
    JAVA_TO_PYTHON(Side.JAVA, "java->python", "java→py");

    private final Side sender;
    private final String wire;
    private final String arrow;

    Direction(Side sender, String wire, String arrow) {
        this.sender = sender;
        this.wire = wire;
        this.arrow = arrow;
    }

    /** The peer that writes these bytes. */
    public Side sender() {
        return sender;
    }

    /** The peer that reads them, and whose reader the proxy decodes them as. */
    public Side receiver() {
        return sender.peer();
    }

    /** {@code python->java} or {@code java->python}, as the transcript format writes it. */
    public String wireName() {
        return wire;
    }

    /** The short form of the text output: {@code py→java}. */
    public String arrow() {
        return arrow;
    }

    /** The direction a peer's bytes travel in. */
    public static Direction from(Side sender) {
        return sender == Side.PYTHON ? PYTHON_TO_JAVA : JAVA_TO_PYTHON;
    }
}
