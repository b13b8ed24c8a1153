package org.sparrow.benchmarks.bcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.bcd.Bcd;
import org.sparrow.solvers.bcd.BcdOptions;
import org.sparrow.solvers.bcd.BcdProblem;
import org.sparrow.solvers.bcd.BcdResult;
import org.sparrow.solvers.bcd.PartitionRule;
import org.sparrow.solvers.bcd.SelectionRule;
import org.sparrow.solvers.bcd.UpdateRule;

class BcdDatasetsTest {

    /** A long greedy run with exact (Hessian) block updates: the library's minimum. */
    private static double libraryMinimum(BcdProblem p, int iterations) {
        BcdResult r = Bcd.solve(p, null, BcdOptions.defaults().withPartition(PartitionRule.VARIABLE)
                .withRule(SelectionRule.GS).withUpdate(UpdateRule.HESSIAN).withTolerance(1e-13)
                .withMaxIterations(iterations));
        return BcdSuite.min(r.objectiveHistory());
    }

    @Test
    void datasetAIsSeededWithThePaperShapeAndDensityAndFStarIsItsMinimum() {
        BcdDatasets.Dataset a = BcdDatasets.datasetA(60, 200, 11);
        BcdDatasets.Dataset again = BcdDatasets.datasetA(60, 200, 11);
        assertEquals(a.matrix(), again.matrix(), "same seed, same design");
        assertEquals(60, a.problem().rows());
        assertEquals(200, a.problem().cols());
        double expected = 10 * Math.log(60) / 60 * 60 * 200; // keep probability 10·log(m)/m
        assertEquals(expected, a.matrix().nnz(), 0.15 * expected);
        double f0 = a.problem().objective(new double[200]);
        // m < n and full row rank: the direct solve fits b exactly
        assertEquals(0, a.fStar(), 1e-12 * f0);
        double lib = libraryMinimum(a.problem(), 20000);
        assertTrue(lib >= a.fStar() - 1e-9 * f0, "nothing goes below f*: " + lib + " vs " + a.fStar());
        assertTrue(lib - a.fStar() <= 1e-6 * f0, "the library approaches f*: " + lib + " vs " + a.fStar());
    }

    @Test
    void datasetBHasLabelsPlusMinusOneAndTheInfimumZero() {
        BcdDatasets.Dataset b = BcdDatasets.datasetB(50, 300, 12);
        assertEquals(0.0, b.fStar());
        double f0 = b.problem().objective(new double[300]);
        assertEquals(50 * Math.log(2), f0, 1e-9);
        BcdResult r = Bcd.solve(b.problem(), null, BcdOptions.defaults().withMaxIterations(3000));
        double f = BcdSuite.min(r.objectiveHistory());
        assertTrue(f > 0 && f < 0.1 * f0, "separable: the loss falls towards 0, got " + f);
    }

    @Test
    void datasetEIsASymmetricPositiveDefiniteLabelPropagationWithFStarFromTheDirectSolve() {
        BcdDatasets.Dataset e = BcdDatasets.datasetE(300, 15, 0.1, 13);
        CsrMatrix a = e.matrix();
        assertEquals(a, a.transpose(), "A is symmetric");
        int unknowns = a.rows();
        assertTrue(unknowns <= 285 && unknowns >= 270, "at least 15 of 300 points are labelled: " + unknowns);
        // each row: degree on the diagonal ≥ the off-diagonal weights (diagonally dominant Laplacian block)
        for (int i = 0; i < unknowns; i++) {
            double off = 0;
            for (int q = a.rowPointers()[i]; q < a.rowPointers()[i + 1]; q++) {
                if (a.columnIndices()[q] != i) {
                    off -= a.values()[q];
                }
            }
            assertTrue(a.get(i, i) >= off && a.get(i, i) >= 5 - 1e-12, "row " + (i + 1));
        }
        double lib = libraryMinimum(e.problem(), 200000);
        assertEquals(e.fStar(), lib, 1e-8 * Math.abs(e.fStar()), "the library's minimum is the direct f*");
        Random rnd = new Random(1);
        double[] x = new double[unknowns];
        for (int i = 0; i < unknowns; i++) {
            x[i] = rnd.nextGaussian();
        }
        assertTrue(e.problem().objective(x) > e.fStar());
    }

    @Test
    void datasetDFromTheSharedDataHasThePaperOptimum() throws Exception {
        Path dir;
        try {
            dir = BenchmarkData.dataDir().getParent().resolve("bcd");
        } catch (IllegalStateException e) {
            dir = Path.of("missing");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir) || Boolean.getBoolean("sparrow.data.required"),
                "../shared/data/bcd not found");
        BcdDatasets.Dataset d = BcdDatasets.datasetD(dir);
        assertEquals(2400, d.matrix().rows());
        assertEquals(11420, d.matrix().nnz());
        assertEquals(BcdDatasets.PAPER_F_STAR_D, d.fStar(), 1e-12 * Math.abs(BcdDatasets.PAPER_F_STAR_D));
    }

    @Test
    void everyComponentWithoutALabelGetsOne() {
        // two components {0,1,2} and {3,4}; only node 0 labelled
        CooMatrix.Builder b = CooMatrix.builder(5, 5);
        b.add(0, 1, 1).add(1, 0, 1).add(1, 2, 1).add(2, 1, 1).add(3, 4, 1).add(4, 3, 1);
        boolean[] labelled = {true, false, false, false, false};
        BcdDatasets.labelEveryComponent(b.build().toCsr(), labelled, new int[] {4, 3, 2, 1, 0});
        assertArrayEquals(new boolean[] {true, false, false, false, true}, labelled);
    }

    @Test
    void nearestNeighboursOnALineAreTheAdjacentPoints() {
        double[] x = {0, 1, 2, 3, 4, 10};
        double[] y = new double[6];
        int[][] nn = BcdDatasets.knn(x, y, 2);
        assertArrayEquals(new int[] {1, 2}, nn[0]);
        assertArrayEquals(new int[] {1, 3}, nn[2]);
        assertArrayEquals(new int[] {4, 3}, nn[5]);
    }

    @Test
    void lassoDesignIsSeededAndLambdaMaxMakesZeroOptimal() {
        BcdDatasets.LassoDesign d = BcdDatasets.lassoDesign(400, 60, 5);
        assertEquals(d.x(), BcdDatasets.lassoDesign(400, 60, 5).x());
        assertEquals("400x60", d.name());
        double expected = 10 * Math.log(400) / 400 * 400 * 60;
        assertEquals(expected, d.x().nnz(), 0.15 * expected);
        double lmax = d.lambdaMax();
        BcdProblem p = BcdProblem.leastSquares(d.x(), d.y()).withL1(1.0001 * lmax);
        BcdResult r = Bcd.solve(p, null, BcdOptions.defaults().withMaxIterations(2000));
        for (double v : r.x()) {
            assertEquals(0.0, v, "above λ_max the Lasso solution is 0");
        }
        BcdProblem below = BcdProblem.leastSquares(d.x(), d.y()).withL1(0.9 * lmax);
        BcdResult r2 = Bcd.solve(below, null, BcdOptions.defaults().withMaxIterations(2000));
        assertTrue(below.objective(r2.x()) < below.objective(new double[60]), "below λ_max, 0 is not optimal");
    }
}
