package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.ops.SpmvTest.assertStoredExactly;
import static org.sparrow.core.ops.SpmvTest.permutation;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link Submatrix} by ranges and by index lists against a dense oracle on the shared cases of
 * {@link SpmvTest#matrices()}, sorted and unsorted inputs; and the validation of ranges and lists.
 */
class SubmatrixTest {

    /** Half-open ranges of {@code [0, n)}: everything, nothing at both ends, one item, random ones. */
    private static int[][] ranges(Random rnd, int n) {
        int[][] r = new int[8][];
        r[0] = new int[] {0, n};
        r[1] = new int[] {0, 0};
        r[2] = new int[] {n, n};
        r[3] = new int[] {n / 2, Math.min(n, n / 2 + 1)};
        for (int k = 4; k < 8; k++) {
            int a = rnd.nextInt(n + 1);
            int b = rnd.nextInt(n + 1);
            r[k] = new int[] {Math.min(a, b), Math.max(a, b)};
        }
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void rangeSubmatrixMatchesDenseOracleAndIsCanonical(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] dense = t.dense();
        boolean[][] pattern = t.pattern();
        Random rnd = new Random(t.size() + 5);
        int[][] rowRanges = ranges(rnd, t.rows());
        int[][] colRanges = ranges(rnd, t.cols());
        for (int q = 0; q < rowRanges.length; q++) {
            int r0 = rowRanges[q][0];
            int r1 = rowRanges[q][1];
            int c0 = colRanges[(q * 3) % colRanges.length][0];
            int c1 = colRanges[(q * 3) % colRanges.length][1];
            double[][] expected = new double[r1 - r0][c1 - c0];
            boolean[][] expectedPattern = new boolean[r1 - r0][c1 - c0];
            for (int i = r0; i < r1; i++) {
                for (int j = c0; j < c1; j++) {
                    expected[i - r0][j - c0] = dense[i][j];
                    expectedPattern[i - r0][j - c0] = pattern[i][j];
                }
            }
            for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
                String what = (m.isSorted() ? "sorted" : "unsorted") + " [" + r0 + ", " + r1 + ") × [" + c0 + ", " + c1
                        + ")";
                CsrMatrix b = Submatrix.of(m, r0, r1, c0, c1);
                assertEquals(c1 - c0, b.cols(), what + ": cols");
                assertCanonical(b, what);
                assertStoredExactly(expected, expectedPattern, b, what);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void indexListSubmatrixMatchesDenseOracleWithRepeatedRowsAndReorderedColumns(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[][] dense = t.dense();
        boolean[][] pattern = t.pattern();
        Random rnd = new Random(t.size() + 6);
        for (int trial = 0; trial < 4; trial++) {
            int[] rows = new int[t.rows() == 0 ? 0 : rnd.nextInt(t.rows() + t.rows() / 2 + 2)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rnd.nextInt(t.rows()); // repeats likely
            }
            int[] cols = Arrays.copyOf(permutation(rnd, t.cols()), trial == 0 ? t.cols() : rnd.nextInt(t.cols() + 1));
            double[][] expected = new double[rows.length][cols.length];
            boolean[][] expectedPattern = new boolean[rows.length][cols.length];
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < cols.length; c++) {
                    expected[i][c] = dense[rows[i]][cols[c]];
                    expectedPattern[i][c] = pattern[rows[i]][cols[c]];
                }
            }
            for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
                String what = (m.isSorted() ? "sorted" : "unsorted") + ", " + rows.length + " rows, " + cols.length
                        + " columns";
                CsrMatrix b = Submatrix.of(m, rows, cols);
                assertEquals(cols.length, b.cols(), what + ": cols");
                assertCanonical(b, what);
                assertStoredExactly(expected, expectedPattern, b, what);
            }
        }
    }

    @Test
    void badRangesAreRejectedWithMessagesPrintingRangeAndShape() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, 0, 4, 0, 4));
        assertEquals("row range [0, 4) is not a range within [0, 3) of a 3×4 matrix: end > 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, 2, 1, 0, 4));
        assertEquals("row range [2, 1) is not a range within [0, 3) of a 3×4 matrix: start > end", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, 0, 3, -1, 2));
        assertEquals("column range [-1, 2) is not a range within [0, 4) of a 3×4 matrix: start < 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, 0, 3, 5, 5));
        assertEquals("column range [5, 5) is not a range within [0, 4) of a 3×4 matrix: end > 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(null, 0, 0, 0, 0));
        assertEquals("A is null", e.getMessage());
    }

    @Test
    void badIndexListsAreRejectedNamingTheFirstBadEntry() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Submatrix.of(a, new int[] {0, 3}, new int[] {0}));
        assertEquals("rows[1] = 3 is out of range [0, 3) of a 3×4 matrix", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, new int[] {0}, new int[] {1, -2}));
        assertEquals("cols[1] = -2 is out of range [0, 4) of a 3×4 matrix", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, new int[] {0, 0}, new int[] {2, 1, 2}));
        assertEquals("cols[2] = 2 repeats cols[0]: the column list must be distinct", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, null, new int[] {0}));
        assertEquals("rows is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Submatrix.of(a, new int[] {0}, null));
        assertEquals("cols is null", e.getMessage());
    }
}
