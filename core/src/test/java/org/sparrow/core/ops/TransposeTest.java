package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.assertMatchesOracle;
import static org.sparrow.core.FormatsTestSupport.assertPattern;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.FormatsTestSupport.transpose;
import static org.sparrow.core.ops.SpmvTest.THREADS;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport.Triplets;
import org.sparrow.core.Parallelism;

/**
 * {@link Transpose}, the parallel counting sort, against a dense oracle and bit for bit against the
 * sequential {@link SparseConversions#transpose}, on the shared cases of {@link SpmvTest#matrices()}
 * for thread counts 1, 2, 7 and forced splits of 2–7 row ranges.
 */
class TransposeTest {

    /** The sequential transpose's arrays, for bit-for-bit comparison. */
    private static CsrMatrix sequential(CsrMatrix a) {
        int[] tp = new int[a.cols() + 1];
        int[] ti = new int[a.nnz()];
        double[] tx = new double[a.nnz()];
        SparseConversions.transpose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), tp, ti, tx);
        return new CsrMatrix(a.cols(), a.rows(), tp, ti, tx);
    }

    private static void assertSameArrays(CsrMatrix expected, CsrMatrix actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what + ": rows");
        assertEquals(expected.cols(), actual.cols(), what + ": cols");
        assertArrayEquals(expected.rowPointers(), actual.rowPointers(), what + ": row pointer");
        int nnz = expected.nnz();
        assertArrayEquals(Arrays.copyOf(expected.columnIndices(), nnz), Arrays.copyOf(actual.columnIndices(), nnz),
                what + ": column indices");
        assertArrayEquals(Arrays.copyOf(expected.values(), nnz), Arrays.copyOf(actual.values(), nnz),
                what + ": values (bit for bit)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void transposeMatchesDenseOracleAndIsBitIdenticalToSequentialForThreads1And2And7(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] expected = transpose(t.dense(), t.cols());
        for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
            String form = m.isSorted() ? "sorted" : "unsorted";
            CsrMatrix ref = sequential(m);
            for (int threads : THREADS) {
                CsrMatrix at = Transpose.of(m, threads);
                String what = form + ", " + threads + " threads";
                assertCanonical(at, what);
                assertMatchesOracle(expected, t.cols(), t.rows(), at, what);
                assertPattern(transpose(t.pattern(), t.cols()), at, what);
                assertSameArrays(ref, at, what + " vs SparseConversions.transpose");
            }
            assertSameArrays(ref, m.transpose(), form + ": CsrMatrix.transpose");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void forcedSplitsIntoSeveralRangesAreBitIdenticalToSequentialWithJunkOutputs(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size() + 1));
        for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
            CsrMatrix ref = sequential(m);
            for (int parts = 2; parts <= 7; parts++) {
                for (int threads : THREADS) {
                    int[] tp = new int[m.cols() + 1];
                    int[] ti = new int[m.nnz()];
                    double[] tx = new double[m.nnz()];
                    Arrays.fill(tp, -7);
                    Arrays.fill(ti, -7);
                    Arrays.fill(tx, Double.NaN);
                    Transpose.transpose(m.rows(), m.cols(), m.rowPointers(), m.columnIndices(), m.values(), tp, ti, tx,
                            threads, parts);
                    assertSameArrays(ref, new CsrMatrix(m.cols(), m.rows(), tp, ti, tx),
                            (m.isSorted() ? "sorted" : "unsorted") + ", " + parts + " ranges on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void transposeTwiceGivesBackTheCanonicalMatrix() {
        Triplets t = SpmvTest.powerLaw(new Random(40));
        CsrMatrix a = t.coo().toCsr();
        for (int threads : THREADS) {
            assertEquals(a, Transpose.of(Transpose.of(a, threads), threads), threads + " threads");
            CsrMatrix sortedAgain = Transpose.of(Transpose.of(shuffledRows(a, new Random(3)), threads), threads);
            assertSameArrays(a, sortedAgain, threads + " threads: a double transpose sorts an unsorted matrix");
        }
    }

    @Test
    void csrTransposeAboveTheThresholdRunsThreadedAndIsBitIdentical() {
        CsrMatrix a = SpmvTest.uniform(new Random(41), 30_000, 5_000, 3).coo().toCsr();
        assertTrue(a.nnz() >= Spmv.PARALLEL_MIN_NNZ);
        CsrMatrix ref = sequential(a);
        String saved = System.getProperty(Parallelism.THREADS_PROPERTY);
        try {
            System.setProperty(Parallelism.THREADS_PROPERTY, "3");
            assertSameArrays(ref, a.transpose(), "CsrMatrix.transpose on 3 threads");
        } finally {
            if (saved == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, saved);
            }
        }
        assertSameArrays(ref, Transpose.of(a, 2), "Transpose.of on 2 threads");
    }

    @Test
    void nullMatrixAndBadThreadCountAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transpose.of(null, 2));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transpose.of(CsrMatrix.identity(3), 0));
        assertEquals("thread count must be ≥ 1, got 0", e.getMessage());
    }
}
