package io.py4jcodec.bench;

import io.py4jcodec.api.Side;

/** Who writes a workload and who reads it: the two directions of real Py4J traffic. */
public enum Direction {
    /** Commands: the Python client writes them, the Java gateway reads them. */
    COMMANDS(Side.PYTHON, Side.JAVA),
    /** Answers: the Java gateway writes them, the Python client reads them. */
    ANSWERS(Side.JAVA, Side.PYTHON);

    private final Side writer;
    private final Side reader;

    Direction(Side writer, Side reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** The peer that writes these messages on a real connection. */
    public Side writer() {
        return writer;
    }

    /** The peer that reads them. */
    public Side reader() {
        return reader;
    }
}
