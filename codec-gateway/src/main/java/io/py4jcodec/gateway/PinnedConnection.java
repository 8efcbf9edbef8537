package io.py4jcodec.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.netty.DecodingFailure;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import py4j.Py4JException;
import py4j.Py4JNetworkException;

/**
 * One connection in ClientServer mode (py4j's "pinned thread" model): requests and answers travel
 * both ways on it, and one Java thread is pinned to it.
 *
 * <ul>
 *   <li>Accepted from a Python thread (its {@code JavaClient} connection): a worker is pinned to the
 *       connection for its lifetime ({@link #serve()}), runs each request, and, when the Java code it
 *       runs calls a Python object, sends the callback on this same connection and takes the answer
 *       from the same queue ({@link #call}), running any request Python makes meanwhile (nested as
 *       deep as {@link io.py4jcodec.api.Limits#maxNesting()}).</li>
 *   <li>Opened by the gateway to Python's {@code PythonServer}, for a Java thread not started by
 *       Python ({@link PinnedPythonClient}): that thread is the pinned one, for the calls it makes.</li>
 * </ul>
 * The event loop only queues frames: it never waits for a pinned thread. It stops reading a
 * connection with {@link GatewayConfig#maxQueuedFrames()} frames waiting.
 */
final class PinnedConnection extends AbstractConnection {
    /** The connection pinned to the current thread, if it serves one. */
    static final ThreadLocal<PinnedConnection> CURRENT = new ThreadLocal<>();

    private static final Object CLOSED = new Object();

    private final Executor workers;
    private final boolean accepted;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    // pinned-thread state
    private int depth;
    private volatile boolean finished;

    /** {@code accepted}: a Python thread's connection (auth required when configured), else one the gateway opened. */
    PinnedConnection(Py4jGateway gateway, GatewayHandler handler, Executor workers, boolean accepted) {
        super(gateway, handler, accepted && gateway.config().authRequired());
        this.workers = workers;
        this.accepted = accepted;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        super.channelActive(ctx);
        if (accepted) {
            workers.execute(this::serve);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        inbox.add(CLOSED);
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        if (queued.incrementAndGet() >= config.maxQueuedFrames()) {
            ctx.channel().config().setAutoRead(false);
        }
        inbox.add(frame);
    }

    /** The pinned thread took one frame off the queue: reading resumes below the bound. */
    private void dequeued() {
        if (queued.decrementAndGet() < config.maxQueuedFrames() && !channel.config().isAutoRead() && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    boolean isOpen() {
        return !finished && channel != null && channel.isActive();
    }

    /** The pinned thread's loop for a connection a Python thread opened. */
    private void serve() {
        CURRENT.set(this);
        try {
            while (true) {
                Object m = take(0);
                if (m == CLOSED || !process(m)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
            CURRENT.remove();
            channel.close();
        }
    }

    private Object take(long timeoutMillis) throws InterruptedException {
        Object m = timeoutMillis > 0 ? inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS) : inbox.take();
        if (m == null) {
            return null;
        }
        if (m == CLOSED) {
            inbox.add(CLOSED); // every later take sees it too
            finished = true;
            return m;
        }
        dequeued();
        if (m instanceof ByteBuf b) {
            b.release();
            return take(timeoutMillis);
        }
        return m;
    }

    /**
     * Sends {@code command} to Python on this connection and returns its answer, running on this
     * thread every request Python sends before it (py4j's {@code ClientServerConnection.sendCommand}).
     * Only the pinned thread calls it.
     */
    ReturnMessage call(Command command) {
        int max = config.limits().maxNesting();
        if (depth + 1 > max) {
            throw new Py4JException(Reason.NESTING_TOO_DEEP + ": callbacks nested " + (depth + 1)
                    + " deep (expected: <= " + max + "); raise it with Limits.builder().maxNesting(...)");
        }
        depth++;
        try {
            channel.writeAndFlush(command);
            long timeout = config.callbackReadTimeout().toMillis();
            while (true) {
                Object m = take(timeout);
                if (m == null) {
                    channel.close();
                    throw sendFailed("no answer within " + config.callbackReadTimeout());
                }
                if (m == CLOSED) {
                    throw sendFailed("the connection closed before the answer");
                }
                if (m instanceof ReturnMessage r) {
                    return r;
                }
                if (m instanceof DecodingFailure f && !f.resynchronized()) {
                    process(m); // the fatal answer and the close
                    throw sendFailed("" + f.cause().getMessage());
                }
                if (!process(m)) {
                    throw sendFailed("the connection ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw sendFailed("interrupted while waiting for Python's answer");
        } finally {
            depth--;
        }
    }

    /** py4j's text for a callback that failed on the network, with what happened as the cause. */
    static Py4JException sendFailed(String what) {
        return new Py4JException("Error while sending a command.", new Py4JNetworkException(what));
    }

    void close() {
        finished = true;
        if (channel != null) {
            channel.close();
        }
    }
}
