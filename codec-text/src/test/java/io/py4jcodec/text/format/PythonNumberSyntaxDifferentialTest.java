package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.py4jcodec.testkit.PythonPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonNumberSyntax} against a running CPython 3.11 on a few thousand seeded strings built
 * from the characters number syntax turns on (digits of several scripts, signs, points, exponents,
 * underscores, the letters of inf/nan, every kind of white space, controls). The interpreter is
 * {@link PythonPeer#defaultInterpreter()}; where it is missing or not 3.11 the test skips with one
 * line (the committed vectors still run), unless the run requires Python ({@code PY4JCODEC_REQUIRE_PYTHON=1}).
 */
class PythonNumberSyntaxDifferentialTest {
    private static final long SEED = 20261205L;
    private static final int STRINGS = 4000;
    private static final String SCRIPT = "src/test/python/python_numbers.py";

    /** What the strings are made of: weights by repetition. */
    private static final String[] ALPHABET = {
        "0", "1", "5", "9", "0", "1", "7", "3", "_", "_", ".", "e", "E", "+", "-", " ",
        "i", "n", "f", "I", "N", "a", "t", "y", "s", "inf", "nan", "infinity", "x", "d", "j",
        "\t", "\n", "\u000b", "\f", "\r", "\u001c", "\u001f", "\u0000", "\u007f", "\u0085", "\u00a0",
        "\u1680", "\u2007", "\u200b", "\u2028", "\u202f", "\u3000", "\ufeff", "\u180e",
        "\u0665", "\u0660", "\u06f9", "\u0969", "\uff15", "\ud835\udfd3", "\ud81a\udac5", "\ud807\udf55",
        "\u00b2", "\u066b", "\u2212", "\u00e9",
    };

    @Test
    void agreesWithPython311OnGeneratedStrings() throws Exception {
        String interpreter = PythonPeer.defaultInterpreter();
        String version = new ProcessRunner(interpreter).version();
        if (version == null || !version.startsWith("3.11.")) {
            String why = interpreter + (version == null ? " is not on this machine" : " is Python " + version + ", not 3.11")
                    + ": the CPython differential test needs python3.11 (the committed vectors still ran)";
            if (PythonPeer.required()) {
                throw new AssertionError(why + " (this run requires Python: PY4JCODEC_REQUIRE_PYTHON)");
            }
            System.err.println("[skipped] " + why);
            Assumptions.abort(why);
        }
        List<String> inputs = generate(new SplittableRandom(SEED), STRINGS);
        JsonNode readings = new ProcessRunner(interpreter).eval(inputs);
        assertEquals(inputs.size(), readings.size());
        List<String> failures = new ArrayList<>();
        int[] accepted = new int[3];
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode r = readings.get(i);
            failures.addAll(CPythonReadings.mismatches(inputs.get(i), r));
            accepted[0] += r.get("int").has("error") ? 0 : 1;
            accepted[1] += r.get("float").has("error") ? 0 : 1;
            accepted[2] += r.get("decimal").has("error") ? 0 : 1;
        }
        // the strings must exercise acceptance as well as refusal, or agreement would prove little
        String mix = "accepted by int/float/Decimal: " + java.util.Arrays.toString(accepted) + " of " + inputs.size();
        for (int a : accepted) {
            assertTrue(a > inputs.size() / 20 && a < inputs.size() * 19 / 20, mix);
        }
        assertTrue(failures.isEmpty(), failures.size() + " disagreements with " + interpreter + " " + version
                + " (seed " + SEED + "; " + mix + "):\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static final String[] DIGITS = {"0", "1", "5", "9", "0", "7", "\u0665", "\uff15", "\ud835\udfd3", "\ud807\udf55"};
    private static final String[] SPACES = {" ", "\t", "\n", "\r", "\u000b", "\u001c", "\u001f", "\u0085", "\u00a0", "\u2007", "\u3000", "\u200b"};

    /**
     * Two kinds of strings: two in five are short runs from the alphabet; the rest are number-shaped
     * (white space, sign, digits with underscores, point, exponent, or inf/nan), a third of them with
     * one character of the alphabet inserted, so that each reader accepts a good share.
     */
    static List<String> generate(SplittableRandom random, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(5) < 2) {
                int length = 1 + random.nextInt(8);
                for (int k = 0; k < length; k++) {
                    b.append(pick(random, ALPHABET));
                }
            } else {
                numberShaped(random, b);
                if (random.nextInt(3) == 0) {
                    b.insert(random.nextInt(b.length() + 1), pick(random, ALPHABET));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static void numberShaped(SplittableRandom random, StringBuilder b) {
        if (random.nextInt(3) == 0) {
            b.append(pick(random, SPACES));
        }
        if (random.nextBoolean()) {
            b.append(random.nextBoolean() ? '-' : '+');
        }
        if (random.nextInt(8) == 0) {
            b.append(pick(random, new String[] {"inf", "nan", "Infinity", "NaN", "sNaN", "nan12"}));
        } else {
            digitRun(random, b);
            if (random.nextBoolean()) {
                b.append('.');
                if (random.nextInt(4) > 0) {
                    digitRun(random, b);
                }
            }
            if (random.nextInt(3) == 0) {
                b.append(random.nextBoolean() ? 'e' : 'E');
                if (random.nextBoolean()) {
                    b.append(random.nextBoolean() ? '-' : '+');
                }
                digitRun(random, b);
            }
        }
        if (random.nextInt(3) == 0) {
            b.append(pick(random, SPACES));
        }
    }

    private static void digitRun(SplittableRandom random, StringBuilder b) {
        int length = 1 + random.nextInt(6);
        for (int k = 0; k < length; k++) {
            b.append(pick(random, DIGITS));
            if (k + 1 < length && random.nextInt(6) == 0) {
                b.append('_');
            }
        }
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Runs the interpreter, bounded in time: a hung Python fails the test instead of hanging it. */
    private record ProcessRunner(String interpreter) {
        private static final ObjectMapper JSON = new ObjectMapper();

        String version() {
            try {
                Process p = new ProcessBuilder(interpreter, "-c", "import platform; print(platform.python_implementation(), platform.python_version())")
                        .redirectErrorStream(true).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    return null;
                }
                String[] v = new String(out, java.nio.charset.StandardCharsets.UTF_8).trim().split(" ");
                return v.length == 2 && v[0].equals("CPython") ? v[1] : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        JsonNode eval(List<String> inputs) throws Exception {
            Path script = Path.of(SCRIPT).toAbsolutePath();
            assertTrue(Files.isRegularFile(script), "missing " + script);
            Process p = new ProcessBuilder(interpreter, script.toString(), "eval").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                try (OutputStream in = p.getOutputStream()) {
                    JSON.writeValue(in, inputs);
                }
                byte[] bytes = out.get(60, TimeUnit.SECONDS);
                assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "python_numbers.py eval failed");
                return JSON.readTree(bytes);
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
