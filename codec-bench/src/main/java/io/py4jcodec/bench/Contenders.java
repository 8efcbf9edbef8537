package io.py4jcodec.bench;

import io.py4jcodec.binary.BinaryCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The contenders of the suite, by name, in report order. */
public final class Contenders {
    private static final Map<String, Function<Workload, Contender>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("py4j", Py4jContender::new);
        ALL.put("text", CodecContender::text);
        ALL.put("pb-generated", w -> CodecContender.binary("pb-generated", BinaryCodec.Implementation.MESSAGES, w));
        ALL.put("pb-direct", w -> CodecContender.binary("pb-direct", BinaryCodec.Implementation.DIRECT, w));
        ALL.put("pb-parse", ProtobufParseContender::new);
        ALL.put("pb-floor", ProtobufFloorContender::new);
    }

    private Contenders() {
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Contender create(String name, Workload w) {
        Function<Workload, Contender> f = ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no contender named " + name + " (known: " + ALL.keySet() + ")");
        }
        return f.apply(w);
    }
}
