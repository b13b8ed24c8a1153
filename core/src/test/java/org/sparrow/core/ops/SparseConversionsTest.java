package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@link SparseConversions#compress} and {@link SparseConversions#transpose} on raw arrays, against
 * a dense oracle; outputs pre-filled with junk.
 */
class SparseConversionsTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";

    /** Checks canonical compressed storage of {@code expected}/{@code stored} held in (ptr, idx, val). */
    private static void assertCompressed(double[][] expected, boolean[][] stored, int rows, int cols, int[] ptr,
                                         int[] idx, double[] val, String what) {
        assertEquals(0, ptr[0], what + ": pointer starts at 0");
        double[][] seen = new double[rows][cols];
        boolean[][] seenStored = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            assertTrue(ptr[i] <= ptr[i + 1], what + ": pointer monotone at " + i);
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                if (p > ptr[i] && idx[p - 1] >= idx[p]) {
                    fail(what + ": row " + i + " not strictly increasing at position " + p);
                }
                seen[i][idx[p]] = val[p];
                seenStored[i][idx[p]] = true;
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(stored[i][j], seenStored[i][j], what + ": stored at (" + i + ", " + j + ")");
                // Bit-for-bit (JUnit compares doubles by bits): a cancelled duplicate must be +0.0.
                assertEquals(expected[i][j], seen[i][j], what + ": value at (" + i + ", " + j + ")");
            }
        }
    }

    private static int[] junkInts(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -12345);
        return a;
    }

    private static double[] junkDoubles(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    // ---- compress ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void compressSumsDuplicatesSortsColumnsAndKeepsExplicitZeros(int rows, int cols, long seed) {
        Triplets t = FormatsTestSupport.randomTriplets(new Random(seed), rows, cols);
        int nnz = t.size();
        int[] ri = t.ri().clone();
        int[] ci = t.ci().clone();
        double[] vx = t.v().clone();
        int[] rp = junkInts(rows + 1);
        int[] cj = junkInts(nnz);
        double[] v = junkDoubles(nnz);
        int merged = SparseConversions.compress(rows, cols, nnz, ri, ci, vx, rp, cj, v);
        assertEquals(t.distinctPositions(), merged, t + ": entries after merging");
        assertEquals(merged, rp[rows], t + ": pointer ends at the returned count");
        assertCompressed(t.dense(), t.pattern(), rows, cols, rp, cj, v, t.toString());
        assertArrayEquals(t.ri(), ri, "input rows untouched");
        assertArrayEquals(t.ci(), ci, "input columns untouched");
        assertArrayEquals(t.v(), vx, "input values untouched");
    }

    @Test
    void compressOfHypersparseColumnsSortsRowsAndMatchesTheColumnBuckets() {
        // The same triplets in a 7×30 matrix (column buckets) and a 7×2³¹−1 one (rows sorted instead):
        // identical CSR arrays, duplicates summed in the same order.
        Random rnd = new Random(11L);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 7;
            int nnz = rnd.nextInt(120);
            int[] ri = new int[nnz];
            int[] ci = new int[nnz];
            double[] vx = new double[nnz];
            for (int k = 0; k < nnz; k++) {
                ri[k] = rnd.nextInt(rows);
                ci[k] = rnd.nextInt(30);
                vx[k] = rnd.nextGaussian();
            }
            assertTrue(SparseConversions.hypersparseColumns(rows, Integer.MAX_VALUE, nnz));
            assertTrue(!SparseConversions.hypersparseColumns(rows, 30, nnz));
            int[] p1 = new int[rows + 1];
            int[] c1 = new int[nnz];
            double[] v1 = new double[nnz];
            int n1 = SparseConversions.compress(rows, 30, nnz, ri, ci, vx, p1, c1, v1);
            int[] p2 = new int[rows + 1];
            int[] c2 = new int[nnz];
            double[] v2 = new double[nnz];
            Arrays.fill(c2, -7);
            int n2 = SparseConversions.compress(rows, Integer.MAX_VALUE, nnz, ri, ci, vx, p2, c2, v2);
            assertEquals(n1, n2);
            assertArrayEquals(p1, p2);
            assertArrayEquals(Arrays.copyOf(c1, n1), Arrays.copyOf(c2, n2));
            assertArrayEquals(Arrays.copyOf(v1, n1), Arrays.copyOf(v2, n2)); // bit-identical sums
        }
    }

    @Test
    void compressBytesCountsTheCsrArraysAndTheWorkspace() {
        long rows = 2_000_000_000L;
        assertTrue(SparseConversions.compressBytes((int) rows, (int) rows, 3) >= 4 * (rows + 1) + 4 * (rows + 1));
        assertTrue(SparseConversions.compressBytes(1, Integer.MAX_VALUE, 3) < 1000);
    }

    @Test
    void compressMergesARowWithManyDuplicates() {
        // One row of 300 triplets cycling over columns 9, 0, 4 (values 1/8 · k), plus a lone entry in row 2.
        int n = 301;
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] vx = new double[n];
        double[] sums = new double[10];
        int[] cycle = {9, 0, 4};
        for (int k = 0; k < 300; k++) {
            ri[k] = 1;
            ci[k] = cycle[k % 3];
            vx[k] = (k % 7 - 3) / 8.0;
            sums[ci[k]] += vx[k];
        }
        ri[300] = 2;
        ci[300] = 5;
        vx[300] = 1.5;
        int[] rp = junkInts(4);
        int[] cj = junkInts(n);
        double[] v = junkDoubles(n);
        int merged = SparseConversions.compress(3, 10, n, ri, ci, vx, rp, cj, v);
        assertEquals(4, merged);
        assertArrayEquals(new int[] {0, 0, 3, 4}, rp);
        assertArrayEquals(new int[] {0, 4, 9, 5}, Arrays.copyOf(cj, 4));
        assertArrayEquals(new double[] {sums[0], sums[4], sums[9], 1.5}, Arrays.copyOf(v, 4));
    }

    @Test
    void compressKeepsDuplicatesThatCancelAsAPositiveZero() {
        int[] ri = {0, 1, 0, 1, 0};
        int[] ci = {2, 0, 2, 0, 2};
        double[] vx = {2.5, 0.0, -1.0, 0.0, -1.5};
        int[] rp = junkInts(3);
        int[] cj = junkInts(5);
        double[] v = junkDoubles(5);
        assertEquals(2, SparseConversions.compress(2, 3, 5, ri, ci, vx, rp, cj, v));
        assertArrayEquals(new int[] {0, 1, 2}, rp);
        assertArrayEquals(new int[] {2, 0}, Arrays.copyOf(cj, 2));
        assertArrayEquals(new double[] {0.0, 0.0}, Arrays.copyOf(v, 2)); // bit-for-bit: +0.0 twice
    }

    @Test
    void compressUsesOnlyTheFirstNnzTriplets() {
        // Entries past nnz are junk (even out of range) and must not be read.
        int[] ri = {1, 0, -7, 99};
        int[] ci = {0, 1, 99, -7};
        double[] vx = {3, 4, Double.NaN, Double.NaN};
        int[] rp = junkInts(3);
        int[] cj = junkInts(2);
        double[] v = junkDoubles(2);
        assertEquals(2, SparseConversions.compress(2, 2, 2, ri, ci, vx, rp, cj, v));
        assertArrayEquals(new int[] {0, 1, 2}, rp);
        assertArrayEquals(new int[] {1, 0}, cj);
        assertArrayEquals(new double[] {4, 3}, v);
    }

    @Test
    void compressOfNothing() {
        for (int[] shape : new int[][] {{0, 0}, {0, 4}, {4, 0}, {3, 3}}) {
            int[] rp = junkInts(shape[0] + 1);
            assertEquals(0, SparseConversions.compress(shape[0], shape[1], 0, new int[0], new int[0], new double[0],
                    rp, new int[0], new double[0]));
            assertArrayEquals(new int[shape[0] + 1], rp, shape[0] + "×" + shape[1]);
        }
    }

    // ---- transpose ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void transposeOfCanonicalRowsMatchesTheTransposedOracle(int rows, int cols, long seed) {
        Triplets t = FormatsTestSupport.randomTriplets(new Random(seed), rows, cols);
        var a = t.coo().toCsr();
        int nnz = a.nnz();
        int[] tp = junkInts(cols + 1);
        int[] ti = junkInts(nnz);
        double[] tx = junkDoubles(nnz);
        SparseConversions.transpose(rows, cols, a.rowPointers(), a.columnIndices(), a.values(), tp, ti, tx);
        assertEquals(nnz, tp[cols]);
        assertCompressed(FormatsTestSupport.transpose(t.dense(), cols), FormatsTestSupport.transpose(t.pattern(), cols),
                cols, rows, tp, ti, tx, t + " transposed");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void transposeSortsRowsWhateverTheInputOrder(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = FormatsTestSupport.randomTriplets(rnd, rows, cols);
        var unsorted = FormatsTestSupport.shuffledRows(t.coo().toCsr(), rnd);
        int[] ap = unsorted.rowPointers().clone();
        int[] aj = unsorted.columnIndices().clone();
        double[] ax = unsorted.values().clone();
        int nnz = ap[rows];
        int[] tp = junkInts(cols + 1);
        int[] ti = junkInts(nnz);
        double[] tx = junkDoubles(nnz);
        SparseConversions.transpose(rows, cols, ap, aj, ax, tp, ti, tx);
        assertCompressed(FormatsTestSupport.transpose(t.dense(), cols), FormatsTestSupport.transpose(t.pattern(), cols),
                cols, rows, tp, ti, tx, t + " unsorted, transposed");
        assertArrayEquals(unsorted.rowPointers(), ap, "input untouched");
        assertArrayEquals(unsorted.columnIndices(), aj, "input untouched");
        assertArrayEquals(unsorted.values(), ax, "input untouched");
        // Transposing back gives the canonical (sorted) original.
        int[] bp = junkInts(rows + 1);
        int[] bj = junkInts(nnz);
        double[] bx = junkDoubles(nnz);
        SparseConversions.transpose(cols, rows, tp, ti, tx, bp, bj, bx);
        var canonical = t.coo().toCsr();
        assertArrayEquals(canonical.rowPointers(), bp);
        assertArrayEquals(Arrays.copyOf(canonical.columnIndices(), nnz), bj);
        assertArrayEquals(Arrays.copyOf(canonical.values(), nnz), bx);
    }

    @Test
    void transposeOfAFullRowAndSpareCapacity() {
        // A = 2×200: row 0 empty, row 1 holds columns 199, 198, …, 0 (reverse order), then junk.
        int cols = 200;
        int[] ap = {0, 0, cols};
        int[] aj = new int[cols + 3];
        double[] ax = new double[cols + 3];
        for (int p = 0; p < cols; p++) {
            aj[p] = cols - 1 - p;
            ax[p] = p;
        }
        Arrays.fill(aj, cols, cols + 3, -1);
        Arrays.fill(ax, cols, cols + 3, Double.NaN);
        int[] tp = junkInts(cols + 1);
        int[] ti = junkInts(cols);
        double[] tx = junkDoubles(cols);
        SparseConversions.transpose(2, cols, ap, aj, ax, tp, ti, tx);
        for (int j = 0; j < cols; j++) {
            assertEquals(j, tp[j], "pointer " + j);
            assertEquals(1, ti[j], "row of column " + j);
            assertEquals(cols - 1 - j, tx[j], "value of column " + j);
        }
        assertEquals(cols, tp[cols]);
    }
}
