package io.py4jcodec.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child group for a {@code ServerBootstrap} that gives every registered channel an event loop of
 * its own (one thread, {@link NettyTransport}'s), shut down when the channel closes. A connection's
 * requests can then run on its event loop: a call into user code that blocks stalls that connection
 * alone (py4j's thread-per-connection model), and a request is read, run and answered on one thread,
 * with no hand-off between threads (the hand-offs cost more CPU per call than the rest of the
 * request: docs/results/gateway-bench-*.md).
 *
 * <p>It only registers channels: {@link #next()} has no loop to hand out before a channel exists
 * and throws, and so do the task-submitting methods built on it.
 */
final class LoopPerConnectionGroup extends AbstractEventExecutorGroup implements EventLoopGroup {
    private final ThreadFactory threads;
    private final Set<EventLoopGroup> live = ConcurrentHashMap.newKeySet();
    private final Promise<Void> terminated = new DefaultPromise<>(GlobalEventExecutor.INSTANCE);
    private volatile boolean shuttingDown;

    LoopPerConnectionGroup(ThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return register(channel.newPromise());
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        EventLoopGroup own = NettyTransport.group(1, threads);
        live.add(own);
        promise.addListener(f -> {
            if (!f.isSuccess()) {
                retire(own);
            }
        });
        promise.channel().closeFuture().addListener(f -> retire(own));
        ChannelFuture registered = own.next().register(promise);
        if (shuttingDown) {
            // registered after shutdownGracefully took its list of loops: close it, which retires its loop
            registered.addListener(f -> promise.channel().close());
        }
        return registered;
    }

    @Deprecated
    @Override
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return register(promise);
    }

    /**
     * Shuts a closed channel's loop down after a quiet period: the acceptor adds a listener to the
     * registration just after registering, and a channel closed at once (over the connection
     * limit) would otherwise have its loop gone before that listener's notification.
     */
    private void retire(EventLoopGroup own) {
        if (live.remove(own)) {
            own.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public EventLoop next() {
        throw new UnsupportedOperationException("a loop per connection exists only once a channel is registered");
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        List<EventExecutor> loops = new ArrayList<>();
        for (EventLoopGroup g : live) {
            g.forEach(loops::add);
        }
        return loops.iterator();
    }

    @Override
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        shuttingDown = true;
        List<EventLoopGroup> groups = new ArrayList<>(live);
        live.removeAll(groups);
        AtomicInteger left = new AtomicInteger(groups.size());
        if (groups.isEmpty()) {
            terminated.trySuccess(null);
        }
        for (EventLoopGroup g : groups) {
            g.shutdownGracefully(quietPeriod, timeout, unit).addListener(f -> {
                if (left.decrementAndGet() == 0) {
                    terminated.trySuccess(null);
                }
            });
        }
        return terminated;
    }

    @Override
    public Future<?> terminationFuture() {
        return terminated;
    }

    @Deprecated
    @Override
    public void shutdown() {
        shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Override
    public boolean isShutdown() {
        return shuttingDown;
    }

    @Override
    public boolean isTerminated() {
        return terminated.isDone();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }
}
