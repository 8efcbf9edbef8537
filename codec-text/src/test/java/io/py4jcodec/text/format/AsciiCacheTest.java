package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The cache gives the text of the bytes, whatever it held before: checked over generated lines against {@code new String}. */
class AsciiCacheTest {

    @Test
    void givesTheTextOfTheBytesWhateverItHeld() {
        AsciiCache cache = new AsciiCache();
        SplittableRandom r = new SplittableRandom(2026);
        // a small alphabet and short lengths, so that lines repeat and slots collide
        for (int n = 0; n < 50_000; n++) {
            byte[] line = new byte[r.nextInt(AsciiCache.MAX_LENGTH + 1)];
            for (int i = 0; i < line.length; i++) {
                line[i] = (byte) "ab\r\u0000~o1".charAt(r.nextInt(7));
            }
            byte[] framed = new byte[line.length + 5];
            System.arraycopy(line, 0, framed, 3, line.length);
            assertEquals(new String(line, StandardCharsets.US_ASCII),
                    cache.get(new UnsafeBuffer(framed, 1, framed.length - 1), 2, 2 + line.length));
        }
    }

    /**
     * Names that differ only in their middle bytes (PySpark's class names do) get slots of their own:
     * 40 of them alternated, most come back from the cache. A hash of only each line's ends put them
     * all in one slot, and every one was a miss (an allocation) every time.
     */
    @Test
    void namesDifferingInTheMiddleKeepTheirEntries() {
        AsciiCache cache = new AsciiCache();
        UnsafeBuffer[] names = new UnsafeBuffer[40];
        for (int i = 0; i < names.length; i++) {
            names[i] = new UnsafeBuffer(("org.apache.spark.sql." + (char) ('A' + i % 26) + (char) ('a' + i / 26)
                    + ".api.python.PythonSQLUtils").getBytes(StandardCharsets.US_ASCII));
        }
        String[] first = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            first[i] = cache.get(names[i], 0, names[i].capacity());
        }
        int hits = 0;
        for (int i = 0; i < names.length; i++) {
            hits += cache.get(names[i], 0, names[i].capacity()) == first[i] ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(hits >= 30, hits + " of 40 names came back from the cache");
    }

    @Test
    void aLineSeenAgainIsTheSameString() {
        AsciiCache cache = new AsciiCache();
        UnsafeBuffer buf = new UnsafeBuffer("xaddx".getBytes(StandardCharsets.US_ASCII));
        assertSame(cache.get(buf, 1, 4), cache.get(buf, 1, 4));
    }

    @Test
    void nonAsciiLongOrOffHeapLinesAreLeftToTheCaller() {
        AsciiCache cache = new AsciiCache();
        assertNull(cache.get(new UnsafeBuffer("a\u00e9".getBytes(StandardCharsets.UTF_8)), 0, 3));
        assertNull(cache.get(new UnsafeBuffer(new byte[AsciiCache.MAX_LENGTH + 1]), 0, AsciiCache.MAX_LENGTH + 1));
        UnsafeBuffer direct = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(4));
        assertNull(cache.get(direct, 0, 4));
    }
}
