package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

class SymmetryTest {

    private static CsrMatrix of(double[][] d) {
        CooMatrix.Builder b = CooMatrix.builder(d.length, d[0].length);
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[i].length; j++) {
                if (d[i][j] != 0) {
                    b.add(i, j, d[i][j]);
                }
            }
        }
        return b.build().toCsr();
    }

    @Test
    void symmetricMatrixHasNoAsymmetry() {
        assertNull(Symmetry.firstAsymmetry(of(new double[][] {{2, 1, 0}, {1, 3, 4}, {0, 4, 5}}), 0.0));
    }

    @Test
    void firstDifferingPairIsNamedInRowOrderWithOneBasedIndices() {
        assertEquals("A(1, 2) = 1.0 and A(2, 1) = 2.0",
                Symmetry.firstAsymmetry(of(new double[][] {{2, 1, 0}, {2, 3, 4}, {0, 5, 5}}), 0.0));
    }

    @Test
    void aMissingMirrorCountsAsZero() {
        assertEquals("A(2, 3) = 4.0 and A(3, 2) = 0.0",
                Symmetry.firstAsymmetry(of(new double[][] {{2, 0, 0}, {0, 3, 4}, {0, 0, 5}}), 0.0));
    }

    @Test
    void differencesWithinTheRelativeToleranceAreAccepted() {
        CsrMatrix a = of(new double[][] {{1, 1 + 1e-14}, {1, 1}});
        assertNull(Symmetry.firstAsymmetry(a, 1e-12));
        assertEquals("A(1, 2) = 1.00000000000001 and A(2, 1) = 1.0", Symmetry.firstAsymmetry(a, 0.0));
    }

    @Test
    void nonSquareOrUnsortedInputIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> Symmetry.firstAsymmetry(CsrMatrix.zeros(2, 3), 0.0));
        CsrMatrix unsorted = CsrMatrix.unsorted(2, 2, new int[] {0, 2, 2}, new int[] {1, 0}, new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> Symmetry.firstAsymmetry(unsorted, 0.0));
    }
}
