package io.py4jcodec.fuzz.net;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.fuzz.Mutator;
import io.py4jcodec.fuzz.PropertyRunner;
import io.py4jcodec.fuzz.Wire;
import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.testkit.ReadBack;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.TextEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fuzzes a Py4J client as its server: the peer that a Java callback client (or a third party's
 * client) connects to, i.e. a Python callback server ({@code GatewayServer} mode) or a Python
 * {@code PythonServer} ({@code ClientServer} mode). Every command the client sends is one case: it
 * is answered with a generated answer as Python writes it, or a mutated one, and the client's next
 * move judges that answer: its next request (fine), a close or reset, or silence until the timeout
 * (a hang, after which we close). When the client echoes what it got (a {@code Function.apply}
 * driver passing each result into the next call, as our launcher does), a valid value that comes
 * back different is a {@link Outcome#MISREAD}.
 */
public final class ClientCampaign {

    /** Settings of a campaign against a client. */
    public record Config(int port, String authToken, ConnectionMode mode, long seed, int cases, Duration duration,
                         Duration timeout, Duration idle, Path out, boolean progress, PrintStream log) {
    }

    private final Config cfg;
    private final Findings findings = new Findings();
    private final Generators gen = Generators.forLimits(Limits.builder().maxLineBytes(4096).maxParts(100).build());
    private final AtomicInteger nextCase = new AtomicInteger();
    private final AtomicInteger repros = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Replaying: the replies to send, one per request, the reproducer's own last; null in a campaign. */
    private volatile List<byte[]> fixedReplies;
    /** Replaying: what the client must pass back after the last reply, when it is a valid answer. */
    private volatile Value fixedEcho;
    private volatile Outcome firstOutcome;
    private volatile String replayDetail;
    private volatile int boundPort;

    public ClientCampaign(Config cfg) {
        this.cfg = cfg;
    }

    public Findings findings() {
        return findings;
    }

    /** The port actually listened on (useful with port 0), once {@link #run()} has bound it. */
    public int boundPort() {
        return boundPort;
    }

    /** Runs until the case or time budget is spent, or no client connects for {@link Config#idle()}. */
    public Findings run() throws IOException {
        long t0 = System.nanoTime();
        long deadline = cfg.duration() == null ? Long.MAX_VALUE : t0 + cfg.duration().toNanos();
        Progress bar = new Progress(System.err, cfg.progress(), cfg.cases(), cfg.duration() == null ? 0 : cfg.duration().toMillis());
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fuzz-client-conn");
            t.setDaemon(true);
            return t;
        });
        try (ServerSocket ss = new ServerSocket(cfg.port(), 50, InetAddress.getLoopbackAddress())) {
            boundPort = ss.getLocalPort();
            ss.setSoTimeout(200);
            long lastActivity = System.nanoTime();
            int conn = 0;
            while (!stop.get() && System.nanoTime() < deadline && nextCase.get() < cfg.cases()) {
                try {
                    Socket s = ss.accept();
                    lastActivity = System.nanoTime();
                    int id = conn++;
                    pool.execute(() -> serve(s, id));
                } catch (SocketTimeoutException e) {
                    if (findings.cases() != lastCases) {
                        lastCases = findings.cases();
                        lastActivity = System.nanoTime();
                    } else if (System.nanoTime() - lastActivity > cfg.idle().toNanos()) {
                        cfg.log().println("no client activity for " + cfg.idle().toSeconds() + " s; stopping");
                        break;
                    }
                }
                bar.update(findings.cases(), findings.all().size());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            try {
                pool.awaitTermination(cfg.timeout().toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
        }
        bar.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (fixedReplies == null) {
            findings.printSummary(cfg.log(), "py4j-codec fuzz --listen " + boundPort, took);
            findings.writeReports(cfg.out(), "py4j-codec fuzz as the server of a client on port " + boundPort, settings(), took);
        }
        return findings;
    }

    private int lastCases = -1;

    /**
     * Replays a listen-role reproducer: answers the first requests with the replies recorded before
     * its case on the same connection, the next with its bytes, and reports the client's reaction
     * to that one (or how the connection ended, if it ended before it). A valid answer among them is
     * judged as in a campaign: a client that passes back another value misread it.
     */
    public Outcome replay(Reproducer r) throws IOException {
        List<byte[]> replies = new ArrayList<>(r.before());
        replies.add(r.bytes());
        fixedEcho = validEcho(r.bytes());
        fixedReplies = replies;
        run();
        return firstOutcome;
    }

    /** After {@link #replay}: which case gave its outcome, and what the client did. */
    public String replayDetail() {
        return replayDetail;
    }

    /** The echo of {@code reply} when it is one answer exactly as our Python writer writes it, else null. */
    private Value validEcho(byte[] reply) {
        try {
            TextDecoder reader = TextCodec.builder(Side.JAVA).mode(cfg.mode()).build().newDecoder();
            int n = reader.decode(new UnsafeBuffer(reply), 0, reply.length);
            if (n == reply.length && reader.message() instanceof ReturnMessage a
                    && java.util.Arrays.equals(reply, TextCodec.of(Side.PYTHON).newEncoder().encode(a))) {
                return echoOf(a);
            }
        } catch (ProtocolException e) {
            // not an answer: nothing to misread
        }
        return null;
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen", Integer.toString(boundPort));
        s.put("mode", cfg.mode().name().toLowerCase());
        s.put("seed", Long.toString(cfg.seed()));
        s.put("cases", Integer.toString(cfg.cases()));
        s.put("duration", String.valueOf(cfg.duration()));
        s.put("timeout", String.valueOf(cfg.timeout()));
        s.put("auth", cfg.authToken() == null ? "no" : "yes");
        return s;
    }

    /**
     * The replies a reproducer keeps from before its case on the same connection. A client can carry
     * one answer into the next (py4j's callback clients leave an extra line in their reader, root
     * cause 7), so a case alone may not replay; in the campaigns the line came from one to a few
     * cases back, and a bound keeps a long connection from making every reproducer long.
     */
    static final int MAX_BEFORE = 16;

    /** Our last answer on a connection, waiting for the client's next move to be judged; {@code before}: the replies before it there. */
    private record Pending(int caseIndex, String signature, byte[] reply, Value echo, List<byte[]> before) {
    }

    private void serve(Socket s, int connId) {
        TextEncoder python = TextCodec.of(Side.PYTHON).newEncoder();
        TextDecoder decoder = TextCodec.builder(Side.PYTHON).mode(cfg.mode()).keepUnknownCommands(true)
                .limits(Limits.builder().maxLineBytes(1 << 20).maxFrameBytes(4 << 20).build()).build().newDecoder();
        Pending pending = null;
        java.util.ArrayDeque<byte[]> history = new java.util.ArrayDeque<>();
        boolean authed = cfg.authToken() == null;
        byte[] acc = new byte[1 << 16];
        int start = 0;
        int end = 0;
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                // next frame from the client, or how the client ended
                Message msg = null;
                Outcome ended = null;
                String why = null;
                long deadline = System.nanoTime() + cfg.timeout().toNanos();
                while (msg == null && ended == null) {
                    try {
                        int n = decoder.decode(new UnsafeBuffer(acc), start, end - start);
                        if (n > 0) {
                            msg = decoder.message();
                            start += n;
                            break;
                        }
                    } catch (ProtocolException e) {
                        ended = Outcome.UNPARSEABLE;
                        why = "the client wrote what the Python reader cannot read: " + e.getMessage();
                        break;
                    }
                    if (start > 0) {
                        System.arraycopy(acc, start, acc, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == acc.length) {
                        acc = java.util.Arrays.copyOf(acc, acc.length * 2);
                    }
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        if (pending == null && !stop.get()) {
                            // an idle client between calls is not a finding
                            deadline = System.nanoTime() + cfg.timeout().toNanos();
                            continue;
                        }
                        ended = Outcome.TIMEOUT;
                        why = "no request, close or reset within " + cfg.timeout().toMillis() + " ms after our answer";
                        break;
                    }
                    s.setSoTimeout((int) Math.max(1, left));
                    try {
                        int r = in.read(acc, end, acc.length - end);
                        if (r < 0) {
                            ended = Outcome.CLOSED;
                            why = "the client closed the connection after our answer";
                        } else {
                            end += r;
                        }
                    } catch (SocketTimeoutException e) {
                        // loop: the deadline decides
                    } catch (SocketException e) {
                        ended = Outcome.RESET;
                        why = "the client reset the connection after our answer: " + e.getMessage();
                    }
                }
                if (pending != null) {
                    Outcome o = ended != null ? ended : Outcome.OK;
                    String detail = why;
                    if (ended == null && pending.echo() != null && msg instanceof ProxyCallCommand c
                            && c.arguments().size() == 1 && !pending.echo().equals(c.arguments().get(0))) {
                        o = Outcome.MISREAD;
                        detail = "answered " + Wire.show(pending.reply(), 200) + ", the client passed back "
                                + c.arguments().get(0) + " instead of " + pending.echo();
                    }
                    judge(pending, o, detail == null ? "next request: " + msg : detail);
                    pending = null;
                }
                if (msg == null) {
                    return;
                }
                if (!authed) {
                    if (msg instanceof AuthCommand a && a.token().equals(cfg.authToken())) {
                        out.write("!yv\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.flush();
                        authed = true;
                        continue;
                    }
                    out.write("!xn\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                if (stop.get()) {
                    return;
                }
                int caseIndex = nextCase.getAndIncrement();
                if (caseIndex >= cfg.cases()) {
                    stop.set(true);
                    return;
                }
                Entropy e = Choices.seeded(PropertyRunner.caseSeed(cfg.seed(), caseIndex));
                String kind = msg instanceof Command c ? c.kind().name() : "ANSWER";
                byte[] reply;
                String how;
                Value echo = null;
                List<byte[]> fixed = fixedReplies;
                if (fixed != null) {
                    int last = fixed.size() - 1;
                    reply = fixed.get(Math.min(caseIndex, last));
                    how = "replay";
                    echo = caseIndex == last ? fixedEcho : null;
                } else if (msg instanceof ProxyGcCommand && e.coin()) {
                    reply = python.encode(ReturnMessage.successWithoutValue());
                    how = "valid";
                } else {
                    ReturnMessage answer = gen.answer(Side.PYTHON, e);
                    reply = python.encode(answer);
                    how = "valid";
                    if (e.oneIn(3)) {
                        Mutator.Mutation m = Mutator.mutate(reply, e);
                        reply = m.bytes();
                        how = m.name();
                    } else {
                        echo = echoOf(answer);
                    }
                }
                try {
                    out.write(reply);
                    out.flush();
                } catch (IOException ex) {
                    judge(new Pending(caseIndex, "RESET " + kind + " " + how, reply, null, List.copyOf(history)), Outcome.RESET,
                            ex.toString());
                    return;
                }
                pending = new Pending(caseIndex, kind + " " + how, reply, echo, List.copyOf(history));
                history.addLast(reply);
                if (history.size() > MAX_BEFORE) {
                    history.removeFirst();
                }
            }
        } catch (IOException e) {
            if (pending != null) {
                judge(pending, Outcome.RESET, e.toString());
            }
        }
    }

    /** What a Java client echoing the value passes back: Java's reading of it, as Java writes it. */
    static Value echoOf(ReturnMessage answer) {
        if (answer instanceof ErrorReturn) {
            return NullValue.INSTANCE;
        }
        Value v = answer.value();
        if (v instanceof IntValue i) {
            return Value.ofInteger(i.value());
        }
        if (v instanceof LongValue || v instanceof DoubleValue || v instanceof BooleanValue || v instanceof StringValue
                || v instanceof BytesValue || v instanceof NullValue) {
            return v;
        }
        if (v instanceof DecimalValue d) {
            return ReadBack.value(DecimalValue.of(new BigDecimal(d.value().toPlainString())));
        }
        return null;
    }

    private void judge(Pending p, Outcome o, String detail) {
        List<byte[]> fixed = fixedReplies;
        if (fixed != null) {
            // a reply before the reproducer's own, taken as it should be: on to the next
            if (o == Outcome.OK && p.caseIndex() < fixed.size() - 1) {
                return;
            }
            if (firstOutcome == null) {
                firstOutcome = o;
                replayDetail = "case " + p.caseIndex() + ": " + detail;
            }
            stop.set(true);
            return;
        }
        if (firstOutcome == null) {
            firstOutcome = o;
        }
        String signature = o + " " + p.signature();
        Findings.Finding f = findings.record(o, signature, p.caseIndex());
        if (f == null) {
            return;
        }
        try {
            Files.createDirectories(cfg.out());
            Path file = cfg.out().resolve(String.format("%03d-listen-%s.repro", repros.incrementAndGet(), o.name().toLowerCase()));
            new Reproducer("listen", cfg.mode().name().toLowerCase(), o, signature, cfg.seed(), p.caseIndex(), p.reply(),
                    null, null, detail, null, null, -1, p.before()).write(file);
            findings.attach(f, file, p.reply(), detail);
        } catch (IOException e) {
            cfg.log().println("cannot write reproducer: " + e);
        }
    }
}
