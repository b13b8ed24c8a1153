package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/** {@link Blas} against exact (BigDecimal) and naive references, over the whole double range and at awkward lengths. */
class BlasTest {

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
            assertNorm(exactNorm(v, 0, n), Blas.norm2(v, 0, n), "n = " + n);
            if (n > 2) {
                int from = 1 + rnd.nextInt(n / 2);
                int to = from + rnd.nextInt(n - from);
                assertNorm(exactNorm(v, from, to), Blas.norm2(v, from, to), "[" + from + ", " + to + ")");
            }
        }
    }

    @Test
    void norm2ReadsOnlyTheGivenRange() {
        double[] v = {Double.NaN, 3, 4, Double.POSITIVE_INFINITY, 1e308};
        assertEquals(5.0, Blas.norm2(v, 1, 3));
        assertEquals(0.0, Blas.norm2(v, 2, 2), "an empty range has norm 0");
        assertEquals(0.0, Blas.norm2(new double[0], 0, 0));
    }

    @Test
    void norm2DoesNotOverflowForEntriesNear1e300() {
        assertNorm(5e300, Blas.norm2(new double[] {3e300, -4e300}, 0, 2), "3e300, 4e300");
        double[] many = new double[100];
        Arrays.fill(many, 1e300);
        assertNorm(1e301, Blas.norm2(many, 0, 100), "100 × 1e300");
        double[] top = {Double.MAX_VALUE / 2, Double.MAX_VALUE / 2};
        assertNorm(exactNorm(top, 0, 2), Blas.norm2(top, 0, 2), "two halves of MAX_VALUE");
        assertTrue(Double.isFinite(Blas.norm2(new double[] {Double.MAX_VALUE, 1}, 0, 2)));
    }

    @Test
    void norm2DoesNotUnderflowForEntriesNear1eMinus300() {
        assertNorm(5e-300, Blas.norm2(new double[] {3e-300, 4e-300}, 0, 2), "3e-300, 4e-300");
        double[] many = new double[100];
        Arrays.fill(many, -1e-300);
        assertNorm(1e-299, Blas.norm2(many, 0, 100), "100 × 1e-300");
        // Subnormal entries (1/scale overflows): 3 and 4 units of the smallest double give 5 units.
        double tiny = Double.MIN_VALUE;
        assertEquals(5 * tiny, Blas.norm2(new double[] {3 * tiny, 4 * tiny}, 0, 2));
        double[] sub = {3e-320, 4e-320};
        assertEquals(5e-320, Blas.norm2(sub, 0, 2), 2 * tiny);
    }

    @Test
    void norm2OfMixedExtremesIsTheLargeOne() {
        assertEquals(1e300, Blas.norm2(new double[] {1e-300, 1e300, -1e-300}, 0, 3), 1e285);
        assertEquals(1.0, Blas.norm2(new double[] {Double.MIN_VALUE, 1.0}, 0, 2));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 3, 49, 98, 103, 0.1, 1e300, 4.49e307, 1e308, Double.MAX_VALUE, 1e-300, 1e-310,
        Double.MIN_VALUE, Double.MIN_NORMAL})
    void norm2OfASingleEntryIsItsAbsoluteValue(double x) {
        // As dnrm2 does: |x| exactly, in any position among zeros, whatever the sign.
        assertEquals(x, Blas.norm2(new double[] {x}, 0, 1), "norm of [" + x + "]");
        assertEquals(x, Blas.norm2(new double[] {0, -x, 0}, 0, 3), "norm of [0, " + -x + ", 0]");
    }

    @Test
    void norm2PropagatesNaNAndInfinity() {
        assertTrue(Double.isNaN(Blas.norm2(new double[] {1, Double.NaN, 2}, 0, 3)));
        assertTrue(Double.isNaN(Blas.norm2(new double[] {Double.NaN, Double.POSITIVE_INFINITY}, 0, 2)));
        assertTrue(Double.isNaN(Blas.norm2(new double[] {Double.POSITIVE_INFINITY, Double.NaN}, 0, 2)),
                "NaN wins over an earlier infinity");
        assertEquals(Double.POSITIVE_INFINITY, Blas.norm2(new double[] {1, Double.NEGATIVE_INFINITY}, 0, 2));
        assertEquals(Double.POSITIVE_INFINITY, Blas.norm2(new double[] {Double.POSITIVE_INFINITY, 1e308}, 0, 2));
    }

    @Test
    void norm2OfZerosIsPositiveZero() {
        double n = Blas.norm2(new double[] {0.0, -0.0, 0.0}, 0, 3);
        assertEquals(0.0, n);
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(n), "+0.0, not -0.0");
    }

    // ---- norm2: the one-pass fast path and its fallback ----

    private static final int[] LENGTHS = {0, 1, 13, 207};

    @Test
    void norm2OfEntriesNear1e300Or1eMinus300MatchesTheExactNormAtAwkwardLengths() {
        Random rnd = new Random(77);
        for (double magnitude : new double[] {1e300, 1e-300, 1e154, 1e-154}) {
            for (int n : LENGTHS) {
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble()) * magnitude;
                }
                assertNorm(exactNorm(v, 0, n), Blas.norm2(v), magnitude + ", n = " + n);
            }
        }
    }

    @Test
    void norm2RefusesARangeOutsideTheVector() {
        double[] v = new double[4];
        var e = assertThrows(IndexOutOfBoundsException.class,
                () -> Blas.norm2(v, 2, 5));
        assertEquals("x[2 .. 5) is not inside x of length 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Blas.norm2(v, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Blas.norm2(v, -1, 2));
    }

    // ---- dot, axpy and the fused update ----

    /** Σ x_k·y_k exactly. */
    private static BigDecimal exactDot(double[] x, int xo, double[] y, int yo, int n) {
        BigDecimal s = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            s = s.add(new BigDecimal(x[xo + k]).multiply(new BigDecimal(y[yo + k])));
        }
        return s;
    }

    /** The classical bound |fl(xᵀy) − xᵀy| ≤ n·u·Σ|x_k·y_k| (Higham, Accuracy and Stability, §3.1), doubled. */
    private static double dotBound(double[] x, int xo, double[] y, int yo, int n) {
        double abs = 0;
        for (int k = 0; k < n; k++) {
            abs += Math.abs(x[xo + k] * y[yo + k]);
        }
        return 2 * n * Math.ulp(1.0) * abs;
    }

    private static double[] random(Random rnd, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = (2 * rnd.nextDouble() - 1) * Math.pow(10, rnd.nextInt(9) - 4);
        }
        return v;
    }

    @Test
    void dotMatchesTheExactSumWithinTheClassicalBoundAtAwkwardLengths() {
        Random rnd = new Random(11);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 13, 207, 702}) {
            double[] x = random(rnd, n);
            double[] y = random(rnd, n);
            double exact = exactDot(x, 0, y, 0, n).doubleValue();
            assertEquals(exact, Blas.dot(x, y), dotBound(x, 0, y, 0, n), "n = " + n);
            assertEquals(Blas.dot(x, y), Blas.dot(y, x), "n = " + n + ": symmetric bit for bit");
        }
    }

    @Test
    void dotOfStretchesReadsOnlyTheStretchesAndAddsLikeTheWholeArrayForm() {
        Random rnd = new Random(12);
        for (int n : LENGTHS) {
            double[] x = random(rnd, n + 7);
            double[] y = random(rnd, n + 3);
            double exact = exactDot(x, 5, y, 1, n).doubleValue();
            assertEquals(exact, Blas.dot(x, 5, y, 1, n), dotBound(x, 5, y, 1, n), "n = " + n);
            double[] xs = Arrays.copyOfRange(x, 5, 5 + n);
            double[] ys = Arrays.copyOfRange(y, 1, 1 + n);
            assertEquals(Blas.dot(xs, ys), Blas.dot(x, 5, y, 1, n), "n = " + n + ": same additions, same bits");
        }
        var e = assertThrows(IndexOutOfBoundsException.class,
                () -> Blas.dot(new double[4], 2, new double[9], 0, 3));
        assertEquals("x[2 .. 5) is not inside x of length 4", e.getMessage());
    }

    @Test
    void dotPropagatesNaNAndInfinity() {
        assertTrue(Double.isNaN(Blas.dot(new double[] {1, Double.NaN}, new double[] {1, 1})));
        assertEquals(Double.POSITIVE_INFINITY, Blas.dot(new double[] {1, 1e300}, new double[] {1, 1e300}));
        assertTrue(Double.isNaN(Blas.dot(new double[] {Double.POSITIVE_INFINITY}, new double[] {0})));
    }

    @Test
    void levelOneKernelsRefuseVectorsOfDifferentLengthsOrNull() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Blas.dot(new double[3], new double[4]));
        assertEquals("x has length 3 but y has length 4: they must be equal", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Blas.axpy(1, new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.axpyNorm(1, new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.xpby(new double[3], 1, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.scale(2, new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.copy(new double[3], new double[2]));
        var n = assertThrows(IllegalArgumentException.class,
                () -> Blas.dot(new double[3], null));
        assertEquals("y is null", n.getMessage());
        assertEquals("x is null", assertThrows(IllegalArgumentException.class,
                () -> Blas.norm2(null)).getMessage());
    }

    @Test
    void axpyXpbyScaleAndCopyMatchNaiveLoopsBitForBit() {
        Random rnd = new Random(13);
        for (int n : LENGTHS) {
            double[] x = random(rnd, n);
            double[] y = random(rnd, n);
            double a = rnd.nextGaussian();
            double[] axpy = y.clone();
            Blas.axpy(a, x, axpy);
            double[] xpby = y.clone();
            Blas.xpby(x, a, xpby);
            double[] scaled = new double[n];
            Arrays.fill(scaled, Double.NaN);
            Blas.scale(a, x, scaled);
            double[] copied = new double[n];
            Blas.copy(x, copied);
            double[] stretch = y.clone();
            Blas.axpy(a, x, 0, stretch, 0, n);
            for (int k = 0; k < n; k++) {
                assertEquals(y[k] + a * x[k], axpy[k], "axpy n = " + n);
                assertEquals(y[k] + a * x[k], stretch[k], "axpy on stretches n = " + n);
                assertEquals(x[k] + a * y[k], xpby[k], "xpby n = " + n);
                assertEquals(a * x[k], scaled[k], "scale n = " + n);
                assertEquals(x[k], copied[k], "copy n = " + n);
            }
        }
    }

    @Test
    void axpyOnStretchesLeavesTheRestOfYAlone() {
        double[] y = {1, 1, 1, 1, 1};
        Blas.axpy(2, new double[] {9, 3, 4}, 1, y, 2, 2); // y[2..4) += 2·x[1..3)
        assertArrayEquals(new double[] {1, 1, 7, 9, 1}, y);
    }

    @Test
    void axpyNormEqualsAxpyThenNorm2BitForBitIncludingExtremeValues() {
        Random rnd = new Random(14);
        for (double magnitude : new double[] {1, 1e300, 1e-300}) {
            for (int n : LENGTHS) {
                double[] x = random(rnd, n);
                double[] y = random(rnd, n);
                for (int k = 0; k < n; k++) {
                    x[k] *= magnitude;
                    y[k] *= magnitude;
                }
                double a = -0.75;
                double[] separate = y.clone();
                Blas.axpy(a, x, separate);
                double expected = Blas.norm2(separate);
                double[] fused = y.clone();
                double norm = Blas.axpyNorm(a, x, fused);
                assertArrayEquals(separate, fused, 0.0, "n = " + n);
                assertEquals(expected, norm, magnitude + ", n = " + n);
                assertNorm(exactNorm(fused, 0, n), norm, magnitude + ", n = " + n + " against the exact norm");
            }
        }
        assertTrue(Double.isNaN(Blas.axpyNorm(1, new double[] {Double.NaN, 0}, new double[] {1, 1})));
        assertEquals(Double.POSITIVE_INFINITY, Blas.axpyNorm(1, new double[] {Double.NEGATIVE_INFINITY}, new double[] {1}));
    }

    // ---- firstNonFinite and the residual ----

    @Test
    void firstNonFiniteFindsTheFirstNaNOrInfinityAtAwkwardLengths() {
        for (int n : LENGTHS) {
            double[] v = new double[n];
            Arrays.fill(v, 1e308);
            assertEquals(-1, Blas.firstNonFinite(v), "all finite, n = " + n);
            if (n == 0) {
                continue;
            }
            v[n - 1] = Double.NEGATIVE_INFINITY;
            assertEquals(n - 1, Blas.firstNonFinite(v), "−∞ last, n = " + n);
            v[n / 2] = Double.NaN;
            assertEquals(n / 2, Blas.firstNonFinite(v), "NaN in the middle, n = " + n);
            v[0] = Double.POSITIVE_INFINITY;
            assertEquals(0, Blas.firstNonFinite(v), "+∞ first, n = " + n);
        }
    }

    @Test
    void residualIsBMinusAxAgainstADenseOracleAndOverwritesJunk() {
        Random rnd = new Random(15);
        for (int m : LENGTHS) {
            int n = Math.max(1, m / 2 + 1);
            double[][] dense = new double[m][n];
            for (double[] row : dense) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextInt(5) == 0 ? rnd.nextGaussian() : 0.0;
                }
            }
            double[] flat = new double[m * n];
            for (int i = 0; i < m; i++) {
                System.arraycopy(dense[i], 0, flat, i * n, n);
            }
            CsrMatrix a = new DenseMatrix(m, n, flat).toCsr();
            double[] x = random(rnd, n);
            double[] b = random(rnd, m);
            double[] r = new double[m];
            Arrays.fill(r, Double.NaN);
            Blas.residual(a, x, b, r);
            assertArrayEquals(r, Blas.residual(a, x, b), 0.0, "both forms agree");
            for (int i = 0; i < m; i++) {
                assertEquals(exactDot(dense[i], 0, x, 0, n).negate().add(new BigDecimal(b[i])).doubleValue(), r[i],
                        dotBound(dense[i], 0, x, 0, n) + Math.ulp(b[i]), "m = " + m + ", row " + (i + 1));
            }
        }
    }

    @Test
    void residualRefusesWrongLengthsAndAnOutputThatIsAlsoAnInput() {
        CsrMatrix a = CsrMatrix.identity(3);
        double[] x = new double[3];
        double[] b = new double[3];
        var e = assertThrows(IllegalArgumentException.class,
                () -> Blas.residual(a, new double[2], b, new double[3]));
        assertEquals("x has length 2 but A is 3×3, so it needs length 3 (its column count, for b − A·x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.residual(a, x, b, new double[4]));
        assertTrue(e.getMessage().startsWith("r has length 4 but A is 3×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.residual(a, x, b, x));
        assertTrue(e.getMessage().startsWith("r must be an array of its own, not x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.residual(a, x, b, b));
        assertTrue(e.getMessage().startsWith("r must be an array of its own, not b"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.residual(null, x, b));
        assertEquals("A is null", e.getMessage());
    }

    private static double[] vector(Random rnd, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = (2 * rnd.nextDouble() - 1) * Math.pow(10, rnd.nextInt(5) - 2);
        }
        return v;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 13, 207, 702})
    void fusedKernelsEqualTheUnfusedSequenceBitForBitAtAwkwardLengths(int n) {
        Random rnd = new Random(7000 + n);
        double[] p = vector(rnd, n);
        double[] q = vector(rnd, n);
        double[] s = vector(rnd, n);
        double[] w = vector(rnd, n);
        double[] x0 = vector(rnd, n);
        double[] r0 = vector(rnd, n);
        double a = 0.37;
        double b = -1.9;
        double c = 2.5e-3;
        double[] out = {Double.NaN, Double.NaN, 42.0};

        Blas.dot2(p, q, s, out);
        assertEquals(Blas.dot(p, q), out[0], 0.0, "dot2: xᵀy");
        assertEquals(Blas.dot(p, s), out[1], 0.0, "dot2: xᵀz");
        assertEquals(42.0, out[2], "dot2 writes two entries only");
        Blas.dot2(p, p, q, out);
        assertEquals(Blas.dot(p, p), out[0], 0.0, "dot2 with y = x");

        // Gram–Schmidt's step: y += a·x, yᵀz
        double[] y = r0.clone();
        double yz = Blas.axpyDot(a, p, y, w);
        double[] yRef = r0.clone();
        Blas.axpy(a, p, yRef);
        assertArrayEquals(yRef, y, "axpyDot: y");
        assertEquals(Blas.dot(yRef, w), yz, 0.0, "axpyDot: yᵀz");

        // CG's update: x += a·p, r += b·q, rᵀr
        double[] x = x0.clone();
        double[] r = r0.clone();
        double rr = Blas.axpyAxpyDot(a, p, x, b, q, r);
        double[] xRef = x0.clone();
        double[] rRef = r0.clone();
        Blas.axpy(a, p, xRef);
        double normRef = Blas.axpyNorm(b, q, rRef);
        assertArrayEquals(xRef, x, "axpyAxpyDot: x");
        assertArrayEquals(rRef, r, "axpyAxpyDot: r");
        assertEquals(Blas.dot(rRef, rRef), rr, 0.0, "axpyAxpyDot: rᵀr");
        assertEquals(normRef, Blas.norm2FromSquares(rr, r), 0.0, "norm2FromSquares equals the fused update-and-norm");
        assertEquals(Blas.norm2(r), Blas.norm2FromSquares(rr, r), 0.0, "norm2FromSquares equals norm2");

        // BiCGSTAB's closing update, with r distinct from s and with r = s (unpreconditioned)
        for (boolean rIsS : new boolean[] {false, true}) {
            x = x0.clone();
            r = r0.clone();
            double[] sv = rIsS ? r : s;
            xRef = x0.clone();
            rRef = r0.clone();
            double[] sRef = rIsS ? rRef : s;
            for (int i = 0; i < n; i++) {
                xRef[i] += a * p[i] + c * sRef[i];
            }
            Blas.axpy(b, q, rRef);
            Blas.axpbyAxpyDots(a, p, c, sv, x, b, q, r, w, out);
            String what = rIsS ? " (r = s)" : "";
            assertArrayEquals(xRef, x, "axpbyAxpyDots: x" + what);
            assertArrayEquals(rRef, r, "axpbyAxpyDots: r" + what);
            assertEquals(Blas.dot(rRef, rRef), out[0], 0.0, "axpbyAxpyDots: rᵀr" + what);
            assertEquals(Blas.dot(w, rRef), out[1], 0.0, "axpbyAxpyDots: wᵀr" + what);
        }
    }

    @Test
    void norm2FromSquaresFallsBackToTheScaledPassWhenTheSumLeftTheNormalRange() {
        double[] big = {3e300, -4e300};
        assertEquals(Blas.norm2(big), Blas.norm2FromSquares(Blas.dot(big, big), big), 0.0, "overflowed sum");
        double[] tiny = {3e-320, 4e-320};
        assertEquals(Blas.norm2(tiny), Blas.norm2FromSquares(Blas.dot(tiny, tiny), tiny), 0.0, "vanished sum");
        assertEquals(0.0, Blas.norm2FromSquares(0.0, new double[3]));
    }

    @Test
    void fusedKernelsRefuseMismatchedLengthsShortOutputsAndAliasedOutputs() {
        double[] u = new double[4];
        double[] v = new double[4];
        double[] z = new double[4];
        double[] t = new double[4];
        var e = assertThrows(IllegalArgumentException.class, () -> Blas.dot2(u, v, new double[3], new double[2]));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.dot2(u, v, z, new double[1]));
        assertEquals("out has length 1 but needs at least 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.axpyDot(1, u, v, v));
        assertTrue(e.getMessage().startsWith("y must be an array of its own"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.axpyAxpyDot(1, u, v, 1, z, u));
        assertTrue(e.getMessage().startsWith("r must be an array of its own"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.axpyAxpyDot(1, u, v, 1, z, new double[5]));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.axpbyAxpyDots(1, u, 1, v, z, 1, t, u, v, new double[2]));
        assertTrue(e.getMessage().startsWith("x and r must be arrays of their own"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas.axpbyAxpyDots(1, u, 1, v, z, 1, t, v, u, null));
        assertEquals("out is null", e.getMessage());
    }
}
