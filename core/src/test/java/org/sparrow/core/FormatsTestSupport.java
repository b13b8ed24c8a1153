package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared fixtures for the format tests (not a test class itself): seeded random triplets with
 * duplicates, cancelling duplicates, explicit zeros and empty rows and columns; a dense oracle
 * computed from the triplets alone; and readers that turn each format's raw arrays into a dense
 * array without going through any of the conversions under test.
 *
 * <p>Values are small dyadic rationals (multiples of 1/8), so every sum of duplicates is exact
 * whatever the order of summation, and conversions can be compared bit for bit.
 */
public final class FormatsTestSupport {

    private FormatsTestSupport() {
    }

    /** Degenerate and tail-loop shapes: empty in one or both dimensions, single rows and columns, odd sizes. */
    public static final int[][] ODD_SHAPES = {
        {0, 0}, {0, 1}, {0, 6}, {1, 0}, {6, 0}, {1, 1}, {1, 9}, {9, 1}, {2, 2}, {13, 7}, {7, 13}, {207, 3},
        {3, 207}, {31, 29},
    };

    /** Seeds per shape for the parameterized cases. */
    public static final int SEEDS_PER_SHAPE = 4;

    /** (rows, cols, seed) for every odd shape and a few seeds each. */
    public static Stream<Arguments> shapesAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (int[] s : ODD_SHAPES) {
            for (int seed = 0; seed < SEEDS_PER_SHAPE; seed++) {
                out.add(Arguments.of(s[0], s[1], 1_000L * s[0] + 17L * s[1] + seed));
            }
        }
        return out.stream();
    }

    /** Triplets {@code (ri[k], ci[k], v[k])}; the arrays are never handed to a matrix (copies are). */
    public record Triplets(int rows, int cols, int[] ri, int[] ci, double[] v) {

        public int size() {
            return v.length;
        }

        /** A COO matrix over copies of the arrays. */
        public CooMatrix coo() {
            return new CooMatrix(rows, cols, ri.clone(), ci.clone(), v.clone());
        }

        /** The dense oracle: duplicates summed in triplet order. */
        public double[][] dense() {
            double[][] d = new double[rows][cols];
            for (int k = 0; k < v.length; k++) {
                d[ri[k]][ci[k]] += v[k];
            }
            return d;
        }

        /**
         * Σ |v_k| over the triplets at each position: the magnitudes a product sees when duplicates
         * are not summed first (for rounding-error bounds).
         */
        public double[][] absDense() {
            double[][] d = new double[rows][cols];
            for (int k = 0; k < v.length; k++) {
                d[ri[k]][ci[k]] += Math.abs(v[k]);
            }
            return d;
        }

        /** Which positions hold at least one triplet (an explicit zero counts). */
        public boolean[][] pattern() {
            boolean[][] b = new boolean[rows][cols];
            for (int k = 0; k < v.length; k++) {
                b[ri[k]][ci[k]] = true;
            }
            return b;
        }

        /** Number of distinct positions (the nnz of the canonical form). */
        public int distinctPositions() {
            return count(pattern());
        }

        @Override
        public String toString() {
            return rows + "×" + cols + " with " + v.length + " triplets";
        }
    }

    /**
     * Random triplets for a {@code rows × cols} matrix: about a third of the rows and columns are
     * kept empty, some entries are explicit zeros, some are split into duplicates and some are
     * duplicates that cancel to an explicit zero; the triplets are shuffled so duplicates are not
     * adjacent.
     */
    public static Triplets randomTriplets(Random rnd, int rows, int cols) {
        List<int[]> pos = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        int[] liveRows = live(rnd, rows);
        int[] liveCols = live(rnd, cols);
        if (liveRows.length > 0 && liveCols.length > 0) {
            int cells = liveRows.length * liveCols.length;
            int entries = 1 + rnd.nextInt(Math.max(1, (int) (0.4 * cells)) + 1);
            for (int e = 0; e < entries; e++) {
                int i = liveRows[rnd.nextInt(liveRows.length)];
                int j = liveCols[rnd.nextInt(liveCols.length)];
                double r = rnd.nextDouble();
                if (r < 0.1) {
                    add(pos, val, i, j, 0.0); // explicit zero
                } else if (r < 0.2) {
                    double a = dyadic(rnd);
                    add(pos, val, i, j, a); // duplicates that cancel to an explicit zero
                    add(pos, val, i, j, -a);
                } else if (r < 0.35) {
                    add(pos, val, i, j, dyadic(rnd)); // split into several duplicates
                    add(pos, val, i, j, dyadic(rnd));
                    if (rnd.nextBoolean()) {
                        add(pos, val, i, j, dyadic(rnd));
                    }
                } else {
                    add(pos, val, i, j, dyadic(rnd));
                }
            }
        }
        int n = val.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) { // Fisher–Yates with the seeded generator
            int s = rnd.nextInt(k + 1);
            int t = order[k];
            order[k] = order[s];
            order[s] = t;
        }
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            ri[k] = pos.get(order[k])[0];
            ci[k] = pos.get(order[k])[1];
            v[k] = val.get(order[k]);
        }
        return new Triplets(rows, cols, ri, ci, v);
    }

    /** A nonzero multiple of 1/8 in [-4, 4]. */
    public static double dyadic(Random rnd) {
        int k = rnd.nextInt(32) + 1;
        return (rnd.nextBoolean() ? k : -k) / 4.0 / 2.0;
    }

    private static int[] live(Random rnd, int n) {
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() >= 0.3) {
                keep[m++] = i;
            }
        }
        if (m == 0 && n > 0) {
            keep[m++] = rnd.nextInt(n);
        }
        return Arrays.copyOf(keep, m);
    }

    private static void add(List<int[]> pos, List<Double> val, int i, int j, double v) {
        pos.add(new int[] {i, j});
        val.add(v);
    }

    /** A random dense matrix with about the given fraction of exact zeros; values dyadic. */
    public static double[][] randomDense(Random rnd, int rows, int cols, double zeroFraction) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = rnd.nextDouble() < zeroFraction ? 0.0 : dyadic(rnd);
            }
        }
        return a;
    }

    /** The row-major copy of {@code a} ({@code a} may have zero rows, then {@code cols} says the width). */
    public static double[] rowMajor(double[][] a, int cols) {
        double[] d = new double[a.length * cols];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, d, i * cols, cols);
        }
        return d;
    }

    /** A canonical CSR matrix built by hand from a dense array (entries that are not zero, row by row). */
    public static CsrMatrix csrOfNonzeros(double[][] a, int cols) {
        int rows = a.length;
        int[] rp = new int[rows + 1];
        int nnz = 0;
        for (double[] row : a) {
            for (double x : row) {
                if (x != 0.0) {
                    nnz++;
                }
            }
        }
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (a[i][j] != 0.0) {
                    ci[p] = j;
                    v[p++] = a[i][j];
                }
            }
            rp[i + 1] = p;
        }
        return new CsrMatrix(rows, cols, rp, ci, v);
    }

    /**
     * The same matrix as {@code c} with each row's entries listed in a random order (an "unsorted"
     * CSR), arrays freshly allocated.
     */
    public static CsrMatrix shuffledRows(CsrMatrix c, Random rnd) {
        int[] rp = c.rowPointers().clone();
        int[] ci = Arrays.copyOf(c.columnIndices(), c.nnz());
        double[] v = Arrays.copyOf(c.values(), c.nnz());
        for (int i = 0; i < c.rows(); i++) {
            for (int p = rp[i + 1] - 1; p > rp[i]; p--) {
                int q = rp[i] + rnd.nextInt(p - rp[i] + 1);
                int tj = ci[p];
                ci[p] = ci[q];
                ci[q] = tj;
                double tv = v[p];
                v[p] = v[q];
                v[q] = tv;
            }
        }
        return CsrMatrix.unsorted(c.rows(), c.cols(), rp, ci, v);
    }

    // ---- readers of raw arrays (independent of the conversions under test) ----

    /** The dense array a matrix's own storage describes, read straight from its arrays. */
    public static double[][] denseFromArrays(Matrix m) {
        double[][] d = new double[m.rows()][m.cols()];
        switch (m) {
            case CooMatrix c -> {
                for (int k = 0; k < c.nnz(); k++) {
                    d[c.rowIndices()[k]][c.columnIndices()[k]] += c.values()[k];
                }
            }
            case CsrMatrix c -> {
                int[] rp = c.rowPointers();
                for (int i = 0; i < c.rows(); i++) {
                    for (int p = rp[i]; p < rp[i + 1]; p++) {
                        d[i][c.columnIndices()[p]] += c.values()[p];
                    }
                }
            }
            case CscMatrix c -> {
                int[] cp = c.columnPointers();
                for (int j = 0; j < c.cols(); j++) {
                    for (int p = cp[j]; p < cp[j + 1]; p++) {
                        d[c.rowIndices()[p]][j] += c.values()[p];
                    }
                }
            }
            case DenseMatrix a -> {
                assertEquals(m.rows() * m.cols(), a.data().length, "dense data length");
                for (int i = 0; i < m.rows(); i++) {
                    System.arraycopy(a.data(), i * m.cols(), d[i], 0, m.cols());
                }
            }
        }
        return d;
    }

    /** The positions a sparse matrix stores (for a dense matrix: every position). */
    public static boolean[][] patternFromArrays(Matrix m) {
        boolean[][] b = new boolean[m.rows()][m.cols()];
        switch (m) {
            case CooMatrix c -> {
                for (int k = 0; k < c.nnz(); k++) {
                    b[c.rowIndices()[k]][c.columnIndices()[k]] = true;
                }
            }
            case CsrMatrix c -> {
                int[] rp = c.rowPointers();
                for (int i = 0; i < c.rows(); i++) {
                    for (int p = rp[i]; p < rp[i + 1]; p++) {
                        b[i][c.columnIndices()[p]] = true;
                    }
                }
            }
            case CscMatrix c -> {
                int[] cp = c.columnPointers();
                for (int j = 0; j < c.cols(); j++) {
                    for (int p = cp[j]; p < cp[j + 1]; p++) {
                        b[c.rowIndices()[p]][j] = true;
                    }
                }
            }
            case DenseMatrix a -> {
                for (boolean[] row : b) {
                    Arrays.fill(row, true);
                }
            }
        }
        return b;
    }

    /** The pattern of the nonzero entries of {@code a}. */
    public static boolean[][] nonzeroPattern(double[][] a, int cols) {
        boolean[][] b = new boolean[a.length][cols];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                b[i][j] = a[i][j] != 0.0;
            }
        }
        return b;
    }

    public static int count(boolean[][] b) {
        int n = 0;
        for (boolean[] row : b) {
            for (boolean x : row) {
                if (x) {
                    n++;
                }
            }
        }
        return n;
    }

    /** {@code aᵀ}; {@code cols} gives the width when {@code a} has no rows. */
    public static double[][] transpose(double[][] a, int cols) {
        double[][] t = new double[cols][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static boolean[][] transpose(boolean[][] a, int cols) {
        boolean[][] t = new boolean[cols][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    // ---- assertions ----

    /**
     * {@code m} has the oracle's shape, its raw arrays describe exactly the oracle (bit for bit) and
     * {@code get} returns every oracle entry.
     */
    public static void assertMatchesOracle(double[][] expected, int rows, int cols, Matrix m, String what) {
        assertEquals(rows, m.rows(), what + ": rows");
        assertEquals(cols, m.cols(), what + ": cols");
        double[][] actual = denseFromArrays(m);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (Double.doubleToLongBits(expected[i][j]) != Double.doubleToLongBits(actual[i][j])) {
                    fail(what + ": entry (" + i + ", " + j + ") is " + actual[i][j] + " in storage, expected "
                            + expected[i][j]);
                }
                if (Double.doubleToLongBits(expected[i][j]) != Double.doubleToLongBits(m.get(i, j))) {
                    fail(what + ": get(" + i + ", " + j + ") is " + m.get(i, j) + ", expected " + expected[i][j]);
                }
            }
        }
    }

    /** {@code m} stores exactly the positions of {@code expected}. */
    public static void assertPattern(boolean[][] expected, Matrix m, String what) {
        boolean[][] actual = patternFromArrays(m);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                if (expected[i][j] != actual[i][j]) {
                    fail(what + ": position (" + i + ", " + j + ") is " + (actual[i][j] ? "" : "not ")
                            + "stored, expected " + (expected[i][j] ? "stored" : "absent"));
                }
            }
        }
        if (!(m instanceof DenseMatrix)) {
            assertEquals(count(expected), m.nnz(), what + ": nnz (one stored entry per position)");
        }
    }

    /** Row pointer well formed and columns strictly increasing within each row. */
    public static void assertCanonical(CsrMatrix c, String what) {
        assertTrue(c.isSorted(), what + ": isSorted()");
        assertCompressedCanonical(c.rows(), c.cols(), c.rowPointers(), c.columnIndices(), what + " (row", "column");
    }

    /** Column pointer well formed and rows strictly increasing within each column. */
    public static void assertCanonical(CscMatrix c, String what) {
        assertCompressedCanonical(c.cols(), c.rows(), c.columnPointers(), c.rowIndices(), what + " (column", "row");
    }

    private static void assertCompressedCanonical(int nMajor, int nMinor, int[] ptr, int[] idx, String what,
                                                  String minor) {
        assertEquals(nMajor + 1, ptr.length, what + " pointer length)");
        assertEquals(0, ptr[0], what + " pointer start)");
        for (int i = 0; i < nMajor; i++) {
            assertTrue(ptr[i] <= ptr[i + 1], what + " pointer monotone at " + i + ")");
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                assertTrue(idx[p] >= 0 && idx[p] < nMinor, what + " " + i + ": " + minor + " index in range)");
                if (p > ptr[i]) {
                    assertTrue(idx[p - 1] < idx[p], what + " " + i + ": " + minor + " indices strictly increase at "
                            + p + ")");
                }
            }
        }
    }

    /** Two double arrays equal bit for bit (as {@link Double#equals}). */
    public static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertArrayEquals(expected, actual, what); // JUnit compares doubles by their bits
    }

    // ---- dense oracle products ----

    public static double[] oracleApply(double[][] a, int cols, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < cols; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    public static double[] oracleApplyTranspose(double[][] a, int cols, double[] x) {
        double[] y = new double[cols];
        for (int j = 0; j < cols; j++) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
                s += a[i][j] * x[i];
            }
            y[j] = s;
        }
        return y;
    }

    /**
     * Bound on the rounding error of {@code Σ_j a_ij x_j}: a small multiple of {@code Σ_j |a_ij x_j|}
     * (pass {@link Triplets#absDense()} as {@code a} when duplicates may be multiplied unsummed).
     */
    public static double[] oracleErrorBound(double[][] a, int cols, double[] x) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < cols; j++) {
                s += Math.abs(a[i][j] * x[j]);
            }
            b[i] = 1e-13 * s;
        }
        return b;
    }

    public static void assertClose(double[] expected, double[] bound, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= bound[i])) {
                fail(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i] + " ± " + bound[i]);
            }
        }
    }

    public static double[] randomVector(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    public static double[] nans(int n) {
        double[] y = new double[n];
        Arrays.fill(y, Double.NaN);
        return y;
    }
}
