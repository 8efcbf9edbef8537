package io.py4jcodec.gateway;

import io.py4jcodec.gateway.fixture.FixtureEntryPoint;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import py4j.GatewayServer;

/**
 * A quick, by-hand comparison (not a test, not the project's benchmark): N connections making M
 * sequential calls each against py4j's GatewayServer, ours with event loops and workers, and ours
 * with a thread per connection, alternating; prints calls/s and the JVM's CPU per call (client
 * included, the same client for all). Run: java -cp ... io.py4jcodec.gateway.QuickLoad [N] [M] [rounds]
 */
public final class QuickLoad {
    private QuickLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int r = 0; r < rounds; r++) {
            GatewayServer py4j = new GatewayServer.GatewayServerBuilder(new FixtureEntryPoint()).javaPort(0)
                    .javaAddress(InetAddress.getLoopbackAddress()).build();
            py4j.start();
            run("py4j GatewayServer", py4j::getListeningPort, n, m);
            py4j.shutdown();
            try (Py4jGateway gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0).build().start()) {
                run("py4j-codec (event loops + workers)", gw::port, n, m);
            }
            try (Py4jGateway gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0)
                    .configure(c -> c.threadPerConnection(true)).build().start()) {
                run("py4j-codec (thread per connection)", gw::port, n, m);
            }
        }
    }

    private static void run(String name, IntSupplier port, int n, int m) throws Exception {
        byte[] call = "c\nt\nadd\ni1\ni2\ne\n".getBytes(StandardCharsets.UTF_8);
        List<Thread> threads = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port.getAsInt())) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[64];
                    for (int k = 0; k < m; k++) {
                        out.write(call);
                        out.flush();
                        int got = 0;
                        while (got == 0 || buf[got - 1] != '\n') {
                            int x = in.read(buf, got, buf.length - got);
                            if (x < 0) {
                                throw new IllegalStateException("closed");
                            }
                            got += x;
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuUs = (os.getProcessCpuTime() - cpu0) / 1e3 / ((double) n * m);
        System.out.printf("%-36s %8.0f calls/s  %6.1f us CPU/call (client included)%n", name, n * (double) m / secs, cpuUs);
    }
}
