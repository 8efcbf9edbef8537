package io.py4jcodec.cli;

import io.py4jcodec.spec.conform.ConformanceRunner;
import io.py4jcodec.spec.conform.ExternalImplementation;
import io.py4jcodec.spec.conform.Implementation;
import io.py4jcodec.spec.conform.LiveRunner;
import io.py4jcodec.spec.conform.Report;
import io.py4jcodec.spec.conform.Vector;
import io.py4jcodec.spec.conform.VectorSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code py4j-codec conform}: the conformance vectors against a codec, an external implementation, or a live gateway. */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Run the conformance vectors (spec/vectors, built in) and print a pass/fail table; exit code 1 if any fails.",
            "Without a target: our text codec, in-process. --exec: an implementation in any language speaking the stdio contract",
            "of spec/PROTOCOL.md. --live: a running Py4J Java gateway, played as the Python client."},
        footer = {"", "Examples:",
            "  py4j-codec conform                                   our text codec",
            "  py4j-codec conform --exec 'python3 my_codec.py'       an implementation behind the stdio contract",
            "  py4j-codec conform --exec './py4j-codec stdio'        our codec through the same contract",
            "  py4j-codec conform --live 127.0.0.1:25333 [--auth-token T]   a live GatewayServer"})
final class ConformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--exec", paramLabel = "COMMAND", description = "Start COMMAND (split on spaces) and check it through the stdio contract.")
    String exec;

    @Option(names = "--live", paramLabel = "HOST:PORT", description = "Check a live Java gateway with the live vectors.")
    String live;

    @Option(names = "--auth-token", description = "Auth token for --live (sent as the Python client sends it).")
    String authToken;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Use the vectors in DIR (laid out like spec/vectors) instead of the built-in ones.")
    Path vectors;

    @Option(names = "--any-reason", description = "Accept any error for an invalid vector, not only the named reason (for implementations with their own error names).")
    boolean anyReason;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only vectors whose kind/category/id contains TEXT.")
    String filter;

    @Option(names = "--timeout", defaultValue = "10", description = "Seconds to wait for each answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-failures", defaultValue = "50", description = "Failures to list under the table (default: ${DEFAULT-VALUE}).")
    int maxFailures;

    @Option(names = "--encoding", defaultValue = "text", description = "Codec to check without --exec/--live: text or binary (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (exec != null && live != null) {
            err.println("error: give --exec or --live, not both");
            return 2;
        }
        List<Vector> all = vectors == null ? VectorSet.embedded() : VectorSet.load(vectors);
        if (filter != null) {
            all = all.stream().filter(v -> v.fullId().contains(filter)).toList();
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Report report;
        if (live != null) {
            int colon = live.lastIndexOf(':');
            if (colon < 0) {
                err.println("error: --live needs HOST:PORT");
                return 2;
            }
            report = new LiveRunner(live.substring(0, colon), Integer.parseInt(live.substring(colon + 1)), authToken, timeout).run(all);
        } else if (exec != null) {
            try (Implementation impl = new ExternalImplementation(Arrays.asList(exec.trim().split("\\s+")), timeout)) {
                report = new ConformanceRunner(anyReason).run(all, impl);
            }
        } else {
            if (!Encodings.available(encoding, err)) {
                return 2;
            }
            if (encoding.equals("binary")) {
                err.println("error: the conformance vectors are Py4J text-protocol bytes; the binary codec has no "
                        + "wire of Py4J's to conform to (its round trips are checked by codec-binary's tests)");
                return 2;
            }
            report = new ConformanceRunner(anyReason).run(all, CliCodecs.text());
        }
        report.print(out, maxFailures);
        return report.allPassed() ? 0 : 1;
    }
}
