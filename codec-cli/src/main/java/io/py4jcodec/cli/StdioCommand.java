package io.py4jcodec.cli;

import io.py4jcodec.spec.conform.StdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code py4j-codec stdio}: our text codec behind the stdio conformance contract (the reference for other implementations). */
@Command(name = "stdio", mixinStandardHelpOptions = true,
        description = {"Serve our text codec over the stdio conformance contract of spec/PROTOCOL.md:",
            "one JSON request per line on stdin ({\"op\":\"decode\"|\"encode\",...}), one JSON response per line on stdout, until end of input."},
        footer = {"", "Example:",
            "  echo '{\"op\":\"decode\",\"side\":\"java\",\"strict\":false,\"mode\":\"gateway\",\"wire_b64\":\"Ywp0CmFkZAppMQplCg==\"}' | py4j-codec stdio"})
final class StdioCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        StdioServer.serve(CliCodecs.text(), System.in, System.out);
        return 0;
    }
}
