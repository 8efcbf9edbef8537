package io.py4jcodec.fuzz.net;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes a Py4J server (a Java {@code GatewayServer} / {@code ClientServer} or a third party's) as
 * a client: each case opens a connection (authenticating if asked), sends one generated command,
 * valid or mutated, as the Python client writes it, then a <em>probe</em>, a valid call with a
 * unique answer ({@code String.valueOf(nonce)}), and reads until the probe's answer. The answers
 * in between are checked against what the protocol requires: exactly one, parseable by the Python
 * reader, not fatal; the connection neither closed, reset nor hung. Each new kind of failure is
 * minimized (lines, then bytes) and written as a reproducer.
 *
 * <p>Cases that could shut the server down (a line that is exactly {@code s} or {@code z}, the
 * shutdown and cancel commands) are skipped: the campaign must not end itself.
 */
public final class ServerCampaign {

    /** Settings of a campaign against a server. */
    public record Config(String host, int port, String authToken, ConnectionMode mode, long seed, int cases,
                         Duration duration, Duration timeout, Path out, boolean progress, PrintStream log) {
    }

    private final Config cfg;
    private final Findings findings = new Findings();
    private final Generators gen = Generators.forLimits(Limits.builder().maxLineBytes(8192).maxParts(200).build());
    private final TextEncoder python = TextCodec.of(Side.PYTHON).newEncoder();
    private byte[] probe;
    private byte[] probeAnswer;
    private int repros;

    public ServerCampaign(Config cfg) {
        this.cfg = cfg;
    }

    public Findings findings() {
        return findings;
    }

    /** What one case did. */
    public record Result(Outcome outcome, String detail, List<byte[]> answers) {
    }

    private static final List<CommandKind> KINDS = Generators.pythonKinds().stream()
            .filter(k -> k != CommandKind.SHUTDOWN && k != CommandKind.CANCEL && k != CommandKind.AUTH).toList();

    /** Runs the campaign, writes reproducers and reports into {@link Config#out()}. */
    public Findings run() throws IOException {
        long t0 = System.nanoTime();
        long deadline = cfg.duration() == null ? Long.MAX_VALUE : t0 + cfg.duration().toNanos();
        calibrate();
        Progress bar = new Progress(System.err, cfg.progress(), cfg.cases(), cfg.duration() == null ? 0 : cfg.duration().toMillis());
        for (int i = 0; i < cfg.cases() && System.nanoTime() < deadline; i++) {
            Entropy e = Choices.seeded(PropertyRunner.caseSeed(cfg.seed(), i));
            CommandKind kind = KINDS.get(e.choose(KINDS.size()));
            Command cmd = gen.pythonCommand(kind, e);
            byte[] bytes = python.encode(cmd);
            String how = "valid";
            if (!e.oneIn(4)) {
                Mutator.Mutation m = Mutator.mutate(bytes, e);
                bytes = m.bytes();
                how = m.name();
            }
            if (unsafe(bytes)) {
                findings.skip();
                continue;
            }
            Result r = runCase(i, kind + " " + how, bytes);
            if (r.outcome() == Outcome.UNREACHABLE) {
                cfg.log().println("target unreachable at case " + i + "; stopping");
                break;
            }
            bar.update(findings.cases(), findings.all().size());
        }
        bar.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        findings.printSummary(cfg.log(), "py4j-codec fuzz --target " + cfg.host() + ":" + cfg.port(), took);
        findings.writeReports(cfg.out(), "py4j-codec fuzz against " + cfg.host() + ":" + cfg.port(), settings(), took);
        return findings;
    }

    /**
     * Runs one case: sends {@code bytes} and the probe, counts the outcome under
     * {@code outcome + " " + what}, and if that signature is new minimizes the bytes and writes a
     * reproducer. Call {@link #calibrate()} first when using it outside {@link #run()}.
     */
    public Result runCase(int caseIndex, String what, byte[] bytes) throws IOException {
        Result r = execute(bytes);
        Findings.Finding f = findings.record(r.outcome(), signature(what, r), caseIndex);
        if (f != null && r.outcome() != Outcome.UNREACHABLE) {
            report(f, caseIndex, what, bytes, r);
        }
        return r;
    }

    /**
     * A root cause's signature: outcome, command kind, whether the bytes were valid or mutated, and where
     * it broke (the fatal answer's reason, how many answers came, or none), not which mutations made
     * the case: dozens of mutations (a blank line, a dropped line, a bad escape in the command name)
     * lose a frame's framing the same way, and one group with its smallest reproducer says so where a
     * group per mutation buried it (384 "distinct findings" in a 10-minute run of four behaviours).
     * The mutations of the case that opened a group stay in its reproducer's detail.
     */
    static String signature(String what, Result r) {
        int space = what.indexOf(' ');
        String kind = space < 0 ? what : what.substring(0, space);
        String how = space < 0 || what.endsWith(" valid") ? "valid" : "mutated";
        return r.outcome() + " " + kind + " " + how + " @" + where(r);
    }

    private static String where(Result r) {
        List<byte[]> answers = r.answers();
        return switch (r.outcome()) {
            case FATAL -> answers.stream().filter(a -> a.length >= 2 && a[0] == '!' && a[1] == 'z').findFirst()
                    .map(ServerCampaign::fatalReason).orElse("fatal");
            case DESYNC -> answers.size() > 2 ? "answers:3+" : "answers:" + answers.size();
            case TIMEOUT, CLOSED, RESET -> answers.isEmpty() ? "no-answer" : "after-answer";
            default -> "answer";
        };
    }

    /** The reason of a {@code !z} line without its variable parts: an error code, or the text up to the first detail. */
    private static String fatalReason(byte[] line) {
        String text = new String(line, 2, line.length - 2, StandardCharsets.UTF_8);
        if (text.startsWith("s")) {
            text = text.substring(1);
        }
        int end = text.length();
        for (String stop : new String[] {":", " at byte", "("}) {
            int i = text.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        String reason = text.substring(0, Math.min(end, 48)).strip().replaceAll("[0-9]+", "N");
        return reason.isEmpty() ? "fatal" : reason.replace(' ', '_');
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("target", cfg.host() + ":" + cfg.port());
        s.put("mode", cfg.mode().name().toLowerCase());
        s.put("seed", Long.toString(cfg.seed()));
        s.put("cases", Integer.toString(cfg.cases()));
        s.put("duration", String.valueOf(cfg.duration()));
        s.put("timeout", String.valueOf(cfg.timeout()));
        s.put("auth", cfg.authToken() == null ? "no" : "yes");
        return s;
    }

    private void report(Findings.Finding f, int caseIndex, String what, byte[] bytes, Result r) throws IOException {
        byte[] small = minimize(bytes, r.outcome());
        Result again = execute(small);
        String detail = "case " + caseIndex + " (" + what + "): " + again.detail();
        Path file = cfg.out().resolve(String.format("%03d-%s.repro", ++repros, f.outcome().name().toLowerCase()));
        java.nio.file.Files.createDirectories(cfg.out());
        new Reproducer("target", cfg.mode().name().toLowerCase(), r.outcome(), f.signature(), cfg.seed(), caseIndex,
                small, probe, probeAnswer, detail, null, null).write(file);
        findings.attach(f, file, small, detail);
    }

    /** Drops lines, then shortens lines, while the outcome stays the same; bounded by attempts. */
    byte[] minimize(byte[] bytes, Outcome outcome) {
        int budget = outcome == Outcome.TIMEOUT ? 6 : 40;
        byte[] best = bytes;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            List<byte[]> lines = split(best);
            for (int i = lines.size() - 1; i >= 0 && budget > 0; i--) {
                List<byte[]> cand = new ArrayList<>(lines);
                cand.remove(i);
                byte[] c = join(cand, best);
                if (c.length == 0 || unsafe(c)) {
                    continue;
                }
                budget--;
                if (execute(c).outcome() == outcome) {
                    best = c;
                    lines = cand;
                    progress = true;
                }
            }
            for (int i = 0; i < lines.size() && budget > 0; i++) {
                byte[] l = lines.get(i);
                if (l.length <= 2) {
                    continue;
                }
                List<byte[]> cand = new ArrayList<>(lines);
                cand.set(i, Arrays.copyOf(l, Math.max(2, l.length / 2)));
                byte[] c = join(cand, best);
                if (unsafe(c)) {
                    continue;
                }
                budget--;
                if (execute(c).outcome() == outcome) {
                    best = c;
                    lines = cand;
                    progress = true;
                }
            }
        }
        return best;
    }

    private static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, s, i));
                s = i + 1;
            }
        }
        if (s < b.length) {
            out.add(Arrays.copyOfRange(b, s, b.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines, byte[] original) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        boolean term = original.length > 0 && original[original.length - 1] == '\n';
        for (int i = 0; i < lines.size(); i++) {
            o.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || term) {
                o.write('\n');
            }
        }
        return o.toByteArray();
    }

    /**
     * True when some line, as a Java reader splits lines (at LF, CR or CRLF), is exactly {@code s}
     * or {@code z}, or is empty: the first two can shut the server down or cut connections if they
     * are read as a command name, and sending them is never worth ending the campaign.
     */
    static boolean unsafe(byte[] bytes) {
        int s = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r') {
                int len = i - s;
                if (len == 1 && (bytes[s] == 's' || bytes[s] == 'z')) {
                    return true;
                }
                s = i + 1;
            }
        }
        return false;
    }

    /** Finds a probe whose answer is unique: {@code String.valueOf(nonce)} as a static call. */
    public void calibrate() {
        long nonce = 0x5EED0000L + (cfg.seed() & 0xFFFF);
        probe = ("c\nz:java.lang.String\nvalueOf\ni" + nonce + "\ne\n").getBytes(StandardCharsets.UTF_8);
        probeAnswer = ("!ys" + nonce).getBytes(StandardCharsets.UTF_8);
        Result r = execute(new byte[0]);
        if (r.outcome() == Outcome.OK || r.outcome() == Outcome.DESYNC) {
            return;
        }
        // a server without java.lang.String: memory delete of an unknown id is always "!yv"
        probe = "m\nd\no999999999\ne\n".getBytes(StandardCharsets.UTF_8);
        probeAnswer = "!yv".getBytes(StandardCharsets.UTF_8);
        r = execute(new byte[0]);
        if (r.outcome() == Outcome.UNREACHABLE) {
            throw new IllegalStateException("cannot reach " + cfg.host() + ":" + cfg.port() + ": " + r.detail());
        }
    }

    /** Replays a reproducer written by a target campaign: the same bytes, the same probe. */
    public Result replay(Reproducer r) {
        if (r.probe() != null) {
            probe = r.probe();
            probeAnswer = r.probeAnswer();
        } else {
            calibrate();
        }
        return execute(r.bytes());
    }

    /** Sends {@code bytes} then the probe on a fresh connection and classifies what comes back. */
    public Result execute(byte[] bytes) {
        long timeoutNanos = cfg.timeout().toNanos();
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(cfg.host(), cfg.port()), (int) cfg.timeout().toMillis());
            } catch (IOException e) {
                return new Result(Outcome.UNREACHABLE, e.toString(), List.of());
            }
            s.setTcpNoDelay(true);
            s.setSoLinger(true, 0);
            Conversation conv = new Conversation(s);
            OutputStream out = s.getOutputStream();
            if (cfg.authToken() != null) {
                out.write(python.encode(new io.py4jcodec.api.model.AuthCommand(cfg.authToken())));
                out.flush();
                if (conv.next(System.nanoTime() + timeoutNanos) != Conversation.End.LINE
                        || !Arrays.equals(conv.line, "!yv".getBytes(StandardCharsets.UTF_8))) {
                    return new Result(Outcome.UNREACHABLE, "authentication failed: " + conv.end + " " + Wire.show(conv.line), List.of());
                }
            }
            try {
                out.write(bytes);
                out.write(probe);
                out.flush();
            } catch (IOException e) {
                // the peer may reset while we write; what it answered before still tells
            }
            long deadline = System.nanoTime() + timeoutNanos;
            List<byte[]> answers = new ArrayList<>();
            while (true) {
                Conversation.End end = conv.next(deadline);
                if (end == Conversation.End.LINE) {
                    if (Arrays.equals(conv.line, probeAnswer)) {
                        return judge(bytes.length == 0, answers);
                    }
                    answers.add(conv.line);
                    if (answers.size() > 64) {
                        return new Result(Outcome.DESYNC, "more than 64 answer lines before the probe's", answers);
                    }
                    continue;
                }
                boolean fatal = answers.stream().anyMatch(a -> a.length >= 2 && a[0] == '!' && a[1] == 'z');
                String seen = answers.size() + " answer line(s) " + show(answers)
                        + (conv.line.length > 0 ? " and a partial line " + Wire.show(conv.line, 120) : "");
                if (fatal) {
                    return new Result(Outcome.FATAL, "fatal answer, then " + end + ": " + seen, answers);
                }
                return switch (end) {
                    case EOF -> new Result(Outcome.CLOSED, "closed after " + seen, answers);
                    case RESET -> new Result(Outcome.RESET, "reset after " + seen, answers);
                    default -> new Result(Outcome.TIMEOUT, "no probe answer within " + cfg.timeout().toMillis() + " ms after " + seen, answers);
                };
            }
        } catch (IOException e) {
            return new Result(Outcome.RESET, e.toString(), List.of());
        }
    }

    /** The probe was answered: the case must have had exactly one answer, well-formed and not fatal. */
    private Result judge(boolean nothingSent, List<byte[]> answers) {
        if (nothingSent && answers.isEmpty()) {
            return new Result(Outcome.OK, "probe answered", answers);
        }
        if (answers.size() != 1) {
            return new Result(Outcome.DESYNC,
                    answers.size() + " answers to one request: " + show(answers), answers);
        }
        byte[] a = answers.get(0);
        TextDecoder d = TextCodec.builder(Side.PYTHON).mode(ConnectionMode.GATEWAY).build().newDecoder();
        d.expectAnswer();
        byte[] line = Arrays.copyOf(a, a.length + 1);
        line[a.length] = '\n';
        try {
            int n = d.decode(line, 0, line.length);
            Message m = d.message();
            if (n != line.length || !(m instanceof ReturnMessage)) {
                return new Result(Outcome.UNPARSEABLE, "not an answer: " + Wire.show(a, 200), answers);
            }
            if (m instanceof FatalReturn) {
                return new Result(Outcome.FATAL, "fatal answer, connection kept open: " + Wire.show(a, 200), answers);
            }
            return new Result(Outcome.OK, Wire.show(a, 200), answers);
        } catch (ProtocolException e) {
            return new Result(Outcome.UNPARSEABLE, e.reason() + ": " + Wire.show(a, 200), answers);
        }
    }

    private static String show(List<byte[]> answers) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < answers.size() && i < 4; i++) {
            b.append(i > 0 ? ", " : "").append(Wire.show(answers.get(i), 160));
        }
        return b.append(answers.size() > 4 ? ", ...]" : "]").toString();
    }
}
