package io.py4jcodec.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.testkit.PythonPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gateway benchmark end to end at a tiny size against py4j's GatewayServer: both clients run, every
 * answer is checked (a wrong one fails the run), and the report has its rows. No timing is asserted.
 */
class GatewayBenchTest {

    @Test
    void runsBothClientsAgainstPy4jAndWritesTheReport(@TempDir Path dir) throws Exception {
        PythonPeer.require();
        Path out = dir.resolve("gateway-bench.md");
        int exit = new CommandLine(new GatewayBench()).execute("--python-calls", "300", "--python-warmup", "50",
                "--java-calls", "800", "--connections", "4", "--java-warmup", "20", "--runs", "1",
                "--client-jvm-args", "-Xmx64m", "--out", out.toString());
        assertEquals(0, exit);
        String report = Files.readString(out);
        assertTrue(report.contains("| py4j GatewayServer | 1 | 800 |"), report);
        assertTrue(report.contains("## Real Python client (one thread)"), report);
        assertTrue(report.lines().filter(l -> l.startsWith("| py4j GatewayServer |")).count() == 4, report);
    }
}
