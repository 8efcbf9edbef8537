package io.py4jcodec.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.py4jcodec.api.Role;
import io.py4jcodec.netty.MessageFrameDecoder;
import io.py4jcodec.netty.MessageFrameEncoder;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import py4j.Gateway;

/**
 * A Py4J gateway built on the codec: the real py4j Python client connects to it as to py4j's own
 * {@code GatewayServer} ({@code JavaGateway}; the default mode) or, with
 * {@code .mode(ConnectionMode.CLIENT_SERVER)}, as to py4j's {@code ClientServer} (pinned threads).
 *
 * <pre>{@code
 * Py4jGateway gw = Py4jGateway.builder()
 *         .entryPoint(new MyService())     // Python's gateway.entry_point
 *         .port(25333)                     // 0: an ephemeral port, read it back with port()
 *         .authToken(System.getenv("PY4J_TOKEN"))
 *         .build()
 *         .start();
 * ...
 * gw.shutdown();                           // or a Python client's gateway.shutdown()
 * }</pre>
 *
 * <p>Layers, each replaceable: a transport per mode (GatewayServer mode: Netty with codec-netty's
 * frame decoder and encoder, {@link GatewayConnection}; ClientServer mode: a thread per connection
 * owning a blocking socket, codec-text's decoder through {@link io.py4jcodec.api.io.MessageInputStream},
 * {@link PinnedConnection}), each applying the limits, resync or close as the codec says, auth, then
 * requests; the {@link GatewayHandler} dispatch SPI; an object model ({@link Py4jObjectModel}: py4j's own
 * {@link Gateway}). Callbacks into Python go through {@link PythonCallbackClient} (GatewayServer mode)
 * or {@link PinnedPythonClient} (ClientServer mode), also on the codec.
 *
 * <p>Security: it binds to loopback unless told otherwise, compares auth tokens in constant time
 * and never logs or prints them, and bounds what one connection can make it allocate
 * ({@link GatewayConfig}). Whoever authenticates can run any Java code in this JVM.
 */
public final class Py4jGateway implements AutoCloseable {
    private final GatewayConfig config;
    private final Gateway gateway;
    private final GatewayHandler handler;
    private final ClassLoader classLoader;
    private final byte[] tokenDigest;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicInteger open = new AtomicInteger();
    private final ChannelGroup channels = new DefaultChannelGroup("py4j-codec-gateway", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private ExecutorService workers;
    private Channel server;
    // ClientServer mode
    private final Set<PinnedConnection> pinned = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
    private ScheduledExecutorService deadlines;

    private Py4jGateway(Builder b) {
        this.config = b.config.build();
        this.classLoader = b.classLoader != null ? b.classLoader : Thread.currentThread().getContextClassLoader();
        this.tokenDigest = config.authToken() == null ? null : sha256(config.authToken());
        this.gateway = new BoundedGateway(b.entryPoint, config.mode() == ConnectionMode.CLIENT_SERVER
                ? new PinnedPythonClient(this, config.callbackAddress(), config.callbackPort())
                : new PythonCallbackClient(config.callbackAddress(), config.callbackPort(), config), config.limits());
        this.gateway.startup();
        this.gateway.putObject(py4j.Protocol.GATEWAY_SERVER_ID, new GatewayServerObject(this));
        this.handler = Objects.requireNonNull(b.handler.apply(this), "handler");
    }

    /** A builder with py4j's defaults (port 25333, loopback, no auth). */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this. */
    public Py4jGateway start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        if (config.mode() == ConnectionMode.CLIENT_SERVER) {
            return startPinned();
        }
        boss = NettyTransport.group(1, threads("py4j-codec-accept"));
        io = new LoopPerConnectionGroup(threads("py4j-codec-conn"));
        ServerBootstrap sb = new ServerBootstrap().group(boss, io).channel(NettyTransport.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > config.maxConnections() || stopped.get()) {
                            open.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        pipeline(ch, Role.GATEWAY_SERVER).addLast(new GatewayConnection(Py4jGateway.this, handler).handler());
                    }
                });
        server = sb.bind(new InetSocketAddress(config.address(), config.port())).syncUninterruptibly().channel();
        return this;
    }

    /** Daemon threads with the configured class loader (user code and py4j's reflection run on them). */
    private ThreadFactory threads(String name) {
        return new DefaultThreadFactory(name, true) {
            @Override
            protected Thread newThread(Runnable r, String threadName) {
                Thread t = super.newThread(r, threadName);
                t.setContextClassLoader(classLoader);
                return t;
            }
        };
    }

    /** The codec handlers every connection starts with (and the idle timeout when configured). */
    private io.netty.channel.ChannelPipeline pipeline(SocketChannel ch, Role role) {
        channels.add(ch);
        TextCodec codec = TextCodec.builder(role).mode(config.mode()).limits(config.limits()).keepUnknownSubCommands(true).build();
        if (!config.idleTimeout().isZero()) {
            ch.pipeline().addLast(new IdleStateHandler(0, 0, config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        }
        return ch.pipeline().addLast(new MessageFrameDecoder(codec), new MessageFrameEncoder(codec));
    }

    /**
     * ClientServer mode: one acceptor thread, and a thread per connection that owns it
     * ({@link PinnedConnection}); connections over {@link GatewayConfig#maxConnections()} are closed at once.
     */
    private Py4jGateway startPinned() {
        try {
            serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(config.address(), config.port()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.address() + ":" + config.port(), e);
        }
        workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads("py4j-codec-pinned"));
        deadlines = Executors.newSingleThreadScheduledExecutor(threads("py4j-codec-deadline"));
        Thread acceptor = threads("py4j-codec-accept").newThread(this::acceptLoop);
        acceptor.start();
        return this;
    }

    private void acceptLoop() {
        while (!stopped.get()) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (stopped.get() || serverSocket.isClosed()) {
                    return;
                }
                continue; // one failed accept (e.g. out of file descriptors) does not end the server
            }
            if (open.incrementAndGet() > config.maxConnections() || stopped.get()) {
                open.decrementAndGet();
                closeQuietly(s);
                continue;
            }
            try {
                PinnedConnection c = new PinnedConnection(this, handler, s, true);
                pinned.add(c);
                if (!c.authenticated && !config.authTimeout().isZero()) {
                    // a deadline from the accept, whatever the client trickles meanwhile
                    deadlines.schedule(() -> {
                        if (!c.authenticated) {
                            c.close();
                        }
                    }, config.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
                }
                if (stopped.get()) {
                    c.close();
                } else {
                    workers.execute(c::serve);
                }
            } catch (IOException | RuntimeException e) {
                open.decrementAndGet();
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // refusing a connection: nothing to report
        }
    }

    /** A ClientServer-mode connection opened to Python's server, for {@link PinnedPythonClient}. */
    PinnedConnection connectToPython(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(to, (int) config.callbackConnectTimeout().toMillis());
            return new PinnedConnection(this, handler, s, false);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /** A pinned connection closed: it no longer counts (called once or more per connection). */
    void closed(PinnedConnection c) {
        if (pinned.remove(c)) {
            open.decrementAndGet();
        }
    }

    /** The port it listens on (the ephemeral one when configured with 0). */
    public int port() {
        if (serverSocket != null) {
            return serverSocket.getLocalPort();
        }
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The configuration it runs with. */
    public GatewayConfig config() {
        return config;
    }

    /** py4j's object table, reflection engine and callback client behind this gateway. */
    public Gateway py4jGateway() {
        return gateway;
    }

    /**
     * The client it calls Python objects through (replaced by {@link #resetCallbackClient}): a
     * {@link PythonCallbackClient} in GatewayServer mode, a {@link PinnedPythonClient} in ClientServer mode.
     */
    public py4j.Py4JPythonClient callbackClient() {
        return gateway.getCallbackClient();
    }

    /** Points callbacks to a Python callback server at {@code address:port}, as py4j's {@code GatewayServer.resetCallbackClient}. */
    public synchronized void resetCallbackClient(InetAddress address, int port) {
        gateway.resetCallbackClient(address, port);
    }

    /** Connections open now. */
    public int connections() {
        return open.get();
    }

    /** Constant time, over digests (so not even the length leaks). */
    boolean tokenMatches(String token) {
        return tokenDigest != null && MessageDigest.isEqual(tokenDigest, sha256(token));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Closes the connection whose client port is {@code remotePort} and whose server port is
     * {@code localPort} (the Python client's cancel command). Only that one: py4j's
     * {@code shutdownSocket} matches either port and so closes every connection.
     */
    void cancel(int remotePort, int localPort) {
        for (Channel ch : channels) {
            InetSocketAddress r = (InetSocketAddress) ch.remoteAddress();
            InetSocketAddress l = (InetSocketAddress) ch.localAddress();
            if (r != null && l != null && r.getPort() == remotePort && l.getPort() == localPort) {
                ch.close();
            }
        }
        for (PinnedConnection c : pinned) {
            InetSocketAddress r = c.remoteAddress();
            InetSocketAddress l = c.localAddress();
            if (r != null && l != null && r.getPort() == remotePort && l.getPort() == localPort) {
                c.close();
            }
        }
    }

    /** Starts {@link #shutdown()} without waiting (from a request's worker thread). */
    void shutdownAsync() {
        Thread t = new Thread(this::shutdown, "py4j-codec-shutdown");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Stops accepting, closes every connection and the callback client's connections, releases
     * every object py4j held for Python. Idempotent.
     */
    public void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (server != null) {
                server.close().syncUninterruptibly();
            }
            if (serverSocket != null) {
                serverSocket.close();
            }
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            pinned.forEach(PinnedConnection::close);
            gateway.shutdown(true);
            if (boss != null) {
                boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
                io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
            if (workers != null) {
                workers.shutdown();
                deadlines.shutdownNow();
            }
        } catch (IOException e) {
            // closing the listening socket failed: it is closed for every purpose that matters here
        } finally {
            terminated.countDown();
        }
    }

    /** Waits until {@link #shutdown()} has run (by this JVM or a client's {@code s} command). */
    public boolean awaitShutdown(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    /** Waits without a bound until the gateway is shut down. */
    public void awaitShutdown() throws InterruptedException {
        terminated.await();
    }

    /** True between {@link #start()} and {@link #shutdown()}. */
    public boolean isRunning() {
        return started.get() && !stopped.get();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Builder of {@link Py4jGateway}; every limit lives in {@link GatewayConfig}. */
    public static final class Builder {
        private GatewayConfig.Builder config = GatewayConfig.builder();
        private Object entryPoint;
        private ClassLoader classLoader;
        private Function<Py4jGateway, GatewayHandler> handler = Py4jObjectModel::new;

        private Builder() {
        }

        /** The object Python sees as {@code gateway.entry_point} (id {@code t}); may be null. */
        public Builder entryPoint(Object entryPoint) {
            this.entryPoint = entryPoint;
            return this;
        }

        /** Port to listen on; 0 for an ephemeral one. */
        public Builder port(int port) {
            config.port(port);
            return this;
        }

        /** The token every connection must send first; null (the default) for none. */
        public Builder authToken(String token) {
            config.authToken(token);
            return this;
        }

        /** GatewayServer mode (the default) or ClientServer mode (pinned threads). */
        public Builder mode(ConnectionMode mode) {
            config.mode(mode);
            return this;
        }

        /** Address to listen on (default loopback). */
        public Builder address(InetAddress address) {
            config.address(address);
            return this;
        }

        /** Replaces every setting with {@code cfg}'s (then further calls adjust it). */
        public Builder config(GatewayConfig cfg) {
            config = cfg.toBuilder();
            return this;
        }

        /** Adjusts settings in place: {@code .configure(c -> c.maxConnections(8).callbackPort(0))}. */
        public Builder configure(java.util.function.Consumer<GatewayConfig.Builder> change) {
            change.accept(config);
            return this;
        }

        /** The class loader user code and py4j's reflection see on worker threads (default: the builder's thread's). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** Replaces the object model: called once with the gateway (default {@link Py4jObjectModel}). */
        public Builder handler(Function<Py4jGateway, GatewayHandler> factory) {
            this.handler = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public Py4jGateway build() {
            return new Py4jGateway(this);
        }
    }
}
