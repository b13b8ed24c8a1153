package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.DenseMatrix;

class DenseProductsTest {

    /** Shapes around the tail loops (n mod 4) and across the one-chunk / many-chunk threshold. */
    private static final int[][] SHAPES = {{1, 1}, {0, 3}, {3, 0}, {13, 7}, {207, 13}, {13, 702}, {3001, 97},
        {20_000, 9}, {5, 40_001}};

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[] junk(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** The dense oracle: Y = op(A)·X with plain triple loops, X and Y row-major with k columns. */
    private static double[] reference(DenseMatrix a, double[] x, int k, boolean transpose) {
        return reference(a, x, k, transpose, false);
    }

    /** With {@code abs}, the same loops on |A| and |X|: the scale of the rounding error of each entry. */
    private static double[] reference(DenseMatrix a, double[] x, int k, boolean transpose, boolean abs) {
        int m = a.rows();
        int n = a.cols();
        double[] y = new double[(transpose ? n : m) * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double aij = abs ? Math.abs(a.data()[i * n + j]) : a.data()[i * n + j];
                for (int c = 0; c < k; c++) {
                    if (transpose) {
                        double xv = x[i * k + c];
                        y[j * k + c] += aij * (abs ? Math.abs(xv) : xv);
                    } else {
                        double xv = x[j * k + c];
                        y[i * k + c] += aij * (abs ? Math.abs(xv) : xv);
                    }
                }
            }
        }
        return y;
    }

    /**
     * Entry-wise agreement up to rounding: |y − ref| ≤ 2·inner·eps·(|A|·|X|) entry by entry, the textbook bound for
     * two summation orders of the same inner product.
     */
    private static void assertClose(DenseMatrix a, double[] x, int k, boolean transpose, double[] y, String what) {
        double[] ref = reference(a, x, k, transpose);
        double[] scale = reference(a, x, k, transpose, true);
        int inner = transpose ? a.rows() : a.cols();
        assertEquals(ref.length, y.length, what);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], y[i], 2.0 * inner * Math.ulp(1.0) * scale[i], what + " entry " + i);
        }
    }

    @Test
    void productsMatchTheDenseOracleOnEveryShape() {
        Random r = new Random(20261121);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            DenseMatrix a = new DenseMatrix(m, n, random(r, m * n));
            double[] x = random(r, n);
            double[] xt = random(r, m);
            double[] y = junk(m);
            DenseProducts.apply(a, x, y, 2);
            assertClose(a, x, 1, false, y, m + "×" + n + " A·x");
            double[] yt = junk(n);
            DenseProducts.applyTranspose(a, xt, yt, 2);
            assertClose(a, xt, 1, true, yt, m + "×" + n + " Aᵀ·x");
            for (int k : new int[] {1, 3, 8}) {
                if ((long) m * n * k > 3_000_000) {
                    continue; // the oracle is slow; the vector forms cover the big shapes
                }
                double[] xb = random(r, n * k);
                double[] yb = junk(m * k);
                DenseProducts.applyBlock(a, xb, yb, k, 2);
                assertClose(a, xb, k, false, yb, m + "×" + n + " A·X, k = " + k);
                double[] xtb = random(r, m * k);
                double[] ytb = junk(n * k);
                DenseProducts.applyTransposeBlock(a, xtb, ytb, k, 2);
                assertClose(a, xtb, k, true, ytb, m + "×" + n + " Aᵀ·X, k = " + k);
            }
        }
    }

    @Test
    void everyProductIsBitIdenticalForEveryThreadCount() {
        Random r = new Random(7);
        int m = 40_000;
        int n = 23;
        DenseMatrix a = new DenseMatrix(m, n, random(r, m * n));
        assertTrue(DenseProducts.chunks(m, n, 1) > 1, "the test must take the multi-chunk path");
        double[] x = random(r, n);
        double[] xt = random(r, m);
        double[] xb = random(r, n * 5);
        double[] xtb = random(r, m * 5);
        double[][] first = null;
        for (int threads : new int[] {1, 2, 7}) {
            double[] y = junk(m);
            double[] yt = junk(n);
            double[] yb = junk(m * 5);
            double[] ytb = junk(n * 5);
            DenseProducts.apply(a, x, y, threads);
            DenseProducts.applyTranspose(a, xt, yt, threads);
            DenseProducts.applyBlock(a, xb, yb, 5, threads);
            DenseProducts.applyTransposeBlock(a, xtb, ytb, 5, threads);
            double[][] now = {y, yt, yb, ytb};
            if (first == null) {
                first = now;
            } else {
                for (int p = 0; p < 4; p++) {
                    assertArrayEquals(first[p], now[p], "product " + p + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void denseMatrixOperatorMethodsUseTheseKernels() {
        Random r = new Random(3);
        DenseMatrix a = new DenseMatrix(3001, 97, random(r, 3001 * 97));
        double[] xb = random(r, 97 * 4);
        double[] yb = junk(3001 * 4);
        a.applyBlock(xb, yb, 4);
        double[] expected = new double[3001 * 4];
        DenseProducts.applyBlock(a, xb, expected, 4, 1);
        assertArrayEquals(expected, yb);
        double[] xtb = random(r, 3001 * 4);
        double[] ytb = junk(97 * 4);
        a.applyTransposeBlock(xtb, ytb, 4);
        double[] expectedT = new double[97 * 4];
        DenseProducts.applyTransposeBlock(a, xtb, expectedT, 4, 1);
        assertArrayEquals(expectedT, ytb);
    }

    @Test
    void wrongLengthsAreRefusedWithTheShapes() {
        DenseMatrix a = new DenseMatrix(3, 2, new double[6]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.apply(a, new double[3], new double[3], 1));
        assertTrue(e.getMessage().contains("x has length 3") && e.getMessage().contains("3×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.applyTranspose(a, new double[3], new double[3], 1));
        assertTrue(e.getMessage().contains("y has length 3") && e.getMessage().contains("needs length 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.applyBlock(a, new double[4], new double[5], 2, 1));
        assertTrue(e.getMessage().contains("y has length 5") && e.getMessage().contains("3×2 row-major block"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.applyTransposeBlock(a, new double[6], new double[4], -1, 1));
        assertTrue(e.getMessage().contains("k must be ≥ 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenseProducts.apply(a, new double[2], new double[3], 0));
        assertTrue(e.getMessage().contains("thread"), e.getMessage());
    }
}
