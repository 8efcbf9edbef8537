package io.py4jcodec.text;

/**
 * One line of a command's {@link Layout}: what kind of line it is ({@link Slot}) and what it holds,
 * in words, for encoding errors. Its value is the layout's field at the line's index.
 *
 * <pre>{@code
 * Line.raw("target id")     // a raw line: an id, used verbatim
 * Line.args("arguments")    // typed parts up to the e line
 * }</pre>
 */
record Line(Slot slot, String what) {
    private static final Line END = new Line(Slot.END, "end line");

    /** A raw line (an id, a name), used verbatim. */
    static Line raw(String what) {
        return new Line(Slot.RAW, what);
    }

    /** A raw id line that the reader refuses when blank. */
    static Line id(String what) {
        return new Line(Slot.ID, what);
    }

    /** A raw line that the reader unescapes. */
    static Line escaped(String what) {
        return new Line(Slot.ESCAPED, what);
    }

    /** One typed part. */
    static Line part(String what) {
        return new Line(Slot.PART, what);
    }

    /** Typed parts up to the {@code e} line. */
    static Line args(String what) {
        return new Line(Slot.ARGS, what);
    }

    /** An int written as an int part ({@code i3}), read as Java's {@code Protocol.getInteger}. */
    static Line count(String what) {
        return new Line(Slot.COUNT, what);
    }

    /** An int written and read as bare decimal digits. */
    static Line integer(String what) {
        return new Line(Slot.INT, what);
    }

    /** The {@code e} line that closes the command. */
    static Line end() {
        return END;
    }
}
