package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;
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
 * entries is one chunk and runs on the caller's thread. How many threads run the chunks is a
 * {@link Par}; since the result does not depend on it, {@link Par#AUTO} uses the default count
 * whenever there is more than one chunk. Dot products use four accumulators (the loop
 * then vectorizes and does not wait on one add chain); the block kernels are axpy loops over the
 * contiguous rows of X and Y.
 */
public final class DenseProducts {

    /** {@link Parallelism#DENSE_CHUNK_MIN_ENTRIES}, kept here for source compatibility. */
    public static final long PARALLEL_MIN_ENTRIES = Parallelism.DENSE_CHUNK_MIN_ENTRIES;

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
     * @param par     how parallel
     */
    public static void apply(DenseMatrix a, double[] x, double[] y, Par par) {
        Checks.checkNotNull(a, "A");
        int m = a.rows();
        int n = a.cols();
        Checks.checkLength("x", x, n, "A", m, n, "its column count, for A·x");
        Checks.checkLength("y", y, m, "A", m, n, "its row count, for A·x");
        double[] d = a.data();
        int chunks = chunks(m, n, 1);
        run(par, m, n, chunks, c -> {
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                y[i] = Blas.dotKernel(d, i * n, x, 0, n);
            }
        });
    }

    /**
     * {@code y = A·x} on exactly {@code threads} threads: {@code apply(a, x, y, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n}
     * @param x Input: length n
     * @param y Output: length m; overwritten
     * @param threads threads to use, ≥ 1
     */
    public static void apply(DenseMatrix a, double[] x, double[] y, int threads) {
        apply(a, x, y, Par.threads(threads));
    }

    /**
     * {@code y = Aᵀ·x}. O(rows·cols) work, plus O(chunks·cols) to add the chunks' partial sums, which
     * it allocates ({@link #applyTranspose(DenseMatrix, double[], double[], Par, double[])} takes them).
     *
     * @param a   Input: {@code m × n}
     * @param x   Input: length m
     * @param y   Output: length n; overwritten
     * @param par how parallel
     */
    public static void applyTranspose(DenseMatrix a, double[] x, double[] y, Par par) {
        applyTranspose(a, x, y, par, null);
    }

    /**
     * {@code y = Aᵀ·x} into the caller's workspace: the same result as the allocating form, bit for
     * bit, and no allocation when {@code work} is long enough.
     *
     * @param a Input: {@code m × n}
     * @param x Input: length m
     * @param y Output: length n; overwritten
     * @param par how parallel
     * @param work Optional: at least {@link #transposeWorkspaceLength(DenseMatrix)} doubles (contents on
     *             entry do not matter; overwritten), or null to allocate
     * @throws IllegalArgumentException if a length is wrong or {@code work} is too short
     */
    public static void applyTranspose(DenseMatrix a, double[] x, double[] y, Par par, double[] work) {
        Checks.checkNotNull(a, "A");
        int m = a.rows();
        int n = a.cols();
        Checks.checkLength("x", x, m, "A", m, n, "its row count, for Aᵀ·x");
        Checks.checkLength("y", y, n, "A", m, n, "its column count, for Aᵀ·x");
        double[] d = a.data();
        int chunks = chunks(m, n, 1);
        int need = transposeWorkspaceLength(a);
        if (work != null && work.length < need) {
            throw new IllegalArgumentException("the workspace has length " + work.length + " but Aᵀ·x with the "
                    + a.rows() + "×" + a.cols() + " matrix needs " + need);
        }
        double[] partial = work != null || chunks == 1 ? work : new double[need];
        run(par, m, n, chunks, c -> {
            double[] p = c == 0 ? y : partial; // chunk c ≥ 1 sums into partial[(c − 1)·n ..]
            int off = c == 0 ? 0 : (c - 1) * n;
            Arrays.fill(p, off, off + n, 0.0);
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                Blas.axpyKernel(x[i], d, i * n, p, off, n); // p += x_i · A(i, :)
            }
        });
        sumInto(partial, y, chunks, n);
    }

    /**
     * {@code y = Aᵀ·x} on exactly {@code threads} threads: {@code applyTranspose(a, x, y, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n}
     * @param x Input: length m
     * @param y Output: length n; overwritten
     * @param threads threads to use, ≥ 1
     */
    public static void applyTranspose(DenseMatrix a, double[] x, double[] y, int threads) {
        applyTranspose(a, x, y, Par.threads(threads));
    }

    /**
     * The workspace of {@link #applyTranspose(DenseMatrix, double[], double[], Par, double[])}: one
     * partial sum of n doubles per row chunk after the first; a function of the shape only.
     *
     * @param a the matrix the product will use
     * @return the number of doubles the workspace needs, ≥ 0
     */
    public static int transposeWorkspaceLength(DenseMatrix a) {
        Checks.checkNotNull(a, "A");
        return Math.multiplyExact(chunks(a.rows(), a.cols(), 1) - 1, a.cols());
    }

    /**
     * {@code Y = A·X} for row-major blocks of k columns. O(rows·cols·k) work.
     *
     * @param a       Input: {@code m × n}
     * @param x       Input: {@code n × k} row-major
     * @param y       Output: {@code m × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param par     how parallel
     */
    public static void applyBlock(DenseMatrix a, double[] x, double[] y, int k, Par par) {
        Checks.checkNotNull(a, "A");
        int m = a.rows();
        int n = a.cols();
        Checks.checkBlock("x", x, n, k, "A", m, n, "A·X");
        Checks.checkBlock("y", y, m, k, "A", m, n, "A·X");
        double[] d = a.data();
        int chunks = chunks(m, n, k);
        run(par, m, (long) n * k, chunks, c -> {
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                int yi = i * k;
                Arrays.fill(y, yi, yi + k, 0.0);
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
     * @param par     how parallel
     */
    public static void applyTransposeBlock(DenseMatrix a, double[] x, double[] y, int k, Par par) {
        Checks.checkNotNull(a, "A");
        int m = a.rows();
        int n = a.cols();
        Checks.checkBlock("x", x, m, k, "A", m, n, "Aᵀ·X");
        Checks.checkBlock("y", y, n, k, "A", m, n, "Aᵀ·X");
        double[] d = a.data();
        long perChunk = Math.max(1L, (long) n * k);
        int chunks = (int) Math.max(1, Math.min(chunks(m, n, k), MAX_PARTIAL_DOUBLES / perChunk));
        double[] partial = chunks == 1 ? null : new double[(chunks - 1) * n * k];
        run(par, m, (long) n * k, chunks, c -> {
            double[] p = c == 0 ? y : partial;
            int off = c == 0 ? 0 : (c - 1) * n * k;
            Arrays.fill(p, off, off + n * k, 0.0);
            for (int i = rowStart(c, chunks, m), end = rowStart(c + 1, chunks, m); i < end; i++) {
                int ai = i * n;
                int xi = i * k;
                for (int j = 0; j < n; j++) {
                    double aij = d[ai + j];
                    if (aij != 0.0) {
                        Blas.axpyKernel(aij, x, xi, p, off + j * k, k); // P(j, :) += a_ij · X(i, :)
                    }
                }
            }
        });
        sumInto(partial, y, chunks, n * k);
    }

    /**
     * {@code Y = A·X} on exactly {@code threads} threads: {@code applyBlock(a, x, y, k, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n}
     * @param x Input: {@code n × k} row-major
     * @param y Output: {@code m × k} row-major; overwritten
     * @param k block width, ≥ 0
     * @param threads threads to use, ≥ 1
     */
    public static void applyBlock(DenseMatrix a, double[] x, double[] y, int k, int threads) {
        applyBlock(a, x, y, k, Par.threads(threads));
    }

    /**
     * {@code Y = Aᵀ·X} on exactly {@code threads} threads: {@code applyTransposeBlock(a, x, y, k, Par.threads(threads))}.
     *
     * @param a Input: {@code m × n}
     * @param x Input: {@code m × k} row-major
     * @param y Output: {@code n × k} row-major; overwritten
     * @param k block width, ≥ 0
     * @param threads threads to use, ≥ 1
     */
    public static void applyTransposeBlock(DenseMatrix a, double[] x, double[] y, int k, int threads) {
        applyTransposeBlock(a, x, y, k, Par.threads(threads));
    }

    // ---- kernels -------------------------------------------------------------------------------

    /**
     * out = chunk 0 (already in out) + the chunks 1 … chunks−1 kept one after another in partial,
     * added in chunk order.
     */
    private static void sumInto(double[] partial, double[] out, int chunks, int len) {
        for (int c = 1; c < chunks; c++) {
            int off = (c - 1) * len;
            for (int j = 0; j < len; j++) {
                out[j] += partial[off + j];
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

    /**
     * Runs the chunks; the thread count is {@code par}'s for an {@code m × width} product (it does not
     * change the result), and one chunk runs on the caller's thread.
     */
    private static void run(Par par, int m, long width, int chunks, java.util.function.IntConsumer body) {
        int threads = Parallelism.threads(par, (long) m * width);
        if (chunks == 1) {
            body.accept(0);
        } else {
            Parallelism.forEachTask(threads, chunks, body);
        }
    }
}
