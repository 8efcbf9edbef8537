package io.py4jcodec.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.netty.DecodingFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import py4j.Protocol;

/**
 * One connection in GatewayServer mode: auth first, then one request at a time, each answered by
 * the {@link GatewayHandler} on a worker thread, answers in request order.
 *
 * <p>Threads: the event loop only queues decoded frames (and stops reading the socket while
 * {@link GatewayConfig#maxQueuedFrames()} wait); a worker drains the queue, so a call into user
 * code, or one waiting for a Python callback, never blocks the event loop. At most one worker
 * runs per connection at a time. (ClientServer mode keeps this layering: its connection handler
 * pins one worker to the connection and lets it also take the answers to its own callbacks from
 * the same queue.)
 *
 * <p>Error policy: a frame the codec rejected but could resynchronise after is answered
 * {@code !xs<reason, offset>} and the connection goes on; a handler exception is answered
 * {@code !xs<stack trace>}; only lost framing gets {@code !zs<reason>} and a close (FIN, so the
 * client can read why). Exactly one answer per request, none for {@code s} and {@code z}, none
 * unasked.
 */
final class GatewayConnection extends ChannelInboundHandlerAdapter implements RequestContext {
    private static final int STREAM_CHUNK = 64 * 1024;

    private final Py4jGateway gateway;
    private final GatewayHandler handler;
    private final Executor workers;
    private final GatewayConfig config;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Object writable = new Object();
    private volatile Channel channel;
    private volatile boolean authenticated;
    // worker-thread state (one worker at a time; the AtomicBoolean hand-off orders it)
    private ReadableByteChannel pendingStream;
    private boolean done;

    GatewayConnection(Py4jGateway gateway, GatewayHandler handler, Executor workers) {
        this.gateway = gateway;
        this.handler = handler;
        this.workers = workers;
        this.config = gateway.config();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        authenticated = !config.authRequired();
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
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inbox.add(msg);
        if (queued.incrementAndGet() >= config.maxQueuedFrames()) {
            ctx.channel().config().setAutoRead(false);
        }
        if (draining.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
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

    private void drain() {
        while (true) {
            Object m;
            while ((m = inbox.poll()) != null) {
                if (queued.decrementAndGet() < config.maxQueuedFrames() && !channel.config().isAutoRead() && !done) {
                    channel.config().setAutoRead(true);
                }
                if (!done) {
                    done = !process(m);
                }
                if (m instanceof ByteBuf b) {
                    b.release();
                }
            }
            draining.set(false);
            if (inbox.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Handles one frame; false when the connection is finished. */
    private boolean process(Object m) {
        // a request that arrived before the client closed still runs, as under py4j (the Python
        // client sends its shutdown command and closes at once); its answer then goes nowhere
        awaitWritable();
        if (m instanceof DecodingFailure f) {
            if (f.resynchronized() && authenticated) {
                channel.writeAndFlush(ReturnMessage.error(PeerErrors.message(f.cause())));
                return true;
            }
            String why = f.resynchronized() ? f.cause().getMessage() : f.cause().getMessage();
            ReturnMessage last = f.resynchronized() ? ReturnMessage.error(why) : ReturnMessage.fatal(why);
            channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
            return false;
        }
        if (!(m instanceof Command c)) {
            // an answer line sent to a server, or raw bytes: one error answer for the one frame
            channel.writeAndFlush(ReturnMessage.error("py4j-codec gateway: expected a command, received " + m));
            return true;
        }
        if (!authenticated) {
            if (c instanceof AuthCommand a && gateway.tokenMatches(a.token())) {
                authenticated = true;
                channel.writeAndFlush(ReturnMessage.successVoid());
                return true;
            }
            channel.writeAndFlush(ReturnMessage.error(c instanceof AuthCommand
                            ? "Authentication error: bad auth token received."
                            : "Authentication error: unexpected command."))
                    .addListener(ChannelFutureListener.CLOSE);
            return false;
        }
        if (c instanceof AuthCommand a && config.authRequired()) {
            // authenticated already: the same token again is harmless, another one ends the connection
            if (gateway.tokenMatches(a.token())) {
                channel.writeAndFlush(ReturnMessage.successVoid());
                return true;
            }
            channel.writeAndFlush(ReturnMessage.error("Authentication error: bad auth token received."))
                    .addListener(ChannelFutureListener.CLOSE);
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

    /** Writes the answer, then the payload's bytes unframed, waiting for each chunk (on this worker). */
    private boolean stream(ReturnMessage answer, ReadableByteChannel payload) {
        try (payload) {
            channel.writeAndFlush(answer);
            ByteBuffer buf = ByteBuffer.allocate(STREAM_CHUNK);
            while (payload.read(buf) >= 0) {
                buf.flip();
                if (buf.hasRemaining()) {
                    channel.writeAndFlush(channel.alloc().buffer(buf.remaining()).writeBytes(buf)).sync();
                }
                buf.clear();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // the answer is out: a failing payload cannot be reported in band, so the connection ends
            channel.close();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            return false;
        }
    }

    /** Back-pressure: answers wait while the client is not reading them. */
    private void awaitWritable() {
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
