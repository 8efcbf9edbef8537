package io.py4jcodec.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Py4J Python side (py4j 0.10.9.9's pure-Python package), found for tests that drive it.
 *
 * <p>Where it is looked for, first match wins:
 * <ol>
 *   <li>the folder in the system property {@code py4jcodec.python.path} or the environment variable
 *       {@code PY4J_PYTHONPATH} (a folder holding the {@code py4j} package, used as {@code PYTHONPATH});</li>
 *   <li>the build's default, {@code ../shared/peers/py4j-python/src} beside the checkout (system
 *       property {@code py4jcodec.python.defaultPath}, set by the root pom);</li>
 *   <li>a {@code py4j} module the interpreter can already import ({@code pip install py4j==0.10.9.9}).</li>
 * </ol>
 * The interpreter is {@code py4jcodec.python} / {@code PY4JCODEC_PYTHON}, else {@code python3}.
 *
 * <p>A test that needs the peer starts with {@link #require()}: when the peer is missing the test is
 * skipped with one line saying how to enable it, unless {@code PY4JCODEC_REQUIRE_PYTHON=1} (or the
 * system property {@code py4jcodec.python.required=true}) is set, as {@code .ci/run} does where the
 * peer is present; then a missing peer fails the test instead of silently skipping it.
 *
 * <pre>{@code
 * PythonPeer py = PythonPeer.require();
 * Process p = py.command("-c", "import py4j.version; print(py4j.version.__version__)").start();
 * }</pre>
 */
public final class PythonPeer {
    /** How to enable the tests that need the peer, printed when it is missing. */
    public static final String HOW_TO_ENABLE = "set PY4J_PYTHONPATH to a folder holding py4j 0.10.9.9's Python package"
            + " (e.g. ../shared/peers/py4j-python/src), or pip install py4j==0.10.9.9";

    private static volatile Optional<PythonPeer> found;

    private final String interpreter;
    private final Path pythonPath;   // null: the interpreter imports an installed py4j
    private final String version;

    private PythonPeer(String interpreter, Path pythonPath, String version) {
        this.interpreter = interpreter;
        this.pythonPath = pythonPath;
        this.version = version;
    }

    /** The peer, or empty when no interpreter here can import {@code py4j}. Looked up once per JVM. */
    public static Optional<PythonPeer> find() {
        Optional<PythonPeer> f = found;
        if (f == null) {
            synchronized (PythonPeer.class) {
                f = found;
                if (f == null) {
                    found = f = locate();
                }
            }
        }
        return f;
    }

    /**
     * The peer as {@code interpreter} (a command or a path) would run it, by the same rules as
     * {@link #find()} for where py4j is; empty when that interpreter cannot import {@code py4j}. Not cached.
     */
    public static Optional<PythonPeer> find(String interpreter) {
        return locate(interpreter);
    }

    /**
     * The peer for a JUnit test: skips the test (one line, {@link #HOW_TO_ENABLE}) when it is missing,
     * or fails it when the run requires the peer ({@code PY4JCODEC_REQUIRE_PYTHON=1}).
     */
    public static PythonPeer require() {
        Optional<PythonPeer> f = find();
        if (f.isPresent()) {
            return f.get();
        }
        String why = "the real Py4J Python peer was not found: " + HOW_TO_ENABLE;
        if (required()) {
            throw new AssertionError(why + " (this run requires it: PY4JCODEC_REQUIRE_PYTHON / py4jcodec.python.required)");
        }
        // surefire does not print why a test was skipped; this is the one line that says how to enable it
        System.err.println("[skipped] " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    /** Whether this run must not skip tests that need the peer. */
    public static boolean required() {
        String p = System.getProperty("py4jcodec.python.required");
        String e = System.getenv("PY4JCODEC_REQUIRE_PYTHON");
        return "true".equalsIgnoreCase(p) || "1".equals(e) || "true".equalsIgnoreCase(e);
    }

    /** The interpreter command, e.g. {@code python3}. */
    public String interpreter() {
        return interpreter;
    }

    /** The folder put on {@code PYTHONPATH}, or empty when an installed {@code py4j} is used. */
    public Optional<Path> pythonPath() {
        return Optional.ofNullable(pythonPath);
    }

    /** {@code py4j.version.__version__} as the peer reports it, e.g. {@code 0.10.9.9}. */
    public String version() {
        return version;
    }

    /**
     * A process builder running the interpreter with {@code args}, with {@code PYTHONPATH} set so that
     * {@code import py4j} finds this peer (prepended to any {@code PYTHONPATH} already set).
     */
    public ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(args.length + 1);
        cmd.add(interpreter);
        cmd.addAll(List.of(args));
        return withPythonPath(new ProcessBuilder(cmd));
    }

    /** Sets {@code PYTHONPATH} on {@code pb} (and unbuffered output) so that its Python finds this peer. */
    public ProcessBuilder withPythonPath(ProcessBuilder pb) {
        pb.environment().put("PYTHONUNBUFFERED", "1");
        if (pythonPath != null) {
            String old = pb.environment().get("PYTHONPATH");
            pb.environment().put("PYTHONPATH", old == null || old.isEmpty()
                    ? pythonPath.toString() : pythonPath + java.io.File.pathSeparator + old);
        }
        return pb;
    }

    @Override
    public String toString() {
        return "py4j " + version + " via " + interpreter + (pythonPath == null ? " (installed)" : " with PYTHONPATH=" + pythonPath);
    }

    /** The interpreter {@link #find()} uses: {@code py4jcodec.python} / {@code PY4JCODEC_PYTHON}, else {@code python3}. */
    public static String defaultInterpreter() {
        return firstNonEmpty(System.getProperty("py4jcodec.python"), System.getenv("PY4JCODEC_PYTHON"), "python3");
    }

    private static Optional<PythonPeer> locate() {
        return locate(defaultInterpreter());
    }

    private static Optional<PythonPeer> locate(String interpreter) {
        List<Path> candidates = new ArrayList<>();
        String explicit = firstNonEmpty(System.getProperty("py4jcodec.python.path"), System.getenv("PY4J_PYTHONPATH"), null);
        if (explicit != null) {
            candidates.add(Path.of(explicit));
        }
        String dflt = System.getProperty("py4jcodec.python.defaultPath");
        if (dflt != null && !dflt.isEmpty()) {
            candidates.add(Path.of(dflt));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("py4j").resolve("protocol.py"))) {
                String v = probe(interpreter, c.toAbsolutePath().normalize());
                if (v != null) {
                    return Optional.of(new PythonPeer(interpreter, c.toAbsolutePath().normalize(), v));
                }
            }
        }
        String v = probe(interpreter, null);
        return v == null ? Optional.empty() : Optional.of(new PythonPeer(interpreter, null, v));
    }

    /** Runs the interpreter once to read py4j's version; null when it cannot import py4j. */
    private static String probe(String interpreter, Path pythonPath) {
        return new PythonPeer(interpreter, pythonPath, "?").output("-c", "import py4j.version; print(py4j.version.__version__)");
    }

    /**
     * Runs the interpreter with {@code args} (and this peer's PYTHONPATH) and returns the one line it
     * prints, or null when it fails, prints nothing or several lines, or takes over 30 seconds.
     */
    public String output(String... args) {
        try {
            Process proc = command(args).redirectErrorStream(true).start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(30, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return null;
            }
            String v = new String(out, StandardCharsets.UTF_8).trim();
            return proc.exitValue() == 0 && !v.isEmpty() && v.indexOf('\n') < 0 ? v : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String firstNonEmpty(String a, String b, String c) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        return b != null && !b.isEmpty() ? b : c;
    }
}
