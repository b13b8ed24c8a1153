package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

/** {@link SpgemmFlops} against a count of the scalar products a dense triple loop would form. */
class SpgemmFlopsTest {

    private static CsrMatrix random(int rows, int cols, double density, Random rnd) {
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < density) {
                    b.add(i, j, rnd.nextInt(3) - 1); // explicit zeros included: they count
                }
            }
        }
        return b.build().toCsr();
    }

    /** Σ_i Σ_j Σ_k [a_ik stored][b_kj stored]. */
    private static long oracle(CsrMatrix a, CsrMatrix b) {
        long count = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int k = 0; k < a.cols(); k++) {
                if (stored(a, i, k)) {
                    count += b.rowNnz(k);
                }
            }
        }
        return count;
    }

    private static boolean stored(CsrMatrix m, int i, int j) {
        for (int p = m.rowPointers()[i]; p < m.rowPointers()[i + 1]; p++) {
            if (m.columnIndices()[p] == j) {
                return true;
            }
        }
        return false;
    }

    @Test
    void flopsCountTheScalarProductsOfEachProductForm() {
        Random rnd = new Random(31);
        int[][] shapes = {{1, 1, 1}, {13, 7, 9}, {7, 13, 1}, {0, 5, 4}, {6, 0, 3}, {31, 29, 40}};
        for (int[] s : shapes) {
            for (double density : new double[] {0.0, 0.1, 0.5, 1.0}) {
                CsrMatrix a = random(s[0], s[1], density, rnd);
                CsrMatrix b = random(s[1], s[2], density, rnd);
                long expected = oracle(a, b);
                assertEquals(expected, SpgemmFlops.count(a, b));
                assertEquals(expected, SpgemmFlops.countTransposeB(a, b.transpose()));
                assertEquals(expected, SpgemmFlops.countTransposeA(a.transpose(), b));
                assertTrue(Spgemm.multiply(a, b).nnz() <= expected, "nnz(C) ≤ flops");
            }
        }
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        CsrMatrix b = CsrMatrix.zeros(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpgemmFlops.count(a, b));
        assertTrue(e.getMessage().contains("3×4") && e.getMessage().contains("5×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpgemmFlops.countTransposeB(a, b));
        assertThrows(IllegalArgumentException.class, () -> SpgemmFlops.countTransposeA(a, b));
    }
}
