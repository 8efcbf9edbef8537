package io.py4jcodec.cli;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.PrintWriter;

/** The encodings this build has: {@code text} (the Py4J protocol) and {@code binary} (our protobuf one). */
final class Encodings {
    private Encodings() {
    }

    /** True for {@code text} and {@code binary}; otherwise prints why not and returns false. */
    static boolean available(String encoding, PrintWriter err) {
        if (encoding.equals("text") || encoding.equals("binary")) {
            return true;
        }
        err.println("error: unknown --encoding " + encoding + " (text or binary)");
        return false;
    }

    /** The codec standing in for {@code side} (text: with the given mode and strictness). */
    static Codec codec(String encoding, Side side, ConnectionMode mode, boolean strict) {
        if (encoding.equals("binary")) {
            return BinaryCodec.of(side);
        }
        return TextCodec.builder(side).mode(mode).strict(strict).build();
    }
}
