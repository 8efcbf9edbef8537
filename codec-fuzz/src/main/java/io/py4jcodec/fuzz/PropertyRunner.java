package io.py4jcodec.fuzz;

import io.py4jcodec.testkit.Choices;
import io.py4jcodec.testkit.Entropy;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over seeded generated cases; on the first failure it shrinks the case (by its
 * recorded choices, see {@link Shrinker}) and throws an {@link AssertionError} that names the seed,
 * the case number, the shrunk case, and how to re-run just that seed. No test framework needed: the
 * JUnit tests call it, and so can anyone checking their own codec.
 *
 * <pre>{@code
 * PropertyRunner.check("round trip", 42, 1000, e -> gen.message(Side.PYTHON, e), m -> assertRoundTrips(m));
 * }</pre>
 */
public final class PropertyRunner {
    private PropertyRunner() {
    }

    /** As {@link #check(String, long, int, Function, Consumer, Function)}, showing cases with {@code toString}. */
    public static <T> void check(String name, long seed, int cases, Function<Entropy, T> gen, Consumer<T> property) {
        check(name, seed, cases, gen, property, String::valueOf);
    }

    /**
     * @param seed     the run's seed; case {@code i} uses {@link #caseSeed(long, int)}
     * @param gen      builds a case from an entropy source (must be deterministic in its choices)
     * @param property throws (any exception or error) when the case fails
     * @param show     renders a case for the failure message
     */
    public static <T> void check(String name, long seed, int cases, Function<Entropy, T> gen, Consumer<T> property,
                                 Function<T, String> show) {
        for (int i = 0; i < cases; i++) {
            Choices choices = Choices.seeded(caseSeed(seed, i));
            T value = gen.apply(choices);
            Throwable failure = failureOf(property, value);
            if (failure == null) {
                continue;
            }
            Class<?> kind = failure.getClass();
            long[] shrunk = Shrinker.shrink(choices.recorded(), c -> {
                T t;
                try {
                    t = gen.apply(Choices.replay(c));
                } catch (RuntimeException e) {
                    return false;
                }
                Throwable f = failureOf(property, t);
                return f != null && f.getClass() == kind;
            }, 400);
            T small = gen.apply(Choices.replay(shrunk));
            Throwable smallFailure = failureOf(property, small);
            AssertionError error = new AssertionError(name + " failed: seed " + seed + ", case " + i
                    + " (re-run with -Dpy4jcodec.seed=" + seed + ")\nshrunk case: " + cap(show.apply(small))
                    + "\nshrunk failure: " + (smallFailure == null ? "(none)" : smallFailure)
                    + "\noriginal case: " + cap(show.apply(value)) + "\noriginal failure: " + failure,
                    smallFailure != null ? smallFailure : failure);
            throw error;
        }
    }

    /** The seed of case {@code i} of a run. */
    public static long caseSeed(long seed, int i) {
        return seed * 0x9E3779B97F4A7C15L + i;
    }

    private static <T> Throwable failureOf(Consumer<T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError) && !(t instanceof OutOfMemoryError)) {
                throw (VirtualMachineError) t;
            }
            return t;
        }
    }

    private static String cap(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) + "... (" + s.length() + " chars)" : s;
    }
}
