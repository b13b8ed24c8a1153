package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.ops.SpmvTest.assertStoredExactly;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link Diagonal}: the main diagonal of the shared cases of {@link SpmvTest#matrices()} against the
 * dense oracle, sorted and unsorted; and {@code diag(d)} as a matrix.
 */
class DiagonalTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(SpmvTest.MATRICES)
    void diagonalMatchesDenseOracleWithAbsentEntriesZero(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        double[][] dense = t.dense();
        double[] expected = new double[Math.min(t.rows(), t.cols())];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = dense[i][i];
        }
        assertArrayEquals(expected, Diagonal.of(a), "sorted");
        assertArrayEquals(expected, Diagonal.of(shuffledRows(a, new Random(t.size()))), "unsorted");
    }

    @Test
    void diagonalOfRectangularMatricesHasLengthMinRowsCols() {
        CsrMatrix wide = new CsrMatrix(2, 4, new int[] {0, 2, 3}, new int[] {0, 3, 2}, new double[] {5, 6, 7});
        assertArrayEquals(new double[] {5, 0}, Diagonal.of(wide));
        CsrMatrix tall = wide.transpose();
        assertArrayEquals(new double[] {5, 0}, Diagonal.of(tall));
        assertArrayEquals(new double[0], Diagonal.of(CsrMatrix.zeros(0, 5)));
        assertArrayEquals(new double[0], Diagonal.of(CsrMatrix.zeros(5, 0)));
        assertArrayEquals(new double[] {1, 1, 1}, Diagonal.of(CsrMatrix.identity(3)));
    }

    @Test
    void matrixOfAVectorStoresTheWholeDiagonalIncludingZeros() {
        double[] d = {2.5, 0.0, -1, -0.0};
        CsrMatrix m = Diagonal.matrix(d);
        assertCanonical(m, "diag(d)");
        double[][] expected = new double[4][4];
        boolean[][] pattern = new boolean[4][4];
        for (int i = 0; i < 4; i++) {
            expected[i][i] = d[i];
            pattern[i][i] = true;
        }
        assertStoredExactly(expected, pattern, m, "diag(d)");
        d[0] = 99;
        assertEquals(2.5, m.get(0, 0), "d is copied, not adopted");
        assertArrayEquals(new double[] {2.5, 0.0, -1, -0.0}, Diagonal.of(m), "round trip");
        CsrMatrix empty = Diagonal.matrix(new double[0]);
        assertEquals(0, empty.rows());
        assertEquals(0, empty.cols());
        assertEquals(CsrMatrix.identity(1), Diagonal.matrix(new double[] {1}), "1×1");
    }

    @Test
    void nullsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Diagonal.of(null));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Diagonal.matrix(null));
        assertEquals("d is null", e.getMessage());
    }
}
