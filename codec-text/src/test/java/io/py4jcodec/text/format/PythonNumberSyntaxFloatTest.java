package io.py4jcodec.text.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected results are CPython 3.11.7's {@code float(s)}: the value's repr, or ValueError.
 */
class PythonNumberSyntaxFloatTest
{
    @Test
    void acceptedAsCPythonDoes()
    {
        // input, CPython repr(float(input))
        assertParse("1.5", " 1.5 ");
        assertParse("1.5", "+1.5");
        assertParse("-inf", "-inf");
        assertParse("inf", "INFINITY");
        assertParse("inf", "iNfInItY");
        assertParse("inf", "+inf");
        assertParse("inf", "Infinity");
        assertParse("-inf", "-Infinity");
        assertParse("nan", "nan");
        assertParse("nan", "NaN");
        assertParse("nan", "+nan");
        assertParse("1000.5", "1_000.5");
        assertParse("100.0", "1_0_0");
        assertParse("10000000000.0", "1e1_0");
        assertParse("0.0", "0_0.0_0e0_0");
        assertParse("100000.0", "1e5");
        assertParse("100000.0", "1E+05");
        assertParse("1e-05", "1E-0005");
        assertParse("0.5", ".5");
        assertParse("-0.5", "-.5");
        assertParse("5.0", "5.");
        assertParse("100000.0", "1.e5");
        assertParse("0.0", "00");
        assertParse("-0.0", "-0");
        assertParse("-0.0", "-0e99999999999999999999");
        assertParse("1.0", "\t\n\u000B\f\r1\r");
        assertParse("1.5", "1.5\u00A0");
        assertParse("1.5", "\u20031.5\u3000");
        assertParse("1.5", "\u00851.5\u2028");
        // decimal digits of any script CPython 3.11 knows, also in the exponent
        assertParse("1.5", "\u0661.5");
        assertParse("10.0", "\uFF11\uFF10");
        assertParse("55.5", "\uD835\uDFD3\u0665.\u0F25");
        assertParse("1000.0", "1e\u0663");
        // Java's Double.toString spellings are plain decimals to Python too
        assertParse("10000000000.0", "1.0E10");
        assertParse("5e-324", "4.9E-324");
        assertParse("1e+23", "9.999999999999999E22");
    }

    @Test
    void overflowAndUnderflowAsCPythonDoes()
    {
        assertParse("inf", "1e400");
        assertParse("-inf", "-1e400");
        assertParse("0.0", "1e-400");
        assertParse("inf", "1e99999999999999999999");
        assertParse("inf", "1" + "0".repeat(400));
        assertParse("0.0", "0." + "0".repeat(400) + "1");
        assertParse("1e+22", "1e0000000000000000000000000000022");
        assertParse("0.0", "1e-00000000000000000000000000000000000000324");
        assertParse("1.7976931348623157e+308", "1.7976931348623158e308");
        assertParse("inf", "1.7976931348623159e308");
    }

    @Test
    void correctlyRounded()
    {
        assertParse("2.225073858507201e-308", "2.2250738585072011e-308");
        assertParse("2.2250738585072014e-308", "2.2250738585072012e-308");
        assertParse("9007199254740992.0", "9007199254740993");
        assertParse("9007199254740994.0", "9_007_199_254_740_993.000_000_1");
        assertParse("0.1", "0.1000000000000000055511151231257827021181583404541015625");
        assertParse("5e-324", "2.4703282292062328e-324");
        assertParse("0.0", "2.4703282292062327e-324");
        assertParse("1.7976931348623157e+308", "179769313486231580793728971405301e276");

        // exact halfway points round to even (CPython: 0.0, 5e-324, 1e-323, 1.0, 1.0000000000000004)
        final BigDecimal halfMin = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));
        assertParse("0.0", halfMin.toPlainString());
        assertParse("5e-324", halfMin.toPlainString() + "1");
        assertParse("1e-323", halfMin.multiply(BigDecimal.valueOf(3)).toPlainString());
        final BigDecimal one = BigDecimal.ONE;
        final BigDecimal up1 = new BigDecimal(Math.nextUp(1.0));
        final BigDecimal up2 = new BigDecimal(Math.nextUp(Math.nextUp(1.0)));
        assertParse("1.0", one.add(up1).divide(BigDecimal.valueOf(2)).toPlainString());
        assertParse("1.0000000000000002", one.add(up1).divide(BigDecimal.valueOf(2)).toPlainString() + "1");
        assertParse("1.0000000000000004", up1.add(up2).divide(BigDecimal.valueOf(2)).toPlainString());
    }

    @Test
    void negativeNanKeepsItsSignBitAsInCPython()
    {
        // math.copysign(1.0, float("-nan")) == -1.0, and float("nan") is positive
        final double negative = PythonNumberSyntax.parseFloat("-NaN");
        assertTrue(Double.isNaN(negative));
        assertEquals(-1.0, Math.copySign(1.0, negative));
        assertEquals(1.0, Math.copySign(1.0, PythonNumberSyntax.parseFloat("nan")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1__0", "_1", "1_", "+_1", "1_e5", "1e_5", "1_.5", "1._5", "1e5_",
        "0x1p3", "0X10", "1.5d", "1.5f", "1.5D", "1L",
        "", "   ", "\t", ".", "e5", "1e", "1.5e+", "1e-", "+-1", "--1", "- 1", "1 2", "1.2.3",
        "infinit", "infinityy", "in f", "in", "nan(1)", "nanq", "-+inf", "in_f", "inf1",
        "\u001C1.5", "1.5\u001F", "\u007F1", "1\u00A05", "1.5 \u00E9", "1,5", "\u0000", "1.5\u0000",
        "\u0661\u066B5", "\u00B2", "\uD807\uDF55", // not decimal digits to CPython 3.11 (U+11F55 is Unicode 15)
    })
    void rejectedAsCPythonDoes(final String input)
    {
        final NumberFormatException e = assertThrows(NumberFormatException.class, () -> PythonNumberSyntax.parseFloat(input),
            () -> "accepted '" + input + "'");
        assertTrue(e.getMessage().startsWith("Python's float() refuses '"), e.getMessage());
    }

    @Test
    void errorMessageNamesTheInputAndTheReason()
    {
        final NumberFormatException e = assertThrows(NumberFormatException.class, () -> PythonNumberSyntax.parseFloat("1__0"));
        assertEquals("Python's float() refuses '1__0' (unexpected character at index 1)",
            e.getMessage());
        final String longInput = "9".repeat(200) + "x";
        final String message = assertThrows(NumberFormatException.class, () -> PythonNumberSyntax.parseFloat(longInput))
            .getMessage();
        assertTrue(message.length() < 160, message);
    }

    @Test
    void nullIsRejected()
    {
        assertThrows(NullPointerException.class, () -> PythonNumberSyntax.parseFloat(null));
    }

    @Test
    void acceptsAnyCharSequence()
    {
        assertParse("1234.5", new StringBuilder("  1_234.5\n"));
    }

    private static void assertParse(final String expectedPythonRepr, final CharSequence input)
    {
        final double v = PythonNumberSyntax.parseFloat(input);
        final String repr = Double.isNaN(v) ? "nan" :
            Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : PythonFloatFormat.format(v);
        assertEquals(expectedPythonRepr, repr, () -> "float('" + input + "')");
    }
}
