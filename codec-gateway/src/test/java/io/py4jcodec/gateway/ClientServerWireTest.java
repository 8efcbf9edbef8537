package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.gateway.fixture.FixtureEntryPoint;
import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ClientServer mode at the byte level, playing the Python thread by hand: the callback comes back on
 * the caller's connection, a request sent while the callback is pending runs before it is answered,
 * and nesting is bounded; and the blocking transport of this mode enforces the same limits as the
 * Netty one of GatewayServer mode ({@link WireBehaviourTest}): idle timeout, auth deadline, connection
 * bound, lost framing answered {@code !z} and closed with FIN.
 */
class ClientServerWireTest {
    private static final String LISTENER = "fp0;io.py4jcodec.gateway.fixture.Listener";

    @Test
    void callbackTravelsOnTheCallersConnectionInterleavedWithANestedRequest() throws IOException {
        try (Py4jGateway gw = Py4jGateway.builder().mode(ConnectionMode.CLIENT_SERVER).entryPoint(new FixtureEntryPoint())
                .port(0).build().start();
             WireClient py = new WireClient(gw.port())) {
            py.send("c\nt\ncallListener\n" + LISTENER + "\ni4\ne\n");
            assertEquals("c", py.line(), "the callback arrives on this connection");
            assertEquals("p0", py.line());
            assertEquals("notify", py.line());
            assertEquals("i4", py.line());
            assertEquals("e", py.line());
            // while Java waits for the callback's answer, Python calls Java on the same connection
            assertEquals("!yi3", py.call("c\nt\nadd\ni1\ni2\ne\n"));
            py.send("!yi40\n");
            assertEquals("!yi40", py.line(), "the callback's answer became the call's result");
            py.assertUsable();
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAHang() throws IOException {
        try (Py4jGateway gw = Py4jGateway.builder().mode(ConnectionMode.CLIENT_SERVER).entryPoint(new FixtureEntryPoint())
                .port(0).configure(c -> c.limits(Limits.builder().maxNesting(2).build())).build().start();
             WireClient py = new WireClient(gw.port())) {
            // nested(l, 5) calls l.nested(4); each Python answer here calls Java's nested again, one level deeper
            py.send("c\nt\nnested\n" + LISTENER + "\ni5\ne\n");
            for (int level = 0; level < 2; level++) {
                assertEquals("c", py.line());
                assertEquals("p0", py.line());
                assertEquals("nested", py.line());
                py.line();
                assertEquals("e", py.line());
                py.send("c\nt\nnested\n" + LISTENER + "\ni3\ne\n");
            }
            String answer = py.line();
            assertTrue(answer.startsWith("!xr") || answer.startsWith("!xs"), answer);
        }
    }

    private static Py4jGateway.Builder clientServer() {
        return Py4jGateway.builder().mode(ConnectionMode.CLIENT_SERVER).entryPoint(new FixtureEntryPoint()).port(0);
    }

    @Test
    void aTruncatedCommandWaitsAndTheIdleTimeoutEndsIt() throws IOException {
        try (Py4jGateway g = clientServer().configure(c -> c.idleTimeout(Duration.ofMillis(300))).build().start();
             WireClient py = new WireClient(g.port())) {
            py.send("c\n");
            assertTrue(py.closedCleanly());
        }
    }

    @Test
    void theAuthDeadlineRunsFromTheAcceptWhateverTheClientTrickles() throws IOException, InterruptedException {
        try (Py4jGateway g = clientServer().authToken("t").configure(c -> c.authTimeout(Duration.ofMillis(400))).build().start();
             WireClient py = new WireClient(g.port())) {
            // a byte every 150 ms for 1.2 s, never a whole line: a read timeout (400 ms per read) would never fire
            for (int i = 0; i < 8; i++) {
                try {
                    py.send("A");
                } catch (IOException closedAlready) {
                    break;
                }
                Thread.sleep(150);
            }
            assertEquals(0, g.connections(), "closed by the deadline while the client was still sending");
        }
    }

    @Test
    void authenticatedWithTheTokenTheConnectionServes() throws IOException {
        try (Py4jGateway g = clientServer().authToken("t").build().start();
             WireClient py = new WireClient(g.port())) {
            assertEquals("!yv", py.call("A\nt\n"));
            py.assertUsable();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheirSlotsComeBack() throws IOException {
        try (Py4jGateway g = clientServer().configure(c -> c.maxConnections(2)).build().start()) {
            try (WireClient a = new WireClient(g.port()); WireClient b = new WireClient(g.port())) {
                a.assertUsable();
                b.assertUsable();
                try (WireClient third = new WireClient(g.port())) {
                    assertTrue(third.closedCleanly());
                }
                a.assertUsable();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (g.connections() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, g.connections(), "closed connections no longer count");
            try (WireClient again = new WireClient(g.port())) {
                again.assertUsable();
            }
        }
    }

    @Test
    void aLineOverTheLimitLosesTheFramingAndEndsTheConnection() throws IOException {
        try (Py4jGateway g = clientServer().configure(c -> c.limits(Limits.builder().maxLineBytes(64 * 1024).build())).build().start();
             WireClient py = new WireClient(g.port())) {
            String a = py.call("c\nt\necho\ns" + "x".repeat(70 * 1024) + "\ne\n");
            assertTrue(a.startsWith("!zsLINE_TOO_LONG") && a.contains("maxLineBytes"), a.substring(0, 60));
            assertTrue(py.closedCleanly());
        }
    }
}
