package io.py4jcodec.fuzz.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.fuzz.live.FixtureEntryPoint;
import io.py4jcodec.text.ConnectionMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import py4j.ClientServer;
import py4j.GatewayServer;

/**
 * Every reproducer FINDINGS.md cites for py4j's Java callback clients (role {@code listen}: we are the
 * Python side they call) still gives its recorded outcome against the real ones (py4j 0.10.9.9, in
 * this JVM), driven as {@code Py4jLauncher} drives them in a campaign: {@code Function.apply} in a
 * loop, each result passed into the next call. A reproducer whose case depends on the answers before
 * it on its connection (a line left in the client's reader, root cause 7) carries them, and replays
 * only if the replay sends them first.
 */
class JavaCallbackFindingsReplayTest {

    static Stream<Path> listenReproducers() throws IOException, URISyntaxException {
        return CommittedReproducers.of("listen", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listenReproducers")
    void replaysToItsRecordedOutcome(Path file, @TempDir Path out) throws Exception {
        Reproducer r = Reproducer.read(file);
        ConnectionMode mode = ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT));
        ClientCampaign c = new ClientCampaign(new ClientCampaign.Config(0, null, mode, r.seed(), Integer.MAX_VALUE, null,
                Duration.ofMillis(700), Duration.ofSeconds(10), out, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        CompletableFuture<Outcome> replay = CompletableFuture.supplyAsync(() -> {
            try {
                return c.replay(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (c.boundPort() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        InetAddress lo = InetAddress.getLoopbackAddress();
        Runnable shutdown;
        Object proxy;
        if (mode == ConnectionMode.GATEWAY) {
            GatewayServer g = new GatewayServer.GatewayServerBuilder().entryPoint(new FixtureEntryPoint()).javaPort(0)
                    .javaAddress(lo).callbackClient(c.boundPort(), lo).build();
            g.start(true);
            proxy = g.getPythonServerEntryPoint(new Class[] {Function.class});
            shutdown = g::shutdown;
        } else {
            ClientServer cs = new ClientServer.ClientServerBuilder(new FixtureEntryPoint()).javaPort(0).javaAddress(lo)
                    .pythonPort(c.boundPort()).pythonAddress(lo).build();
            proxy = cs.getPythonServerEntryPoint(new Class[] {Function.class});
            shutdown = cs::shutdown;
        }
        Thread driver = new Thread(() -> drive(proxy, replay), "py4j-callback-driver");
        driver.setDaemon(true); // a call the reproducer hangs (root cause 27) never returns
        driver.start();
        try {
            assertEquals(r.outcome(), replay.get(60, TimeUnit.SECONDS), file.getFileName() + ": " + r.signature());
        } finally {
            shutdown.run();
        }
    }

    @SuppressWarnings("unchecked")
    private static void drive(Object proxy, CompletableFuture<?> until) {
        Function<Object, Object> f = (Function<Object, Object>) proxy;
        Object prev = null;
        while (!until.isDone()) {
            try {
                prev = f.apply(prev);
            } catch (RuntimeException e) {
                prev = null;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
