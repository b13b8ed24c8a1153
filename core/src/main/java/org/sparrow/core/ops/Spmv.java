package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * Sparse matrix–vector products {@code y = A·x} and {@code y = Aᵀ·x} for A in CSR.
 *
 * <p>The 1-thread kernels are CSparse {@code cs_gaxpy}-style loops. The multi-threaded ones split the
 * rows into contiguous ranges of about equal work ({@code nonzeros + rows}, found by binary search on
 * the row pointer, a few ranges per thread so an unlucky dense row still balances) and run them
 * through {@link Parallelism}'s pool; a call with one thread runs no pool.
 *
 * <p><b>Reproducibility.</b> {@code y = A·x} is <em>bit-identical for every thread count</em>: each
 * {@code y_i} is the sum over row {@code i} in storage order, computed by one thread. {@code y = Aᵀ·x}
 * with more than one worker gives each worker a private accumulation vector over a fixed range of
 * rows and then adds the vectors in worker order, column range by column range: the result is
 * deterministic (the same on every run) for a given thread count and matrix, but it is <em>not</em>
 * bit-identical across thread counts, since {@code y_j} is summed in a different association; the
 * difference is rounding, at most a few units of {@code Σ_i |a_ij x_i|·eps·(nonzeros in column j)}.
 *
 * <p>The row-range splitter, the parallel size threshold and the vector checks here are shared by
 * the other kernels of this package.
 */
public final class Spmv {

    /** {@link Parallelism#PARALLEL_MIN_WORK}, kept here for source compatibility. */
    public static final int PARALLEL_MIN_NNZ = Parallelism.PARALLEL_MIN_WORK;

    private Spmv() {
    }

    // ---- facades -------------------------------------------------------------------------------

    /**
     * {@code y = A·x}, as parallel as {@code par} says ({@link Par#threadsFor} of nnz); bit-identical
     * for every thread count. O(nnz + m) work, O(nnz/threads + max row) span.
     *
     * @param a   Input: {@code m × n} CSR (sorted or not)
     * @param x   Input: length {@code n}
     * @param y   Output: length {@code m}; overwritten (junk on entry is fine)
     * @param par how parallel: {@link Par#SEQ} runs on the caller's thread with no pool
     * @throws IllegalArgumentException if a length does not match the shape (the message states
     *     both), or {@code par} is null
     */
    public static void apply(CsrMatrix a, double[] x, double[] y, Par par) {
        Checks.checkMatrix(a, "A");
        Checks.checkVector("x", x, a.cols(), a, "its column count, for A·x");
        Checks.checkVector("y", y, a.rows(), a, "its row count, for A·x");
        apply(a.rows(), a.rowPointers(), a.columnIndices(), a.values(), x, y, threads(par, a));
    }

    /**
     * {@code y = A·x} on exactly {@code threads} threads: {@code apply(a, x, y, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param x Input: length {@code n}
     * @param y Output: length {@code m}; overwritten (junk on entry is fine)
     * @param threads threads to use, ≥ 1 (1 runs on the caller's thread with no pool)
     * @throws IllegalArgumentException as the {@link Par} form, or if {@code threads < 1}
     */
    public static void apply(CsrMatrix a, double[] x, double[] y, int threads) {
        apply(a, x, y, Par.threads(threads));
    }

    /**
     * {@code y = Aᵀ·x}, as parallel as {@code par} says. Deterministic for a given thread count;
     * not bit-identical across thread counts (see the class comment). O(nnz + m + w·n) work for
     * {@code w} workers, with {@code w·n ≤ nnz + n} by construction. Allocates the workers'
     * accumulators; {@link #applyTranspose(CsrMatrix, double[], double[], Par, double[])} takes them.
     *
     * @param a   Input: {@code m × n} CSR (sorted or not)
     * @param x   Input: length {@code m}
     * @param y   Output: length {@code n}; overwritten (junk on entry is fine)
     * @param par how parallel: {@link Par#SEQ} runs the sequential scatter loop, no pool
     * @throws IllegalArgumentException if a length does not match the shape, or {@code par} is null
     */
    public static void applyTranspose(CsrMatrix a, double[] x, double[] y, Par par) {
        applyTranspose(a, x, y, par, null);
    }

    /**
     * {@code y = Aᵀ·x} into the caller's workspace: the same result as the allocating form, bit for
     * bit, and no allocation when {@code work} is long enough.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param x Input: length {@code m}
     * @param y Output: length {@code n}; overwritten (junk on entry is fine)
     * @param par how parallel: {@link Par#SEQ} runs the sequential scatter loop, no pool
     * @param work Optional workspace of at least {@link #transposeWorkspaceLength(CsrMatrix, Par)}
     *             doubles (its contents on entry do not matter; they are overwritten), or null to allocate
     * @throws IllegalArgumentException as {@link #applyTranspose(CsrMatrix, double[], double[], Par)},
     *     or if {@code work} is too short
     */
    public static void applyTranspose(CsrMatrix a, double[] x, double[] y, Par par, double[] work) {
        Checks.checkMatrix(a, "A");
        Checks.checkVector("x", x, a.rows(), a, "its row count, for Aᵀ·x");
        Checks.checkVector("y", y, a.cols(), a, "its column count, for Aᵀ·x");
        int threads = threads(par, a);
        int w = reductionWorkers(threads, a.rows(), a.cols(), a.nnz(), 1);
        long need = (long) (w - 1) * a.cols();
        if (work != null && work.length < need) {
            throw new IllegalArgumentException("the workspace has length " + work.length + " but Aᵀ·x on " + threads
                    + " threads needs " + need);
        }
        applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), x, y, threads, w, work);
    }

    /**
     * {@code y = Aᵀ·x} on exactly {@code threads} threads: {@code applyTranspose(a, x, y, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param x Input: length {@code m}
     * @param y Output: length {@code n}; overwritten (junk on entry is fine)
     * @param threads threads to use, ≥ 1
     * @throws IllegalArgumentException as the {@link Par} form, or if {@code threads < 1}
     */
    public static void applyTranspose(CsrMatrix a, double[] x, double[] y, int threads) {
        applyTranspose(a, x, y, Par.threads(threads));
    }

    /**
     * The workspace {@link #applyTranspose(CsrMatrix, double[], double[], Par, double[])} needs:
     * one accumulator of {@code n} doubles per worker after the first (0 on one thread).
     *
     * @param a the matrix the product will use
     * @param par how parallel the product will run
     * @return the number of doubles the workspace needs, ≥ 0
     */
    public static int transposeWorkspaceLength(CsrMatrix a, Par par) {
        Checks.checkMatrix(a, "A");
        int w = reductionWorkers(threads(par, a), a.rows(), a.cols(), a.nnz(), 1);
        return Math.multiplyExact(w - 1, a.cols());
    }

    private static int threads(Par par, CsrMatrix a) {
        return Parallelism.threads(par, a.nnz());
    }

    // ---- array kernels -------------------------------------------------------------------------

    /**
     * {@code y = A·x} for A in CSR, on the caller's thread. O(nnz + rows).
     *
     * @param rows   rows of A
     * @param rowPtr Input: length {@code rows + 1}
     * @param colIdx Input: column indices
     * @param values Input: values
     * @param x      Input: length {@code cols}
     * @param y      Output: length {@code rows}; overwritten
     */
    public static void apply(int rows, int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y) {
        applyRows(rowPtr, colIdx, values, x, y, 0, rows);
    }

    /**
     * {@code y = A·x} for A in CSR on {@code threads} threads, rows split by nonzeros. No checks
     * beyond the thread count: the facade validates. Bit-identical to the 1-thread loop.
     *
     * @param rows    rows of A
     * @param rowPtr  Input: length {@code rows + 1}
     * @param colIdx  Input: column indices
     * @param values  Input: values
     * @param x       Input: length {@code cols}
     * @param y       Output: length {@code rows}; overwritten
     * @param threads threads, ≥ 1
     */
    public static void apply(int rows, int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y,
                                int threads) {
        int parts = KernelSupport.parts(threads, rows);
        if (parts == 1) {
            applyRows(rowPtr, colIdx, values, x, y, 0, rows);
            return;
        }
        int[] split = KernelSupport.splitRows(rows, rowPtr, null, parts);
        Parallelism.forEachTask(threads, parts, t -> applyRows(rowPtr, colIdx, values, x, y, split[t], split[t + 1]));
    }

    /**
     * {@code y = Aᵀ·x} for A in CSR (a scatter over the rows of A), on the caller's thread.
     * O(nnz + rows + cols).
     *
     * @param rows   rows of A
     * @param cols   columns of A
     * @param rowPtr Input: length {@code rows + 1}
     * @param colIdx Input: column indices
     * @param values Input: values
     * @param x      Input: length {@code rows}
     * @param y      Output: length {@code cols}; overwritten
     */
    public static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values,
                                         double[] x, double[] y) {
        Arrays.fill(y, 0, cols, 0.0);
        scatterRows(rowPtr, colIdx, values, x, y, 0, 0, rows);
    }

    /**
     * {@code y = Aᵀ·x} for A in CSR on {@code threads} threads: {@code w} workers each scatter one
     * fixed row range (equal nonzeros) into a private vector (worker 0 into {@code y} itself), then
     * the vectors are added into {@code y} in worker order, in parallel over column ranges.
     * {@code w = min(threads, rows, max(1, nnz/cols))}, so the private vectors never cost more than
     * the scatter. Deterministic for a given {@code threads}; not bit-identical across thread counts.
     *
     * @param rows    rows of A
     * @param cols    columns of A
     * @param rowPtr  Input: length {@code rows + 1}
     * @param colIdx  Input: column indices
     * @param values  Input: values
     * @param x       Input: length {@code rows}
     * @param y       Output: length {@code cols}; overwritten
     * @param threads threads, ≥ 1
     */
    public static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values,
                                         double[] x, double[] y, int threads) {
        applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, threads,
                reductionWorkers(threads, rows, cols, rowPtr[rows], 1), null);
    }

    /** {@code y = Aᵀ·x} with exactly {@code w} row ranges (tests force a split on small matrices). */
    static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, double[] x,
                                  double[] y, int threads, int w) {
        applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, threads, w, null);
    }

    /**
     * {@code y = Aᵀ·x} with exactly {@code w} row ranges, the accumulators of workers 1 … w−1 in {@code work} (allocated when null).
     */
    static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, double[] x,
                                  double[] y, int threads, int w, double[] workspace) {
        Parallelism.checkThreads(threads);
        if (w <= 1) {
            applyTranspose(rows, cols, rowPtr, colIdx, values, x, y);
            return;
        }
        int[] split = KernelSupport.splitRows(rows, rowPtr, null, w);
        double[] work = workspace != null ? workspace : new double[(w - 1) * cols]; // w ≤ nnz/cols keeps this ≤ nnz
        Parallelism.forEachTask(threads, w, t -> {
            double[] acc = t == 0 ? y : work;
            int off = t == 0 ? 0 : (t - 1) * cols;
            Arrays.fill(acc, off, off + cols, 0.0);
            scatterRows(rowPtr, colIdx, values, x, acc, off, split[t], split[t + 1]);
        });
        int chunks = KernelSupport.parts(threads, cols);
        Parallelism.forEachTask(threads, chunks, c -> {
            int from = (int) ((long) cols * c / chunks);
            int to = (int) ((long) cols * (c + 1) / chunks);
            for (int t = 1; t < w; t++) {
                int off = (t - 1) * cols;
                for (int j = from; j < to; j++) {
                    y[j] += work[off + j]; // y_j = ((s_0j + s_1j) + s_2j) + …, worker order
                }
            }
        });
    }

    /** Rows {@code [from, to)} of {@code y = A·x}. */
    static void applyRows(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            double sum = 0.0;
            for (int p = rowPtr[i], end = rowPtr[i + 1]; p < end; p++) {
                sum += values[p] * x[colIdx[p]]; // y_i = Σ_j a_ij x_j
            }
            y[i] = sum;
        }
    }

    /** Adds rows {@code [from, to)} of {@code Aᵀ·x} into {@code acc[off ..]}. */
    static void scatterRows(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] acc, int off,
                            int from, int to) {
        for (int i = from; i < to; i++) {
            double xi = x[i];
            for (int p = rowPtr[i], end = rowPtr[i + 1]; p < end; p++) {
                acc[off + colIdx[p]] += values[p] * xi; // y_j += a_ij x_i
            }
        }
    }

    // ---- shared helpers ------------------------------------------------------------------------

    /**
     * The thread count {@link CsrMatrix}'s operator methods use for work of {@code nnz} stored
     * entries: {@code Par.AUTO.threadsFor(nnz)}.
     *
     * @param nnz the work, in stored entries (times the block width for SpMM)
     * @return the thread count to pass to a kernel, ≥ 1
     */
    public static int defaultThreads(long nnz) {
        return Par.AUTO.threadsFor(nnz);
    }

    /**
     * Workers for a product that reduces private accumulators of {@code cols × k} entries:
     * {@code min(threads, rows, max(1, nnz/cols))}, so the accumulators hold at most as many entries
     * as the product has multiply-adds, and their total length fits an array.
     */
    static int reductionWorkers(int threads, int rows, int cols, int nnz, int k) {
        Parallelism.checkThreads(threads);
        long w = Math.min(Math.min(threads, rows), Math.max(1, nnz / Math.max(1, cols)));
        long perWorker = (long) cols * k;
        if (perWorker > 0) {
            w = Math.min(w, 1 + (Integer.MAX_VALUE - 8) / perWorker);
        }
        return (int) Math.max(1, w);
    }

}
