package io.py4jcodec.spec.conform;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Side;

/**
 * Makes the {@link Codec} under test for one configuration. The runner asks for the side whose
 * bytes are written or whose reading is checked; {@code strict} and {@code mode} only matter to
 * decoders.
 *
 * <pre>{@code
 * CodecFactory text = (side, strict, mode) -> TextCodec.builder(side).strict(strict)
 *         .mode(mode == Mode.CLIENT_SERVER ? ConnectionMode.CLIENT_SERVER : ConnectionMode.GATEWAY).build();
 * }</pre>
 */
@FunctionalInterface
public interface CodecFactory {
    Codec create(Side side, boolean strict, Mode mode);
}
