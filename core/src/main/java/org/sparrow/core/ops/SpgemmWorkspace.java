package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;

/**
 * Memory that {@link Spgemm} keeps between calls, so that repeated products (a CLI {@code --repeat},
 * a solver forming the same product every iteration) stop allocating once it has grown: the
 * per-worker row accumulators, the per-worker chunk buffers of the one-phase strategy, the per-row
 * flop prefix, and — when the caller hands a finished product back with {@link #recycle} — the arrays
 * of the next output. The model is EJML's optional workspace arguments ({@code IGrowArray},
 * {@code DGrowArray}): a call without a workspace uses a fresh one and drops it.
 *
 * <p>A workspace is not thread-safe: one product at a time. Its arrays grow to the largest product
 * seen and are kept; {@link #bytes()} says how much it holds, and dropping the workspace frees it.
 */
public final class SpgemmWorkspace {

    private SpgemmAccumulator[] accumulators = new SpgemmAccumulator[0];
    private int[][] chunkCols = new int[0][];
    private double[][] chunkVals = new double[0][];
    private long[] prefix = new long[0];
    private int[] spareRowPtr;
    /** The row pointer of the last product made through this workspace: the only one it reuses. */
    private int[] issuedRowPtr;
    private int[] spareCols;
    private double[] spareVals;
    private int products;

    /** An empty workspace; it grows on first use. */
    public SpgemmWorkspace() {
    }

    /**
     * Hands the arrays of a product that the caller no longer needs back to the workspace, which
     * writes the next product of the same or smaller size into them instead of allocating. After
     * this call {@code c} must not be used (its entries will be overwritten): this is the caller's
     * promise, as with EJML's output arguments. Arrays shared with a later call's inputs are never
     * reused, nor is a row pointer this workspace did not make (the one of a {@link Spgemm#numeric}
     * result belongs to its {@link SpgemmSymbolic}).
     *
     * @param c Input: a product returned by {@link Spgemm} through this workspace (any CSR matrix is
     *          accepted; only its arrays are kept)
     */
    public void recycle(CsrMatrix c) {
        Checks.checkNotNull(c, "c");
        spareRowPtr = c.rowPointers();
        spareCols = c.columnIndices();
        spareVals = c.values();
    }

    /**
     * Bytes of scratch memory held now (accumulators, chunk buffers, the flop prefix), not counting
     * recycled output arrays.
     *
     * @return ≥ 0
     */
    public long bytes() {
        long s = 8L * prefix.length;
        for (SpgemmAccumulator acc : accumulators) {
            s += acc == null ? 0 : acc.bytes();
        }
        for (int w = 0; w < chunkCols.length; w++) {
            s += chunkCols[w] == null ? 0 : 12L * chunkCols[w].length;
        }
        return s;
    }

    /**
     * How many products this workspace has served. A workspace that is being reused is the signal for
     * {@link Spgemm}'s rule that buffers kept for the next call will pay off.
     *
     * @return ≥ 0
     */
    public int products() {
        return products;
    }

    /** Counts one more product served. */
    void served() {
        products++;
    }

    /** Worker {@code w}'s accumulator for products with {@code p} columns (made or remade on need). */
    SpgemmAccumulator accumulator(int w, int p) {
        if (accumulators.length <= w) {
            accumulators = java.util.Arrays.copyOf(accumulators, w + 1);
        }
        SpgemmAccumulator acc = accumulators[w];
        if (acc == null || acc.p != p) {
            acc = new SpgemmAccumulator(p);
            accumulators[w] = acc;
        }
        return acc;
    }

    /** Makes room for {@code workers} per-worker slots; call before a parallel phase (not thread-safe). */
    void ensureWorkers(int workers) {
        if (accumulators.length < workers) {
            accumulators = java.util.Arrays.copyOf(accumulators, workers);
        }
        if (chunkCols.length < workers) {
            chunkCols = java.util.Arrays.copyOf(chunkCols, workers);
            chunkVals = java.util.Arrays.copyOf(chunkVals, workers);
        }
    }

    /** A prefix array of length ≥ {@code m + 1} (contents arbitrary). */
    long[] prefix(int m) {
        if (prefix.length < m + 1) {
            prefix = new long[m + 1];
        }
        return prefix;
    }

    int[] chunkCols(int w) {
        return chunkCols[w];
    }

    double[] chunkVals(int w) {
        return chunkVals[w];
    }

    /**
     * Worker {@code w}'s chunk buffer with room for at least {@code need} entries, keeping the first
     * {@code keep}; grows to {@code max(need, 2·capacity)} so growth copies O(nnz(C)) in all.
     */
    void ensureChunk(int w, int need, int keep) {
        int[] cols = chunkCols[w];
        int cap = cols == null ? 0 : cols.length;
        if (cap >= need) {
            return;
        }
        int newCap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * cap));
        int[] nc = new int[newCap];
        double[] nv = new double[newCap];
        if (keep > 0) {
            System.arraycopy(cols, 0, nc, 0, keep);
            System.arraycopy(chunkVals[w], 0, nv, 0, keep);
        }
        chunkCols[w] = nc;
        chunkVals[w] = nv;
    }

    /**
     * A row pointer of length exactly {@code m + 1}: the recycled one if this workspace made it (a row
     * pointer from elsewhere, such as a {@link SpgemmSymbolic}'s, may be shared and is never
     * overwritten), it fits, and it is not an input's.
     */
    int[] rowPointer(int m, CsrMatrix a, CsrMatrix b) {
        int[] r = spareRowPtr;
        spareRowPtr = null;
        if (r == null || r != issuedRowPtr || r.length != m + 1 || r == a.rowPointers() || r == b.rowPointers()) {
            r = new int[m + 1];
        }
        issuedRowPtr = r;
        return r;
    }

    /** Column-index output of length ≥ {@code nnz}: the recycled array if large enough and not an input's. */
    int[] columns(int nnz, CsrMatrix a, CsrMatrix b) {
        int[] c = spareCols;
        spareCols = null;
        if (c != null && c.length >= nnz && c != a.columnIndices() && c != b.columnIndices()) {
            return c;
        }
        return new int[nnz];
    }

    /** Value output of length ≥ {@code nnz}: the recycled array if large enough and not an input's. */
    double[] values(int nnz, CsrMatrix a, CsrMatrix b) {
        double[] v = spareVals;
        spareVals = null;
        if (v != null && v.length >= nnz && v != a.values() && v != b.values()) {
            return v;
        }
        return new double[nnz];
    }
}
