package org.sparrow.benchmarks.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

class PlanMetricsTest {

    @TempDir
    Path tmp;

    @Test
    void marginalErrorAndCostOfASmallPlanMatchHandComputation() {
        // P = [[0.25, 0.25], [0, 0.4]], a = b = (0.5, 0.5): row sums (0.5, 0.4), column sums (0.25, 0.65)
        // error = |0.5−0.5| + |0.4−0.5| + |0.25−0.5| + |0.65−0.5| = 0.1 + 0.25 + 0.15 = 0.5
        DenseMatrix c = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        double[] ab = {0.5, 0.5};
        PlanMetrics dense = PlanMetrics.ofDense(new double[] {0.25, 0.25, 0, 0.4}, c, ab, ab);
        assertEquals(0.5, dense.marginalError(), 1e-15);
        assertEquals(0.25 + 0.5 + 1.6, dense.transportCost(), 1e-15);
        assertEquals(3, dense.nnz());
        CsrMatrix sparse = new CsrMatrix(2, 2, new int[] {0, 2, 3}, new int[] {0, 1, 1}, new double[] {0.25, 0.25, 0.4});
        PlanMetrics s = PlanMetrics.of(sparse, c, ab, ab);
        assertEquals(dense.marginalError(), s.marginalError(), 0.0);
        assertEquals(dense.transportCost(), s.transportCost(), 0.0);
        assertEquals(3, s.nnz());
    }

    @Test
    void sparseAndDenseFormsOfTheSameRandomPlanAgree() {
        Random r = new Random(11);
        int n = 23;
        int m = 17;
        double[] p = new double[n * m];
        double[] cv = new double[n * m];
        for (int k = 0; k < p.length; k++) {
            p[k] = r.nextDouble() < 0.3 ? r.nextDouble() / (n * m) : 0.0;
            cv[k] = r.nextDouble();
        }
        double[] a = new double[n];
        double[] b = new double[m];
        Arrays.fill(a, 1.0 / n);
        Arrays.fill(b, 1.0 / m);
        DenseMatrix c = new DenseMatrix(n, m, cv);
        PlanMetrics dense = PlanMetrics.ofDense(p, c, a, b);
        PlanMetrics sparse = PlanMetrics.of(new DenseMatrix(n, m, p).toCsr(), c, a, b);
        assertEquals(dense.marginalError(), sparse.marginalError(), 1e-15);
        assertEquals(dense.transportCost(), sparse.transportCost(), 1e-15);
        assertEquals(dense.nnz(), sparse.nnz());
        // an exact coupling: the product plan a·bᵀ has no marginal error
        double[] prod = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                prod[i * m + j] = a[i] * b[j];
            }
        }
        assertTrue(PlanMetrics.ofDense(prod, c, a, b).marginalError() < 1e-15);
    }

    @Test
    void compensatedSumsKeepTinyErrorsOfManyEntries() {
        // 10⁶ entries of 1e-6 each, one perturbed by 1e-12: the error is 2e-12 (the row and the column),
        // which a plain sum of 10⁶ terms would bury under ~1e-10 of rounding
        int n = 1000;
        double[] p = new double[n * n];
        Arrays.fill(p, 1e-6);
        p[12345] += 1e-12;
        double[] a = new double[n];
        Arrays.fill(a, 1e-3);
        PlanMetrics m = PlanMetrics.ofDense(p, new DenseMatrix(n, n, new double[n * n]), a, a);
        assertEquals(2e-12, m.marginalError(), 2e-14);
    }

    @Test
    void aDensePlanOfTheWrongSizeIsRefused() {
        DenseMatrix c = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        double[] ab = {0.5, 0.5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanMetrics.ofDense(new double[3], c, ab, ab));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }

    @Test
    void relativeDifferenceAndLogLogSlope() {
        assertEquals(1e-3, PlanMetrics.relativeDifference(1.001, 1.0), 1e-12);
        assertTrue(Double.isNaN(PlanMetrics.relativeDifference(1.0, 0.0)));
        assertTrue(Double.isNaN(PlanMetrics.relativeDifference(Double.NaN, 1.0)));
        double[] n = {500, 1000, 2000};
        assertEquals(2.0, PlanMetrics.logLogSlope(n, new double[] {2.5e-3, 1e-2, 4e-2}), 1e-12);
        assertEquals(1.0, PlanMetrics.logLogSlope(n, new double[] {1, 2, 4}), 1e-12);
        assertTrue(Double.isNaN(PlanMetrics.logLogSlope(new double[] {500}, new double[] {1})));
        // points that cannot be on a log axis are left out
        assertEquals(2.0, PlanMetrics.logLogSlope(new double[] {10, 20, 40}, new double[] {1, 4, Double.NaN}), 1e-12);
    }

    @Test
    void rawFloat64FilesRoundTripAndAShortFileIsRefused() throws IOException {
        double[] v = {0.0, -1.5, Math.PI, Double.MIN_VALUE, 1e300};
        Path f = tmp.resolve("v.bin");
        PotPeer.writeDoubles(f, v);
        assertEquals(40, Files.size(f));
        assertEquals(0x40, Files.readAllBytes(f)[23] & 0xff); // little-endian: π's top byte 0x40 is the 8th of its 8
        assertTrue(Arrays.equals(v, PotPeer.readDoubles(f, 5)));
        IOException e = assertThrows(IOException.class, () -> PotPeer.readDoubles(f, 6));
        assertTrue(e.getMessage().contains("40 bytes"), e.getMessage());
    }
}
