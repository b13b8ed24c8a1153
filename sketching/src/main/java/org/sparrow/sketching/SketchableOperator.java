package org.sparrow.sketching;

import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;

/**
 * A linear operator A that is not a local {@link org.sparrow.core.Matrix} but can still form the sketch
 * {@code S·A} and its Frobenius norm from its own storage — for example a matrix whose row blocks live on
 * a cluster, each block sketched where it lives with {@link Sketch#sketchRows} and the pieces summed.
 * {@link org.sparrow.sketching.lstsq.LeastSquares} uses both instead of forming S·A from products with
 * identity columns (d products) and instead of leaving ‖A‖_F unknown, so sketch-and-precondition on such
 * an operator runs the same algorithm, with the same convergence test, as on the local matrix.
 */
public interface SketchableOperator extends LinearOperator {

    /**
     * {@code S·A} for a sketch with {@code cols()} of S equal to {@code rows()} of A, equal to
     * {@code s.sketch(A)} of the local matrix up to the order of the sums.
     *
     * @param s Input: an {@code m × rows()} sketch.
     * @return a new {@code m × cols()} dense matrix
     * @throws IllegalArgumentException when the sketch does not have {@code rows()} columns
     */
    DenseMatrix sketchedBy(Sketch s);

    /**
     * The Frobenius norm of A, {@code √(Σ a_ij²)}.
     *
     * @return ‖A‖_F
     */
    double frobeniusNorm();
}
