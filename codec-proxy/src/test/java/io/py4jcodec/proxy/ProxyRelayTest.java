package io.py4jcodec.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.api.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy between two scripted peers on loopback: the bytes each side receives are exactly what
 * the other sent, whatever the chunking; the recording holds exactly those bytes; {@code --check}
 * reports planted deviations at their byte offsets and nothing on a clean session.
 */
class ProxyRelayTest {
    /** A clean GatewayServer-mode exchange, bytes as the real peers write them (spec/recorded/transcripts). */
    private static final String CLEAN_PY = "c\nt\naddInts\ni1\ni2\ne\nr\nu\njava\nrj\ne\nm\nd\no12\ne\nc\nt\necho\nsa\\nb\ne\n";
    private static final String CLEAN_JAVA = "!yi3\n!yp\n!yv\n!ysa\\nb\n";

    @TempDir
    Path dir;

    /** What one scripted session produced: bytes each end received, the proxy's output, its report. */
    record Session(byte[] javaReceived, byte[] pythonReceived, String output, CheckReport report) {
    }

    private Session run(byte[] fromPython, byte[] fromJava, Path record, boolean check, FrameFormat format) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ServerSocket java = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> javaGot = CompletableFuture.supplyAsync(() -> {
                try (Socket s = java.accept()) {
                    CompletableFuture<byte[]> in = readAll(s.getInputStream());
                    writeChunked(s, fromJava, 7);
                    s.shutdownOutput();
                    return in.get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Proxy proxy = Proxy.builder().target(new InetSocketAddress(InetAddress.getLoopbackAddress(), java.getLocalPort()))
                    .record(record).check(check).format(format)
                    .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).build().start();
            byte[] pyGot;
            try (proxy; Socket py = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                CompletableFuture<byte[]> in = readAll(py.getInputStream());
                writeChunked(py, fromPython, 5);
                py.shutdownOutput();
                pyGot = in.get(20, TimeUnit.SECONDS);
                byte[] jGot = javaGot.get(20, TimeUnit.SECONDS);
                waitForClose(proxy);
                proxy.close();
                return new Session(jGot, pyGot, printed.toString(StandardCharsets.UTF_8), proxy.report());
            }
        }
    }

    private static void waitForClose(Proxy proxy) throws InterruptedException {
        // the relay records 'closed' once both directions ended; both ends have by now
        Thread.sleep(100);
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    /** Writes in random small chunks, so frames straddle reads. */
    private static void writeChunked(Socket s, byte[] b, long seed) throws IOException {
        Random r = new Random(seed);
        int off = 0;
        while (off < b.length) {
            int n = Math.min(b.length - off, 1 + r.nextInt(9));
            s.getOutputStream().write(b, off, n);
            s.getOutputStream().flush();
            off += n;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void relaysEveryByteUnchangedAndRecordsExactlyWhatEachSideReceived() throws Exception {
        // every byte value, including invalid UTF-8 and lone CRs, which no decoder may stop
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        byte[] py = concat(bytes(CLEAN_PY), noise);
        byte[] java = concat(bytes(CLEAN_JAVA), noise);
        Path rec = dir.resolve("session.json");
        Session s = run(py, java, rec, true, FrameFormat.JSON);
        assertArrayEquals(py, s.javaReceived());
        assertArrayEquals(java, s.pythonReceived());
        JsonNode t = new ObjectMapper().readTree(rec.toFile());
        assertEquals("py4j-wire-transcript/1", t.get("format").asText());
        assertArrayEquals(py, recorded(t, "python->java"));
        assertArrayEquals(java, recorded(t, "java->python"));
        long seq = -1;
        for (JsonNode e : t.get("events")) {
            assertTrue(e.get("seq").asLong() > seq, "seq increases");
            seq = e.get("seq").asLong();
        }
    }

    static byte[] recorded(JsonNode transcript, String dir) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (JsonNode e : transcript.get("events")) {
            if (e.get("type").asText().equals("data") && e.get("dir").asText().equals(dir)) {
                b.writeBytes(Base64.getDecoder().decode(e.get("b64").asText()));
            }
        }
        return b.toByteArray();
    }

    @Test
    void cleanSessionPrintsEveryFrameAndChecksNothing() throws Exception {
        Session s = run(bytes(CLEAN_PY), bytes(CLEAN_JAVA), null, true, FrameFormat.TEXT);
        assertEquals(List.of(), s.report().findings(), s.output());
        assertEquals(8, s.report().framesChecked());
        assertTrue(s.output().contains("py→java") && s.output().contains("call t.addInts(i 1, i 2)"), s.output());
        assertTrue(s.output().contains("java→py") && s.output().contains("success i 3"), s.output());
        assertTrue(s.output().contains("check: no findings in 8 frames on 1 connection"), s.output());
    }

    @Test
    void checkReportsAMalformedPartAtItsOffset() throws Exception {
        String bad = "c\nt\naddInts\ni1\ni12x\ne\n";
        String py = CLEAN_PY + bad + CLEAN_PY;
        Session s = run(bytes(py), bytes(CLEAN_JAVA + "!yi1\n" + CLEAN_JAVA), null, true, FrameFormat.TEXT);
        List<Finding> f = s.report().findings();
        assertEquals(1, f.size(), s.output());
        assertEquals(Direction.PYTHON_TO_JAVA, f.get(0).direction());
        assertEquals(Reason.BAD_NUMBER, f.get(0).reason());
        long line = CLEAN_PY.length() + bad.indexOf("i12x");
        assertTrue(f.get(0).offset() >= line && f.get(0).offset() < line + 4, f.get(0) + " within the bad line at " + line);
        assertFalse(f.get(0).framingLost());
        assertTrue(s.output().contains("check: 1 finding"), s.output());
    }

    @Test
    void checkReportsAMisframedCommandAtItsOffset() throws Exception {
        // m d takes exactly three lines after its name; the writer forgot the e, so Java takes the next line as the end
        String bad = "m\nd\no12\nc\nt\naddInts\ni1\ni2\ne\n";
        String py = CLEAN_PY + bad;
        Session s = run(bytes(py), bytes(CLEAN_JAVA + "!yv\n"), null, true, FrameFormat.JSON);
        List<Finding> f = s.report().findings();
        assertFalse(f.isEmpty(), s.output());
        assertEquals(Reason.MISSING_END, f.get(0).reason());
        assertEquals(CLEAN_PY.length() + "m\nd\no12\n".length(), f.get(0).offset());
        assertTrue(s.output().contains("\"check\":{\"offset\":" + f.get(0).offset()), s.output());
        // the relay delivered it all anyway
        assertArrayEquals(bytes(py), s.javaReceived());
    }

    @Test
    void authTokenIsNeverPrinted() throws Exception {
        String token = "s3cr3t-token-1234";
        Session s = run(bytes("A\n" + token + "\n" + CLEAN_PY), bytes("!yv\n" + CLEAN_JAVA), null, false, FrameFormat.JSON);
        assertFalse(s.output().contains(token), s.output());
        assertTrue(s.output().contains("<redacted>"), s.output());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
