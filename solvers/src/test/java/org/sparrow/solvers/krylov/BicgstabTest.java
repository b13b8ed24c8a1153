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
import static org.sparrow.solvers.krylov.KrylovTestSupport.filled;
import static org.sparrow.solvers.krylov.KrylovTestSupport.load;
import static org.sparrow.solvers.krylov.KrylovTestSupport.norm;
import static org.sparrow.solvers.krylov.KrylovTestSupport.random;
import static org.sparrow.solvers.krylov.KrylovTestSupport.relativeError;
import static org.sparrow.solvers.krylov.KrylovTestSupport.trueRelativeResidual;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.krylov.KrylovTestSupport.CountingOperator;

class BicgstabTest {

    /**
     * Nonsymmetric matrices of the suite; the bound on the forward error is κ₂·(relative residual +
     * 1e-13) as in {@link CgTest} (κ₂ from numpy.linalg.cond).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cage5,    15.4",
        "cage8,    11.4",
        "bfwa62,   553",
        "pores_1,  1.81e6",
        "orsirr_1, 7.71e4",
    })
    void bicgstabConvergesOnNonsymmetricSuiteMatricesAndAgreesWithTheDenseSolve(String name, double cond) {
        CsrMatrix a = load(name);
        double[] b = random(a.rows(), 11);
        double tol = 1e-10;
        CountingOperator counted = new CountingOperator(a);
        SolverResult r = Bicgstab.solve(counted, b, null, SolverOptions.defaults().withRelativeTolerance(tol));
        assertTrue(r.converged(), r.verdict(tol));
        double rel = trueRelativeResidual(a, b, r.solution());
        assertTrue(rel <= tol, "true relative residual " + rel);
        double err = relativeError(r.solution(), denseSolve(a, b));
        assertTrue(err <= cond * (rel + 1e-13), "forward error " + err);
        // two products per iteration, one for the true residual at the end (maybe one fewer at a half step)
        assertTrue(counted.applies <= 2 * r.iterations() + 1, counted.applies + " products for " + r.iterations());
    }

    @Test
    void rightJacobiPreconditioningCutsTheIterationsOnSherman5() {
        CsrMatrix a = load("sherman5");
        double[] b = a.apply(filled(a.cols(), 1.0));
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-8);
        SolverResult plain = Bicgstab.solve(a, b, null, o);
        SolverResult pre = Bicgstab.solve(a, b, absJacobi(a), o);
        assertTrue(pre.converged(), pre.verdict(1e-8));
        assertTrue(pre.relativeResidual() <= 1e-8, "right preconditioning keeps the true residual: " + pre.relativeResidual());
        assertTrue(pre.iterations() * 3 < plain.iterations(), pre.iterations() + " vs " + plain.iterations());
    }

    /** A well-conditioned random matrix of order 30 whose row 7 is zero: singular, range = {y : y₇ = 0}. */
    private static CsrMatrix zeroRow() {
        Random rnd = new Random(1);
        int n = 30;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextGaussian() / Math.sqrt(n);
            }
            a[i][i] += 3.0;
        }
        Arrays.fill(a[7], 0.0);
        return dense(a);
    }

    @Test
    void onASingularMatrixACompatibleRightHandSideConverges() {
        CsrMatrix a = zeroRow();
        double[] b = a.apply(random(30, 2)); // b₇ = 0: b is in the range
        SolverResult r = Bicgstab.solve(a, b, null, SolverOptions.defaults().withRelativeTolerance(1e-10));
        assertTrue(r.converged(), r.verdict(1e-10));
        assertTrue(trueRelativeResidual(a, b, r.solution()) <= 1e-10);
    }

    @Test
    void onASingularMatrixARightHandSideOrthogonalToTheRangeBreaksDownAtOnce() {
        double[] b = new double[30];
        b[7] = 1.0; // r̂ = b = e₇ and v = A·e₇ has v₇ = 0: (r̂, v) = 0 exactly
        SolverResult r = Bicgstab.solve(zeroRow(), b, null, SolverOptions.defaults());
        assertFalse(r.converged());
        assertEquals(StopReason.BREAKDOWN, r.reason());
        assertTrue(r.detail().startsWith("(r̂, v) = 0.00 vanished at iteration 1"), r.detail());
        assertEquals(1.0, r.relativeResidual());
    }

    @Test
    void onASingularMatrixAnIncompatibleRightHandSideIsNeverReportedConverged() {
        CsrMatrix a = zeroRow();
        double[] b = random(30, 3);
        SolverResult r = Bicgstab.solve(a, b, null, SolverOptions.defaults());
        assertFalse(r.converged(), r.verdict(1e-8));
        assertTrue(Set.of(StopReason.STAGNATION, StopReason.BREAKDOWN).contains(r.reason()), r.reason() + ": " + r.detail());
        assertFalse(r.detail().isEmpty());
        // (A·x)₇ = 0 for every x, so ‖b − A·x‖ ≥ |b₇| whatever the method did
        assertTrue(r.relativeResidual() >= Math.abs(b[7]) / norm(b));
    }
}
