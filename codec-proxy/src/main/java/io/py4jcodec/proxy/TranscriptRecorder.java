package io.py4jcodec.proxy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a session in the {@code py4j-wire-transcript/1} format (spec/recorded/transcripts/README.md),
 * which {@code py4j-codec decode --transcript} reads back: every chunk the proxy read, as Base64, in
 * one global {@code seq} order, recorded before the chunk is forwarded, so causality across
 * connections is kept. Events are streamed to the file as they happen (a long session costs no
 * memory); the connection table is written at the end.
 *
 * <p>The file holds every byte, an auth token included: it is created readable by its owner only
 * (where the file system has POSIX permissions).
 */
final class TranscriptRecorder implements AutoCloseable {
    private final JsonGenerator json;
    private final long startNanos = System.nanoTime();
    private final List<Map<String, Object>> connections = new ArrayList<>();
    private long seq;
    private boolean closed;

    TranscriptRecorder(Path file, String mode, Map<Route, int[]> routes) throws IOException {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here: the file is created below with the defaults
        }
        json = new JsonFactory().createGenerator(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("format", "py4j-wire-transcript/1");
        json.writeStringField("name", file.getFileName().toString().replaceFirst("\\.json$", ""));
        json.writeStringField("mode", mode);
        json.writeStringField("description", "recorded by py4j-codec proxy");
        json.writeNumberField("proxy_started_unix", System.currentTimeMillis() / 1000.0);
        json.writeArrayFieldStart("routes");
        for (Map.Entry<Route, int[]> r : routes.entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", r.getKey().wireName());
            json.writeNumberField("proxy_port", r.getValue()[0]);
            json.writeNumberField("target_port", r.getValue()[1]);
            json.writeStringField("initiator", r.getKey().initiator().name().toLowerCase());
            json.writeStringField("acceptor", r.getKey().acceptor().name().toLowerCase());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("events");
        json.flush();
    }

    synchronized void open(String conn, Route route, int initiatorPort, int upstreamLocalPort) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", conn);
        c.put("route", route.wireName());
        c.put("initiator", route.initiator().name().toLowerCase());
        c.put("acceptor", route.acceptor().name().toLowerCase());
        c.put("initiator_port", initiatorPort);
        c.put("upstream_local_port", upstreamLocalPort);
        c.put("opened_t", now());
        connections.add(c);
        event(conn, "open", null, null, 0, 0, Map.of("route", route.wireName(), "initiator", c.get("initiator")));
    }

    synchronized void data(String conn, Direction dir, byte[] b, int off, int len) {
        event(conn, "data", dir, b, off, len, Map.of());
    }

    /** {@code eof}, {@code rst} or {@code forward-failed} for one direction. */
    synchronized void end(String conn, Direction dir, String type) {
        event(conn, type, dir, null, 0, 0, Map.of());
    }

    synchronized void closed(String conn) {
        for (Map<String, Object> c : connections) {
            if (c.get("id").equals(conn)) {
                c.put("closed_t", now());
            }
        }
        event(conn, "closed", null, null, 0, 0, Map.of());
    }

    private double now() {
        return Math.round((System.nanoTime() - startNanos) / 1e3) / 1e6;
    }

    private void event(String conn, String type, Direction dir, byte[] b, int off, int len, Map<String, Object> extra) {
        if (closed) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeNumberField("seq", seq++);
            json.writeNumberField("t", now());
            json.writeStringField("conn", conn);
            json.writeStringField("type", type);
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                json.writeStringField(e.getKey(), String.valueOf(e.getValue()));
            }
            if (dir != null) {
                json.writeStringField("dir", dir.wireName());
            }
            if (b != null) {
                json.writeNumberField("len", len);
                json.writeStringField("b64", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(b, off, off + len)));
                String text = utf8(b, off, len);
                if (text != null) {
                    json.writeStringField("text", text);
                }
            }
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunk as text when it is well-formed UTF-8 (as the transcript format has it), else null. */
    private static String utf8(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeArrayFieldStart("connections");
        for (Map<String, Object> c : connections) {
            json.writeStartObject();
            for (Map.Entry<String, Object> e : c.entrySet()) {
                if (e.getValue() instanceof Integer i) {
                    json.writeNumberField(e.getKey(), i);
                } else if (e.getValue() instanceof Double d) {
                    json.writeNumberField(e.getKey(), d);
                } else {
                    json.writeStringField(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
