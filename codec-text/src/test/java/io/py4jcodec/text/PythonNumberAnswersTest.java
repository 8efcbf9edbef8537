package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.DecimalValue;
import io.py4jcodec.api.model.DoubleValue;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.SuccessReturn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The answers of issue 12, read whole by the lenient Python-side codec as py4j's
 * {@code get_return_value} reads them (CPython 3.11.7: {@code int('\u00a05') == 5},
 * {@code int('\u001c5')} raises, {@code Decimal('\u00a05') == Decimal(5)}); every other case is in
 * {@code format/PythonNumberSyntaxVectorsTest}.
 */
class PythonNumberAnswersTest {
    private static final TextCodec PYTHON = TextCodec.of(Side.PYTHON);

    @Test
    void noBreakSpaceAroundAnIntIsStrippedAsInt() {
        assertEquals(new SuccessReturn(new IntValue(5)), decode("!yi\u00a05\n"));
    }

    @Test
    void informationSeparatorIsNotWhiteSpaceToInt() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode("!yi\u001c5\n"));
        assertEquals(Reason.BAD_NUMBER, e.reason());
    }

    @Test
    void noBreakSpaceAroundADecimalIsStrippedAsDecimal() {
        assertEquals(new SuccessReturn(DecimalValue.of(new BigDecimal("5"))), decode("!yD\u00a05\n"));
    }

    @Test
    void decimalAlsoStripsTheInformationSeparatorsIntAndFloatRefuse() {
        assertEquals(new SuccessReturn(DecimalValue.of(new BigDecimal("1.50"))), decode("!yD\u001c1_.50\u001f\n"));
        assertEquals(Reason.BAD_NUMBER, assertThrows(ProtocolException.class, () -> decode("!yd\u001c1.5\n")).reason());
    }

    @Test
    void digitsOfOtherScriptsAsCPython311Reads() {
        assertEquals(new SuccessReturn(new DoubleValue(55.5)), decode("!yd\uD835\uDFD3\u0665.\u0F25\n"));
        // U+11F55 KAWI DIGIT FIVE is Unicode 15: JDK 25 calls it a digit, CPython 3.11 does not
        assertEquals(Reason.BAD_NUMBER, assertThrows(ProtocolException.class, () -> decode("!yi\uD807\uDF55\n")).reason());
    }

    @Test
    void aSpecialDecimalIsReadByPythonButNotHeldByTheModel() {
        assertEquals(Reason.UNREPRESENTABLE, assertThrows(ProtocolException.class, () -> decode("!yD-sNaN12\n")).reason());
        assertEquals(Reason.UNREPRESENTABLE, assertThrows(ProtocolException.class, () -> decode("!yD1e2147483649\n")).reason());
        assertEquals(Reason.BAD_NUMBER, assertThrows(ProtocolException.class, () -> decode("!yD1e1000000000000000000\n")).reason());
    }

    private static Object decode(String wire) {
        return Frames.decodeOne(PYTHON, wire.getBytes(StandardCharsets.UTF_8), wire.strip());
    }
}
