package org.sparrow.interop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscapedAndReadBackUnchanged() {
        String nasty = "quote \" backslash \\ slash / newline \n tab \t nul \0 bell \u0007 line-sep \u2028 é ×";
        String text = new Json().put("s", nasty).toString();
        assertEquals(nasty, JsonReader.parseObject(text).get("s"));
        assertEquals("{\"k\":\"a\\\"b\\\\c\\n\\u0001\"}", new Json().put("k", "a\"b\\c\n\u0001").toString());
    }

    @Test
    void nonFiniteNumbersBecomeNullAndFiniteOnesRoundTrip() {
        Map<String, Object> m = JsonReader.parseObject(new Json()
                .put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).put("ninf", Float.NEGATIVE_INFINITY)
                .put("tiny", 1e-300).put("int", 42).put("long", 1L << 40).put("d", 0.1).put("neg", -2.5e17)
                .toString());
        assertEquals(null, m.get("nan"));
        assertEquals(null, m.get("inf"));
        assertEquals(null, m.get("ninf"));
        assertEquals(1e-300, ((BigDecimal) m.get("tiny")).doubleValue());
        assertEquals(new BigDecimal(42), m.get("int"));
        assertEquals(new BigDecimal(1L << 40), m.get("long"));
        assertEquals(0.1, ((BigDecimal) m.get("d")).doubleValue());
        assertEquals(-2.5e17, ((BigDecimal) m.get("neg")).doubleValue());
    }

    @Test
    void keysKeepTheirOrderAndNestedObjectsAndLiteralsWork() {
        String text = new Json().put("b", true).put("a", null).put("n", new Json().put("x", false)).toString();
        assertEquals("{\"b\":true,\"a\":null,\"n\":{\"x\":false}}", text);
    }

    @Test
    void doubleArraysBecomeArraysOfNumbersWithNonFiniteAsNull() {
        String text = new Json().put("v", new double[] {1.5, Double.NaN, -2e-300}).put("e", new double[0]).toString();
        assertEquals("{\"v\":[1.5,null,-2.0E-300],\"e\":[]}", text);
        java.util.List<?> v = (java.util.List<?>) JsonReader.parseObject(text).get("v");
        assertEquals(3, v.size());
        assertEquals(1.5, ((BigDecimal) v.get(0)).doubleValue());
        assertEquals(null, v.get(1));
        assertEquals(-2e-300, ((BigDecimal) v.get(2)).doubleValue());
    }

    @Test
    void unsupportedValueTypesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Json().put("x", new int[1]));
        assertThrows(IllegalArgumentException.class, () -> new Json().put(null, 1));
    }

    @Test
    void humanNumbersHaveSixSignificantDigits() {
        assertEquals("8.33333", Report.number(400.0 / 48));
        assertEquals("0.5", Report.number(0.5));
        assertEquals("7.52182e+09", Report.number(7521821564.357719));
        assertEquals("1e-05", Report.number(1e-5));
        assertEquals("0", Report.number(0.0));
        assertEquals("n/a", Report.number(Double.NaN));
        assertEquals("12", Report.number(12.0));
    }
}
