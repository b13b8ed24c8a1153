package org.sparrow.solvers.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.precond.Amg;
import org.sparrow.solvers.precond.Ic0;
import org.sparrow.solvers.precond.Jacobi;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * LOBPCG against the 2-D Laplacian's closed form and against the Lanczos solver, with and without
 * a preconditioner: the preconditioner must cut the iterations, not change the answer.
 */
class LobpcgTest {

    @Test
    void lobpcgSmallestMatchTheClosedFormAndIc0CutsTheIterations() {
        int m = 30;
        CsrMatrix a = EigenFixtures.laplacian2d(m);
        double[] exact = EigenFixtures.laplacian2dEigenvalues(m);
        EigenOptions o = EigenOptions.defaults(4).withWhich(Which.SMALLEST).withTolerance(1e-9).withMaxIterations(2000);
        EigenResult plain = Lobpcg.solve(a, o, null);
        Preconditioner ic0 = Ic0.of(a);
        EigenResult pre = Lobpcg.solve(a, o, ic0);
        for (EigenResult r : new EigenResult[] {plain, pre}) {
            assertEquals(StopReason.CONVERGED, r.stopReason(), r.detail());
            assertEquals(EigenMethod.LOBPCG, r.method());
            for (int c = 0; c < 4; c++) {
                assertEquals(exact[c], r.values()[c], 1e-9, "λ" + (c + 1));
                double[] v = EigsTest.column(r.vectors(), c);
                double[] av = a.apply(v);
                Blas.axpy(-r.values()[c], v, av);
                assertEquals(r.residuals()[c], Blas.norm2(av), 1e-12);
                assertTrue(r.converged()[c]);
            }
        }
        assertTrue(pre.iterations() < plain.iterations() / 2,
                "IC(0) should at least halve LOBPCG's iterations: " + pre.iterations() + " vs " + plain.iterations());
    }

    @Test
    void lobpcgWithAmgFindsTheSmallestInFewIterationsIndependentlyOfTheGrid() {
        // multigrid preconditioning makes LOBPCG's iteration count (nearly) grid-independent (Knyazev 2001, §5)
        int[] iterations = new int[2];
        int[] sizes = {32, 64};
        for (int t = 0; t < 2; t++) {
            CsrMatrix a = EigenFixtures.laplacian2d(sizes[t]);
            double[] exact = EigenFixtures.laplacian2dEigenvalues(sizes[t]);
            EigenResult r = Lobpcg.solve(a, EigenOptions.defaults(3).withWhich(Which.SMALLEST).withTolerance(1e-9)
                    .withMaxIterations(500), Amg.of(a));
            assertTrue(r.allConverged(), r.detail());
            for (int c = 0; c < 3; c++) {
                assertEquals(exact[c], r.values()[c], 1e-9, "λ" + (c + 1) + " on " + sizes[t] + "²");
            }
            iterations[t] = r.iterations();
        }
        assertTrue(iterations[1] <= 2 * iterations[0] + 5, "AMG-LOBPCG iterations " + iterations[0] + " on 32², "
                + iterations[1] + " on 64²: should barely grow");
        assertTrue(iterations[1] <= 100, "AMG-LOBPCG took " + iterations[1] + " iterations on 64²");
    }

    @Test
    void lobpcgAgreesWithLanczosOnASuiteMatrix() {
        CsrMatrix a = org.sparrow.solvers.direct.SuiteMatricesAccess.read("small/nos4.mtx");
        EigenOptions o = EigenOptions.defaults(3).withWhich(Which.LARGEST);
        EigenResult lanczos = Eigs.symmetric(a, o);
        EigenResult lobpcg = Lobpcg.solve(a, o, Jacobi.of(a));
        assertTrue(lobpcg.allConverged(), lobpcg.detail());
        for (int c = 0; c < 3; c++) {
            assertEquals(lanczos.values()[c], lobpcg.values()[c], 1e-9 * lanczos.normEstimate());
        }
        EigenResult small = Lobpcg.solve(a, o.withWhich(Which.SMALLEST).withMaxIterations(3000), Ic0.of(a));
        EigenResult shiftInvert = Eigs.symmetric(a, o.withSigma(0.0));
        assertTrue(small.allConverged(), small.detail());
        for (int c = 0; c < 3; c++) {
            assertEquals(shiftInvert.values()[c], small.values()[c], 1e-9 * lanczos.normEstimate());
        }
    }

    @Test
    void lobpcgNonConvergenceIsReportedHonestly() {
        CsrMatrix a = EigenFixtures.laplacian2d(40);
        EigenResult r = Lobpcg.solve(a, EigenOptions.defaults(3).withWhich(Which.SMALLEST).withMaxIterations(3), null);
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertFalse(r.allConverged());
        assertEquals(3, r.iterations());
    }

    @Test
    void lobpcgBadInputsGetClearErrors() {
        CsrMatrix a = EigenFixtures.laplacian1d(8);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lobpcg.solve(a, EigenOptions.defaults(3), null))
                .getMessage().contains("n ≥ 3k"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Lobpcg.solve(a, EigenOptions.defaults(1).withSigma(1.0), null)).getMessage().contains("nearest"));
        CsrMatrix other = EigenFixtures.laplacian1d(9);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Lobpcg.solve(a, EigenOptions.defaults(1).withWhich(Which.SMALLEST), Jacobi.of(other)))
                .getMessage().contains("preconditioner"));
    }
}
