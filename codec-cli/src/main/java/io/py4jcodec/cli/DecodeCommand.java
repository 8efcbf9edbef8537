package io.py4jcodec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code py4j-codec decode}: wire bytes in, one JSON line per frame out. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode the bytes one Py4J peer wrote into one canonical-JSON line per frame (spec/PROTOCOL.md), in order.",
            "Commands and answers may be interleaved (ClientServer captures).",
            "Bad frames do not stop it: each error is one line on stderr, in order (\"error: after frame N: REASON at byte B ...\","
                + " N = the JSON lines printed before it), and the frames after a bad one still decode when the decoder could"
                + " skip it; stdout stays canonical JSON (encode reads it). Exit code 2 if any error occurred, 0 otherwise."},
        footer = {"", "Examples:",
            "  py4j-codec decode --transcript                 frames of the embedded real transcript",
            "  py4j-codec decode --from python capture.bin    bytes the Python client wrote"})
final class DecodeCommand implements Callable<Integer> {
    static final String DEFAULT_TRANSCRIPT = "default-transcript.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--from", description = "The peer that wrote the bytes: ${COMPLETION-CANDIDATES}.")
    Side from;

    @Option(names = "--encoding", defaultValue = "text", description = "text or binary (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--mode", defaultValue = "GATEWAY",
            description = "Connection mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ConnectionMode mode;

    @Option(names = "--strict", description = "Reject what the real peer would silently mis-read.")
    boolean strict;

    @Option(names = "--transcript", arity = "0..1", fallbackValue = "",
            description = "Read a py4j-wire-transcript/1 file (as in spec/recorded/transcripts/) and print every frame with its "
                    + "connection and direction. Without a file: the embedded real transcript (gateway-auth-success).")
    String transcript;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Raw bytes to decode (default: standard input).")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Encodings.available(encoding, err)) {
            return 2;
        }
        JsonLines json = new JsonLines();
        if (transcript != null) {
            return transcript(out, err, json);
        }
        if (from == null) {
            err.println("error: --from python|java is required (the peer that wrote the bytes)");
            return 2;
        }
        try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
            return decodeStream(in, codec(from), out, err, json, null, null);
        }
    }

    private Codec codec(Side writer) {
        return Encodings.codec(encoding, writer.peer(), mode, strict);
    }

    private int decodeStream(InputStream in, Codec codec, PrintWriter out, PrintWriter err, JsonLines json,
                             String conn, String dir) throws IOException {
        MessageInputStream messages = new MessageInputStream(in, codec.newDecoder());
        int printed = 0;
        int errors = 0;
        while (true) {
            Message m;
            try {
                m = messages.read();
            } catch (ProtocolException e) {
                errors++;
                // stdout first, so that a terminal or a 2>&1 shows the error where it happened
                out.flush();
                err.println(errorLine(printed, e));
                err.flush();
                if (e.resynchronized() && e.skipBytes() > 0) {
                    continue;   // the decoder skipped the bad frame: the next one decodes
                }
                break;          // closed: nothing after it can be framed
            }
            if (m == null) {
                break;
            }
            out.println(conn == null ? json.message(m) : json.frame(conn, dir, m));
            printed++;
        }
        out.flush();
        return errors == 0 ? 0 : 2;
    }

    /** One stderr line per error: where it falls among the printed frames, the reason and byte offset, and what happens next. */
    static String errorLine(int printedBefore, ProtocolException e) {
        return "error: after frame " + printedBefore + ": " + e.getMessage()
                + (e.resynchronized() && e.skipBytes() > 0 ? " (skipped " + e.skipBytes() + " bytes; decoding goes on)" : " (decoding stops)");
    }

    private int transcript(PrintWriter out, PrintWriter err, JsonLines json) throws IOException {
        JsonNode root;
        if (transcript.isEmpty()) {
            try (InputStream in = DecodeCommand.class.getResourceAsStream(DEFAULT_TRANSCRIPT)) {
                root = new ObjectMapper().readTree(in);
            }
        } else {
            root = new ObjectMapper().readTree(Path.of(transcript).toFile());
        }
        // bytes per connection and direction, and where each recorded event ends in that stream;
        // TCP chunking carries no meaning, but the event order tells who spoke when
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        Map<String, List<long[]>> eventEnds = new LinkedHashMap<>();
        for (JsonNode ev : root.path("events")) {
            if (ev.path("type").asText().equals("data")) {
                String key = ev.path("conn").asText() + " " + ev.path("dir").asText();
                ByteArrayOutputStream bytes = streams.computeIfAbsent(key, k -> new ByteArrayOutputStream());
                bytes.writeBytes(Base64.getDecoder().decode(ev.path("b64").asText()));
                eventEnds.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {ev.path("seq").asLong(), bytes.size()});
            }
        }
        // decode every stream, then print the frames in the order their last byte was recorded
        List<Object[]> frames = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, ByteArrayOutputStream> s : streams.entrySet()) {
            String[] k = s.getKey().split(" ");
            Side writer = k[1].startsWith("python") ? Side.PYTHON : Side.JAVA;
            byte[] bytes = s.getValue().toByteArray();
            MessageDecoder d = codec(writer).newDecoder();
            UnsafeBuffer buf = new UnsafeBuffer(bytes);
            int off = 0;
            int decoded = 0;
            while (off < bytes.length) {
                int n;
                try {
                    n = d.decodeLast(buf, off, bytes.length - off);
                } catch (ProtocolException e) {
                    errors.add(k[0] + " " + k[1] + ": " + errorLine(decoded, e).substring("error: ".length()));
                    if (e.resynchronized() && e.skipBytes() > 0) {
                        off += e.skipBytes();
                        continue;
                    }
                    break;
                }
                if (n <= 0) {
                    break;
                }
                off += n;
                decoded++;
                frames.add(new Object[] {seqOf(eventEnds.get(s.getKey()), off), k[0], k[1], d.message()});
            }
        }
        frames.sort(java.util.Comparator.comparingLong(f -> (Long) f[0]));
        for (Object[] f : frames) {
            out.println(json.frame((String) f[1], (String) f[2], (Message) f[3]));
        }
        out.flush();
        errors.forEach(e -> err.println("error: " + e));
        err.flush();
        return errors.isEmpty() ? 0 : 2;
    }

    /** The sequence number of the event that carried byte {@code end - 1} of a stream. */
    private static long seqOf(List<long[]> ends, int end) {
        for (long[] e : ends) {
            if (e[1] >= end) {
                return e[0];
            }
        }
        return Long.MAX_VALUE;
    }
}
