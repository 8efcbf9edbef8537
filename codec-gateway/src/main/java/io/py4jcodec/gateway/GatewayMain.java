package io.py4jcodec.gateway;

import io.py4jcodec.text.ConnectionMode;
import java.io.File;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a gateway from the command line until a client shuts it down, so that a Python test suite
 * can launch it as it launches py4j's {@code GatewayServer}:
 *
 * <pre>
 * java -cp codec-gateway.jar:... io.py4jcodec.gateway.GatewayMain --port 0 [--auth-token T]
 *      [--entry-point com.example.Service] [--classpath extra.jar:classes/] [--address 127.0.0.1]
 *      [--mode gateway|client_server]
 * </pre>
 *
 * It prints the port it listens on as its first line of standard output (as py4j's
 * {@code GatewayServer.main} does), then nothing else there. The token is taken from the
 * command line or from the environment variable {@code PY4J_CODEC_AUTH_TOKEN}; it is never printed.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = GatewayConfig.DEFAULT_PORT;
        String token = System.getenv("PY4J_CODEC_AUTH_TOKEN");
        String entryPoint = null;
        String classpath = null;
        InetAddress address = InetAddress.getLoopbackAddress();
        ConnectionMode mode = ConnectionMode.GATEWAY;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> port = Integer.parseInt(need(a, v));
                case "--auth-token" -> token = need(a, v);
                case "--entry-point" -> entryPoint = need(a, v);
                case "--classpath" -> classpath = need(a, v);
                case "--address" -> address = InetAddress.getByName(need(a, v));
                case "--mode" -> mode = ConnectionMode.valueOf(need(a, v).toUpperCase(java.util.Locale.ROOT));
                default -> {
                    System.err.println("usage: GatewayMain [--port P] [--auth-token T] [--entry-point CLASS] [--classpath CP] [--address A] [--mode gateway|client_server]");
                    System.exit(2);
                }
            }
            i++;
        }
        Py4jGateway gw = launch(port, token, entryPoint, classpath, address, mode);
        System.out.println(gw.port());
        System.out.flush();
        gw.awaitShutdown();
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /**
     * Starts a gateway whose entry point is a new instance of {@code entryPointClass} (public, with a
     * public no-argument constructor), loaded with {@code classpath} (path-separated jars and folders)
     * added; null for either means none; {@code mode} is GatewayServer or ClientServer mode. Worker threads see that class loader, so py4j's reflection
     * finds those classes too ({@code gateway.jvm.com.example.Thing}).
     */
    public static Py4jGateway launch(int port, String authToken, String entryPointClass, String classpath, InetAddress address,
                                     ConnectionMode mode) throws ReflectiveOperationException, MalformedURLException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (classpath != null && !classpath.isEmpty()) {
            List<URL> urls = new ArrayList<>();
            for (String p : classpath.split(File.pathSeparator)) {
                if (!p.isEmpty()) {
                    urls.add(new File(p).toURI().toURL());
                }
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), loader);
        }
        Object entryPoint = null;
        if (entryPointClass != null && !entryPointClass.isEmpty()) {
            entryPoint = Class.forName(entryPointClass, true, loader).getConstructor().newInstance();
        }
        return Py4jGateway.builder().mode(mode).entryPoint(entryPoint).port(port).authToken(authToken).address(address)
                .classLoader(loader).build().start();
    }
}
