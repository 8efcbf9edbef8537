package io.py4jcodec.fuzz.net;

import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.ConnectionMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The driver processes of the Python-side roles: the shipped scripts, how they are started and stopped. */
final class Drivers {
    /** The variable that carries the token to a driver: a token never goes on a command line. */
    static final String TOKEN_ENV = "PY4J_FUZZ_AUTH_TOKEN";

    private Drivers() {
    }

    /** A shipped driver ({@code drivers/NAME}) written to a temporary file. */
    static Path extract(String name) throws IOException {
        Path p = Files.createTempFile(name.replace(".py", ""), ".py");
        p.toFile().deleteOnExit();
        try (InputStream in = Drivers.class.getResourceAsStream("/io/py4jcodec/fuzz/drivers/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    /** Starts {@code cmd} with {@code {port}} replaced, the mode and token in its environment; stderr discarded. */
    static Process start(List<String> cmd, int port, Map<String, String> env, ConnectionMode mode, String token)
            throws IOException {
        List<String> args = new ArrayList<>();
        for (String a : cmd) {
            args.add(a.replace("{port}", Integer.toString(port)));
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("PY4J_FUZZ_MODE", mode.name().toLowerCase(Locale.ROOT));
        pb.environment().remove(TOKEN_ENV);
        if (token != null) {
            pb.environment().put(TOKEN_ENV, token);
        }
        return pb.start();
    }

    /**
     * Why a driver did not say it was ready: its exit code if it ended, and what to check. Its stderr
     * is not kept (a campaign restarts it thousands of times), so the message says how to see it.
     */
    static DriverNotStartedException notStarted(String what, Process p, List<String> cmd) {
        String ended;
        try {
            ended = p.waitFor(2, TimeUnit.SECONDS) ? "it exited with code " + p.exitValue() : "it printed no ready line";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = "it printed no ready line";
        }
        return new DriverNotStartedException("the " + what + " did not start (" + ended + "): " + String.join(" ", cmd)
                + "; run it by hand to see its errors. The shipped drivers need py4j importable: set PYTHONPATH to"
                + " py4j's Python sources (here ../shared/peers/py4j-python/src) or pip install py4j==0.10.9.9");
    }

    /** Kills a driver and waits (bounded) for it to go. */
    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Python has one int type: it writes {@code i} within Java's int range and {@code L} beyond. */
    static Value asPythonWrites(Value v) {
        if (v instanceof IntValue i) {
            return Value.ofInteger(i.value());
        }
        if (v instanceof LongValue l) {
            return Value.ofInteger(l.value());
        }
        return v;
    }
}
