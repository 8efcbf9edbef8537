package io.py4jcodec.text.oracle;

import java.util.SplittableRandom;

/**
 * Runs a seeded random property over many cases and, on failure, names the seed, the case and the
 * input, so the failure can be replayed with {@code -Dpy4jcodec.seed=<seed>}.
 *
 * <p>Each test derives its own stream from the base seed and its name, so adding cases to one test
 * does not change the inputs of another.
 */
final class Seeded {
    /** Fixed so that a plain build always checks the same inputs. */
    static final long DEFAULT_SEED = 0x5EED_0009_0010_9999L;

    private Seeded() {
    }

    static long baseSeed() {
        String p = System.getProperty("py4jcodec.seed");
        return p == null || p.isBlank() ? DEFAULT_SEED : Long.decode(p.trim());
    }

    /** One generated case: its random source, and the input it describes for failure messages. */
    static final class Case {
        final SplittableRandom rnd;
        final Gen gen;
        final int index;
        private String input = "(not described)";

        Case(SplittableRandom rnd, int index) {
            this.rnd = rnd;
            this.gen = new Gen(rnd);
            this.index = index;
        }

        /** Records what this case feeds the two implementations, for the failure message. */
        void input(String what) {
            this.input = what;
        }
    }

    interface Body {
        void run(Case c) throws Throwable;
    }

    /** Runs {@code body} on {@code cases} cases seeded from the base seed and {@code test}. */
    static void forAll(String test, int cases, Body body) {
        long base = baseSeed();
        SplittableRandom master = new SplittableRandom(base ^ (test.hashCode() * 0x9E3779B97F4A7C15L));
        for (int i = 0; i < cases; i++) {
            Case c = new Case(master.split(), i);
            try {
                body.run(c);
            } catch (Throwable t) {
                AssertionError e = new AssertionError(test + " failed with seed " + base
                        + " (replay: -Dpy4jcodec.seed=" + base + "), case " + i + "\n  input: " + c.input
                        + "\n  " + t, t);
                throw e;
            }
        }
    }

    /** A Java-escaped rendering of {@code s} with code points above U+007E shown as {@code \\uXXXX}. */
    static String show(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        b.append(String.format("\\u%04X", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Bytes as hex, for inputs that are not text. */
    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
