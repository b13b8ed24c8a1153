package org.sparrow.core;

import org.sparrow.core.ops.Checks;

/**
 * The operator {@link LinearOperator#of} returns: its two products as functions, the vector lengths
 * checked before either runs (O(1), no allocation).
 *
 * @param rows      the row count m
 * @param cols      the column count n
 * @param forward   {@code y = A·x}
 * @param transpose {@code y = Aᵀ·x}
 */
record ProductOperator(int rows, int cols, LinearOperator.Product forward, LinearOperator.Product transpose)
        implements LinearOperator {

    @Override
    public void apply(double[] x, double[] y) {
        Checks.checkLength("x", x, cols, "the operator", rows, cols, "its column count, for A·x");
        Checks.checkLength("y", y, rows, "the operator", rows, cols, "its row count, for A·x");
        forward.apply(x, y);
    }

    @Override
    public void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("x", x, rows, "the operator", rows, cols, "its row count, for Aᵀ·x");
        Checks.checkLength("y", y, cols, "the operator", rows, cols, "its column count, for Aᵀ·x");
        transpose.apply(x, y);
    }

    @Override
    public String toString() {
        return "LinearOperator " + Checks.shape(rows, cols);
    }
}
