package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonNumberSyntax} against a running CPython 3.11 on a few thousand seeded strings built
 * from the characters number syntax turns on (digits of several scripts, signs, points, exponents,
 * underscores, the letters of inf/nan, every kind of white space, controls), through
 * {@link PythonScript}: skipped with one line where CPython 3.11 is missing (the committed vectors still run).
 */
class PythonNumberSyntaxDifferentialTest {
    private static final long SEED = 20261205L;
    private static final int STRINGS = 4000;

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
        List<String> inputs = generate(new SplittableRandom(SEED), STRINGS);
        JsonNode readings = PythonScript.run("eval", inputs);
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
        assertTrue(failures.isEmpty(), failures.size() + " disagreements with python3"
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
}
