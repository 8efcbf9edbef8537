package io.py4jcodec.fuzz.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reproducer file: the bytes of one minimized case and the outcome it produced, in a
 * line-oriented {@code key: value} form (bytes in Base64, with a readable rendering beside them as
 * a comment), so it can be read, diffed, and replayed with {@code py4j-codec fuzz --replay FILE}.
 *
 * <pre>
 * format: py4j-fuzz-repro/1
 * role: target                      (we were the client; "listen": we were the server; "gateway": we were the
 *                                   gateway of a driven client; "callback-client": we called a callback server)
 * mode: gateway
 * outcome: FATAL
 * signature: FATAL FIELD_GET valid
 * bytes: Zgpn...                    (target: the request; listen: our reply to the first request)
 * probe: Ywp6...                    (target only: the follow-up request that checks the connection)
 * probe-answer: IXlz...
 * op: {"op":"call",...}           (gateway only: the operation the client's driver performed)
 * fault: CLOSE_MID                (gateway only: the transport fault used instead of the bytes)
 * answers-command: 0              (gateway only, when not the operation's last command: which of the
 *                                   commands the operation sends the bytes or fault answer, from 0)
 * before: IXlz...                 (listen only, one line each, oldest first: our replies to the requests
 *                                   before this case on its connection, which a replay sends first)
 * </pre>
 *
 * @param answerAt gateway role: the index of the operation's command that {@code bytes} (or
 *                 {@code fault}) answer, or -1 for its last command (the file then has no
 *                 {@code answers-command} line, as files written before the key existed)
 * @param before   listen role: the replies to the requests before this case on its connection, oldest
 *                 first; a client that keeps state across answers (a line left in its reader) needs
 *                 them to get to this case's outcome
 */
public record Reproducer(String role, String mode, Outcome outcome, String signature, long seed, int caseIndex,
                         byte[] bytes, byte[] probe, byte[] probeAnswer, String detail, String op,
                         String fault, int answerAt, List<byte[]> before) {
    public static final String FORMAT = "py4j-fuzz-repro/1";

    public Reproducer {
        before = List.copyOf(before);
    }

    /** A reproducer whose bytes answer the last command of its case (every role but a gateway's lookup cases). */
    public Reproducer(String role, String mode, Outcome outcome, String signature, long seed, int caseIndex,
                      byte[] bytes, byte[] probe, byte[] probeAnswer, String detail, String op, String fault) {
        this(role, mode, outcome, signature, seed, caseIndex, bytes, probe, probeAnswer, detail, op, fault, -1);
    }

    /** A reproducer with nothing sent before its case. */
    public Reproducer(String role, String mode, Outcome outcome, String signature, long seed, int caseIndex,
                      byte[] bytes, byte[] probe, byte[] probeAnswer, String detail, String op, String fault, int answerAt) {
        this(role, mode, outcome, signature, seed, caseIndex, bytes, probe, probeAnswer, detail, op, fault, answerAt, List.of());
    }

    /** Writes the file. */
    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# py4j-codec fuzz reproducer: replay with  py4j-codec fuzz --replay ").append(file.getFileName())
                .append(role.equals("target") ? " --target HOST:PORT" : role.equals("gateway") ? " --listen 0 --role gateway"
                        : " --listen PORT").append('\n');
        b.append("format: ").append(FORMAT).append('\n');
        b.append("role: ").append(role).append('\n');
        b.append("mode: ").append(mode).append('\n');
        b.append("outcome: ").append(outcome).append('\n');
        b.append("signature: ").append(signature).append('\n');
        b.append("seed: ").append(seed).append('\n');
        b.append("case: ").append(caseIndex).append('\n');
        for (int i = 0; i < before.size(); i++) {
            b.append("# before ").append(i).append(" as text: ").append(io.py4jcodec.fuzz.Wire.show(before.get(i), 2000)).append('\n');
            b.append("before: ").append(Base64.getEncoder().encodeToString(before.get(i))).append('\n');
        }
        b.append("# bytes as text: ").append(io.py4jcodec.fuzz.Wire.show(bytes, 2000)).append('\n');
        b.append("bytes: ").append(Base64.getEncoder().encodeToString(bytes)).append('\n');
        if (probe != null) {
            b.append("# probe as text: ").append(io.py4jcodec.fuzz.Wire.show(probe)).append('\n');
            b.append("probe: ").append(Base64.getEncoder().encodeToString(probe)).append('\n');
            b.append("probe-answer: ").append(Base64.getEncoder().encodeToString(probeAnswer)).append('\n');
        }
        if (op != null) {
            b.append("op: ").append(oneLine(op)).append('\n');
            b.append("fault: ").append(fault == null ? "" : fault).append('\n');
            if (answerAt >= 0) {
                b.append("answers-command: ").append(answerAt).append('\n');
            }
        }
        b.append("detail: ").append(oneLine(detail)).append('\n');
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** Reads a file written by {@link #write}. */
    public static Reproducer read(Path file) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        List<byte[]> before = new ArrayList<>();
        Base64.Decoder d = Base64.getDecoder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("before: ")) {
                before.add(d.decode(line.substring("before: ".length())));
                continue;
            }
            int c = line.indexOf(": ");
            if (c > 0) {
                kv.put(line.substring(0, c), line.substring(c + 2));
            } else if (line.endsWith(":")) {
                kv.put(line.substring(0, line.length() - 1), "");
            }
        }
        if (!FORMAT.equals(kv.get("format"))) {
            throw new IOException(file + ": not a " + FORMAT + " file");
        }
        return new Reproducer(kv.get("role"), kv.getOrDefault("mode", "gateway"), Outcome.valueOf(kv.get("outcome")),
                kv.getOrDefault("signature", ""), Long.parseLong(kv.getOrDefault("seed", "0")),
                Integer.parseInt(kv.getOrDefault("case", "0")), d.decode(kv.getOrDefault("bytes", "")),
                kv.containsKey("probe") ? d.decode(kv.get("probe")) : null,
                kv.containsKey("probe-answer") ? d.decode(kv.get("probe-answer")) : null, kv.getOrDefault("detail", ""),
                kv.get("op"), kv.getOrDefault("fault", ""), Integer.parseInt(kv.getOrDefault("answers-command", "-1")), before);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
