package io.py4jcodec.gateway;

import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ReturnMessage;
import java.net.InetAddress;
import py4j.Gateway;
import py4j.Py4JPythonClient;
import py4j.reflection.ReflectionUtil;

/**
 * What both of the gateway's clients of Python share: where Python listens, py4j's text interface
 * ({@link #sendCommand(String)}, read into the model and answered through {@link #call(Command)}),
 * and the {@link Py4JPythonClient} properties py4j and Python code read.
 */
abstract class AbstractPythonClient implements Py4JPythonClient {
    final InetAddress address;
    final int port;
    final GatewayConfig config;

    AbstractPythonClient(InetAddress address, int port, GatewayConfig config) {
        this.address = address;
        this.port = port;
        this.config = config;
    }

    /** Calls Python with {@code command} (a proxy call or GC) and returns its answer. */
    public abstract ReturnMessage call(Command command);

    /** py4j's proxies call this with a command it wrote; the answer line is returned without its {@code !}, as py4j's own clients do. */
    @Override
    public String sendCommand(String command) {
        return sendCommand(command, true);
    }

    @Override
    public String sendCommand(String command, boolean blocking) {
        return CallbackText.answer(call(CallbackText.command(command)));
    }

    @Override
    public boolean isMemoryManagementEnabled() {
        return true;
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public int getReadTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, config.callbackReadTimeout().toMillis());
    }

    @Override
    public InetAddress getAddress() {
        return address;
    }

    @Override
    public Object getPythonServerEntryPoint(Gateway gateway, @SuppressWarnings("rawtypes") Class[] interfacesToImplement) {
        return gateway.createProxy(ReflectionUtil.getClassLoader(), interfacesToImplement, "t");
    }
}
