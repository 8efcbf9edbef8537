package io.py4jcodec.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.stream.ChunkedNioStream;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.netty.DecodingFailure;
import java.net.InetSocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.TimeUnit;

/**
 * One connection in GatewayServer mode: auth first, then one request at a time, answers in
 * request order. The connection has an event loop of its own ({@link LoopPerConnectionGroup}),
 * which decodes a request, runs it and writes its answer: no thread hand-off per request, and a
 * call into user code that blocks, or waits for a Python callback (which travels on the callback
 * client's own connections in this mode), stalls this connection alone, as under py4j's
 * thread-per-connection server.
 *
 * <p>Back-pressure: while the peer does not read its answers (the channel is not writable) the
 * loop stops reading requests; what one read has already delivered still runs.
 */
final class GatewayConnection extends AbstractConnection {
    private static final int STREAM_CHUNK = 64 * 1024;

    private final Handler netty = new Handler();
    private Channel channel;
    // event-loop state
    private boolean done;

    GatewayConnection(Py4jGateway gateway, GatewayHandler handler) {
        super(gateway, handler, gateway.config().authRequired());
    }

    /** The pipeline's last handler. */
    ChannelInboundHandlerAdapter handler() {
        return netty;
    }

    @Override
    void send(ReturnMessage answer) {
        channel.writeAndFlush(answer);
    }

    @Override
    void fail(ReturnMessage last) {
        channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * A chunk at a time as the peer reads them (Netty's {@link ChunkedWriteHandler}, added to the
     * pipeline the first time a connection streams: the event loop must not wait for the peer).
     */
    @Override
    void stream(ReturnMessage answer, ReadableByteChannel payload) {
        ChannelPipeline p = channel.pipeline();
        if (p.get(ChunkedWriteHandler.class) == null) {
            p.addFirst(new ChunkedWriteHandler());
        }
        channel.write(answer);
        channel.writeAndFlush(new ChunkedNioStream(payload, STREAM_CHUNK)).addListener(f -> {
            if (!f.isSuccess()) {
                channel.close();
            }
        });
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
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
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (!done) {
                    done = !process(msg instanceof DecodingFailure f ? f.cause() : msg);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
            if (!ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(true);
            }
            super.channelWritabilityChanged(ctx);
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
    }
}
