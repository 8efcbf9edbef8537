package io.py4jcodec.text.oracle;

import static io.py4jcodec.text.oracle.Seeded.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.text.format.Escaping;
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
}
