package io.py4jcodec.binary;

import io.py4jcodec.api.Side;
import io.py4jcodec.binary.BinaryCodec.Implementation;
import java.util.List;

/** The binary codecs under test: each decoder implementation, and each encoder implementation. */
final class Codecs {
    static final BinaryCodec DIRECT = BinaryCodec.builder(Side.JAVA).build();
    static final BinaryCodec MESSAGES = BinaryCodec.builder(Side.JAVA)
            .encoder(Implementation.MESSAGES).decoder(Implementation.MESSAGES).build();
    static final List<BinaryCodec> BOTH = List.of(DIRECT, MESSAGES);

    private Codecs() {
    }
}
