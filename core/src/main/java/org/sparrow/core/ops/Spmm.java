package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * Sparse × dense products {@code Y = A·X} and {@code Y = Aᵀ·X} for A in CSR and dense blocks stored
 * row-major, so the {@code k} entries of a block row are contiguous: the kernel reads eight
 * adjacent entries of {@code X(j,:)} per stored {@code a_ij} and keeps eight sums of
 * {@code Y(i,:) += a_ij·X(j,:)} in registers instead of updating {@code Y} in memory per entry (the
 * measurement is in {@code benchmarks/results/kernels/design-measurements.md}).
 *
 * <p>Rows are split into ranges of about equal nonzeros as in {@link Spmv}. {@code Y = A·X} is
 * <em>bit-identical for every thread count</em> (each block row is one row's sum in storage order,
 * by one thread). A block of width {@code k = 1} is a vector and goes through {@link Spmv}'s kernels
 * (both directions, every entry point here, so {@code LinearOperator.applyBlock} and {@code sparrow
 * spmm --k 1} as well): the result is Spmv's bit for bit, at SpMV speed. {@code Y = Aᵀ·X}
 * with more than one worker reduces private {@code n × k} accumulators in worker order: deterministic
 * for a given thread count, <em>not</em> bit-identical across thread counts (rounding only).
 */
public final class Spmm {

    private Spmm() {
    }

    /**
     * {@code Y = A·X}, as parallel as {@code par} says for {@code nnz·k} multiply-adds; bit-identical
     * for every thread count. As {@link #apply(CsrMatrix, double[], double[], int, int)} otherwise.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param x Input: {@code n × k} row-major, length {@code n·k}
     * @param y Output: {@code m × k} row-major, length {@code m·k}; overwritten (junk on entry is fine)
     * @param k block width, ≥ 0
     * @param par how parallel
     * @throws IllegalArgumentException as the thread-count form, or if {@code par} is null
     */
    public static void apply(CsrMatrix a, double[] x, double[] y, int k, Par par) {
        Checks.checkMatrix(a, "A");
        apply(a, x, y, k, Parallelism.threads(par, (long) a.nnz() * Math.max(k, 0)));
    }

    /**
     * {@code Y = Aᵀ·X}, as parallel as {@code par} says for {@code nnz·k} multiply-adds. As
     * {@link #applyTranspose(CsrMatrix, double[], double[], int, int)} otherwise.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param x Input: {@code m × k} row-major, length {@code m·k}
     * @param y Output: {@code n × k} row-major, length {@code n·k}; overwritten (junk on entry is fine)
     * @param k block width, ≥ 0
     * @param par how parallel
     * @throws IllegalArgumentException as the thread-count form, or if {@code par} is null
     */
    public static void applyTranspose(CsrMatrix a, double[] x, double[] y, int k, Par par) {
        Checks.checkMatrix(a, "A");
        applyTranspose(a, x, y, k, Parallelism.threads(par, (long) a.nnz() * Math.max(k, 0)));
    }

    /**
     * {@code Y = A·X} on exactly {@code threads} threads; bit-identical for every thread count. O(nnz·k + m·k) work.
     *
     * @param a       Input: {@code m × n} CSR (sorted or not)
     * @param x       Input: {@code n × k} row-major, length {@code n·k}
     * @param y       Output: {@code m × k} row-major, length {@code m·k}; overwritten (junk on entry is fine)
     * @param k       block width, ≥ 0
     * @param threads threads to use, ≥ 1 (1 runs on the caller's thread with no pool)
     * @throws IllegalArgumentException if {@code k < 0}, {@code threads < 1}, or a length does not
     *     match (the message states the expected and actual lengths)
     */
    public static void apply(CsrMatrix a, double[] x, double[] y, int k, int threads) {
        checkBlocks(a, x, y, k, false);
        Parallelism.checkThreads(threads);
        apply(a.rows(), a.rowPointers(), a.columnIndices(), a.values(), x, y, k, threads);
    }

    /**
     * {@code Y = Aᵀ·X} on exactly {@code threads} threads; deterministic for a given thread count, not bit-identical across counts.
     * O(nnz·k + n·k·w) work for {@code w} workers, {@code w ≤ max(1, nnz/n)}.
     *
     * @param a       Input: {@code m × n} CSR (sorted or not)
     * @param x       Input: {@code m × k} row-major, length {@code m·k}
     * @param y       Output: {@code n × k} row-major, length {@code n·k}; overwritten (junk on entry is fine)
     * @param k       block width, ≥ 0
     * @param threads threads to use, ≥ 1 (1 runs the sequential scatter loop, no pool)
     * @throws IllegalArgumentException if {@code k < 0}, {@code threads < 1}, or a length does not match
     */
    public static void applyTranspose(CsrMatrix a, double[] x, double[] y, int k, int threads) {
        checkBlocks(a, x, y, k, true);
        Parallelism.checkThreads(threads);
        applyTranspose(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), a.values(), x, y, k, threads);
    }

    /**
     * {@code Y = A·X} on raw arrays, rows split by nonzeros; no checks (the facade validates).
     *
     * @param rows    rows of A
     * @param rowPtr  Input: length {@code rows + 1}
     * @param colIdx  Input: column indices
     * @param values  Input: values
     * @param x       Input: {@code cols × k} row-major
     * @param y       Output: {@code rows × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param threads threads, ≥ 1
     */
    public static void apply(int rows, int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y,
                                int k, int threads) {
        if (k == 0) {
            return;
        }
        if (k == 1) { // a one-column block is a vector: the SpMV kernel, bit for bit (and twice as fast as the block loop)
            Spmv.apply(rows, rowPtr, colIdx, values, x, y, threads);
            return;
        }
        int parts = KernelSupport.parts(threads, rows);
        if (parts == 1) {
            applyRows(rowPtr, colIdx, values, x, y, k, 0, rows);
            return;
        }
        int[] split = KernelSupport.splitRows(rows, rowPtr, null, parts);
        Parallelism.forEachTask(threads, parts, t -> applyRows(rowPtr, colIdx, values, x, y, k, split[t], split[t + 1]));
    }

    /**
     * {@code Y = Aᵀ·X} on raw arrays: {@code w} workers scatter fixed row ranges into private
     * {@code cols × k} accumulators (worker 0 into {@code y}), added into {@code y} in worker order;
     * {@code w = 1} is the sequential scatter. No checks (the facade validates).
     *
     * @param rows    rows of A
     * @param cols    columns of A
     * @param rowPtr  Input: length {@code rows + 1}
     * @param colIdx  Input: column indices
     * @param values  Input: values
     * @param x       Input: {@code rows × k} row-major
     * @param y       Output: {@code cols × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param threads threads, ≥ 1
     */
    public static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values,
                                         double[] x, double[] y, int k, int threads) {
        applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, k, threads,
                Spmv.reductionWorkers(threads, rows, cols, rowPtr[rows], k));
    }

    /** {@code Y = Aᵀ·X} with exactly {@code w} row ranges (tests force a split on small matrices). */
    static void applyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, double[] x,
                                  double[] y, int k, int threads, int w) {
        Parallelism.checkThreads(threads);
        if (k == 0) {
            return;
        }
        if (k == 1) { // the SpMV scatter with the same workers: the same result bit for bit, no block loop
            Spmv.applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, threads, w, null);
            return;
        }
        int len = cols * k; // = y.length, an array length
        if (w <= 1) {
            Arrays.fill(y, 0, len, 0.0);
            scatterRows(rowPtr, colIdx, values, x, y, 0, k, 0, rows);
            return;
        }
        int[] split = KernelSupport.splitRows(rows, rowPtr, null, w);
        double[] work = new double[(w - 1) * len];
        Parallelism.forEachTask(threads, w, t -> {
            double[] acc = t == 0 ? y : work;
            int off = t == 0 ? 0 : (t - 1) * len;
            Arrays.fill(acc, off, off + len, 0.0);
            scatterRows(rowPtr, colIdx, values, x, acc, off, k, split[t], split[t + 1]);
        });
        int chunks = KernelSupport.parts(threads, cols);
        Parallelism.forEachTask(threads, chunks, c -> {
            int from = (int) ((long) cols * c / chunks) * k;
            int to = (int) ((long) cols * (c + 1) / chunks) * k;
            for (int t = 1; t < w; t++) {
                int off = (t - 1) * len;
                for (int e = from; e < to; e++) {
                    y[e] += work[off + e]; // Y = ((S_0 + S_1) + S_2) + …, worker order
                }
            }
        });
    }

    /**
     * Block rows {@code [from, to)} of {@code Y = A·X}. Eight columns of a block row at a time are
     * accumulated in registers over the row's entries (rather than updating {@code Y} in memory for
     * every entry, which the JIT does not keep in registers), then a column at a time for the
     * last {@code k mod 8}; each {@code y_ic} is still {@code Σ_p a_ip x_(j_p)c} in storage order.
     */
    static void applyRows(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y, int k,
                             int from, int to) {
        for (int i = from; i < to; i++) {
            int yo = i * k;
            int start = rowPtr[i];
            int end = rowPtr[i + 1];
            int c = 0;
            for (; c + 8 <= k; c += 8) {
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
                for (int p = start; p < end; p++) {
                    double aij = values[p];
                    int xo = colIdx[p] * k + c;
                    s0 += aij * x[xo]; // Y(i, c..c+7) += a_ij X(j, c..c+7)
                    s1 += aij * x[xo + 1];
                    s2 += aij * x[xo + 2];
                    s3 += aij * x[xo + 3];
                    s4 += aij * x[xo + 4];
                    s5 += aij * x[xo + 5];
                    s6 += aij * x[xo + 6];
                    s7 += aij * x[xo + 7];
                }
                y[yo + c] = s0;
                y[yo + c + 1] = s1;
                y[yo + c + 2] = s2;
                y[yo + c + 3] = s3;
                y[yo + c + 4] = s4;
                y[yo + c + 5] = s5;
                y[yo + c + 6] = s6;
                y[yo + c + 7] = s7;
            }
            for (; c < k; c++) {
                double sum = 0.0;
                for (int p = start; p < end; p++) {
                    sum += values[p] * x[colIdx[p] * k + c]; // y_ic = Σ_j a_ij x_jc
                }
                y[yo + c] = sum;
            }
        }
    }

    /**
     * Adds rows {@code [from, to)} of {@code Aᵀ·X} into {@code acc[off ..]} ({@code cols × k}
     * row-major): eight entries of {@code X(i, :)} at a time are held in registers while row
     * {@code i}'s entries scatter them, then a column at a time. Each {@code Y(j, c)} receives its
     * terms in row order, as the plain scatter loop.
     */
    static void scatterRows(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] acc, int off, int k,
                            int from, int to) {
        for (int i = from; i < to; i++) {
            int xo = i * k;
            int start = rowPtr[i];
            int end = rowPtr[i + 1];
            int c = 0;
            for (; c + 8 <= k; c += 8) {
                double x0 = x[xo + c], x1 = x[xo + c + 1], x2 = x[xo + c + 2], x3 = x[xo + c + 3];
                double x4 = x[xo + c + 4], x5 = x[xo + c + 5], x6 = x[xo + c + 6], x7 = x[xo + c + 7];
                for (int p = start; p < end; p++) {
                    double aij = values[p];
                    int yo = off + colIdx[p] * k + c;
                    acc[yo] += aij * x0; // Y(j, c..c+7) += a_ij X(i, c..c+7)
                    acc[yo + 1] += aij * x1;
                    acc[yo + 2] += aij * x2;
                    acc[yo + 3] += aij * x3;
                    acc[yo + 4] += aij * x4;
                    acc[yo + 5] += aij * x5;
                    acc[yo + 6] += aij * x6;
                    acc[yo + 7] += aij * x7;
                }
            }
            for (; c < k; c++) {
                double xic = x[xo + c];
                for (int p = start; p < end; p++) {
                    acc[off + colIdx[p] * k + c] += values[p] * xic; // y_jc += a_ij x_ic
                }
            }
        }
    }

    private static void checkBlocks(CsrMatrix a, double[] x, double[] y, int k, boolean transpose) {
        Checks.checkMatrix(a, "A");
        int in = transpose ? a.rows() : a.cols();
        int out = transpose ? a.cols() : a.rows();
        String op = transpose ? "Aᵀ·X" : "A·X";
        Checks.checkBlock("X", x, in, k, "A", a.rows(), a.cols(), op);
        Checks.checkBlock("Y", y, out, k, "A", a.rows(), a.cols(), op);
    }
}
