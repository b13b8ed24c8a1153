package org.sparrow.solvers.bcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.bcd.BcdFixtures.csc;
import static org.sparrow.solvers.bcd.BcdFixtures.csr;
import static org.sparrow.solvers.bcd.BcdFixtures.denseSolve;
import static org.sparrow.solvers.bcd.BcdFixtures.gaussian;
import static org.sparrow.solvers.bcd.BcdFixtures.gram;
import static org.sparrow.solvers.bcd.BcdFixtures.lsGradient;
import static org.sparrow.solvers.bcd.BcdFixtures.randomDense;
import static org.sparrow.solvers.bcd.BcdFixtures.randomSpd;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.sparrow.solvers.StopReason;

class BcdTest {

    // ------------------------------------------------------------------ dense oracles

    private static double lambdaMax(double[][] g, int[] b) {
        DMatrixRMaj m = new DMatrixRMaj(b.length, b.length);
        for (int s = 0; s < b.length; s++) {
            for (int t = 0; t < b.length; t++) {
                m.set(s, t, g[b[s]][b[t]]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(b.length, false, true);
        assertTrue(e.decompose(m));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < b.length; i++) {
            max = Math.max(max, e.getEigenvalue(i).real);
        }
        return max;
    }

    private static double soft(double z, double t) {
        return z > t ? z - t : (z < -t ? z + t : 0);
    }

    /** Decrease of g·d + c/2·d² + λ(|x+d| − |x|) at its minimizer. */
    private static double decrease(double x, double g, double c, double lambda) {
        double d = soft(x - g / c, lambda / c) - x;
        return -(g * d + 0.5 * c * d * d + lambda * (Math.abs(x + d) - Math.abs(x)));
    }

    /** The dense score of a block under a greedy rule at x (least squares, ℓ₁ weight lambda). */
    private static double denseScore(SelectionRule rule, double[][] g, double[] grad, double[] x, int[] b,
                                     double lambda) {
        double s = 0;
        switch (rule) {
            case GS -> {
                for (int j : b) {
                    double d = lambda > 0 ? soft(x[j] - grad[j], lambda) - x[j] : grad[j];
                    s += d * d;
                }
            }
            case GSL -> {
                double l = lambdaMax(g, b);
                for (int j : b) {
                    s += lambda > 0 ? 2 * decrease(x[j], grad[j], l, lambda) : grad[j] * grad[j] / l;
                }
            }
            case GSD -> {
                for (int j : b) {
                    s += lambda > 0 ? 2 * decrease(x[j], grad[j], g[j][j], lambda) : grad[j] * grad[j] / g[j][j];
                }
            }
            case GSQ -> {
                double[][] h = new double[b.length][b.length];
                double[] gb = new double[b.length];
                for (int s1 = 0; s1 < b.length; s1++) {
                    gb[s1] = grad[b[s1]];
                    for (int t = 0; t < b.length; t++) {
                        h[s1][t] = g[b[s1]][b[t]];
                    }
                }
                double[] y = denseSolve(h, gb);
                for (int t = 0; t < b.length; t++) {
                    s += gb[t] * y[t];
                }
            }
            default -> throw new AssertionError();
        }
        return s;
    }

    private static TreeSet<Integer> changed(double[] a, double[] b) {
        TreeSet<Integer> c = new TreeSet<>();
        for (int j = 0; j < a.length; j++) {
            if (a[j] != b[j]) {
                c.add(j);
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ selection

    @Test
    void greedyFixedBlockChoiceIsTheDenseArgmaxAfterSparseUpdates() {
        double[][] a = randomDense(40, 30, 0.12, 11);
        double[] b = gaussian(40, 12);
        double[][] g = gram(a);
        for (double lambda : new double[] {0.0, 0.3}) {
            BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(lambda);
            for (SelectionRule rule : new SelectionRule[] {SelectionRule.GS, SelectionRule.GSL, SelectionRule.GSD,
                    SelectionRule.GSQ}) {
                if (rule == SelectionRule.GSQ && lambda > 0) {
                    continue; // the proximal GSQ score is a block QP; checked through convergence below
                }
                BcdOptions o = BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(3).withRule(rule)
                        .withTolerance(1e-15);
                int[][] blocks = Partitions.fixed(PartitionRule.ORDER, new double[30], 3);
                for (int k : new int[] {0, 4, 13, 29}) {
                    double[] xk = k == 0 ? new double[30] : Bcd.solve(p, null, o.withMaxIterations(k)).x();
                    double[] xk1 = Bcd.solve(p, null, o.withMaxIterations(k + 1)).x();
                    TreeSet<Integer> ch = changed(xk, xk1);
                    assertFalse(ch.isEmpty(), rule + " made no move at iteration " + (k + 1));
                    double[] grad = lsGradient(a, b, xk);
                    int best = -1;
                    double bestScore = -1;
                    for (int q = 0; q < blocks.length; q++) {
                        double sc = denseScore(rule, g, grad, xk, blocks[q], lambda);
                        if (sc > bestScore) {
                            bestScore = sc;
                            best = q;
                        }
                    }
                    TreeSet<Integer> expected = new TreeSet<>();
                    for (int j : blocks[best]) {
                        expected.add(j);
                    }
                    assertTrue(expected.containsAll(ch), rule + " λ=" + lambda + " iteration " + (k + 1)
                            + ": moved " + ch + " but the dense argmax block is " + expected);
                }
            }
        }
    }

    @Test
    void greedyVariableBlocksAreTheTopScoringCoordinatesAfterSparseUpdates() {
        double[][] a = randomDense(50, 40, 0.08, 21);
        double[] b = gaussian(50, 22);
        double[][] g = gram(a);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b);
        for (SelectionRule rule : new SelectionRule[] {SelectionRule.GS, SelectionRule.GSD}) {
            BcdOptions o = BcdOptions.defaults().withPartition(PartitionRule.VARIABLE).withBlockSize(4).withRule(rule)
                    .withTolerance(1e-15);
            for (int k : new int[] {3, 11, 25}) {
                double[] xk = Bcd.solve(p, null, o.withMaxIterations(k)).x();
                double[] xk1 = Bcd.solve(p, null, o.withMaxIterations(k + 1)).x();
                double[] grad = lsGradient(a, b, xk);
                double[] sc = new double[40];
                for (int j = 0; j < 40; j++) {
                    sc[j] = rule == SelectionRule.GS ? grad[j] * grad[j] : grad[j] * grad[j] / g[j][j];
                }
                List<Integer> idx = new ArrayList<>();
                for (int j = 0; j < 40; j++) {
                    idx.add(j);
                }
                idx.sort((u, v) -> Double.compare(sc[v], sc[u]));
                assertEquals(new TreeSet<>(idx.subList(0, 4)), changed(xk, xk1), rule + " at iteration " + (k + 1));
            }
        }
    }

    @Test
    void greedyQuadraticChoiceTracksTheNeighboursOfTheUpdatedBlock() {
        double[][] a = randomSpd(35, 0.06, 31);
        double[] b = gaussian(35, 32);
        BcdProblem p = BcdProblem.quadratic(csr(a), b);
        BcdOptions o = BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(2)
                .withRule(SelectionRule.GS).withTolerance(1e-15);
        int[][] blocks = Partitions.fixed(PartitionRule.ORDER, new double[35], 2);
        for (int k : new int[] {1, 8, 40}) {
            double[] xk = Bcd.solve(p, null, o.withMaxIterations(k)).x();
            double[] xk1 = Bcd.solve(p, null, o.withMaxIterations(k + 1)).x();
            double[] grad = BcdFixtures.av(a, xk);
            int best = -1;
            double bestScore = -1;
            for (int q = 0; q < blocks.length; q++) {
                double s = 0;
                for (int j : blocks[q]) {
                    s += (grad[j] - b[j]) * (grad[j] - b[j]);
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = q;
                }
            }
            TreeSet<Integer> expected = new TreeSet<>();
            for (int j : blocks[best]) {
                expected.add(j);
            }
            assertTrue(expected.containsAll(changed(xk, xk1)), "iteration " + (k + 1));
        }
    }

    @Test
    void cyclicAndPermutationRulesVisitEveryBlockOncePerPass() {
        double[][] a = randomDense(30, 12, 0.3, 161);
        double[] b = gaussian(30, 162);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b);
        int[][] blocks = Partitions.fixed(PartitionRule.ORDER, new double[12], 2);
        for (SelectionRule rule : new SelectionRule[] {SelectionRule.CYCLIC, SelectionRule.PERMUTATION}) {
            BcdOptions o = BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(2).withRule(rule)
                    .withTolerance(1e-15).withSeed(5);
            double[] prev = new double[12];
            TreeSet<Integer> seen = new TreeSet<>();
            for (int k = 1; k <= 12; k++) {
                double[] xk = Bcd.solve(p, null, o.withMaxIterations(k)).x();
                TreeSet<Integer> ch = changed(prev, xk);
                int block = -1;
                for (int q = 0; q < blocks.length; q++) {
                    if (ch.contains(blocks[q][0]) || ch.contains(blocks[q][1])) {
                        block = q;
                    }
                }
                assertTrue(block >= 0, rule + ": iteration " + k + " moved nothing");
                if (rule == SelectionRule.CYCLIC) {
                    assertEquals((k - 1) % 6, block, "cyclic iteration " + k);
                }
                assertTrue(seen.add(block + 6 * ((k - 1) / 6)), rule + ": block " + block + " twice in one pass");
                prev = xk;
            }
        }
    }

    @Test
    void partitionsGroupByLipschitzConstants() {
        double[] lip = {5, 1, 9, 3, 7, 2};
        int[][] sort = Partitions.fixed(PartitionRule.SORT, lip, 2);
        assertEquals("[[2, 4], [0, 3], [5, 1]]", java.util.Arrays.deepToString(sort));
        int[][] avg = Partitions.fixed(PartitionRule.AVERAGE, lip, 2);
        assertEquals("[[1, 2], [5, 4], [3, 0]]", java.util.Arrays.deepToString(avg)); // smallest with largest
        int[][] order = Partitions.fixed(PartitionRule.ORDER, lip, 4);
        assertEquals("[[0, 1, 2, 3], [4, 5]]", java.util.Arrays.deepToString(order));
    }

    // ------------------------------------------------------------------ updates

    @Test
    void lipschitzUpdateOnTwoCoordinatesUsesTheLargestEigenvalueOfTheBlockGram() {
        double[][] a = randomDense(20, 6, 0.5, 41);
        double[] b = gaussian(20, 42);
        double[] x0 = gaussian(6, 43);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b);
        BcdOptions o = BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(2)
                .withRule(SelectionRule.CYCLIC).withMaxIterations(1);
        double[] x1 = Bcd.solve(p, x0, o).x();
        double[][] g = gram(a);
        double[] grad = lsGradient(a, b, x0);
        double p00 = g[0][0];
        double p11 = g[1][1];
        double p01 = g[0][1];
        double l = (p00 + p11) / 2 + Math.sqrt((p00 - p11) * (p00 - p11) / 4 + p01 * p01); // closed form, 2×2
        assertEquals(x0[0] - grad[0] / l, x1[0], 1e-12);
        assertEquals(x0[1] - grad[1] / l, x1[1], 1e-12);
        assertEquals(x0[2], x1[2]);
        // the Hessian (matrix) update: x_b − (A_bᵀA_b)⁻¹ g_b, by Cramer's rule
        double[] xh = Bcd.solve(p, x0, o.withUpdate(UpdateRule.HESSIAN)).x();
        double det = p00 * p11 - p01 * p01;
        assertEquals(x0[0] - (p11 * grad[0] - p01 * grad[1]) / det, xh[0], 1e-10);
        assertEquals(x0[1] - (p00 * grad[1] - p01 * grad[0]) / det, xh[1], 1e-10);
    }

    @Test
    void lassoCoordinateUpdateIsTheSoftThresholdedStep() {
        double[][] a = randomDense(20, 5, 0.6, 51);
        double[] b = gaussian(20, 52);
        double[] x0 = gaussian(5, 53);
        double lambda = 0.7;
        BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(lambda);
        double[] x1 = Bcd.solve(p, x0, BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(1)
                .withRule(SelectionRule.CYCLIC).withMaxIterations(1)).x();
        double l = gram(a)[0][0];
        double grad = lsGradient(a, b, x0)[0];
        assertEquals(soft(x0[0] - grad / l, lambda / l), x1[0], 1e-13);
        // with x ≥ 0 the step is projected
        double[] xn = Bcd.solve(BcdProblem.leastSquares(csc(a), b).withNonnegative(true), new double[5],
                BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(1)
                        .withRule(SelectionRule.CYCLIC).withMaxIterations(1)).x();
        double g0 = lsGradient(a, b, new double[5])[0];
        assertEquals(Math.max(0, -g0 / l), xn[0], 1e-13);
    }

    @Test
    void lineSearchDoublesItsEstimateFromOneUntilTheDescentConditionHolds() {
        double[][] a = randomDense(20, 4, 0.7, 61);
        double[] b = gaussian(20, 62);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b);
        double[] x1 = Bcd.solve(p, null, BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(1)
                .withRule(SelectionRule.CYCLIC).withUpdate(UpdateRule.LINE_SEARCH).withMaxIterations(1)).x();
        double l = gram(a)[0][0];
        // for a quadratic the condition f(x+δ) ≤ f + gδ + (L̂/2)δ² holds exactly when L̂ ≥ L
        double lhat = 1;
        while (lhat < l) {
            lhat *= 2;
        }
        assertEquals(-lsGradient(a, b, new double[4])[0] / lhat, x1[0], 1e-13);
    }

    @Test
    void logisticNewtonStepFollowsTheBlockNewtonDirection() {
        double[][] a = randomDense(40, 4, 0.8, 71);
        double[] y = labels(40, 72);
        BcdProblem p = BcdProblem.logistic(csc(a), y);
        double[] x0 = {0.3, -0.2, 0.1, 0.5};
        double[] x1 = Bcd.solve(p, x0, BcdOptions.defaults().withPartition(PartitionRule.ORDER).withBlockSize(2)
                .withRule(SelectionRule.CYCLIC).withUpdate(UpdateRule.NEWTON).withMaxIterations(1)).x();
        // dense gradient and Hessian of the block {0, 1}
        double[] z = BcdFixtures.av(a, x0);
        double[] gr = new double[2];
        double[][] h = new double[2][2];
        for (int i = 0; i < 40; i++) {
            double sig = 1 / (1 + Math.exp(y[i] * z[i])); // σ(−yᵢzᵢ)
            for (int s = 0; s < 2; s++) {
                gr[s] += -y[i] * sig * a[i][s];
                for (int t = 0; t < 2; t++) {
                    h[s][t] += sig * (1 - sig) * a[i][s] * a[i][t];
                }
            }
        }
        double[] d = denseSolve(h, new double[] {-gr[0], -gr[1]});
        double t = (x1[0] - x0[0]) / d[0];
        assertTrue(t > 0 && t <= 1 + 1e-12, "step length " + t);
        assertEquals(t * d[1], x1[1] - x0[1], 1e-10);
        assertTrue(p.objective(x1) < p.objective(x0));
    }

    private static double[] labels(int m, long seed) {
        double[] g = gaussian(m, seed);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = g[i] >= 0 ? 1 : -1;
        }
        return y;
    }

    @Test
    void objectiveNeverIncreasesWithDescentUpdates() {
        double[][] a = randomDense(60, 30, 0.1, 81);
        double[] b = gaussian(60, 82);
        BcdProblem[] problems = {BcdProblem.leastSquares(csc(a), b).withL1(0.2),
                BcdProblem.logistic(csc(a), labels(60, 83)).withL1(0.05),
                BcdProblem.quadratic(csr(randomSpd(30, 0.1, 84)), gaussian(30, 85)).withNonnegative(true)};
        for (BcdProblem p : problems) {
            for (UpdateRule u : UpdateRule.values()) {
                for (SelectionRule r : new SelectionRule[] {SelectionRule.RANDOM, SelectionRule.GSL}) {
                    BcdResult res = Bcd.solve(p, null, BcdOptions.defaults().withBlockSize(3).withRule(r)
                            .withUpdate(u).withMaxIterations(300));
                    double[] hist = res.objectiveHistory();
                    for (int k = 1; k < hist.length; k++) {
                        assertTrue(hist[k] <= hist[k - 1] + 1e-10 * Math.abs(hist[k - 1]),
                                p.loss() + " " + u + " " + r + ": F rose at iteration " + k + " from " + hist[k - 1]
                                        + " to " + hist[k]);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ convergence

    @Test
    void quadraticConvergesToTheDenseSolutionWithEveryGreedyRule() {
        double[][] a = randomSpd(40, 0.08, 91);
        double[] b = gaussian(40, 92);
        double[] xs = denseSolve(a, b);
        BcdProblem p = BcdProblem.quadratic(csr(a), b);
        for (SelectionRule r : SelectionRule.values()) {
            if (r == SelectionRule.WORKING_SET) {
                continue; // least squares only (WorkingSetTest)
            }
            for (PartitionRule part : new PartitionRule[] {PartitionRule.SORT, PartitionRule.VARIABLE}) {
                BcdResult res = Bcd.solve(p, null, BcdOptions.defaults().withPartition(part).withBlockSize(4)
                        .withRule(r).withUpdate(UpdateRule.HESSIAN).withMaxIterations(200_000));
                assertTrue(res.converged(), r + " " + part + ": " + res.detail());
                for (int j = 0; j < 40; j++) {
                    assertEquals(xs[j], res.x()[j], 1e-7 * (1 + Math.abs(xs[j])), r + " " + part);
                }
            }
        }
    }

    @Test
    void leastSquaresConvergesToTheNormalEquationsSolution() {
        double[][] a = randomDense(80, 25, 0.15, 101);
        double[] b = gaussian(80, 102);
        double[] xs = denseSolve(gram(a), BcdFixtures.atv(a, b));
        for (UpdateRule u : UpdateRule.values()) {
            BcdResult res = Bcd.solve(BcdProblem.leastSquares(csc(a), b), null, BcdOptions.defaults()
                    .withRule(SelectionRule.GSQ).withBlockSize(5).withUpdate(u).withMaxIterations(100_000));
            assertTrue(res.converged(), u + ": " + res.detail());
            assertEquals("gradient-inf-norm", res.optimalityMeasure());
            for (int j = 0; j < 25; j++) {
                assertEquals(xs[j], res.x()[j], 1e-7 * (1 + Math.abs(xs[j])), u.toString());
            }
        }
    }

    /** KKT of the Lasso: |∇ⱼf| ≤ λ where xⱼ = 0, ∇ⱼf = −λ·sign(xⱼ) elsewhere. */
    private static void assertLassoKkt(double[][] a, double[] b, double lambda, double[] x, double tol) {
        double[] g = lsGradient(a, b, x);
        for (int j = 0; j < x.length; j++) {
            if (x[j] == 0) {
                assertTrue(Math.abs(g[j]) <= lambda + tol, "coordinate " + j + ": |g| = " + Math.abs(g[j]));
            } else {
                assertEquals(-lambda * Math.signum(x[j]), g[j], tol, "coordinate " + j);
            }
        }
    }

    @Test
    void lassoMeetsItsOptimalityConditionsWithGreedyAndActiveSetNewton() {
        double[][] a = randomDense(120, 60, 0.1, 111);
        double[] b = gaussian(120, 112);
        double lambda = 1.5;
        BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(lambda);
        for (boolean activeSet : new boolean[] {false, true}) {
            for (SelectionRule r : new SelectionRule[] {SelectionRule.GS, SelectionRule.GSL, SelectionRule.CYCLIC}) {
                BcdResult res = Bcd.solve(p, null, BcdOptions.defaults().withBlockSize(1).withRule(r)
                        .withActiveSet(activeSet).withMaxIterations(200_000));
                assertTrue(res.converged(), r + " " + activeSet + ": " + res.detail());
                assertEquals(StopReason.CONVERGED, res.reason());
                assertEquals("prox-step-inf-norm", res.optimalityMeasure());
                assertLassoKkt(a, b, lambda, res.x(), 1e-8);
                assertTrue(res.activeSetStableSince() >= 0 && res.activeSetStableSince() <= res.iterations());
            }
        }
    }

    @Test
    void lassoWithLargeGreedyVariableBlocksAndBlockQpUpdatesMeetsItsOptimalityConditions() {
        // τ = 20 columns reach most rows: the gradient is recomputed in one pass per iteration (no rows built)
        double[][] a = randomDense(120, 60, 0.1, 113);
        double[] b = gaussian(120, 114);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(1.0);
        for (UpdateRule u : new UpdateRule[] {UpdateRule.HESSIAN, UpdateRule.NEWTON, UpdateRule.LIPSCHITZ}) {
            BcdResult res = Bcd.solve(p, null, BcdOptions.defaults().withPartition(PartitionRule.VARIABLE)
                    .withBlockSize(20).withRule(SelectionRule.GS).withUpdate(u).withActiveSet(true)
                    .withMaxIterations(100_000));
            assertTrue(res.converged(), u + ": " + res.detail());
            assertLassoKkt(a, b, 1.0, res.x(), 1e-8);
            assertEquals(p.objective(res.x()), res.objective(), 1e-12 * Math.abs(res.objective()));
        }
    }

    @Test
    void activeSetNewtonFinishesInFewerIterationsAndKeepsTheIdentifiedSupport() {
        double[][] a = randomDense(200, 80, 0.08, 121);
        double[] b = gaussian(200, 122);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(2.0);
        BcdOptions o = BcdOptions.defaults().withBlockSize(1).withRule(SelectionRule.GSL).withTolerance(1e-12)
                .withMaxIterations(200_000);
        BcdResult plain = Bcd.solve(p, null, o);
        BcdResult newton = Bcd.solve(p, null, o.withActiveSet(true));
        assertTrue(plain.converged() && newton.converged());
        assertTrue(newton.iterations() < plain.iterations(),
                newton.iterations() + " iterations with Newton vs " + plain.iterations());
        for (int j = 0; j < 80; j++) {
            assertEquals(plain.x()[j] == 0, newton.x()[j] == 0, "support differs at " + j);
        }
        // once stable, the support of the iterates no longer changes: rerunning to that iteration gives it
        int since = newton.activeSetStableSince();
        double[] xs = Bcd.solve(p, null, o.withActiveSet(true).withMaxIterations(Math.max(1, since))).x();
        for (int j = 0; j < 80; j++) {
            assertEquals(newton.x()[j] == 0, xs[j] == 0, "support at iteration " + since + " differs at " + j);
        }
    }

    @Test
    void nonnegativeLeastSquaresRespectsTheBoundAndItsOptimalityConditions() {
        double[][] a = randomDense(70, 30, 0.15, 131);
        double[] b = gaussian(70, 132);
        BcdResult res = Bcd.solve(BcdProblem.leastSquares(csc(a), b).withNonnegative(true), null,
                BcdOptions.defaults().withRule(SelectionRule.GSD).withBlockSize(3).withUpdate(UpdateRule.HESSIAN)
                        .withActiveSet(true).withMaxIterations(100_000));
        assertTrue(res.converged(), res.detail());
        double[] g = lsGradient(a, b, res.x());
        int zeros = 0;
        for (int j = 0; j < 30; j++) {
            assertTrue(res.x()[j] >= 0);
            if (res.x()[j] == 0) {
                zeros++;
                assertTrue(g[j] >= -1e-8, "negative gradient at a bound: " + g[j]);
            } else {
                assertEquals(0, g[j], 1e-8);
            }
        }
        assertTrue(zeros > 0, "the test problem should have active bounds");
    }

    @Test
    void logisticConvergesToADenseNewtonSolution() {
        double[][] a = randomDense(80, 6, 0.6, 141);
        double[] y = labels(80, 142);
        // dense Newton reference
        double[] w = new double[6];
        for (int it = 0; it < 50; it++) {
            double[] z = BcdFixtures.av(a, w);
            double[] gr = new double[6];
            double[][] h = new double[6][6];
            for (int i = 0; i < 80; i++) {
                double sig = 1 / (1 + Math.exp(y[i] * z[i]));
                for (int s = 0; s < 6; s++) {
                    gr[s] -= y[i] * sig * a[i][s];
                    for (int t = 0; t < 6; t++) {
                        h[s][t] += sig * (1 - sig) * a[i][s] * a[i][t];
                    }
                }
            }
            double[] d = denseSolve(h, gr);
            for (int s = 0; s < 6; s++) {
                w[s] -= d[s];
            }
        }
        for (UpdateRule u : UpdateRule.values()) {
            BcdResult res = Bcd.solve(BcdProblem.logistic(csc(a), y), null, BcdOptions.defaults().withBlockSize(2)
                    .withRule(SelectionRule.GS).withUpdate(u).withMaxIterations(100_000));
            assertTrue(res.converged(), u + ": " + res.detail());
            for (int s = 0; s < 6; s++) {
                assertEquals(w[s], res.x()[s], 1e-6 * (1 + Math.abs(w[s])), u.toString());
            }
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputGetsOneClearSentence() {
        double[][] a = randomDense(10, 4, 0.5, 151);
        String m1 = assertThrows(IllegalArgumentException.class,
                () -> BcdProblem.leastSquares(csc(a), new double[9])).getMessage();
        assertTrue(m1.contains("b has length 9"), m1);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> BcdProblem.leastSquares(csc(a), new double[10]).withL1(-1)).getMessage();
        assertTrue(m2.contains("λ must be finite and ≥ 0"), m2);
        double[] bad = labels(10, 152);
        bad[6] = 0.5;
        String m3 = assertThrows(IllegalArgumentException.class, () -> BcdProblem.logistic(csc(a), bad)).getMessage();
        assertTrue(m3.contains("label 7 is 0.5"), m3);
        double[][] asym = randomSpd(5, 0.5, 153);
        asym[0][1] += 1;
        String m4 = assertThrows(IllegalArgumentException.class,
                () -> BcdProblem.quadratic(csr(asym), new double[5])).getMessage();
        assertTrue(m4.contains("symmetric positive definite") && m4.contains("A(1, 2)"), m4);
        double[][] negDiag = randomSpd(5, 0.5, 154);
        negDiag[3][3] = -1;
        String m5 = assertThrows(IllegalArgumentException.class,
                () -> BcdProblem.quadratic(csr(negDiag), new double[5])).getMessage();
        assertTrue(m5.contains("A(4, 4) = -1.0 is not positive"), m5);
        double[][] indefinite = {{1, 2}, {2, 1}};
        BcdProblem q = BcdProblem.quadratic(csr(indefinite), new double[] {1, 1});
        String m6 = assertThrows(IllegalArgumentException.class, () -> Bcd.solve(q, null,
                BcdOptions.defaults().withBlockSize(2).withUpdate(UpdateRule.HESSIAN))).getMessage();
        assertTrue(m6.contains("not positive definite"), m6);
        BcdProblem ls = BcdProblem.leastSquares(csc(a), new double[10]);
        String m7 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls, null, BcdOptions.defaults().withBlockSize(5))).getMessage();
        assertTrue(m7.contains("block size 5 is larger than the number of coordinates 4"), m7);
        String m8 = assertThrows(IllegalArgumentException.class, () -> BcdOptions.defaults().withBlockSize(0))
                .getMessage();
        assertTrue(m8.contains("block size must be ≥ 1"), m8);
        String m9 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls, new double[3], BcdOptions.defaults().withBlockSize(1))).getMessage();
        assertTrue(m9.contains("x0 has length 3"), m9);
        String m10 = assertThrows(IllegalArgumentException.class, () -> SelectionRule.fromCliName("best"))
                .getMessage();
        assertTrue(m10.contains("cyclic, permutation, random, lipschitz, gs, gsl, gsd, gsq"), m10);
        String m11 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls, null, BcdOptions.defaults().withBlockSize(1).withMessagePassing(true))).getMessage();
        assertTrue(m11.contains("message passing needs the quadratic loss"), m11);
    }

    @Test
    void cliNamesRoundTrip() {
        for (Loss l : Loss.values()) {
            assertEquals(l, Loss.fromCliName(l.cliName()));
        }
        for (PartitionRule r : PartitionRule.values()) {
            assertEquals(r, PartitionRule.fromCliName(r.cliName()));
        }
        for (SelectionRule r : SelectionRule.values()) {
            assertEquals(r, SelectionRule.fromCliName(r.cliName()));
        }
        for (UpdateRule r : UpdateRule.values()) {
            assertEquals(r, UpdateRule.fromCliName(r.cliName()));
        }
        assertEquals(PartitionRule.AVERAGE, PartitionRule.fromCliName("avg"));
        assertEquals(UpdateRule.LINE_SEARCH, UpdateRule.fromCliName("line-search"));
    }
}
