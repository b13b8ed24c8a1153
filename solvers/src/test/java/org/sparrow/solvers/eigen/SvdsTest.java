package org.sparrow.solvers.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.StopReason;

/**
 * Svds (restarted Golub–Kahan–Lanczos) against EJML's dense SVD on random rectangular matrices,
 * tall and wide, and a suite matrix. A singular value's error is at most the residual
 * max(‖A·v − σ·u‖, ‖Aᵀ·u − σ·v‖) (the singular values are the eigenvalues of the symmetric
 * [[0, A], [Aᵀ, 0]]), which the solver holds below 1e-10·σ₁: hence 1e-9·σ₁.
 */
class SvdsTest {

    private static void check(CsrMatrix a, int k, SvdsResult r) {
        double[] dense = EigenFixtures.denseSingularValues(a);
        assertEquals(StopReason.CONVERGED, r.stopReason(), r.detail());
        for (int c = 0; c < k; c++) {
            assertEquals(dense[c], r.values()[c], 1e-9 * dense[0], "σ" + (c + 1));
            double[] u = EigsTest.column(r.u(), c);
            double[] v = EigsTest.column(r.v(), c);
            assertEquals(1.0, Blas.norm2(u), 1e-10);
            assertEquals(1.0, Blas.norm2(v), 1e-10);
            double[] av = a.apply(v);
            Blas.axpy(-r.values()[c], u, av);
            double[] atu = a.applyTranspose(u);
            Blas.axpy(-r.values()[c], v, atu);
            assertEquals(r.residuals()[c], Blas.norm2(av), 1e-12 * dense[0], "reported ‖A·v − σ·u‖ is the recomputed one");
            assertEquals(r.transposeResiduals()[c], Blas.norm2(atu), 1e-12 * dense[0]);
            assertTrue(r.maxResiduals()[c] <= 1e-10 * dense[0]);
            assertTrue(r.converged()[c]);
            for (int d = 0; d < c; d++) {
                assertEquals(0.0, Blas.dot(v, EigsTest.column(r.v(), d)), 1e-10, "right vectors orthogonal");
            }
        }
    }

    @Test
    void svdsMatchesDenseSvdOnTallAndWideRandomMatrices() {
        CsrMatrix tall = EigenFixtures.randomGeneral(150, 60, 5, 4);
        check(tall, 5, Svds.largest(tall, SvdsOptions.defaults(5)));
        CsrMatrix wide = EigenFixtures.randomGeneral(45, 130, 9, 8);
        check(wide, 6, Svds.largest(wide, SvdsOptions.defaults(6)));
    }

    @Test
    void svdsOfASmallMatrixUsesTheWholeSpace() {
        CsrMatrix a = EigenFixtures.randomGeneral(12, 7, 3, 2);
        check(a, 7, Svds.largest(a, SvdsOptions.defaults(7)));
    }

    @Test
    void svdsMatchesDenseSvdOnARectangularSuiteMatrix() {
        CsrMatrix a = org.sparrow.solvers.direct.SuiteMatricesAccess.read("small/illc1033.mtx");
        check(a, 6, Svds.largest(a, SvdsOptions.defaults(6)));
    }

    @Test
    void svdsFindsBothCopiesOfDoubleSingularValues() {
        CsrMatrix c = EigenFixtures.randomGeneral(70, 40, 4, 23);
        double[][] d = new double[140][80]; // diag(C, C): every singular value of C twice
        int[] cp = c.rowPointers();
        for (int i = 0; i < 70; i++) {
            for (int p = cp[i]; p < cp[i + 1]; p++) {
                d[i][c.columnIndices()[p]] = c.values()[p];
                d[70 + i][40 + c.columnIndices()[p]] = c.values()[p];
            }
        }
        CsrMatrix a = EigenFixtures.csr(d);
        double[] one = EigenFixtures.denseSingularValues(c);
        SvdsResult r = Svds.largest(a, SvdsOptions.defaults(6));
        assertTrue(r.allConverged(), r.detail());
        for (int i = 0; i < 6; i++) {
            assertEquals(one[i / 2], r.values()[i], 1e-9 * one[0], "σ" + (i + 1) + ": copies in pairs");
        }
        check(a, 6, r);
    }

    @Test
    void svdsOnAMatrixFreeOperator() {
        CsrMatrix a = EigenFixtures.randomGeneral(80, 50, 4, 13);
        LinearOperator op = LinearOperator.of(80, 50, a::apply, a::applyTranspose);
        check(a, 4, Svds.largest(op, SvdsOptions.defaults(4)));
    }

    @Test
    void svdsNonConvergenceIsReportedHonestly() {
        CsrMatrix a = EigenFixtures.laplacian1d(3000);
        SvdsResult r = Svds.largest(a, SvdsOptions.defaults(6).withMaxIterations(1).withSubspace(8));
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertFalse(r.allConverged());
        for (int c = 0; c < 6; c++) {
            assertEquals(r.maxResiduals()[c] <= 1e-10 * r.values()[0], r.converged()[c]);
        }
    }

    @Test
    void svdsBadInputsGetClearErrors() {
        CsrMatrix a = EigenFixtures.randomGeneral(6, 4, 2, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Svds.largest(a, SvdsOptions.defaults(5)))
                .getMessage().contains("k must be ≤ min(m, n) = 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SvdsOptions.defaults(0)).getMessage().contains("≥ 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SvdsOptions.defaults(2).withTolerance(2))
                .getMessage().contains("tolerance"));
        CsrMatrix nan = EigenFixtures.csr(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Svds.largest(nan, SvdsOptions.defaults(1)))
                .getMessage().contains("A(1, 2) = Infinity"));
    }
}
