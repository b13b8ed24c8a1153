package org.sparrow.solvers.precond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.direct.SparseCholesky;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.krylov.Gmres;
import org.sparrow.testing.SharedData;

class AmgTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withRelativeTolerance(1e-8);

    private static int amgCgIterations(CsrMatrix a, AmgOptions o) {
        double[] b = DenseOracle.randomVector(new Random(7), a.rows());
        SolverResult r = Cg.solve(a, b, Amg.of(a, o), TIGHT);
        assertTrue(r.converged() && r.relativeResidual() <= 1e-8, r.verdict(1e-8));
        return r.iterations();
    }

    @Test
    void amgCgIterationsOnPoisson2dAreBoundedIndependentlyOfGridSize() {
        for (AmgSmoother s : AmgSmoother.values()) {
            List<Integer> its = new ArrayList<>();
            for (int n : new int[] {32, 64, 128, 256}) {
                its.add(amgCgIterations(Generators.poisson2d(n), AmgOptions.defaults().withSmoother(s)));
            }
            int min = its.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = its.stream().mapToInt(Integer::intValue).max().orElseThrow();
            // 64× more unknowns from 32² to 256²: unpreconditioned CG would need ~8× the iterations.
            assertTrue(max <= 20 && max - min <= 6, s + ": iterations " + its);
        }
    }

    @Test
    void amgCgIterationsOnPoisson3dAreBoundedIndependentlyOfGridSize() {
        List<Integer> its = new ArrayList<>();
        for (int n : new int[] {10, 20, 40}) {
            its.add(amgCgIterations(Generators.poisson3d(n), AmgOptions.defaults()));
        }
        int min = its.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = its.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max <= 20 && max - min <= 6, "iterations " + its);
    }

    @Test
    void coarseOperatorEqualsTheDenseGalerkinProductOnEveryLevel() {
        CsrMatrix a = Generators.poisson2d(24);
        Amg m = Amg.of(a, AmgOptions.defaults().withMaxCoarse(10));
        int depth = m.hierarchy().depth();
        assertTrue(depth >= 3, m.hierarchy().summary());
        for (int l = 0; l + 1 < depth; l++) {
            double[][] al =dense(m.operator(l));
            double[][] p =dense(m.prolongator(l));
            double[][] expected = DenseOracle.multiply(DenseOracle.transpose(p), DenseOracle.multiply(al, p));
            double[][] actual =dense(m.operator(l + 1));
            double scale = 0;
            for (double[] row : expected) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected.length; j++) {
                    assertEquals(expected[i][j], actual[i][j], 1e-12 * scale, "level " + (l + 1) + " entry (" + i + ", " + j + ")");
                }
            }
            assertEquals(m.operator(l + 1).rows(), m.prolongator(l).cols());
            assertEquals(m.hierarchy().levels().get(l + 1).rows(), m.prolongator(l).cols());
        }
    }

    @Test
    void prolongatorIsTheJacobiSmoothedTentativeProlongatorOfTheAggregates() {
        CsrMatrix a = Generators.poisson2d(13);
        int n = a.rows();
        int[] agg = new int[n];
        double[] abs = new double[n];
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(a.get(i, i));
            inv[i] = 1.0 / a.get(i, i);
        }
        int nc = AmgSetup.aggregate(n, a.rowPointers(), a.columnIndices(), a.values(), abs, 0.0, agg);
        int[] size = new int[nc];
        for (int i = 0; i < n; i++) {
            assertTrue(agg[i] >= 0 && agg[i] < nc, "node " + i + " is in no aggregate on a connected grid");
            size[agg[i]]++;
        }
        for (int c = 0; c < nc; c++) {
            assertTrue(size[c] >= 1 && size[c] <= 9, "aggregate " + c + " has " + size[c] + " nodes");
        }
        assertTrue(nc < n / 3, nc + " aggregates of " + n + " nodes");
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] bc = new double[nc];
        CsrMatrix t = AmgSetup.tentative(n, nc, agg, ones, bc);
        double[][] td =dense(t);
        double[][] tt = DenseOracle.multiply(DenseOracle.transpose(td), td);
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nc; j++) {
                assertEquals(i == j ? 1.0 : 0.0, tt[i][j], 1e-14, "TᵀT(" + i + ", " + j + ")");
            }
        }
        DenseOracle.assertClose(ones, DenseOracle.multiply(td, bc), 1e-14, "T·Bc = B");
        double omega = 0.7;
        CsrMatrix p = AmgSetup.smoothProlongator(a, inv, t, agg, omega, org.sparrow.core.ops.SpgemmOptions.defaults(), null);
        double[][] ad =dense(a);
        double[][] s = new double[n][n]; // I − ω·D⁻¹A, densely
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (i == j ? 1.0 : 0.0) - omega * ad[i][j] / ad[i][i];
            }
        }
        double[][] expected = DenseOracle.multiply(s, td);
        double[][] actual =dense(p);
        for (int i = 0; i < n; i++) {
            DenseOracle.assertClose(expected[i], actual[i], 1e-14, "row " + i + " of P");
        }
    }

    @Test
    void isolatedNodesJoinNoAggregate() {
        // a 5×5 path 0–1–2–3 and node 4 coupled to nobody
        CooMatrix.Builder c = CooMatrix.builder(5, 5);
        for (int i = 0; i < 5; i++) {
            c.add(i, i, 2.0);
        }
        for (int i = 0; i < 3; i++) {
            c.add(i, i + 1, -1.0);
            c.add(i + 1, i, -1.0);
        }
        CsrMatrix a = c.build().toCsr();
        int[] agg = new int[5];
        double[] abs = {2, 2, 2, 2, 2};
        int nc = AmgSetup.aggregate(5, a.rowPointers(), a.columnIndices(), a.values(), abs, 0.0, agg);
        assertEquals(-1, agg[4]);
        for (int i = 0; i < 4; i++) {
            assertTrue(agg[i] >= 0 && agg[i] < nc);
        }
    }

    @Test
    void strengthThresholdDropsWeakCouplingsFromTheAggregates() {
        // anisotropic 2-D operator: strong coupling (−1) along x, weak (−0.001) along y
        int g = 12;
        CooMatrix.Builder c = CooMatrix.builder(g * g, g * g);
        for (int r = 0; r < g; r++) {
            for (int q = 0; q < g; q++) {
                int k = r * g + q;
                c.add(k, k, 2.002);
                if (q > 0) {
                    c.add(k, k - 1, -1.0);
                }
                if (q < g - 1) {
                    c.add(k, k + 1, -1.0);
                }
                if (r > 0) {
                    c.add(k, k - g, -0.001);
                }
                if (r < g - 1) {
                    c.add(k, k + g, -0.001);
                }
            }
        }
        CsrMatrix a = c.build().toCsr();
        int n = a.rows();
        int[] agg = new int[n];
        double[] abs = new double[n];
        java.util.Arrays.fill(abs, 2.002);
        AmgSetup.aggregate(n, a.rowPointers(), a.columnIndices(), a.values(), abs, 0.25, agg);
        for (int k = 0; k < n; k++) {
            if (k + g < n) {
                assertTrue(agg[k] != agg[k + g], "with θ = 0.25 the weak y-couplings must not join aggregates (node " + k + ")");
            }
        }
    }

    @Test
    void spectralRadiusEstimateMatchesTheClosedFormOfThe1dLaplacian() {
        int n = 200;
        CooMatrix.Builder c = CooMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            c.add(i, i, 2.0);
            if (i > 0) {
                c.add(i, i - 1, -1.0);
                c.add(i - 1, i, -1.0);
            }
        }
        CsrMatrix a = c.build().toCsr();
        double[] inv = new double[n];
        java.util.Arrays.fill(inv, 0.5);
        double exact = 1 + Math.cos(Math.PI / (n + 1)); // eigenvalues of D⁻¹A: 1 − cos(kπ/(n+1))
        double lanczos = AmgSetup.spectralRadius(a, inv, 15, true);
        assertTrue(lanczos <= exact * (1 + 1e-12) && lanczos >= 0.97 * exact, lanczos + " vs " + exact);
        double power = AmgSetup.spectralRadius(a, inv, 15, false);
        assertTrue(power <= exact * (1 + 1e-12) && power >= 0.8 * exact, power + " vs " + exact);
        assertEquals(3.0, AmgSetup.largestEigenvalue(new double[] {2, 2}, new double[] {1, 0}, 2), 1e-13);
    }

    @Test
    void vCycleIsSymmetricAndPositiveSoPcgIsValid() {
        CsrMatrix a = Generators.poisson2d(30);
        int n = a.rows();
        Random rnd = new Random(3);
        for (AmgSmoother s : AmgSmoother.values()) {
            Amg m = Amg.of(a, AmgOptions.defaults().withSmoother(s).withMaxCoarse(20).withSweeps(2));
            for (int trial = 0; trial < 5; trial++) {
                double[] x = DenseOracle.randomVector(rnd, n);
                double[] y = DenseOracle.randomVector(rnd, n);
                double[] mx = new double[n];
                double[] my = new double[n];
                m.apply(x, mx);
                m.apply(y, my);
                double xmy = dot(x, my);
                double ymx = dot(y, mx);
                assertEquals(xmy, ymx, 1e-12 * Math.sqrt(dot(mx, mx) * dot(y, y)), s + ": ⟨x, My⟩ vs ⟨Mx, y⟩");
                assertTrue(dot(x, mx) > 0, s + ": ⟨x, Mx⟩ ≤ 0");
                double[] mt = new double[n];
                m.applyTranspose(x, mt);
                DenseOracle.assertClose(mx, mt, 0.0, "M⁻ᵀ = M⁻¹");
            }
        }
    }

    @Test
    void applyAllocatesNothingAndAcceptsTheSameArrayForInputAndOutput() {
        CsrMatrix a = Generators.poisson2d(40); // 8k entries: single-threaded products
        Amg m = Amg.of(a, AmgOptions.defaults().withMaxCoarse(30));
        int n = a.rows();
        double[] x = DenseOracle.randomVector(new Random(1), n);
        double[] y = new double[n];
        m.apply(x, y);
        double[] z = x.clone();
        m.apply(z, z);
        DenseOracle.assertClose(y, z, 0.0, "in place");
        for (int i = 0; i < 5; i++) {
            m.apply(x, y);
        }
        long bytes = DenseOracle.allocatedBytes(() -> {
            for (int i = 0; i < 200; i++) {
                m.apply(x, y);
            }
        });
        assertTrue(bytes < 4096, "AMG allocated " + bytes + " bytes in 200 V-cycles");
    }

    @Test
    void hierarchyReportsLevelsComplexitiesAndAReadableSummary() {
        CsrMatrix a = Generators.poisson2d(64);
        AmgHierarchy h = Amg.of(a).hierarchy();
        assertTrue(h.depth() >= 2);
        assertEquals(a.rows(), h.levels().get(0).rows());
        assertEquals(a.nnz(), h.levels().get(0).nnz());
        assertTrue(h.levels().get(h.depth() - 1).rows() <= AmgOptions.DEFAULT_MAX_COARSE);
        long nnz = 0;
        long rows = 0;
        for (AmgHierarchy.Level l : h.levels()) {
            nnz += l.nnz();
            rows += l.rows();
        }
        assertEquals((double) nnz / a.nnz(), h.operatorComplexity(), 1e-12);
        assertEquals((double) rows / a.rows(), h.gridComplexity(), 1e-12);
        assertTrue(h.operatorComplexity() > 1 && h.operatorComplexity() < 2, h.summary());
        String s = h.summary();
        assertTrue(s.startsWith("AMG (smoothed aggregation, θ = 0, symmetric Gauss–Seidel): " + h.depth() + " levels"), s);
        assertTrue(s.contains("4096") && s.contains("sparse Cholesky"), s);
        assertEquals(h.depth() + 3, s.split("\n").length, s);
    }

    @Test
    void viewReportsTheHierarchyItsFillAndSetupTime() {
        CsrMatrix a = Generators.poisson2d(64);
        Amg m = Amg.of(a);
        PreconditionerView v = m.view();
        AmgHierarchy h = m.hierarchy();
        assertEquals(a.nnz(), v.matrixNonzeros());
        assertEquals(h.operatorComplexity(), v.fill(), 1e-12);
        assertEquals(h.setupSeconds(), v.setupSeconds(), 0.0);
        assertTrue(v.name().equals("AMG (smoothed aggregation, θ = 0, symmetric Gauss–Seidel)"), v.name());
        assertEquals(h.depth() + 3, v.details().size(), v.summary());
        assertTrue(v.details().get(2).startsWith("0 ") && v.details().get(2).contains("4096"), v.summary());
        assertTrue(v.summary().contains("coarsest level: sparse Cholesky"), v.summary());
    }

    @Test
    void q1StencilCoarsensByThreeInEachDirectionAsPyamgsPublishedHierarchy() {
        // pyamg's tutorial (github.com/pyamg/pyamg/wiki/Tutorial) publishes, for this 9-point stencil on 1000²
        // with max_coarse = 10, levels of 1000², 334², 112², 38², 13², 5², 2² unknowns: 3×3 aggregates per level.
        // The same rule on 90²: 90² → 30² → 10², then a coarsest level of at most 10 (on grids this small the
        // boundary aggregates no longer tile by three).
        int g = 90;
        CooMatrix.Builder c = CooMatrix.builder(g * g, g * g);
        for (int r = 0; r < g; r++) {
            for (int q = 0; q < g; q++) {
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dq = -1; dq <= 1; dq++) {
                        if (r + dr >= 0 && r + dr < g && q + dq >= 0 && q + dq < g) {
                            c.add(r * g + q, (r + dr) * g + q + dq, dr == 0 && dq == 0 ? 8.0 : -1.0);
                        }
                    }
                }
            }
        }
        AmgHierarchy h = Amg.of(c.build().toCsr(), AmgOptions.defaults().withMaxCoarse(10)).hierarchy();
        int[] expected = {8100, 900, 100};
        assertTrue(h.levels().get(h.depth() - 1).rows() <= 10, h.summary());
        for (int l = 0; l < expected.length; l++) {
            assertEquals(expected[l], h.levels().get(l).rows(), h.summary());
        }
    }

    @Test
    void amgCgConvergesOnTheSuitesSpdMatrices() throws IOException {
        String[] names = {"small/gr_30_30.mtx", "small/nos4.mtx", "small/bcsstk08.mtx", "small/1138_bus.mtx",
            "small/bcsstk21.mtx", "medium/Dubcova1.mtx.gz"};
        for (String name : names) {
            CsrMatrix a = MatrixMarket.readCsr(SharedData.file(name));
            double[] b = DenseOracle.randomVector(new Random(5), a.rows());
            Amg m = Amg.of(a);
            SolverResult r = Cg.solve(a, b, m, TIGHT);
            assertTrue(r.converged() && r.relativeResidual() <= 1e-8, name + ": " + r.verdict(1e-8) + "\n"
                    + m.hierarchy().summary());
            SolverResult plain = Cg.solve(a, b, null, TIGHT);
            assertTrue(r.iterations() < plain.iterations(), name + ": AMG-CG " + r.iterations() + " vs CG "
                    + plain.iterations());
        }
    }

    @Test
    void standAloneVCyclesSolvePoissonToTheToleranceLikeCholesky() {
        CsrMatrix a = Generators.poisson2d(64);
        double[] b = DenseOracle.randomVector(new Random(11), a.rows());
        SolverResult r = Amg.solve(a, b, AmgOptions.defaults(), TIGHT);
        assertTrue(r.converged(), r.verdict(1e-8));
        assertEquals(SolverMethod.AMG, r.method());
        assertTrue(r.iterations() <= 40, r.verdict(1e-8));
        assertEquals(r.iterations() + 1, r.residualHistory().length);
        double[] exact = SparseCholesky.factor(a).solve(b);
        double err = 0;
        double ref = 0;
        for (int i = 0; i < exact.length; i++) {
            err += (r.solution()[i] - exact[i]) * (r.solution()[i] - exact[i]);
            ref += exact[i] * exact[i];
        }
        assertTrue(Math.sqrt(err / ref) < 1e-6, "error " + Math.sqrt(err / ref));
        double[] res = org.sparrow.core.ops.Blas.residual(a, r.solution(), b);
        assertEquals(Math.sqrt(dot(res, res) / dot(b, b)), r.relativeResidual(), 1e-15);
    }

    @Test
    void standAloneSolveStopsAtTheIterationLimitWithTheTrueResidual() {
        CsrMatrix a = Generators.poisson2d(32);
        double[] b = DenseOracle.randomVector(new Random(2), a.rows());
        SolverResult r = Amg.solve(a, b, AmgOptions.defaults().withMaxCoarse(10), TIGHT.withMaxIterations(2));
        assertEquals(StopReason.MAX_ITERATIONS, r.reason());
        assertEquals(2, r.iterations());
        double[] res = org.sparrow.core.ops.Blas.residual(a, r.solution(), b);
        assertEquals(Math.sqrt(dot(res, res) / dot(b, b)), r.relativeResidual(), 1e-15);
        assertTrue(r.detail().contains("2 V-cycles"), r.detail());
    }

    @Test
    void amgIsInTheRegistryAndPreconditionsGmresOnANonsymmetricMatrix() {
        assertEquals(PreconditionerKind.AMG, PreconditionerKind.parse("AMG"));
        CsrMatrix p = Generators.poisson2d(40);
        assertInstanceOf(Amg.class, PreconditionerKind.AMG.build(p));
        assertEquals("AMG", PreconditionerKind.AMG.build(p).name());
        // convection–diffusion: the Laplacian plus a one-sided difference, nonsymmetric
        int g = 40;
        CooMatrix.Builder c = CooMatrix.builder(g * g, g * g);
        int[] rp = p.rowPointers();
        for (int i = 0; i < p.rows(); i++) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                c.add(i, p.columnIndices()[q], p.values()[q]);
            }
            c.add(i, i, 0.3);
            if (i % g > 0) {
                c.add(i, i - 1, -0.3);
            }
        }
        CsrMatrix a = c.build().toCsr();
        double[] b = DenseOracle.randomVector(new Random(4), a.rows());
        Amg m = Amg.of(a);
        SolverResult r = Gmres.solve(a, b, m, TIGHT);
        SolverResult plain = Gmres.solve(a, b, null, TIGHT);
        assertTrue(r.converged() && r.iterations() < plain.iterations() / 3, r.iterations() + " vs " + plain.iterations());
        double[] y = new double[a.rows()];
        String msg = assertThrows(UnsupportedOperationException.class, () -> m.applyTranspose(b, y)).getMessage();
        assertTrue(msg.contains("symmetric A"), msg);
    }

    @Test
    void badOptionsAndMatricesAreRefusedWithAClearMessage() {
        assertMessage(() -> AmgOptions.defaults().withStrengthTheta(1.0), "θ must be in [0, 1), got 1.0");
        assertMessage(() -> AmgOptions.defaults().withStrengthTheta(Double.NaN), "θ must be in [0, 1), got NaN");
        assertMessage(() -> AmgOptions.defaults().withSweeps(0), "smoothing sweeps must be ≥ 1, got 0");
        assertMessage(() -> AmgOptions.defaults().withChebyshevDegree(0), "Chebyshev degree must be ≥ 1, got 0");
        assertMessage(() -> AmgOptions.defaults().withProlongatorOmega(2.0), "prolongator weight must be in (0, 2), got 2.0");
        assertMessage(() -> AmgOptions.defaults().withMaxCoarse(0), "coarsest size must be ≥ 1, got 0");
        assertMessage(() -> AmgOptions.defaults().withMaxLevels(0), "number of levels must be ≥ 1, got 0");
        assertMessage(() -> AmgOptions.defaults().withSpectralSteps(1), "≥ 2 Lanczos steps, got 1");
        assertMessage(() -> AmgOptions.defaults().withSmoother(null), "smoother is missing");
        assertMessage(() -> AmgSmoother.parse("jacobi"), "unknown AMG smoother 'jacobi': expected one of gauss-seidel, chebyshev");
        assertEquals(AmgSmoother.CHEBYSHEV, AmgSmoother.parse(" Chebyshev "));
        CooMatrix.Builder c = CooMatrix.builder(3, 3);
        c.add(0, 0, 2.0);
        c.add(1, 1, 2.0);
        c.add(2, 1, 1.0);
        CsrMatrix noDiagonal = c.build().toCsr();
        assertMessage(() -> Amg.of(noDiagonal), "AMG: row 3 stores no diagonal entry");
        assertMessage(() -> Amg.of(CsrMatrix.zeros(2, 3)), "AMG");
        assertMessage(() -> Amg.of(Generators.poisson2d(4), null), "AMG: the options are missing");
        Amg m = Amg.of(Generators.poisson2d(4));
        assertMessage(() -> m.operator(5), "AMG: level 5 does not exist here");
        assertMessage(() -> m.apply(new double[3], new double[16]), "x has length 3");
    }

    @Test
    void aSmallMatrixIsOneLevelSolvedDirectly() {
        CsrMatrix a = Generators.poisson2d(10);
        Amg m = Amg.of(a);
        assertEquals(1, m.hierarchy().depth());
        double[] b = DenseOracle.randomVector(new Random(9), a.rows());
        double[] x = new double[a.rows()];
        m.apply(b, x);
        DenseOracle.assertClose(SparseCholesky.factor(a).solve(b), x, 1e-12, "one level = the direct solve");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        String msg = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(msg.contains(part), msg);
    }

    private static double[][] dense(CsrMatrix a) {
        double[][] d = new double[a.rows()][a.cols()];
        int[] rp = a.rowPointers();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                d[i][a.columnIndices()[p]] += a.values()[p];
            }
        }
        return d;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
