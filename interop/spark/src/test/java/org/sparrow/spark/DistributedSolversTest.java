package org.sparrow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.sketching.SketchKind;
import org.sparrow.sketching.lstsq.LeastSquares;
import org.sparrow.sketching.lstsq.LeastSquaresMethod;
import org.sparrow.sketching.lstsq.LeastSquaresOptions;
import org.sparrow.sketching.lstsq.LeastSquaresResult;
import org.sparrow.solvers.AutoSolver;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;

/**
 * Distributed solves against the local library on real matrices: the same Krylov method takes the same
 * iterations to the same answer (x within 1e-12 relative; the transposed product's sums are the only
 * reordering); sketch-and-precondition reaches the same residual to 1e-12 within two iterations of the local
 * count; the records carry the same fields; what needs the whole matrix on one machine is refused in one
 * sentence.
 */
class DistributedSolversTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = SharedSpark.context();
    }

    private static double relativeDifference(double[] x, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - ref[i]) * (x[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }

    private static void assertSameSolve(SolverResult local, SolverResult dist, String what) {
        assertEquals(local.method(), dist.method(), what + ": method");
        assertEquals(local.preconditioner(), dist.preconditioner(), what + ": preconditioner");
        assertEquals(local.converged(), dist.converged(), what + ": converged");
        assertEquals(local.iterations(), dist.iterations(), what + ": iterations");
        double diff = relativeDifference(dist.solution(), local.solution());
        assertTrue(diff <= 1e-12, what + ": x differs by " + diff);
        assertEquals(local.relativeResidual(), dist.relativeResidual(), 1e-12 * Math.max(1, local.relativeResidual()),
                what + ": true relative residual");
    }

    @Test
    void cgWithAndWithoutJacobiMatchesTheLocalSolve() throws IOException {
        CsrMatrix a = DistributedCsrMatrixTest.real("small/gr_30_30.mtx"); // 900×900 SPD
        double[] b = DistributedCsrMatrixTest.randomVector(a.rows(), 3);
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-10);
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 3);
        try {
            for (PreconditionerKind p : new PreconditionerKind[] {PreconditionerKind.NONE, PreconditionerKind.JACOBI}) {
                SolverResult local = AutoSolver.solve(a, b, SolverMethod.CG, p, o).result();
                SolverResult dist = DistributedSolvers.solve(da, b, SolverMethod.CG, p, o).result();
                assertTrue(dist.converged(), dist.verdict(1e-10));
                assertSameSolve(local, dist, "CG with " + p.cliName());
            }
        } finally {
            da.unpersist();
        }
    }

    @Test
    void autoPicksCgWithJacobiForAnSpdMatrixAndGmresForANonsymmetricOne() throws IOException {
        CsrMatrix spd = DistributedCsrMatrixTest.real("small/nos4.mtx"); // 100×100 SPD
        DistributedCsrMatrix ds = DistributedCsrMatrix.fromLocal(sc, spd, 2);
        CsrMatrix general = DistributedCsrMatrixTest.real("small/cage8.mtx"); // 1015×1015 nonsymmetric
        DistributedCsrMatrix dg = DistributedCsrMatrix.fromLocal(sc, general, 2);
        try {
            SolverOptions o = SolverOptions.defaults();
            AutoSolver.Solution s = DistributedSolvers.solve(ds, DistributedCsrMatrixTest.randomVector(100, 4), null,
                    null, o);
            assertEquals(SolverMethod.CG, s.result().method());
            assertEquals(PreconditionerKind.JACOBI, s.result().preconditioner());
            assertEquals("Jacobi", s.view().name(), "--view names the preconditioner that ran");
            assertTrue(s.result().converged(), s.result().verdict(o.relativeTolerance()));
            double[] b = DistributedCsrMatrixTest.randomVector(general.rows(), 5);
            AutoSolver.Solution g = DistributedSolvers.solve(dg, b, SolverMethod.AUTO, null, o);
            assertEquals(SolverMethod.GMRES, g.result().method());
            assertNull(g.view(), "no preconditioner ran, so there is no view");
            assertTrue(g.choice().reason().contains("not symmetric"), g.choice().reason());
            SolverResult local = AutoSolver.solve(general, b, SolverMethod.GMRES, PreconditionerKind.NONE, o).result();
            assertSameSolve(local, g.result(), "GMRES on cage8");
        } finally {
            ds.unpersist();
            dg.unpersist();
        }
    }

    @Test
    void lsqrOnARectangularMatrixTakesTheLocalIterates() throws IOException {
        CsrMatrix a = DistributedCsrMatrixTest.real("small/ash219.mtx"); // 219×85
        double[] b = DistributedCsrMatrixTest.randomVector(a.rows(), 6);
        SolverOptions o = SolverOptions.defaults().withMaxIterations(40);
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 2);
        try {
            SolverResult local = AutoSolver.solve(a, b, SolverMethod.LSQR, null, o).result();
            SolverResult dist = DistributedSolvers.solve(da, b, null, null, o).result();
            assertSameSolve(local, dist, "LSQR on ash219");
        } finally {
            da.unpersist();
        }
    }

    @Test
    void sketchPreconditionedLeastSquaresMatchesTheLocalSolve() throws IOException {
        CsrMatrix a = DistributedCsrMatrixTest.real("small/illc1033.mtx"); // 1033×320, cond ≈ 1.9e4
        double[] b = DistributedCsrMatrixTest.randomVector(a.rows(), 7);
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 3);
        try {
            for (SketchKind kind : new SketchKind[] {SketchKind.GAUSSIAN, SketchKind.SRHT, SketchKind.COUNTSKETCH}) {
                LeastSquaresOptions o = LeastSquaresOptions.defaults().withSketch(kind).withSketchRows(1024);
                LeastSquaresResult local = LeastSquares.solve(a, b, o);
                LeastSquaresResult dist = DistributedSolvers.leastSquares(da, b, o);
                assertTrue(dist.converged(), kind + ": " + dist.verdict());
                // Each refinement round stops at a threshold on LSQR's own estimates, which see the rounding of
                // Aᵀ·y (partial sums added per partition): a round can end one iteration earlier or later.
                assertTrue(Math.abs(local.iterations() - dist.iterations()) <= 2,
                        kind + ": " + dist.iterations() + " iterations, locally " + local.iterations());
                assertEquals(local.residuals().norm(), dist.residuals().norm(), 1e-12 * local.residuals().norm(),
                        kind + ": ‖Ax − b‖");
                assertTrue(dist.normalResidual() <= 1e-12, kind + ": " + dist.verdict());
                double diff = relativeDifference(dist.solution(), local.solution());
                assertTrue(diff <= 1e-9, kind + ": x differs by " + diff + " (cond·eps ≈ 4e-12 per step)");
            }
        } finally {
            da.unpersist();
        }
    }

    @Test
    void whatNeedsTheWholeMatrixIsRefusedInOneSentence() throws IOException {
        CsrMatrix a = DistributedCsrMatrixTest.real("small/nos4.mtx");
        DistributedCsrMatrix da = DistributedCsrMatrix.fromLocal(sc, a, 2);
        double[] b = new double[a.rows()];
        try {
            IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                    () -> DistributedSolvers.solve(da, b, SolverMethod.CHOLESKY, null, null));
            assertTrue(direct.getMessage().startsWith("Cholesky is a direct factorization"), direct.getMessage());
            IllegalArgumentException ilu = assertThrows(IllegalArgumentException.class,
                    () -> DistributedSolvers.solve(da, b, SolverMethod.GMRES, PreconditionerKind.ILU0, null));
            assertTrue(ilu.getMessage().contains("use jacobi or none"), ilu.getMessage());
            IllegalArgumentException qr = assertThrows(IllegalArgumentException.class,
                    () -> DistributedSolvers.leastSquares(da, b,
                            LeastSquaresOptions.defaults().withMethod(LeastSquaresMethod.QR)));
            assertTrue(qr.getMessage().startsWith("dense QR needs the whole matrix"), qr.getMessage());
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> DistributedSolvers.solve(da, new double[3], SolverMethod.CG, null, null));
            assertTrue(shape.getMessage().contains("100"), shape.getMessage());
        } finally {
            da.unpersist();
        }
    }
}
