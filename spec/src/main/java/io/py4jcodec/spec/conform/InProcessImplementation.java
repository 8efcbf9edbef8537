package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.spec.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the vectors against any {@link Codec}, in this JVM. */
public final class InProcessImplementation implements Implementation {
    private final String name;
    private final CodecFactory factory;

    public InProcessImplementation(String name, CodecFactory factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decoded decode(Side reader, boolean strict, Mode mode, byte[] wire) {
        Codec codec = factory.create(reader, strict, mode);
        MessageDecoder dec = codec.newDecoder();
        List<JsonNode> out = new ArrayList<>();
        int off = 0;
        try {
            while (true) {
                int n = dec.decode(wire, off, wire.length - off);
                if (n == MessageDecoder.NEED_MORE) {
                    n = dec.decodeLast(wire, off, wire.length - off);
                    if (n == MessageDecoder.NEED_MORE) {
                        return new Decoded(out, null, -1, null);
                    }
                }
                out.add(CanonicalJson.toJson(dec.message()));
                off += n;
            }
        } catch (ProtocolException e) {
            return new Decoded(out, e.reason().name(), e.offset(), e.getMessage());
        }
    }

    @Override
    public Encoded encode(Side writer, List<JsonNode> messages) {
        MessageEncoder enc = factory.create(writer, false, Mode.GATEWAY).newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (JsonNode j : messages) {
                Message m = CanonicalJson.message(j);
                out.writeBytes(enc.encode(m));
            }
            return new Encoded(out.toByteArray(), null, null);
        } catch (ProtocolException e) {
            return new Encoded(null, e.reason().name(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Encoded(null, "BAD_JSON", e.getMessage());
        }
    }
}
