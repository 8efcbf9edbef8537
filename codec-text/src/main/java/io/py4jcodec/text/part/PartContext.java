package io.py4jcodec.text.part;

/** Where a typed part stands: the readers accept different prefixes in each place. */
public enum PartContext {
    /** An argument of a command (or a typed id such as a JVM view). */
    ARGUMENT,
    /** The payload of an answer, after {@code !y}, {@code !x} or {@code !z}. */
    ANSWER
}
