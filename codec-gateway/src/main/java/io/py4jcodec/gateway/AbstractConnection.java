package io.py4jcodec.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedNioStream;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.netty.DecodingFailure;
import java.net.InetSocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.TimeUnit;
import py4j.Protocol;

/**
 * What every connection handler of the gateway does, whatever the mode: it answers one request
 * with the {@link GatewayHandler} ({@link #process}), and applies the error policy and the auth
 * rule. Which thread runs a request is the mode's: {@link GatewayConnection} (GatewayServer mode)
 * runs it on the connection's own event loop, {@link PinnedConnection} (ClientServer mode) queues
 * frames for the thread pinned to the connection.
 *
 * <p>Error policy: a frame the codec rejected but could resynchronise after is answered
 * {@code !xs<reason, offset>} and the connection goes on; a handler exception is answered
 * {@code !xs<stack trace>}; only lost framing gets {@code !zs<reason>} and a close (FIN, so the
 * client can read why). Exactly one answer per request, none for {@code s} and {@code z}, none
 * unasked.
 */
abstract class AbstractConnection extends ChannelInboundHandlerAdapter implements RequestContext {
    private static final int STREAM_CHUNK = 64 * 1024;

    final Py4jGateway gateway;
    final GatewayHandler handler;
    final GatewayConfig config;
    private final Object writable = new Object();
    volatile Channel channel;
    volatile boolean authenticated;
    // worker-thread state
    private ReadableByteChannel pendingStream;

    AbstractConnection(Py4jGateway gateway, GatewayHandler handler, boolean requireAuth) {
        this.gateway = gateway;
        this.handler = handler;
        this.config = gateway.config();
        this.authenticated = !requireAuth;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        if (!authenticated && !config.authTimeout().isZero()) {
            ctx.executor().schedule(() -> {
                if (!authenticated) {
                    ctx.close();
                }
            }, config.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        synchronized (writable) {
            writable.notifyAll();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        synchronized (writable) {
            writable.notifyAll();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an I/O error (reset by the peer, an encoder failure): the connection is gone; nothing to answer
        ctx.close();
    }

    /**
     * Handles one incoming frame that is not an awaited answer; false when the connection is
     * finished. A request that arrived before the client closed still runs, as under py4j (the
     * Python client sends its shutdown command and closes at once); its answer then goes nowhere.
     */
    final boolean process(Object m) {
        awaitWritable();
        if (m instanceof DecodingFailure f) {
            // a malformed answer line is still an answer nobody awaits here: as lost as a well-formed one
            boolean lost = !f.resynchronized() || f.cause().reason() == Reason.BAD_ANSWER;
            if (!lost && authenticated) {
                channel.writeAndFlush(ReturnMessage.error(PeerErrors.message(f.cause())));
                return true;
            }
            String why = f.cause().getMessage();
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
                channel.writeAndFlush(ReturnMessage.successVoid());
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
                channel.writeAndFlush(ReturnMessage.successVoid());
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
            return stream(answer, payload);
        }
        channel.writeAndFlush(answer);
        return true;
    }

    /** The last answer on this connection, then a close with FIN once it is written. */
    final void fail(ReturnMessage last) {
        channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Writes the answer, then the payload's bytes unframed, a chunk at a time as the peer reads them
     * (Netty's {@link ChunkedWriteHandler}, added to the pipeline the first time a connection
     * streams: the thread writing may be the connection's event loop, which must not wait for the
     * peer, and the payload must not be buffered whole).
     */
    private boolean stream(ReturnMessage answer, ReadableByteChannel payload) {
        ChannelPipeline p = channel.pipeline();
        synchronized (p) {
            if (p.get(ChunkedWriteHandler.class) == null) {
                p.addFirst(new ChunkedWriteHandler());
            }
        }
        channel.write(answer);
        channel.writeAndFlush(new ChunkedNioStream(payload, STREAM_CHUNK)).addListener(f -> {
            if (!f.isSuccess()) {
                // the answer is out: a failing payload cannot be reported in band, so the connection ends
                channel.close();
            }
        });
        return true;
    }

    /** Back-pressure: answers wait while the peer is not reading them. */
    private void awaitWritable() {
        if (channel.eventLoop().inEventLoop()) {
            return; // GatewayServer mode: the connection's loop must not wait; GatewayConnection stops reading instead
        }
        synchronized (writable) {
            while (channel.isActive() && !channel.isWritable()) {
                try {
                    writable.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ---- RequestContext ----------------------------------------------------------------------

    @Override
    public Py4jGateway gateway() {
        return gateway;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void streamAfterAnswer(ReadableByteChannel payload) {
        pendingStream = payload;
    }
}
