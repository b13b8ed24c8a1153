package org.sparrow.benchmarks.kernels;

import org.sparrow.core.CsrMatrix;

/**
 * Cross-checks of a peer's result against Sparrow's: the relative Frobenius (or 2-norm) difference
 * {@code ‖peer − sparrow‖ / ‖sparrow‖}, computed here with plain loops that share no code with the
 * kernels under test. Patterns may differ (scipy and Commons Math drop entries that cancel to zero,
 * Sparrow keeps them); only values count.
 */
final class ResultCheck {

    /** A relative difference above this is flagged as a mismatch in the tables. */
    static final double TOLERANCE = 1e-10;

    private ResultCheck() {
    }

    /**
     * A peer's sparse result as coordinate triplets, in any order; duplicates are summed.
     *
     * @param rows rows of the matrix
     * @param cols columns of the matrix
     * @param r    row of each entry
     * @param c    column of each entry
     * @param v    value of each entry
     * @param n    entries used from the arrays
     */
    record Triplets(int rows, int cols, int[] r, int[] c, double[] v, int n) {
    }

    /** Collects triplets of unknown count. */
    static final class TripletBuilder {
        private final int rows;
        private final int cols;
        private int[] r = new int[1024];
        private int[] c = new int[1024];
        private double[] v = new double[1024];
        private int n;

        /** An empty {@code rows × cols} collection. */
        TripletBuilder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        /** Adds one entry. */
        void add(int row, int col, double value) {
            if (n == r.length) {
                int cap = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * n));
                r = java.util.Arrays.copyOf(r, cap);
                c = java.util.Arrays.copyOf(c, cap);
                v = java.util.Arrays.copyOf(v, cap);
            }
            r[n] = row;
            c[n] = col;
            v[n] = value;
            n++;
        }

        /** The collected entries. */
        Triplets build() {
            return new Triplets(rows, cols, r, c, v, n);
        }
    }

    /**
     * {@code ‖P − S‖_F / ‖S‖_F} (or {@code ‖P − S‖_F} when S is zero).
     *
     * @param sparrow Input: Sparrow's result (any row order, duplicates allowed)
     * @param peer    Input: the peer's result
     * @return the relative difference, or +∞ if the shapes differ
     */
    static double relativeFrobenius(CsrMatrix sparrow, Triplets peer) {
        if (peer.rows() != sparrow.rows() || peer.cols() != sparrow.cols()) {
            return Double.POSITIVE_INFINITY;
        }
        int rows = peer.rows();
        // Bucket the peer's entries by row (a counting sort).
        int[] ptr = new int[rows + 1];
        for (int e = 0; e < peer.n(); e++) {
            ptr[peer.r()[e] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        int[] next = java.util.Arrays.copyOf(ptr, rows);
        int[] pc = new int[peer.n()];
        double[] pv = new double[peer.n()];
        for (int e = 0; e < peer.n(); e++) {
            int slot = next[peer.r()[e]]++;
            pc[slot] = peer.c()[e];
            pv[slot] = peer.v()[e];
        }
        int[] sp = sparrow.rowPointers();
        int[] sc = sparrow.columnIndices();
        double[] sv = sparrow.values();
        double[] w = new double[sparrow.cols()];
        double diff2 = 0;
        double ref2 = 0;
        for (int i = 0; i < rows; i++) {
            for (int q = sp[i]; q < sp[i + 1]; q++) {
                w[sc[q]] += sv[q];
            }
            for (int q = ptr[i]; q < ptr[i + 1]; q++) {
                w[pc[q]] -= pv[q];
            }
            // Each touched column is added once and cleared; later visits of it add zero.
            for (int q = sp[i]; q < sp[i + 1]; q++) {
                ref2 += sv[q] * sv[q];
                diff2 += w[sc[q]] * w[sc[q]];
                w[sc[q]] = 0;
            }
            for (int q = ptr[i]; q < ptr[i + 1]; q++) {
                diff2 += w[pc[q]] * w[pc[q]];
                w[pc[q]] = 0;
            }
        }
        // ref2 above counts duplicates separately; for Sparrow's canonical results there are none.
        return ref2 > 0 ? Math.sqrt(diff2 / ref2) : Math.sqrt(diff2);
    }

    /**
     * {@code ‖p − s‖₂ / ‖s‖₂} for two dense arrays of equal length (vectors, or blocks in the same
     * layout).
     */
    static double relative(double[] sparrow, double[] peer) {
        if (sparrow.length != peer.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff2 = 0;
        double ref2 = 0;
        for (int i = 0; i < sparrow.length; i++) {
            double d = peer[i] - sparrow[i];
            diff2 += d * d;
            ref2 += sparrow[i] * sparrow[i];
        }
        return ref2 > 0 ? Math.sqrt(diff2 / ref2) : Math.sqrt(diff2);
    }

    /**
     * The deterministic input value at flat index {@code i}: {@code 1 + ((7919·i) mod 1000)/1000},
     * in [1, 2). The same formula builds x (index j) and the row-major block X (index j·k + c) here
     * and in the scipy script, so both sides multiply bit-identical inputs.
     */
    static double input(long i) {
        return 1.0 + (double) ((i * 7919L) % 1000L) / 1000.0;
    }

    /** The vector or row-major block of {@link #input} values of length {@code n}. */
    static double[] inputs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = input(i);
        }
        return x;
    }
}
