package org.sparrow.sketching.completion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.solvers.StopReason;

class MatrixCompletionTest {

    /** A hidden rank-k matrix A·Bᵀ with Gaussian factors (incoherent), row-major m × n. */
    static double[] hidden(int m, int n, int k, long seed) {
        Random rnd = new Random(seed);
        double[] a = new double[m * k];
        double[] b = new double[n * k];
        for (int p = 0; p < a.length; p++) {
            a[p] = rnd.nextGaussian();
        }
        for (int p = 0; p < b.length; p++) {
            b[p] = rnd.nextGaussian();
        }
        double[] x = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += a[i * k + c] * b[j * k + c];
                }
                x[i * n + j] = s;
            }
        }
        return x;
    }

    /** Exactly `count` distinct entries of the m × n matrix x, uniformly at random, as COO (shuffled order). */
    static CooMatrix sample(double[] x, int m, int n, int count, long seed) {
        Random rnd = new Random(seed);
        int[] all = new int[m * n];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        for (int t = 0; t < count; t++) {
            int pick = t + rnd.nextInt(all.length - t);
            int s = all[pick];
            all[pick] = all[t];
            all[t] = s;
        }
        int[] ri = new int[count];
        int[] ci = new int[count];
        double[] v = new double[count];
        for (int t = 0; t < count; t++) {
            ri[t] = all[t] / n;
            ci[t] = all[t] % n;
            v[t] = x[all[t]];
        }
        return new CooMatrix(m, n, ri, ci, v);
    }

    /**
     * `count` distinct entries of x with at least one in every row and column: (i, i mod n) and (j mod m, j) first,
     * then uniformly random others.
     */
    static CooMatrix sampleCovering(double[] x, int m, int n, int count, long seed) {
        java.util.LinkedHashSet<Integer> picked = new java.util.LinkedHashSet<>();
        for (int i = 0; i < m; i++) {
            picked.add(i * n + i % n);
        }
        for (int j = 0; j < n; j++) {
            picked.add((j % m) * n + j);
        }
        Random rnd = new Random(seed);
        while (picked.size() < count) {
            picked.add(rnd.nextInt(m * n));
        }
        CooMatrix.Builder b = CooMatrix.builder(m, n, count);
        for (int p : picked) {
            b.add(p / n, p % n, x[p]);
        }
        return b.build();
    }

    /** ‖U·Vᵀ − X‖_F / ‖X‖_F over the full matrix. */
    static double relativeError(CompletionResult r, double[] x) {
        double[] full = r.factors().toDense().data();
        double num = 0;
        double den = 0;
        for (int p = 0; p < x.length; p++) {
            double d = full[p] - x[p];
            num += d * d;
            den += x[p] * x[p];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void exactAlternatingMinimizationRecoversNoiselessIncoherentRankFiveMatrix() {
        int m = 300;
        int n = 200;
        int k = 5;
        double[] x = hidden(m, n, k, 1);
        CooMatrix obs = sample(x, m, n, 5 * (m + n) * k, 2); // 5 × the (m + n)·k degrees of freedom, 21 % of M
        CompletionResult r = MatrixCompletion.complete(obs, CompletionOptions.defaults(k));
        assertTrue(r.converged(), r.detail());
        assertEquals(StopReason.CONVERGED, r.reason());
        assertTrue(relativeError(r, x) <= 1e-8, "relative error " + relativeError(r, x) + ": " + r.detail());
        assertEquals(m, r.factors().u().rows());
        assertEquals(n, r.factors().v().rows());
        assertEquals(k, r.rank());
        assertEquals(r.iterations(), r.changeHistory().length);
        assertEquals(0, r.sketchRows());
        assertTrue(r.trainingRmse() < 1e-8);
        assertTrue(Double.isNaN(r.validationRmse()));
    }

    @Test
    void sketchedAlternatingMinimizationRecoversNoiselessIncoherentRankFiveMatrix() {
        int m = 300;
        int n = 200;
        int k = 5;
        double[] x = hidden(m, n, k, 1);
        CooMatrix obs = sample(x, m, n, 5 * (m + n) * k, 2);
        CompletionResult r = MatrixCompletion.complete(obs,
                CompletionOptions.defaults(k).withMethod(CompletionMethod.SKETCHED_ALTERNATING_MINIMIZATION));
        assertTrue(r.converged(), r.detail());
        assertTrue(relativeError(r, x) <= 1e-8, "relative error " + relativeError(r, x) + ": " + r.detail());
        assertEquals(MatrixCompletion.SKETCH_FACTOR * k, r.sketchRows());
        assertEquals(MatrixCompletion.SKETCH_ITERATIONS, r.sketchIterations());
        // rows hold about 42 and columns about 62 observations, above 2s = 40: most solves are sketched
        assertTrue(r.detail().contains("sketched solves for"), r.detail());
        assertFalse(r.detail().contains("sketched solves for 0 of"), r.detail());
    }

    @Test
    void fewerObservationsThanDegreesOfFreedomDoNotClaimConvergence() {
        int m = 300;
        int n = 200;
        int k = 5;
        double[] x = hidden(m, n, k, 3);
        CooMatrix obs = sampleCovering(x, m, n, 2000, 4); // < k·(m + n − k) = 2475
        for (CompletionMethod method : CompletionMethod.values()) {
            CompletionResult r = MatrixCompletion.complete(obs,
                    CompletionOptions.defaults(k).withMethod(method).withMaxIterations(40));
            assertFalse(r.converged(), r.detail());
            assertNotEquals(StopReason.CONVERGED, r.reason());
            assertTrue(r.detail().contains("below the information limit for rank 5"), r.detail());
            assertTrue(r.detail().contains("2000 training entries < k·(m + n − k) = 2475"), r.detail());
        }
    }

    @Test
    void rowWithFewerThanRankObservationsIsReportedAndNotClaimedConverged() {
        int m = 120;
        int n = 100;
        int k = 4;
        double[] x = hidden(m, n, k, 5);
        CooMatrix full = sample(x, m, n, 6 * (m + n) * k, 6);
        // keep only the first 2 observations of row 8 (1-based)
        CooMatrix.Builder b = CooMatrix.builder(m, n);
        int kept = 0;
        for (int p = 0; p < full.nnz(); p++) {
            if (full.rowIndices()[p] == 7 && kept++ >= 2) {
                continue;
            }
            b.add(full.rowIndices()[p], full.columnIndices()[p], full.values()[p]);
        }
        CompletionResult r = MatrixCompletion.complete(b.build(), CompletionOptions.defaults(k).withMaxIterations(60));
        assertFalse(r.converged(), r.detail());
        assertTrue(r.detail().contains("1 row has fewer than k = 4 training entries (first: row 8 with 2)"),
                r.detail());
        if (r.reason() == StopReason.BREAKDOWN) {
            assertTrue(r.detail().contains("U·Vᵀ is not determined"), r.detail());
        }
    }

    @Test
    void ridgeRowsMatchClosedFormDenseRidgeGivenTheOtherFactor() {
        int m = 14;
        int n = 11;
        int k = 3;
        double lambda = 0.7;
        Random rnd = new Random(7);
        double[] x = hidden(m, n, k, 8);
        for (int p = 0; p < x.length; p++) {
            x[p] += 0.3 * rnd.nextGaussian(); // noise: the ridge matters
        }
        CooMatrix obs = sample(x, m, n, 110, 9);
        for (int iterations : new int[] {1, 4}) {
            CompletionResult r = MatrixCompletion.complete(obs,
                    CompletionOptions.defaults(k).withLambda(lambda).withMaxIterations(iterations));
            assertRidgeRows(obs, r, lambda, 1e-10);
        }
    }

    /** Each row u_i of the result equals (V_Ωiᵀ·V_Ωi + λI)⁻¹·V_Ωiᵀ·m_Ωi, solved densely by EJML, to the given relative accuracy. */
    private static void assertRidgeRows(CooMatrix obs, CompletionResult r, double lambda, double tol) {
        assertRidgeRows(obs.toCsr(), r.factors().u().data(), r.factors().v().data(), r.rank(), lambda, tol);
    }

    /** As above for row-major factors u (rows × k) and v (cols × k). */
    static void assertRidgeRows(CsrMatrix c, double[] u, double[] v, int k, double lambda, double tol) {
        for (int i = 0; i < c.rows(); i++) {
            int from = c.rowPointers()[i];
            int to = c.rowPointers()[i + 1];
            DMatrixRMaj a = new DMatrixRMaj(to - from + k, k);
            DMatrixRMaj y = new DMatrixRMaj(to - from + k, 1);
            for (int p = from; p < to; p++) {
                for (int t = 0; t < k; t++) {
                    a.set(p - from, t, v[c.columnIndices()[p] * k + t]);
                }
                y.set(p - from, 0, c.values()[p]);
            }
            for (int t = 0; t < k; t++) {
                a.set(to - from + t, t, Math.sqrt(lambda)); // [V_Ωi; √λ·I] by QR: a different route than the normal equations
            }
            DMatrixRMaj sol = new DMatrixRMaj(k, 1);
            assertTrue(CommonOps_DDRM.solve(a, y, sol));
            double num = 0;
            double den = 0;
            for (int t = 0; t < k; t++) {
                double d = u[i * k + t] - sol.get(t, 0);
                num += d * d;
                den += sol.get(t, 0) * sol.get(t, 0);
            }
            assertTrue(Math.sqrt(num / den) <= tol, "row " + i + ": relative deviation " + Math.sqrt(num / den));
        }
    }

    @Test
    void validationSplitIsSeededAndKeepsEveryRowAndColumnAtRankObservations() {
        int m = 80;
        int n = 60;
        int k = 3;
        double[] x = hidden(m, n, k, 13);
        CooMatrix obs = sample(x, m, n, 1500, 14);
        Observations a = Observations.of(m, n, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), k, 0.2,
                99);
        Observations b = Observations.of(m, n, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), k, 0.2,
                99);
        Observations c = Observations.of(m, n, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), k, 0.2,
                100);
        assertEquals(300, a.validationCount());
        assertArrayEquals(a.valRow, b.valRow);
        assertArrayEquals(a.valCol, b.valCol);
        assertArrayEquals(a.rowCol, b.rowCol);
        assertFalse(Arrays.equals(a.valRow, c.valRow) && Arrays.equals(a.valCol, c.valCol));
        assertEquals(1500, a.trainingCount() + a.validationCount());
        for (int i = 0; i < m; i++) {
            assertTrue(a.rowPtr[i + 1] - a.rowPtr[i] >= k);
        }
        for (int j = 0; j < n; j++) {
            assertTrue(a.colPtr[j + 1] - a.colPtr[j] >= k);
        }
        // the training CSR and CSC hold the same entries, and none of them is held out
        for (int j = 0; j < n; j++) {
            for (int p = a.colPtr[j]; p < a.colPtr[j + 1]; p++) {
                int i = a.colRow[p];
                int at = Arrays.binarySearch(a.rowCol, a.rowPtr[i], a.rowPtr[i + 1], j);
                assertTrue(at >= 0);
                assertEquals(a.rowVal[at], a.colVal[p]);
                assertEquals(x[i * n + j], a.colVal[p]);
            }
        }
        for (int t = 0; t < a.validationCount(); t++) {
            int i = a.valRow[t];
            assertTrue(Arrays.binarySearch(a.rowCol, a.rowPtr[i], a.rowPtr[i + 1], a.valCol[t]) < 0);
            assertEquals(x[i * n + a.valCol[t]], a.valVal[t]);
        }
    }

    @Test
    void validationSplitKeepsEntriesWhoseRowWouldFallBelowRank() {
        // row 1 has exactly k = 2 observations: none of them may be held out, whatever the fraction
        CooMatrix.Builder b = CooMatrix.builder(3, 3);
        b.add(0, 0, 1).add(0, 1, 2);
        for (int i = 1; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b.add(i, j, i + j);
            }
        }
        CooMatrix obs = b.build();
        Observations o = Observations.of(3, 3, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), 2, 0.9,
                5);
        assertEquals(2, o.rowPtr[1] - o.rowPtr[0]);
        assertTrue(o.validationCount() < Math.round(0.9 * 8));
    }

    @Test
    void completionWithValidationIsReproducibleForASeedAndReportsHeldOutError() {
        int m = 150;
        int n = 120;
        int k = 4;
        double[] x = hidden(m, n, k, 15);
        CooMatrix obs = sample(x, m, n, 6 * (m + n) * k, 16);
        CompletionOptions o = CompletionOptions.defaults(k).withValidationFraction(0.1).withSeed(77);
        CompletionResult r1 = MatrixCompletion.complete(obs, o);
        CompletionResult r2 = MatrixCompletion.complete(obs, o);
        assertEquals(Math.round(0.1 * obs.nnz()), r1.validationCount());
        assertEquals(obs.nnz(), r1.observed());
        assertArrayEquals(r1.factors().u().data(), r2.factors().u().data());
        assertEquals(r1.validationRmse(), r2.validationRmse());
        assertTrue(r1.converged(), r1.detail());
        assertTrue(r1.validationRmse() < 1e-6 * rms(x), r1.detail());
        assertTrue(relativeError(r1, x) <= 1e-8, r1.detail());
    }

    private static double rms(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d * d;
        }
        return Math.sqrt(s / x.length);
    }

    @Test
    void risingValidationErrorStopsAnOverfittingRankWithStagnation() {
        int m = 60;
        int n = 60;
        Random rnd = new Random(5);
        double[] x = hidden(m, n, 2, 11);
        for (int p = 0; p < x.length; p++) {
            x[p] += rnd.nextGaussian(); // noise as large as the entries: rank 10 fits the noise
        }
        CooMatrix obs = sampleCovering(x, m, n, 1800, 12);
        CompletionOptions o = CompletionOptions.defaults(10).withValidationFraction(0.2).withMaxIterations(300)
                .withSeed(3);
        CompletionResult r = MatrixCompletion.complete(obs, o);
        assertEquals(StopReason.STAGNATION, r.reason(), r.detail());
        assertFalse(r.converged());
        assertTrue(r.iterations() >= MatrixCompletion.RISING_LIMIT + 1);
        assertTrue(r.detail().contains("the validation RMSE rose 5 iterations in a row"), r.detail());
        assertTrue(r.validationRmse() > r.trainingRmse());
        // the right rank on the same data is not stopped that way
        CompletionResult right = MatrixCompletion.complete(obs, o.withRank(2));
        assertNotEquals(StopReason.STAGNATION, right.reason(), right.detail());
    }

    @Test
    void settledFitThatTheHeldOutEntriesContradictIsNotClaimedConverged() {
        int m = 90;
        int n = 70;
        int k = 3;
        double[] x = hidden(m, n, k, 25);
        CooMatrix obs = sample(x, m, n, 6 * (m + n) * k, 26);
        CompletionOptions o = CompletionOptions.defaults(k).withValidationFraction(0.1).withSeed(27);
        // the split depends on the positions and the seed only: find it, then make the held-out values disagree
        Observations split = Observations.of(m, n, obs.rowIndices(), obs.columnIndices(), obs.values(), obs.nnz(), k,
                0.1, 27);
        java.util.HashSet<Long> held = new java.util.HashSet<>();
        for (int t = 0; t < split.validationCount(); t++) {
            held.add((long) split.valRow[t] * n + split.valCol[t]);
        }
        double[] values = obs.values().clone();
        for (int p = 0; p < values.length; p++) {
            if (held.contains((long) obs.rowIndices()[p] * n + obs.columnIndices()[p])) {
                values[p] += 1.0;
            }
        }
        CooMatrix contradicted = new CooMatrix(m, n, obs.rowIndices(), obs.columnIndices(), values);
        CompletionResult r = MatrixCompletion.complete(contradicted, o);
        assertFalse(r.converged(), r.detail());
        assertEquals(StopReason.STAGNATION, r.reason(), r.detail());
        assertTrue(r.trainingRmse() < 1e-9, r.detail());
        assertEquals(1.0, r.validationRmse(), 1e-6);
        assertTrue(r.detail().contains("but the held-out entries do not confirm the fit"), r.detail());
        // the consistent data pass the same check
        assertTrue(MatrixCompletion.complete(obs, o).converged());
    }

    @Test
    void resultDoesNotDependOnThreadCountBitForBit() {
        int m = 400;
        int n = 300;
        int k = 6;
        double[] x = hidden(m, n, k, 17);
        CooMatrix obs = sample(x, m, n, 5 * (m + n) * k, 18);
        for (CompletionMethod method : CompletionMethod.values()) {
            CompletionOptions o = CompletionOptions.defaults(k).withMethod(method).withMaxIterations(8);
            CompletionResult seq = MatrixCompletion.complete(obs, o.withPar(Par.SEQ));
            CompletionResult two = MatrixCompletion.complete(obs, o.withPar(Par.threads(2)));
            assertArrayEquals(seq.factors().u().data(), two.factors().u().data());
            assertArrayEquals(seq.factors().v().data(), two.factors().v().data());
            assertArrayEquals(seq.changeHistory(), two.changeHistory());
            assertEquals(seq.trainingRmse(), two.trainingRmse());
        }
    }

    @Test
    void csrAndCooInputGiveTheSameResult() {
        int m = 60;
        int n = 50;
        int k = 2;
        double[] x = hidden(m, n, k, 19);
        CooMatrix obs = sample(x, m, n, 900, 20);
        CompletionOptions o = CompletionOptions.defaults(k).withMaxIterations(5);
        assertArrayEquals(MatrixCompletion.complete(obs, o).factors().u().data(),
                MatrixCompletion.complete(obs.toCsr(), o).factors().u().data());
    }

    @Test
    void explicitZerosAreObservations() {
        // a rank-1 matrix with zero entries: dropping the zeros would leave row 3 empty and be refused
        CooMatrix.Builder b = CooMatrix.builder(3, 3);
        double[] a = {1, 2, 0};
        double[] c = {3, 1, 2};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b.add(i, j, a[i] * c[j]);
            }
        }
        CompletionResult r = MatrixCompletion.complete(b.build(), CompletionOptions.defaults(1));
        assertTrue(r.converged(), r.detail());
        assertEquals(0.0, r.factors().get(2, 1), 1e-12);
        assertEquals(9, r.observed());
    }

    @Test
    void badInputGivesOneClearSentenceWithOneBasedIndices() {
        double[] x = hidden(10, 8, 2, 21);
        CooMatrix obs = sample(x, 10, 8, 60, 22);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompletionOptions.defaults(0));
        assertTrue(e.getMessage().startsWith("rank must be ≥ 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixCompletion.complete(obs, CompletionOptions.defaults(9)));
        assertEquals("rank 9 exceeds min(rows, cols) = 8 of the 10×8 matrix of observations", e.getMessage());

        CooMatrix nan = new CooMatrix(3, 3, new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 3 - 1}, new double[] {1, 2,
                Double.NaN, 1});
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixCompletion.complete(nan, CompletionOptions.defaults(1)));
        assertTrue(e.getMessage().startsWith("the observation at (3, 3) is NaN"), e.getMessage());

        CooMatrix twice = new CooMatrix(2, 3, new int[] {0, 1, 1, 0, 1}, new int[] {0, 1, 2, 2, 2},
                new double[] {1, 2, 3, 4, 5});
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixCompletion.complete(twice, CompletionOptions.defaults(1)));
        assertEquals("the entry (2, 3) is observed twice (1-based row, column); each entry may be observed once",
                e.getMessage());

        CooMatrix emptyRow = new CooMatrix(3, 2, new int[] {0, 2, 0}, new int[] {0, 1, 1}, new double[] {1, 2, 3});
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixCompletion.complete(emptyRow, CompletionOptions.defaults(1)));
        assertTrue(e.getMessage().startsWith("row 2 of the 3×2 matrix has no observation"), e.getMessage());

        CooMatrix emptyCol = new CooMatrix(2, 3, new int[] {0, 1}, new int[] {0, 2}, new double[] {1, 2});
        e = assertThrows(IllegalArgumentException.class,
                () -> MatrixCompletion.complete(emptyCol, CompletionOptions.defaults(1)));
        assertTrue(e.getMessage().startsWith("column 2 of the 2×3 matrix has no observation"), e.getMessage());

        for (IllegalArgumentException ex : new IllegalArgumentException[] {
                assertThrows(IllegalArgumentException.class, () -> CompletionOptions.defaults(2).withLambda(-1)),
                assertThrows(IllegalArgumentException.class, () -> CompletionOptions.defaults(2)
                        .withValidationFraction(1.0)),
                assertThrows(IllegalArgumentException.class, () -> CompletionOptions.defaults(2).withMaxIterations(0)),
                assertThrows(IllegalArgumentException.class, () -> CompletionMethod.fromCliName("als"))}) {
            assertFalse(ex.getMessage().contains("Exception") || ex.getMessage().contains("java."), ex.getMessage());
        }
        assertEquals("unknown completion method 'als': expected one of am, sketched-am",
                assertThrows(IllegalArgumentException.class, () -> CompletionMethod.fromCliName("als")).getMessage());
        assertEquals(CompletionMethod.SKETCHED_ALTERNATING_MINIMIZATION, CompletionMethod.fromCliName("Sketched_AM"));
    }

    @Test
    void clippingZerosExactlyTheEntriesAboveTwiceTheNinetiethPercentileRowNormThenReorthonormalizes() {
        int m = 100;
        int k = 3;
        Random rnd = new Random(23);
        double[] u = new double[m * k];
        for (int p = 0; p < u.length; p++) {
            u[p] = rnd.nextGaussian() / Math.sqrt(m);
        }
        u[17 * k + 1] = 5.0; // a spike, as an over-sampled row of Ω produces
        u[42 * k] = -3.0;
        u = MatrixCompletion.orthonormalize(u, m, k);
        double threshold = MatrixCompletion.clipThreshold(u, m, k);
        // independent check of the threshold: twice the 90th of the sorted row norms
        double[] norms = new double[m];
        for (int i = 0; i < m; i++) {
            norms[i] = Math.sqrt(u[i * k] * u[i * k] + u[i * k + 1] * u[i * k + 1] + u[i * k + 2] * u[i * k + 2]);
        }
        Arrays.sort(norms);
        assertEquals(2 * norms[89], threshold);
        double[] before = u.clone();
        int clipped = MatrixCompletion.clip(u, m, k, threshold);
        int expected = 0;
        for (int p = 0; p < u.length; p++) {
            if (Math.abs(before[p]) > threshold) {
                expected++;
                assertEquals(0.0, u[p]);
            } else {
                assertEquals(before[p], u[p]);
            }
        }
        assertEquals(expected, clipped);
        assertTrue(clipped >= 2, "the two spikes are clipped");
        assertEquals(0.0, u[17 * k + 1]);
        assertEquals(0.0, u[42 * k]);
        double[] q = MatrixCompletion.orthonormalize(u, m, k);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += q[i * k + a] * q[i * k + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, s, 1e-12);
            }
        }
    }
}
