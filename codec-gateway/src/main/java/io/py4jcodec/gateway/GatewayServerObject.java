package io.py4jcodec.gateway;

import java.net.InetAddress;
import py4j.Gateway;
import py4j.Py4JPythonClient;

/**
 * The object bound to the id {@code GATEWAY_SERVER}, which the Python client reaches as
 * {@code gateway.java_gateway_server}: the methods of py4j's {@code GatewayServer} that Python code
 * calls on it. PySpark, for instance, starts its callback server on port 0 and then calls
 * {@code java_gateway_server.resetCallbackClient(java_gateway_server.getCallbackClient().getAddress(), port)}.
 */
public final class GatewayServerObject {
    private final Py4jGateway server;

    GatewayServerObject(Py4jGateway server) {
        this.server = server;
    }

    /** The client that calls the Python callback server (its {@code getAddress()} / {@code getPort()}). */
    public Py4JPythonClient getCallbackClient() {
        return server.py4jGateway().getCallbackClient();
    }

    /** Points callbacks to a (new) Python callback server; pooled connections to the old one are closed. */
    public void resetCallbackClient(InetAddress pythonAddress, int pythonPort) {
        server.resetCallbackClient(pythonAddress, pythonPort);
    }

    /** The port the server listens on. */
    public int getListeningPort() {
        return server.port();
    }

    /** The port the server was configured with (0 for an ephemeral one). */
    public int getPort() {
        return server.config().port();
    }

    /** The address the server listens on. */
    public InetAddress getAddress() {
        return server.config().address();
    }

    /** The Python callback server's address. */
    public InetAddress getPythonAddress() {
        return getCallbackClient().getAddress();
    }

    /** The Python callback server's port. */
    public int getPythonPort() {
        return getCallbackClient().getPort();
    }

    /** Connect timeout of callback connections, in milliseconds. */
    public int getConnectTimeout() {
        return (int) server.config().callbackConnectTimeout().toMillis();
    }

    /** Read timeout of callback connections, in milliseconds (0: none). */
    public int getReadTimeout() {
        return getCallbackClient().getReadTimeout();
    }

    /** py4j's object table and reflection engine behind this server. */
    public Gateway getGateway() {
        return server.py4jGateway();
    }

    /** A Java proxy of the Python side's entry point. */
    public Object getPythonServerEntryPoint(@SuppressWarnings("rawtypes") Class[] interfacesToImplement) {
        return getCallbackClient().getPythonServerEntryPoint(server.py4jGateway(), interfacesToImplement);
    }

    /** Shuts the server down (every connection is closed). */
    public void shutdown() {
        server.shutdown();
    }

    /** Shuts the server down; the callback client too when {@code shutdownCallbackClient}. */
    public void shutdown(boolean shutdownCallbackClient) {
        server.shutdown();
    }
}
