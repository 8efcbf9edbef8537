package io.py4jcodec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.model.BytesValue;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.LongValue;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical JSON form is lossless and JDK-independent (seeded properties; the seed is in every message). */
class CanonicalJsonTest {
    private static final long SEED = Long.getLong("py4jcodec.seed", 20250115L);

    private static Message roundTrip(Message m) {
        return CanonicalJson.readMessage(CanonicalJson.write(m));
    }

    @Test
    void doublesSurviveBitForBitIncludingNanInfinitiesAndNegativeZero() {
        Random r = new Random(SEED);
        List<Double> ds = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 1e21, 1e-7, 9.999999999999999e22));
        for (int i = 0; i < 3_000; i++) {
            ds.add(Double.longBitsToDouble(r.nextLong()));
        }
        for (double d : ds) {
            Message m = ReturnMessage.success(new DoubleValue(d));
            DoubleValue back = (DoubleValue) ((ReturnMessage) roundTrip(m)).value();
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(back.value()), "seed " + SEED + ": " + d);
            if (!Double.isNaN(d)) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back.value()), "seed " + SEED + ": " + d);
            }
        }
    }

    @Test
    void numberTextIsEcmaScriptForm() {
        // ECMAScript Number#toString examples: plain within [1e-7, 1e21), exponent form outside
        assertEquals("1e+21", CanonicalJson.numberText(1e21));
        assertEquals("100000000000000000000", CanonicalJson.numberText(1e20));
        assertEquals("1e-7", CanonicalJson.numberText(1e-7));
        assertEquals("0.000001", CanonicalJson.numberText(1e-6));
        assertEquals("1.5", CanonicalJson.numberText(1.5));
        assertEquals("-100", CanonicalJson.numberText(-100.0));
        assertEquals("5e-324", CanonicalJson.numberText(Double.MIN_VALUE));
        assertEquals("1e+23", CanonicalJson.numberText(1e23));
        assertEquals("0.30000000000000004", CanonicalJson.numberText(0.1 + 0.2));
    }

    @Test
    void integersBeyondTwoToThe53AreStringsAndExact() {
        Random r = new Random(SEED);
        List<Long> vs = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, (1L << 53) - 1, 1L << 53, -(1L << 53) + 1, -(1L << 53), 0L));
        for (int i = 0; i < 2000; i++) {
            vs.add(r.nextLong());
        }
        for (long v : vs) {
            for (Value val : List.of(new IntValue(v), new LongValue(v))) {
                Message m = ReturnMessage.success(val);
                String json = CanonicalJson.write(m);
                boolean safe = v >= -((1L << 53) - 1) && v <= (1L << 53) - 1;
                assertEquals(safe, !json.contains("\"" + v + "\""), "seed " + SEED + ": " + json);
                assertEquals(m, roundTrip(m), "seed " + SEED + ": " + json);
            }
        }
    }

    @Test
    void stringsKeepLoneSurrogatesAndBytesAndDecimalsSurvive() {
        Random r = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                s.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000)));
            }
            byte[] b = new byte[r.nextInt(20)];
            r.nextBytes(b);
            BigDecimal d = new BigDecimal(new BigInteger(80, r).subtract(BigInteger.ONE.shiftLeft(79)), r.nextInt(40) - 20);
            Message m = new CallCommand("t", s.toString(), List.of(new StringValue(s.toString()), new BytesValue(b), DecimalValue.of(d)));
            String json = CanonicalJson.write(m);
            assertTrue(json.chars().noneMatch(c -> Character.isSurrogate((char) c)), "seed " + SEED + ": surrogates are escaped: " + json);
            assertEquals(m, roundTrip(m), "seed " + SEED + ": " + json);
        }
        Message negZero = ReturnMessage.success(new DecimalValue(new BigDecimal("0.000"), true));
        assertEquals(negZero, roundTrip(negZero));
    }
}
