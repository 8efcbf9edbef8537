package io.py4jcodec.spec;

import io.py4jcodec.spec.conform.CodecFactory;
import io.py4jcodec.spec.conform.InProcessImplementation;
import io.py4jcodec.spec.conform.Mode;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;

/** The reference text codec as a conformance target. */
final class TextCodecs {
    static final CodecFactory FACTORY = (side, strict, mode) -> TextCodec.builder(side).strict(strict)
            .mode(mode == Mode.CLIENT_SERVER ? ConnectionMode.CLIENT_SERVER : ConnectionMode.GATEWAY).build();

    private TextCodecs() {
    }

    static InProcessImplementation implementation() {
        return new InProcessImplementation("py4j-codec text codec (in-process)", FACTORY);
    }
}
