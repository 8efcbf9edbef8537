package io.py4jcodec.spec.conform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plays the Python client against a live Java gateway (PROTOCOL.md, "Checking a live gateway"):
 * sends each live vector's request on one connection and compares the answer line.
 *
 * <p>Match rules: {@code exact} (byte for byte); {@code ids} (every object id {@code o<digits>}
 * matches any other, since ids depend on what the gateway created before); {@code prefix} (the answer
 * starts with the expected bytes: error traces name the gateway's own stack).
 */
public final class LiveRunner {
    private static final Pattern OBJECT_ID = Pattern.compile("o[0-9]+");

    private final String host;
    private final int port;
    private final String authToken;
    private final Duration timeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** {@code authToken} may be null (no auth). */
    public LiveRunner(String host, int port, String authToken, Duration timeout) {
        this.host = host;
        this.port = port;
        this.authToken = authToken;
        this.timeout = timeout;
    }

    public Report run(List<Vector> vectors) {
        Report report = new Report("live gateway " + host + ":" + port);
        try {
            for (Vector v : vectors) {
                if (v.kind() != Vector.Kind.LIVE) {
                    continue;
                }
                String failure;
                try {
                    failure = check(v);
                } catch (IOException e) {
                    failure = "connection: " + e;
                    disconnect();
                }
                report.add(new Report.Result(v.kind().folder(), v.category(), v.id(), failure == null, failure));
            }
        } finally {
            disconnect();
        }
        return report;
    }

    private String check(Vector v) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] request = java.util.Base64.getDecoder().decode(v.json().path("request_b64").asText());
        byte[] expected = java.util.Base64.getDecoder().decode(v.json().path("answer_b64").asText());
        out.write(request);
        out.flush();
        byte[] got = readLine();
        if (got == null) {
            disconnect();
            return "the gateway closed the connection instead of answering";
        }
        String match = v.json().path("match").asText("exact");
        boolean ok = switch (match) {
            case "exact" -> Arrays.equals(got, expected);
            case "ids" -> OBJECT_ID.matcher(text(got)).replaceAll("o#").equals(OBJECT_ID.matcher(text(expected)).replaceAll("o#"));
            case "prefix" -> got.length >= expected.length && Arrays.equals(got, 0, expected.length, expected, 0, expected.length);
            default -> throw new IllegalArgumentException("unknown match rule " + match);
        };
        return ok ? null : "answer " + ConformanceRunner.show(got) + ", expected (" + match + ") " + ConformanceRunner.show(expected);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
        if (authToken != null) {
            // Python's form: the escaped token and no e line
            String escaped = authToken.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
            out.write(("A\n" + escaped + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] answer = readLine();
            if (answer == null || !text(answer).equals("!yv\n")) {
                String got = answer == null ? "end of stream" : text(answer);
                disconnect();
                throw new IOException("authentication failed: " + got);
            }
        }
    }

    /** One line including its LF, or null at end of stream. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                if (c == '\n') {
                    return b.toByteArray();
                }
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms (got " + text(b.toByteArray()) + ")", e);
        }
        return b.size() == 0 ? null : b.toByteArray();
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
        socket = null;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
