package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparrow.core.FormatsTestSupport.nans;
import static org.sparrow.core.FormatsTestSupport.randomVector;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.FormatsTestSupport.transpose;
import static org.sparrow.core.ops.SpmvTest.THREADS;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport.Triplets;
import org.sparrow.core.Parallelism;

/**
 * {@link Spmm} ({@code Y = A·X}, {@code Y = Aᵀ·X}, dense blocks row-major) against a dense oracle
 * on the shared cases of {@link SpmvTest#matrices()}, for block widths 0, 1, 3, 32, 33 and thread
 * counts 1, 2, 7; outputs pre-filled with NaN.
 */
class SpmmTest {

    private static final int[] WIDTHS = {0, 1, 3, 32, 33};

    /** {@code A·X} by the definition, and the matching {@code Σ_j |a_ij|·|x_jc|} for error bounds. */
    private static double[][] oracle(double[][] a, double[][] absA, int n, double[] x, int k) {
        int m = a.length;
        double[] y = new double[m * k];
        double[] b = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double aij = a[i][j];
                double abs = absA[i][j];
                if (abs == 0.0) {
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    y[i * k + c] += aij * x[j * k + c];
                    b[i * k + c] += abs * Math.abs(x[j * k + c]);
                }
            }
        }
        return new double[][] {y, b};
    }

    private static void assertWithin(double[] expected, double[] magnitudes, double tol, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int e = 0; e < expected.length; e++) {
            if (!(Math.abs(expected[e] - actual[e]) <= tol * magnitudes[e])) {
                fail(what + ": entry " + e + " is " + actual[e] + ", expected " + expected[e] + " ± "
                        + tol * magnitudes[e]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void multiplyMatchesDenseOracleAndIsBitIdenticalForThreads1And2And7(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] dense = t.dense();
        double[][] abs = t.absDense();
        for (int k : WIDTHS) {
            double[] x = randomVector(new Random(100 + k), t.cols() * k);
            double[][] o = oracle(dense, abs, t.cols(), x, k);
            for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
                String what = (m.isSorted() ? "sorted" : "unsorted") + ", k = " + k;
                double[] y1 = nans(t.rows() * k);
                Spmm.apply(m, x, y1, k, 1);
                assertWithin(o[0], o[1], 1e-13, y1, what + ", 1 thread vs oracle");
                for (int threads : THREADS) {
                    double[] y = nans(t.rows() * k);
                    Spmm.apply(m, x, y, k, threads);
                    assertArrayEquals(y1, y, what + ", " + threads + " threads: bit-identical to 1 thread");
                }
                double[] viaOperator = nans(t.rows() * k);
                m.applyBlock(x, viaOperator, k);
                assertArrayEquals(y1, viaOperator, what + ": CsrMatrix.applyBlock is Spmm");
                if (k == 1) {
                    double[] spmv = nans(t.rows());
                    Spmv.apply(m, x, spmv, 1);
                    assertArrayEquals(spmv, y1, what + ": k = 1 equals SpMV bit for bit");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void multiplyTransposeMatchesDenseOracleWithinRoundingForThreads1And2And7NotBitIdentical(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] denseT = transpose(t.dense(), t.cols());
        double[][] absT = transpose(t.absDense(), t.cols());
        for (int k : WIDTHS) {
            double[] x = randomVector(new Random(200 + k), t.rows() * k);
            double[][] o = oracle(denseT, absT, t.rows(), x, k);
            for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
                String what = (m.isSorted() ? "sorted" : "unsorted") + ", k = " + k;
                double[] y1 = nans(t.cols() * k);
                Spmm.applyTranspose(m, x, y1, k, 1);
                assertWithin(o[0], o[1], 1e-13, y1, what + ", 1 thread vs oracle");
                double[] viaOperator = nans(t.cols() * k);
                m.applyTransposeBlock(x, viaOperator, k);
                if ((long) m.nnz() * k < Spmv.PARALLEL_MIN_NNZ) {
                    assertArrayEquals(y1, viaOperator, what + ": CsrMatrix.applyTransposeBlock is Spmm on 1 thread");
                } else {
                    assertWithin(o[0], o[1], 1e-12, viaOperator, what + ": CsrMatrix.applyTransposeBlock, threaded");
                }
                for (int threads : THREADS) {
                    double[] y = nans(t.cols() * k);
                    Spmm.applyTranspose(m, x, y, k, threads);
                    assertWithin(o[0], o[1], 1e-12, y, what + ", " + threads + " threads vs oracle");
                    double[] again = nans(t.cols() * k);
                    Spmm.applyTranspose(m, x, again, k, threads);
                    assertArrayEquals(y, again, what + ", " + threads + " threads: deterministic run to run");
                }
                if (k == 3) { // force multi-worker reductions on every shape
                    for (int w = 2; w <= 4; w++) {
                        double[] y = nans(t.cols() * k);
                        Spmm.applyTranspose(m.rows(), m.cols(), m.rowPointers(), m.columnIndices(), m.values(), x, y,
                                k, 2, w);
                        assertWithin(o[0], o[1], 1e-12, y, what + ", " + w + " workers vs oracle");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void blockProductsOfWidthOneEqualSpmvBitForBitInBothDirectionsForEveryThreadCount(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        double[] x = randomVector(new Random(300), t.cols());
        double[] xt = randomVector(new Random(301), t.rows());
        for (int threads : new int[] {1, 2, 3, 7}) {
            double[] spmv = nans(t.rows());
            Spmv.apply(a, x, spmv, threads);
            double[] block = nans(t.rows());
            Spmm.apply(a, x, block, 1, threads);
            assertArrayEquals(spmv, block, threads + " threads: A·X with k = 1 is SpMV");
            double[] spmvT = nans(t.cols());
            Spmv.applyTranspose(a, xt, spmvT, threads);
            double[] blockT = nans(t.cols());
            Spmm.applyTranspose(a, xt, blockT, 1, threads);
            assertArrayEquals(spmvT, blockT, threads + " threads: Aᵀ·X with k = 1 is the SpMV scatter");
        }
        for (int w = 2; w <= 4; w++) { // forced multi-worker reductions: the same workers, the same sums
            double[] spmvT = nans(t.cols());
            Spmv.applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), xt, spmvT, 2, w);
            double[] blockT = nans(t.cols());
            Spmm.applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), xt, blockT, 1, 2, w);
            assertArrayEquals(spmvT, blockT, w + " workers: Aᵀ·X with k = 1 is the SpMV scatter");
        }
        // An operator without its own block product: the default block form for k = 1 is its vector product.
        org.sparrow.core.LinearOperator op = org.sparrow.core.LinearOperator.of(a.rows(), a.cols(), a::apply,
                a::applyTranspose);
        double[] viaDefault = nans(t.rows());
        op.applyBlock(x, viaDefault, 1);
        double[] direct = nans(t.rows());
        a.apply(x, direct);
        assertArrayEquals(direct, viaDefault, "LinearOperator.applyBlock with k = 1 is apply");
        double[] viaDefaultT = nans(t.cols());
        op.applyTransposeBlock(xt, viaDefaultT, 1);
        double[] directT = nans(t.cols());
        a.applyTranspose(xt, directT);
        assertArrayEquals(directT, viaDefaultT, "LinearOperator.applyTransposeBlock with k = 1 is applyTranspose");
    }

    @Test
    void csrBlockProductsAboveTheThresholdRunThreadedAndMatchTheOneThreadKernels() {
        Triplets t = SpmvTest.uniform(new Random(31), 3000, 2000, 4);
        CsrMatrix a = t.coo().toCsr();
        int k = 32;
        assertTrue((long) a.nnz() * k >= Spmv.PARALLEL_MIN_NNZ);
        double[] x = randomVector(new Random(32), a.cols() * k);
        double[] xt = randomVector(new Random(33), a.rows() * k);
        double[] ref = nans(a.rows() * k);
        Spmm.apply(a, x, ref, k, 1);
        double[] refT = nans(a.cols() * k);
        Spmm.applyTranspose(a, xt, refT, k, 1);
        String saved = System.getProperty(Parallelism.THREADS_PROPERTY);
        try {
            System.setProperty(Parallelism.THREADS_PROPERTY, "3");
            double[] y = nans(a.rows() * k);
            a.applyBlock(x, y, k);
            assertArrayEquals(ref, y, "applyBlock on 3 threads: bit-identical");
            double[] yt = nans(a.cols() * k);
            a.applyTransposeBlock(xt, yt, k);
            for (int e = 0; e < yt.length; e++) {
                assertEquals(refT[e], yt[e], 1e-12 * Math.max(1, Math.abs(refT[e])) * 64,
                        "applyTransposeBlock entry " + e);
            }
        } finally {
            if (saved == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, saved);
            }
        }
    }

    @Test
    void wrongLengthsNegativeWidthAndNullsAreRejectedWithMessagesStatingExpectedAndActual() {
        CsrMatrix a = SpmvTest.uniform(new Random(3), 4, 3, 2).coo().toCsr();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spmm.apply(a, new double[7], new double[8], 2, 1));
        assertEquals("X has length 7 but A is 4×3 and k = 2, so A·X needs X as a 3×2 row-major block of length 6",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmm.apply(a, new double[6], new double[6], 2, 2));
        assertEquals("Y has length 6 but A is 4×3 and k = 2, so A·X needs Y as a 4×2 row-major block of length 8",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spmm.applyTranspose(a, new double[6], new double[6], 2, 1));
        assertEquals("X has length 6 but A is 4×3 and k = 2, so Aᵀ·X needs X as a 4×2 row-major block of length 8",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spmm.applyTranspose(a, new double[8], new double[8], 2, 1));
        assertEquals("Y has length 8 but A is 4×3 and k = 2, so Aᵀ·X needs Y as a 3×2 row-major block of length 6",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmm.apply(a, new double[0], new double[0], -1, 1));
        assertEquals("block width k must be ≥ 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmm.apply(a, null, new double[8], 2, 1));
        assertEquals("X is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmm.apply(null, new double[6], new double[8], 2, 1));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmm.apply(a, new double[6], new double[8], 2, 0));
        assertEquals("thread count must be ≥ 1, got 0", e.getMessage());
        // The operator keeps its own checks.
        e = assertThrows(IllegalArgumentException.class, () -> a.applyBlock(new double[5], new double[8], 2));
        assertTrue(e.getMessage().contains("x has length 5"), e.getMessage());
    }
}
