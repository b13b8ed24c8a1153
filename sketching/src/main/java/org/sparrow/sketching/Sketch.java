package org.sparrow.sketching;

import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Matrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * A random sketch S: an {@code m × n} linear map with {@code m ≪ n} that approximately preserves the
 * norms of all vectors in a low-dimensional subspace (an ε-subspace embedding:
 * (1 − ε)‖y‖ ≤ ‖S·y‖ ≤ (1 + ε)‖y‖ for y in the range of A).
 *
 * <p>A sketch is determined by its kind, shape and seed: two sketches built with the same arguments
 * are the same operator, and every product is bit-identical whatever the thread count (so S·A and S·b
 * can be formed by separate calls). S is never formed explicitly; {@link #sketch(DenseMatrix, int)}
 * and {@link #sketch(CsrMatrix, int)} compute S·A directly from the input's storage, on the given
 * number of threads. Scaling makes E[SᵀS] = I for every kind. Build sketches with {@link Sketches}.
 *
 * <p>The {@link LinearOperator} methods ({@code apply}, {@code applyTranspose} and their block forms)
 * use {@link Parallelism#defaultThreads()} threads and overwrite their outputs.
 */
public interface Sketch extends LinearOperator {

    /**
     * The kind of sketch.
     *
     * @return the family
     */
    SketchKind kind();

    /**
     * The seed it was built from.
     *
     * @return the seed
     */
    long seed();

    /**
     * {@code S·A} for a dense {@code n × d} matrix A, on {@code threads} threads.
     *
     * @param a       Input, {@code cols() × d}.
     * @param threads thread count, ≥ 1; the result is bit-identical for every count.
     * @return        a new {@code rows() × d} dense matrix.
     * @throws IllegalArgumentException when A does not have {@code cols()} rows or threads &lt; 1
     */
    DenseMatrix sketch(DenseMatrix a, int threads);

    /**
     * {@code S·A} for a sparse {@code n × d} matrix A, from its nonzeros, on {@code threads} threads.
     *
     * @param a       Input, {@code cols() × d}.
     * @param threads thread count, ≥ 1; the result is bit-identical for every count.
     * @return        a new {@code rows() × d} dense matrix.
     * @throws IllegalArgumentException when A does not have {@code cols()} rows or threads &lt; 1
     */
    DenseMatrix sketch(CsrMatrix a, int threads);

    /**
     * The share of one row block in {@code S·A}: {@code out = S(:, f : f + k)·B} for the {@code k × d} block
     * B of consecutive rows of an {@code n × d} matrix A whose first row is A's row {@code f} (0-based). For
     * every partition of A's rows into blocks, the blocks' results summed are {@code S·A} — the same S as
     * {@link #sketch(DenseMatrix, int)} for the same kind, shape and seed, equal up to the order of the sums
     * (a few ulps) — so a distributed A can be sketched where its rows live and the m × d pieces added. Every
     * kind supports it: the Gaussian and Rademacher sketches regenerate only the tiles of the block's
     * columns, CountSketch and OSNAP hash only the block's columns, and the SRHT transforms only the blocks
     * of its pruned Walsh–Hadamard transform that meet the block (column j of the SRHT is
     * {@code D_jj·H_N(sample, j)/√m}, so it too is a function of j alone); a block costs what its rows cost
     * in the whole product, plus for the SRHT at most one extra accumulation of m × d per block edge.
     *
     * @param block    Input: the {@code k × d} row block B (k may be 0).
     * @param firstRow global index f of B's first row in A, {@code 0 ≤ f}, {@code f + k ≤ cols()}.
     * @param out      Output: {@code rows() × d} row-major in its first {@code rows()·d} entries, overwritten.
     * @param threads  thread count, ≥ 1; the result is bit-identical for every count.
     * @throws IllegalArgumentException when the block does not fit the sketch's columns, out is too short or
     *                                  threads &lt; 1
     */
    void sketchRows(DenseMatrix block, int firstRow, double[] out, int threads);

    /**
     * The share of one sparse row block in {@code S·A}, from its nonzeros: as
     * {@link #sketchRows(DenseMatrix, int, double[], int)}.
     *
     * @param block    Input: the {@code k × d} row block B (k may be 0).
     * @param firstRow global index f of B's first row in A, {@code 0 ≤ f}, {@code f + k ≤ cols()}.
     * @param out      Output: {@code rows() × d} row-major in its first {@code rows()·d} entries, overwritten.
     * @param threads  thread count, ≥ 1; the result is bit-identical for every count.
     * @throws IllegalArgumentException when the block does not fit the sketch's columns, out is too short or
     *                                  threads &lt; 1
     */
    void sketchRows(CsrMatrix block, int firstRow, double[] out, int threads);

    /**
     * The share of one sparse row block in {@code S·A} into a new {@code rows() × d} matrix, on
     * {@code threads} threads: see {@link #sketchRows(DenseMatrix, int, double[], int)}.
     *
     * @param block    Input: the {@code k × d} row block B.
     * @param firstRow global index of B's first row in A.
     * @param threads  thread count, ≥ 1.
     * @return a new {@code rows() × d} dense matrix
     * @throws IllegalArgumentException as the array form
     */
    default DenseMatrix sketchRows(CsrMatrix block, int firstRow, int threads) {
        if (block == null) {
            throw new IllegalArgumentException("the row block to sketch is null");
        }
        if ((long) rows() * block.cols() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sketched block " + rows() + "×" + block.cols()
                    + " is too large for one array");
        }
        double[] out = new double[rows() * block.cols()];
        sketchRows(block, firstRow, out, threads);
        return new DenseMatrix(rows(), block.cols(), out);
    }

    /**
     * {@code S·A} for a dense {@code n × d} matrix A, on {@link Parallelism#defaultThreads()} threads.
     *
     * @param a Input, {@code cols() × d}.
     * @return  a new {@code rows() × d} dense matrix.
     */
    default DenseMatrix sketch(DenseMatrix a) {
        return sketch(a, Parallelism.defaultThreads());
    }

    /**
     * {@code S·A} for a sparse {@code n × d} matrix A, from its nonzeros, on
     * {@link Parallelism#defaultThreads()} threads.
     *
     * @param a Input, {@code cols() × d}.
     * @return  a new {@code rows() × d} dense matrix.
     */
    default DenseMatrix sketch(CsrMatrix a) {
        return sketch(a, Parallelism.defaultThreads());
    }

    /**
     * {@code S·A} for any Sparrow matrix, as parallel as {@code par} says for A's {@code rows·cols}
     * entries; the result is bit-identical for every thread count.
     *
     * @param a   Input, {@code cols() × d}.
     * @param par how parallel.
     * @return    a new {@code rows() × d} dense matrix.
     * @throws IllegalArgumentException when A or par is null, or A does not have {@code cols()} rows
     */
    default DenseMatrix sketch(Matrix a, Par par) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix to sketch is null");
        }
        return sketch(a, Parallelism.threads(par, (long) a.rows() * a.cols()));
    }

    /**
     * {@code S·A} for any Sparrow matrix (CSC and COO go through CSR), on {@code threads} threads.
     *
     * @param a       Input, {@code cols() × d}.
     * @param threads thread count, ≥ 1.
     * @return        a new {@code rows() × d} dense matrix.
     */
    default DenseMatrix sketch(Matrix a, int threads) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix to sketch is null");
        }
        return switch (a) {
            case DenseMatrix d -> sketch(d, threads);
            case CsrMatrix c -> sketch(c, threads);
            case CscMatrix c -> sketch(c.toCsr(), threads);
            case CooMatrix c -> sketch(c.toCsr(), threads);
        };
    }

    /**
     * {@code S·A} for any Sparrow matrix (CSC and COO go through CSR), on the default thread count.
     *
     * @param a Input, {@code cols() × d}.
     * @return  a new {@code rows() × d} dense matrix.
     */
    default DenseMatrix sketch(Matrix a) {
        return sketch(a, Parallelism.defaultThreads());
    }

    /**
     * {@code S·b} for a vector of length {@code cols()}, into a new array; bit-identical to column
     * {@code j} of {@link #sketch(DenseMatrix)} when b is column {@code j} of A. Cost as
     * {@code sketch} with {@code d = 1} (for the Gaussian and Rademacher kinds, {@code m·n} draws).
     *
     * @param b Input, length {@code cols()}.
     * @return  a new array of length {@code rows()}.
     */
    default double[] sketch(double[] b) {
        return apply(b);
    }

    /**
     * S itself as a dense {@code rows() × cols()} matrix ({@code S·I}, from the nonzeros of the
     * identity), for inspection and small problems; costs {@code rows()·cols()} memory.
     *
     * @return a new {@code rows() × cols()} dense matrix.
     */
    default DenseMatrix toDense() {
        return sketch(CsrMatrix.identity(cols()));
    }
}
