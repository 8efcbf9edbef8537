package io.py4jcodec.cli;

import io.py4jcodec.spec.conform.CodecFactory;
import io.py4jcodec.spec.conform.InProcessImplementation;
import io.py4jcodec.spec.conform.Mode;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;

/** Our text codec as a conformance target. */
final class CliCodecs {
    static final CodecFactory TEXT = (side, strict, mode) -> TextCodec.builder(side).strict(strict)
            .mode(mode == Mode.CLIENT_SERVER ? ConnectionMode.CLIENT_SERVER : ConnectionMode.GATEWAY).build();

    private CliCodecs() {
    }

    static InProcessImplementation text() {
        return new InProcessImplementation("py4j-codec text codec (in-process)", TEXT);
    }
}
