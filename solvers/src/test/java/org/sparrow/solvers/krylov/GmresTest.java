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
import static org.sparrow.solvers.krylov.KrylovTestSupport.filled;
import static org.sparrow.solvers.krylov.KrylovTestSupport.load;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.relativeError;
import static org.sparrow.solvers.krylov.KrylovTestSupport.trueRelativeResidual;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.krylov.KrylovTestSupport.CountingOperator;

class GmresTest {

    /** Forward-error bound κ₂·(relative residual + 1e-13) as in {@link CgTest}; κ₂ from numpy.linalg.cond. */
    @ParameterizedTest(name = "{0}, restart {2}, re-orthogonalize {3}")
    @CsvSource({
        "cage5,    15.4,   50, false",
        "cage8,    11.4,   50, false",
        "cage8,    11.4,   50, true",
        "bfwa62,   553,    50, false",
        "bfwa62,   553,    20, true",
        "pores_1,  1.81e6, 50, false",
        "west0067, 130,    67, false",
        "west0067, 130,    67, true",
    })
    void gmresConvergesAndAgreesWithTheDenseSolve(String name, double cond, int restart, boolean reorth) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 11);
        double tol = 1e-10;
        SolverResult r = Gmres.solve(a, b, null,
                SolverOptions.defaults().withRelativeTolerance(tol).withRestart(restart).withReorthogonalize(reorth));
        assertTrue(r.converged(), r.verdict(tol));
        double rel = trueRelativeResidual(a, b, r.solution());
        assertTrue(rel <= tol, "true relative residual " + rel);
        double err = relativeError(r.solution(), denseSolve(a, b));
        assertTrue(err <= cond * (rel + 1e-13), "forward error " + err);
    }

    /**
     * Full GMRES (restart = n) terminates in at most n steps in exact arithmetic; on west0067 it does
     * in floating point as well, while GMRES(50) makes no progress there (as scipy's does not) and
     * says so instead of running to the limit.
     */
    @Test
    void theRestartLengthDecidesBetweenConvergenceAndStagnationOnWest0067() {
        CsrMatrix a = load("west0067");
        double[] b = a.apply(filled(67, 1.0));
        SolverResult full = Gmres.solve(a, b, null, SolverOptions.defaults().withRestart(67));
        assertTrue(full.converged(), full.verdict(1e-8));
        assertTrue(full.iterations() <= 67, "finite termination: " + full.iterations());

        SolverResult restarted = Gmres.solve(a, b, null, SolverOptions.defaults().withRestart(50));
        assertFalse(restarted.converged());
        assertEquals(StopReason.STAGNATION, restarted.reason());
        assertTrue(restarted.detail().contains("GMRES(50) made no progress over a full restart cycle"), restarted.detail());
    }

    /**
     * The cyclic shift S (S·eᵢ = eᵢ₊₁ mod n) with b = e₁ is the classic example where every Krylov
     * space of dimension < n contains no better point than x = 0: GMRES(m) with m < n stagnates after
     * one cycle, GMRES(n) solves it in exactly n steps.
     */
    @Test
    void gmresOnTheCyclicShiftStagnatesUnlessTheRestartIsN() {
        int n = 10;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            s[(i + 1) % n][i] = 1.0;
        }
        CsrMatrix shift = dense(s);
        double[] e1 = new double[n];
        e1[0] = 1.0;
        SolverResult r = Gmres.solve(shift, e1, null, SolverOptions.defaults().withRestart(5));
        assertEquals(StopReason.STAGNATION, r.reason());
        assertEquals(5, r.iterations());
        assertEquals(1.0, r.relativeResidual(), 1e-15);
        r = Gmres.solve(shift, e1, null, SolverOptions.defaults().withRestart(10));
        assertTrue(r.converged());
        assertEquals(10, r.iterations());
    }

    /** Three distinct eigenvalues: the Krylov space is invariant after 3 steps (happy breakdown = convergence). */
    @Test
    void aHappyBreakdownIsConvergence() {
        double[] d = new double[50];
        for (int i = 0; i < d.length; i++) {
            d[i] = new double[] {1, 4, 9}[i % 3];
        }
        SolverResult r = Gmres.solve(diagonal(d), random(50, 7), null, SolverOptions.defaults().withRelativeTolerance(1e-12));
        assertTrue(r.converged(), r.verdict(1e-12));
        assertEquals(3, r.iterations());
        assertTrue(r.relativeResidual() <= 1e-12);
    }

    /** diag(1, 2, 0), b = (1, 1, 1): the Krylov space is all of R³, A is singular on it, b₃ is out of reach. */
    @Test
    void anInvariantSpaceOnWhichAIsSingularIsABreakdown() {
        SolverResult r = Gmres.solve(diagonal(new double[] {1, 2, 0}), filled(3, 1.0), null, SolverOptions.defaults());
        assertFalse(r.converged());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().contains("singular"), r.detail());
        assertEquals(1.0 / Math.sqrt(3.0), r.relativeResidual(), 1e-12, "the least-squares residual |b₃|/‖b‖");
    }

    /**
     * The inner iterations are counted across cycles, and the rotated right-hand side is an estimate of
     * the true residual, with no extra product (one product per step, plus one per cycle for the
     * true residual at its start).
     */
    @Test
    void iterationsCountInnerStepsAndTheEstimateMatchesTheTrueResidual() {
        CsrMatrix a = load("orsirr_1");
        double[] b = a.apply(filled(a.cols(), 1.0));
        CountingOperator counted = new CountingOperator(a);
        SolverResult r = Gmres.solve(counted, b, null, SolverOptions.defaults().withRestart(10).withMaxIterations(95));
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(95, r.iterations());
        assertEquals(96, r.residualHistory().length);
        assertEquals(95 + 10, counted.applies, "95 steps, 10 cycle starts after the first (x₀ = 0 needs none)");
        double last = r.residualHistory()[95];
        assertEquals(r.relativeResidual(), last, 1e-6 * last, "|g| of the last step vs the true ‖b − A·x‖/‖b‖");
    }

    @Test
    void rightPreconditioningKeepsTheTrueResidualAndCutsIterations() {
        CsrMatrix a = load("orsirr_1");
        double[] b = a.apply(filled(a.cols(), 1.0));
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-8);
        SolverResult plain = Gmres.solve(a, b, null, o);
        SolverResult pre = Gmres.solve(a, b, absJacobi(a), o);
        assertTrue(plain.converged() && pre.converged());
        assertTrue(pre.relativeResidual() <= 1e-8, "the unpreconditioned residual: " + pre.relativeResidual());
        assertTrue(pre.iterations() * 3 < plain.iterations(), pre.iterations() + " vs " + plain.iterations());
    }
}
