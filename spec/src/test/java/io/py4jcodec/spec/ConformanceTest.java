package io.py4jcodec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;
import io.py4jcodec.spec.conform.ConformanceRunner;
import io.py4jcodec.spec.conform.ExternalImplementation;
import io.py4jcodec.spec.conform.Implementation;
import io.py4jcodec.spec.conform.InProcessImplementation;
import io.py4jcodec.spec.conform.LiveRunner;
import io.py4jcodec.spec.conform.Report;
import io.py4jcodec.spec.conform.Vector;
import io.py4jcodec.spec.conform.VectorSet;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import py4j.GatewayServer;

/** The runner, three ways, against our text codec and a real py4j gateway; and that it catches a wrong codec. */
class ConformanceTest {

    static String table(Report r) {
        StringWriter s = new StringWriter();
        r.print(new PrintWriter(s), 20);
        return s.toString();
    }

    @Test
    void textCodecPassesEveryVectorInProcess() {
        List<Vector> vectors = VectorSet.load(VectorsTest.vectorsDir());
        Report r = new ConformanceRunner(false).run(vectors, TextCodecs.implementation());
        assertTrue(r.allPassed(), table(r));
        assertEquals(vectors.stream().filter(v -> v.kind() != Vector.Kind.LIVE).count(), r.results().size());
    }

    @Test
    void embeddedVectorsAreTheCheckedInOnes() {
        Map<String, Long> disk = counts(VectorSet.load(VectorsTest.vectorsDir()));
        assertEquals(disk, counts(VectorSet.embedded()));
    }

    private static Map<String, Long> counts(List<Vector> vs) {
        Map<String, Long> m = new TreeMap<>();
        vs.forEach(v -> m.merge(v.kind() + "/" + v.category(), 1L, Long::sum));
        return m;
    }

    @Test
    void aCodecThatWritesTheWrongBooleanFailsTheValidVectors() {
        // Java's spelling from the Python side: every vector where Python writes a boolean must fail
        InProcessImplementation wrong = new InProcessImplementation("wrong", (side, strict, mode) -> {
            Codec real = TextCodecs.FACTORY.create(side, strict, mode);
            if (side != Side.PYTHON) {
                return real;
            }
            return new Codec() {
                public String name() {
                    return "wrong";
                }

                public Side side() {
                    return side;
                }

                public io.py4jcodec.api.Limits limits() {
                    return real.limits();
                }

                public io.py4jcodec.api.MessageEncoder newEncoder() {
                    TextEncoder java = TextCodec.of(Side.JAVA).newEncoder();
                    return java::encode;
                }

                public io.py4jcodec.api.MessageDecoder newDecoder() {
                    return real.newDecoder();
                }
            };
        });
        Report r = new ConformanceRunner(false).run(VectorSet.load(VectorsTest.vectorsDir()), wrong);
        assertFalse(r.allPassed());
        assertTrue(r.results().stream().anyMatch(x -> !x.passed() && x.id().equals("answer-true")), table(r));
    }

    @Test
    @Timeout(60)
    void textCodecPassesThroughTheStdioContractInASubprocess() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), TextCodecStdioMain.class.getName());
        List<Vector> vectors = VectorSet.load(VectorsTest.vectorsDir());
        try (Implementation ext = new ExternalImplementation(cmd, Duration.ofSeconds(20))) {
            Report r = new ConformanceRunner(false).run(vectors, ext);
            assertTrue(r.allPassed(), table(r));
            assertEquals(vectors.stream().filter(v -> v.kind() != Vector.Kind.LIVE).count(), r.results().size());
        }
    }

    @Test
    @Timeout(30)
    void liveVectorsPassAgainstARealGatewayServer() {
        GatewayServer server = new GatewayServer(new LiveFixture(), 0, 0, 5000, 5000, null);
        server.start();
        try {
            List<Vector> vectors = VectorSet.load(VectorsTest.vectorsDir());
            Report r = new LiveRunner("127.0.0.1", server.getListeningPort(), null, Duration.ofSeconds(5)).run(vectors);
            assertTrue(r.allPassed(), table(r));
            assertEquals(vectors.stream().filter(v -> v.kind() == Vector.Kind.LIVE).count(), r.results().size());
        } finally {
            server.shutdown();
        }
    }

    @Test
    @Timeout(30)
    void liveRunnerAuthenticatesAndReportsAWrongToken() {
        GatewayServer server = new GatewayServer.GatewayServerBuilder(new LiveFixture()).javaPort(0).authToken("s3cr\\et").build();
        server.start();
        try {
            List<Vector> vectors = VectorSet.load(VectorsTest.vectorsDir());
            Report ok = new LiveRunner("127.0.0.1", server.getListeningPort(), "s3cr\\et", Duration.ofSeconds(5)).run(vectors);
            assertTrue(ok.allPassed(), table(ok));
            Report bad = new LiveRunner("127.0.0.1", server.getListeningPort(), "wrong", Duration.ofSeconds(5)).run(vectors);
            assertEquals(0, bad.passed(), table(bad));
            assertTrue(bad.results().get(0).detail().contains("authentication failed"), table(bad));
        } finally {
            server.shutdown();
        }
    }

    /** The entry point of the live fixture gateway: the live vectors use only static JDK members, so it needs nothing. */
    public static final class LiveFixture {
        public int add(int a, int b) {
            return a + b;
        }
    }

    static Path unused() {
        return null;
    }
}
