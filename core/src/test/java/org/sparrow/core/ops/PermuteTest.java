package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.ops.SpmvTest.assertStoredExactly;
import static org.sparrow.core.ops.SpmvTest.permutation;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link Permute} ({@code B = P·A·Qᵀ}, {@code B(i, j) = A(rowPerm[i], colPerm[j])}) against a dense
 * oracle on the shared cases of {@link SpmvTest#matrices()}, with null (identity) permutations,
 * sorted and unsorted inputs; and the validation of permutations.
 */
class PermuteTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void permuteMatchesDenseOracleAndIsCanonical(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        Random rnd = new Random(t.size() + 3);
        int[] rp = permutation(rnd, t.rows());
        int[] cp = permutation(rnd, t.cols());
        double[][] dense = t.dense();
        boolean[][] pattern = t.pattern();
        for (int[][] perms : new int[][][] {{rp, cp}, {rp, null}, {null, cp}, {null, null}}) {
            int[] r = perms[0];
            int[] c = perms[1];
            double[][] expected = new double[t.rows()][t.cols()];
            boolean[][] expectedPattern = new boolean[t.rows()][t.cols()];
            for (int i = 0; i < t.rows(); i++) {
                for (int j = 0; j < t.cols(); j++) {
                    int ai = r == null ? i : r[i];
                    int aj = c == null ? j : c[j];
                    expected[i][j] = dense[ai][aj];
                    expectedPattern[i][j] = pattern[ai][aj];
                }
            }
            for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
                String what = (m.isSorted() ? "sorted" : "unsorted") + (r == null ? ", rows identity" : ", rows permuted")
                        + (c == null ? ", columns identity" : ", columns permuted");
                int[] rCopy = r == null ? null : r.clone();
                CsrMatrix b = Permute.of(m, r, c);
                assertCanonical(b, what);
                assertStoredExactly(expected, expectedPattern, b, what);
                if (r != null) {
                    assertArrayEquals(rCopy, r, what + ": permutation untouched");
                }
            }
        }
    }

    @Test
    void permuteIsPTimesATimesQTransposeWithPOfOnesAtIRowPermI() {
        Triplets t = FormatsTestSupport.randomTriplets(new Random(77), 6, 5);
        double[][] a = t.dense();
        int[] rowPerm = {3, 0, 5, 1, 4, 2};
        int[] colPerm = {4, 2, 0, 3, 1};
        double[][] p = new double[6][6];
        double[][] q = new double[5][5];
        for (int i = 0; i < 6; i++) {
            p[i][rowPerm[i]] = 1;
        }
        for (int j = 0; j < 5; j++) {
            q[j][colPerm[j]] = 1;
        }
        double[][] paqt = new double[6][5]; // P·A·Qᵀ by the definition of the product
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                double s = 0;
                for (int k = 0; k < 6; k++) {
                    for (int l = 0; l < 5; l++) {
                        s += p[i][k] * a[k][l] * q[j][l];
                    }
                }
                paqt[i][j] = s;
            }
        }
        CsrMatrix b = Permute.of(t.coo().toCsr(), rowPerm, colPerm);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(paqt[i][j], b.get(i, j), 0.0, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void invalidPermutationsAreRejectedNamingTheFirstBadEntry() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Permute.of(a, new int[] {0, 1}, null));
        assertEquals("rowPerm has length 2 but A is 3×4, so a row permutation needs length 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(a, null, new int[] {0, 1, 2}));
        assertEquals("colPerm has length 3 but A is 3×4, so a column permutation needs length 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(a, new int[] {0, 3, 1}, null));
        assertEquals("rowPerm[1] = 3 is out of range [0, 3): not a row permutation of a 3×4 matrix", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(a, null, new int[] {0, -1, 2, 3}));
        assertEquals("colPerm[1] = -1 is out of range [0, 4): not a column permutation of a 3×4 matrix",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(a, new int[] {2, 0, 2}, null));
        assertEquals("rowPerm[2] = 2 repeats rowPerm[0]: not a permutation", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(a, null, new int[] {1, 3, 0, 3}));
        assertEquals("colPerm[3] = 3 repeats colPerm[1]: not a permutation", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Permute.of(null, null, null));
        assertEquals("A is null", e.getMessage());
    }
}
