package io.py4jcodec.gateway;

import io.netty.buffer.ByteBuf;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection in GatewayServer mode: auth first, then one request at a time, each answered on a
 * worker thread, answers in request order. The event loop only queues decoded frames; a worker from
 * the pool drains the queue and returns to the pool when it is empty, so an idle connection holds
 * no thread, and a call into user code, or one waiting for a Python callback (which travels on the
 * callback client's own connections in this mode), never blocks the event loop. At most one worker
 * runs per connection at a time.
 */
final class GatewayConnection extends AbstractConnection {
    private final Executor workers;
    private final boolean inline;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    // worker-thread state (one worker at a time; the AtomicBoolean hand-off orders it)
    private boolean done;

    /** {@code inline}: the connection has a thread of its own (blocking transport), which runs its requests. */
    GatewayConnection(Py4jGateway gateway, GatewayHandler handler, Executor workers, boolean inline) {
        super(gateway, handler, gateway.config().authRequired());
        this.workers = workers;
        this.inline = inline;
    }

    @Override
    void enqueue(Object frame) {
        if (inline) {
            dequeued();
            if (!done) {
                done = !process(frame);
            }
            if (frame instanceof ByteBuf b) {
                b.release();
            }
            return;
        }
        inbox.add(frame);
        if (draining.compareAndSet(false, true)) {
            workers.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object m;
            while ((m = inbox.poll()) != null) {
                dequeued();
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
}
