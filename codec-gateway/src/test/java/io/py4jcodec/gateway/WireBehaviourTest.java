package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.gateway.fixture.FixtureEntryPoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each wire-level misbehaviour of py4j 0.10.9.9's Java side listed in codec-fuzz/FINDINGS.md and
 * docs/py4j-observations.md, sent to our gateway as raw bytes: it does not happen here. Plus the
 * gateway's own rules (auth, limits, one answer per request, none unasked).
 */
class WireBehaviourTest {
    private Py4jGateway gw;

    // The same rules hold on the NIO transport (where epoll is not available): -Dio.netty.transport.noNative=true

    @BeforeEach
    void start() {
        gw = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0)
                .configure(c -> c.maxArrayElements(1_000_000).limits(Limits.builder().maxLineBytes(64 * 1024).build()))
                .build().start();
    }

    @AfterEach
    void stop() {
        gw.shutdown();
    }

    /** A call that blocks in user code holds its own connection only: another one is answered meanwhile. */
    @Test
    void aBlockedCallStallsOnlyItsOwnConnection() throws IOException {
        try (WireClient blocked = new WireClient(gw.port()); WireClient other = new WireClient(gw.port())) {
            // "ro<n>" as an argument; a call's target is "o<n>"
            String latch = blocked.call("i\njava.util.concurrent.CountDownLatch\ni1\ne\n").substring(2);
            blocked.send("c\nt\nawaitLatch\n" + latch + "\ne\n");
            assertEquals("!yi3", other.call("c\nt\nadd\ni1\ni2\ne\n"));
            assertEquals("!yv", other.call("c\n" + latch.substring(1) + "\ncountDown\ne\n"));
            assertEquals("!ybtrue", blocked.line());
            blocked.assertUsable();
        }
    }

    // ---- codec-fuzz/FINDINGS.md ------------------------------------------------------------------

    /** #1: py4j allocates the array unchecked, runs out of memory and stops answering. */
    @Test
    void hugeArrayCreateIsRefusedAndTheServerStaysUp() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            String a = c.call("a\nc\nsjava.lang.String\ni2147483647\ne\n");
            assertTrue(a.startsWith("!xs") && a.contains("maxArrayElements"), a);
            // every level of a multi-dimensional array counts, even when the last dimension is 0
            String b = c.call("a\nc\nsjava.lang.Object\ni2000000\ni0\ne\n");
            assertTrue(b.startsWith("!xs") && b.contains("maxArrayElements"), b);
            assertTrue(c.call("a\nc\nsjava.lang.String\ni3\ne\n").matches("!yto[0-9]+"));
            c.assertUsable();
        }
        try (WireClient c = new WireClient(gw.port())) {
            String a = c.call("l\nm\nt\ni2\ne\n");   // the entry point is no list: an error, answered
            assertTrue(a.startsWith("!xs"), a);
            String list = c.call("c\nt\nlist\ne\n").substring(3);
            String big = c.call("l\nm\n" + list + "\ni2000000000\ne\n");
            assertTrue(big.startsWith("!xs") && big.contains("maxListElements"), big);
            c.assertUsable();
        }
    }

    /** #2: py4j answers ordinary bad input with a fatal error and closes the connection. */
    @Test
    void badInputConfinedToOneCommandIsAnErrorAndTheConnectionStays() throws IOException {
        String[] bad = {
            "c\nt\nadd\ni1x\ni2\ne\n",             // bad number
            "c\nt\nadd\nq1\ne\n",                  // unknown type prefix
            "c\nt\nechoBytes\njA===\ne\n",         // bad Base64
            "f\ng\no999999\ncounter\ne\n",         // field of an unknown id
            "p\nrt\ne\n",                          // exception of a non-Throwable
            "p\nro999999\ne\n",                    // exception of an unknown id
            "a\nq\nt\ne\n",                        // unknown array sub-command
            "c\nt\nadd\nfp0;java.lang.Nope\ne\n",  // a proxy of an unknown interface
            "a\ng\nt\ni0\ne\n",                    // array access on a non-array
        };
        try (WireClient c = new WireClient(gw.port())) {
            for (String b : bad) {
                String a = c.call(b);
                assertTrue(a.startsWith("!x"), b + " -> " + a);
                c.assertUsable();
            }
        }
    }

    /** #3: py4j resets the connection after an unknown command, so its fatal line may be lost. */
    @Test
    void unknownCommandGetsTheWholeFatalLineThenAnOrderlyClose() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            String a = c.call("Q" + "x".repeat(48 * 1024) + "\n");
            assertTrue(a.startsWith("!zsUNKNOWN_COMMAND at byte 0"), a.substring(0, 80));
            assertTrue(c.closedCleanly());
        }
    }

    /** #4: py4j answers m a twice (the id line is read as another command). */
    @Test
    void memoryAttachIsAnsweredOnce() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            assertEquals("!xsUnknown Memory SubCommand Name: a", c.call("m\na\nj\ne\n"));
            c.assertUsable();
        }
    }

    /**
     * #29: py4j writes a returned decimal plain whatever its length, so 15 bytes make it build
     * 2,000,000,001 characters (or die of OutOfMemoryError). Here a decimal whose answer line would
     * pass maxLineBytes (64 KiB in this fixture) is an error answer naming the setting.
     */
    @Test
    void aDecimalTooLongToWritePlainIsAnErrorAndTheConnectionStays() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            String a = c.call("c\nt\necho\nD1E+2000000000\ne\n");
            assertTrue(a.startsWith("!xs") && a.contains("maxLineBytes"), a);
            // the longest line that fits: !yD and 65,533 digits
            assertEquals("!yD1" + "0".repeat(65532), c.call("c\nt\necho\nD1E+65532\ne\n"));
            String over = c.call("c\nt\necho\nD-1E+65532\ne\n");
            assertTrue(over.startsWith("!xs") && over.contains("maxLineBytes"), over);
            c.assertUsable();
        }
    }

    /** #5 is inherent to the framing (no length): a cut-off command waits; the idle timeout bounds it. */
    @Test
    void aTruncatedCommandWaitsAndTheIdleTimeoutEndsIt() throws IOException {
        try (Py4jGateway g = Py4jGateway.builder().port(0).configure(c -> c.idleTimeout(Duration.ofMillis(300))).build().start();
             WireClient c = new WireClient(g.port())) {
            c.send("c\n");
            assertTrue(c.closedCleanly());
        }
    }

    /** #6: two commands in one write are two requests, answered in order (pipelining). */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            c.send("c\nt\nadd\ni1\ni2\ne\nc\nt\nadd\ni3\ni4\ne\nc\nt\nfail\nsx\ne\n");
            assertEquals("!yi3", c.line());
            assertEquals("!yi7", c.line());
            assertTrue(c.line().matches("!xro[0-9]+"));
            assertTrue(c.silentFor(200), "no answer no request asked for");
        }
    }

    // ---- docs/py4j-observations.md --------------------------------------------------------------

    /** 1: a failed d leaves its e line unread under py4j and the next command is fatal. */
    @Test
    void failedDirReadsItsWholeFrame() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            assertEquals("!x", c.call("d\nf\no999999\ne\n"));
            c.assertUsable();
        }
    }

    /** 3: py4j's cancel closes every connection (it matches either port). */
    @Test
    void cancelClosesOnlyTheNamedConnection() throws IOException {
        try (WireClient a = new WireClient(gw.port()); WireClient b = new WireClient(gw.port())) {
            a.assertUsable();
            b.assertUsable();
            a.send("z\n127.0.0.1\n" + b.socket.getLocalPort() + "\n" + gw.port() + "\n");
            assertTrue(b.closedCleanly());
            a.assertUsable();
        }
    }

    /** 4: stream on a List is refused with py4j's own message; on a channel, !yv then the raw bytes. */
    @Test
    void streamCommand() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            String refused = c.call("S\nt\nlist\ne\n");
            assertTrue(refused.startsWith("!xsjava.lang.ClassCastException: expected the method to return an Object"), refused);
            assertEquals("!yv", c.call("S\nt\nstream\nshello\\nraw\ne\n"));
            assertEquals("hello", c.line());
            byte[] rest = new byte[3];
            assertEquals(3, c.socket.getInputStream().readNBytes(rest, 0, 3));
            assertEquals("raw", new String(rest, java.nio.charset.StandardCharsets.UTF_8));
            c.assertUsable();
        }
    }

    /** 5: after py4j's shutdown a connect can still succeed for a while. */
    @Test
    void afterShutdownNoConnectSucceeds() throws Exception {
        try (WireClient c = new WireClient(gw.port())) {
            int port = gw.port();
            c.send("s\n");
            assertTrue(gw.awaitShutdown(10, TimeUnit.SECONDS));
            assertTrue(c.closedCleanly());
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        }
    }

    /** 6 (py4j writes a Float with Float.toString): 1.1f reads back as 1.1 on every JDK. */
    @Test
    void floatAnswer() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            assertEquals("!yd1.1", c.call("c\nt\naFloat\ne\n"));
        }
    }

    // ---- the gateway's own rules -----------------------------------------------------------------

    @Test
    void authFirstThenRequests() throws IOException {
        try (Py4jGateway g = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0).authToken("tok\\en").build().start()) {
            try (WireClient c = new WireClient(g.port())) {
                assertEquals("!xsAuthentication error: unexpected command.", c.call("c\nt\nadd\ni1\ni2\ne\n"));
                assertTrue(c.closedCleanly());
            }
            try (WireClient c = new WireClient(g.port())) {
                assertEquals("!xsAuthentication error: bad auth token received.", c.call("A\nwrong\n"));
                assertTrue(c.closedCleanly());
            }
            try (WireClient c = new WireClient(g.port())) {
                // the token travels escaped and is compared unescaped (PROTOCOL.md §8)
                assertEquals("!yv", c.call("A\ntok\\\\en\n"));
                assertEquals("!yi3", c.call("c\nt\nadd\ni1\ni2\ne\n"));
            }
            assertFalse(g.config().toString().contains("tok"), "the config never shows the token");
        }
    }

    @Test
    void unauthenticatedConnectionsTimeOut() throws IOException {
        try (Py4jGateway g = Py4jGateway.builder().port(0).authToken("t")
                .configure(c -> c.authTimeout(Duration.ofMillis(300))).build().start();
             WireClient c = new WireClient(g.port())) {
            assertTrue(c.closedCleanly());
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws IOException {
        try (Py4jGateway g = Py4jGateway.builder().entryPoint(new FixtureEntryPoint()).port(0)
                .configure(c -> c.maxConnections(2)).build().start();
             WireClient a = new WireClient(g.port()); WireClient b = new WireClient(g.port())) {
            a.assertUsable();
            b.assertUsable();
            try (WireClient third = new WireClient(g.port())) {
                assertTrue(third.closedCleanly());
            }
            a.assertUsable();
        }
    }

    @Test
    void aLineOverTheLimitLosesTheFramingAndEndsTheConnection() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            String a = c.call("c\nt\necho\ns" + "x".repeat(70 * 1024) + "\ne\n");
            assertTrue(a.startsWith("!zsLINE_TOO_LONG") && a.contains("maxLineBytes"), a.substring(0, 60));
            assertTrue(c.closedCleanly());
        }
    }

    @Test
    void shutdownAndCancelAreNeverAnswered() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            c.send("z\n127.0.0.1\n1\n2\n");
            assertTrue(c.silentFor(200));
            c.assertUsable();
        }
    }

    @Test
    void anAnswerSentToTheServerLosesTheFraming() throws IOException {
        try (WireClient c = new WireClient(gw.port())) {
            assertTrue(c.call("!yv\n").startsWith("!zspy4j-codec gateway: expected a command"));
            assertTrue(c.closedCleanly());
        }
        try (WireClient c = new WireClient(gw.port())) {
            assertTrue(c.call("!l\n").startsWith("!zsBAD_ANSWER"));
            assertTrue(c.closedCleanly());
        }
    }
}
