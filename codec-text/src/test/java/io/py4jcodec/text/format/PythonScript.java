package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.testkit.PythonPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/python/python_numbers.py} in one of its stdin/stdout modes on a running
 * CPython 3.11 ({@link PythonPeer#defaultInterpreter()}), bounded in time. Where the interpreter is
 * missing or not CPython 3.11 the calling test is skipped with one line, unless the run requires
 * Python ({@code PY4JCODEC_REQUIRE_PYTHON=1}), where it fails.
 */
final class PythonScript {
    private static final String SCRIPT = "src/test/python/python_numbers.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonScript() {
    }

    /** The JSON array the script writes for {@code input} in {@code mode} ({@code eval} or {@code repr}). */
    static JsonNode run(String mode, List<String> input) throws Exception {
        String interpreter = PythonPeer.defaultInterpreter();
        String version = version(interpreter);
        if (version == null || !version.startsWith("3.11.")) {
            String why = interpreter + (version == null ? " (CPython) is not on this machine" : " is Python " + version + ", not 3.11")
                    + ": the CPython differential tests need CPython 3.11 (the committed vectors and oracle still ran)";
            if (PythonPeer.required()) {
                throw new AssertionError(why + " (this run requires Python: PY4JCODEC_REQUIRE_PYTHON)");
            }
            System.err.println("[skipped] " + why);
            Assumptions.abort(why);
        }
        Path script = Path.of(SCRIPT).toAbsolutePath();
        assertTrue(Files.isRegularFile(script), "missing " + script);
        Process p = new ProcessBuilder(interpreter, script.toString(), mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (OutputStream in = p.getOutputStream()) {
                JSON.writeValue(in, input);
            }
            byte[] bytes = out.get(60, TimeUnit.SECONDS);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "python_numbers.py " + mode + " failed");
            JsonNode result = JSON.readTree(bytes);
            assertEquals(input.size(), result.size(), "answers from python_numbers.py " + mode);
            return result;
        } finally {
            p.destroyForcibly();
        }
    }

    /** {@code 3.11.7} for CPython 3.11.7; null when the interpreter is missing or not CPython. */
    private static String version(String interpreter) {
        try {
            Process p = new ProcessBuilder(interpreter, "-c",
                    "import platform; print(platform.python_implementation(), platform.python_version())")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            String[] v = new String(out, StandardCharsets.UTF_8).trim().split(" ");
            return v.length == 2 && v[0].equals("CPython") ? v[1] : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
