package io.py4jcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code py4j-codec proxy} end to end: a session through it (bytes as py4j's peers write them, from
 * spec/recorded/transcripts/gateway-primitives.json), then {@code decode --transcript} on its
 * recording prints the same frames, in order, as the proxy printed while relaying.
 */
class ProxyCommandTest {
    private static final String FROM_PYTHON = "c\nt\naddInts\ni1\ni2\ne\nc\nt\necho\nsa\\nb\ne\nm\nd\no12\ne\n";
    private static final String FROM_JAVA = "!yi3\n!ysa\\nb\n!yv\n";

    @TempDir
    Path dir;

    @Test
    void recordingDecodesBackToTheFramesTheProxyPrinted() throws Exception {
        Path rec = dir.resolve("s.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (ServerSocket java = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> javaGot = CompletableFuture.supplyAsync(() -> {
                try (Socket s = java.accept()) {
                    s.getOutputStream().write(FROM_JAVA.getBytes(StandardCharsets.UTF_8));
                    s.shutdownOutput();
                    return s.getInputStream().readAllBytes();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ProxyCommand cmd = new ProxyCommand();
            cmd.whileRunning = proxy -> {
                try (Socket py = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    py.getOutputStream().write(FROM_PYTHON.getBytes(StandardCharsets.UTF_8));
                    py.shutdownOutput();
                    assertEquals(FROM_JAVA, new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    assertEquals(FROM_PYTHON, new String(javaGot.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8));
                    Thread.sleep(100); // the watchers decode after forwarding
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            };
            int code = new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("--listen", "0", "--target", "127.0.0.1:" + java.getLocalPort(), "--format", "json",
                            "--check", "--record", rec.toString());
            assertEquals(0, code, err.toString());
        }
        ObjectMapper json = new ObjectMapper();
        List<String> printed = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            JsonNode n = json.readTree(l);
            if (n.has("message")) {
                printed.add(n.get("conn").asText() + " " + n.get("dir").asText() + " " + n.get("message"));
            }
        }
        assertTrue(out.toString().contains("check: no findings in 6 frames on 1 connection"), out.toString());

        StringWriter decoded = new StringWriter();
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(decoded, true)).execute("decode", "--transcript", rec.toString());
        assertEquals(0, code, decoded.toString());
        List<String> back = new ArrayList<>();
        for (String l : decoded.toString().split("\n")) {
            JsonNode n = json.readTree(l);
            back.add(n.get("conn").asText() + " " + n.get("dir").asText() + " " + n.get("message"));
        }
        assertEquals(sorted(printed), sorted(back));
        assertEquals(6, back.size());
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }
}
