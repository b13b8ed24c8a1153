package org.sparrow.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.precond.IlukOptions;
import org.sparrow.solvers.precond.IlutOptions;
import org.sparrow.solvers.precond.PreconditionerView;
import org.sparrow.testing.SharedData;

/**
 * {@link AutoSolver}'s initial guess, several right-hand sides, preconditioner parameters and view: each
 * checked against the true residual recomputed densely, and against the plain solve.
 */
class AutoSolverOptionsTest {

    private static CsrMatrix shared(String file) throws IOException {
        return MatrixMarket.readCsr(SharedData.file(file));
    }

    private static double[] random(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 2 - 1;
        }
        return x;
    }

    /** ‖b − A·x‖/‖b‖ over the dense form. */
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

    @Test
    void aGoodInitialGuessSavesIterationsAndTheResidualStaysRelativeToB() throws IOException {
        CsrMatrix a = shared("small/sherman5.mtx");
        double[] xs = random(1, a.cols());
        double[] b = a.apply(xs);
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-8);
        AutoSolver.Solution cold = AutoSolver.solve(a, b, null, SolverMethod.GMRES, PreconditionerKind.ILU0, null, o);
        double[] x0 = xs.clone();
        Random r = new Random(2);
        for (int i = 0; i < x0.length; i++) {
            x0[i] += 1e-4 * (r.nextDouble() - 0.5);
        }
        List<double[]> seen = new ArrayList<>();
        AutoSolver.Solution warm = AutoSolver.solve(a, b, x0, SolverMethod.GMRES, PreconditionerKind.ILU0, null,
                o.withListener((it, rel) -> seen.add(new double[] {it, rel})));
        SolverResult w = warm.result();
        assertTrue(w.converged(), w.verdict(1e-8));
        assertTrue(w.iterations() < cold.result().iterations(), w.iterations() + " vs " + cold.result().iterations());
        double rel = trueRelativeResidual(a, w.solution(), b);
        assertEquals(rel, w.relativeResidual(), 1e-12 + 1e-6 * rel);
        assertTrue(rel <= 1e-8 * 1.01, "true residual " + rel);
        assertTrue(w.residualHistory()[0] < 1e-3, "history starts at ‖r₀‖/‖b‖, got " + w.residualHistory()[0]);
        assertTrue(!seen.isEmpty() && seen.get(seen.size() - 1)[1] <= 1e-8 * 1.01, "listener sees ‖r‖/‖b‖");

        AutoSolver.Solution exact = AutoSolver.solve(a, b, xs, SolverMethod.GMRES, null, null, o);
        assertEquals(0, exact.result().iterations());
        assertTrue(exact.result().converged());
    }

    @Test
    void initialGuessWorksForCgAndLsqrAndIsRefusedWithDampingOrWrongLength() throws IOException {
        CsrMatrix spd = shared("small/nos4.mtx");
        double[] b = spd.apply(random(3, spd.cols()));
        double[] x0 = random(4, spd.cols());
        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-10);
        SolverResult r = AutoSolver.solve(spd, b, x0, SolverMethod.CG, PreconditionerKind.IC0, null, o).result();
        assertTrue(r.converged() && trueRelativeResidual(spd, r.solution(), b) <= 1.01e-10, r.verdict(1e-10));

        CsrMatrix rect = shared("small/illc1033.mtx");
        double[] br = random(5, rect.rows());
        SolverResult plain = AutoSolver.solve(rect, br, SolverMethod.LSQR, null, o).result();
        SolverResult warm = AutoSolver.solve(rect, br, random(6, rect.cols()), SolverMethod.LSQR, null, null, o).result();
        assertTrue(warm.converged(), warm.verdict(1e-10));
        assertEquals(plain.relativeResidual(), warm.relativeResidual(), 1e-6 * plain.relativeResidual());

        String m = assertThrows(IllegalArgumentException.class, () -> AutoSolver.solve(rect, br, random(6, rect.cols()),
                SolverMethod.LSMR, null, null, o.withDamping(0.5))).getMessage();
        assertTrue(m.contains("initial guess") && m.contains("damping"), m);
        m = assertThrows(IllegalArgumentException.class, () -> AutoSolver.solve(spd, b, new double[3], SolverMethod.CG,
                null, null, o)).getMessage();
        assertTrue(m.contains("x0 has 3 entries") && m.contains(spd.cols() + " columns"), m);
        double[] bad = new double[spd.cols()];
        bad[4] = Double.NaN;
        m = assertThrows(IllegalArgumentException.class, () -> AutoSolver.solve(spd, b, bad, SolverMethod.CG, null, null,
                o)).getMessage();
        assertTrue(m.contains("x0(5)"), m);
    }

    @Test
    void severalRightHandSidesAreSolvedColumnByColumnWithOnePreconditionerBuild() throws IOException {
        CsrMatrix a = shared("small/orsirr_1.mtx");
        double[][] b = {a.apply(random(7, a.cols())), a.apply(random(8, a.cols())), new double[a.rows()]};
        PreconditionerOptions po = PreconditionerOptions.defaults().withIluk(new IlukOptions(2));
        List<AutoSolver.Solution> s = AutoSolver.solveColumns(a, b, null, SolverMethod.GMRES, PreconditionerKind.ILUK, po,
                SolverOptions.defaults());
        assertEquals(3, s.size());
        for (int c = 0; c < 2; c++) {
            SolverResult one = AutoSolver.solve(a, b[c], null, SolverMethod.GMRES, PreconditionerKind.ILUK, po,
                    SolverOptions.defaults()).result();
            assertEquals(one.iterations(), s.get(c).result().iterations(), "column " + (c + 1));
            assertTrue(trueRelativeResidual(a, s.get(c).result().solution(), b[c]) <= 1.01e-8);
        }
        assertTrue(s.get(0).setupSeconds() > 0);
        assertEquals(0.0, s.get(1).setupSeconds(), "the preconditioner is built once");
        assertEquals(0, s.get(2).result().iterations(), "b = 0 gives x = 0");
        PreconditionerView v = s.get(0).view();
        assertNotNull(v);
        assertEquals("ILU(2)", v.name());
        assertTrue(v.fill() > 1 && v.setupSeconds() > 0, v.summary());

        String m = assertThrows(IllegalArgumentException.class, () -> AutoSolver.solveColumns(a,
                new double[][] {b[0], new double[5]}, null, null, null, null, null)).getMessage();
        assertTrue(m.startsWith("column 2: b has 5 entries"), m);
        m = assertThrows(IllegalArgumentException.class, () -> AutoSolver.solveColumns(a, b, new double[1][], null,
                null, null, null)).getMessage();
        assertTrue(m.contains("1 columns but B has 3"), m);
    }

    @Test
    void autoReportsTheViewOfThePreconditionerThatRanAndPassesIlutParameters() throws IOException {
        CsrMatrix a = shared("small/sherman5.mtx");
        double[] b = a.apply(random(9, a.cols()));
        AutoSolver.Solution s = AutoSolver.solve(a, b, null, null, PreconditionerKind.ILUT,
                PreconditionerOptions.defaults().withIlut(new IlutOptions(1e-2, 3)), SolverOptions.defaults());
        assertEquals("ILUT(τ = 1e-02, p = 3)", s.view().name());
        assertTrue(s.view().storedNonzeros() <= 7L * a.rows());
        AutoSolver.Solution none = AutoSolver.solve(a, b, null, SolverMethod.GMRES, PreconditionerKind.NONE, null, null);
        assertNull(none.view());
    }

    @Test
    void autoPicksAmgForLarge2dDiffusionOperatorsOnlyAndSaysWhy() throws IOException {
        CsrMatrix p2 = org.sparrow.core.gen.Generators.poisson2d(200); // 40,000 rows, 5-point
        AutoSolver.Choice c = AutoSolver.choose(p2);
        assertEquals(PreconditionerKind.AMG, c.preconditioner());
        assertEquals(SolverMethod.CG, c.method());
        assertTrue(c.reason().contains("M-matrix") && c.reason().contains("multigrid"), c.reason());
        double[] ones = new double[p2.cols()];
        java.util.Arrays.fill(ones, 1.0);
        AutoSolver.Solution s = AutoSolver.solve(p2, p2.apply(ones), null, null, null);
        assertTrue(s.result().converged() && s.result().iterations() <= 15, s.result().verdict(1e-8));
        assertEquals("AMG", s.view().name().substring(0, 3));

        // too small, 3-D (7 nonzeros per row), not an M-matrix (bcsstk elasticity), a named preconditioner: IC(0)
        assertEquals(PreconditionerKind.IC0, AutoSolver.choose(org.sparrow.core.gen.Generators.poisson2d(199)).preconditioner());
        assertEquals(PreconditionerKind.IC0, AutoSolver.choose(org.sparrow.core.gen.Generators.poisson3d(20)).preconditioner());
        assertEquals(PreconditionerKind.IC0, AutoSolver.choose(shared("medium/bcsstk15.mtx.gz")).preconditioner());
        assertEquals(PreconditionerKind.IC0, AutoSolver.choose(p2, PreconditionerKind.IC0).preconditioner());
        assertTrue(AutoSolver.looksLikePdeOperator(shared("small/gr_30_30.mtx")));
        assertTrue(!AutoSolver.looksLikePdeOperator(shared("small/nos4.mtx")));
    }
}
