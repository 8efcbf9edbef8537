package io.py4jcodec.fuzz;

import io.py4jcodec.testkit.Choices;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Shrinks a failing case by editing the choices that generated it (as Hypothesis does): drop runs
 * of choices, set them to 0, halve them; a candidate is kept when the case it generates still
 * fails. Because generators treat 0 as the simplest choice, the result is a smaller, simpler case.
 * Bounded by a number of attempts, so it always ends.
 */
public final class Shrinker {
    private Shrinker() {
    }

    /**
     * @param choices   the recorded choices of a failing case
     * @param stillFails true when the case generated from these choices (via {@link Choices#replay}) still fails
     * @param maxTries  bound on the number of candidates tried
     * @return the simplest failing choices found
     */
    public static long[] shrink(long[] choices, Predicate<long[]> stillFails, int maxTries) {
        long[] best = choices.clone();
        int tries = 0;
        boolean progress = true;
        while (progress && tries < maxTries) {
            progress = false;
            for (int size = Math.max(1, Integer.highestOneBit(Math.max(1, best.length / 2))); size >= 1 && tries < maxTries; size /= 2) {
                for (int at = 0; at + size <= best.length && tries < maxTries; ) {
                    long[] cand = new long[best.length - size];
                    System.arraycopy(best, 0, cand, 0, at);
                    System.arraycopy(best, at + size, cand, at, best.length - at - size);
                    tries++;
                    if (stillFails.test(cand)) {
                        best = cand;
                        progress = true;
                    } else {
                        at += size;
                    }
                }
            }
            for (int i = 0; i < best.length && tries < maxTries; i++) {
                long v = best[i];
                if (v == 0) {
                    continue;
                }
                for (long smaller : new long[] {0, v / 2, v > 0 ? v - 1 : v + 1}) {
                    if (smaller == v || tries >= maxTries) {
                        continue;
                    }
                    long[] cand = best.clone();
                    cand[i] = smaller;
                    tries++;
                    if (stillFails.test(cand)) {
                        best = cand;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return trimZeros(best, stillFails);
    }

    private static long[] trimZeros(long[] c, Predicate<long[]> stillFails) {
        int n = c.length;
        while (n > 0 && c[n - 1] == 0) {
            n--;
        }
        long[] t = Arrays.copyOf(c, n);
        return n == c.length || stillFails.test(t) ? t : c;
    }
}
