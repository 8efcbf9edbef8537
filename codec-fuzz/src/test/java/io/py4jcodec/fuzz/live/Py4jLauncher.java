package io.py4jcodec.fuzz.live;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import py4j.ClientServer;
import py4j.GatewayServer;

/**
 * Starts a real py4j 0.10.9.9 peer on 127.0.0.1 for a fuzzing campaign, so campaigns are
 * reproducible by others (see codec-fuzz/FINDINGS.md):
 *
 * <pre>
 * gateway      PORT [TOKEN]           a GatewayServer with {@link FixtureEntryPoint} as "t"
 * clientserver PORT [TOKEN]           a ClientServer (JavaServer) with the same entry point
 * callback     PYTHON_PORT [TOKEN]    a GatewayServer whose callback client calls Function.apply on the
 *                                      Python entry point at PYTHON_PORT in a loop, passing each result back in
 * cs-callback  PYTHON_PORT [TOKEN]    the same through a ClientServer's PythonClient
 * </pre>
 *
 * Runs until killed, or for {@code -Dlauncher.seconds} (default 600).
 */
public final class Py4jLauncher {
    private Py4jLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        int port = Integer.parseInt(args[1]);
        String token = args.length > 2 ? args[2] : null;
        long seconds = Long.getLong("launcher.seconds", 600);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        InetAddress lo = InetAddress.getLoopbackAddress();
        switch (what) {
            case "gateway" -> {
                GatewayServer.GatewayServerBuilder b = new GatewayServer.GatewayServerBuilder()
                        .entryPoint(new FixtureEntryPoint()).javaPort(port).javaAddress(lo);
                if (token != null) {
                    b.authToken(token);
                }
                GatewayServer g = b.build();
                g.start(true);
                System.out.println("gateway listening on " + g.getListeningPort());
                sleepUntil(until);
                g.shutdown();
            }
            case "clientserver" -> {
                ClientServer.ClientServerBuilder b = new ClientServer.ClientServerBuilder(new FixtureEntryPoint())
                        .javaPort(port).javaAddress(lo);
                if (token != null) {
                    b.authToken(token);
                }
                ClientServer cs = b.build();
                System.out.println("clientserver listening on " + port);
                sleepUntil(until);
                cs.shutdown();
            }
            case "callback" -> {
                GatewayServer.GatewayServerBuilder b = new GatewayServer.GatewayServerBuilder()
                        .entryPoint(new FixtureEntryPoint()).javaPort(0).javaAddress(lo);
                if (token != null) {
                    b.callbackClient(port, lo, token);
                } else {
                    b.callbackClient(port, lo);
                }
                GatewayServer g = b.build();
                g.start(true);
                drive(g.getPythonServerEntryPoint(new Class[] {Function.class}), until);
                g.shutdown();
            }
            case "cs-callback" -> {
                ClientServer.ClientServerBuilder b = new ClientServer.ClientServerBuilder(new FixtureEntryPoint())
                        .javaPort(0).pythonPort(port).pythonAddress(lo);
                if (token != null) {
                    b.authToken(token);
                }
                ClientServer cs = b.build();
                drive(cs.getPythonServerEntryPoint(new Class[] {Function.class}), until);
                cs.shutdown();
            }
            default -> throw new IllegalArgumentException("gateway|clientserver|callback|cs-callback, got " + what);
        }
        System.exit(0);
    }

    /** Calls the Python entry point in a loop, passing each result back in, so the fuzzer can check what Java read. */
    @SuppressWarnings("unchecked")
    static void drive(Object proxy, long until) throws InterruptedException {
        Function<Object, Object> f = (Function<Object, Object>) proxy;
        Object prev = null;
        long calls = 0;
        long errors = 0;
        while (System.nanoTime() < until) {
            try {
                prev = f.apply(prev);
            } catch (Throwable t) {
                prev = null;
                errors++;
                Thread.sleep(20);
            }
            calls++;
        }
        System.out.println("driver: " + calls + " calls, " + errors + " failed");
    }

    private static void sleepUntil(long until) throws InterruptedException {
        while (System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }
}
