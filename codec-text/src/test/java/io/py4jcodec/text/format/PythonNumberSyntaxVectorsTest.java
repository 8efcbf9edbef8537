package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.testkit.Recorded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonNumberSyntax} and the lenient Python part reader against what CPython 3.11.7 read
 * from every white-space, control and format code point, every decimal digit it knows, and the edge
 * cases: {@code spec/recorded/python-numbers/cpython-3.11-numbers.json}, written by
 * {@code src/test/python/python_numbers.py generate} (its provenance is in the file).
 */
class PythonNumberSyntaxVectorsTest {
    private static final JsonNode FILE = Recorded.json("python-numbers/cpython-3.11-numbers.json");

    @Test
    void recordedByCPython311() {
        JsonNode p = FILE.get("provenance");
        assertEquals("CPython", p.get("implementation").asText());
        assertTrue(p.get("python").asText().startsWith("3.11."), p.toString());
        assertEquals(PythonNumberSyntax.INT_MAX_STR_DIGITS, p.get("int_max_str_digits").asInt());
    }

    @Test
    void everyVectorReadsAsCPythonReadIt() {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (JsonNode v : FILE.get("vectors")) {
            failures.addAll(CPythonReadings.mismatches(v.get("input").asText(), v));
            n++;
        }
        assertTrue(n > 3000, "vectors: " + n);
        assertTrue(failures.isEmpty(), failures.size() + " of " + n + " vectors disagree:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    @Test
    void digitTableIsCPythons() {
        int[] recorded = StreamSupport.stream(FILE.get("digitZeros").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        assertEquals(Arrays.toString(recorded), Arrays.toString(PythonNumberSyntax.DIGIT_ZEROS));
        for (int zero : recorded) {
            for (int d = 0; d < 10; d++) {
                assertEquals(d, PythonNumberSyntax.decimalDigit(zero + d), Integer.toHexString(zero + d));
            }
        }
        long digits = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(c -> PythonNumberSyntax.decimalDigit(c) >= 0).count();
        assertEquals(10L * recorded.length, digits, "code points read as digits");
    }

    @Test
    void whiteSpaceIsStrIsspace() {
        int[] recorded = StreamSupport.stream(FILE.get("isspace").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        int[] ours = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(PythonNumberSyntax::isPythonSpace).toArray();
        assertEquals(Arrays.toString(recorded), Arrays.toString(ours));
    }
}
