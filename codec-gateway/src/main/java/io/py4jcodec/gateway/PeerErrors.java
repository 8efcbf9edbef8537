package io.py4jcodec.gateway;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import py4j.Protocol;

/**
 * The text of the error answer for a request the codec rejected: where py4j's Java side fails on
 * the same part with an exception the Python client shows (py4j makes it fatal; we answer it and
 * keep the connection), the same exception's text, so Python code matching on it still does;
 * otherwise the codec's own message (reason, byte offset, part).
 */
final class PeerErrors {
    private PeerErrors() {
    }

    static String message(ProtocolException e) {
        String m = e.getMessage();
        if (e.reason() == Reason.NUMBER_OUT_OF_RANGE) {
            // py4j parses i/L parts with Integer.parseInt / Long.parseLong
            String quoted = m.substring(m.lastIndexOf(": ") + 2);
            if (quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"") && quoted.indexOf('\\') < 0) {
                return Protocol.getThrowableAsString(new NumberFormatException("For input string: " + quoted));
            }
        }
        return m;
    }
}
