package io.py4jcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code py4j-codec gateway}: prints its port, serves the protocol with auth, stops on a client's shutdown. */
class GatewayCommandTest {

    @Test
    void servesUntilAClientShutsItDown() throws Exception {
        serves("gateway");
    }

    @Test
    void clientServerModeServesTheSameRequests() throws Exception {
        serves("client_server");
    }

    private static void serves(String mode) throws Exception {
        PipedWriter pipe = new PipedWriter();
        BufferedReader lines = new BufferedReader(new PipedReader(pipe));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(pipe, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("gateway", "--mode", mode, "--port", "0",
                "--auth-token", "cli-token", "--entry-point", "java.util.ArrayList"));
        int port = Integer.parseInt(lines.readLine().trim());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.write("A\ncli-token\nc\nt\nsize\ne\nc\nz:java.lang.Math\nmax\ni1\ni2\ne\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("!yv", in.readLine());
            assertEquals("!yi0", in.readLine(), "the entry point is a new java.util.ArrayList");
            assertEquals("!yi2", in.readLine());
            out.write("s\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertTrue(err.toString().isEmpty(), err.toString());
    }
}
