package io.py4jcodec.gateway;

import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.CommandHandler;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ProxyGcCommand;
import io.py4jcodec.api.model.ReturnMessage;

/**
 * The dispatch SPI of a {@link Py4jGateway}: one method per command the Python client sends, each
 * returning the one answer line the protocol gives it. It is {@link CommandHandler} with the
 * connection as context, so the compiler checks that an implementation handles every command kind;
 * {@link Py4jObjectModel} is the default one (py4j's own object model), and an implementer can
 * replace it whole or extend it.
 *
 * <p>Rules every implementation follows (the connection layer enforces the wire side):
 * <ul>
 *   <li>Return the answer; never {@code null}, except for {@code shutdown} and {@code cancel}, which
 *       have none (whatever they return is not written).</li>
 *   <li>A {@link RuntimeException} thrown by a method is answered {@code !xs<its stack trace>}, and the
 *       connection stays usable: errors confined to one well-framed request never cost the
 *       connection.</li>
 *   <li>Methods run on a worker thread (one request at a time per connection, in order) and may
 *       block, for instance on a callback into Python.</li>
 * </ul>
 *
 * <p>Commands the gateway never receives from a Python client (callbacks, which travel the other
 * way, and auth, which the connection layer answers before any request) have default answers here.
 *
 * <pre>{@code
 * class Calculator extends Py4jObjectModel { ... }   // or implement GatewayHandler from scratch
 * Py4jGateway.builder().handler(gateway -> new MyHandler()).port(0).build().start();
 * }</pre>
 */
public interface GatewayHandler extends CommandHandler<RequestContext, ReturnMessage> {

    /** The connection layer authenticates; an {@code A} after that is answered here. */
    @Override
    default ReturnMessage auth(AuthCommand command, RequestContext context) {
        return ReturnMessage.error("Authentication error: unexpected command.");
    }

    /** A callback sent to a gateway (it goes Java to Python): answered as an error. */
    @Override
    default ReturnMessage proxyCall(ProxyCallCommand command, RequestContext context) {
        return ReturnMessage.error("A gateway does not run Python callbacks: " + command.kind());
    }

    /** A callback sent to a gateway (it goes Java to Python): answered as an error. */
    @Override
    default ReturnMessage proxyGc(ProxyGcCommand command, RequestContext context) {
        return ReturnMessage.error("A gateway does not run Python callbacks: " + command.kind());
    }
}
