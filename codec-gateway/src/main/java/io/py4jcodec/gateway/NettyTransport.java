package io.py4jcodec.gateway;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty transport the gateway's channels use: the native epoll transport where Netty's native
 * library loads (Linux x86-64: fewer syscalls and no JDK selector wrapping per wake-up, measured in
 * docs/results/gateway-bench-*.md), Java NIO everywhere else. {@code -Dio.netty.transport.noNative=true}
 * forces NIO. Event loops, server channels and client channels must come from the same transport,
 * hence one place that chooses.
 */
final class NettyTransport {
    private static final boolean EPOLL = Epoll.isAvailable();

    private NettyTransport() {
    }

    /** "epoll" or "nio". */
    static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    static EventLoopGroup group(int threads, ThreadFactory factory) {
        return EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    static Class<? extends ServerSocketChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> channel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
