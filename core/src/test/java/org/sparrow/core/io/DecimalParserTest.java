package org.sparrow.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DecimalParser} must return exactly what {@link Double#parseDouble} returns, bit for bit. */
class DecimalParserTest {

    private static double parse(String s) throws DecimalParser.BadNumber {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(b, 0, b.length);
    }

    private static void assertSameAsJdk(String s) throws DecimalParser.BadNumber {
        double expected = Double.parseDouble(s.replace('d', 'e').replace('D', 'E'));
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(s)),
                () -> "'" + s + "' parsed to " + safeParse(s) + ", the JDK says " + expected);
    }

    private static String safeParse(String s) {
        try {
            return String.valueOf(parse(s));
        } catch (DecimalParser.BadNumber e) {
            return "BadNumber";
        }
    }

    @Test
    void randomBitPatternsInEveryNotationParseExactly() throws Exception {
        Random r = new Random(20261121);
        for (int it = 0; it < 300_000; it++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertSameAsJdk(Double.toString(v));
            assertSameAsJdk(String.format(Locale.ROOT, "%.17e", v));
            assertSameAsJdk(String.format(Locale.ROOT, "%.6g", v));
        }
    }

    @Test
    void randomDecimalStringsOfOneToTwentyFiveDigitsParseExactly() throws Exception {
        Random r = new Random(7);
        for (int it = 0; it < 300_000; it++) {
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) {
                b.append(r.nextBoolean() ? '-' : '+');
            }
            int digits = 1 + r.nextInt(25);
            for (int i = 0; i < digits; i++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            int at = r.nextInt(digits + 1);
            b.insert(b.length() - digits + at, '.');
            if (b.charAt(b.length() - 1) == '.' && digits == 0) {
                continue;
            }
            b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(680) - 350);
            assertSameAsJdk(b.toString());
        }
    }

    @Test
    void nineteenDigitSignificandsAboveTwoToTheSixtyThreeParseExactly() throws Exception {
        // 19 digits beginning with 9 exceed Long.MAX_VALUE: the significand is unsigned.
        assertSameAsJdk("9999999999999999999");
        assertSameAsJdk("9223372036854775808e-3");
        assertSameAsJdk("9.546741720005665858e26");
        assertSameAsJdk("-9.99999999999999999e-300");
    }

    @Test
    void subnormalsHalfwayCasesAndExtremesParseExactly() throws Exception {
        for (String s : new String[] {"4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                "2.2250738585072011e-308", "2.2250738585072014e-308", "1.7976931348623157e308",
                "1.7976931348623159e308", "1e309", "1e-400", "9007199254740993", "9007199254740992.5",
                "0.1", "0.3", "123456789012345678901234567890", "1e22", "1e23", "0.0", "-0", "00000.00001e5",
                "3.", ".5", "-.333", "2.5d-3", "1D10", "7e+0"}) {
            assertSameAsJdk(s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-inf", "INF", "Infinity", "-infinity", "nan", "NaN", "+nan"})
    void infinitiesAndNaNInAnyCaseAreAccepted(String s) throws Exception {
        double v = parse(s);
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("nan")) {
            assertEquals(Double.NaN, v);
        } else {
            assertEquals(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "abc", "1.2.3", "0x10", "1,5", "1f", "--1", "infx",
            "na", "1e5e5"})
    void malformedTokensAreRejected(String s) {
        assertThrows(DecimalParser.BadNumber.class, () -> parse(s), () -> "'" + s + "' should be rejected");
    }

    @Test
    void scanningStopsAtTheFirstByteThatCannotContinueTheNumber() throws Exception {
        byte[] b = "12.5e3 7".getBytes(StandardCharsets.US_ASCII);
        int[] end = new int[1];
        assertEquals(12500.0, DecimalParser.parse(b, 0, b.length, end));
        assertEquals(6, end[0]);
    }
}
