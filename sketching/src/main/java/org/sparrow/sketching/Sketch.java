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
