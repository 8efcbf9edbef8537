package io.py4jcodec.cli;

import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.spec.CanonicalJson;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code py4j-codec encode}: canonical-JSON lines in, the bytes one peer writes out. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Read canonical-JSON lines (one message each, as `decode` prints them) and write the exact bytes the chosen peer writes.",
            "`decode --from X | encode --from X` reproduces the input for anything the real peer X writes.",
            "On a bad line the bytes before it are written, then an error line (line number and reason) on stderr; exit code 2."},
        footer = {"", "Examples:",
            "  echo '{\"command\":\"call\",\"target_id\":\"t\",\"method\":\"add\",\"arguments\":[{\"type\":\"int\",\"value\":1}]}' | py4j-codec encode --from python",
            "  py4j-codec decode --from java answers.bin | py4j-codec encode --from java > same.bin"})
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "The peer whose bytes to write: ${COMPLETION-CANDIDATES}.")
    Side from;

    @Option(names = "--encoding", defaultValue = "text", description = "text or binary (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Canonical-JSON lines (default: standard input).")
    Path file;

    /** Where the bytes go (tests replace it). */
    OutputStream out = System.out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Encodings.available(encoding, err)) {
            return 2;
        }
        MessageEncoder enc = Encodings.codec(encoding, from, ConnectionMode.GATEWAY, false).newEncoder();
        try (InputStream in = file == null ? System.in : Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Message m = CanonicalJson.readMessage(line);
                    out.write(enc.encode(m));
                } catch (IllegalArgumentException | ProtocolException e) {
                    out.flush();
                    err.println("error: line " + n + ": " + (e instanceof ProtocolException p ? p.getMessage() : "BAD_JSON: " + e.getMessage()));
                    err.flush();
                    return 2;
                }
            }
        }
        out.flush();
        return 0;
    }
}
