package io.py4jcodec.gateway;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.ReturnMessage;
import java.nio.channels.ReadableByteChannel;
import py4j.Protocol;

/**
 * What every connection of the gateway does, whatever the mode and the transport: it answers one
 * request with the {@link GatewayHandler} ({@link #process}), and applies the error policy and the
 * auth rule. How bytes move is the mode's: {@link GatewayConnection} (GatewayServer mode) runs on the
 * connection's own Netty event loop, {@link PinnedConnection} (ClientServer mode) is a thread that
 * owns a blocking socket.
 *
 * <p>Error policy: a frame the codec rejected but could resynchronise after is answered
 * {@code !xs<reason, offset>} and the connection goes on; a handler exception is answered
 * {@code !xs<stack trace>}; only lost framing gets {@code !zs<reason>} and a close (FIN, so the
 * client can read why). Exactly one answer per request, none for {@code s} and {@code z}, none
 * unasked.
 */
abstract class AbstractConnection implements RequestContext {
    final Py4jGateway gateway;
    final GatewayHandler handler;
    final GatewayConfig config;
    volatile boolean authenticated;
    // request-thread state
    private ReadableByteChannel pendingStream;

    AbstractConnection(Py4jGateway gateway, GatewayHandler handler, boolean requireAuth) {
        this.gateway = gateway;
        this.handler = handler;
        this.config = gateway.config();
        this.authenticated = !requireAuth;
    }

    /** Writes one answer and flushes it. */
    abstract void send(ReturnMessage answer);

    /** The last answer on this connection, then a close with FIN once it is written. */
    abstract void fail(ReturnMessage last);

    /**
     * Writes the answer, then the payload's bytes unframed, without buffering the payload whole; a
     * payload that fails after the answer is out cannot be reported in band, so the connection ends.
     */
    abstract void stream(ReturnMessage answer, ReadableByteChannel payload);

    /**
     * Handles one incoming frame that is not an awaited answer (a message, or the
     * {@link ProtocolException} a frame was rejected with); false when the connection is
     * finished. A request that arrived before the client closed still runs, as under py4j (the
     * Python client sends its shutdown command and closes at once); its answer then goes nowhere.
     */
    final boolean process(Object m) {
        if (m instanceof ProtocolException f) {
            // a malformed answer line is still an answer nobody awaits here: as lost as a well-formed one
            boolean lost = !f.resynchronized() || f.reason() == Reason.BAD_ANSWER;
            if (!lost && authenticated) {
                send(ReturnMessage.error(PeerErrors.message(f)));
                return true;
            }
            String why = f.getMessage();
            fail(lost ? ReturnMessage.fatal(why) : ReturnMessage.error(why));
            return false;
        }
        if (!(m instanceof Command c)) {
            // an answer nobody awaits: the peer has lost track of which answer belongs to which
            // request; py4j reads it as an unknown command (fatal) too
            fail(ReturnMessage.fatal("py4j-codec gateway: expected a command, received the answer " + m
                    + " when no answer was awaited"));
            return false;
        }
        if (!authenticated) {
            if (c instanceof AuthCommand a && gateway.tokenMatches(a.token())) {
                authenticated = true;
                send(ReturnMessage.successVoid());
                return true;
            }
            fail(ReturnMessage.error(c instanceof AuthCommand
                    ? "Authentication error: bad auth token received."
                    : "Authentication error: unexpected command."));
            return false;
        }
        if (c instanceof AuthCommand a && config.authRequired()) {
            // authenticated already: the same token again is harmless, another one ends the connection
            if (gateway.tokenMatches(a.token())) {
                send(ReturnMessage.successVoid());
                return true;
            }
            fail(ReturnMessage.error("Authentication error: bad auth token received."));
            return false;
        }
        ReturnMessage answer;
        try {
            answer = handler.handle(c, this);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            answer = ReturnMessage.error(Protocol.getThrowableAsString(e));
        }
        CommandKind kind = c.kind();
        if (kind == CommandKind.SHUTDOWN || kind == CommandKind.CANCEL) {
            return true;
        }
        if (answer == null) {
            answer = ReturnMessage.error("py4j-codec gateway: the handler gave no answer to " + kind);
        }
        if (pendingStream != null) {
            ReadableByteChannel payload = pendingStream;
            pendingStream = null;
            stream(answer, payload);
            return true;
        }
        send(answer);
        return true;
    }

    @Override
    public Py4jGateway gateway() {
        return gateway;
    }

    @Override
    public void streamAfterAnswer(ReadableByteChannel payload) {
        pendingStream = payload;
    }
}
