package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Reductions#norm2} against an exact oracle, over the whole double range. */
class ReductionsTest {

    /** sqrt(Σ v²) over [from, to) in exact decimal arithmetic, rounded once at the end. */
    private static double exactNorm(double[] v, int from, int to) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = from; k < to; k++) {
            BigDecimal b = new BigDecimal(v[k]);
            s = s.add(b.multiply(b));
        }
        return s.sqrt(new MathContext(40)).doubleValue();
    }

    private static void assertNorm(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-14 * expected, what);
    }

    @Test
    void norm2MatchesAnExactOracleOnRandomVectorsAndSubranges() {
        Random rnd = new Random(2024);
        for (int n : new int[] {0, 1, 2, 3, 7, 13, 207, 1000}) {
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = (2 * rnd.nextDouble() - 1) * Math.pow(10, rnd.nextInt(7) - 3);
            }
            assertNorm(exactNorm(v, 0, n), Reductions.norm2(v, 0, n), "n = " + n);
            if (n > 2) {
                int from = 1 + rnd.nextInt(n / 2);
                int to = from + rnd.nextInt(n - from);
                assertNorm(exactNorm(v, from, to), Reductions.norm2(v, from, to), "[" + from + ", " + to + ")");
            }
        }
    }

    @Test
    void norm2ReadsOnlyTheGivenRange() {
        double[] v = {Double.NaN, 3, 4, Double.POSITIVE_INFINITY, 1e308};
        assertEquals(5.0, Reductions.norm2(v, 1, 3));
        assertEquals(0.0, Reductions.norm2(v, 2, 2), "an empty range has norm 0");
        assertEquals(0.0, Reductions.norm2(new double[0], 0, 0));
    }

    @Test
    void norm2DoesNotOverflowForEntriesNear1e300() {
        assertNorm(5e300, Reductions.norm2(new double[] {3e300, -4e300}, 0, 2), "3e300, 4e300");
        double[] many = new double[100];
        java.util.Arrays.fill(many, 1e300);
        assertNorm(1e301, Reductions.norm2(many, 0, 100), "100 × 1e300");
        double[] top = {Double.MAX_VALUE / 2, Double.MAX_VALUE / 2};
        assertNorm(exactNorm(top, 0, 2), Reductions.norm2(top, 0, 2), "two halves of MAX_VALUE");
        assertTrue(Double.isFinite(Reductions.norm2(new double[] {Double.MAX_VALUE, 1}, 0, 2)));
    }

    @Test
    void norm2DoesNotUnderflowForEntriesNear1eMinus300() {
        assertNorm(5e-300, Reductions.norm2(new double[] {3e-300, 4e-300}, 0, 2), "3e-300, 4e-300");
        double[] many = new double[100];
        java.util.Arrays.fill(many, -1e-300);
        assertNorm(1e-299, Reductions.norm2(many, 0, 100), "100 × 1e-300");
        // Subnormal entries (1/scale overflows): 3 and 4 units of the smallest double give 5 units.
        double tiny = Double.MIN_VALUE;
        assertEquals(5 * tiny, Reductions.norm2(new double[] {3 * tiny, 4 * tiny}, 0, 2));
        double[] sub = {3e-320, 4e-320};
        assertEquals(5e-320, Reductions.norm2(sub, 0, 2), 2 * tiny);
    }

    @Test
    void norm2OfMixedExtremesIsTheLargeOne() {
        assertEquals(1e300, Reductions.norm2(new double[] {1e-300, 1e300, -1e-300}, 0, 3), 1e285);
        assertEquals(1.0, Reductions.norm2(new double[] {Double.MIN_VALUE, 1.0}, 0, 2));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 3, 49, 98, 103, 0.1, 1e300, 4.49e307, 1e308, Double.MAX_VALUE, 1e-300, 1e-310,
        Double.MIN_VALUE, Double.MIN_NORMAL})
    void norm2OfASingleEntryIsItsAbsoluteValue(double x) {
        // As dnrm2 does: |x| exactly, in any position among zeros, whatever the sign.
        assertEquals(x, Reductions.norm2(new double[] {x}, 0, 1), "norm of [" + x + "]");
        assertEquals(x, Reductions.norm2(new double[] {0, -x, 0}, 0, 3), "norm of [0, " + -x + ", 0]");
    }

    @Test
    void norm2PropagatesNaNAndInfinity() {
        assertTrue(Double.isNaN(Reductions.norm2(new double[] {1, Double.NaN, 2}, 0, 3)));
        assertTrue(Double.isNaN(Reductions.norm2(new double[] {Double.NaN, Double.POSITIVE_INFINITY}, 0, 2)));
        assertTrue(Double.isNaN(Reductions.norm2(new double[] {Double.POSITIVE_INFINITY, Double.NaN}, 0, 2)),
                "NaN wins over an earlier infinity");
        assertEquals(Double.POSITIVE_INFINITY, Reductions.norm2(new double[] {1, Double.NEGATIVE_INFINITY}, 0, 2));
        assertEquals(Double.POSITIVE_INFINITY, Reductions.norm2(new double[] {Double.POSITIVE_INFINITY, 1e308}, 0, 2));
    }

    @Test
    void norm2OfZerosIsPositiveZero() {
        double n = Reductions.norm2(new double[] {0.0, -0.0, 0.0}, 0, 3);
        assertEquals(0.0, n);
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(n), "+0.0, not -0.0");
    }
}
