package org.sparrow.sketching;

import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Matrix;

/**
 * A random sketch S: an {@code m × n} linear map with {@code m ≪ n} that approximately preserves the
 * norms of all vectors in a low-dimensional subspace (an ε-subspace embedding:
 * (1 − ε)‖y‖ ≤ ‖S·y‖ ≤ (1 + ε)‖y‖ for y in the range of A).
 *
 * <p>A sketch is determined by its kind, shape and seed: two sketches built with the same arguments
 * are the same operator, whatever the thread count (so S·A and S·b can be formed by separate calls).
 * S is never formed explicitly where the kind allows it; {@link #sketch(DenseMatrix)} and
 * {@link #sketch(CsrMatrix)} compute S·A directly from the input's storage. Scaling makes
 * E[SᵀS] = I for every kind.
 */
public interface Sketch extends LinearOperator {

    /** The kind of sketch. */
    SketchKind kind();

    /** The seed it was built from. */
    long seed();

    /**
     * {@code S·A} for a dense {@code n × d} matrix A.
     *
     * @param a Input, {@code cols() × d}.
     * @return  a new {@code rows() × d} dense matrix.
     */
    DenseMatrix sketch(DenseMatrix a);

    /**
     * {@code S·A} for a sparse {@code n × d} matrix A, from its nonzeros.
     *
     * @param a Input, {@code cols() × d}.
     * @return  a new {@code rows() × d} dense matrix.
     */
    DenseMatrix sketch(CsrMatrix a);

    /** {@code S·A} for any Sparrow matrix (CSC and COO go through CSR). */
    default DenseMatrix sketch(Matrix a) {
        return switch (a) {
            case DenseMatrix d -> sketch(d);
            case CsrMatrix c -> sketch(c);
            case CscMatrix c -> sketch(c.toCsr());
            case CooMatrix c -> sketch(c.toCsr());
        };
    }

    /** {@code S·b} for a vector of length {@code cols()}, into a new array. */
    default double[] sketch(double[] b) {
        return apply(b);
    }
}
