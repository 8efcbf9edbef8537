package io.py4jcodec.cli;

import io.py4jcodec.proxy.FrameFormat;
import io.py4jcodec.proxy.Proxy;
import io.py4jcodec.text.ConnectionMode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code py4j-codec proxy}: watch, check and record a live Py4J session from the middle (codec-proxy's {@link Proxy}). */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Relay a Py4J session unchanged and print every frame of both directions as its receiver reads it.",
            "Listeners bind to loopback unless an address is given. Stop with Ctrl-C (the --check summary is printed then)."},
        footer = {"", "Examples:",
            "  py4j-codec proxy --listen 25335 --target 127.0.0.1:25333                      watch a GatewayServer",
            "  py4j-codec proxy --listen 25335 --target 127.0.0.1:25333 --check --record s.json",
            "  py4j-codec proxy --listen 25335 --target 127.0.0.1:25333 \\",
            "                   --callback-listen 25336 --callback-target 127.0.0.1:25334     and the callback connection"})
final class ProxyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "[HOST:]PORT", description = "Where the Python client connects.")
    String listen;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT", description = "The JVM's Py4J server.")
    String target;

    @Option(names = "--mode", defaultValue = "GATEWAY", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ConnectionMode mode;

    @Option(names = "--callback-listen", paramLabel = "[HOST:]PORT", description = "Where the JVM's callback client connects.")
    String callbackListen;

    @Option(names = "--callback-target", paramLabel = "HOST:PORT", description = "Python's callback server.")
    String callbackTarget;

    @Option(names = "--record", paramLabel = "FILE", description = "Write the session as py4j-wire-transcript/1 (decode --transcript reads it). It holds every byte, auth tokens included; created owner-readable only.")
    Path record;

    @Option(names = "--check", description = "Report frames a strict reader rejects (spec/PROTOCOL.md's invalid and implementation-defined classes) with offsets, and a summary at the end.")
    boolean check;

    @Option(names = "--format", defaultValue = "TEXT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FrameFormat format;

    @Option(names = "--auth-token", paramLabel = "T", description = "The session's token: auth frames then say whether it matched. Never printed.")
    String authToken;

    /** Set by tests: called with the started proxy, and the command returns when it returns. */
    java.util.function.Consumer<Proxy> whileRunning;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((callbackListen == null) != (callbackTarget == null)) {
            err.println("error: --callback-listen and --callback-target go together");
            return 2;
        }
        // the proxy prints to a stream; picocli's writer is where this command's output goes (tests capture it)
        PrintStream out = new PrintStream(new java.io.OutputStream() {
            private final PrintWriter w = spec.commandLine().getOut();

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                w.write(new String(b, off, len, StandardCharsets.UTF_8));
                w.flush();
            }
        }, true, StandardCharsets.UTF_8);
        Proxy.Builder b = Proxy.builder().listen(address(listen, true)).target(address(target, false)).mode(mode)
                .record(record).check(check).format(format).authToken(authToken).out(out);
        if (callbackListen != null) {
            b.callbackListen(address(callbackListen, true)).callbackTarget(address(callbackTarget, false));
        }
        if (record != null) {
            err.println("note: " + record + " will hold every byte of the session, auth tokens included");
        }
        try (Proxy proxy = b.build().start()) {
            err.println("proxy: listening on " + proxy.port() + (proxy.callbackPort() < 0 ? "" : ", callbacks on " + proxy.callbackPort())
                    + ", relaying to " + target);
            err.flush();
            if (whileRunning != null) {
                whileRunning.accept(proxy);
            } else {
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    proxy.close();
                    stop.countDown();
                }));
                stop.await();
            }
        }
        return 0;
    }

    /** {@code [HOST:]PORT}; a listener without a host binds to loopback. */
    static InetSocketAddress address(String s, boolean listening) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            if (!listening) {
                throw new picocli.CommandLine.TypeConversionException("expected HOST:PORT, got " + s);
            }
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(s));
        }
        return new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }
}
