package io.py4jcodec.cli;

import java.io.PrintWriter;

/** Which encodings this build has. */
final class Encodings {
    private Encodings() {
    }

    /** True for {@code text}; otherwise prints why not and returns false. */
    static boolean available(String encoding, PrintWriter err) {
        if (encoding.equals("text")) {
            return true;
        }
        if (encoding.equals("binary")) {
            err.println("error: --encoding binary is not available in this build: the protobuf codec (codec-binary) "
                    + "is not wired into py4j-codec yet; use --encoding text");
        } else {
            err.println("error: unknown --encoding " + encoding + " (text or binary)");
        }
        return false;
    }
}
