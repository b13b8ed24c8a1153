package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.ops.SpmvTest.THREADS;
import static org.sparrow.core.ops.SpmvTest.assertStoredExactly;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link Add} ({@code α·A + β·B}) against a dense oracle on the shared cases of
 * {@link SpmvTest#matrices()} paired with a random B of the same shape; sorted and unsorted inputs;
 * thread counts 1, 2, 7 bit-identical.
 */
class AddTest {

    private static final double[][] SCALES = {{1, 1}, {2.5, -0.75}, {0, 1}, {-1, 0}};

    /** The oracle: on the union of the patterns, α·a + β·b, α·a or β·b as the kernel promises. */
    private static double[][] expected(double alpha, Triplets a, double beta, Triplets b) {
        double[][] da = a.dense();
        double[][] db = b.dense();
        boolean[][] pa = a.pattern();
        boolean[][] pb = b.pattern();
        double[][] c = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c[i][j] = pa[i][j] && pb[i][j] ? alpha * da[i][j] + beta * db[i][j]
                        : pa[i][j] ? alpha * da[i][j] : pb[i][j] ? beta * db[i][j] : 0.0;
            }
        }
        return c;
    }

    private static boolean[][] union(Triplets a, Triplets b) {
        boolean[][] pa = a.pattern();
        boolean[][] pb = b.pattern();
        for (int i = 0; i < pa.length; i++) {
            for (int j = 0; j < pa[i].length; j++) {
                pa[i][j] |= pb[i][j];
            }
        }
        return pa;
    }

    private static void assertSameArrays(CsrMatrix expected, CsrMatrix actual, String what) {
        assertArrayEquals(expected.rowPointers(), actual.rowPointers(), what + ": row pointer");
        int nnz = expected.nnz();
        assertArrayEquals(Arrays.copyOf(expected.columnIndices(), nnz), Arrays.copyOf(actual.columnIndices(), nnz),
                what + ": column indices");
        assertArrayEquals(Arrays.copyOf(expected.values(), nnz), Arrays.copyOf(actual.values(), nnz),
                what + ": values (bit for bit)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void addMatchesDenseOracleOnTheUnionPatternAndIsBitIdenticalForThreads1And2And7(Triplets ta) {
        Triplets tb = SpmvTest.uniform(new Random(ta.size() + 50), ta.rows(), ta.cols(), 3);
        CsrMatrix a = ta.coo().toCsr();
        CsrMatrix b = tb.coo().toCsr();
        CsrMatrix ua = shuffledRows(a, new Random(1));
        CsrMatrix ub = shuffledRows(b, new Random(2));
        boolean[][] pattern = union(ta, tb);
        for (double[] s : SCALES) {
            double[][] expected = expected(s[0], ta, s[1], tb);
            CsrMatrix ref = Add.of(s[0], a, s[1], b, 1);
            String what = "α = " + s[0] + ", β = " + s[1];
            assertCanonical(ref, what);
            assertStoredExactly(expected, pattern, ref, what + ", 1 thread");
            for (int threads : THREADS) {
                assertSameArrays(ref, Add.of(s[0], a, s[1], b, threads), what + ", " + threads + " threads");
                assertSameArrays(ref, Add.of(s[0], ua, s[1], ub, threads),
                        what + ", unsorted inputs, " + threads + " threads");
                assertSameArrays(ref, Add.of(s[0], a, s[1], ub, threads),
                        what + ", unsorted B, " + threads + " threads");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void cancellationKeepsEveryEntryAsAnExplicitZero(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        for (int threads : THREADS) {
            CsrMatrix c = Add.of(1.0, a, -1.0, a, threads);
            assertArrayEquals(a.rowPointers(), c.rowPointers(), threads + " threads: A − A keeps A's structure");
            assertStoredExactly(new double[t.rows()][t.cols()], t.pattern(), c, threads + " threads: A − A");
        }
    }

    @Test
    void smallSumByHand() {
        // A = [1 0 2; 0 0 3], B = [0 4 -2; 5 0 0] (B's row 0 unsorted)
        CsrMatrix a = new CsrMatrix(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 2}, new double[] {1, 2, 3});
        CsrMatrix b = CsrMatrix.unsorted(2, 3, new int[] {0, 2, 3}, new int[] {2, 1, 0}, new double[] {-2, 4, 5});
        CsrMatrix c = Add.of(2, a, 1, b, 2);
        assertArrayEquals(new int[] {0, 3, 5}, c.rowPointers());
        assertArrayEquals(new int[] {0, 1, 2, 0, 2}, c.columnIndices());
        assertArrayEquals(new double[] {2, 4, 2, 5, 6}, c.values());
    }

    @Test
    void shapeMismatchNullsAndBadThreadCountsAreRejectedWithMessagesPrintingTheShapes() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Add.of(1, a, 1, CsrMatrix.zeros(4, 3), 1));
        assertEquals("cannot add A 3×4 and B 4×3: shapes differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Add.of(1, a, 1, CsrMatrix.zeros(3, 5), 2));
        assertEquals("cannot add A 3×4 and B 3×5: shapes differ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Add.of(1, a, 1, null, 1));
        assertEquals("B is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Add.of(1, null, 1, a, 1));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Add.of(1, a, 1, a, 0));
        assertEquals("thread count must be ≥ 1, got 0", e.getMessage());
    }
}
