package org.sparrow.solvers.krylov;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.krylov.KrylovTestSupport.absJacobi;
import static org.sparrow.solvers.krylov.KrylovTestSupport.dense;
import static org.sparrow.solvers.krylov.KrylovTestSupport.denseSolve;
import static org.sparrow.solvers.krylov.KrylovTestSupport.diagonal;
import static org.sparrow.solvers.krylov.KrylovTestSupport.diagonalPreconditioner;
import static org.sparrow.solvers.krylov.KrylovTestSupport.filled;
import static org.sparrow.solvers.krylov.KrylovTestSupport.load;
import static org.sparrow.solvers.krylov.KrylovTestSupport.norm;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.relativeError;
import static org.sparrow.solvers.krylov.KrylovTestSupport.trueRelativeResidual;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparrow.core.CsrMatrix;

class MinresTest {

    /**
     * Symmetric indefinite (jazz: 132 negative eigenvalues; e05r0000: stored as general but exactly
     * symmetric, 74 negative eigenvalues) and negative definite (sherman1) suite matrices; SPD nos4 for
     * good measure. Forward-error bound κ₂·(relative residual + 1e-13), κ₂ from numpy.linalg.cond.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "jazz,     3.01e3",
        "sherman1, 1.56e4",
        "e05r0000, 3.42e4",
        "nos4,     1.58e3",
    })
    void minresConvergesOnSymmetricSuiteMatricesAndAgreesWithTheDenseSolve(String name, double cond) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 17);
        double tol = 1e-10;
        SolverResult r = Minres.solve(a, b, null, SolverOptions.defaults().withRelativeTolerance(tol));
        assertTrue(r.converged(), r.verdict(tol));
        double rel = trueRelativeResidual(a, b, r.solution());
        assertTrue(rel <= tol, "true relative residual " + rel);
        double err = relativeError(r.solution(), denseSolve(a, b));
        assertTrue(err <= cond * (rel + 1e-13), "forward error " + err);
    }

    /**
     * The 1-D Laplacian tridiag(−1, 2, −1) of order 201 shifted by −1.31: eigenvalues
     * 2 − 2cos(jπ/202) − 1.31, j = 1 … 201, 78 of them negative; the nearest to 0 is 1.03e-2 away and
     * κ₂ = 262 (closed form, evaluated with numpy). CG breaks down on it, MINRES converges.
     */
    @Test
    void minresSolvesAnIndefiniteShiftedLaplacianWhereCgBreaksDown() {
        int n = 201;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            t[i][i] = 2.0 - 1.31;
            if (i > 0) {
                t[i][i - 1] = -1.0;
            }
            if (i + 1 < n) {
                t[i][i + 1] = -1.0;
            }
        }
        CsrMatrix a = dense(t);
        double[] b = random(n, 4);
        SolverResult r = Minres.solve(a, b, null, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        assertTrue(r.relativeResidual() <= 1e-10);
        assertTrue(relativeError(r.solution(), denseSolve(a, b)) <= 262 * (r.relativeResidual() + 1e-13));
        assertEquals(StopReason.BREAKDOWN, Cg.solve(a, b, null, SolverOptions.defaults()).reason());
    }

    /**
     * With M = diag(|aᵢᵢ|) (SPD even though A is not), MINRES minimizes in the M⁻¹-norm; the claim is
     * checked against the 2-norm, which the result reports and which must meet the tolerance.
     */
    @Test
    void preconditionedMinresMeetsTheToleranceInTheTrueNormWithFewerIterations() {
        CsrMatrix a = load("sherman1");
        double[] b = random(a.rows(), 19);
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-10);
        SolverResult plain = Minres.solve(a, b, null, o);
        SolverResult pre = Minres.solve(a, b, absJacobi(a), o);
        assertTrue(plain.converged() && pre.converged(), pre.verdict(1e-10));
        assertTrue(trueRelativeResidual(a, b, pre.solution()) <= 1e-10);
        assertTrue(pre.iterations() < plain.iterations(), pre.iterations() + " vs " + plain.iterations());
        assertTrue(relativeError(pre.solution(), denseSolve(a, b)) <= 1.56e4 * (pre.relativeResidual() + 1e-13));
    }

    @Test
    void anIndefinitePreconditionerIsABreakdown() {
        CsrMatrix a = load("jazz");
        double[] d = filled(a.rows(), 1.0);
        d[3] = -1.0; // M = diag(1, 1, 1, −1, 1, …): not positive definite
        SolverResult r = Minres.solve(a, random(a.rows(), 2), diagonalPreconditioner(d), SolverOptions.defaults());
        assertFalse(r.converged());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("symmetric positive definite preconditioner"), r.detail());
    }

    @Test
    void onASingularMatrixACompatibleRightHandSideConverges() {
        double[] d = new double[61];
        for (int i = 0; i < d.length; i++) {
            d[i] = i - 20; // eigenvalue 0 at i = 20, both signs around it
        }
        double[] b = random(61, 5);
        b[20] = 0.0; // b ⟂ null space: in the range
        SolverResult r = Minres.solve(diagonal(d), b, null, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        assertTrue(r.relativeResidual() <= 1e-10);
    }

    @Test
    void onASingularMatrixAnIncompatibleRightHandSideIsNeverReportedConverged() {
        // diag(1, 2, 0), b = 1: the Krylov space is invariant after 3 steps and A is singular on it
        SolverResult r = Minres.solve(diagonal(new double[] {1, 2, 0}), filled(3, 1.0), null, SolverOptions.defaults());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("singular"), r.detail());
        assertEquals(1.0 / Math.sqrt(3.0), r.relativeResidual(), 1e-12, "x is the least-squares solution");

        double[] d = new double[61];
        for (int i = 0; i < d.length; i++) {
            d[i] = i - 20;
        }
        double[] b = random(61, 5);
        r = Minres.solve(diagonal(d), b, null, SolverOptions.defaults());
        assertFalse(r.converged(), r.verdict(1e-8));
        assertTrue(Set.of(StopReason.STAGNATION, StopReason.BREAKDOWN).contains(r.reason()), r.reason() + ": " + r.detail());
        assertTrue(r.relativeResidual() >= Math.abs(b[20]) / norm(b));
    }
}
