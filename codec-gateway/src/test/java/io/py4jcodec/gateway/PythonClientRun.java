package io.py4jcodec.gateway;

import io.py4jcodec.testkit.PythonPeer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real py4j Python client on {@code python/client_scenarios.py} against a port and collects its JSON lines. */
final class PythonClientRun {
    private PythonClientRun() {
    }

    static List<String> run(int port, String token, String mode) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Integer.toString(port), token == null ? "-" : token));
        if (mode != null) {
            args.add(mode);
        }
        return script("client_scenarios.py", args);
    }

    /** Runs {@code python/<name>} (a test resource) with {@code scriptArgs} and collects its stdout lines. */
    static List<String> script(String name, List<String> scriptArgs) throws IOException, InterruptedException {
        PythonPeer py = PythonPeer.require();
        Path script;
        try {
            script = Path.of(PythonClientRun.class.getResource("/python/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path err = Files.createTempFile("py4j-client", ".err");
        List<String> args = new ArrayList<>(List.of(script.toString()));
        args.addAll(scriptArgs);
        Process p = py.command(args.toArray(String[]::new)).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("python client did not finish");
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            if (p.exitValue() != 0) {
                throw new AssertionError("python client exited " + p.exitValue() + "\nstdout:\n" + String.join("\n", lines)
                        + "\nstderr:\n" + tail(err));
            }
            return lines;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            new File(err.toString()).delete();
        }
    }

    private static String tail(Path p) throws IOException {
        String s = Files.readString(p);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
