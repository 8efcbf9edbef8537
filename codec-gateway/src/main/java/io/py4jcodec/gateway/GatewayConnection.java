package io.py4jcodec.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;

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
    // event-loop state
    private boolean done;

    GatewayConnection(Py4jGateway gateway, GatewayHandler handler) {
        super(gateway, handler, gateway.config().authRequired());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!done) {
                done = !process(msg);
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
}
