package io.py4jcodec.text.oracle;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import py4j.Gateway;
import py4j.Py4JPythonClient;

/**
 * The real py4j 0.10.9.9 Java side, in process: its strings turned into bytes and bytes into lines
 * through the same reader and writer stack its connections use
 * ({@code GatewayConnection}: {@code BufferedWriter(OutputStreamWriter(UTF-8))},
 * {@code BufferedReader(InputStreamReader(UTF-8))}).
 */
final class Py4jOracle {
    private Py4jOracle() {
    }

    /** The bytes py4j puts on the socket for {@code s}: written through a UTF-8 writer, then flushed. */
    static byte[] javaWrites(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(s);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every line py4j's reader returns for {@code bytes}, until end of stream. */
    static List<String> javaReadsLines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A gateway as a server holds it after {@code startup()}: entry point under {@code t}, JVM view under {@code j}. */
    static Gateway gateway(Object entryPoint, RecordingPythonClient client) {
        Gateway g = new Gateway(entryPoint, client);
        g.startup();
        return g;
    }

    /**
     * A callback client that sends nothing: it records each command a {@code PythonProxyHandler}
     * would have written and answers {@code yv} (the answer line without its {@code !}, as the real
     * client hands it over), which the handler reads as {@code null}.
     */
    static final class RecordingPythonClient implements Py4JPythonClient {
        final List<String> sent = new ArrayList<>();

        @Override
        public String sendCommand(String command) {
            sent.add(command);
            return "yv";
        }

        @Override
        public String sendCommand(String command, boolean blocking) {
            return sendCommand(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public Py4JPythonClient copyWith(InetAddress pythonAddress, int pythonPort) {
            return this;
        }

        @Override
        public boolean isMemoryManagementEnabled() {
            return false; // no garbage-collect commands from finalizers while tests run
        }

        @Override
        public int getPort() {
            return 0;
        }

        @Override
        public int getReadTimeout() {
            return 0;
        }

        @Override
        public InetAddress getAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public Object getPythonServerEntryPoint(Gateway gateway, @SuppressWarnings("rawtypes") Class[] interfacesToImplement) {
            return null;
        }
    }
}
