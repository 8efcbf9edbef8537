package io.py4jcodec.bench.gateway;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.PythonProxyValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Java load client of the gateway benchmark: speaks the wire protocol as py4j's Python client
 * does, through codec-text ({@code TextCodec.of(Side.PYTHON)}: its encoder writes the calls, its
 * decoder reads the answers), over {@code --connections} sockets at once, each making its share of
 * {@code --calls} calls of {@code entry_point.echoInt(i)} one after another and checking each answer.
 * In ClientServer mode ({@code --mode clientserver}) every {@code --callback-every}th call is
 * {@code entry_point.callBack(proxy, "x")}, and the client answers Java's call to the proxy on the same
 * connection, as a pinned Python thread does. Run in its own JVM by {@link GatewayBench}, so the
 * gateway's JVM spends CPU only on serving.
 *
 * <p>Latency is each call's round trip (encode, write, read, decode) by {@code System.nanoTime};
 * percentiles are exact, from all samples sorted (a plain {@code long[]}: 8 MB for 10^6 calls, no
 * histogram library needed). Prints one JSON line.
 *
 * <pre>
 * java -cp … io.py4jcodec.bench.gateway.GatewayLoadClient --port 25333 --connections 64 --calls 1000000
 * </pre>
 */
@Command(name = "gateway-load", mixinStandardHelpOptions = true,
        description = "Make calls to a Py4J gateway over many connections at once and report calls/s and latency as JSON.")
public final class GatewayLoadClient implements Callable<Integer> {
    @Option(names = "--port", required = true, description = "the gateway's port on 127.0.0.1")
    int port;

    @Option(names = "--auth-token", description = "sent first on every connection")
    String authToken;

    @Option(names = "--connections", defaultValue = "64", description = "connections calling at once (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--calls", defaultValue = "1000000", description = "timed calls in all (default: ${DEFAULT-VALUE})")
    long calls;

    @Option(names = "--warmup", defaultValue = "2000", description = "untimed calls per connection first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--mode", defaultValue = "gateway", description = "gateway (GatewayServer mode) or clientserver (pinned connections; default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--callback-every", defaultValue = "0",
            description = "clientserver mode: every Nth call is entry_point.callBack(proxy, \"x\"), answered on the same connection (0: none; default: ${DEFAULT-VALUE})")
    int callbackEvery;

    @Option(names = "--timeout-s", defaultValue = "600", description = "give up after this long (default: ${DEFAULT-VALUE})")
    long timeoutS;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayLoadClient()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean clientServer = switch (mode) {
            case "gateway" -> false;
            case "clientserver" -> true;
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--mode: gateway or clientserver, not " + mode);
        };
        if (callbackEvery > 0 && !clientServer) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--callback-every needs --mode clientserver (in GatewayServer mode callbacks need a callback server)");
        }
        Codec codec = TextCodec.builder(Side.PYTHON)
                .mode(clientServer ? ConnectionMode.CLIENT_SERVER : ConnectionMode.GATEWAY).build();
        int per = (int) (calls / connections);
        long[][] latencies = new long[connections][per];
        List<Conn> conns = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            conns.add(new Conn(codec));
        }
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        CountDownLatch reported = new CountDownLatch(1);  // connections stay open until the result is out
        long[] mismatches = new long[connections];
        Throwable[] failures = new Throwable[connections];
        for (int c = 0; c < connections; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                try (Conn conn = conns.get(id)) {
                    conn.open(port, authToken);
                    for (int i = 0; i < warmup; i++) {
                        conn.call(i, callbackEvery);
                    }
                    ready.countDown();
                    go.await();
                    long[] lat = latencies[id];
                    for (int i = 0; i < per; i++) {
                        long t0 = System.nanoTime();
                        boolean right = conn.call(i, callbackEvery);
                        lat[i] = System.nanoTime() - t0;
                        if (!right) {
                            mismatches[id]++;
                        }
                    }
                    done.countDown();
                    reported.await(timeoutS, TimeUnit.SECONDS);
                } catch (Throwable e) {
                    failures[id] = e;
                    ready.countDown();
                    done.countDown();
                }
            }, "load-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        if (!ready.await(timeoutS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections not ready within " + timeoutS + " s");
        }
        // the harness starts its CPU clock on this line
        System.out.println("{\"warm\":true}");
        System.out.flush();
        long t0 = System.nanoTime();
        go.countDown();
        if (!done.await(timeoutS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls not done within " + timeoutS + " s");
        }
        long wall = System.nanoTime() - t0;
        for (Throwable f : failures) {
            if (f != null) {
                throw new IllegalStateException("a connection failed", f);
            }
        }
        long[] all = new long[connections * per];
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, c * per, per);
        }
        Arrays.sort(all);
        long total = (long) connections * per;
        System.out.println(String.format(Locale.ROOT,
                "{\"phase\":\"java-load\",\"calls\":%d,\"connections\":%d,\"seconds\":%.6f,\"calls_per_s\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,"
                        + "\"p999_us\":%.1f,\"max_us\":%.1f,\"mismatches\":%d}",
                total, connections, wall / 1e9, total / (wall / 1e9), pct(all, 0.50), pct(all, 0.99), pct(all, 0.999),
                all[all.length - 1] / 1e3, Arrays.stream(mismatches).sum()));
        System.out.flush();
        reported.countDown();
        return 0;
    }

    /** The q-quantile in microseconds (nearest rank). */
    private static double pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i] / 1e3;
    }

    /** The Python object the callback calls pass: one id, as py4j's Python client would send a proxy. */
    private static final Value CALLBACK = new PythonProxyValue("p0", List.of("io.py4jcodec.testkit.scenario.ScenarioCallback"));
    private static final Value X = Value.ofString("x");

    /** One connection: a reused encoder and buffer for the calls, a decoder over the socket for answers. */
    private static final class Conn implements AutoCloseable {
        private final Codec codec;
        private final MessageEncoder encoder;
        private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(128);
        private final List<Value> args = new ArrayList<>(1);
        private Socket socket;
        private OutputStream os;
        private MessageInputStream in;

        Conn(Codec codec) {
            this.codec = codec;
            this.encoder = codec.newEncoder();
        }

        void open(int port, String token) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            os = socket.getOutputStream();
            in = new MessageInputStream(new BufferedInputStream(socket.getInputStream(), 8192), codec.newDecoder());
            if (token != null) {
                Message m = roundTrip(new AuthCommand(token));
                if (!(m instanceof SuccessReturn)) {
                    throw new IOException("authentication refused: " + m);
                }
            }
        }

        /** Call number {@code i}: {@code echoInt(i)}, or every {@code callbackEvery}th a callback; true if answered right. */
        boolean call(int i, int callbackEvery) throws IOException {
            args.clear();
            if (callbackEvery > 0 && i % callbackEvery == callbackEvery - 1) {
                args.add(CALLBACK);
                args.add(X);
                Message m = roundTrip(new CallCommand("t", "callBack", args));
                return m instanceof SuccessReturn s && s.value() instanceof StringValue v && v.value().equals("java<py:x>");
            }
            args.add(Value.ofInt(i));
            Message m = roundTrip(new CallCommand("t", "echoInt", args));
            if (m instanceof SuccessReturn s && s.value() instanceof IntValue v) {
                return v.value() == i;
            }
            throw new IOException("unexpected answer to echoInt(" + i + "): " + m);
        }

        /**
         * Writes {@code command} and reads its answer; in ClientServer mode answers, on the way, the calls
         * Java makes to the Python object ({@code ScenarioCallback.call(arg)} answers {@code "py:" + arg}).
         */
        private Message roundTrip(Message command) throws IOException {
            send(command);
            while (true) {
                Message m = in.read();
                if (m == null) {
                    throw new IOException("the gateway closed the connection");
                }
                if (!(m instanceof ProxyCallCommand pc)) {
                    return m;
                }
                send(pc.method().equals("call") && pc.arguments().size() == 1 && pc.arguments().get(0) instanceof StringValue a
                        ? ReturnMessage.success(Value.ofString("py:" + a.value()))
                        : ReturnMessage.error("the load client answers only call(String), not " + pc));
            }
        }

        private void send(Message message) throws IOException {
            int n = encoder.encode(message, out, 0);
            os.write(out.byteArray(), 0, n);
            os.flush();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }
}
