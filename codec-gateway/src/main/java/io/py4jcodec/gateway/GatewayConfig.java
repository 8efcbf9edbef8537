package io.py4jcodec.gateway;

import io.py4jcodec.api.Limits;
import io.py4jcodec.text.ConnectionMode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Every limit, timeout and address of a {@link Py4jGateway}, in one immutable value made by a
 * builder. The defaults bind to loopback and are far above what a PySpark-sized workload uses
 * (Spark opens a handful of connections; its largest requests are byte arrays of a few MB).
 *
 * <pre>{@code
 * GatewayConfig cfg = GatewayConfig.builder().port(0).authToken(token).maxConnections(64).build();
 * }</pre>
 *
 * @param address          where the server listens (default: the loopback address)
 * @param port             server port, 0 for an ephemeral one (default 25333, py4j's)
 * @param authToken        the token clients must send first, or {@code null} for no auth (never logged or printed)
 * @param limits           what the frame decoder accepts per line, frame and argument list
 * @param maxConnections   connections open at once; more are closed as they arrive (default 1024)
 * @param maxArrayElements most elements one {@code a c} (array create) may allocate, all dimensions multiplied (default 2^24)
 * @param maxListElements  most elements one {@code l m} / {@code l i} (list multiply) may produce (default 2^24)
 * @param idleTimeout      close a connection silent this long; {@link Duration#ZERO} = never (the default: Python keeps pooled connections for the whole session)
 * @param authTimeout      with auth on, close a connection that has not authenticated within this (default 30 s)
 * @param callbackAddress  where the Python callback server listens (default loopback; Python may change it with {@code resetCallbackClient})
 * @param callbackPort     its port (default 25334, py4j's)
 * @param callbackAuthToken the token sent to the callback server, or {@code null} (default: {@code authToken}, as PySpark sets both)
 * @param callbackConnectTimeout connect timeout of callback connections (default 10 s)
 * @param callbackReadTimeout how long a callback may take to answer; {@link Duration#ZERO} = no limit (the default, py4j's)
 * @param callbackIdleTimeout pooled callback connections idle this long are closed (default 30 s, py4j's)
 * @param maxCallbackConnections callback connections open at once; a Java thread needing one more waits (default 1024)
 * @param mode             {@link ConnectionMode#GATEWAY} (py4j's GatewayServer, the default) or
 *                         {@link ConnectionMode#CLIENT_SERVER} (py4j's ClientServer: pinned threads, callbacks on the caller's connection)
 */
public record GatewayConfig(ConnectionMode mode, InetAddress address, int port, String authToken, Limits limits, int maxConnections,
                            long maxArrayElements, long maxListElements, Duration idleTimeout,
                            Duration authTimeout, InetAddress callbackAddress, int callbackPort, String callbackAuthToken,
                            Duration callbackConnectTimeout, Duration callbackReadTimeout, Duration callbackIdleTimeout,
                            int maxCallbackConnections) {

    /** py4j's default server port. */
    public static final int DEFAULT_PORT = 25333;
    /** py4j's default callback server port. */
    public static final int DEFAULT_CALLBACK_PORT = 25334;

    public GatewayConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(callbackAddress, "callbackAddress");
        port(port, "port");
        port(callbackPort, "callbackPort");
        positive(maxConnections, "maxConnections");
        positive(maxArrayElements, "maxArrayElements");
        positive(maxListElements, "maxListElements");
        positive(maxCallbackConnections, "maxCallbackConnections");
        for (Duration d : new Duration[] {idleTimeout, authTimeout, callbackConnectTimeout, callbackReadTimeout, callbackIdleTimeout}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("timeouts must be >= 0: " + d);
            }
        }
        if (authToken != null && authToken.isEmpty()) {
            throw new IllegalArgumentException("authToken must not be empty (null turns auth off)");
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when clients must authenticate. */
    public boolean authRequired() {
        return authToken != null;
    }

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "GatewayConfig[" + mode + " " + address.getHostAddress() + ":" + port + ", auth " + (authToken == null ? "off" : "on")
                + ", " + limits + ", maxConnections=" + maxConnections + ", maxArrayElements=" + maxArrayElements
                + ", maxListElements=" + maxListElements
                + ", idleTimeout=" + idleTimeout + ", authTimeout=" + authTimeout + ", callback "
                + callbackAddress.getHostAddress() + ":" + callbackPort + " auth " + (callbackAuthToken == null ? "off" : "on") + "]";
    }

    private static void port(int p, String name) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + p);
        }
    }

    private static void positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + v);
        }
    }

    /** Mutable builder of {@link GatewayConfig}. */
    public static final class Builder {
        private ConnectionMode mode = ConnectionMode.GATEWAY;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private String authToken;
        private Limits limits = Limits.DEFAULT;
        private int maxConnections = 1024;
        private long maxArrayElements = 1 << 24;
        private long maxListElements = 1 << 24;
        private Duration idleTimeout = Duration.ZERO;
        private Duration authTimeout = Duration.ofSeconds(30);
        private InetAddress callbackAddress = InetAddress.getLoopbackAddress();
        private int callbackPort = DEFAULT_CALLBACK_PORT;
        private String callbackAuthToken;
        private boolean callbackTokenSet;
        private Duration callbackConnectTimeout = Duration.ofSeconds(10);
        private Duration callbackReadTimeout = Duration.ZERO;
        private Duration callbackIdleTimeout = Duration.ofSeconds(30);
        private int maxCallbackConnections = 1024;

        private Builder() {
        }

        private Builder(GatewayConfig c) {
            mode = c.mode;
            address = c.address;
            port = c.port;
            authToken = c.authToken;
            limits = c.limits;
            maxConnections = c.maxConnections;
            maxArrayElements = c.maxArrayElements;
            maxListElements = c.maxListElements;
            idleTimeout = c.idleTimeout;
            authTimeout = c.authTimeout;
            callbackAddress = c.callbackAddress;
            callbackPort = c.callbackPort;
            callbackAuthToken = c.callbackAuthToken;
            callbackTokenSet = true;
            callbackConnectTimeout = c.callbackConnectTimeout;
            callbackReadTimeout = c.callbackReadTimeout;
            callbackIdleTimeout = c.callbackIdleTimeout;
            maxCallbackConnections = c.maxCallbackConnections;
        }

        /** GatewayServer mode (default) or ClientServer mode. */
        public Builder mode(ConnectionMode v) {
            mode = v;
            return this;
        }

        /** Listen address; anything but loopback exposes remote code execution to the network. */
        public Builder address(InetAddress v) {
            address = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        /** The token clients must send; {@code null} turns auth off. */
        public Builder authToken(String v) {
            authToken = v;
            return this;
        }

        public Builder limits(Limits v) {
            limits = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxArrayElements(long v) {
            maxArrayElements = v;
            return this;
        }

        public Builder maxListElements(long v) {
            maxListElements = v;
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder authTimeout(Duration v) {
            authTimeout = v;
            return this;
        }

        public Builder callbackAddress(InetAddress v) {
            callbackAddress = v;
            return this;
        }

        public Builder callbackPort(int v) {
            callbackPort = v;
            return this;
        }

        /** The token sent to the Python callback server; by default the server's own {@link #authToken}. */
        public Builder callbackAuthToken(String v) {
            callbackAuthToken = v;
            callbackTokenSet = true;
            return this;
        }

        public Builder callbackConnectTimeout(Duration v) {
            callbackConnectTimeout = v;
            return this;
        }

        public Builder callbackReadTimeout(Duration v) {
            callbackReadTimeout = v;
            return this;
        }

        public Builder callbackIdleTimeout(Duration v) {
            callbackIdleTimeout = v;
            return this;
        }

        public Builder maxCallbackConnections(int v) {
            maxCallbackConnections = v;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(mode, address, port, authToken, limits, maxConnections, maxArrayElements, maxListElements,
                    idleTimeout, authTimeout, callbackAddress, callbackPort,
                    callbackTokenSet ? callbackAuthToken : authToken, callbackConnectTimeout, callbackReadTimeout,
                    callbackIdleTimeout, maxCallbackConnections);
        }
    }
}
