package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.ops.SpmvTest.assertStoredExactly;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link Scale} ({@code α·A}, {@code diag(d)·A}, {@code A·diag(d)}) against a dense oracle on the
 * shared cases of {@link SpmvTest#matrices()}: same stored positions (explicit zeros included),
 * values bit for bit, sorted and unsorted inputs.
 */
class ScaleTest {

    private static double[] dyadics(Random rnd, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(5) == 0 ? 0.0 : FormatsTestSupport.dyadic(rnd);
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void scalingsMatchDenseOracleAndKeepTheStructure(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] dense = t.dense();
        boolean[][] pattern = t.pattern();
        Random rnd = new Random(t.size() + 9);
        double[] dr = dyadics(rnd, t.rows());
        double[] dc = dyadics(rnd, t.cols());
        double alpha = -2.25;
        double[][] scaled = new double[t.rows()][t.cols()];
        double[][] rowScaled = new double[t.rows()][t.cols()];
        double[][] colScaled = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                scaled[i][j] = alpha * dense[i][j];
                rowScaled[i][j] = dr[i] * dense[i][j];
                colScaled[i][j] = dense[i][j] * dc[j];
            }
        }
        for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
            String form = m.isSorted() ? "sorted" : "unsorted";
            CsrMatrix s = Scale.of(alpha, m);
            CsrMatrix r = Scale.rows(dr, m);
            CsrMatrix c = Scale.columns(m, dc);
            assertStoredExactly(scaled, pattern, s, form + ": α·A");
            assertStoredExactly(rowScaled, pattern, r, form + ": diag(d)·A");
            assertStoredExactly(colScaled, pattern, c, form + ": A·diag(d)");
            for (CsrMatrix out : new CsrMatrix[] {s, r, c}) {
                assertEquals(m.isSorted(), out.isSorted(), form + ": sortedness kept");
                assertSame(m.rowPointers(), out.rowPointers(), form + ": row pointer shared");
                assertSame(m.columnIndices(), out.columnIndices(), form + ": column indices shared");
                assertEquals(m.nnz(), out.values().length, form + ": a values array of its own, length nnz");
            }
        }
    }

    @Test
    void zeroScaleLeavesExplicitZerosAndTheInputUntouched() {
        CsrMatrix a = new CsrMatrix(2, 2, new int[] {0, 2, 3}, new int[] {0, 1, 1}, new double[] {1, -2, 3});
        CsrMatrix z = Scale.of(0.0, a);
        assertEquals(3, z.nnz());
        assertArrayEquals(new double[] {0.0, -0.0, 0.0}, z.values());
        assertArrayEquals(new double[] {1, -2, 3}, a.values(), "input values untouched");
        CsrMatrix r = Scale.rows(new double[] {2, 0}, a);
        assertArrayEquals(new double[] {2, -4, 0}, r.values());
        CsrMatrix c = Scale.columns(a, new double[] {-1, 0.5});
        assertArrayEquals(new double[] {-1, -1, 1.5}, c.values());
        assertTrue(c.isSorted());
        assertFalse(Scale.of(2, shuffledRows(a, new Random(1))).isSorted());
    }

    @Test
    void wrongLengthsAndNullsAreRejectedWithMessagesStatingExpectedAndActual() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.rows(new double[4], a));
        assertEquals("d has length 4 but A is 3×4, so it needs length 3 (its row count, for diag(d)·A)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scale.columns(a, new double[3]));
        assertEquals("d has length 3 but A is 3×4, so it needs length 4 (its column count, for A·diag(d))",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scale.rows(null, a));
        assertEquals("d is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scale.columns(null, new double[4]));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scale.of(2, null));
        assertEquals("A is null", e.getMessage());
    }
}
