package io.py4jcodec.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PythonPeerTest {

    @Test
    void theLocatedPeerIsPy4j0_10_9_9AndImportsItsProtocol() throws Exception {
        PythonPeer py = PythonPeer.require();
        assertEquals("0.10.9.9", py.version(), py.toString());
        // a fact only the real package has: its type prefix for integers and its end-of-command line
        Process p = py.command("-c", "from py4j import protocol as p; print(p.INTEGER_TYPE + p.END + '|' + p.SUCCESS)")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals("ie|y\n", out);
        assertEquals(0, p.exitValue());
    }
}
