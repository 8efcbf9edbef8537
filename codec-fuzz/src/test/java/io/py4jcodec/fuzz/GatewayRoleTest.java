package io.py4jcodec.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.fuzz.net.Findings;
import io.py4jcodec.fuzz.net.GatewayCampaign;
import io.py4jcodec.fuzz.net.Reproducer;
import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.text.ConnectionMode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway role (we are the gateway, a Py4J client connects): a few seconds against the real
 * py4j Python client in both modes, with and without auth; and a fake client that breaks one oracle
 * on purpose is reported under that oracle's finding kind, with a reproducer that replays to it.
 */
class GatewayRoleTest {

    @ParameterizedTest(name = "{0} auth={1}")
    @CsvSource({"GATEWAY,false", "GATEWAY,true", "CLIENT_SERVER,false", "CLIENT_SERVER,true"})
    void theRealPythonClientIsFuzzedAsItsGateway(ConnectionMode mode, boolean auth, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int cases = GatewayCampaign.operations().size(); // the first cases take every operation in turn
        GatewayCampaign c = new GatewayCampaign(new GatewayCampaign.Config(0, auth ? "s3cret" : null, mode,
                List.of(py.interpreter(), GatewayCampaign.shippedDriver().toString(), "{port}"), pythonEnv(py), 11L, cases,
                Duration.ofSeconds(90), Duration.ofSeconds(3), out, new PrintStream(log, true, StandardCharsets.UTF_8)));
        Findings f = c.run();
        assertEquals(cases, f.cases(), "every case ran\n" + log);
        assertTrue(f.outcomes().getOrDefault(io.py4jcodec.fuzz.net.Outcome.OK, 0) > 0,
                "the real client handled some cases cleanly (auth and the driver work)\n" + log);
        for (Findings.Finding x : f.all()) {
            assertNotNull(x.reproducer(), x.signature());
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("Root-cause groups"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"honest,OK", "nonconforming,NONCONFORMING", "unparseable,UNPARSEABLE", "misread,MISREAD",
        "duplicate,DUPLICATE", "stray,STRAY_CONNECTION", "undocumented,UNDOCUMENTED_EXCEPTION", "hang,TIMEOUT"})
    void aPlantedMisbehaviourIsReportedUnderItsKindAndReplays(String plant, io.py4jcodec.fuzz.net.Outcome kind,
                                                              @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        Path driver = plantedClient(out);
        Map<String, String> env = new HashMap<>(pythonEnv(py));
        env.put("PLANT", plant);
        Reproducer seedCase = new Reproducer("gateway", "gateway", kind, "planted", 0, 0,
                "!yi7\n".getBytes(StandardCharsets.US_ASCII), null, null, "",
                "{\"op\":\"call\",\"target\":\"t\",\"method\":\"m1\",\"args\":[{\"type\":\"int\",\"value\":5}]}", "");
        Path repros = out.resolve("repros");
        GatewayCampaign first = campaign(py, driver, env, repros);
        assertEquals(kind, first.replay(seedCase), plant);
        if (kind == io.py4jcodec.fuzz.net.Outcome.OK) {
            return;
        }
        Path file = first.findings().all().get(0).reproducer();
        assertNotNull(file, "a reproducer was written");
        assertEquals(kind, campaign(py, driver, env, out.resolve("again")).replay(Reproducer.read(file)),
                "the reproducer replays to the same outcome");
    }

    /** py4j's ClientServer releases objects from its FinalizerWorker thread, on that thread's own connection (FINDINGS 18). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CLIENT_SERVER,OK", "GATEWAY,STRAY_CONNECTION"})
    void aSecondConnectionThatOnlyReleasesObjectsIsTheClientServerFinalizers(ConnectionMode mode,
            io.py4jcodec.fuzz.net.Outcome kind, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        Path driver = plantedClient(out);
        Map<String, String> env = new HashMap<>(pythonEnv(py));
        env.put("PLANT", "finalizer");
        Reproducer seedCase = new Reproducer("gateway", mode.name().toLowerCase(java.util.Locale.ROOT), kind, "planted", 0, 0,
                "!yi7\n".getBytes(StandardCharsets.US_ASCII), null, null, "",
                "{\"op\":\"call\",\"target\":\"t\",\"method\":\"m1\",\"args\":[{\"type\":\"int\",\"value\":5}]}", "");
        assertEquals(kind, campaign(py, driver, env, out.resolve("repros"), mode).replay(seedCase), mode.name());
    }

    private Path plantedClient(Path dir) throws java.io.IOException {
        Path driver = dir.resolve("planted_client.py");
        try (InputStream in = getClass().getResourceAsStream("/io/py4jcodec/fuzz/drivers/planted_client.py")) {
            Files.write(driver, in.readAllBytes());
        }
        return driver;
    }

    private static GatewayCampaign campaign(PythonPeer py, Path driver, Map<String, String> env, Path out) {
        return campaign(py, driver, env, out, ConnectionMode.GATEWAY);
    }

    private static GatewayCampaign campaign(PythonPeer py, Path driver, Map<String, String> env, Path out, ConnectionMode mode) {
        return new GatewayCampaign(new GatewayCampaign.Config(0, null, mode,
                List.of(py.interpreter(), driver.toString(), "{port}"), env, 1L, 1, Duration.ofSeconds(20),
                Duration.ofSeconds(2), out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static Map<String, String> pythonEnv(PythonPeer py) {
        Map<String, String> env = new HashMap<>();
        py.pythonPath().ifPresent(p -> env.put("PYTHONPATH", p.toString()));
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }
}
