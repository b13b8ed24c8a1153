package org.sparrow.solvers.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;
import org.sparrow.solvers.StopReason;

class EntropicOtTest {

    private static DenseMatrix randomCost(Random r, int n, int m) {
        double[] c = new double[n * m];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextDouble();
        }
        return new DenseMatrix(n, m, c);
    }

    /** Positive entries summing to {@code total}. */
    private static double[] randomMarginal(Random r, int n, double total) {
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            v[i] = 0.2 + r.nextDouble();
            s += v[i];
        }
        for (int i = 0; i < n; i++) {
            v[i] *= total / s;
        }
        return v;
    }

    private static double[] dense(CsrMatrix p) {
        return p.toDense().data();
    }

    private static double maxAbsDiff(double[] x, double[] y) {
        assertEquals(x.length, y.length);
        double d = 0;
        for (int k = 0; k < x.length; k++) {
            d = Math.max(d, Math.abs(x[k] - y[k]));
        }
        return d;
    }

    private static OtOptions options(OtMethod method, double eta) {
        return OtOptions.defaults().withMethod(method).withEta(eta).withTolerance(1e-12);
    }

    @ParameterizedTest
    @EnumSource(OtMethod.class)
    void planMatchesDenseNewtonReferenceOnSmallRectangularProblems(OtMethod method) {
        Random r = new Random(11);
        int[][] shapes = {{6, 9}, {7, 4}, {13, 13}};
        for (int[] s : shapes) {
            int n = s[0];
            int m = s[1];
            DenseMatrix c = randomCost(r, n, m);
            double[] a = randomMarginal(r, n, 1.0);
            double[] b = randomMarginal(r, m, 1.0);
            double eta = 30;
            OtResult res = EntropicOt.solve(c, a, b, options(method, eta).withSinkhornSteps(5));
            assertTrue(res.converged(), res.reason() + " " + res.detail());
            double[] ref = DenseNewtonReference.plan(c.data(), n, m, a, b, eta);
            assertTrue(maxAbsDiff(dense(res.plan()), ref) < 1e-11, n + "×" + m + ": " + maxAbsDiff(dense(res.plan()), ref));
        }
    }

    @ParameterizedTest
    @EnumSource(OtMethod.class)
    void oneRowOrOneColumnGivesTheForcedPlan(OtMethod method) {
        Random r = new Random(3);
        double[] b = randomMarginal(r, 7, 2.5);
        OtResult row = EntropicOt.solve(randomCost(r, 1, 7), new double[] {2.5}, b, options(method, 50));
        assertTrue(row.converged());
        for (int j = 0; j < 7; j++) {
            assertEquals(b[j], row.plan().get(0, j), 1e-13); // the only row carries each column's mass
        }
        double[] a = randomMarginal(r, 5, 0.75);
        OtResult col = EntropicOt.solve(randomCost(r, 5, 1), a, new double[] {0.75}, options(method, 50));
        assertTrue(col.converged());
        for (int i = 0; i < 5; i++) {
            assertEquals(a[i], col.plan().get(i, 0), 1e-13);
        }
    }

    @ParameterizedTest
    @EnumSource(OtMethod.class)
    void returnedPotentialsAndPlanSatisfyTheOptimalityConditions(OtMethod method) {
        Random r = new Random(5);
        int n = 30;
        int m = 23;
        DenseMatrix c = randomCost(r, n, m);
        double[] a = randomMarginal(r, n, 1.0);
        double[] b = randomMarginal(r, m, 1.0);
        double eta = 100;
        OtResult res = EntropicOt.solve(c, a, b, options(method, eta));
        assertTrue(res.converged(), res.detail());
        double[] p = dense(res.plan());
        double[] rs = new double[n];
        double[] cs = new double[m];
        double cost = 0;
        double negEntropy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double want = Math.exp(eta * (res.rowPotential()[i] + res.colPotential()[j] - c.get(i, j)) - 1);
                double got = p[i * m + j];
                assertEquals(want, got, 1e-9 * want + 1e-300, "P(" + (i + 1) + ", " + (j + 1) + ")");
                rs[i] += got;
                cs[j] += got;
                cost += c.get(i, j) * got;
                negEntropy += got > 0 ? got * Math.log(got) : 0;
            }
        }
        double err = 0;
        for (int i = 0; i < n; i++) {
            err += Math.abs(rs[i] - a[i]);
        }
        for (int j = 0; j < m; j++) {
            err += Math.abs(cs[j] - b[j]);
        }
        assertTrue(err <= 1e-12, "marginal error " + err);
        assertEquals(err, res.marginalError(), 1e-15);
        assertEquals(cost, res.transportCost(), 1e-14);
        assertEquals(cost + negEntropy / eta, res.objective(), 1e-10);
        assertEquals(res.iterations(), res.marginalErrorHistory().length);
        assertEquals(res.marginalError(), res.marginalErrorHistory()[res.iterations() - 1], 1e-12);
    }

    @Test
    void sinkhornAndSnsAgreeOnThePlanAtLargeEta() {
        Random r = new Random(17);
        int n = 60;
        int m = 45;
        DenseMatrix c = randomCost(r, n, m);
        double[] a = randomMarginal(r, n, 1.0);
        double[] b = randomMarginal(r, m, 1.0);
        OtResult sns = EntropicOt.solve(c, a, b, options(OtMethod.SNS, 1200));
        OtResult sk = EntropicOt.solve(c, a, b, options(OtMethod.SINKHORN, 1200));
        assertTrue(sns.converged(), sns.detail());
        assertTrue(sk.converged(), sk.detail());
        assertTrue(maxAbsDiff(dense(sns.plan()), dense(sk.plan())) < 1e-8);
        assertTrue(sns.iterations() < sk.iterations() / 5, sns.iterations() + " vs " + sk.iterations());
        assertTrue(sns.newtonIterations() > 0 && sns.cgIterations() > 0);
        assertEquals(0, sk.newtonIterations());
        assertTrue(sns.shiftedNewtonSteps() <= sns.newtonIterations());
    }

    @Test
    void snsConvergesOnARandomAssignmentAtEta1200WithFewIterations() {
        Random r = new Random(42);
        int n = 150;
        OtResult res = EntropicOt.solve(randomCost(r, n, n), EntropicOt.uniform(n), EntropicOt.uniform(n),
                OtOptions.defaults());
        assertTrue(res.converged(), res.detail());
        assertTrue(res.marginalError() <= 1e-9);
        assertTrue(res.iterations() <= 40, "iterations " + res.iterations());
        assertEquals(StopReason.CONVERGED, res.reason());
        assertEquals("", res.detail());
        // The history drops by orders of magnitude per step once Newton starts.
        double[] h = res.marginalErrorHistory();
        assertTrue(h[h.length - 1] < 1e-3 * h[19]);
    }

    @Test
    void sparseCostKeepsForbiddenEntriesZeroAndMatchesTheDenseSolveWithProhibitiveCosts() {
        Random r = new Random(23);
        int n = 25;
        int m = 31;
        double eta = 40;
        CooMatrix.Builder coo = CooMatrix.builder(n, m);
        double[] big = new double[n * m];
        boolean[] allowed = new boolean[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                boolean keep = j % n == i || (i + 2 * j) % n == 0 || r.nextDouble() < 0.3;
                double v = r.nextDouble();
                if (keep) {
                    coo.add(i, j, v);
                    allowed[i * m + j] = true;
                }
                big[i * m + j] = keep ? v : 1000.0; // exp(−η·1000) underflows: forbidden in effect
            }
        }
        CsrMatrix sparse = coo.build().toCsr();
        double[] a = randomMarginal(r, n, 1.0);
        double[] b = randomMarginal(r, m, 1.0);
        for (OtMethod method : OtMethod.values()) {
            OtResult s = EntropicOt.solve(sparse, a, b, options(method, eta));
            OtResult d = EntropicOt.solve(new DenseMatrix(n, m, big), a, b, options(method, eta));
            assertTrue(s.converged(), s.detail());
            assertTrue(d.converged(), d.detail());
            CsrMatrix p = s.plan();
            for (int i = 0; i < n; i++) {
                for (int k = p.rowPointers()[i]; k < p.rowPointers()[i + 1]; k++) {
                    assertTrue(allowed[i * m + p.columnIndices()[k]], "a forbidden entry is stored");
                }
            }
            assertTrue(maxAbsDiff(dense(p), dense(d.plan())) < 1e-10);
            assertEquals(d.transportCost(), s.transportCost(), 1e-10);
        }
    }

    @Test
    void unsortedSparseCostGivesTheSamePlanAsSorted() {
        Random r = new Random(29);
        int n = 6;
        int m = 5;
        DenseMatrix c = randomCost(r, n, m);
        CsrMatrix sorted = c.toCsr();
        int[] ptr = sorted.rowPointers().clone();
        int[] idx = sorted.columnIndices().clone();
        double[] val = sorted.values().clone();
        for (int i = 0; i < n; i++) { // reverse every row
            for (int lo = ptr[i], hi = ptr[i + 1] - 1; lo < hi; lo++, hi--) {
                int t = idx[lo];
                idx[lo] = idx[hi];
                idx[hi] = t;
                double v = val[lo];
                val[lo] = val[hi];
                val[hi] = v;
            }
        }
        CsrMatrix unsorted = CsrMatrix.unsorted(n, m, ptr, idx, val);
        double[] a = EntropicOt.uniform(n);
        double[] b = EntropicOt.uniform(m);
        OtResult x = EntropicOt.solve(unsorted, a, b, options(OtMethod.SNS, 20));
        OtResult y = EntropicOt.solve(c, a, b, options(OtMethod.SNS, 20));
        assertTrue(maxAbsDiff(dense(x.plan()), dense(y.plan())) < 1e-13);
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Random r = new Random(31);
        int n = 300;
        DenseMatrix c = randomCost(r, n, n); // 90 000 entries: above the parallel threshold
        double[] a = EntropicOt.uniform(n);
        OtOptions o = OtOptions.defaults().withEta(300);
        for (OtMethod method : OtMethod.values()) {
            OtResult one = EntropicOt.solve(c, a, a, o.withMethod(method).withPar(Par.SEQ));
            OtResult two = EntropicOt.solve(c, a, a, o.withMethod(method).withPar(Par.threads(3)));
            assertTrue(one.converged() && two.converged());
            if (method == OtMethod.SINKHORN) { // every reduction is one thread's, in a fixed order
                assertEquals(one.iterations(), two.iterations());
                assertEquals(0.0, maxAbsDiff(one.rowPotential(), two.rowPotential()));
            }
            assertTrue(maxAbsDiff(dense(one.plan()), dense(two.plan())) < 1e-10);
        }
    }

    @Test
    void iterationLimitIsReportedHonestly() {
        Random r = new Random(37);
        int n = 40;
        DenseMatrix c = randomCost(r, n, n);
        double[] a = EntropicOt.uniform(n);
        OtResult res = EntropicOt.solve(c, a, a, OtOptions.defaults().withMethod(OtMethod.SINKHORN).withMaxIterations(7));
        assertFalse(res.converged());
        assertEquals(StopReason.MAX_ITERATIONS, res.reason());
        assertEquals(7, res.iterations());
        assertEquals(7, res.marginalErrorHistory().length);
        assertTrue(res.marginalError() > 1e-9);
        assertTrue(res.detail().contains("7"), res.detail());
        OtResult sns = EntropicOt.solve(c, a, a, OtOptions.defaults().withMaxIterations(21));
        assertFalse(sns.converged());
        assertEquals(21, sns.iterations());
        assertEquals(1, sns.newtonIterations());
    }

    @Test
    void listenerSeesEveryIteration() {
        Random r = new Random(41);
        DenseMatrix c = randomCost(r, 20, 20);
        List<Double> seen = new ArrayList<>();
        double[] a = EntropicOt.uniform(20);
        OtResult res = EntropicOt.solve(c, a, a, OtOptions.defaults().withEta(200)
                .withListener((it, err) -> seen.add(err)));
        assertEquals(res.iterations(), seen.size());
        assertEquals(res.marginalErrorHistory()[seen.size() - 1], seen.get(seen.size() - 1));
    }

    @Test
    void diagonalShiftRescuesNewtonStepsFromAPoorStart() {
        // No Sinkhorn steps at η = 1200: rows of the first plan underflow, so the sparsified system is ill-posed.
        Random r = new Random(0);
        int n = 40;
        DenseMatrix c = randomCost(r, n, n);
        double[] a = EntropicOt.uniform(n);
        OtOptions o = OtOptions.defaults().withSinkhornSteps(0);
        OtResult shifted = EntropicOt.solve(c, a, a, o);
        OtResult plain = EntropicOt.solve(c, a, a, o.withDiagonalShift(false));
        assertTrue(shifted.converged() && plain.converged());
        assertTrue(shifted.shiftedNewtonSteps() > 0);
        assertEquals(0, shifted.sinkhornIterations());
        assertEquals(0, plain.shiftedNewtonSteps());
        assertTrue(plain.sinkhornIterations() > 0, "without the shift, failed Newton steps fall back to Sinkhorn");
        assertTrue(shifted.iterations() < plain.iterations(), shifted.iterations() + " vs " + plain.iterations());
        assertTrue(maxAbsDiff(dense(shifted.plan()), dense(plain.plan())) < 1e-8);
    }

    @Test
    void diagonalShiftCanBeTurnedOff() {
        Random r = new Random(43);
        DenseMatrix c = randomCost(r, 50, 50);
        double[] a = EntropicOt.uniform(50);
        OtResult res = EntropicOt.solve(c, a, a, OtOptions.defaults().withDiagonalShift(false));
        assertTrue(res.converged(), res.detail());
        assertEquals(0, res.shiftedNewtonSteps());
    }

    @Test
    void densityGrowthCanBeTurnedOffAndTheLastDensityIsReported() {
        Random r = new Random(44);
        int n = 120;
        DenseMatrix c = randomCost(r, n, n);
        double[] a = EntropicOt.uniform(n);
        double lambda = 2.0 / n;
        OtResult fixed = EntropicOt.solve(c, a, a, OtOptions.defaults().withDensityGrowth(false).withMaxIterations(400));
        assertTrue(fixed.newtonIterations() > 0);
        // λ fixed, as in Algorithm 1: the last Hessian kept ⌈λ·n²⌉ entries.
        assertEquals(Math.ceil(lambda * n * n) / ((double) n * n), fixed.hessianDensity(), 1e-15);
        OtResult grown = EntropicOt.solve(c, a, a, OtOptions.defaults());
        assertTrue(grown.converged(), grown.detail());
        assertTrue(grown.hessianDensity() >= fixed.hessianDensity());
        assertTrue(grown.hessianDensity() <= 32.0 / n + 1e-15, "density " + grown.hessianDensity());
        // Both reach the same plan when both converge.
        if (fixed.converged()) {
            assertTrue(maxAbsDiff(dense(fixed.plan()), dense(grown.plan())) < 1e-8);
        }
        OtResult sinkhorn = EntropicOt.solve(c, a, a, OtOptions.defaults().withMethod(OtMethod.SINKHORN).withMaxIterations(5));
        assertTrue(Double.isNaN(sinkhorn.hessianDensity()));
    }

    // ----- bad input: one sentence, 1-based, no class names -----

    private static String message(Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        String s = e.getMessage();
        assertFalse(s.contains("Exception") || s.contains("org.sparrow") || s.contains("\n"), s);
        return s;
    }

    @Test
    void badInputGivesOneClearSentence() {
        DenseMatrix c = DenseMatrix.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        double[] a = {0.5, 0.5};
        double[] b = {0.25, 0.25, 0.5};
        OtOptions o = OtOptions.defaults();
        assertTrue(message(() -> EntropicOt.solve(DenseMatrix.of(new double[][] {{0.1, -0.2}, {0.3, 0.4}}), a,
                new double[] {0.5, 0.5}, o)).contains("C(1, 2) = -0.2"));
        assertTrue(message(() -> EntropicOt.solve(DenseMatrix.of(new double[][] {{0.1, 0.2}, {Double.NaN, 0.4}}), a,
                new double[] {0.5, 0.5}, o)).contains("C(2, 1) = NaN"));
        assertTrue(message(() -> EntropicOt.solve(DenseMatrix.of(new double[][] {{0.1, 0.2}, {0.3, Double.POSITIVE_INFINITY}}),
                a, new double[] {0.5, 0.5}, o)).contains("forbidden"));
        assertTrue(message(() -> EntropicOt.solve(c, a, new double[] {0.25, 0.25, 0.6}, o)).contains("equal totals"));
        assertTrue(message(() -> EntropicOt.solve(c, new double[] {1.0, 0.0}, b, o)).contains("a(2) = 0.0"));
        assertTrue(message(() -> EntropicOt.solve(c, new double[] {1.5, -0.5}, b, o)).contains("a(2) = -0.5"));
        assertTrue(message(() -> EntropicOt.solve(c, a, new double[] {0.5, 0.5}, o)).contains("b has length 2"));
        assertTrue(message(() -> EntropicOt.solve(c, new double[] {1.0}, b, o)).contains("a has length 1"));
        assertTrue(message(() -> EntropicOt.solve((DenseMatrix) null, a, b, o)).contains("cost matrix is null"));
        assertTrue(message(() -> EntropicOt.solve(new DenseMatrix(0, 3, new double[0]), new double[0], b, o))
                .contains("0×3"));
        assertTrue(message(() -> o.withEta(0)).contains("eta"));
        assertTrue(message(() -> o.withEta(-3)).contains("eta"));
        assertTrue(message(() -> o.withEta(Double.POSITIVE_INFINITY)).contains("eta"));
        assertTrue(message(() -> o.withDensity(0)).contains("density"));
        assertTrue(message(() -> o.withDensity(1.5)).contains("density"));
        assertTrue(message(() -> o.withTolerance(0)).contains("tolerance"));
        assertTrue(message(() -> o.withSinkhornSteps(-1)).contains("Sinkhorn steps"));
        assertTrue(message(() -> o.withMaxIterations(-1)).contains("iterations"));
        assertTrue(message(() -> o.withPar(null)).contains("parallelism"));
        assertTrue(message(() -> o.withMethod(null)).contains("method"));
        assertTrue(message(() -> EntropicOt.uniform(0)).contains("≥ 1"));
    }

    @Test
    void infeasibleSparseSupportIsReportedAsSuch() {
        // Row 2 has no allowed entry.
        CooMatrix.Builder empty = CooMatrix.builder(3, 2);
        empty.add(0, 0, 0.1);
        empty.add(0, 1, 0.2);
        empty.add(2, 1, 0.3);
        double[] a = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        double[] b = {0.5, 0.5};
        String s = message(() -> EntropicOt.solve(empty.build().toCsr(), a, b, OtOptions.defaults()));
        assertTrue(s.contains("row 2") && s.contains("cannot carry the marginals"), s);
        // Column 3 has no allowed entry.
        CooMatrix.Builder noCol = CooMatrix.builder(2, 3);
        noCol.add(0, 0, 0.1);
        noCol.add(1, 1, 0.1);
        String t = message(() -> EntropicOt.solve(noCol.build().toCsr(), new double[] {0.5, 0.5}, new double[] {0.4, 0.4, 0.2},
                OtOptions.defaults()));
        assertTrue(t.contains("column 3"), t);
        // Every row and column has an entry, but rows 1 and 2 can only send to column 1, which takes 1/3 (Hall).
        CooMatrix.Builder hall = CooMatrix.builder(3, 2);
        hall.add(0, 0, 0.1);
        hall.add(1, 0, 0.2);
        hall.add(2, 0, 0.3);
        hall.add(2, 1, 0.4);
        String h = message(() -> EntropicOt.solve(hall.build().toCsr(), a, new double[] {1.0 / 3, 2.0 / 3}, OtOptions.defaults()));
        assertTrue(h.contains("cannot carry the marginals") && h.contains("rows 1, 2"), h);
        // A feasible support with an awkward shape passes the check and converges.
        CooMatrix.Builder ok = CooMatrix.builder(3, 2);
        ok.add(0, 0, 0.1);
        ok.add(1, 0, 0.2);
        ok.add(1, 1, 0.3);
        ok.add(2, 1, 0.4);
        OtResult res = EntropicOt.solve(ok.build().toCsr(), a, b, OtOptions.defaults().withEta(10));
        assertTrue(res.converged(), res.detail());
    }

    @Test
    void methodNamesAndOptionDefaults() {
        for (OtMethod m : OtMethod.values()) {
            assertEquals(m, OtMethod.fromCliName(" " + m.cliName().toUpperCase() + " "));
        }
        String s = message(() -> OtMethod.fromCliName("newton"));
        assertTrue(s.contains("sinkhorn") && s.contains("sns"), s);
        OtOptions d = OtOptions.defaults();
        assertEquals(OtMethod.SNS, d.method());
        assertEquals(1200.0, d.eta());
        assertEquals(1e-9, d.tolerance());
        assertEquals(20, d.sinkhornSteps());
        assertTrue(Double.isNaN(d.density()));
        assertEquals(0.004, d.densityFor(500));
        assertEquals(1.0, d.densityFor(1));
        assertEquals(20 + OtOptions.DEFAULT_NEWTON_ITERATIONS, d.iterationLimit());
        assertEquals(OtOptions.DEFAULT_SINKHORN_ITERATIONS, d.withMethod(OtMethod.SINKHORN).iterationLimit());
        assertEquals(77, d.withMaxIterations(77).iterationLimit());
        assertTrue(d.diagonalShift());
        assertEquals(Par.AUTO, d.par());
        assertEquals(0.5, d.withDensity(0.5).density());
        double[] u = EntropicOt.uniform(4);
        assertEquals(0.25, u[3]);
    }

    @Test
    void selectionFindsTheKthLargest() {
        Random r = new Random(47);
        for (int len : new int[] {1, 2, 13, 207, 702}) {
            double[] v = new double[len];
            for (int k = 0; k < len; k++) {
                v[k] = r.nextInt(len / 3 + 1); // with ties
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            for (int k = 1; k <= len; k += Math.max(1, len / 7)) {
                assertEquals(sorted[len - k], Select.kthLargest(v.clone(), len, k), "len " + len + " k " + k);
            }
        }
    }
}
