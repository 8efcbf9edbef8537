package io.py4jcodec.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.gateway.fixture.FixtureEntryPoint;
import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * ClientServer mode at the byte level, playing the Python thread by hand: the callback comes back on
 * the caller's connection, a request sent while the callback is pending runs before it is answered,
 * and nesting is bounded.
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
}
