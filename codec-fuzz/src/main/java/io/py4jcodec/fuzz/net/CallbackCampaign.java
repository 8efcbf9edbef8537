package io.py4jcodec.fuzz.net;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.fuzz.Mutator;
import io.py4jcodec.fuzz.PropertyRunner;
import io.py4jcodec.fuzz.Wire;
import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.TextEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fuzzes a Python callback server (py4j's {@code CallbackServer}, or {@code PythonServer} in
 * ClientServer mode) as Java's callback client: proxy calls with generated and mutated arguments to
 * the objects the shipped driver {@code drivers/py4j_callback_server.py} registers ({@code echo},
 * {@code typed}, {@code raise}, {@code slow}) and garbage-collect commands. Oracles: one answer per
 * request ({@link Outcome#DESYNC} for more), the answer's value ({@link Outcome#MISREAD}), an answer
 * the Java side cannot read ({@link Outcome#UNPARSEABLE}), the connection still in sync (a probe call
 * to the driver's {@code probe} object, {@link Outcome#DESYNC}), hangs ({@link Outcome#TIMEOUT}), the connection closed
 * on a valid request ({@link Outcome#CLOSED}, {@link Outcome#RESET}), the server staying up
 * ({@link Outcome#UNREACHABLE}).
 */
public final class CallbackCampaign {

    /**
     * Settings. With a {@code serverCmd} (its {@code {port}} replaced by 0) the driver is started and its
     * printed port used; otherwise {@code host:port} is fuzzed as it is.
     */
    public record Config(String host, int port, String authToken, ConnectionMode mode, List<String> serverCmd,
                         Map<String, String> env, long seed, int cases, Duration duration, Duration timeout, Path out,
                         PrintStream log) {
    }

    /** One case: the request bytes and, for a valid request, the answer it must get. */
    record Plan(String kind, String how, byte[] request, ReturnMessage expected) {
    }

    private final Config cfg;
    private final Findings findings = new Findings();
    private final Generators gen = Generators.forLimits(Limits.builder().maxLineBytes(4096).maxParts(100).build());
    private final TextEncoder javaWriter = TextCodec.of(Side.JAVA).newEncoder();
    private final AtomicInteger repros = new AtomicInteger();
    private Process server;
    private int port;
    private Socket socket;
    private InputStream in;

    public CallbackCampaign(Config cfg) {
        this.cfg = cfg;
    }

    public Findings findings() {
        return findings;
    }

    /** The shipped callback-server driver, written to a temporary file. */
    public static Path shippedDriver() throws IOException {
        return Drivers.extract("py4j_callback_server.py");
    }

    public Findings run() throws IOException {
        return run(null);
    }

    /** Replays a reproducer's request and returns its outcome. */
    public Outcome replay(Reproducer r) throws IOException {
        ReturnMessage expected = r.op() == null || r.op().isEmpty() ? null : GatewayCampaign.answerIn(
                java.util.Base64.getDecoder().decode(r.op()), Side.JAVA);
        run(new Plan(r.signature().split(" ")[1], "replay", r.bytes(), expected));
        List<Findings.Finding> all = findings.all();
        return all.isEmpty() ? Outcome.OK : all.get(0).outcome();
    }

    private Findings run(Plan fixed) throws IOException {
        long t0 = System.nanoTime();
        long deadline = cfg.duration() == null ? Long.MAX_VALUE : t0 + cfg.duration().toNanos();
        try {
            startServer();
            int cases = fixed != null ? 1 : cfg.cases();
            for (int i = 0; i < cases && System.nanoTime() < deadline; i++) {
                Plan p = fixed != null ? fixed : plan(Choices.seeded(PropertyRunner.caseSeed(cfg.seed(), i)));
                runCase(i, p);
            }
        } finally {
            disconnect();
            stopServer();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (fixed == null) {
            findings.printSummary(cfg.log(), "py4j-codec fuzz --role callback-client", took);
            Map<String, String> s = new LinkedHashMap<>();
            s.put("role", "callback-client");
            s.put("mode", cfg.mode().name().toLowerCase(Locale.ROOT));
            s.put("server", cfg.serverCmd() == null ? cfg.host() + ":" + cfg.port() : String.join(" ", cfg.serverCmd()));
            s.put("seed", Long.toString(cfg.seed()));
            s.put("cases", Integer.toString(cfg.cases()));
            s.put("timeout", String.valueOf(cfg.timeout()));
            s.put("auth", cfg.authToken() == null ? "no" : "yes");
            findings.writeReports(cfg.out(), "py4j-codec fuzz as the callback client of a Python callback server", s, took);
        }
        return findings;
    }

    Plan plan(Entropy e) {
        if (e.oneIn(20)) {
            // a proxy nobody holds: py4j answers a bare success
            return new Plan("PROXY_GC", "valid", javaWriter.encode(new ProxyGcCommand("p" + e.choose(1000))),
                    ReturnMessage.successWithoutValue());
        }
        String target = e.pick("echo", "echo", "echo", "typed", "raise", "slow");
        List<Value> args = new ArrayList<>();
        Value arg = echoable(gen.argument(Side.JAVA, e));
        args.add(arg);
        String method = target.equals("typed") ? e.pick("int", "long", "double", "bool", "str", "bytes", "none", "decimal")
                : "m" + e.choose(10);
        byte[] request = javaWriter.encode(new ProxyCallCommand(target, method, args));
        ReturnMessage expected = switch (target) {
            case "echo" -> ReturnMessage.success(Drivers.asPythonWrites(arg));
            case "typed" -> ReturnMessage.success(typed(method));
            case "raise" -> null; // an error answer (checked by kind)
            default -> ReturnMessage.success(new StringValue("slow"));
        };
        if (expected != null) {
            // as the Java side reads what it wrote (a decimal's scale is the one its text gives)
            expected = GatewayCampaign.answerIn(javaWriter.encode(expected), Side.JAVA);
        }
        if (e.oneIn(3)) {
            Mutator.Mutation m = Mutator.mutate(request, e);
            for (String line : new String(m.bytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.equals("s") || line.equals("z")) {
                    return new Plan("PROXY_CALL", "valid", request, expected);
                }
            }
            return new Plan("PROXY_CALL", "mutated", m.bytes(), null);
        }
        return new Plan("PROXY_CALL", target.equals("raise") ? "raise" : "valid", request, expected);
    }

    /** Values a Python echo hands back unchanged as Python writes them. */
    private static Value echoable(Value v) {
        if (v instanceof VoidValue || v instanceof ListReference || v instanceof MapReference || v instanceof SetReference
                || v instanceof ArrayReference || v instanceof IteratorReference) {
            return NullValue.INSTANCE;
        }
        if (v instanceof StringValue s && s.value().chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            return new StringValue("?"); // Java writes a lone surrogate as '?'
        }
        return v;
    }

    private static Value typed(String method) {
        return switch (method) {
            case "int" -> new IntValue(7);
            case "long" -> Value.ofInteger(1L << 40);
            case "double" -> new DoubleValue(0.1);
            case "bool" -> BooleanValue.TRUE;
            case "str" -> new StringValue("s\n\\x");
            case "bytes" -> new BytesValue(new byte[]{0, (byte) 0xff});
            case "none" -> NullValue.INSTANCE;
            default -> new DecimalValue(new java.math.BigDecimal("1.10"), false);
        };
    }

    private void runCase(int index, Plan p) throws IOException {
        List<Object[]> found = new ArrayList<>();
        if (socket == null && !connect(found)) {
            record(index, p, found);
            return;
        }
        socket.getOutputStream().write(p.request());
        socket.getOutputStream().flush();
        Conversation conv = new Conversation(socket);
        Conversation.End end = conv.next(System.nanoTime() + cfg.timeout().toNanos());
        boolean broken = false;
        if (end != Conversation.End.LINE) {
            if (!p.how().equals("mutated")) {
                found.add(new Object[]{end == Conversation.End.TIMEOUT ? Outcome.TIMEOUT
                        : end == Conversation.End.EOF ? Outcome.CLOSED : Outcome.RESET, "answer",
                        "no answer to a valid request (" + end + ")"});
            } else if (end == Conversation.End.TIMEOUT && endsAFrame(p.request())) {
                found.add(new Object[]{Outcome.TIMEOUT, "answer", "no answer, close or reset within "
                        + cfg.timeout().toMillis() + " ms"});
            }
            broken = true;
        } else {
            byte[] answer = lineBytes(conv.line);
            ReturnMessage got = GatewayCampaign.answerIn(answer, Side.JAVA);
            if (got == null) {
                found.add(new Object[]{Outcome.UNPARSEABLE, "answer", "the Java reader cannot read the answer "
                        + Wire.show(answer, 300)});
            } else if (p.how().equals("raise")) {
                if (!(got instanceof ErrorReturn)) {
                    found.add(new Object[]{Outcome.MISREAD, "answer", "a raising method answered " + Wire.show(answer, 300)});
                }
            } else if (p.expected() != null && !p.expected().equals(normalize(got))) {
                found.add(new Object[]{Outcome.MISREAD, "answer", "expected " + Wire.show(javaWriter.encode(p.expected()), 300)
                        + ", answered " + Wire.show(answer, 300)});
            }
            // one answer per request: nothing more may follow
            Conversation.End extra = conv.next(System.nanoTime() + 50_000_000L);
            if (extra == Conversation.End.LINE || extra == Conversation.End.TIMEOUT && conv.line.length > 0) {
                found.add(new Object[]{Outcome.DESYNC, "answer", "a second answer to one request: " + Wire.show(conv.line, 300)});
                broken = true;
            } else if (extra != Conversation.End.TIMEOUT) {
                if (!p.how().equals("mutated")) {
                    found.add(new Object[]{extra == Conversation.End.EOF ? Outcome.CLOSED : Outcome.RESET, "after-answer",
                            "the server closed the connection after answering a valid request"});
                }
                broken = true;
            }
        }
        if (!broken) {
            String token = "probe" + index;
            socket.getOutputStream().write(javaWriter.encode(new ProxyCallCommand("probe", "apply",
                    List.of(new StringValue(token)))));
            Conversation.End pe = conv.next(System.nanoTime() + cfg.timeout().toNanos());
            byte[] pa = lineBytes(conv.line);
            if (pe != Conversation.End.LINE || !ReturnMessage.success(new StringValue(token))
                    .equals(GatewayCampaign.answerIn(pa, Side.JAVA))) {
                found.add(new Object[]{Outcome.DESYNC, "probe", "the probe echo of " + token + " got " + pe + " "
                        + Wire.show(pa, 300)});
            }
        }
        if (broken || !found.isEmpty()) {
            disconnect();
            // the server staying up: a new connection must be accepted
            if (!connect(new ArrayList<>())) {
                found.add(new Object[]{Outcome.UNREACHABLE, "reconnect", "the server no longer accepts connections"});
            }
            disconnect();
            if (server != null) {
                // a fresh server for the next case: a mutated request may have collected one of its objects
                stopServer();
                startServer();
            }
        }
        record(index, p, found);
    }

    /** A request that does not end with the {@code e} line leaves the server waiting for the rest: no hang. */
    private static boolean endsAFrame(byte[] b) {
        int n = b.length;
        return n >= 2 && b[n - 1] == '\n' && b[n - 2] == 'e' && (n == 2 || b[n - 3] == '\n');
    }

    private static ReturnMessage normalize(ReturnMessage m) {
        return m instanceof SuccessReturn s && s.value() != null ? ReturnMessage.success(Drivers.asPythonWrites(s.value())) : m;
    }

    private static byte[] lineBytes(byte[] line) {
        byte[] b = java.util.Arrays.copyOf(line, line.length + 1);
        b[line.length] = '\n';
        return b;
    }

    private void record(int index, Plan p, List<Object[]> found) {
        if (found.isEmpty()) {
            findings.record(Outcome.OK, "OK", index);
            return;
        }
        Object[] first = found.get(0);
        Outcome o = (Outcome) first[0];
        String signature = o + " " + p.kind() + " " + p.how() + " @" + first[1];
        Findings.Finding f = findings.record(o, signature, index);
        Findings.Finding g = f != null ? f : findings.get(signature);
        if (f == null && (g == null || g.minimized() == null || p.request().length >= g.minimized().length)) {
            return;
        }
        try {
            Files.createDirectories(cfg.out());
            Path file = g.reproducer() != null ? g.reproducer() : cfg.out().resolve(String.format(
                    "%03d-callback-%s.repro", repros.incrementAndGet(), o.name().toLowerCase(Locale.ROOT)));
            new Reproducer("callback-client", cfg.mode().name().toLowerCase(Locale.ROOT), o, signature, cfg.seed(), index,
                    p.request(), null, null, (String) first[2], p.expected() == null ? ""
                    : java.util.Base64.getEncoder().encodeToString(javaWriter.encode(p.expected())), "").write(file);
            findings.attach(g, file, p.request(), (String) first[2]);
        } catch (IOException e) {
            cfg.log().println("cannot write reproducer: " + e);
        }
    }

    private boolean connect(List<Object[]> found) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(cfg.serverCmd() != null ? "127.0.0.1" : cfg.host(), port), 2000);
            s.setTcpNoDelay(true);
            socket = s;
            in = s.getInputStream();
            if (cfg.authToken() != null) {
                s.getOutputStream().write(javaWriter.encode(new AuthCommand(cfg.authToken())));
                Conversation c = new Conversation(s);
                if (c.next(System.nanoTime() + cfg.timeout().toNanos()) != Conversation.End.LINE
                        || !new String(c.line, StandardCharsets.UTF_8).equals("!yv")) {
                    found.add(new Object[]{Outcome.UNREACHABLE, "auth", "the server refused our token: " + Wire.show(c.line)});
                    disconnect();
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            found.add(new Object[]{Outcome.UNREACHABLE, "connect", e.toString()});
            return false;
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
            socket = null;
            in = null;
        }
    }

    private void startServer() throws IOException {
        if (cfg.serverCmd() == null) {
            port = cfg.port();
            return;
        }
        server = Drivers.start(cfg.serverCmd(), 0, cfg.env(), cfg.mode(), cfg.authToken());
        String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        int at = ready == null ? -1 : ready.indexOf("\"port\":");
        if (at < 0) {
            throw Drivers.notStarted("callback server driver", server, cfg.serverCmd());
        }
        port = Integer.parseInt(ready.substring(at + 7).replaceAll("[^0-9]", ""));
    }

    private void stopServer() {
        Drivers.stop(server);
        server = null;
    }
}
