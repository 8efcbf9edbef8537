package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link IntegerText#parseJavaLong} agrees with {@code Long.parseLong} (what py4j's Java side runs
 * for {@code L} parts) on the boundaries of the long range and on seeded random digit strings of
 * every length up to 21 (and each with one non-digit byte put in), through both a heap buffer (the array fast path) and an offset wrap.
 */
class IntegerTextJavaLongTest {

    @Test
    void agreesWithLongParseLong() {
        long seed = 20261124L;
        SplittableRandom r = new SplittableRandom(seed);
        List<String> inputs = new ArrayList<>(List.of(
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "+9223372036854775807", "922337203685477580", "9223372036854775799", "-9223372036854775799",
                "0", "-0", "+0", "00000000000000000000001", "-", "+", "", "12a", "999999999999999999", "1000000000000000000"));
        for (int i = 0; i < 20_000; i++) {
            int len = 1 + r.nextInt(21);
            StringBuilder b = new StringBuilder();
            int sign = r.nextInt(3);
            b.append(sign == 0 ? "" : sign == 1 ? "-" : "+");
            for (int k = 0; k < len; k++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            inputs.add(b.toString());
            // one byte just outside the digits (or a letter, a space) anywhere: the eight-at-a-time check must see it
            String bad = "/:a _\u007f";
            int at = b.length() - 1 - r.nextInt(len);
            b.setCharAt(at, bad.charAt(r.nextInt(bad.length())));
            inputs.add(b.toString());
        }
        IntegerText.Result res = new IntegerText.Result();
        for (String s : inputs) {
            Long expected;
            try {
                expected = Long.parseLong(s);
            } catch (NumberFormatException e) {
                expected = null;
            }
            byte[] bytes = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
            for (UnsafeBuffer buf : List.of(new UnsafeBuffer(bytes), new UnsafeBuffer(bytes, 1, bytes.length - 1))) {
                int start = buf.capacity() == bytes.length ? 2 : 1;
                IntegerText.parseJavaLong(buf, start, start + s.length(), res);
                String why = "input '" + s + "' (seed " + seed + ")";
                assertEquals(expected != null, res.ok, why);
                if (expected != null) {
                    assertEquals((long) expected, res.value, why);
                }
            }
        }
    }
}
