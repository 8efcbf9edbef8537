package io.py4jcodec.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.fuzz.live.FixtureEntryPoint;
import io.py4jcodec.fuzz.net.Findings;
import io.py4jcodec.fuzz.net.Outcome;
import io.py4jcodec.fuzz.net.Reproducer;
import io.py4jcodec.fuzz.net.ServerCampaign;
import io.py4jcodec.text.ConnectionMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import py4j.GatewayServer;

/**
 * A few seconds of fuzzing against a real py4j GatewayServer on 127.0.0.1: the machinery works end
 * to end. A deliberately broken command (an unknown command name, which the protocol answers with a
 * fatal error and a reset) is reported as a finding, with a reproducer that replays, through the
 * command line, to the same outcome. No assertion here depends on a particular py4j bug.
 */
class BoundedCampaignTest {
    static final long SEED = Long.getLong("py4jcodec.seed", 7L);
    static GatewayServer server;

    @BeforeAll
    static void start() {
        server = new GatewayServer.GatewayServerBuilder().entryPoint(new FixtureEntryPoint()).javaPort(0)
                .javaAddress(InetAddress.getLoopbackAddress()).build();
        server.start(true);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    @Test
    void aBrokenCommandBecomesAFindingWhoseReproducerReplaysToTheSameOutcome(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServerCampaign campaign = new ServerCampaign(new ServerCampaign.Config("127.0.0.1", server.getListeningPort(),
                null, ConnectionMode.GATEWAY, SEED, 120, Duration.ofSeconds(4), Duration.ofMillis(400), out, false,
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        Findings findings = campaign.run();
        assertTrue(findings.cases() > 0, "seed " + SEED + ": no case ran\n" + log);
        assertTrue(Files.exists(out.resolve("report.md")) && Files.exists(out.resolve("report.json")), "reports written");

        // the deliberately broken command: a command name the server does not know
        ServerCampaign.Result r = campaign.runCase(999_999, "BROKEN unknown-command-name",
                "q\nnot a command\ne\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(r.outcome() != Outcome.OK, "an unknown command must not pass as OK: " + r);
        Findings.Finding broken = campaign.findings().all().stream()
                .filter(f -> f.signature().startsWith(r.outcome() + " BROKEN mutated @")).findFirst().orElse(null);
        assertNotNull(broken, "seed " + SEED + ": the broken command is not among the findings");
        assertNotNull(broken.reproducer(), "a reproducer was written");
        Reproducer repro = Reproducer.read(broken.reproducer());
        assertEquals(r.outcome(), repro.outcome());
        assertTrue(repro.bytes().length <= "q\nnot a command\ne\n".length(), "minimized, not grown");

        // replay it through the command line, as a user would
        FuzzCommand cmd = new FuzzCommand();
        ByteArrayOutputStream replayLog = new ByteArrayOutputStream();
        cmd.log = new PrintStream(replayLog, true, StandardCharsets.UTF_8);
        int code = new CommandLine(cmd).execute("--replay", broken.reproducer().toString(),
                "--target", "127.0.0.1:" + server.getListeningPort(), "--timeout", "400", "--out", out.toString());
        assertEquals(0, code, "replay must reproduce " + repro.outcome() + ":\n" + replayLog);
    }

    /** A driver that exits before saying it is ready is a one-line error with exit code 2, not a stack trace. */
    @Test
    void aDriverThatDoesNotStartIsOneLineAndExitCodeTwo(@TempDir Path out) {
        FuzzCommand cmd = new FuzzCommand();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        cmd.log = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = new CommandLine(cmd).execute("--listen", "0", "--role", "gateway", "--client-cmd", "python3 -c exit(3) {port}",
                "--duration", "5s", "--out", out.toString());
        assertEquals(2, code, log.toString(StandardCharsets.UTF_8));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("fuzz: the client driver did not start (it exited with code 3)")
                && text.contains("PYTHONPATH") && !text.contains("\tat "), text);
    }
}
