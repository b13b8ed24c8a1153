package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/**
 * One worker's row accumulators for {@link Spgemm}: a reusable open-addressing hash table, and a dense
 * array with a bitmap of the row's columns, made on first need. Which one a row uses is decided per
 * row by {@link #useDense}; both produce the same entries in the same accumulation order.
 */
final class SpgemmAccumulator {
    /** Rows whose bound is at least cols(B)/DENSE_FRACTION use the dense accumulator. */
    static final int DENSE_FRACTION = 64;
    /**
     * Up to this many columns of B (12 bytes each: 3 MB) every row uses the dense accumulator, whose
     * arrays stay in cache ({@code benchmarks/results/kernels/design-measurements.md}).
     */
    static final int DENSE_MAX_COLS = 1 << 18;
    /**
     * A row whose partial products fall within this many consecutive columns (B sorted) uses the
     * dense accumulator whatever cols(B): only that window of the dense array is touched, so it stays
     * in cache, and the bitmap lists the columns in order (banded and stencil matrices;
     * {@code benchmarks/results/kernels/spgemm-memory.md}).
     */
    static final int LOCAL_SPAN = 1 << 15;
    /** Above this many columns of B a dense accumulator is never made for locality alone (8 bytes each). */
    static final int LOCAL_DENSE_MAX_COLS = 1 << 24;
    /** Largest row bound a hash table takes (larger rows use the dense accumulator). */
    static final int MAX_HASHED = 1 << 28;
    /** Smallest hash table. */
    private static final int MIN_TABLE = 16;
    /** Fibonacci hashing multiplier (⌊2^32/φ⌋, odd). */
    static final int HASH_MULTIPLIER = 0x9E3779B9;

    /** Columns of B (the length of the dense accumulator). */
    final int p;
    private int[] keys = new int[0];
    private double[] vals = new double[0];
    private int[] used = new int[0];
    private long[] sortBuffer = new long[0];
    private double[] dense;
    private long[] seen;

    SpgemmAccumulator(int p) {
        this.p = p;
    }

    /**
     * Whether row {@code i} (flop bound {@code bound}) uses the dense accumulator rather than the hash
     * table: B is narrow, the row is a large fraction of B's width, or (B sorted) its partial products
     * fall in a window of at most {@link #LOCAL_SPAN} columns, found from the first and last column of
     * each row of B it reaches (O(nnz(A(i,:)))).
     */
    private boolean useDense(CsrMatrix a, CsrMatrix b, int i, int bound) {
        if (p <= DENSE_MAX_COLS || (long) bound * DENSE_FRACTION >= p || bound > MAX_HASHED) {
            return true;
        }
        if (!b.isSorted() || p > LOCAL_DENSE_MAX_COLS) {
            return false;
        }
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        int[] bp = b.rowPointers();
        int[] bj = b.columnIndices();
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int q = ap[i], qe = ap[i + 1]; q < qe; q++) {
            int k = aj[q];
            if (bp[k] < bp[k + 1]) {
                lo = Math.min(lo, bj[bp[k]]);
                hi = Math.max(hi, bj[bp[k + 1] - 1]);
            }
        }
        return hi - lo < LOCAL_SPAN;
    }

    /** The smallest power of two ≥ 2·bound (and ≥ {@link #MIN_TABLE}); bounds stay ≤ {@link #MAX_HASHED}. */
    static int tableCapacity(int bound) {
        long want = Math.max(MIN_TABLE, 2L * bound);
        return (int) (Long.highestOneBit(want - 1) << 1);
    }

    /** Bytes this accumulator holds now (its arrays grow to the largest row seen and are kept). */
    long bytes() {
        return 4L * keys.length + 8L * vals.length + 4L * used.length + 8L * sortBuffer.length
                + (dense == null ? 0 : 8L * dense.length + 8L * seen.length);
    }

    /** The number of distinct columns in row {@code i} of C (the symbolic phase). */
    int count(CsrMatrix a, CsrMatrix b, int i, int bound) {
        if (bound == 0) {
            return 0;
        }
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        int[] bp = b.rowPointers();
        int[] bj = b.columnIndices();
        int n = 0;
        if (useDense(a, b, i, bound)) {
            if (dense == null) {
                dense = new double[p];
                seen = new long[(p + 63) >>> 6];
            }
            long[] bits = seen;
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                    int j = bj[r];
                    if ((bits[j >>> 6] & (1L << j)) == 0) {
                        bits[j >>> 6] |= 1L << j;
                        n++;
                    }
                }
            }
            for (int q = ap[i]; q < ap[i + 1]; q++) { // clear the words this row set
                for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                    bits[bj[r] >>> 6] = 0;
                }
            }
            return n;
        }
        int cap = tableCapacity(bound);
        ensureTable(cap, bound);
        int mask = cap - 1;
        int shift = Integer.numberOfLeadingZeros(mask);
        int[] k = keys;
        int[] u = used;
        for (int q = ap[i]; q < ap[i + 1]; q++) {
            for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                int j = bj[r];
                int slot = (j * HASH_MULTIPLIER) >>> shift;
                while (k[slot] != j) {
                    if (k[slot] < 0) {
                        k[slot] = j;
                        u[n++] = slot;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            k[u[t]] = -1;
        }
        return n;
    }

    private void ensureTable(int cap, int bound) {
        if (keys.length < cap) {
            keys = new int[cap];
            Arrays.fill(keys, -1);
            vals = new double[cap];
        }
        if (used.length < bound) {
            used = new int[Math.max(bound, 2 * used.length)];
        }
    }

    /** Computes row {@code i} of C into {@code outCols/outVals} from {@code out}; returns its length. */
    int row(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o, int[] outCols, double[] outVals, int out) {
        if (bound == 0) {
            return 0;
        }
        return useDense(a, b, i, bound) ? denseRow(a, b, i, o, outCols, outVals, out)
                : hashRow(a, b, i, bound, o, outCols, outVals, out);
    }

    private int hashRow(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o, int[] outCols,
                        double[] outVals, int out) {
        int cap = tableCapacity(bound);
        ensureTable(cap, bound);
        int mask = cap - 1;
        int shift = Integer.numberOfLeadingZeros(mask); // 32 − log2(cap): keep the best-mixed high bits
        int[] k = keys;
        double[] v = vals;
        int[] u = used;
        int n = 0;
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int[] bp = b.rowPointers();
        int[] bj = b.columnIndices();
        double[] bx = b.values();
        for (int q = ap[i]; q < ap[i + 1]; q++) {
            int kk = aj[q];
            double aik = ax[q];
            for (int r = bp[kk]; r < bp[kk + 1]; r++) {
                int j = bj[r];
                int slot = (j * HASH_MULTIPLIER) >>> shift;
                while (true) {
                    int key = k[slot];
                    if (key == j) {
                        v[slot] += aik * bx[r]; // c_ij += a_ik b_kj
                        break;
                    }
                    if (key < 0) {
                        k[slot] = j;
                        v[slot] = aik * bx[r];
                        u[n++] = slot;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        int len = 0;
        if (o.sorted()) {
            if (sortBuffer.length < n) {
                sortBuffer = new long[Math.max(n, 2 * sortBuffer.length)];
            }
            long[] s = sortBuffer;
            for (int t = 0; t < n; t++) {
                s[t] = ((long) k[u[t]] << 32) | u[t];
            }
            sortSmall(s, 0, n);
            for (int t = 0; t < n; t++) {
                int slot = (int) s[t];
                double x = v[slot];
                if (!o.dropZeros() || x != 0.0) {
                    outCols[out + len] = (int) (s[t] >>> 32);
                    outVals[out + len] = x;
                    len++;
                }
            }
        } else {
            for (int t = 0; t < n; t++) {
                double x = v[u[t]];
                if (!o.dropZeros() || x != 0.0) {
                    outCols[out + len] = k[u[t]];
                    outVals[out + len] = x;
                    len++;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            k[u[t]] = -1;
        }
        return len;
    }

    /**
     * Row {@code i} of A·B into {@code dense}, marking new columns in the bitmap {@code seen} and
     * listing them in {@code cols[out..]}; returns how many. A small static method, so the JIT
     * compiles the hot loop on its own.
     */
    private static int accumulateDense(int[] ap, int[] aj, double[] ax, int[] bp, int[] bj, double[] bx, int i,
                                       double[] dense, long[] seen, int[] cols, int out) {
        int n = out;
        for (int q = ap[i], qe = ap[i + 1]; q < qe; q++) {
            int kk = aj[q];
            double aik = ax[q];
            for (int r = bp[kk], re = bp[kk + 1]; r < re; r++) {
                int j = bj[r];
                long bit = 1L << j; // Java masks the shift to j mod 64
                if ((seen[j >>> 6] & bit) != 0) {
                    dense[j] += aik * bx[r]; // c_ij += a_ik b_kj
                } else {
                    seen[j >>> 6] |= bit;
                    dense[j] = aik * bx[r];
                    cols[n++] = j;
                }
            }
        }
        return n - out;
    }

    private int denseRow(CsrMatrix a, CsrMatrix b, int i, SpgemmOptions o, int[] outCols, double[] outVals,
                         int out) {
        if (dense == null) {
            dense = new double[p];
            seen = new long[(p + 63) >>> 6];
        }
        double[] d = dense;
        long[] bits = seen;
        int n = accumulateDense(a.rowPointers(), a.columnIndices(), a.values(), b.rowPointers(),
                b.columnIndices(), b.values(), i, d, bits, outCols, out);
        int end = out + n;
        if (o.sorted() && n > 1) {
            // The bitmap is the sorted column set: walk its words over the row's span, clearing them.
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int t = out; t < end; t++) {
                lo = Math.min(lo, outCols[t]);
                hi = Math.max(hi, outCols[t]);
            }
            if ((hi >>> 6) - (lo >>> 6) <= 4L * n) {
                int t = out;
                for (int w = lo >>> 6, wEnd = hi >>> 6; w <= wEnd; w++) {
                    long word = bits[w];
                    bits[w] = 0;
                    while (word != 0) {
                        outCols[t++] = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                    }
                }
            } else { // scattered columns (a road network, say): sorting the short list is cheaper
                for (int t = out; t < end; t++) {
                    bits[outCols[t] >>> 6] = 0;
                }
                sortSmall(outCols, out, end);
            }
        } else {
            for (int t = out; t < end; t++) {
                bits[outCols[t] >>> 6] = 0; // every bit of the word belongs to this row
            }
        }
        int len = 0;
        for (int t = out; t < end; t++) {
            int j = outCols[t];
            double x = d[j];
            if (!o.dropZeros() || x != 0.0) {
                outCols[out + len] = j;
                outVals[out + len] = x;
                len++;
            }
        }
        return len;
    }

    /** Rows of C are mostly short: insertion sort below this length, the JDK's sort above. */
    private static final int INSERTION_SORT_MAX = 24;

    /** Sorts {@code a[from..to)}; an inline insertion sort for the short runs typical of a row. */
    static void sortSmall(int[] a, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** {@link #sortSmall(int[], int, int)} for packed (column, slot) longs. */
    static void sortSmall(long[] a, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }
}
