package io.py4jcodec.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.testkit.PythonPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real py4j Python client's scenario script ({@code py4j_scenarios.py}, a resource of this
 * package) against a {@link GatewayUnderTest} and collects what Python observed, normalised for
 * comparison. The suite starts the gateway on the {@link ScenarioEntryPoint}, runs the script with a
 * bounded time, and closes the gateway whatever happens.
 *
 * <pre>{@code
 * PythonPeer.require();
 * String token = ScenarioSuite.newToken();
 * ScenarioResults py4j = ScenarioSuite.gatewayServer().run(new Py4jGatewayServer(), token);
 * ScenarioResults ours = ScenarioSuite.gatewayServer().run(new OurGateway(), token);
 * ours.assertPassed();
 * ScenarioSuite.assertSameObservableResults(py4j, ours);
 * }</pre>
 */
public final class ScenarioSuite {
    /** How much of the script's standard error a result keeps (its end). */
    public static final int STDERR_KEPT = 16_384;
    /** The script, as shipped in this jar. */
    public static final String SCRIPT_RESOURCE = "py4j_scenarios.py";
    /** Every scenario of the script in GatewayServer mode, in the order it runs them. */
    public static final List<String> GATEWAY_SERVER_SCENARIOS = List.of("values", "overloads", "jvm_views", "lists",
            "maps_and_sets", "arrays_and_iterators", "auto_convert_and_field", "streams", "exceptions", "callbacks", "memory", "help_and_dir",
            "python_threads", "deep_callbacks", "java_thread", "python_thread_ends", "auth", "shutdown");
    /** Every scenario of the script in ClientServer mode, in the order it runs them: GatewayServer mode's and pinning. */
    public static final List<String> CLIENT_SERVER_SCENARIOS = List.of("values", "overloads", "jvm_views", "lists",
            "maps_and_sets", "arrays_and_iterators", "auto_convert_and_field", "streams", "exceptions", "callbacks", "memory", "help_and_dir",
            "python_threads", "deep_callbacks", "java_thread", "python_thread_ends", "pinned_threads", "auth", "shutdown");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two ways a Python client uses a gateway; the script's {@code --mode}. */
    public enum Mode {
        /** {@code JavaGateway} + callback server: pooled connections, callbacks on their own connections. */
        GATEWAY_SERVER("gateway", GATEWAY_SERVER_SCENARIOS),
        /** {@code ClientServer}: pinned threads, callbacks on the calling thread's connection. */
        CLIENT_SERVER("clientserver", CLIENT_SERVER_SCENARIOS);

        private final String flag;
        private final List<String> scenarios;

        Mode(String flag, List<String> scenarios) {
            this.flag = flag;
            this.scenarios = scenarios;
        }

        /** Every scenario the script runs in this mode, in order. */
        public List<String> scenarios() {
            return scenarios;
        }
    }

    private final Mode mode;
    private final List<String> scenarios;
    private final Duration timeout;

    private ScenarioSuite(Mode mode, List<String> scenarios, Duration timeout) {
        this.mode = mode;
        this.scenarios = List.copyOf(scenarios);
        this.timeout = timeout;
    }

    /** Every GatewayServer-mode scenario, two minutes at most. */
    public static ScenarioSuite gatewayServer() {
        return new ScenarioSuite(Mode.GATEWAY_SERVER, GATEWAY_SERVER_SCENARIOS, Duration.ofMinutes(2));
    }

    /** Every ClientServer-mode scenario, two minutes at most. */
    public static ScenarioSuite clientServer() {
        return new ScenarioSuite(Mode.CLIENT_SERVER, CLIENT_SERVER_SCENARIOS, Duration.ofMinutes(2));
    }

    /** The same suite limited to {@code names} (run in the script's order). */
    public ScenarioSuite only(String... names) {
        for (String n : names) {
            if (!mode.scenarios.contains(n)) {
                throw new IllegalArgumentException("no scenario " + n + " in " + mode + " (known: " + mode.scenarios + ")");
            }
        }
        List<String> keep = new ArrayList<>(mode.scenarios);
        keep.retainAll(List.of(names));
        return new ScenarioSuite(mode, keep, timeout);
    }

    /** The same suite with another bound on the script's run time (it is killed when it is reached). */
    public ScenarioSuite timeout(Duration t) {
        return new ScenarioSuite(mode, scenarios, Objects.requireNonNull(t));
    }

    /** The mode this suite drives gateways in. */
    public Mode mode() {
        return mode;
    }

    /** A random token of 32 hex digits (no characters the wire would escape). */
    public static String newToken() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /**
     * Starts {@code gateway} on a new {@link ScenarioEntryPoint} ({@code authToken} null: no auth), runs the
     * script against it with the real Python peer ({@link PythonPeer#require()}: skips the calling test where
     * the peer is missing), and closes the gateway.
     */
    public ScenarioResults run(GatewayUnderTest gateway, String authToken) throws Exception {
        requireMode(Mode.GATEWAY_SERVER);
        return run(gateway.name(), gateway, () -> gateway.start(new ScenarioEntryPoint(), authToken), authToken);
    }

    /** {@link #run(GatewayUnderTest, String)} for a gateway in ClientServer mode ({@link #clientServer()}). */
    public ScenarioResults run(ClientServerUnderTest gateway, String authToken) throws Exception {
        requireMode(Mode.CLIENT_SERVER);
        return run(gateway.name(), gateway, () -> gateway.start(new ScenarioEntryPoint(), authToken), authToken);
    }

    private void requireMode(Mode m) {
        if (mode != m) {
            throw new IllegalArgumentException("this suite runs in " + mode + " mode; use ScenarioSuite."
                    + (m == Mode.GATEWAY_SERVER ? "gatewayServer()" : "clientServer()") + " for a gateway in " + m + " mode");
        }
    }

    private interface Starter {
        int start() throws Exception;
    }

    private ScenarioResults run(String name, AutoCloseable gateway, Starter starter, String authToken) throws Exception {
        PythonPeer py = PythonPeer.require();
        Path dir = Files.createTempDirectory("py4j-scenarios");
        Path script = dir.resolve(SCRIPT_RESOURCE);
        try (InputStream in = ScenarioSuite.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            Files.copy(Objects.requireNonNull(in, SCRIPT_RESOURCE + " is missing from the classpath"), script);
        }
        try (AutoCloseable gw = gateway) {
            int port = starter.start();
            List<String> args = new ArrayList<>(List.of(script.toString(), "--port", Integer.toString(port),
                    "--mode", mode.flag, "--scenarios", String.join(",", scenarios)));
            if (authToken != null) {
                args.add("--auth-token");
                args.add(authToken);
            }
            return runScript(py, name, args);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    private ScenarioResults runScript(PythonPeer py, String name, List<String> args) throws Exception {
        Process p = py.command(args.toArray(String[]::new)).start();
        p.getOutputStream().close();
        StringBuilder err = new StringBuilder();
        Thread errReader = drain(p.getErrorStream(), err);
        Map<String, JsonNode> observed = new LinkedHashMap<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        boolean[] done = {false};
        Thread outReader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode n = JSON.readTree(line);
                    if (n.has("scenario")) {
                        String s = n.get("scenario").asText();
                        synchronized (observed) {
                            observed.put(s, ObservableNormaliser.normalise(n.get("observed")));
                            List<String> f = new ArrayList<>();
                            n.get("failures").forEach(x -> f.add(x.asText()));
                            failures.put(s, f);
                        }
                    } else if (n.has("done")) {
                        synchronized (observed) {
                            done[0] = true;
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (err) {
                    err.append("\n[suite] reading the script's output failed: ").append(e);
                }
            }
        }, "scenario-stdout");
        outReader.setDaemon(true);
        outReader.start();
        int exit;
        if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            exit = -1;
            synchronized (err) {
                err.append("\n[suite] killed after ").append(timeout);
            }
        }
        outReader.join(5_000);
        errReader.join(5_000);
        synchronized (observed) {
            String e;
            synchronized (err) {
                e = err.length() > STDERR_KEPT ? err.substring(err.length() - STDERR_KEPT) : err.toString();
            }
            return new ScenarioResults(name, scenarios, observed, failures, done[0] && exit == 0, exit, e);
        }
    }

    private static Thread drain(InputStream in, StringBuilder into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (into) {
                        into.append(line).append('\n');
                        if (into.length() > 4 * STDERR_KEPT) {
                            into.delete(0, into.length() - STDERR_KEPT);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "scenario-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Fails unless {@code actual} observed exactly what {@code expected} (py4j's run) did, scenario by scenario
     * and observation by observation, after normalisation; the message lists each difference with both sides.
     * Both runs must have completed.
     */
    public static void assertSameObservableResults(ScenarioResults expected, ScenarioResults actual) {
        List<String> diffs = differences(expected, actual);
        if (!diffs.isEmpty()) {
            throw new AssertionError(actual.gateway() + " differs from " + expected.gateway() + " in " + diffs.size()
                    + " observation(s):\n  " + String.join("\n  ", diffs.subList(0, Math.min(diffs.size(), 40)))
                    + (diffs.size() > 40 ? "\n  ... " + (diffs.size() - 40) + " more" : ""));
        }
    }

    /**
     * {@link #assertSameObservableResults(ScenarioResults, ScenarioResults)} except for the observations named in
     * {@code deviations} ({@code "scenario / observation"} to the reason the gateway deliberately differs from
     * py4j there, e.g. a py4j bug it does not reproduce). A listed deviation that does not occur also fails, so
     * the list cannot go stale.
     */
    public static void assertSameObservableResults(ScenarioResults expected, ScenarioResults actual,
                                                   Map<String, String> deviations) {
        List<String> diffs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String d : differences(expected, actual)) {
            String key = deviations.keySet().stream().filter(k -> d.startsWith(k + ": ")).findFirst().orElse(null);
            if (key == null) {
                diffs.add(d);
            } else {
                seen.add(key);
            }
        }
        for (String k : deviations.keySet()) {
            if (!seen.contains(k)) {
                diffs.add(k + ": listed as a deviation (" + deviations.get(k) + ") but observed the same as "
                        + expected.gateway());
            }
        }
        if (!diffs.isEmpty()) {
            throw new AssertionError(actual.gateway() + " differs from " + expected.gateway() + " in " + diffs.size()
                    + " observation(s) not listed as deviations:\n  " + String.join("\n  ", diffs));
        }
    }

    /** The differences {@link #assertSameObservableResults} reports, one line each (empty: the same). */
    public static List<String> differences(ScenarioResults expected, ScenarioResults actual) {
        List<String> diffs = new ArrayList<>();
        if (!expected.completed()) {
            diffs.add("the reference run (" + expected.gateway() + ") did not complete: " + expected.problems());
        }
        if (!actual.completed()) {
            diffs.add("the run did not complete: " + actual.problems());
        }
        TreeSet<String> names = new TreeSet<>(expected.observed().keySet());
        names.addAll(actual.observed().keySet());
        for (String s : names) {
            JsonNode e = expected.observed().get(s);
            JsonNode a = actual.observed().get(s);
            if (e == null || a == null) {
                diffs.add(s + ": reported only by " + (e == null ? actual.gateway() : expected.gateway()));
                continue;
            }
            TreeSet<String> keys = new TreeSet<>();
            e.fieldNames().forEachRemaining(keys::add);
            a.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode ev = e.get(k);
                JsonNode av = a.get(k);
                if (!Objects.equals(ev, av)) {
                    diffs.add(s + " / " + k + ": expected " + shorten(ev) + " but was " + shorten(av));
                }
            }
        }
        return diffs;
    }

    private static String shorten(JsonNode n) {
        String s = n == null ? "(not observed)" : n.toString();
        return s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " chars)" : s;
    }

    /** The scenario names this suite runs, in order. */
    public List<String> scenarios() {
        return scenarios;
    }

}
