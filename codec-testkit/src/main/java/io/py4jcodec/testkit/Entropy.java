package io.py4jcodec.testkit;

/**
 * Where every generator and mutator draws its choices from. One generator core serves three
 * sources: a seeded pseudo-random run ({@link #seeded(long)}), a replay of recorded choices (for
 * shrinking a failing case, see {@code io.py4jcodec.fuzz.Shrinker}), and Jazzer's {@code FuzzedDataProvider}
 * (structure-aware fuzzing: the fuzzer's bytes pick the choices).
 *
 * <p>Contract for generators, so that shrinking works: a choice of 0 is always the simplest option
 * (the first alternative, the smallest size, the value 0), and an exhausted source answers 0.
 */
public interface Entropy {

    /** A choice in {@code [0, bound)}; {@code bound >= 1}. */
    int choose(int bound);

    /** Any 64-bit value (0 is the simplest). */
    long nextLong();

    /** True one time in {@code n} (for {@code n >= 1}); false when the source is exhausted. */
    default boolean oneIn(int n) {
        return n <= 1 || choose(n) == n - 1;
    }

    /** A fair coin; false is the simpler answer. */
    default boolean coin() {
        return choose(2) == 1;
    }

    /** A value in {@code [lo, hi]}, the smaller values simpler. */
    default int between(int lo, int hi) {
        if (hi <= lo) {
            return lo;
        }
        return lo + choose(hi - lo + 1);
    }

    /** One of {@code options}; the first is the simplest. */
    @SuppressWarnings("unchecked")
    default <T> T pick(T... options) {
        return options[choose(options.length)];
    }

    /** A seeded source that records its choices, so a failing case can be replayed and shrunk. */
    static Choices seeded(long seed) {
        return Choices.seeded(seed);
    }
}
