package io.py4jcodec.api;

/**
 * Why a {@link ProtocolException} was raised. Stable codes: tools and conformance vectors refer to
 * them by name.
 */
public enum Reason {
    /** The input ended inside a frame. */
    TRUNCATED,
    /** A command's fixed layout ended with a line other than {@code e} (strict mode only). */
    MISSING_END,
    /** The first line of a frame is not a command name the reading side knows. */
    UNKNOWN_COMMAND,
    /** The sub-command line names no sub-command of that command. */
    UNKNOWN_SUBCOMMAND,
    /** A typed part starts with a character that is not a type prefix valid at that position. */
    UNKNOWN_TYPE,
    /** A typed part is empty or blank where a value is required. */
    EMPTY_PART,
    /** A string holds a backslash escape other than {@code \\}, {@code \n}, {@code \r} (strict mode only). */
    BAD_ESCAPE,
    /** A number does not fit the type its prefix names. */
    NUMBER_OUT_OF_RANGE,
    /** A number, boolean or decimal does not parse. */
    BAD_NUMBER,
    /** A boolean is neither {@code true} nor {@code false} in any case (strict mode only). */
    BAD_BOOLEAN,
    /** A {@code j} part is not valid padded Base64. */
    BAD_BASE64,
    /** The bytes are not valid UTF-8. */
    BAD_UTF8,
    /** A Python proxy part ({@code f...}) is malformed. */
    BAD_PROXY,
    /** A reference ({@code r...}) or id line is empty. */
    EMPTY_REFERENCE,
    /** An answer line is empty, or its status is not {@code y}, {@code x} or {@code z}. */
    BAD_ANSWER,
    /** A line is longer than {@link Limits#maxLineBytes()}. */
    LINE_TOO_LONG,
    /** A frame is longer than {@link Limits#maxFrameBytes()}. */
    FRAME_TOO_LONG,
    /** A command has more argument parts than {@link Limits#maxParts()}. */
    TOO_MANY_PARTS,
    /** A Python proxy names more interfaces than {@link Limits#maxInterfaces()}. */
    TOO_MANY_INTERFACES,
    /** Callbacks nest deeper than {@link Limits#maxNesting()} on one connection. */
    NESTING_TOO_DEEP,
    /** The value cannot be written as the chosen side writes it (e.g. a lone surrogate from Python). */
    UNENCODABLE,
    /** The side accepts the input but our model cannot represent it (e.g. a Python int beyond 64 bits). */
    UNREPRESENTABLE,
    /** The decoder was closed by an earlier error that left the stream out of sync. */
    DECODER_CLOSED
}
