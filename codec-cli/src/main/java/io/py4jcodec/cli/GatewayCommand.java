package io.py4jcodec.cli;

import io.py4jcodec.gateway.GatewayMain;
import io.py4jcodec.gateway.Py4jGateway;
import io.py4jcodec.text.ConnectionMode;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code py4j-codec gateway}: runs a Py4J gateway (GatewayServer mode) until a client shuts it down. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Run a Py4J gateway built on py4j-codec, for the real py4j Python client (JavaGateway, or",
            "ClientServer with --mode client_server). Prints the port it listens on as the first line, then serves until a client sends",
            "shutdown (gateway.shutdown() in Python) or the process is stopped. Binds to loopback unless --address says",
            "otherwise: whoever can connect (and authenticate) can run any Java code in this JVM."},
        footer = {"", "Examples:",
            "  py4j-codec gateway --port 25333",
            "  py4j-codec gateway --port 0 --auth-token \"$TOKEN\" --entry-point com.example.Service --classpath app.jar",
            "  py4j-codec gateway --mode client_server --port 25333",
            "", "Python: JavaGateway(gateway_parameters=GatewayParameters(port=PORT, auth_token=TOKEN))"})
final class GatewayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "25333", description = "Port to listen on; 0 for an ephemeral one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "Token every client must send first (also sent to the Python callback server). "
                    + "Default: the environment variable PY4J_CODEC_AUTH_TOKEN, else no auth. Never printed.")
    String authToken;

    @Option(names = "--entry-point", paramLabel = "CLASS",
            description = "Class (public, public no-arg constructor) whose new instance Python sees as gateway.entry_point.")
    String entryPoint;

    @Option(names = "--classpath", paramLabel = "CP", description = "Jars and folders (path-separated) to load the entry point and user classes from.")
    String classpath;

    @Option(names = "--mode", defaultValue = "gateway",
            description = "gateway (py4j's GatewayServer: Python's JavaGateway) or client_server (py4j's ClientServer, "
                    + "pinned threads: Python's ClientServer) (default: ${DEFAULT-VALUE}).")
    ConnectionMode mode;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String address;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String token = authToken != null ? authToken : System.getenv("PY4J_CODEC_AUTH_TOKEN");
        InetAddress addr = InetAddress.getByName(address);
        if (!addr.isLoopbackAddress()) {
            err.println("warning: listening on " + addr.getHostAddress() + " (not loopback)"
                    + (token == null ? " without an auth token: anyone who can connect can run code in this JVM" : ""));
        }
        Py4jGateway gw;
        try {
            gw = GatewayMain.launch(port, token, entryPoint, classpath, addr, mode);
        } catch (ReflectiveOperationException e) {
            err.println("error: cannot create the entry point " + entryPoint + ": " + e);
            return 2;
        }
        out.println(gw.port());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(gw::shutdown, "py4j-codec-gateway-stop"));
        gw.awaitShutdown();
        return 0;
    }
}
