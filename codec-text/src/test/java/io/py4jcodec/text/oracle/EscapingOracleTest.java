package io.py4jcodec.text.oracle;

import static io.py4jcodec.text.oracle.Seeded.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Side;
import io.py4jcodec.text.format.Escaping;
import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import py4j.StringUtil;

/**
 * Our escaping against {@code py4j.StringUtil} of the real jar, on random strings dense in
 * backslashes, {@code n}, {@code r}, CR and LF, so that malformed escapes (a trailing backslash,
 * {@code \q}, three backslashes in a row) come up all the time.
 */
class EscapingOracleTest {

    @Test
    void escapeMatchesStringUtilEscape() {
        Seeded.forAll("escape", 20_000, c -> {
            String s = c.gen.chance(70) ? c.gen.escapeHeavy(60) : c.gen.string(60);
            c.input(show(s));
            assertEquals(StringUtil.escape(s), Escaping.escape(s));
        });
    }

    @Test
    void unescapeJavaMatchesStringUtilUnescape() {
        int[] malformed = {0};
        Seeded.forAll("unescape", 20_000, c -> {
            String s = c.gen.chance(70) ? c.gen.escapeHeavy(60) : c.gen.string(60);
            if (c.gen.chance(20)) {
                s = s + "\\"; // a trailing backslash
            }
            c.input(show(s));
            assertEquals(StringUtil.unescape(s), Escaping.unescapeJava(s));
            if (Escaping.firstMalformedEscape(s) >= 0) {
                malformed[0]++;
            }
        });
        assertTrue(malformed[0] > 5_000, "the generator should produce malformed escapes often: " + malformed[0]);
    }

    @Test
    void unescapeInvertsEscapeOnBothImplementations() {
        Seeded.forAll("roundtrip", 10_000, c -> {
            String s = c.gen.chance(70) ? c.gen.escapeHeavy(60) : c.gen.string(60);
            c.input(show(s));
            String wire = StringUtil.escape(s);
            assertEquals(-1, Escaping.firstMalformedEscape(wire), "escape output is well formed");
            assertEquals(s, StringUtil.unescape(wire));
            assertEquals(s, Escaping.unescapeJava(wire));
        });
    }

    /**
     * The reader's path from the bytes (word at a time over ASCII) against {@code StringUtil.unescape}
     * of the decoded text: mostly-ASCII lines up to 300 bytes with escapes sparse or dense, sometimes a
     * malformed one or a non-ASCII character at a random place, read from inside a larger array so
     * that the line's start, end and the buffer's own offset fall anywhere in a word.
     */
    @Test
    void bytePathMatchesStringUtilUnescape() {
        Seeded.forAll("unescape-bytes", 30_000, c -> {
            StringBuilder b = new StringBuilder();
            int n = c.gen.between(0, 300);
            int every = c.gen.pick(2, 5, 13, 40, 1000);
            for (int k = 0; k < n; k++) {
                if (c.gen.between(1, every) == 1) {
                    b.append(c.gen.pick("\\\\", "\\n", "\\r"));
                } else {
                    b.append((char) c.gen.between(0x20, 0x7e));
                }
            }
            if (b.length() > 0 && c.gen.chance(15)) {
                b.insert(c.gen.between(0, b.length()), c.gen.pick("\\", "\\q", "\u00e9", "\u20ac", "\ud83d\ude00"));
            }
            String line = b.toString();
            c.input(show(line));
            byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
            int before = c.gen.between(0, 9);
            int after = c.gen.between(0, 9);
            byte[] array = new byte[3 + before + utf8.length + after];
            java.util.Arrays.fill(array, (byte) '\\');
            System.arraycopy(utf8, 0, array, 3 + before, utf8.length);
            UnsafeBuffer buf = new UnsafeBuffer(array, 3, array.length - 3);
            String read = Escaping.unescape(Side.JAVA, false, buf, before, before + utf8.length, 0, 1);
            assertEquals(StringUtil.unescape(line), read);
            assertEquals(Escaping.unescapePython(line), Escaping.unescape(Side.PYTHON, false, buf, before, before + utf8.length, 0, 1));
        });
    }
}
