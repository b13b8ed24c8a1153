package org.sparrow.solvers.krylov;

import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.krylov.KrylovTestSupport.absJacobi;
import static org.sparrow.solvers.krylov.KrylovTestSupport.denseSolve;
import static org.sparrow.solvers.krylov.KrylovTestSupport.diagonal;
import static org.sparrow.solvers.krylov.KrylovTestSupport.diagonalPreconditioner;
import static org.sparrow.solvers.krylov.KrylovTestSupport.filled;
import static org.sparrow.solvers.krylov.KrylovTestSupport.load;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.relativeError;
import static org.sparrow.solvers.krylov.KrylovTestSupport.trueRelativeResidual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.CsrMatrix;

class CgTest {

    /**
     * SPD matrices of the shared suite (MANIFEST: spd = yes). The oracle is EJML's dense LU. Since
     * x − x* = A⁻¹(b − A·x), the forward error obeys ‖x − x*‖/‖x*‖ ≤ κ₂(A)·‖b − A·x‖/‖b‖; the LU
     * solution itself is off by about κ₂·n·ε ≤ κ₂·1e-13 for these n. κ₂ was computed with
     * numpy.linalg.cond (2-norm) on each file.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "nos4,          1.58e3",
        "bcsstk02,      4.32e3",
        "gr_30_30,      195",
        "Trefethen_20b, 30.4",
        "LF10,          3.86e6",
        "bcsstm22,      941",
        "bcsstk05,      1.43e4",
        "494_bus,       2.42e6",
    })
    void cgConvergesOnSpdSuiteMatricesAndAgreesWithTheDenseSolve(String name, double cond) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 11);
        double tol = 1e-10;
        SolverResult r = Cg.solve(a, b, null, SolverOptions.defaults().withRelativeTolerance(tol));
        assertTrue(r.converged(), r.verdict(tol));
        double rel = trueRelativeResidual(a, b, r.solution());
        assertTrue(rel <= tol, "true relative residual " + rel);
        double err = relativeError(r.solution(), denseSolve(a, b));
        assertTrue(err <= cond * (rel + 1e-13), "forward error " + err + " vs bound " + cond * (rel + 1e-13));
    }

    /**
     * In exact arithmetic CG on a matrix with k distinct eigenvalues finds x after k iterations (the
     * Krylov space has dimension k: finite termination, Hestenes and Stiefel 1952), and not before, since no
     * polynomial of degree k − 1 with p(0) = 1 vanishes at k distinct points. Eigenvalues 1 + j², j < k,
     * repeated over n = 97, a random b (all components nonzero).
     */
    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void cgOnADiagonalWithKDistinctEigenvaluesTakesExactlyKIterations(int k) {
        double[] d = new double[97];
        for (int i = 0; i < d.length; i++) {
            int j = i % k;
            d[i] = 1.0 + j * j;
        }
        double[] b = random(97, 3);
        SolverResult r = Cg.solve(diagonal(d), b, null, SolverOptions.defaults().withRelativeTolerance(1e-12));
        assertTrue(r.converged(), r.verdict(1e-12));
        assertEquals(k, r.iterations());
        assertTrue(r.relativeResidual() <= 1e-12);
    }

    @Test
    void cgOnAnIndefiniteMatrixReportsBreakdownNamingTheCurvature() {
        // bᵀAb = 1 − 4 = −3 < 0: the very first direction has negative curvature.
        SolverResult r = Cg.solve(diagonal(new double[] {1, -4}), new double[] {1, 1}, null, SolverOptions.defaults());
        assertFalse(r.converged());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("non-positive curvature pᵀAp = -3.00 at iteration 1"), r.detail());
        assertTrue(r.detail().contains("not positive definite"), r.detail());
        assertEquals(0, r.iterations());
        assertEquals(1.0, r.relativeResidual(), "x stays 0: nothing was computed that could be trusted");

        // jazz: symmetric with 132 negative eigenvalues (MANIFEST: not SPD).
        CsrMatrix jazz = load("jazz");
        r = Cg.solve(jazz, random(jazz.rows(), 5), null, SolverOptions.defaults());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("curvature"), r.detail());
        assertTrue(Double.isFinite(r.relativeResidual()));

        // sherman1: symmetric negative definite: pᵀAp < 0 at once.
        CsrMatrix sherman1 = load("sherman1");
        r = Cg.solve(sherman1, sherman1.apply(filled(1000, 1.0)), null, SolverOptions.defaults());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("curvature") && r.detail().contains("iteration 1"), r.detail());
    }

    @Test
    void cgWithAnIndefinitePreconditionerReportsBreakdown() {
        CsrMatrix a = load("nos4");
        SolverResult r = Cg.solve(a, random(100, 2), diagonalPreconditioner(filled(100, -1.0)), SolverOptions.defaults());
        assertFalse(r.converged());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("rᵀM⁻¹r") && r.detail().contains("not positive definite"), r.detail());
        assertEquals(PreconditionerKind.CUSTOM, r.preconditioner());
    }

    /** Jacobi (here a test-local diagonal M) must pay off on these badly scaled structural matrices. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bcsstk05, 1.43e4", "662_bus, 7.94e5"})
    void jacobiPreconditionedCgNeedsFewerIterationsAndGivesTheSameSolution(String name, double cond) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 13);
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-10);
        SolverResult plain = Cg.solve(a, b, null, o);
        SolverResult pre = Cg.solve(a, b, absJacobi(a), o);
        assertTrue(plain.converged() && pre.converged());
        assertTrue(pre.iterations() < plain.iterations(), pre.iterations() + " vs " + plain.iterations());
        assertTrue(pre.relativeResidual() <= 1e-10, "the true, unpreconditioned residual: " + pre.relativeResidual());
        double err = relativeError(pre.solution(), denseSolve(a, b));
        assertTrue(err <= cond * (pre.relativeResidual() + 1e-13), "forward error " + err);
    }
}
