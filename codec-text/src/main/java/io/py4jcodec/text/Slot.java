package io.py4jcodec.text;

/** What one line of a command frame is, for the side reading it. */
enum Slot {
    /** A raw line, used verbatim (ids, names). */
    RAW,
    /** A raw id line that the reader refuses when blank (Python's callback readers close the connection). */
    ID,
    /** A raw line that the reader unescapes (import names, auth tokens). */
    ESCAPED,
    /** One typed part. */
    PART,
    /** Java's {@code Protocol.getInteger}: skip the first character, {@code Integer.parseInt} the rest. */
    COUNT,
    /** {@code Integer.parseInt} of the whole line. */
    INT,
    /** Typed parts up to the {@code e} line (on Java, or up to a blank line). */
    ARGS,
    /** The {@code e} line; the real readers take whatever line is there. */
    END
}
