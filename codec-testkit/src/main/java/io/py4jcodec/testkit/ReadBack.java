package io.py4jcodec.testkit;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * What the receiving peer reads when a side writes a model message through the text protocol:
 * the message itself, except that Java writes a lone surrogate as {@code ?} (its UTF-8 writer) and
 * a {@code BigDecimal} in plain form. This is the expected value of decode(encode(m)).
 */
public final class ReadBack {
    private ReadBack() {
    }

    /** What the peer of {@code writer} reads back. */
    public static Message of(Side writer, Message m) {
        if (writer == Side.PYTHON) {
            return m;
        }
        if (m instanceof ReturnMessage r) {
            Value v = r.value() == null ? null : value(r.value());
            return switch (r.status()) {
                case 'y' -> v == null ? SuccessReturn.BARE : new SuccessReturn(v);
                case 'x' -> v == null ? ErrorReturn.BARE : new ErrorReturn(v);
                default -> v == null ? FatalReturn.BARE : new FatalReturn(v);
            };
        }
        if (m instanceof ProxyCallCommand c) {
            return new ProxyCallCommand(c.proxyId(), c.method(), c.arguments().stream().map(ReadBack::value).toList());
        }
        if (m instanceof AuthCommand a) {
            return new AuthCommand(javaWrites(a.token()));
        }
        return m;
    }

    /** A value as Java writes it. */
    public static Value value(Value v) {
        if (v instanceof StringValue s) {
            return new StringValue(javaWrites(s.value()));
        }
        if (v instanceof DecimalValue d) {
            return DecimalValue.of(new BigDecimal(d.value().toPlainString()));
        }
        return v;
    }

    /** The JDK's UTF-8 encoder replaces unpaired surrogates with '?', as py4j's OutputStreamWriter does. */
    public static String javaWrites(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
