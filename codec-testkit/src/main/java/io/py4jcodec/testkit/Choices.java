package io.py4jcodec.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An {@link Entropy} that records every choice it hands out: either drawn from a seeded
 * {@link SplittableRandom}, or replayed from a recorded sequence (exhausted replays answer 0). The
 * recorded sequence is what {@code io.py4jcodec.fuzz.Shrinker} edits to simplify a failing case.
 */
public final class Choices implements Entropy {
    private final SplittableRandom random;
    private final long[] replay;
    private long[] recorded = new long[64];
    private int count;

    private Choices(SplittableRandom random, long[] replay) {
        this.random = random;
        this.replay = replay;
    }

    /** Fresh choices from a seed. */
    public static Choices seeded(long seed) {
        return new Choices(new SplittableRandom(seed), null);
    }

    /** Replays {@code choices}: each draw takes the next one, reduced into its bound; 0 once they run out. */
    public static Choices replay(long[] choices) {
        return new Choices(null, choices.clone());
    }

    @Override
    public int choose(int bound) {
        if (bound <= 1) {
            return (int) record(0);
        }
        long c;
        if (replay != null) {
            long r = count < replay.length ? replay[count] : 0;
            c = r >= 0 && r < bound ? r : Math.floorMod(r, bound);
        } else {
            c = random.nextInt(bound);
        }
        return (int) record(c);
    }

    @Override
    public long nextLong() {
        long c = replay != null ? (count < replay.length ? replay[count] : 0) : random.nextLong();
        return record(c);
    }

    private long record(long c) {
        if (count == recorded.length) {
            recorded = Arrays.copyOf(recorded, count * 2);
        }
        recorded[count++] = c;
        return c;
    }

    /** The choices handed out so far, in order. */
    public long[] recorded() {
        return Arrays.copyOf(recorded, count);
    }

    /** How many choices were handed out. */
    public int count() {
        return count;
    }
}
