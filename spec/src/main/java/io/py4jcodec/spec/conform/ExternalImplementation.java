package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.Side;
import io.py4jcodec.spec.CanonicalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An implementation in another process (any language) speaking the stdio contract of PROTOCOL.md:
 * one JSON request line on its stdin, one JSON response line on its stdout. Its stderr goes to ours.
 */
public final class ExternalImplementation implements Implementation {
    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private final Duration timeout;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "conform-external-reader");
        t.setDaemon(true);
        return t;
    });

    /** Starts {@code command} (program and arguments). */
    public ExternalImplementation(List<String> command, Duration timeout) throws IOException {
        this.name = "external: " + String.join(" ", command);
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.stdin = process.getOutputStream();
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decoded decode(Side reader, boolean strict, Mode mode, byte[] wire) {
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("op", "decode");
        req.put("side", reader.name().toLowerCase(Locale.ROOT));
        req.put("strict", strict);
        req.put("mode", mode.json());
        req.put("wire_b64", Base64.getEncoder().encodeToString(wire));
        JsonNode resp = call(req);
        List<JsonNode> messages = Vector.list(resp.path("messages"));
        if (resp.path("ok").asBoolean(false)) {
            return new Decoded(messages, null, -1, null);
        }
        return new Decoded(messages, resp.path("reason").asText("UNKNOWN"), resp.path("offset").asLong(-1),
                resp.path("detail").asText(null));
    }

    @Override
    public Encoded encode(Side writer, List<JsonNode> messages) {
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("op", "encode");
        req.put("side", writer.name().toLowerCase(Locale.ROOT));
        req.putArray("messages").addAll(messages);
        JsonNode resp = call(req);
        if (resp.path("ok").asBoolean(false)) {
            return new Encoded(Base64.getDecoder().decode(resp.path("wire_b64").asText()), null, null);
        }
        return new Encoded(null, resp.path("reason").asText("UNKNOWN"), resp.path("detail").asText(null));
    }

    private JsonNode call(ObjectNode req) {
        try {
            stdin.write((CanonicalJson.write(req) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Future<String> line = reader.submit(stdout::readLine);
            String s = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw new IllegalStateException("the implementation closed its stdout (exit " + exitCode() + ")");
            }
            return CanonicalJson.parse(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to the implementation (exit " + exitCode() + ")", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private String exitCode() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    @Override
    public void close() {
        try {
            stdin.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        } finally {
            reader.shutdownNow();
        }
    }
}
