package io.py4jcodec.fuzz.net;

import java.io.IOException;

/**
 * A driver (the client the gateway role fuzzes, or the callback server the callback-client role
 * fuzzes) did not say it was ready: a setup problem for the user to fix (py4j not importable, a wrong
 * command), which the command line reports as one line rather than a stack trace.
 */
public final class DriverNotStartedException extends IOException {
    private static final long serialVersionUID = 1L;

    DriverNotStartedException(String message) {
        super(message);
    }
}
