package io.py4jcodec.fuzz.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.text.ConnectionMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gateway-role reproducer FINDINGS.md cites for the py4j Python client
 * ({@code src/test/resources/findings/py4j-python-*.repro}) still gives its recorded outcome against
 * the real client (py4j 0.10.9.9): a root cause that stops reproducing (fixed upstream, or a harness
 * change) shows here, not in a reader's failed replay.
 */
class PythonFindingsReplayTest {

    static Stream<Path> gatewayReproducers() throws IOException, URISyntaxException {
        return CommittedReproducers.of("gateway", "py4j-python-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatewayReproducers")
    void replaysToItsRecordedOutcome(Path file, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        Reproducer r = Reproducer.read(file);
        Map<String, String> env = new HashMap<>();
        py.pythonPath().ifPresent(p -> env.put("PYTHONPATH", p.toString()));
        ConnectionMode mode = ConnectionMode.valueOf(r.mode().toUpperCase(Locale.ROOT));
        GatewayCampaign c = new GatewayCampaign(new GatewayCampaign.Config(0, null, mode,
                List.of(py.interpreter(), GatewayCampaign.shippedDriver().toString(), "{port}"), env, r.seed(), 1,
                Duration.ofSeconds(60), Duration.ofSeconds(3), out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        List<Outcome> got = c.replay(List.of(r));
        assertEquals(r.outcome(), got.get(0), file.getFileName() + ": " + r.signature());
        assertTrue(c.findings().all().stream().anyMatch(f -> f.signature().equals(r.signature())),
                file.getFileName() + " gave another finding: " + c.findings().all());
    }
}
