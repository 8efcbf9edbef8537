package io.py4jcodec.cli;

import io.py4jcodec.bench.CompareCommand;
import io.py4jcodec.fuzz.FuzzCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code py4j-codec}: the command line of py4j-codec.
 *
 * <pre>
 * py4j-codec decode --transcript                      # frames of the embedded real transcript
 * py4j-codec decode --from python capture.bin         # bytes the Python client wrote, one JSON line per frame
 * py4j-codec encode --from python frames.jsonl        # canonical-JSON lines back to the exact bytes
 * py4j-codec conform [--exec CMD | --live HOST:PORT]  # the conformance vectors, pass/fail table
 * py4j-codec compare [--full] [--out DIR]            # size/time suite: text vs py4j vs protobuf, report.md
 * py4j-codec fuzz --target HOST:PORT --seed 1         # fuzz a Py4J server; reproducers in ./fuzz-out/
 * py4j-codec gateway --port 25333 [--auth-token T]    # a Py4J gateway (GatewayServer mode) for the Python client
 * </pre>
 */
@Command(name = "py4j-codec", mixinStandardHelpOptions = true, version = "py4j-codec 0.1.0",
        description = "Read and write the Py4J wire protocol byte-exactly, as the Python or the Java peer does.",
        subcommands = {DecodeCommand.class, EncodeCommand.class, ConformCommand.class, StdioCommand.class, FuzzCommand.class,
            CompareCommand.class, GatewayCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
