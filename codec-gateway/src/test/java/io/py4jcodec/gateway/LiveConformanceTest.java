package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.spec.conform.LiveRunner;
import io.py4jcodec.spec.conform.Report;
import io.py4jcodec.spec.conform.VectorSet;
import io.py4jcodec.spec.conform.Vector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code py4j-codec conform --live} against our gateway: every live vector passes, with and without auth. */
class LiveConformanceTest {

    private static void conforms(String token) {
        List<Vector> vectors = VectorSet.embedded();
        long live = vectors.stream().filter(v -> v.kind() == Vector.Kind.LIVE).count();
        try (Py4jGateway gw = Py4jGateway.builder().port(0).authToken(token).build().start()) {
            Report r = new LiveRunner("127.0.0.1", gw.port(), token, Duration.ofSeconds(10)).run(vectors);
            StringWriter out = new StringWriter();
            r.print(new PrintWriter(out), 50);
            assertTrue(live >= 24, "live vectors: " + live);
            assertEquals(live, r.results().size(), "every live vector ran");
            assertEquals(live, r.passed(), out.toString());
            assertTrue(r.allPassed(), out.toString());
        }
    }

    @Test
    void liveVectorsPassWithoutAuth() {
        conforms(null);
    }

    @Test
    void liveVectorsPassWithAuth() {
        conforms("live-token");
    }
}
