package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.spec.conform.LiveRunner;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.spec.conform.Report;
import io.py4jcodec.spec.conform.VectorSet;
import io.py4jcodec.spec.conform.Vector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code py4j-codec conform --live} against our gateway: every live vector passes, with and without
 * auth, in both modes (the Python client's commands and the answers it reads are the same in
 * ClientServer mode; only who else may write on the connection differs).
 */
class LiveConformanceTest {

    private static void conforms(String token) {
        conforms(token, ConnectionMode.GATEWAY);
    }

    private static void conforms(String token, ConnectionMode mode) {
        List<Vector> vectors = VectorSet.embedded();
        long live = vectors.stream().filter(v -> v.kind() == Vector.Kind.LIVE).count();
        try (Py4jGateway gw = Py4jGateway.builder().mode(mode).port(0).authToken(token).build().start()) {
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

    @Test
    void liveVectorsPassInClientServerModeWithoutAuth() {
        conforms(null, ConnectionMode.CLIENT_SERVER);
    }

    @Test
    void liveVectorsPassInClientServerModeWithAuth() {
        conforms("live-token", ConnectionMode.CLIENT_SERVER);
    }
}
