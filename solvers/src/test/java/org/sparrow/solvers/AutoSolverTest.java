package org.sparrow.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;
import org.sparrow.testing.SharedData;

class AutoSolverTest {

    /** A matrix of the shared collection; skips the test (CI: fails it) when it is absent. */
    private static CsrMatrix shared(String file) throws IOException {
        return MatrixMarket.readCsr(SharedData.file(file));
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        return x;
    }

    /** ‖b − A·x‖/‖b‖ by plain loops over the dense form (an oracle that shares nothing with the solvers). */
    private static double trueRelativeResidual(CsrMatrix a, double[] x, double[] b) {
        DenseMatrix d = a.toDense();
        double rr = 0;
        double bb = 0;
        for (int i = 0; i < a.rows(); i++) {
            double s = b[i];
            for (int j = 0; j < a.cols(); j++) {
                s -= d.get(i, j) * x[j];
            }
            rr += s * s;
            bb += b[i] * b[i];
        }
        return Math.sqrt(rr / bb);
    }

    private static CsrMatrix dense(double[][] rows) {
        return DenseMatrix.of(rows).toCsr();
    }

    @Test
    void choosesCgWithIc0ForSymmetricWithPositiveDiagonal() {
        AutoSolver.Choice c = AutoSolver.choose(dense(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}));
        assertEquals("cg", c.method());
        assertEquals("ic0", c.preconditioner());
        assertTrue(c.reason().contains("symmetric") && c.reason().contains("positive diagonal"), c.reason());
    }

    @Test
    void choosesMinresForSymmetricWithZeroOrNegativeDiagonal() {
        AutoSolver.Choice c = AutoSolver.choose(dense(new double[][] {{0, 1}, {1, 0}}));
        assertEquals("minres", c.method());
        assertEquals("none", c.preconditioner());
        assertTrue(c.reason().contains("A(1, 1)"), c.reason());
        assertEquals("minres", AutoSolver.choose(dense(new double[][] {{2, 1}, {1, -3}})).method());
    }

    @Test
    void choosesGmresWithIlu0ForNonsymmetric() {
        AutoSolver.Choice c = AutoSolver.choose(dense(new double[][] {{2, 1}, {0, 2}}));
        assertEquals("gmres", c.method());
        assertEquals("ilu0", c.preconditioner());
        assertTrue(c.reason().contains("not symmetric"), c.reason());
    }

    @Test
    void choosesLsqrForRectangular() {
        AutoSolver.Choice c = AutoSolver.choose(dense(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        assertEquals("lsqr", c.method());
        assertEquals("none", c.preconditioner());
        assertTrue(c.reason().contains("3×2"), c.reason());
    }

    @Test
    void autoPicksFromRealMatricesOfEachKind() throws IOException {
        assertEquals("cg", AutoSolver.choose(shared("small/1138_bus.mtx")).method());
        assertEquals("ic0", AutoSolver.choose(shared("small/1138_bus.mtx")).preconditioner());
        assertEquals("minres", AutoSolver.choose(shared("small/sherman1.mtx")).method()); // symmetric, negative diagonal
        AutoSolver.Choice nonsym = AutoSolver.choose(shared("small/orsirr_1.mtx"));
        assertEquals("gmres", nonsym.method());
        assertEquals("ilu0", nonsym.preconditioner());
        assertEquals("lsqr", AutoSolver.choose(shared("small/illc1033.mtx")).method()); // 1033 × 320
    }

    @Test
    void autoSolvesAnSpdMatrixWithCgAndIc0ToTheTolerance() throws IOException {
        CsrMatrix a = shared("small/1138_bus.mtx");
        double[] b = a.apply(ones(a.cols()));
        AutoSolver.Solution s = AutoSolver.solve(a, b, "auto", null, SolverOptions.defaults());
        SolverResult r = s.result();
        assertEquals("cg", r.method());
        assertEquals("ic0", r.preconditioner());
        assertNull(s.fallback());
        assertTrue(r.converged(), r.verdict(1e-8));
        assertTrue(r.relativeResidual() <= 1e-8, r.verdict(1e-8));
        assertEquals(trueRelativeResidual(a, r.solution(), b), r.relativeResidual(), 1e-10);
        assertTrue(s.setupSeconds() >= 0);
    }

    @Test
    void autoSolvesANonsymmetricMatrixWithGmresAndIlu0() throws IOException {
        CsrMatrix a = shared("small/orsirr_1.mtx");
        double[] b = a.apply(ones(a.cols()));
        SolverResult r = AutoSolver.solve(a, b, "auto", null, SolverOptions.defaults()).result();
        assertEquals("gmres", r.method());
        assertTrue(r.converged(), r.verdict(1e-8));
        assertTrue(trueRelativeResidual(a, r.solution(), b) <= 1e-8, r.verdict(1e-8));
    }

    @Test
    void explicitMethodsAgreeWithTheDirectSolve() throws IOException {
        CsrMatrix a = shared("small/bcsstk08.mtx");
        double[] b = a.apply(ones(a.cols()));
        double[] direct = AutoSolver.solve(a, b, "cholesky", null, null).result().solution();
        for (String[] mp : new String[][] {{"cg", "jacobi"}, {"cg", "ssor"}, {"minres", "jacobi"}, {"gmres", "ilu0"}}) {
            SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-10);
            SolverResult r = AutoSolver.solve(a, b, mp[0], mp[1], o).result();
            assertEquals(mp[0], r.method());
            assertEquals(mp[1], r.preconditioner());
            assertTrue(r.converged(), mp[0] + "+" + mp[1] + ": " + r.verdict(1e-10));
            double err = 0;
            for (int i = 0; i < direct.length; i++) {
                err = Math.max(err, Math.abs(r.solution()[i] - direct[i]));
            }
            assertTrue(err < 1e-3, mp[0] + "+" + mp[1] + " differs from Cholesky by " + err);
        }
    }

    @Test
    void autoFallsBackToMinresWhenCgBreaksDown() {
        // Symmetric, positive diagonal, indefinite (tridiagonal 1, 2, 1: eigenvalues 1 + 4cos(kπ/(n+1)) of both
        // signs): auto picks CG + IC(0), CG meets negative curvature, MINRES + Jacobi finishes the job.
        int n = 40;
        CooMatrix.Builder t = CooMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, i, 1.0);
            if (i + 1 < n) {
                t.add(i, i + 1, 2.0);
                t.add(i + 1, i, 2.0);
            }
        }
        CsrMatrix a = t.build().toCsr();
        double[] b = new double[n];
        Random rnd = new Random(42);
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextGaussian();
        }
        AutoSolver.Solution s = AutoSolver.solve(a, b, "auto", null, SolverOptions.defaults());
        assertEquals("cg", s.choice().method());
        assertNotNull(s.fallback(), "expected a fallback, got " + s.result().verdict(1e-8));
        assertTrue(s.fallback().contains("MINRES"), s.fallback());
        assertEquals("minres", s.result().method());
        assertEquals("jacobi", s.result().preconditioner());
        assertTrue(s.result().converged(), s.result().verdict(1e-8));
        assertTrue(trueRelativeResidual(a, s.result().solution(), b) <= 1e-7);
    }

    @Test
    void explicitCgOnAnIndefiniteMatrixReportsTheBreakdownWithoutFallback() {
        CsrMatrix a = dense(new double[][] {{1, 2, 0}, {2, 1, 2}, {0, 2, 1}});
        AutoSolver.Solution s = AutoSolver.solve(a, new double[] {1, -1, 2}, "cg", "none", null);
        assertNull(s.fallback());
        assertEquals(StopReason.BREAKDOWN, s.result().reason());
    }

    @Test
    void zeroRightHandSideGivesZeroAtOnce() {
        CsrMatrix a = dense(new double[][] {{4, 1}, {1, 3}});
        for (String m : new String[] {"auto", "cg", "gmres", "bicgstab", "minres", "lsqr", "cholesky", "lu"}) {
            SolverResult r = AutoSolver.solve(a, new double[2], m, null, null).result();
            assertTrue(r.converged(), m);
            assertEquals(0, r.iterations(), m);
            assertEquals(0.0, r.relativeResidual(), m);
            assertArrayEquals(new double[2], r.solution(), m);
        }
    }

    @Test
    void rectangularLeastSquaresByLsqr() {
        CsrMatrix a = dense(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        double[] b = {1, 2, 3.5};
        AutoSolver.Solution s = AutoSolver.solve(a, b, null, null, null);
        assertEquals("lsqr", s.result().method());
        assertTrue(s.result().converged(), s.result().verdict(1e-8));
        // normal equations [[2,1],[1,2]] x = [4.5, 5.5]  →  x = (7/6, 13/6)
        assertArrayEquals(new double[] {7.0 / 6, 13.0 / 6}, s.result().solution(), 1e-6);
    }

    @Test
    void refusesNonFiniteInputNamingTheFirstBadEntry() {
        CsrMatrix a = dense(new double[][] {{4, 1, 0}, {1, Double.NaN, 0}, {0, 0, Double.POSITIVE_INFINITY}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(a, new double[] {1, 1, 1}, "auto", null, null));
        assertTrue(e.getMessage().contains("(2, 2)") && e.getMessage().contains("NaN"), e.getMessage());
        CsrMatrix ok = dense(new double[][] {{4, 1}, {1, 3}});
        e = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(ok, new double[] {1, Double.NEGATIVE_INFINITY}, "cg", null, null));
        assertTrue(e.getMessage().contains("entry 2") && e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void refusesWrongLengthsShapesNamesAndCombinations() {
        CsrMatrix sq = dense(new double[][] {{4, 1}, {1, 3}});
        CsrMatrix rect = dense(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        String m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(sq, new double[3], "cg", null, null)).getMessage();
        assertTrue(m.contains("3 entries") && m.contains("2 rows"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(rect, new double[] {1, 1, 1}, "cg", null, null)).getMessage();
        assertTrue(m.contains("square") && m.contains("3×2"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(sq, new double[] {1, 1}, "lsqr", "jacobi", null)).getMessage();
        assertTrue(m.contains("no preconditioner"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(sq, new double[] {1, 1}, "cholesky", "ic0", null)).getMessage();
        assertTrue(m.contains("direct"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(sq, new double[] {1, 1}, "sor", null, null)).getMessage();
        assertTrue(m.contains("unknown method 'sor'"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> AutoSolver.solve(sq, new double[] {1, 1}, "cg", "ilut", null)).getMessage();
        assertTrue(m.contains("unknown preconditioner 'ilut'"), m);
    }

    @Test
    void autoWithAnExplicitPreconditionerKeepsTheMethodAndSaysSo() {
        CsrMatrix a = dense(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}});
        AutoSolver.Solution s = AutoSolver.solve(a, new double[] {1, 2, 3}, "auto", "jacobi", null);
        assertEquals("cg", s.choice().method());
        assertEquals("jacobi", s.choice().preconditioner());
        assertEquals("jacobi", s.result().preconditioner());
        assertTrue(s.choice().reason().contains("jacobi as asked"), s.choice().reason());
    }
}
