package io.py4jcodec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.py4jcodec.testkit.Entropy;

/**
 * Jazzer's bytes as an {@link Entropy}: the fuzzer's input picks every choice of the generators, so
 * coverage guidance steers the structure of the generated messages. An exhausted provider answers
 * the lowest value, i.e. the simplest choice, as {@link Entropy} requires.
 */
final class FuzzedDataEntropy implements Entropy {
    private final FuzzedDataProvider data;

    FuzzedDataEntropy(FuzzedDataProvider data) {
        this.data = data;
    }

    @Override
    public int choose(int bound) {
        return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
    }

    @Override
    public long nextLong() {
        return data.consumeLong();
    }
}
