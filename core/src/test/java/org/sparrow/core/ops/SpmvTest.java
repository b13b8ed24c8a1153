package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparrow.core.FormatsTestSupport.nans;
import static org.sparrow.core.FormatsTestSupport.oracleApply;
import static org.sparrow.core.FormatsTestSupport.oracleApplyTranspose;
import static org.sparrow.core.FormatsTestSupport.randomVector;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.FormatsTestSupport.transpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.FormatsTestSupport.Triplets;
import org.sparrow.core.Parallelism;

/**
 * {@link Spmv} against a dense oracle on seeded random matrices, across thread counts 1, 2 and 7.
 *
 * <p>Also the home of {@link #matrices()}, the matrix cases every kernel test of this package runs
 * on: {@link FormatsTestSupport}'s odd shapes (0×n, n×0, 1×1, empty rows and columns, duplicates,
 * explicit and cancelled zeros), a matrix with one row over 1000× denser than the rest, a
 * duplicate-heavy power-law matrix, and tall and wide matrices with many entries per column or row
 * (so multi-worker splits really happen). All are built as triplets and converted through
 * {@code CooMatrix}.
 */
class SpmvTest {

    static final String MATRICES = "org.sparrow.core.ops.SpmvTest#matrices";
    static final int[] THREADS = {1, 2, 7};

    // ---- shared cases ------------------------------------------------------------------------

    /** Named triplet sets (see the class comment). */
    static Stream<Arguments> matrices() {
        List<Arguments> out = new ArrayList<>();
        for (int[] s : FormatsTestSupport.ODD_SHAPES) {
            for (int seed = 0; seed < 2; seed++) {
                Triplets t = FormatsTestSupport.randomTriplets(new Random(31L * s[0] + 7L * s[1] + seed), s[0], s[1]);
                out.add(Arguments.of(Named.of(s[0] + "×" + s[1] + " seed " + seed, t)));
            }
        }
        out.add(Arguments.of(Named.of("1500×1200 with one row 2000× denser", denseRow(new Random(5)))));
        out.add(Arguments.of(Named.of("500×400 power-law rows of duplicates", powerLaw(new Random(6)))));
        out.add(Arguments.of(Named.of("3000×17 tall", uniform(new Random(7), 3000, 17, 5))));
        out.add(Arguments.of(Named.of("17×3000 wide", uniform(new Random(8), 17, 3000, 400))));
        return out.stream();
    }

    /** About half the rows hold one entry, the rest none, and one row holds 1100 of the 1200 columns. */
    static Triplets denseRow(Random rnd) {
        int rows = 1500;
        int cols = 1200;
        TripletList l = new TripletList(rows, cols);
        for (int i = 0; i < rows; i++) {
            if (i == 700) {
                int[] perm = permutation(rnd, cols);
                for (int k = 0; k < 1100; k++) {
                    l.add(i, perm[k], FormatsTestSupport.dyadic(rnd));
                }
            } else if (rnd.nextBoolean()) {
                l.add(i, rnd.nextInt(cols), FormatsTestSupport.dyadic(rnd));
            }
        }
        return l.shuffled(rnd);
    }

    /**
     * Row {@code i} has about {@code 400/(i+1)^0.9} distinct columns, each entered as 1–4 duplicate
     * triplets (some cancelling to an explicit zero), shuffled.
     */
    static Triplets powerLaw(Random rnd) {
        int rows = 500;
        int cols = 400;
        TripletList l = new TripletList(rows, cols);
        for (int i = 0; i < rows; i++) {
            int n = (int) (cols / Math.pow(i + 1, 0.9));
            int[] perm = permutation(rnd, cols);
            for (int k = 0; k < n; k++) {
                int j = perm[k];
                if (rnd.nextInt(8) == 0) {
                    double v = FormatsTestSupport.dyadic(rnd);
                    l.add(i, j, v);
                    l.add(i, j, -v);
                } else {
                    for (int d = 1 + rnd.nextInt(4); d > 0; d--) {
                        l.add(i, j, FormatsTestSupport.dyadic(rnd));
                    }
                }
            }
        }
        return l.shuffled(rnd);
    }

    /** About {@code perRow} random entries per row (duplicates possible, summed on conversion). */
    static Triplets uniform(Random rnd, int rows, int cols, int perRow) {
        TripletList l = new TripletList(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int k = cols == 0 ? 0 : rnd.nextInt(2 * perRow + 1); k > 0; k--) {
                l.add(i, rnd.nextInt(cols), FormatsTestSupport.dyadic(rnd));
            }
        }
        return l.shuffled(rnd);
    }

    static int[] permutation(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int s = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[s];
            p[s] = t;
        }
        return p;
    }

    /** Growable triplets. */
    static final class TripletList {
        final int rows;
        final int cols;
        int[] ri = new int[16];
        int[] ci = new int[16];
        double[] v = new double[16];
        int n;

        TripletList(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        void add(int i, int j, double x) {
            if (n == v.length) {
                ri = java.util.Arrays.copyOf(ri, 2 * n);
                ci = java.util.Arrays.copyOf(ci, 2 * n);
                v = java.util.Arrays.copyOf(v, 2 * n);
            }
            ri[n] = i;
            ci[n] = j;
            v[n++] = x;
        }

        Triplets shuffled(Random rnd) {
            int[] order = permutation(rnd, n);
            int[] r = new int[n];
            int[] c = new int[n];
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = ri[order[k]];
                c[k] = ci[order[k]];
                x[k] = v[order[k]];
            }
            return new Triplets(rows, cols, r, c, x);
        }
    }

    /**
     * {@code c} stores exactly the positions of {@code pattern}, each once, with the value of
     * {@code expected} there bit for bit (so {@code -0.0} and {@code +0.0} differ), read straight
     * from its arrays.
     */
    static void assertStoredExactly(double[][] expected, boolean[][] pattern, CsrMatrix c, String what) {
        assertEquals(pattern.length, c.rows(), what + ": rows");
        int count = 0;
        int[] rp = c.rowPointers();
        for (int i = 0; i < c.rows(); i++) {
            assertEquals(pattern[i].length, c.cols(), what + ": cols");
            boolean[] seen = new boolean[c.cols()];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = c.columnIndices()[p];
                if (!pattern[i][j] || seen[j]) {
                    fail(what + ": (" + i + ", " + j + ") is stored " + (seen[j] ? "twice" : "but should be absent"));
                }
                seen[j] = true;
                if (Double.doubleToLongBits(expected[i][j]) != Double.doubleToLongBits(c.values()[p])) {
                    fail(what + ": (" + i + ", " + j + ") stores " + c.values()[p] + ", expected " + expected[i][j]);
                }
            }
            for (int j = 0; j < c.cols(); j++) {
                count += pattern[i][j] ? 1 : 0;
            }
        }
        assertEquals(count, c.nnz(), what + ": nnz");
    }

    /** Bound {@code tol · Σ_j |a_ij x_j|} per output entry (relative to the magnitudes summed). */
    static double[] bound(double[][] absA, int cols, double[] x, double tol) {
        double[] b = new double[absA.length];
        for (int i = 0; i < absA.length; i++) {
            double s = 0.0;
            for (int j = 0; j < cols; j++) {
                s += absA[i][j] * Math.abs(x[j]);
            }
            b[i] = tol * s;
        }
        return b;
    }

    static void assertWithin(double[] expected, double[] bound, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= bound[i])) {
                fail(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i] + " ± " + bound[i]);
            }
        }
    }

    // ---- y = A·x -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void multiplyMatchesDenseOracleAndIsBitIdenticalForThreads1And2And7(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[] x = randomVector(new Random(11), t.cols());
        double[] expected = oracleApply(t.dense(), t.cols(), x);
        double[] tol = bound(t.absDense(), t.cols(), x, 1e-13);
        for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
            String form = m.isSorted() ? "sorted" : "unsorted";
            double[] y1 = nans(t.rows());
            Spmv.apply(m, x, y1, 1);
            assertWithin(expected, tol, y1, form + ", 1 thread vs oracle");
            double[] yArrays = nans(t.rows());
            Spmv.apply(m.rows(), m.rowPointers(), m.columnIndices(), m.values(), x, yArrays);
            assertArrayEquals(y1, yArrays, form + ": the 1-thread array kernel is the 1-thread path");
            for (int threads : THREADS) {
                double[] y = nans(t.rows());
                Spmv.apply(m, x, y, threads);
                assertArrayEquals(y1, y, form + ", " + threads + " threads: bit-identical to 1 thread");
            }
        }
    }

    // ---- y = Aᵀ·x ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void multiplyTransposeMatchesDenseOracleWithinRoundingForThreads1And2And7NotBitIdentical(Triplets t) {
        CsrMatrix a = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(a, new Random(t.size()));
        double[] x = randomVector(new Random(12), t.rows());
        double[] expected = oracleApplyTranspose(t.dense(), t.cols(), x);
        double[] tol = bound(transpose(t.absDense(), t.cols()), t.rows(), x, 1e-12);
        for (CsrMatrix m : new CsrMatrix[] {a, unsorted}) {
            String form = m.isSorted() ? "sorted" : "unsorted";
            double[] y1 = nans(t.cols());
            Spmv.applyTranspose(m, x, y1, 1);
            double[] yArrays = nans(t.cols());
            Spmv.applyTranspose(m.rows(), m.cols(), m.rowPointers(), m.columnIndices(), m.values(), x, yArrays);
            assertArrayEquals(y1, yArrays, form + ": the 1-thread array kernel is the 1-thread path");
            for (int threads : THREADS) {
                double[] y = nans(t.cols());
                Spmv.applyTranspose(m, x, y, threads);
                assertWithin(expected, tol, y, form + ", " + threads + " threads vs oracle");
                double[] again = nans(t.cols());
                Spmv.applyTranspose(m, x, again, threads);
                assertArrayEquals(y, again, form + ", " + threads + " threads: deterministic run to run");
            }
            // Force the multi-worker reduction on every shape, whatever the size heuristic says.
            for (int w = 2; w <= 5; w++) {
                for (int threads : THREADS) {
                    double[] y = nans(t.cols());
                    Spmv.applyTranspose(m.rows(), m.cols(), m.rowPointers(), m.columnIndices(), m.values(), x, y,
                            threads, w);
                    assertWithin(expected, tol, y, form + ", " + w + " workers on " + threads + " threads vs oracle");
                }
            }
        }
    }

    @Test
    void multiplyTransposeUsesSeveralWorkersOnATallMatrix() {
        // 3000×17 with ~5 entries per row: nnz/cols ≈ 900, so 7 threads give 7 workers.
        Triplets t = uniform(new Random(7), 3000, 17, 5);
        CsrMatrix a = t.coo().toCsr();
        assertEquals(7, Spmv.reductionWorkers(7, a.rows(), a.cols(), a.nnz(), 1));
        assertEquals(1, Spmv.reductionWorkers(1, a.rows(), a.cols(), a.nnz(), 1));
        assertEquals(1, Spmv.reductionWorkers(7, 0, 5, 0, 1), "no rows: one worker");
        assertEquals(1, Spmv.reductionWorkers(7, 5, 0, 0, 1), "no columns: one worker");
    }

    // ---- splitting -----------------------------------------------------------------------------

    @Test
    void splitRowsCutsIntoOrderedRangesOfAboutEqualWork() {
        Triplets t = denseRow(new Random(5));
        CsrMatrix a = t.coo().toCsr();
        int[] rp = a.rowPointers();
        for (int parts = 1; parts <= 30; parts++) {
            int[] split = KernelSupport.splitRows(a.rows(), rp, null, parts);
            assertEquals(parts + 1, split.length);
            assertEquals(0, split[0]);
            assertEquals(a.rows(), split[parts]);
            long total = (long) rp[a.rows()] + a.rows();
            long maxRow = 0;
            for (int i = 0; i < a.rows(); i++) {
                maxRow = Math.max(maxRow, rp[i + 1] - rp[i] + 1);
            }
            for (int k = 0; k < parts; k++) {
                assertTrue(split[k] <= split[k + 1], "ranges ordered");
                long work = (long) rp[split[k + 1]] + split[k + 1] - rp[split[k]] - split[k];
                assertTrue(work <= total / parts + maxRow + 1, parts + " parts: range " + k + " has work " + work);
            }
        }
        int[] empty = KernelSupport.splitRows(0, new int[] {0}, null, 4);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, empty, "no rows: empty ranges");
    }

    // ---- CsrMatrix wiring ----------------------------------------------------------------------

    @Test
    void csrApplyAboveTheThresholdRunsThreadedAndMatchesTheOneThreadKernel() {
        Triplets t = uniform(new Random(21), 20_000, 15_000, 4);
        CsrMatrix a = t.coo().toCsr();
        assertTrue(a.nnz() >= Spmv.PARALLEL_MIN_NNZ, "large enough to thread: " + a.nnz());
        double[] x = randomVector(new Random(22), a.cols());
        double[] xt = randomVector(new Random(23), a.rows());
        double[] ref = new double[a.rows()];
        Spmv.apply(a.rows(), a.rowPointers(), a.columnIndices(), a.values(), x, ref);
        double[] refT = new double[a.cols()];
        Spmv.applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), xt, refT);
        double[] absValues = new double[a.nnz()];
        double[] absXt = new double[xt.length];
        for (int p = 0; p < absValues.length; p++) {
            absValues[p] = Math.abs(a.values()[p]);
        }
        for (int i = 0; i < xt.length; i++) {
            absXt[i] = 1e-12 * Math.abs(xt[i]);
        }
        double[] magnitudes = new double[a.cols()]; // 1e-12 · Σ_i |a_ij x_i|
        Spmv.applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), absValues, absXt, magnitudes);
        String saved = System.getProperty(Parallelism.THREADS_PROPERTY);
        try {
            System.setProperty(Parallelism.THREADS_PROPERTY, "3");
            assertEquals(3, Spmv.defaultThreads(a.nnz()));
            assertEquals(1, Spmv.defaultThreads(Spmv.PARALLEL_MIN_NNZ - 1));
            double[] y = nans(a.rows());
            a.apply(x, y);
            assertArrayEquals(ref, y, "apply on 3 threads: bit-identical to the 1-thread kernel");
            double[] yt = nans(a.cols());
            a.applyTranspose(xt, yt);
            assertWithin(refT, magnitudes, yt, "applyTranspose on 3 threads vs the 1-thread kernel");
        } finally {
            if (saved == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, saved);
            }
        }
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Test
    void wrongLengthsNullsAndThreadCountsAreRejectedWithMessagesStatingTheProblem() {
        CsrMatrix a = uniform(new Random(3), 4, 3, 2).coo().toCsr();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spmv.apply(a, new double[4], new double[4], 1));
        assertEquals("x has length 4 but A is 4×3, so it needs length 3 (its column count, for A·x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmv.apply(a, new double[3], new double[3], 2));
        assertEquals("y has length 3 but A is 4×3, so it needs length 4 (its row count, for A·x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spmv.applyTranspose(a, new double[3], new double[3], 1));
        assertEquals("x has length 3 but A is 4×3, so it needs length 4 (its row count, for Aᵀ·x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spmv.applyTranspose(a, new double[4], new double[4], 1));
        assertEquals("y has length 4 but A is 4×3, so it needs length 3 (its column count, for Aᵀ·x)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmv.apply(a, null, new double[4], 1));
        assertEquals("x is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmv.apply(null, new double[3], new double[4], 1));
        assertEquals("A is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Spmv.apply(a, new double[3], new double[4], 0));
        assertEquals("thread count must be ≥ 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Spmv.applyTranspose(a, new double[4], new double[3], -2));
        assertEquals("thread count must be ≥ 1, got -2", e.getMessage());
    }
}
