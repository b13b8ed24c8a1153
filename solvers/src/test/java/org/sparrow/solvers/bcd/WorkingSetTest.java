package org.sparrow.solvers.bcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.solvers.bcd.BcdFixtures.csc;
import static org.sparrow.solvers.bcd.BcdFixtures.denseSolve;
import static org.sparrow.solvers.bcd.BcdFixtures.gaussian;
import static org.sparrow.solvers.bcd.BcdFixtures.gram;
import static org.sparrow.solvers.bcd.BcdFixtures.lsGradient;
import static org.sparrow.solvers.bcd.BcdFixtures.randomDense;

import org.junit.jupiter.api.Test;
import org.sparrow.solvers.StopReason;

/** glmnet's working-set coordinate descent ({@link SelectionRule#WORKING_SET}) against dense oracles and the other rules. */
class WorkingSetTest {

    private static final BcdOptions WS = BcdOptions.defaults().withBlockSize(1).withRule(SelectionRule.WORKING_SET)
            .withTolerance(1e-12).withMaxIterations(2_000_000);

    /** ‖Aᵀb‖∞: the smallest λ at which x = 0 solves the Lasso. */
    private static double lambdaMax(double[][] a, double[] b) {
        double[] g = lsGradient(a, b, new double[a[0].length]);
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Optimality of ½‖Ax − b‖² + λ‖x‖₁ (+ x ≥ 0) from the dense gradient: where xⱼ ≠ 0, gⱼ = −λ·sign(xⱼ); where
     * xⱼ = 0, |gⱼ| ≤ λ (with x ≥ 0: gⱼ ≥ −λ).
     */
    private static void assertKkt(double[][] a, double[] b, double lambda, boolean nonneg, double[] x, double tol) {
        double[] g = lsGradient(a, b, x);
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                assertTrue(!nonneg || x[j] > 0, "x(" + j + ") = " + x[j] + " < 0");
                assertEquals(-lambda * Math.signum(x[j]), g[j], tol, "coordinate " + j);
            } else if (nonneg) {
                assertTrue(g[j] >= -lambda - tol, "coordinate " + j + ": g = " + g[j]);
            } else {
                assertTrue(Math.abs(g[j]) <= lambda + tol, "coordinate " + j + ": |g| = " + Math.abs(g[j]));
            }
        }
    }

    @Test
    void workingSetReachesTheLassoSolutionOfCyclicDescentAndItsOptimalityConditions() {
        for (boolean nonneg : new boolean[] {false, true}) {
            for (long seed : new long[] {201, 202, 203}) {
                double[][] a = randomDense(300, 120, 0.05, seed);
                double[] b = gaussian(300, seed + 10);
                double lambda = 0.2 * lambdaMax(a, b);
                BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(lambda).withNonnegative(nonneg);
                BcdResult ws = Bcd.solve(p, null, WS);
                BcdResult cyc = Bcd.solve(p, null, WS.withRule(SelectionRule.CYCLIC).withPartition(PartitionRule.ORDER));
                String where = "seed " + seed + (nonneg ? ", x ≥ 0" : "");
                assertTrue(ws.converged(), where + ": " + ws.detail());
                assertTrue(cyc.converged(), where + ": " + cyc.detail());
                assertEquals(StopReason.CONVERGED, ws.reason());
                assertEquals("prox-step-inf-norm", ws.optimalityMeasure());
                assertKkt(a, b, lambda, nonneg, ws.x(), 1e-8 * lambda);
                for (int j = 0; j < 120; j++) {
                    assertEquals(cyc.x()[j], ws.x()[j], 1e-8 * (1 + Math.abs(cyc.x()[j])), where + ", x(" + j + ")");
                }
                assertEquals(p.objective(ws.x()), ws.objective(), 1e-12 * Math.abs(ws.objective()), where);
                assertEquals(cyc.objective(), ws.objective(), 1e-10 * Math.abs(cyc.objective()), where);
                assertEquals(ws.iterations(), ws.coordinatesUpdated(), where);
                assertTrue(ws.activeSetStableSince() >= 0 && ws.activeSetStableSince() <= ws.iterations(), where);
            }
        }
    }

    @Test
    void workingSetObjectiveNeverIncreasesAndTracksTheTrueObjective() {
        double[][] a = randomDense(200, 80, 0.06, 211);
        double[] b = gaussian(200, 212);
        BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(0.1 * lambdaMax(a, b));
        BcdResult res = Bcd.solve(p, null, WS);
        assertTrue(res.converged(), res.detail());
        double[] hist = res.objectiveHistory();
        assertEquals(res.iterations() + 1, hist.length);
        for (int k = 1; k < hist.length; k++) {
            assertTrue(hist[k] <= hist[k - 1] + 1e-12 * Math.abs(hist[k - 1]),
                    "F rose at iteration " + k + " from " + hist[k - 1] + " to " + hist[k]);
        }
        // the incremental objective after k steps is the objective of the iterate a run capped at k returns
        for (int k : new int[] {1, 7, hist.length / 3, hist.length / 2}) {
            BcdResult capped = Bcd.solve(p, null, WS.withMaxIterations(k));
            assertEquals(StopReason.MAX_ITERATIONS, capped.reason());
            assertEquals(k, capped.iterations());
            assertEquals(p.objective(capped.x()), hist[k], 1e-11 * Math.abs(hist[k]), "iteration " + k);
        }
    }

    @Test
    void workingSetContainsTheFinalSupportAndLeavesMostZerosOut() {
        double[][] a = randomDense(400, 200, 0.04, 221);
        double[] b = gaussian(400, 222);
        for (boolean nonneg : new boolean[] {false, true}) {
            BcdProblem p = BcdProblem.leastSquares(csc(a), b).withL1(0.3 * lambdaMax(a, b)).withNonnegative(nonneg);
            BcdRun run = new BcdRun(p, new double[200], WS);
            BcdResult res = run.run(System.nanoTime());
            assertTrue(res.converged(), res.detail());
            boolean[] in = run.workingSetMembers();
            int size = 0;
            int support = 0;
            for (int j = 0; j < 200; j++) {
                size += in[j] ? 1 : 0;
                if (res.x()[j] != 0) {
                    support++;
                    assertTrue(in[j], "x(" + j + ") ≠ 0 outside the working set");
                }
            }
            assertTrue(support > 0, "the test problem should have a nonzero solution");
            assertTrue(size < 200, "the working set should leave coordinates out, has " + size + " of 200");
        }
    }

    @Test
    void workingSetFromAStartingPointKeepsItAndSolvesUnregularizedLeastSquares() {
        double[][] a = randomDense(90, 30, 0.15, 231);
        double[] b = gaussian(90, 232);
        double[] xs = denseSolve(gram(a), BcdFixtures.atv(a, b));
        double[] x0 = gaussian(30, 233);
        double[] copy = x0.clone();
        BcdResult res = Bcd.solve(BcdProblem.leastSquares(csc(a), b), x0, WS);
        assertArrayEquals(copy, x0, "x₀ must not be modified");
        assertTrue(res.converged(), res.detail());
        assertEquals("gradient-inf-norm", res.optimalityMeasure());
        for (int j = 0; j < 30; j++) {
            assertEquals(xs[j], res.x()[j], 1e-7 * (1 + Math.abs(xs[j])), "x(" + j + ")");
        }
        // a solution as the starting point: converged at once, no iteration
        BcdProblem lasso = BcdProblem.leastSquares(csc(a), b).withL1(0.2 * lambdaMax(a, b));
        double[] opt = Bcd.solve(lasso, null, WS).x();
        BcdResult again = Bcd.solve(lasso, opt, WS.withTolerance(1e-6));
        assertTrue(again.converged(), again.detail());
        assertTrue(again.iterations() <= 2 * 30, again.iterations() + " iterations from the optimum");
    }

    @Test
    void workingSetRuleRejectsOtherLossesAndBlocksWithOneSentence() {
        double[][] a = randomDense(10, 4, 0.5, 241);
        double[] labels = {1, -1, 1, 1, -1, -1, 1, -1, 1, 1};
        String m1 = assertThrows(IllegalArgumentException.class, () -> Bcd.solve(
                BcdProblem.logistic(csc(a), labels), null, WS)).getMessage();
        assertTrue(m1.contains("working-set rule needs the least-squares loss"), m1);
        BcdProblem ls = BcdProblem.leastSquares(csc(a), new double[10]);
        String m2 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls, null, WS.withBlockSize(3))).getMessage();
        assertTrue(m2.contains("block size must be 1, got 3"), m2);
        String m3 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls, new double[3], WS)).getMessage();
        assertTrue(m3.contains("x0 has length 3"), m3);
        double[] neg = {0, -1, 0, 0};
        String m4 = assertThrows(IllegalArgumentException.class,
                () -> Bcd.solve(ls.withNonnegative(true), neg, WS)).getMessage();
        assertTrue(m4.contains("x0(2) = -1.0 violates x ≥ 0"), m4);
        assertArrayEquals(new double[] {0, -1, 0, 0}, neg);
        assertEquals(SelectionRule.WORKING_SET, SelectionRule.fromCliName("working-set"));
    }
}
