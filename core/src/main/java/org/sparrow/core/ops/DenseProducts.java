package org.sparrow.core.ops;

import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Parallelism;

/**
 * Products of a row-major dense matrix with vectors and row-major blocks: {@code y = A·x},
 * {@code y = Aᵀ·x}, {@code Y = A·X}, {@code Y = Aᵀ·X}. They are what LSQR, sketch-and-precondition and
 * the randomized SVD spend their time in when A is a tall dense matrix (10⁶ × 100 is 800 MB: one pass
 * over A per product, so these kernels are memory-bound and threads help).
 *
 * <p>Work is split into row chunks whose count depends only on the shape (about 64K entries each, at
 * most {@value #MAX_CHUNKS}), never on the thread count, and each chunk is summed in a fixed order;
 * the transposed products add the chunks' partial results in chunk order. So every product is
 * <em>bit-identical for every thread count</em>. A matrix of fewer than {@value #PARALLEL_MIN_ENTRIES}
 * entries is one chunk and runs on the caller's thread. Dot products use four accumulators (the loop
 * then vectorizes and does not wait on one add chain); the block kernels are axpy loops over the
 * contiguous rows of X and Y.
 */
public final class DenseProducts {

    /** Below this many entries a product runs as one chunk, on the caller's thread. */
    public static final long PARALLEL_MIN_ENTRIES = 1L << 17;

    /** The most row chunks a product is split into. */
    static final int MAX_CHUNKS = 64;

    /** The transposed block product keeps one cols × k partial per chunk; at most this many doubles in all. */
    private static final long MAX_PARTIAL_DOUBLES = 1L << 23;

    private DenseProducts() {
    }

    /**
     * {@code y = A·x}. O(rows·cols) work.
     *
     * @param a       Input: {@code m × n}
     * @param x       Input: length n
     * @param y       Output: length m; overwritten
     * @param threads threads to use, ≥ 1
     */
    public static void multiply(DenseMatrix a, double[] x, double[] y, int threads) {
        int m = a.rows();
        int n = a.cols();
        Checks.checkLength("x", x, n, "A", m, n, "its column count, for A·x");
        Checks.checkLength("y", y, m, "A", m, n, "its row count, for A·x");
        double[] d = a.data();
        int chunks = chunks(m, n, 1);
        run(threads, chunks, c -> {
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                y[i] = Blas.dotKernel(d, i * n, x, 0, n);
            }
        });
    }

    /**
     * {@code y = Aᵀ·x}. O(rows·cols) work, plus O(chunks·cols) to add the chunks' partial sums.
     *
     * @param a       Input: {@code m × n}
     * @param x       Input: length m
     * @param y       Output: length n; overwritten
     * @param threads threads to use, ≥ 1
     */
    public static void multiplyTranspose(DenseMatrix a, double[] x, double[] y, int threads) {
        int m = a.rows();
        int n = a.cols();
        Checks.checkLength("x", x, m, "A", m, n, "its row count, for Aᵀ·x");
        Checks.checkLength("y", y, n, "A", m, n, "its column count, for Aᵀ·x");
        double[] d = a.data();
        int chunks = chunks(m, n, 1);
        double[][] partial = new double[chunks][];
        run(threads, chunks, c -> {
            double[] p = chunks == 1 ? y : new double[n];
            java.util.Arrays.fill(p, 0.0);
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                Blas.axpyKernel(x[i], d, i * n, p, 0, n); // p += x_i · A(i, :)
            }
            partial[c] = p;
        });
        sumInto(partial, y, chunks);
    }

    /**
     * {@code Y = A·X} for row-major blocks of k columns. O(rows·cols·k) work.
     *
     * @param a       Input: {@code m × n}
     * @param x       Input: {@code n × k} row-major
     * @param y       Output: {@code m × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param threads threads to use, ≥ 1
     */
    public static void multiplyBlock(DenseMatrix a, double[] x, double[] y, int k, int threads) {
        int m = a.rows();
        int n = a.cols();
        Checks.checkBlock("x", x, n, k, "A", m, n, "A·X");
        Checks.checkBlock("y", y, m, k, "A", m, n, "A·X");
        double[] d = a.data();
        int chunks = chunks(m, n, k);
        run(threads, chunks, c -> {
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                int yi = i * k;
                java.util.Arrays.fill(y, yi, yi + k, 0.0);
                int ai = i * n;
                for (int j = 0; j < n; j++) {
                    Blas.axpyKernel(d[ai + j], x, j * k, y, yi, k); // Y(i, :) += a_ij · X(j, :)
                }
            }
        });
    }

    /**
     * {@code Y = Aᵀ·X} for row-major blocks of k columns. O(rows·cols·k) work, plus O(chunks·cols·k) to add
     * the chunks' partial results (the chunk count is lowered so that the partials stay below 64 MB).
     *
     * @param a       Input: {@code m × n}
     * @param x       Input: {@code m × k} row-major
     * @param y       Output: {@code n × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param threads threads to use, ≥ 1
     */
    public static void multiplyTransposeBlock(DenseMatrix a, double[] x, double[] y, int k, int threads) {
        int m = a.rows();
        int n = a.cols();
        Checks.checkBlock("x", x, m, k, "A", m, n, "Aᵀ·X");
        Checks.checkBlock("y", y, n, k, "A", m, n, "Aᵀ·X");
        double[] d = a.data();
        long perChunk = Math.max(1L, (long) n * k);
        int chunks = (int) Math.max(1, Math.min(chunks(m, n, k), MAX_PARTIAL_DOUBLES / perChunk));
        double[][] partial = new double[chunks][];
        run(threads, chunks, c -> {
            double[] p = chunks == 1 ? y : new double[n * k];
            java.util.Arrays.fill(p, 0.0);
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                int ai = i * n;
                int xi = i * k;
                for (int j = 0; j < n; j++) {
                    double aij = d[ai + j];
                    if (aij != 0.0) {
                        Blas.axpyKernel(aij, x, xi, p, j * k, k); // P(j, :) += a_ij · X(i, :)
                    }
                }
            }
            partial[c] = p;
        });
        sumInto(partial, y, chunks);
    }

    // ---- kernels -------------------------------------------------------------------------------

    /** out = Σ_c partial[c], added in chunk order (partial[0] is out itself when there is one chunk). */
    private static void sumInto(double[][] partial, double[] out, int chunks) {
        if (chunks == 1) {
            return;
        }
        System.arraycopy(partial[0], 0, out, 0, out.length);
        for (int c = 1; c < chunks; c++) {
            double[] p = partial[c];
            for (int j = 0; j < out.length; j++) {
                out[j] += p[j];
            }
        }
    }

    // ---- splitting and checks ------------------------------------------------------------------

    /** Row chunks for an m × n matrix and block width k: a function of the shape only. */
    static int chunks(int m, int n, int k) {
        long work = (long) m * n * Math.max(1, k);
        if (work < PARALLEL_MIN_ENTRIES || m < 2) {
            return 1;
        }
        return (int) Math.min(Math.min(MAX_CHUNKS, m), Math.max(1, work / (PARALLEL_MIN_ENTRIES / 2)));
    }

    /** The first row of chunk c of {@code chunks} over m rows. */
    private static int rowStart(int c, int chunks, int m) {
        return (int) ((long) c * m / chunks);
    }

    private static void run(int threads, int chunks, java.util.function.IntConsumer body) {
        Parallelism.checkThreads(threads);
        if (chunks == 1) {
            body.accept(0);
        } else {
            Parallelism.forEachTask(threads, chunks, body);
        }
    }
}
