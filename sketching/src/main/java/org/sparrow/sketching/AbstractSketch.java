package org.sparrow.sketching;

import java.util.Arrays;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Checks;

/**
 * What every sketch shares: the shape and seed, argument checks, output allocation, and the
 * {@link org.sparrow.core.LinearOperator} methods, all routed to two kernels that each kind
 * implements — {@link #forward} ({@code S·A}) and {@link #transpose} ({@code Sᵀ·X}).
 *
 * <p>The kernels accumulate into zeroed outputs, so the entry points zero them first (outputs
 * filled with junk are fine). Kernels must give bit-identical results for every thread count.
 *
 * <p>Serializable: a sketch is its seed, shape and a few derived numbers (the SRHT also its m sampled
 * rows), so a distributed matrix ships the operator itself to the partitions that sketch their rows.
 */
abstract sealed class AbstractSketch implements Sketch, java.io.Serializable
        permits DenseTileSketch, SrhtSketch, HashingSketch {

    /** SplitMix64's increment (2^64 / φ), used to step counter-based hashes. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    final int m;
    final int n;
    final long seed;

    AbstractSketch(int m, int n, long seed) {
        this.m = m;
        this.n = n;
        this.seed = seed;
    }

    /**
     * {@code out = S(:, first : first + count)·B} for the block B of {@code count} consecutive rows of an
     * {@code n × d} matrix A that starts at A's row {@code first} (B = A when first = 0 and count = n);
     * {@code out} zeroed by the caller. Every kind reads only the columns of S that belong to the block's
     * rows, so the sum over the blocks of a row partition of A is S·A.
     *
     * @param a       dense B ({@code count × d} row-major), or null when {@code csr} is given
     * @param csr     sparse B ({@code count × d}), or null when {@code a} is given
     * @param d       columns of B, {@code ≥ 1}
     * @param first   global index of B's first row, {@code 0 ≤ first}, {@code first + count ≤ n}
     * @param count   rows of B, ≥ 1
     * @param out     {@code m × d} row-major, zeroed
     * @param threads thread count, ≥ 1; the result does not depend on it
     */
    abstract void forward(double[] a, CsrMatrix csr, int d, int first, int count, double[] out, int threads);

    /**
     * {@code y += Sᵀ·X}, {@code y} zeroed by the caller.
     *
     * @param x       {@code m × k} row-major
     * @param k       columns of X, {@code ≥ 1}
     * @param y       {@code n × k} row-major, zeroed
     * @param threads thread count, ≥ 1; the result does not depend on it
     */
    abstract void transpose(double[] x, int k, double[] y, int threads);

    @Override
    public final long seed() {
        return seed;
    }

    @Override
    public final int rows() {
        return m;
    }

    @Override
    public final int cols() {
        return n;
    }

    @Override
    public final void apply(double[] x, double[] y) {
        Checks.checkLength("x", x, n, "the sketch's column count n");
        Checks.checkLength("y", y, m, "the sketch's row count m");
        Arrays.fill(y, 0.0);
        forward(x, null, 1, 0, n, y, Parallelism.defaultThreads());
    }

    @Override
    public final void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("x", x, m, "the sketch's row count m");
        Checks.checkLength("y", y, n, "the sketch's column count n");
        Arrays.fill(y, 0.0);
        transpose(x, 1, y, Parallelism.defaultThreads());
    }

    @Override
    public final void applyBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, n, k);
        Checks.checkBlock("y", y, m, k);
        Arrays.fill(y, 0.0);
        if (k > 0) {
            forward(x, null, k, 0, n, y, Parallelism.defaultThreads());
        }
    }

    @Override
    public final void applyTransposeBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, m, k);
        Checks.checkBlock("y", y, n, k);
        Arrays.fill(y, 0.0);
        if (k > 0) {
            transpose(x, k, y, Parallelism.defaultThreads());
        }
    }

    @Override
    public final DenseMatrix sketch(DenseMatrix a, int threads) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix to sketch is null");
        }
        Parallelism.checkThreads(threads);
        double[] out = output(a.rows(), a.cols());
        if (a.cols() > 0) {
            forward(a.data(), null, a.cols(), 0, n, out, threads);
        }
        return new DenseMatrix(m, a.cols(), out);
    }

    @Override
    public final DenseMatrix sketch(CsrMatrix a, int threads) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix to sketch is null");
        }
        Parallelism.checkThreads(threads);
        double[] out = output(a.rows(), a.cols());
        if (a.cols() > 0 && a.nnz() > 0) {
            forward(null, a, a.cols(), 0, n, out, threads);
        }
        return new DenseMatrix(m, a.cols(), out);
    }

    @Override
    public final void sketchRows(DenseMatrix block, int firstRow, double[] out, int threads) {
        if (block == null) {
            throw new IllegalArgumentException("the row block to sketch is null");
        }
        checkRowBlock(block.rows(), block.cols(), firstRow, out, threads);
        Arrays.fill(out, 0, m * block.cols(), 0.0);
        if (block.rows() > 0 && block.cols() > 0) {
            forward(block.data(), null, block.cols(), firstRow, block.rows(), out, threads);
        }
    }

    @Override
    public final void sketchRows(CsrMatrix block, int firstRow, double[] out, int threads) {
        if (block == null) {
            throw new IllegalArgumentException("the row block to sketch is null");
        }
        checkRowBlock(block.rows(), block.cols(), firstRow, out, threads);
        Arrays.fill(out, 0, m * block.cols(), 0.0);
        if (block.rows() > 0 && block.cols() > 0 && block.nnz() > 0) {
            forward(null, block, block.cols(), firstRow, block.rows(), out, threads);
        }
    }

    /** Checks that a {@code rows × cols} block starting at row {@code first} lies within the n columns of S. */
    private void checkRowBlock(int rows, int cols, int first, double[] out, int threads) {
        Parallelism.checkThreads(threads);
        if (first < 0 || (long) first + rows > n) {
            throw new IllegalArgumentException("a block of " + rows + " rows starting at row " + (first + 1L)
                    + " does not fit the " + n + " rows this " + m + "×" + n + " sketch reduces");
        }
        if (out == null) {
            throw new IllegalArgumentException("the output array is null");
        }
        if ((long) m * cols > out.length) {
            throw new IllegalArgumentException("the output holds " + out.length + " entries but the sketched block is "
                    + m + "×" + cols + " = " + (long) m * cols);
        }
    }

    @Override
    public String toString() {
        return kind().cliName() + " sketch " + m + "×" + n + " (seed " + seed + ")";
    }

    /** Checks that an {@code rows × cols} input fits and allocates the zeroed {@code m × cols} output. */
    private double[] output(int rows, int cols) {
        if (rows != n) {
            throw new IllegalArgumentException("cannot sketch a " + rows + "×" + cols + " matrix with a " + m + "×"
                    + n + " sketch: the matrix needs " + n + " rows");
        }
        if ((long) m * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sketched matrix " + m + "×" + cols
                    + " is too large for one array");
        }
        return new double[m * cols];
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer (SplitMix64's output function). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A 64-bit base for one purpose of one sketch: distinct salts give unrelated streams for the same
     * seed, and nearby seeds give unrelated bases.
     */
    static long derive(long seed, long salt) {
        return mix64(mix64(seed + GOLDEN) ^ salt);
    }

    /** Entry {@code counter} of the counter-based stream {@code base}: SplitMix64 at that position. */
    static long counterHash(long base, long counter) {
        return mix64(base + GOLDEN * (counter + 1));
    }

    /** {@code ⌊h·bound / 2^64⌋} for {@code h} read as unsigned: a uniform index in {@code [0, bound)} (Lemire). */
    static int bounded(long h, int bound) {
        return (int) Math.unsignedMultiplyHigh(h, bound);
    }

    /** Multiplies rows {@code [r0, r1)} of the row-major {@code · × d} array by {@code s}. */
    static void scaleRows(double[] out, int r0, int r1, int d, double s) {
        for (int p = r0 * d, end = r1 * d; p < end; p++) {
            out[p] *= s;
        }
    }
}
