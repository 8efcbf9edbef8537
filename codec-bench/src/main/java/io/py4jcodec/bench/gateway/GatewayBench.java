package io.py4jcodec.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.bench.Machine;
import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.testkit.scenario.ClientServerUnderTest;
import io.py4jcodec.testkit.scenario.GatewayUnderTest;
import io.py4jcodec.testkit.scenario.Py4jClientServer;
import io.py4jcodec.testkit.scenario.Py4jGatewayServer;
import io.py4jcodec.testkit.scenario.ScenarioEntryPoint;
import io.py4jcodec.testkit.scenario.ScenarioSuite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The gateway benchmark (a command run by hand for the benchmark report, not a timed test): for each
 * gateway, started in this JVM on the scenario entry point,
 * <ol>
 *   <li>the real py4j Python client's calls/s for a loop of {@code entry_point.echoInt(i)} on one thread
 *       ({@code py4j_call_loop.py}), and the gateway's CPU per call;</li>
 *   <li>the Java load client ({@link GatewayLoadClient}, codec-text on the wire, its own JVM) with
 *       {@code --connections} connections making {@code --java-calls} calls: calls/s, p50/p99 latency,
 *       the gateway's CPU per call, and its heap.</li>
 * </ol>
 * <b>Server CPU</b> is this JVM's process CPU time ({@code com.sun.management.OperatingSystemMXBean
 * .getProcessCpuTime}: every thread, JIT and GC included) over the timed part; the clients run in other
 * processes, and this JVM's own harness threads only wait meanwhile. <b>Heap</b> is the sum of the heap
 * pools' peak usage during the timed part (reset after a GC before it), with the GC count and time.
 * Gateways alternate run by run (A B A B …) so that drifts in the shared machine's load hit both; the
 * report gives every run and the medians, with {@code /proc/loadavg} before and after each.
 *
 * <pre>
 * java -Xms256m -Xmx256m -cp … io.py4jcodec.bench.gateway.GatewayBench --gateway py4j,com.example.OurGateway \
 *      --java-calls 1000000 --runs 2 --out docs/results/gateway-bench.md
 * </pre>
 */
@Command(name = "gateway-bench", mixinStandardHelpOptions = true,
        description = "Benchmark Py4J gateways with the real Python client and a 64-connection Java load client.")
public final class GatewayBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--gateway", split = ",", defaultValue = "py4j",
            description = "gateways: py4j (py4j's GatewayServer, or ClientServer with --mode clientserver) or a class with a"
                    + " no-arg constructor implementing GatewayUnderTest (ClientServerUnderTest with --mode clientserver) (default: ${DEFAULT-VALUE})")
    List<String> gateways;

    @Option(names = "--mode", defaultValue = "gateway",
            description = "gateway (GatewayServer mode) or clientserver (pinned threads) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--python-callbacks", defaultValue = "0",
            description = "timed Python calls that Java calls back, after the call loop (default: ${DEFAULT-VALUE})")
    int pythonCallbacks;

    @Option(names = "--callback-every", defaultValue = "0",
            description = "clientserver mode: every Nth Java load-client call is a callback (the report: 10; default: ${DEFAULT-VALUE})")
    int callbackEvery;

    @Option(names = "--python-calls", defaultValue = "20000", description = "timed Python calls per run (default: ${DEFAULT-VALUE})")
    int pythonCalls;

    @Option(names = "--python-warmup", defaultValue = "3000", description = "untimed Python calls first (default: ${DEFAULT-VALUE})")
    int pythonWarmup;

    @Option(names = "--java-calls", defaultValue = "100000", description = "timed Java load-client calls per run (report: 1000000; default: ${DEFAULT-VALUE})")
    long javaCalls;

    @Option(names = "--connections", defaultValue = "64", description = "Java load-client connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--java-warmup", defaultValue = "2000", description = "untimed calls per load-client connection first (default: ${DEFAULT-VALUE})")
    int javaWarmup;

    @Option(names = "--client-jvm-args", defaultValue = "-Xms512m -Xmx512m", description = "the load client JVM's flags (default: ${DEFAULT-VALUE})")
    String clientJvmArgs;

    @Option(names = "--runs", defaultValue = "2", description = "runs per gateway, alternating (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--auth-token", description = "token every client sends (default: a random one; auth is once per connection)")
    String authToken;

    @Option(names = "--skip-python", description = "no Python client phase")
    boolean skipPython;

    @Option(names = "--skip-java", description = "no Java load-client phase")
    boolean skipJava;

    @Option(names = "--out", description = "also write the Markdown report here")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayBench()).execute(args));
    }

    /** One measured phase of one run. */
    record Row(String gateway, int run, String phase, JsonNode client, double serverCpuNsPerCall, long peakHeapBytes,
               long gcCount, long gcMillis, int serverThreads, String loadBefore, String loadAfter) {
        double d(String field) {
            return client.path(field).asDouble(Double.NaN);
        }
    }

    @Override
    public Integer call() throws Exception {
        String token = authToken != null ? authToken : ScenarioSuite.newToken();
        PythonPeer py = skipPython ? null : PythonPeer.find().orElseThrow(() ->
                new IllegalStateException("the real Py4J Python peer was not found: " + PythonPeer.HOW_TO_ENABLE));
        List<Row> rows = new ArrayList<>();
        Instant started = Instant.now();
        if (!mode.equals("gateway") && !mode.equals("clientserver")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--mode: gateway or clientserver, not " + mode);
        }
        for (int run = 1; run <= runs; run++) {
            for (String g : gateways) {
                try (Started gw = start(g, token)) {
                    if (!skipPython) {
                        for (Row r : measure(gw.name(), run, pythonLoop(py, gw.port(), token))) {
                            rows.add(r);
                            print(r);
                        }
                    }
                    if (!skipJava) {
                        for (Row r : measure(gw.name(), run, javaLoad(gw.port(), token))) {
                            rows.add(r);
                            print(r);
                        }
                    }
                }
            }
        }
        String report = report(rows, started);
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
        return 0;
    }

    /** A gateway of either mode, started on a new scenario entry point. */
    private record Started(String name, int port, AutoCloseable gateway) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            gateway.close();
        }
    }

    private Started start(String name, String token) throws Exception {
        Object gw = name.equals("py4j")
                ? (mode.equals("gateway") ? new Py4jGatewayServer() : new Py4jClientServer())
                : newInstance(name);
        if (mode.equals("gateway") && gw instanceof GatewayUnderTest g) {
            return new Started(g.name(), g.start(new ScenarioEntryPoint(), token), g);
        }
        if (mode.equals("clientserver") && gw instanceof ClientServerUnderTest c) {
            return new Started(c.name(), c.start(new ScenarioEntryPoint(), token), c);
        }
        throw new IllegalArgumentException(name + " is not a " + (mode.equals("gateway") ? "GatewayUnderTest" : "ClientServerUnderTest"));
    }

    /**
     * A client process: started, warmed up, then told to go while the server's clocks run ({@code toldToGo}),
     * or trusted to go by itself: the Java client does, and may have finished and closed its stdin before a
     * newline could reach it.
     */
    private interface Client {
        Process start() throws IOException;

        default boolean toldToGo() {
            return true;
        }
    }

    private ProcessBuilder withClientInherit(ProcessBuilder pb) {
        return pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** A gateway class's no-arg constructor, even a test adapter's package-private one. */
    private static Object newInstance(String className) throws ReflectiveOperationException {
        var ctor = Class.forName(className).getDeclaredConstructor();
        ctor.setAccessible(true);
        return ctor.newInstance();
    }

    private Client pythonLoop(PythonPeer py, int port, String token) throws IOException {
        Path script = Files.createTempFile("py4j_call_loop", ".py");
        try (InputStream in = GatewayBench.class.getResourceAsStream("py4j_call_loop.py")) {
            Files.copy(Objects.requireNonNull(in, "py4j_call_loop.py"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        script.toFile().deleteOnExit();
        return () -> withClientInherit(py.command(script.toString(), "--port", Integer.toString(port), "--auth-token",
                token, "--mode", mode, "--calls", Integer.toString(pythonCalls), "--warmup", Integer.toString(pythonWarmup),
                "--callbacks", Integer.toString(pythonCallbacks))).start();
    }

    private Client javaLoad(int port, String token) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(clientJvmArgs.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayLoadClient.class.getName(),
                "--port", Integer.toString(port), "--auth-token", token, "--connections", Integer.toString(connections),
                "--calls", Long.toString(javaCalls), "--warmup", Integer.toString(javaWarmup), "--mode", mode,
                "--callback-every", Integer.toString(callbackEvery)));
        return new Client() {
            @Override
            public Process start() throws IOException {
                return withClientInherit(new ProcessBuilder(cmd)).start();
            }

            @Override
            public boolean toldToGo() {
                return false;
            }
        };
    }

    /**
     * Runs a client through its phases: for each, waits for its {@code {"warm":true}} line, starts the
     * server-side clocks and says go (a newline on its stdin; the Java client goes by itself right after
     * printing the line), and stops the clocks when the phase's result line arrives.
     */
    private List<Row> measure(String gateway, int run, Client client) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        List<Row> rows = new ArrayList<>();
        Process p = client.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             OutputStream stdin = p.getOutputStream()) {
            for (String warm; (warm = r.readLine()) != null; ) {
                if (!JSON.readTree(warm).path("warm").asBoolean()) {
                    throw new IllegalStateException("expected the client's warm line, got: " + warm);
                }
                String loadBefore = loadAverage();
                System.gc();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long gcCount0 = gcCount();
                long gcMs0 = gcMillis();
                long cpu0 = os.getProcessCpuTime();
                if (client.toldToGo()) {
                    stdin.write('\n');
                    stdin.flush();
                }
                String result = r.readLine();
                long cpu1 = os.getProcessCpuTime();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
                long gcCount = gcCount() - gcCount0;
                long gcMs = gcMillis() - gcMs0;
                if (result == null) {
                    throw new IllegalStateException("the client ended without a result");
                }
                JsonNode res = JSON.readTree(result);
                if (res.path("mismatches").asLong(-1) != 0) {
                    throw new IllegalStateException("the client got wrong answers: " + result);
                }
                rows.add(new Row(gateway, run, res.path("phase").asText(), res, (cpu1 - cpu0) / res.path("calls").asDouble(),
                        peak, gcCount, gcMs, threads, loadBefore, loadAverage()));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the client failed (exit " + (p.isAlive() ? "none: hung" : p.exitValue()) + ")");
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("the client reported nothing");
            }
            return rows;
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The first three fields of {@code /proc/loadavg}, or "n/a" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void print(Row r) {
        System.err.printf(Locale.ROOT, "[gateway-bench] %s run %d %s: %s, server CPU %.1f us/call, load %s -> %s%n",
                r.gateway(), r.run(), r.phase(), r.client(), r.serverCpuNsPerCall() / 1e3, r.loadBefore(), r.loadAfter());
    }

    private String report(List<Row> rows, Instant started) {
        StringBuilder sb = new StringBuilder();
        var rt = ManagementFactory.getRuntimeMXBean();
        sb.append("# Gateway benchmark, ").append(mode.equals("gateway") ? "GatewayServer" : "ClientServer").append(" mode\n\n");
        sb.append(String.format(Locale.ROOT, "Started %s on %s; JDK %s (%s); gateway JVM flags: %s.%n%n", started,
                Machine.describe(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                String.join(" ", rt.getInputArguments())));
        sb.append(String.format(Locale.ROOT, "Python client: py4j %s, `entry_point.echoInt(i)` in a loop on one thread, "
                        + "%d timed calls after %d warm-up calls%s. Java load client: codec-text, %d connections, %d timed "
                        + "calls in all after %d warm-up calls per connection%s, its own JVM (%s). Server CPU: the gateway "
                        + "JVM's process CPU time over the timed part, per call. Heap: peak of the gateway JVM's heap "
                        + "pools during it. Latency percentiles: exact, from every call's round trip sorted. Gateways "
                        + "alternate run by run; the machine is shared (2 cores, other work running), so read the load "
                        + "averages beside each number. They count runnable threads machine-wide, the benchmark's own "
                        + "included: the Java load phase's client and gateway threads lift the 1-minute figure by "
                        + "themselves, and it decays over a minute, so a phase right after a Java load phase starts "
                        + "with a high figure that is mostly the benchmark's.%n%n",
                skipPython ? "-" : PythonPeer.find().map(PythonPeer::version).orElse("?"), pythonCalls, pythonWarmup,
                pythonCallbacks > 0 ? ", then " + pythonCallbacks + " timed `entry_point.callBack(cb, \"x\")` calls that Java calls back" : "",
                connections, javaCalls, javaWarmup,
                callbackEvery > 0 ? ", every " + callbackEvery + "th call a callback answered on the same connection" : "",
                clientJvmArgs));
        pythonSection(sb, rows, "python", "Real Python client (one thread)", "calls");
        pythonSection(sb, rows, "python-callbacks", "Real Python client, calls Java calls back (one thread)", "callbacks");
        if (rows.stream().anyMatch(r -> r.phase().equals("java-load"))) {
            sb.append(String.format(Locale.ROOT, "%n## Java load client (%d connections)%n%n", connections));
            sb.append("| gateway | run | calls | calls/s | p50 µs | p99 µs | p99.9 µs | max µs | server CPU µs/call "
                    + "| peak heap MB | GCs (ms) | server threads | load avg before → after |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
            for (Row r : rows) {
                if (r.phase().equals("java-load")) {
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f "
                                    + "| %d (%d) | %d | %s → %s |%n", r.gateway(), r.run(), r.d("calls"),
                            r.d("calls_per_s"), r.d("p50_us"), r.d("p99_us"), r.d("p999_us"), r.d("max_us"),
                            r.serverCpuNsPerCall() / 1e3, r.peakHeapBytes() / 1048576.0, r.gcCount(), r.gcMillis(),
                            r.serverThreads(), r.loadBefore(), r.loadAfter()));
                }
            }
            Map<String, ToDoubleFunction<Row>> m = new LinkedHashMap<>();
            m.put("calls/s", r -> r.d("calls_per_s"));
            m.put("p50 µs", r -> r.d("p50_us"));
            m.put("p99 µs", r -> r.d("p99_us"));
            m.put("server CPU µs/call", r -> r.serverCpuNsPerCall() / 1e3);
            m.put("peak heap MB", r -> r.peakHeapBytes() / 1048576.0);
            medians(sb, rows, "java-load", m);
        }
        return sb.toString();
    }

    private void pythonSection(StringBuilder sb, List<Row> rows, String phase, String title, String unit) {
        if (rows.stream().noneMatch(r -> r.phase().equals(phase))) {
            return;
        }
        String per = unit.equals("calls") ? "call" : "callback";
        sb.append("\n## ").append(title).append("\n\n");
        sb.append("| gateway | run | ").append(unit).append("/s | server CPU µs/").append(per).append(" | Python CPU µs/")
                .append(per).append(" | load avg before → after |\n|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            if (r.phase().equals(phase)) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %s → %s |%n", r.gateway(), r.run(),
                        r.d("calls_per_s"), r.serverCpuNsPerCall() / 1e3, r.d("python_cpu_s") / r.d("calls") * 1e6,
                        r.loadBefore(), r.loadAfter()));
            }
        }
        Map<String, ToDoubleFunction<Row>> m = new LinkedHashMap<>();
        m.put(unit + "/s", r -> r.d("calls_per_s"));
        m.put("server CPU µs/" + per, r -> r.serverCpuNsPerCall() / 1e3);
        medians(sb, rows, phase, m);
    }

    private void medians(StringBuilder sb, List<Row> rows, String phase, Map<String, ToDoubleFunction<Row>> columns) {
        sb.append(String.format(Locale.ROOT, "%nMedians over %d run(s):%n%n| gateway | %s |%n|---|%s%n", runs,
                String.join(" | ", columns.keySet()), "---:|".repeat(columns.size())));
        for (String g : rows.stream().filter(r -> r.phase().equals(phase)).map(Row::gateway).distinct().toList()) {
            List<Row> mine = rows.stream().filter(r -> r.phase().equals(phase) && r.gateway().equals(g)).toList();
            sb.append("| ").append(g);
            for (ToDoubleFunction<Row> f : columns.values()) {
                sb.append(String.format(Locale.ROOT, " | %.1f", median(mine, f)));
            }
            sb.append(" |\n");
        }
    }

    private static double median(List<Row> rows, ToDoubleFunction<Row> f) {
        double[] v = rows.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
