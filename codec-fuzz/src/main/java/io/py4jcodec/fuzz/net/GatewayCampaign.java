package io.py4jcodec.fuzz.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.fuzz.Mutator;
import io.py4jcodec.fuzz.PropertyRunner;
import io.py4jcodec.fuzz.Wire;
import io.py4jcodec.spec.CanonicalJson;
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
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fuzzes a Py4J <em>client</em> (the Python side of a PySpark driver) as the gateway it connects
 * to. A driver process makes the client perform operations the campaign chooses (the driver
 * protocol is in {@code drivers/py4j_client.py}); the campaign reads what the client sends with our
 * strict Java reader, answers as a gateway (valid answers, generated and mutated ones, transport
 * faults), reads the client's result, and then sends a probe call whose answer must come back
 * unchanged. The oracles, each an {@link Outcome}: the command differs from what PROTOCOL.md says
 * the operation sends ({@link Outcome#NONCONFORMING}); it cannot be read by the Java side
 * ({@link Outcome#UNPARSEABLE}); the result differs from the value answered ({@link Outcome#MISREAD});
 * one command delivered twice ({@link Outcome#DUPLICATE}); a connection opened or closed that the
 * operation did not call for ({@link Outcome#STRAY_CONNECTION}); an exception that is not one of the
 * client's documented error types ({@link Outcome#UNDOCUMENTED_EXCEPTION}); no result
 * ({@link Outcome#TIMEOUT}); the probe answered wrong ({@link Outcome#DESYNC}).
 */
public final class GatewayCampaign {

    /**
     * Settings of a campaign against a client. {@code clientCmd} has {@code {port}} in place of the port;
     * {@code env} is added to the driver's environment (e.g. {@code PYTHONPATH}).
     */
    public record Config(int port, String authToken, ConnectionMode mode, List<String> clientCmd, Map<String, String> env,
                         long seed, int cases, Duration duration, Duration timeout, Path out, PrintStream log) {
    }

    /** The transport faults, chosen for a case instead of an answer. */
    enum Fault {
        CLOSE_BEFORE, CLOSE_MID, EMPTY, LONE_BANG, EXTRA_LINE, SLOW, RESET;

        String label() {
            return "fault-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One case as it can be replayed: the operation, what it should send, and our answer to the
     * command at {@code at} (null when not a valid one), or a fault. {@code at} is -1 for the last
     * command; a lookup case ({@link #lookup()}) fuzzes the answer to an earlier one (a class lookup,
     * a size, an iterator), every command before it answered validly.
     */
    record Plan(ObjectNode op, ClientOperations.Script script, ReturnMessage answer, byte[] reply, String how, Fault fault,
                int at) {
        Plan(ObjectNode op, ClientOperations.Script script, ReturnMessage answer, byte[] reply, String how, Fault fault) {
            this(op, script, answer, reply, how, fault, -1);
        }

        String kind() {
            return op.get("op").asText();
        }

        /** The index of the command whose answer is fuzzed. */
        int fuzzed() {
            return at < 0 ? script.commands().size() - 1 : at;
        }

        /** Whether the fault leaves no whole answer to read (a slow or an extra-line one does). */
        boolean broken() {
            return fault != null && fault != Fault.SLOW && fault != Fault.EXTRA_LINE;
        }

        /** Whether the fuzzed answer is a lookup's, not the last command's. */
        boolean lookup() {
            return at >= 0 && at < script.commands().size() - 1;
        }
    }

    private sealed interface Ev {
    }

    private record Opened(Conn c) implements Ev {
    }

    private record Cmd(Conn c, Message m, byte[] raw) implements Ev {
    }

    private record Bad(Conn c, String why, byte[] raw) implements Ev {
    }

    private record Closed(Conn c, boolean reset) implements Ev {
    }

    private record Line(int generation, String json) implements Ev {
    }

    private record Exit(int generation, int code) implements Ev {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Config cfg;
    private final Findings findings = new Findings();
    private final Generators gen = Generators.forLimits(Limits.builder().maxLineBytes(4096).maxParts(100).build());
    private final TextEncoder javaWriter = TextCodec.of(Side.JAVA).newEncoder();
    private final BlockingQueue<Ev> events = new LinkedBlockingQueue<>();
    private final AtomicInteger connIds = new AtomicInteger();
    private final AtomicInteger repros = new AtomicInteger();
    private final List<Conn> open = new ArrayList<>();
    /** The outcome of each case with a finding, by index (for {@link #replay(List)}). */
    private final Map<Integer, Outcome> outcomes = new java.util.HashMap<>();
    private volatile int boundPort;
    private Process driver;
    private int generation;
    private Writer toDriver;

    public GatewayCampaign(Config cfg) {
        this.cfg = cfg;
    }

    public int boundPort() {
        return boundPort;
    }

    public Findings findings() {
        return findings;
    }

    /** The operation kinds of the driver protocol; a campaign's first cases take them in this order. */
    public static List<String> operations() {
        return ClientOperations.KINDS;
    }

    /** The shipped driver for the py4j Python client, written to a temporary file. */
    public static Path shippedDriver() throws IOException {
        return Drivers.extract("py4j_client.py");
    }

    /** Runs the campaign: {@code cases} cases or {@code duration}, whichever ends first. */
    public Findings run() throws IOException {
        return run(null);
    }

    /** Replays a reproducer's case and returns its outcome. */
    public Outcome replay(Reproducer r) throws IOException {
        run(List.of(replayed(r)));
        List<Findings.Finding> all = findings.all();
        return all.isEmpty() ? Outcome.OK : all.get(0).outcome();
    }

    /** Replays reproducers one after another with one driver (restarted after a finding); the outcome of each. */
    public List<Outcome> replay(List<Reproducer> rs) throws IOException {
        List<Plan> plans = new ArrayList<>();
        for (Reproducer r : rs) {
            plans.add(replayed(r));
        }
        run(plans);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            out.add(outcomes.getOrDefault(i, Outcome.OK));
        }
        return out;
    }

    /**
     * The plan a reproducer recorded; its bytes are a valid answer when they are the one the command
     * it answers takes, written as our Java writer writes it (else they are sent as they are: an
     * object id holding a CR is read by Python, but no Java writer writes it).
     */
    private Plan replayed(Reproducer r) {
        ObjectNode op = (ObjectNode) CanonicalJson.parse(r.op());
        Fault fault = r.fault() == null || r.fault().isEmpty() ? null : Fault.valueOf(r.fault());
        ClientOperations.Script script = ClientOperations.script(op);
        ReturnMessage answer = answerIn(r.bytes());
        int at = r.answerAt() >= 0 && r.answerAt() < script.commands().size() - 1 ? r.answerAt() : -1;
        boolean valid = at >= 0 ? answer != null && answer.equals(script.lookups().get(at))
                : script.answer() == ClientOperations.AnswerKind.NONE || answer != null && ClientOperations.fits(script.answer(), answer);
        boolean written = answer != null && writesBack(answer, r.bytes()); // else only a mutation made these bytes
        valid &= answer == null || written;
        return new Plan(op, script, valid ? answer : null, r.bytes(), valid ? "valid" : written ? "generated" : "mutated",
                fault, at);
    }

    private Findings run(List<Plan> fixed) throws IOException {
        long t0 = System.nanoTime();
        long deadline = cfg.duration() == null ? Long.MAX_VALUE : t0 + cfg.duration().toNanos();
        try (ServerSocket ss = new ServerSocket(cfg.port(), 50, InetAddress.getLoopbackAddress())) {
            boundPort = ss.getLocalPort();
            Thread acceptor = new Thread(() -> accept(ss), "fuzz-gateway-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            startDriver();
            int cases = fixed != null ? fixed.size() : cfg.cases();
            for (int i = 0; i < cases && System.nanoTime() < deadline; i++) {
                if (driver == null || !driver.isAlive()) {
                    startDriver();
                }
                Plan p = fixed != null ? fixed.get(i) : plan(i, Choices.seeded(PropertyRunner.caseSeed(cfg.seed(), i)));
                runCase(i, p);
            }
        } finally {
            stopDriver();
            synchronized (open) {
                open.forEach(Conn::close);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (fixed == null) {
            findings.printSummary(cfg.log(), "py4j-codec fuzz --role gateway", took);
            findings.writeReports(cfg.out(), "py4j-codec fuzz as the gateway of a client (" + cfg.mode() + ")", settings(), took);
        }
        return findings;
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("role", "gateway");
        s.put("mode", cfg.mode().name().toLowerCase(Locale.ROOT));
        s.put("client", String.join(" ", cfg.clientCmd()));
        s.put("seed", Long.toString(cfg.seed()));
        s.put("cases", Integer.toString(cfg.cases()));
        s.put("timeout", String.valueOf(cfg.timeout()));
        s.put("auth", cfg.authToken() == null ? "no" : "yes");
        return s;
    }

    // ---------------------------------------------------------------- plans

    /** Case {@code index}'s plan: the first cases take every operation kind in turn, so a short campaign covers them all. */
    Plan plan(int index, Entropy e) {
        List<String> kinds = ClientOperations.KINDS;
        String kind = index < kinds.size() ? kinds.get(index) : kinds.get(e.choose(kinds.size()));
        ObjectNode op = ClientOperations.op(kind, e, gen);
        ClientOperations.Script script = ClientOperations.script(op);
        if (script.answer() == ClientOperations.AnswerKind.NONE) {
            return new Plan(op, script, null, new byte[0], "valid", null);
        }
        // drawn after the last command's answer, so that adding lookup cases left every other case of a seed as it was
        Plan last = lastCommandPlan(op, script, e);
        return script.lookups().isEmpty() || e.choose(5) != 0 ? last : lookupPlan(op, script, e);
    }

    private Plan lastCommandPlan(ObjectNode op, ClientOperations.Script script, Entropy e) {
        ReturnMessage generated = gen.answer(Side.JAVA, e);
        // the value the client must give is the answer as its side reads it (a decimal's scale from its text,
        // a lone surrogate as the '?' Java writes)
        ReturnMessage readBack = answerIn(javaWriter.encode(generated));
        ReturnMessage any = readBack != null ? readBack : generated;
        boolean fits = ClientOperations.fits(script.answer(), any);
        if (!fits && e.choose(4) == 0) {
            // an answer no gateway gives to this command (a member to a call, a string to a size): generated, not valid
            return new Plan(op, script, null, javaWriter.encode(any), "generated", null);
        }
        ReturnMessage answer = fits ? any : ClientOperations.typed(script.answer(), e);
        byte[] reply = javaWriter.encode(answer);
        int r = e.choose(10);
        if (r >= 8) {
            return new Plan(op, script, answer, reply, "fault", Fault.values()[e.choose(Fault.values().length)]);
        }
        if (r >= 6) {
            Mutator.Mutation m = Mutator.mutate(reply, e);
            return new Plan(op, script, null, m.bytes(), "mutated", null);
        }
        return new Plan(op, script, answer, reply, "valid", null);
    }

    /**
     * A case that fuzzes the answer to one of the operation's lookups (a class name's, a size, an
     * iterator) instead of its last command's: a transport fault on the valid answer, a mutation of
     * it, or another generated answer. Never the valid answer alone: that is every other case.
     */
    private Plan lookupPlan(ObjectNode op, ClientOperations.Script script, Entropy e) {
        int at = e.choose(script.lookups().size());
        ReturnMessage valid = script.lookups().get(at);
        byte[] reply = javaWriter.encode(valid);
        int r = e.choose(10);
        if (r >= 6) {
            return new Plan(op, script, valid, reply, "fault", Fault.values()[e.choose(Fault.values().length)], at);
        }
        if (r < 2) {
            ReturnMessage other = answerIn(javaWriter.encode(gen.answer(Side.JAVA, e)));
            if (other != null && !other.equals(valid)) {
                return new Plan(op, script, null, javaWriter.encode(other), "generated", null, at);
            }
        }
        return new Plan(op, script, null, Mutator.mutate(reply, e).bytes(), "mutated", null, at);
    }

    /** Whether our Java writer writes {@code a} as exactly {@code bytes}. */
    private boolean writesBack(ReturnMessage a, byte[] bytes) {
        try {
            return Arrays.equals(javaWriter.encode(a), bytes);
        } catch (ProtocolException e) { // UNENCODABLE: a value only a misbehaving gateway sends
            return false;
        }
    }

    /** The answer {@code bytes} are, exactly and alone, as the Python side reads them; null if they are not one. */
    static ReturnMessage answerIn(byte[] bytes) {
        return answerIn(bytes, Side.PYTHON);
    }

    /** The answer {@code bytes} are, exactly and alone, as {@code reader}'s strict reader reads them; null if none. */
    static ReturnMessage answerIn(byte[] bytes, Side reader) {
        try {
            TextDecoder d = TextCodec.builder(reader).strict(true).build().newDecoder();
            d.expectAnswer();
            int n = d.decode(new UnsafeBuffer(bytes), 0, bytes.length);
            return n == bytes.length && d.message() instanceof ReturnMessage m ? m : null;
        } catch (RuntimeException e) { // ProtocolException among them: not an answer
            return null;
        }
    }

    // ---------------------------------------------------------------- one case

    private void runCase(int index, Plan p) throws IOException {
        List<Object[]> found = new ArrayList<>(); // {Outcome, where, detail}
        JsonNode result = perform(p, p.op(), found, true);
        boolean shutdown = "shutdown".equals(p.kind());
        if (result != null) {
            judgeResult(p, result, found);
        }
        if (result != null && !shutdown) {
            // the probe: a plain call whose answer must come back as sent, on a connection still in sync
            String token = "probe" + index;
            ObjectNode probe = JSON.objectNode().put("op", "call").put("target", "t").put("method", "probe");
            probe.putArray("args");
            Plan pp = new Plan(probe, ClientOperations.script(probe), ReturnMessage.success(new StringValue(token)),
                    javaWriter.encode(ReturnMessage.success(new StringValue(token))), "probe", null);
            List<Object[]> probeFound = new ArrayList<>();
            JsonNode pr = perform(pp, probe, probeFound, false);
            if (pr == null) {
                found.add(new Object[]{Outcome.TIMEOUT, "probe", "no result for the probe call"});
            } else if (!pr.path("ok").path("value").asText("").equals(token)) {
                found.add(new Object[]{Outcome.DESYNC, "probe", "probe answered " + token + ", the client returned " + pr});
            }
            for (Object[] f : probeFound) {
                if (f[0] != Outcome.NONCONFORMING) {
                    found.add(new Object[]{f[0], "probe", f[2]});
                } else {
                    found.add(new Object[]{Outcome.DESYNC, "probe", f[2]});
                }
            }
        }
        if (shutdown) {
            stopDriver(); // its client is finished: the next case starts another
        }
        if (found.isEmpty()) {
            findings.record(Outcome.OK, "OK", index);
            return;
        }
        // a client out of step would carry this case's fault into the next ones: each case starts in sync
        stopDriver();
        Object[] first = found.get(0);
        Outcome o = (Outcome) first[0];
        outcomes.put(index, o);
        String signature = o + " " + p.kind() + " " + (p.fault() != null ? p.fault().label() : p.how())
                + (p.lookup() ? " lookup" : "") + " @" + first[1];
        String detail = (String) first[2];
        Findings.Finding f = findings.record(o, signature, index);
        Findings.Finding g = f != null ? f : findings.get(signature);
        if (f != null || (g != null && g.minimized() != null && p.reply().length < g.minimized().length)) {
            writeReproducer(g, o, signature, index, p, detail);
        }
    }

    private void writeReproducer(Findings.Finding f, Outcome o, String signature, int index, Plan p, String detail) {
        try {
            Files.createDirectories(cfg.out());
            Path file = f.reproducer() != null ? f.reproducer()
                    : cfg.out().resolve(String.format("%03d-gateway-%s.repro", repros.incrementAndGet(),
                    o.name().toLowerCase(Locale.ROOT)));
            new Reproducer("gateway", cfg.mode().name().toLowerCase(Locale.ROOT), o, signature, cfg.seed(), index,
                    p.reply(), null, null, detail, CanonicalJson.write(p.op()),
                    p.fault() == null ? "" : p.fault().name(), p.lookup() ? p.at() : -1).write(file);
            findings.attach(f, file, p.reply(), detail);
        } catch (IOException e) {
            cfg.log().println("cannot write reproducer: " + e);
        }
    }

    /**
     * Sends one operation to the driver, serves what the client sends for it (the script's lookups,
     * the plan's answer or fault in place of the one it fuzzes, and after a fuzzed lookup whatever
     * the client still sends answered as a behaving gateway would), returns the driver's result (null: none).
     */
    private JsonNode perform(Plan p, ObjectNode op, List<Object[]> found, boolean fuzzed) throws IOException {
        toDriver.write(CanonicalJson.write(op) + "\n");
        toDriver.flush();
        long deadline = System.nanoTime() + cfg.timeout().toNanos();
        List<Command> script = p.script().commands();
        int at = p.fuzzed();
        int pos = 0;
        Message last = null;
        byte[] lastAnswer = null;
        boolean faulted = false;
        JsonNode result = null; // a result that came before the script's last command (the ClientServer finalizer's)
        boolean closeExpected = "close".equals(p.kind()) || "shutdown".equals(p.kind());
        while (true) {
            long left = deadline - System.nanoTime();
            Ev ev;
            try {
                ev = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (ev == null) {
                if (result != null) {
                    found.add(new Object[]{Outcome.NONCONFORMING, "command", p.kind() + " did not send "
                            + CanonicalJson.write(script.get(pos)) + " within " + cfg.timeout().toMillis() + " ms"});
                    return result;
                }
                found.add(new Object[]{Outcome.TIMEOUT, "result", "no result within " + cfg.timeout().toMillis()
                        + " ms (the client hangs); the driver is restarted"});
                stopDriver();
                return null;
            }
            if (ev instanceof Line l && l.generation() != generation || ev instanceof Exit x && x.generation() != generation) {
                continue; // from a driver already stopped
            }
            if (ev instanceof Line l) {
                JsonNode r = CanonicalJson.parse(l.json());
                if (pos < script.size() && !faulted && !r.has("error") && !p.lookup()) {
                    // py4j's ClientServer releases objects from its FinalizerWorker thread, later: wait for it
                    result = r;
                    continue;
                }
                if (closeExpected) {
                    awaitCloses(Duration.ofMillis(500), c -> false);
                    synchronized (open) {
                        for (Conn c : open) {
                            if (!c.closedByPeer && !c.closedByUs) {
                                found.add(new Object[]{Outcome.STRAY_CONNECTION, "close",
                                        "connection " + c.id + " still open after " + p.kind() + "()"});
                            }
                        }
                    }
                }
                return r;
            }
            if (ev instanceof Exit x) {
                found.add(new Object[]{Outcome.CLOSED, "driver", "the client process exited with " + x.code()});
                return null;
            }
            if (ev instanceof Opened) {
                continue; // in the open list since its accept; judged by its first command (judgeNewConnection)
            }
            if (ev instanceof Closed c) {
                if (!c.c().closedByUs && !closeExpected && !faulted && "valid".equals(p.how()) && fuzzed
                        && !(p.answer() instanceof FatalReturn)) { // after a fatal answer py4j closes, as documented
                    found.add(new Object[]{Outcome.STRAY_CONNECTION, "close",
                            "the client " + (c.reset() ? "reset" : "closed") + " connection " + c.c().id + " after a valid answer"});
                }
                continue;
            }
            if (ev instanceof Bad b) {
                found.add(new Object[]{Outcome.UNPARSEABLE, "command", b.why() + ": " + Wire.show(b.raw(), 300)});
                b.c().close();
                continue;
            }
            Cmd cmd = (Cmd) ev;
            if (!cmd.c().judged) {
                judgeNewConnection(cmd, faulted, found);
            }
            boolean scripted = pos < script.size() && script.get(pos).equals(cmd.m());
            if (!scripted && last != null && last.equals(cmd.m())) {
                found.add(new Object[]{Outcome.DUPLICATE, "command", "the same command twice for one operation: "
                        + Wire.show(cmd.raw(), 300)});
                cmd.c().write(lastAnswer);
                continue;
            }
            if (!scripted && cmd.m() instanceof MemoryDeleteCommand) {
                // the client's garbage collector releasing an object: asynchronous by design, not part of the operation
                cmd.c().write(javaWriter.encode(ReturnMessage.success(VoidValue.INSTANCE)));
                continue;
            }
            if (!scripted && !(p.lookup() && pos > at)) { // after a fuzzed lookup the client may go on differently
                found.add(new Object[]{Outcome.NONCONFORMING, "command", script.isEmpty()
                        ? p.kind() + " sends no command; the client sent " + Wire.show(cmd.raw(), 300)
                        : pos < script.size() ? "expected " + CanonicalJson.write(script.get(pos)) + ", the client sent "
                        + Wire.show(cmd.raw(), 300) : "an extra command for one operation: " + Wire.show(cmd.raw(), 300)});
            }
            last = cmd.m();
            if (pos == at) {
                lastAnswer = p.answer() != null ? javaWriter.encode(p.answer()) : p.reply();
                faulted = answer(cmd.c(), p);
            } else if (pos < script.size() - 1) {
                lastAnswer = javaWriter.encode(p.script().lookups().get(pos));
                cmd.c().write(lastAnswer);
            } else {
                // the last command after a fuzzed lookup (the client went on), or a command past the script's end
                ReturnMessage a = p.lookup() && pos == script.size() - 1 ? ClientOperations.typed(p.script().answer(), Choices.seeded(pos))
                        : p.answer() != null && !p.lookup() ? p.answer() : ReturnMessage.success(NullValue.INSTANCE);
                lastAnswer = javaWriter.encode(a);
                cmd.c().write(lastAnswer);
            }
            pos++;
            if (result != null && pos >= script.size()) {
                return result;
            }
        }
    }

    /**
     * A connection's first command says whose it is. In ClientServer mode one whose first command
     * releases an object ({@code m d}) is py4j's FinalizerWorker thread's, a connection of its own by
     * design (FINDINGS root cause 18), and never a stray. Any other new connection while one that is
     * not the finalizer's is open and idle is a stray (one connection per Python thread).
     */
    private void judgeNewConnection(Cmd cmd, boolean faulted, List<Object[]> found) {
        Conn n = cmd.c();
        n.judged = true;
        if (cfg.mode() == ConnectionMode.CLIENT_SERVER && cmd.m() instanceof MemoryDeleteCommand) {
            n.finalizer = true;
            return;
        }
        // a close just before this open may not have been seen yet
        awaitCloses(Duration.ofMillis(300), c -> c == n || c.finalizer);
        synchronized (open) {
            for (Conn c : open) {
                if (c != n && !c.finalizer && !c.closedByPeer && !c.closedByUs && !faulted) {
                    found.add(new Object[]{Outcome.STRAY_CONNECTION, "connect", "opened connection " + n.id
                            + " while connection " + c.id + " was open and idle"});
                    return;
                }
            }
        }
    }

    /** Lets the close events of connections the client just closed arrive (they race the driver's result line); {@code besides} need not close. */
    private void awaitCloses(Duration d, Predicate<Conn> besides) {
        long until = System.nanoTime() + d.toNanos();
        while (true) {
            synchronized (open) {
                if (open.stream().filter(c -> !c.closedByPeer && !c.closedByUs && !besides.test(c)).count() == 0) {
                    return;
                }
            }
            if (System.nanoTime() > until) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes the plan's answer or fault; true when the connection was broken on purpose. */
    private boolean answer(Conn c, Plan p) {
        byte[] reply = p.reply();
        if (p.script().answer() == ClientOperations.AnswerKind.NONE) {
            return false; // a command without an answer (shutdown)
        }
        if (p.fault() == null) {
            c.write(reply);
            return false;
        }
        switch (p.fault()) {
            case CLOSE_BEFORE -> c.close();
            case CLOSE_MID -> {
                c.write(Arrays.copyOf(reply, Math.max(1, reply.length / 2)));
                c.close();
            }
            case EMPTY -> c.write("\n".getBytes(StandardCharsets.US_ASCII));
            case LONE_BANG -> c.write("!\n".getBytes(StandardCharsets.US_ASCII));
            case EXTRA_LINE -> {
                c.write(reply);
                c.write("!ysextra\n".getBytes(StandardCharsets.US_ASCII));
            }
            case SLOW -> {
                try {
                    Thread.sleep(cfg.timeout().toMillis() / 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.write(reply);
                return false;
            }
            case RESET -> c.reset();
        }
        return p.fault() != Fault.EXTRA_LINE;
    }

    /** Oracles (c) and (f): the result against the answer. */
    private void judgeResult(Plan p, JsonNode r, List<Object[]> found) {
        if (r.has("error")) {
            if (!r.path("documented").asBoolean()) {
                found.add(new Object[]{Outcome.UNDOCUMENTED_EXCEPTION, "result", r.path("module").asText() + "."
                        + r.path("error").asText() + ": " + r.path("message").asText()});
                return;
            }
        }
        if (p.lookup()) {
            judgeLookupResult(p, r, found);
            return;
        }
        ClientOperations.Result kind = p.script().result();
        if (kind == ClientOperations.Result.SWALLOWED) {
            if (r.has("error") || !r.path("ok").path("type").asText().equals("null")) {
                found.add(new Object[]{Outcome.MISREAD, "result", p.kind() + " gives nothing and raises nothing, the client gave " + r});
            }
            return;
        }
        boolean broken = p.broken();
        if (kind == ClientOperations.Result.DISCARDED) {
            // an answer the client cannot read (empty, cut, reset) may raise; any other is dropped unread
            boolean mayRaise = broken || p.how().equals("mutated");
            if (r.has("error") ? !mayRaise : !r.path("ok").path("type").asText().equals("null")) {
                found.add(new Object[]{Outcome.MISREAD, "result", p.kind() + " drops its answer (answered " + Wire.show(p.reply(), 200)
                        + (broken ? " with " + p.fault().label() : "") + "), the client gave " + r});
            }
            return;
        }
        if (p.how().equals("mutated") || p.answer() == null || kind == ClientOperations.Result.UNCHECKED) {
            return;
        }
        boolean ends = kind == ClientOperations.Result.ITERATOR && !broken && !(p.answer() instanceof SuccessReturn);
        boolean wantError = !ends && (broken || !(p.answer() instanceof SuccessReturn));
        if (wantError != r.has("error")) {
            found.add(new Object[]{Outcome.MISREAD, "result", "answered " + Wire.show(p.reply(), 200)
                    + (broken ? " with " + p.fault().label() : "") + ", the client gave " + r});
            return;
        }
        if (wantError || kind == ClientOperations.Result.ERROR_ONLY) {
            return;
        }
        Value answered = ends ? NullValue.INSTANCE : p.answer().value();
        Value got;
        try {
            got = CanonicalJson.value(r.get("ok"));
        } catch (RuntimeException e) {
            got = null;
        }
        boolean same = got != null && (kind == ClientOperations.Result.NAMES
                ? answered instanceof StringValue a && got instanceof StringValue g && names(a.value()).equals(names(g.value()))
                : sameAs(answered, got));
        if (!same) {
            found.add(new Object[]{Outcome.MISREAD, "result", "answered " + Wire.show(p.reply(), 200) + ", the client gave " + r});
        }
    }

    /**
     * Oracle (c) for a fuzzed lookup: the operation's result is not the fuzzed answer's value, so only
     * an answer that says nothing can be judged: a lookup answered with an error, or not answered (cut,
     * empty, a lone {@code !}, closed, reset), leaves the client nothing to go on, and it must raise.
     */
    private void judgeLookupResult(Plan p, JsonNode r, List<Object[]> found) {
        if (r.has("error")) {
            return;
        }
        ReturnMessage answered = p.fault() == null ? answerIn(p.reply()) : p.answer();
        boolean broken = p.broken();
        if (broken || answered != null && !(answered instanceof SuccessReturn)) {
            found.add(new Object[]{Outcome.MISREAD, "result", "lookup " + p.at() + " of " + p.kind() + " answered "
                    + Wire.show(p.reply(), 200) + (broken ? " with " + p.fault().label() : "") + ", the client gave " + r});
        }
    }

    /** Member names as dir() lists them: the set of the LF-separated names (the driver sorts them). */
    private static java.util.Set<String> names(String joined) {
        return new java.util.HashSet<>(Arrays.asList(joined.split("\n", -1)));
    }

    private static boolean sameAs(Value answered, Value got) {
        Value a = answered instanceof VoidValue ? NullValue.INSTANCE : Drivers.asPythonWrites(answered);
        return a.equals(Drivers.asPythonWrites(got));
    }

    // ---------------------------------------------------------------- processes and sockets

    private void startDriver() throws IOException {
        stopDriver();
        events.clear();
        driver = Drivers.start(cfg.clientCmd(), boundPort, cfg.env(), cfg.mode(), cfg.authToken());
        Process d = driver;
        int gen = ++generation;
        toDriver = new java.io.OutputStreamWriter(d.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader rd = new BufferedReader(new InputStreamReader(d.getInputStream(), StandardCharsets.UTF_8));
        String ready = rd.readLine();
        if (ready == null || !ready.contains("ready")) {
            throw Drivers.notStarted("client driver", d, cfg.clientCmd());
        }
        Thread t = new Thread(() -> {
            try {
                for (String l; (l = rd.readLine()) != null; ) {
                    events.add(new Line(gen, l));
                }
                events.add(new Exit(gen, d.waitFor()));
            } catch (IOException | InterruptedException e) {
                events.add(new Exit(gen, -1));
            }
        }, "fuzz-driver-out");
        t.setDaemon(true);
        t.start();
    }

    private void stopDriver() {
        if (driver != null) {
            Drivers.stop(driver);
            driver = null;
            synchronized (open) {
                open.forEach(Conn::close);
                open.clear();
            }
        }
    }

    private void accept(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                Conn c = new Conn(s, connIds.incrementAndGet());
                // listed before its reader starts: a connection that never sends must still count as open and idle
                synchronized (open) {
                    open.removeIf(x -> x.closedByPeer || x.closedByUs);
                    open.add(c);
                }
                Thread t = new Thread(c::read, "fuzz-gateway-conn-" + c.id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One connection from the client: reads its commands with the strict Java reader, handles auth. */
    private final class Conn {
        final Socket s;
        final int id;
        volatile boolean closedByUs;
        volatile boolean closedByPeer;
        /** Whether its first command was seen (the event loop's thread only). */
        boolean judged;
        /** Whether it is py4j's FinalizerWorker's connection (ClientServer mode; read under the open list's lock too). */
        volatile boolean finalizer;

        Conn(Socket s, int id) {
            this.s = s;
            this.id = id;
        }

        void read() {
            TextDecoder decoder = TextCodec.builder(Side.JAVA).mode(cfg.mode()).strict(true).keepUnknownCommands(true)
                    .limits(Limits.builder().maxLineBytes(1 << 20).maxFrameBytes(4 << 20).build()).build().newDecoder();
            boolean authed = cfg.authToken() == null;
            byte[] acc = new byte[1 << 16];
            int start = 0;
            int end = 0;
            events.add(new Opened(this));
            try {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                while (true) {
                    int n;
                    try {
                        n = decoder.decode(new UnsafeBuffer(acc), start, end - start);
                    } catch (ProtocolException e) {
                        events.add(new Bad(this, "the Java reader cannot read what the client sent: " + e.getMessage(),
                                Arrays.copyOfRange(acc, start, end)));
                        return;
                    }
                    if (n > 0) {
                        Message m = decoder.message();
                        byte[] raw = Arrays.copyOfRange(acc, start, start + n);
                        start += n;
                        if (!authed) {
                            if (m instanceof AuthCommand a && a.token().equals(cfg.authToken())) {
                                authed = true;
                                write("!yv\n".getBytes(StandardCharsets.US_ASCII));
                                continue;
                            }
                            events.add(new Bad(this, "the first command is not the auth command with the token", raw));
                            return;
                        }
                        events.add(new Cmd(this, m, raw));
                        continue;
                    }
                    if (start > 0) {
                        System.arraycopy(acc, start, acc, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == acc.length) {
                        acc = Arrays.copyOf(acc, acc.length * 2);
                    }
                    int r = in.read(acc, end, acc.length - end);
                    if (r < 0) {
                        closedByPeer = true;
                        events.add(new Closed(this, false));
                        return;
                    }
                    end += r;
                }
            } catch (IOException e) {
                if (!closedByUs) {
                    closedByPeer = true;
                    events.add(new Closed(this, true));
                }
            } catch (RuntimeException e) {
                events.add(new Bad(this, "our reader failed (a bug of ours, not the client's): " + e, new byte[0]));
            }
        }

        void write(byte[] b) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(b);
                out.flush();
            } catch (IOException e) {
                // the reader reports the close
            }
        }

        void close() {
            closedByUs = true;
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }

        void reset() {
            closedByUs = true;
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
