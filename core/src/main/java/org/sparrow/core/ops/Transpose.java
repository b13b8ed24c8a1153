package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * The transpose Aᵀ of a CSR matrix as a new canonical CSR matrix, by a parallel counting sort.
 *
 * <p>The rows of A are cut into {@code P} contiguous ranges of about equal nonzeros. Each task
 * counts the columns of its range ({@code count[t][j]}); a prefix sum taken in (column, task) order
 * turns the counts into the first output slot of each (column, task) pair; then each task scatters
 * its rows, in increasing order, into its own slots. Since task {@code t}'s rows all precede task
 * {@code t+1}'s, every output row lists its row indices of A in increasing order, and the result is
 * <em>bit-identical to the sequential {@link SparseConversions#transpose}</em> (and so for every
 * thread count): entries are only moved, never combined. The sequential counting sort is CSparse's
 * {@code cs_transpose} (Davis, <i>Direct Methods for Sparse Linear Systems</i>, §2.5).
 *
 * <p>{@code P = min(threads, rows, max(1, nnz/cols))}, so the {@code P·cols} counters never outnumber
 * the entries; with {@code P = 1} (one thread, or too few entries per column) it is the sequential
 * kernel.
 */
public final class Transpose {

    private Transpose() {
    }

    /**
     * Aᵀ as a new canonical CSR matrix, as parallel as {@code par} says for nnz(A) entries;
     * bit-identical for every thread count. As {@link #of(CsrMatrix, int)} otherwise.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param par how parallel
     * @return Aᵀ, {@code n × m}, canonical
     * @throws IllegalArgumentException if {@code a} or {@code par} is null
     */
    public static CsrMatrix of(CsrMatrix a, Par par) {
        Checks.checkMatrix(a, "A");
        return of(a, Parallelism.threads(par, a.nnz()));
    }

    /**
     * Aᵀ as a new canonical CSR matrix on exactly {@code threads} threads; bit-identical for every thread count. The input may be
     * unsorted: the output is canonical whatever the order of A's rows. O(nnz + rows + P·cols) work.
     *
     * @param a       Input: {@code m × n} CSR (sorted or not)
     * @param threads threads to use, ≥ 1 (1 calls {@link SparseConversions#transpose}, no pool)
     * @return Aᵀ, {@code n × m}, canonical, new arrays
     * @throws IllegalArgumentException if {@code a} is null or {@code threads < 1}
     */
    public static CsrMatrix of(CsrMatrix a, int threads) {
        Checks.checkMatrix(a, "A");
        Parallelism.checkThreads(threads);
        int rows = a.rows();
        int cols = a.cols();
        int nnz = a.nnz();
        if (cols == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot transpose a " + Checks.shape(a.rows(), a.cols()) + " matrix: the transpose's row"
                    + " pointer would need " + ((long) cols + 1) + " entries");
        }
        int[] tp = new int[cols + 1];
        int[] ti = new int[nnz];
        double[] tx = new double[nnz];
        transpose(rows, cols, a.rowPointers(), a.columnIndices(), a.values(), tp, ti, tx, threads);
        return new CsrMatrix(cols, rows, tp, ti, tx);
    }

    /**
     * CSR of Aᵀ from CSR of A on {@code threads} threads (see the class comment); no checks beyond
     * the thread count. Output row indices are increasing within each output row.
     *
     * @param rows    rows of A
     * @param cols    columns of A
     * @param ap      Input: row pointer of A, length {@code rows + 1}
     * @param aj      Input: column indices of A
     * @param ax      Input: values of A
     * @param tp      Output: row pointer of Aᵀ, length {@code cols + 1}
     * @param ti      Output: column indices of Aᵀ (row indices of A), length ≥ nnz
     * @param tx      Output: values of Aᵀ, length ≥ nnz
     * @param threads threads, ≥ 1
     */
    public static void transpose(int rows, int cols, int[] ap, int[] aj, double[] ax, int[] tp, int[] ti, double[] tx,
                                 int threads) {
        Parallelism.checkThreads(threads);
        int parts = threads == 1 ? 1 : Spmv.reductionWorkers(threads, rows, cols, ap[rows], 1);
        transpose(rows, cols, ap, aj, ax, tp, ti, tx, threads, parts);
    }

    /** The kernel with exactly {@code parts} row ranges (tests force a split on small matrices). */
    static void transpose(int rows, int cols, int[] ap, int[] aj, double[] ax, int[] tp, int[] ti, double[] tx,
                          int threads, int parts) {
        if (parts <= 1) {
            SparseConversions.transpose(rows, cols, ap, aj, ax, tp, ti, tx);
            return;
        }
        int[] split = KernelSupport.splitRows(rows, ap, null, parts);
        int[] slot = new int[parts * cols]; // slot[t·cols + j]: count, then next output position
        Parallelism.forEachTask(threads, parts, t -> {
            int o = t * cols;
            for (int p = ap[split[t]], end = ap[split[t + 1]]; p < end; p++) {
                slot[o + aj[p]]++; // count[t][j] = |{p in range t : aj[p] = j}|
            }
        });
        int chunks = KernelSupport.parts(threads, cols);
        Parallelism.forEachTask(threads, chunks, c -> {
            for (int j = (int) ((long) cols * c / chunks), end = (int) ((long) cols * (c + 1) / chunks); j < end; j++) {
                int s = 0;
                for (int t = 0; t < parts; t++) {
                    s += slot[t * cols + j]; // tp[j+1] = Σ_t count[t][j]
                }
                tp[j + 1] = s;
            }
        });
        tp[0] = 0;
        for (int j = 0; j < cols; j++) {
            tp[j + 1] += tp[j]; // tp[j+1] = Σ_{j' ≤ j} column counts
        }
        Parallelism.forEachTask(threads, chunks, c -> {
            for (int j = (int) ((long) cols * c / chunks), end = (int) ((long) cols * (c + 1) / chunks); j < end; j++) {
                int s = tp[j];
                for (int t = 0; t < parts; t++) {
                    int n = slot[t * cols + j];
                    slot[t * cols + j] = s; // slot[t][j] = tp[j] + Σ_{t' < t} count[t'][j]
                    s += n;
                }
            }
        });
        Parallelism.forEachTask(threads, parts, t -> {
            int o = t * cols;
            for (int i = split[t], end = split[t + 1]; i < end; i++) {
                for (int p = ap[i]; p < ap[i + 1]; p++) {
                    int q = slot[o + aj[p]]++;
                    ti[q] = i; // Aᵀ(j, i) = A(i, j)
                    tx[q] = ax[p];
                }
            }
        });
    }
}
