package io.py4jcodec.proxy;

import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay between a Py4J Python client and a JVM that prints every frame of both directions as its
 * receiver reads it, optionally checks both peers against the spec ({@code --check}) and records
 * the session ({@code --record}), and never alters, reorders, delays past a read, or drops a byte.
 *
 * <p>The {@link Route#JAVA_SERVER} route takes the Python client's connections and relays each to
 * the JVM. The optional {@link Route#PYTHON_SERVER} route takes the JVM's connections to Python's
 * callback server; its target can change while the proxy runs ({@link #callbackTarget(InetSocketAddress)}),
 * since Python announces its callback port at run time. Listeners bind to loopback unless another
 * address is given.
 *
 * <pre>{@code
 * try (Proxy proxy = Proxy.builder()
 *         .target(new InetSocketAddress(InetAddress.getLoopbackAddress(), 25333))
 *         .listenPort(25335)
 *         .check(true)
 *         .out(System.out)
 *         .build()
 *         .start()) {
 *     // point the Python client at proxy.port(); each frame is printed as it passes
 * }   // the check summary is printed on close
 * }</pre>
 */
public final class Proxy implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Builder config;
    private final CheckReport report = new CheckReport();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final Map<Route, ServerSocket> listeners = new EnumMap<>(Route.class);
    private volatile InetSocketAddress callbackTarget;
    private TranscriptRecorder recorder;
    private boolean closed;

    private Proxy(Builder b) {
        this.config = b;
        this.callbackTarget = b.callbackTarget;
    }

    /** A builder; {@link Builder#target(InetSocketAddress)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the listeners, opens the recording, and starts accepting. Returns this. */
    public synchronized Proxy start() throws IOException {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        try {
            listeners.put(Route.JAVA_SERVER, bind(config.listen));
            if (config.callbackListen != null) {
                listeners.put(Route.PYTHON_SERVER, bind(config.callbackListen));
            }
            if (config.record != null) {
                Map<Route, int[]> routes = new LinkedHashMap<>();
                routes.put(Route.JAVA_SERVER, new int[] {port(), config.target.getPort()});
                if (config.callbackListen != null) {
                    routes.put(Route.PYTHON_SERVER, new int[] {callbackPort(), callbackTarget == null ? 0 : callbackTarget.getPort()});
                }
                recorder = new TranscriptRecorder(config.record,
                        config.mode == ConnectionMode.GATEWAY ? "gateway" : "clientserver", routes);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        listeners.forEach((route, server) -> {
            Thread t = new Thread(() -> accept(route, server), "proxy-accept-" + route.wireName());
            t.setDaemon(true);
            t.start();
        });
        return this;
    }

    private static ServerSocket bind(InetSocketAddress at) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(at, 50);
        return s;
    }

    private void accept(Route route, ServerSocket server) {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            String id = "c" + connections.incrementAndGet();
            InetSocketAddress target = route == Route.JAVA_SERVER ? config.target : callbackTarget;
            Relay r = new Relay(this, route, id, s);
            relays.add(r);
            if (target == null) {
                note(id, "connect_failed", "a callback connection arrived but no callback target is known yet");
                Relay.closeQuietly(s);
                relays.remove(r);
                continue;
            }
            r.start(target);
        }
    }

    /** The port the Python client should connect to. */
    public int port() {
        return listeners.get(Route.JAVA_SERVER).getLocalPort();
    }

    /** The port the JVM's callback client should connect to, or -1 without {@code --callback-listen}. */
    public int callbackPort() {
        ServerSocket s = listeners.get(Route.PYTHON_SERVER);
        return s == null ? -1 : s.getLocalPort();
    }

    /**
     * Where new callback connections go from now on: Python's callback server, whose port a Py4J
     * application usually learns at run time ({@code resetCallbackClient}). Open connections stay.
     */
    public void callbackTarget(InetSocketAddress target) {
        this.callbackTarget = Objects.requireNonNull(target, "target");
    }

    /** What {@code --check} has found so far. */
    public CheckReport report() {
        return report;
    }

    ConnectionMode mode() {
        return config.mode;
    }

    boolean checking() {
        return config.check;
    }

    FrameFormat format() {
        return config.format;
    }

    TranscriptRecorder recorder() {
        return recorder;
    }

    /** Whether an auth command's token is the one the proxy was given (constant time), or null when it was given none. */
    Boolean tokenMatches(String token) {
        if (config.authToken == null) {
            return null;
        }
        return MessageDigest.isEqual(config.authToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    void line(String s) {
        PrintStream out = config.out;
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }

    void note(String conn, String kind, String detail) {
        line(config.format == FrameFormat.JSON ? jsonLine("conn", conn, kind, detail) : conn + " !! " + kind + " " + detail);
    }

    private static String jsonLine(String... keyValues) {
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return io.py4jcodec.spec.CanonicalJson.write(o);
    }

    void relayEnded(Relay r) {
        relays.remove(r);
    }

    /** Stops listening, closes every connection pair, finishes the recording, and prints the check summary. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listeners.values().forEach(Relay::closeQuietly);
        relays.forEach(Relay::abort);
        // the relay threads end on their own once their sockets are closed; give them a moment to record it
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!relays.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                note("-", "record_failed", "could not finish " + config.record + ": " + e.getMessage());
            }
        }
        if (config.check) {
            line(config.format == FrameFormat.JSON ? jsonLine("check_summary", report.summary()) : report.summary());
        }
    }

    /** Options of a {@link Proxy}; the same as {@code py4j-codec proxy}'s. */
    public static final class Builder {
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private InetSocketAddress target;
        private ConnectionMode mode = ConnectionMode.GATEWAY;
        private InetSocketAddress callbackListen;
        private InetSocketAddress callbackTarget;
        private Path record;
        private boolean check;
        private FrameFormat format = FrameFormat.TEXT;
        private String authToken;
        private PrintStream out = System.out;

        private Builder() {
        }

        /** Where the Python client connects (default: loopback, an ephemeral port). */
        public Builder listen(InetSocketAddress at) {
            this.listen = Objects.requireNonNull(at);
            return this;
        }

        /** {@link #listen} on loopback. */
        public Builder listenPort(int port) {
            return listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /** The JVM's gateway (required). */
        public Builder target(InetSocketAddress target) {
            this.target = Objects.requireNonNull(target);
            return this;
        }

        /** GatewayServer (default) or ClientServer: how the readers tell answers from commands. */
        public Builder mode(ConnectionMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Also relay the JVM's callback connections, accepted here (null: do not). */
        public Builder callbackListen(InetSocketAddress at) {
            this.callbackListen = at;
            return this;
        }

        /** Python's callback server (may be set later with {@link Proxy#callbackTarget}). */
        public Builder callbackTarget(InetSocketAddress target) {
            this.callbackTarget = target;
            return this;
        }

        /** Record the session to this file ({@code py4j-wire-transcript/1}); null: do not. */
        public Builder record(Path file) {
            this.record = file;
            return this;
        }

        /** Report what a strict reader rejects, with offsets, and a summary on close. */
        public Builder check(boolean check) {
            this.check = check;
            return this;
        }

        /** {@link FrameFormat#TEXT} (default) or {@link FrameFormat#JSON}. */
        public Builder format(FrameFormat format) {
            this.format = Objects.requireNonNull(format);
            return this;
        }

        /** The session's auth token, so auth frames can say whether it matched; it is never printed. */
        public Builder authToken(String token) {
            this.authToken = token;
            return this;
        }

        /** Where lines go (default standard output). */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        public Proxy build() {
            if (target == null) {
                throw new IllegalStateException("a target is required");
            }
            return new Proxy(this);
        }
    }
}
