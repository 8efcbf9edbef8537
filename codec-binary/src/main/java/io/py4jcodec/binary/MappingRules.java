package io.py4jcodec.binary;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.DecimalValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The mapping rules both directions and both implementations (generated messages, direct
 * streams) share, written once: identifiers carry no lone surrogate, and a decimal's negative-zero
 * flag is only valid on zero. The compact {@code o<n>}/{@code p<n>} id forms are {@link Ids}.
 */
final class MappingRules {
    private MappingRules() {
    }

    /**
     * Names, ids and class names travel as protobuf {@code string}s (UTF-8), which cannot hold a lone
     * surrogate; only string values and auth tokens carry them (as WTF-8).
     */
    static void checkIdentifier(String s) {
        if (Wtf8.hasLoneSurrogate(s)) {
            throw loneSurrogateInIdentifier(s);
        }
    }

    /** The error for an identifier holding a lone surrogate, for encoders that find one on their own pass. */
    static ProtocolException loneSurrogateInIdentifier(String s) {
        return ProtocolException.unencodable("lone surrogate in an identifier "
                + ProtocolException.snippet(s) + ": only string values and auth tokens carry them (as WTF-8)");
    }

    /** A decimal from its two's-complement unscaled bytes, scale and negative-zero flag; errors carry {@code offset}. */
    static DecimalValue decimal(byte[] unscaled, int scale, boolean negativeZero, long offset) {
        BigInteger u = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
        if (negativeZero && u.signum() != 0) {
            throw ProtocolException.of(Reason.BAD_NUMBER, offset, -1, "negative_zero set on a non-zero decimal");
        }
        return new DecimalValue(new BigDecimal(u, scale), negativeZero);
    }
}
