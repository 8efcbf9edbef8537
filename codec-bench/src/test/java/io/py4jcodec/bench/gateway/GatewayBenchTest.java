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

    @Test
    void clientServerModeWithCallbacks(@TempDir Path dir) throws Exception {
        PythonPeer.require();
        Path out = dir.resolve("gateway-bench-cs.md");
        int exit = new CommandLine(new GatewayBench()).execute("--mode", "clientserver", "--python-calls", "200",
                "--python-warmup", "20", "--python-callbacks", "50", "--java-calls", "400", "--connections", "4",
                "--java-warmup", "10", "--callback-every", "10", "--runs", "1", "--client-jvm-args", "-Xmx64m",
                "--out", out.toString());
        assertEquals(0, exit);
        String report = Files.readString(out);
        assertTrue(report.contains("## Real Python client, calls Java calls back (one thread)"), report);
        assertTrue(report.contains("| py4j ClientServer | 1 | 400 |"), report);
        assertEquals(6, report.lines().filter(l -> l.startsWith("| py4j ClientServer |")).count(), report);
    }
}
