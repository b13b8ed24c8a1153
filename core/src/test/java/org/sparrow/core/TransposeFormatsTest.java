package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.assertMatchesOracle;
import static org.sparrow.core.FormatsTestSupport.assertPattern;
import static org.sparrow.core.FormatsTestSupport.randomDense;
import static org.sparrow.core.FormatsTestSupport.randomTriplets;
import static org.sparrow.core.FormatsTestSupport.rowMajor;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.FormatsTestSupport.transpose;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.FormatsTestSupport.Triplets;

/** {@code transpose()} and {@code transposeView()} of every format against the transposed oracle. */
class TransposeFormatsTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrTransposeIsANewCanonicalCsrOfTheTransposedOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix at = a.transpose();
        assertCanonical(at, t + " CSR transpose");
        assertPattern(transpose(t.pattern(), cols), at, t + " CSR transpose");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, at, t + " CSR transpose");
        if (a.nnz() > 0) {
            assertNotSame(a.values(), at.values(), "transpose() copies");
        }
        assertEquals(a, at.transpose(), "transposing twice gives the original");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void unsortedCsrTransposeIsCanonical(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        CsrMatrix unsorted = shuffledRows(t.coo().toCsr(), rnd);
        CsrMatrix at = unsorted.transpose();
        assertCanonical(at, t + " unsorted CSR transpose");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, at, t + " unsorted CSR transpose");
        CscMatrix view = unsorted.transposeView();
        assertCanonical(view, t + " unsorted CSR transposeView");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, view, t + " unsorted CSR transposeView");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrTransposeViewSharesArraysAndMatchesTheTransposedOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CsrMatrix a = t.coo().toCsr();
        CscMatrix view = a.transposeView();
        assertSame(a.rowPointers(), view.columnPointers(), "column pointer of Aᵀ is A's row pointer");
        assertSame(a.columnIndices(), view.rowIndices(), "row indices of Aᵀ are A's column indices");
        assertSame(a.values(), view.values(), "values shared");
        assertEquals(cols, view.rows());
        assertEquals(rows, view.cols());
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, view, t + " CSR transposeView");
        assertSame(a, view.transposeView(), "viewing back gives the same CSR");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscTransposeIsANewCanonicalCscOfTheTransposedOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CscMatrix a = t.coo().toCsc();
        CscMatrix at = a.transpose();
        assertCanonical(at, t + " CSC transpose");
        assertPattern(transpose(t.pattern(), cols), at, t + " CSC transpose");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, at, t + " CSC transpose");
        assertEquals(a, at.transpose());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscTransposeViewSharesArraysAndMatchesTheTransposedOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CscMatrix a = t.coo().toCsc();
        CsrMatrix view = a.transposeView();
        assertSame(a.columnPointers(), view.rowPointers());
        assertSame(a.rowIndices(), view.columnIndices());
        assertSame(a.values(), view.values());
        assertCanonical(view, t + " CSC transposeView");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, view, t + " CSC transposeView");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooTransposeSwapsIndexArraysWithoutCopying(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CooMatrix a = t.coo();
        CooMatrix at = a.transpose();
        assertSame(a.rowIndices(), at.columnIndices());
        assertSame(a.columnIndices(), at.rowIndices());
        assertSame(a.values(), at.values());
        assertEquals(a.nnz(), at.nnz(), "duplicates stay separate triplets");
        assertMatchesOracle(transpose(t.dense(), cols), cols, rows, at, t + " COO transpose");
        assertPattern(transpose(t.pattern(), cols), at.toCsr(), t + " COO transpose → CSR");
        assertEquals(a, at.transpose());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void denseTransposeMatchesTheTransposedOracle(int rows, int cols, long seed) {
        double[][] a = randomDense(new Random(seed), rows, cols, 0.3);
        DenseMatrix d = new DenseMatrix(rows, cols, rowMajor(a, cols));
        DenseMatrix dt = d.transpose();
        assertMatchesOracle(transpose(a, cols), cols, rows, dt, rows + "×" + cols + " dense transpose");
        assertEquals(d, dt.transpose());
    }

    @Test
    void transposeOfARectangularMatrixByHand() {
        // A = [[1, 0, 2], [0, 3, 0]]; Aᵀ = [[1, 0], [0, 3], [2, 0]].
        CsrMatrix a = new CsrMatrix(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new double[] {1, 2, 3});
        CsrMatrix at = a.transpose();
        assertEquals(new CsrMatrix(3, 2, new int[] {0, 1, 2, 3}, new int[] {0, 1, 0}, new double[] {1, 3, 2}), at);
        CscMatrix view = a.transposeView();
        assertEquals(2.0, view.get(2, 0));
        assertEquals(3.0, view.get(1, 1));
        assertEquals(0.0, view.get(0, 1));
    }
}
