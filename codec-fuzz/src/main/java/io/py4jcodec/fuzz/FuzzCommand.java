package io.py4jcodec.fuzz;

import io.py4jcodec.fuzz.net.CallbackCampaign;
import io.py4jcodec.fuzz.net.ClientCampaign;
import io.py4jcodec.fuzz.net.Findings;
import io.py4jcodec.fuzz.net.GatewayCampaign;
import io.py4jcodec.fuzz.net.Outcome;
import io.py4jcodec.fuzz.net.Reproducer;
import io.py4jcodec.fuzz.net.ServerCampaign;
import io.py4jcodec.text.ConnectionMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code py4j-codec fuzz}: the socket fuzzer, against a Py4J server ({@code --target}) or as the
 * server a Py4J client connects to ({@code --listen}), and the replay of its reproducers.
 *
 * <p>Runs standalone ({@link #main}) and is meant to be registered as the {@code fuzz} sub-command
 * of {@code py4j-codec}: add {@code FuzzCommand.class} to the {@code subcommands} of the CLI's
 * {@code @Command}.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fuzz a Py4J server or client over a socket (127.0.0.1) and write minimized reproducers.",
            "Against a server (--target) it acts as the Python client: valid commands, then mutated ones "
                + "(framing, prefixes, escapes, lengths, Unicode, sub-commands, argument counts), each followed by a probe "
                + "call that checks the connection is still in sync.",
            "As a server (--listen) it is the Python callback server (gateway mode) or PythonServer (clientserver mode) "
                + "that a Java callback client connects to, and answers each request with generated or mutated answers.",
            "With --listen --role gateway it is the gateway a Py4J client (py4j's Python JavaGateway or ClientServer) "
                + "connects to: a driver (--client-cmd; default the shipped drivers/py4j_client.py with python3) makes the "
                + "client perform operations (calls and constructors with generated arguments of every type the Python API "
                + "sends, field get/set, java_import, list/map/set/array len, get, set, slice, contains and iteration, dir, "
                + "help, GC of a proxy, shutdown, close); the class lookups, sizes and iterators they need are answered "
                + "validly, their last command first validly, then with generated and mutated answers and transport faults, "
                + "each operation followed by a probe call. "
                + "Gateway-role outcomes: NONCONFORMING, UNPARSEABLE, MISREAD, DUPLICATE, STRAY_CONNECTION, "
                + "UNDOCUMENTED_EXCEPTION, TIMEOUT, DESYNC.",
            "With --target --role callback-client it is Java's callback client calling a Python callback server (port 0 "
                + "or --server-cmd: the shipped drivers/py4j_callback_server.py registers echo, typed, raise and slow "
                + "objects): proxy calls with generated and mutated arguments and GC commands, each valid one followed by a "
                + "probe; oracles: one answer per request, its value, the probe, hangs, the server staying up.",
            "Outcomes: FATAL, CLOSED, RESET, TIMEOUT (hang), DESYNC, UNPARSEABLE, MISREAD. Each distinct finding is "
                + "written as a reproducer (NNN-outcome.repro) beside report.md and report.json in --out.",
            "Exit code: 0 no finding, 1 findings (or a replay that did not reproduce), 2 usage or I/O error."},
        footer = {"", "Examples:",
            "  py4j-codec fuzz --target 127.0.0.1:25333 --seed 1 --cases 5000 --duration 2m",
            "  py4j-codec fuzz --listen 25334 --auth-token secret --duration 60s",
            "  PYTHONPATH=/path/to/py4j-python/src py4j-codec fuzz --listen 0 --role gateway --mode client_server --cases 200",
            "  PYTHONPATH=/path/to/py4j-python/src py4j-codec fuzz --target 127.0.0.1:0 --role callback-client --cases 500",
            "  py4j-codec fuzz --listen 0 --role gateway --client-cmd \"python3 my_driver.py {port}\" --auth-token secret",
            "  py4j-codec fuzz --replay fuzz-out/001-fatal.repro --target 127.0.0.1:25333"})
public final class FuzzCommand implements Callable<Integer> {

    static final class Role {
        @Option(names = "--target", paramLabel = "HOST:PORT", description = "Fuzz the Py4J server at HOST:PORT (as a client).")
        String target;

        @Option(names = "--listen", paramLabel = "PORT", description = "Listen on 127.0.0.1:PORT and fuzz the client that connects.")
        Integer listen;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Role role = new Role();

    @Option(names = "--replay", paramLabel = "FILE", description = "Replay a reproducer (with --target or --listen; "
            + "the role comes from the file) and check it gives the same outcome.")
    Path replay;

    @Option(names = "--role", defaultValue = "auto", paramLabel = "ROLE", description = "With --listen: gateway (we are "
            + "the gateway a Py4J client connects to, and a driver makes the client act); without it we are the Python "
            + "callback server a Java callback client calls. With --target: callback-client (we are Java's callback client "
            + "calling a Python callback server); without it we are a Python client of a Java server.")
    String fuzzRole;

    @Option(names = "--client-cmd", paramLabel = "CMD", description = "Gateway role: the driver of the client, {port} "
            + "replaced by the port (default: python3 with the shipped drivers/py4j_client.py; python3 must find py4j, "
            + "e.g. PYTHONPATH or pip install py4j==0.10.9.9). The mode and token reach it in PY4J_FUZZ_MODE and "
            + "PY4J_FUZZ_AUTH_TOKEN.")
    String clientCmd;

    @Option(names = "--server-cmd", paramLabel = "CMD", description = "Callback-client role: start the callback server "
            + "with CMD ({port} replaced by 0; it prints {\"ready\": true, \"port\": N}) instead of using --target's port "
            + "(--server-cmd default with --target 127.0.0.1:0: python3 with the shipped drivers/py4j_callback_server.py).")
    String serverCmd;

    @Option(names = "--auth-token", paramLabel = "T", description = "Authenticate with this token (target), or require it (listen).")
    String authToken;

    @Option(names = "--mode", defaultValue = "GATEWAY", description = "gateway or client_server (default: ${DEFAULT-VALUE}).")
    ConnectionMode mode;

    @Option(names = "--seed", description = "Seed of the run (default: random, printed).")
    Long seed;

    @Option(names = "--cases", defaultValue = "1000", description = "Most cases to run (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--duration", description = "Most time to run, e.g. 90s, 5m, PT1M (default: no limit).")
    String duration;

    @Option(names = "--timeout", defaultValue = "1000", paramLabel = "MS",
            description = "How long to wait for an answer (target) or the client's next move (listen), in ms (default: ${DEFAULT-VALUE}).")
    int timeoutMs;

    @Option(names = "--idle", defaultValue = "15", paramLabel = "S",
            description = "Listen: stop when no client has done anything for this many seconds (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--out", defaultValue = "fuzz-out", paramLabel = "DIR",
            description = "Where reproducers and report.md/report.json go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar (it is only drawn on a terminal anyway).")
    boolean noProgress;

    PrintStream log = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FuzzCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            return fuzz();
        } catch (io.py4jcodec.fuzz.net.DriverNotStartedException e) {
            log.println("fuzz: " + e.getMessage()); // a setup problem the user fixes: the message, not a stack trace
            return 2;
        }
    }

    private int fuzz() throws Exception {
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        Duration d = duration == null ? null : parseDuration(duration);
        Duration timeout = Duration.ofMillis(timeoutMs);
        boolean progress = !noProgress && System.console() != null;
        if (!java.util.Set.of("auto", "gateway", "callback-client").contains(fuzzRole)
                || "gateway".equals(fuzzRole) && role.target != null || "callback-client".equals(fuzzRole) && role.listen != null) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--role gateway goes with --listen, --role callback-client with --target; got --role " + fuzzRole);
        }
        if (replay != null) {
            return replay(timeout);
        }
        if (role.target != null && "callback-client".equals(fuzzRole)) {
            log.println("fuzzing the callback server as Java's callback client, seed " + s + " (re-run with --seed " + s + ")");
            Findings f = callback(s, d, timeout).run();
            log.println("reports: " + out.resolve("report.md") + ", " + out.resolve("report.json"));
            return f.all().isEmpty() ? 0 : 1;
        }
        if (role.target != null) {
            HostPort hp = HostPort.parse(role.target);
            log.println("fuzzing server " + role.target + " seed " + s + " (re-run with --seed " + s + ")");
            Findings f = new ServerCampaign(new ServerCampaign.Config(hp.host, hp.port, authToken, mode, s, cases, d,
                    timeout, out, progress, log)).run();
            log.println("reports: " + out.resolve("report.md") + ", " + out.resolve("report.json"));
            return f.all().isEmpty() ? 0 : 1;
        }
        if (role.listen != null && "gateway".equals(fuzzRole)) {
            GatewayCampaign g = gateway(role.listen, s, d, timeout);
            log.println("fuzzing the client as its gateway, seed " + s + " (re-run with --seed " + s + ")");
            Findings f = g.run();
            log.println("reports: " + out.resolve("report.md") + ", " + out.resolve("report.json"));
            return f.all().isEmpty() ? 0 : 1;
        }
        if (role.listen != null) {
            log.println("listening on 127.0.0.1:" + role.listen + " seed " + s + " (re-run with --seed " + s + ")");
            Findings f = new ClientCampaign(new ClientCampaign.Config(role.listen, authToken, mode, s, cases, d, timeout,
                    Duration.ofSeconds(idleSeconds), out, progress, log)).run();
            log.println("reports: " + out.resolve("report.md") + ", " + out.resolve("report.json"));
            return f.all().isEmpty() ? 0 : 1;
        }
        throw new CommandLine.ParameterException(new CommandLine(this), "one of --target, --listen or --replay is required");
    }

    private int replay(Duration timeout) throws Exception {
        Reproducer r = Reproducer.read(replay);
        Outcome got;
        if ("callback-client".equals(r.role())) {
            mode = ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT));
            if (role.target == null) {
                role.target = "127.0.0.1:0";
            }
            got = callback(r.seed(), null, timeout).replay(r);
            log.println("replayed " + replay + ": " + got);
        } else if ("gateway".equals(r.role())) {
            mode = ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT));
            got = gateway(role.listen == null ? 0 : role.listen, r.seed(), null, timeout).replay(r);
            log.println("replayed " + replay + ": " + got);
        } else if ("target".equals(r.role())) {
            if (role.target == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--replay of a target reproducer needs --target HOST:PORT");
            }
            HostPort hp = HostPort.parse(role.target);
            ServerCampaign c = new ServerCampaign(new ServerCampaign.Config(hp.host, hp.port, authToken,
                    ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT)), r.seed(), 1, null, timeout, out, false, log));
            ServerCampaign.Result res = c.replay(r);
            got = res.outcome();
            log.println("replayed " + replay + ": " + got + " (" + res.detail() + ")");
        } else {
            if (role.listen == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--replay of a listen reproducer needs --listen PORT");
            }
            ClientCampaign c = new ClientCampaign(new ClientCampaign.Config(role.listen, authToken,
                    ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT)), r.seed(), Integer.MAX_VALUE, null, timeout,
                    Duration.ofSeconds(idleSeconds), out, false, log));
            got = c.replay(r);
            log.println("replayed " + replay + ": " + got + " (" + c.replayDetail() + ")");
        }
        if (got == r.outcome()) {
            log.println("reproduced: " + got);
            return 0;
        }
        log.println("NOT reproduced: expected " + r.outcome() + ", got " + got);
        return 1;
    }

    private GatewayCampaign gateway(int port, long s, Duration d, Duration timeout) throws java.io.IOException {
        java.util.List<String> cmd = clientCmd != null ? java.util.List.of(clientCmd.trim().split("\\s+"))
                : java.util.List.of("python3", GatewayCampaign.shippedDriver().toString(), "{port}");
        return new GatewayCampaign(new GatewayCampaign.Config(port, authToken, mode, cmd, java.util.Map.of(), s, cases, d,
                timeout.toMillis() == 1000 ? Duration.ofSeconds(5) : timeout, out, log));
    }

    private CallbackCampaign callback(long s, Duration d, Duration timeout) throws java.io.IOException {
        HostPort hp = HostPort.parse(role.target);
        java.util.List<String> cmd = serverCmd != null ? java.util.List.of(serverCmd.trim().split("\\s+"))
                : hp.port == 0 ? java.util.List.of("python3", CallbackCampaign.shippedDriver().toString(), "{port}") : null;
        return new CallbackCampaign(new CallbackCampaign.Config(hp.host, hp.port, authToken, mode, cmd, java.util.Map.of(),
                s, cases, d, timeout, out, log));
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        long n = Character.isDigit(unit) ? Long.parseLong(t) : Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    record HostPort(String host, int port) {
        static HostPort parse(String s) {
            int c = s.lastIndexOf(':');
            if (c <= 0) {
                throw new IllegalArgumentException("expected HOST:PORT, got " + s);
            }
            return new HostPort(s.substring(0, c), Integer.parseInt(s.substring(c + 1)));
        }
    }
}
