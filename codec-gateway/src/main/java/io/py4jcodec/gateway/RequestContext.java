package io.py4jcodec.gateway;

import java.net.InetSocketAddress;
import java.nio.channels.ReadableByteChannel;

/**
 * What a {@link GatewayHandler} may know and do about the connection a request came on. Handlers
 * run on a worker thread, never on the network event loop, so they may block.
 */
public interface RequestContext {

    /** The gateway serving the request. */
    Py4jGateway gateway();

    /** The client's address and port (its port is what a cancel command names). */
    InetSocketAddress remoteAddress();

    /** The server's address and port on this connection. */
    InetSocketAddress localAddress();

    /**
     * After the answer to the current stream ({@code S}) command, copy {@code payload}'s bytes to
     * the connection unframed, then close it (the payload's, not the connection).
     */
    void streamAfterAnswer(ReadableByteChannel payload);
}
