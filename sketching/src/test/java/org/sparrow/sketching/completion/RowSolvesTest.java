package org.sparrow.sketching.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;

class RowSolvesTest {

    private static final int M = 50;
    private static final int N = 90;
    private static final int K = 4;
    private static final double LAMBDA = 0.3;

    /** Observations (about 60 per row, above 2s = 32, so every row is sketched) and a random other factor. */
    private static Observations observations() {
        Random rnd = new Random(31);
        double[] x = new double[M * N];
        for (int p = 0; p < x.length; p++) {
            x[p] = rnd.nextGaussian();
        }
        CooMatrix obs = MatrixCompletionTest.sample(x, M, N, 3000, 32);
        return Observations.of(M, N, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), K, 0.0, 1);
    }

    private static double[] otherFactor() {
        Random rnd = new Random(33);
        double[] v = new double[N * K];
        for (int p = 0; p < v.length; p++) {
            v[p] = rnd.nextGaussian();
        }
        return v;
    }

    private static CsrMatrix training(Observations o) {
        return new CsrMatrix(M, N, o.rowPtr, o.rowCol, o.rowVal);
    }

    @Test
    void exactRowSolvesEqualClosedFormRidgeInOneHalfStep() {
        Observations o = observations();
        double[] v = otherFactor();
        double[] u = new double[M * K];
        RowSolves rs = new RowSolves(o, K, LAMBDA, false, 0, 0, 1, 0);
        rs.update(M, o.rowPtr, o.rowCol, o.rowVal, true, v, u);
        MatrixCompletionTest.assertRidgeRows(training(o), u, v, K, LAMBDA, 1e-12);
        assertEquals(0, rs.sketchedSolves);
    }

    @Test
    void sketchedRowSolvesAreApproximateOnceAndConvergeToClosedFormRidgeWhenWarmStarted() {
        Observations o = observations();
        double[] v = otherFactor();
        double[] u = new double[M * K];
        RowSolves rs = new RowSolves(o, K, LAMBDA, true, MatrixCompletion.SKETCH_FACTOR * K,
                MatrixCompletion.SKETCH_ITERATIONS, 1, 7);
        rs.update(M, o.rowPtr, o.rowCol, o.rowVal, true, v, u);
        assertEquals(M, rs.sketchedSolves);
        assertTrue(rs.innerSteps >= M, "at least one CG step per row");
        // from a zero start one solve gains at least the 100-fold reduction, not full precision
        MatrixCompletionTest.assertRidgeRows(training(o), u, v, K, LAMBDA, 2e-2);
        assertThrows(AssertionFailedError.class,
                () -> MatrixCompletionTest.assertRidgeRows(training(o), u, v, K, LAMBDA, 1e-12));
        for (int repeat = 0; repeat < 5; repeat++) {
            rs.update(M, o.rowPtr, o.rowCol, o.rowVal, true, v, u);
        }
        MatrixCompletionTest.assertRidgeRows(training(o), u, v, K, LAMBDA, 1e-10);
    }

    @Test
    void singularRowFallsBackToTheMinimumNormSolution() {
        // one observation, k = 2, λ = 0: G = f·fᵀ is singular; the minimum-norm solution is y·f/‖f‖²
        Observations o = Observations.of(1, 1, new int[] {0}, new int[] {0}, new double[] {3}, 1, 1, 0.0, 1);
        double[] f = {1.0, 2.0};
        double[] u = new double[2];
        RowSolves rs = new RowSolves(o, 2, 0.0, false, 0, 0, 1, 0);
        rs.update(1, o.rowPtr, o.rowCol, o.rowVal, true, f, u);
        assertEquals(1, rs.pseudoInverseSolves);
        assertEquals(3.0 / 5.0, u[0], 1e-14);
        assertEquals(6.0 / 5.0, u[1], 1e-14);
    }
}
