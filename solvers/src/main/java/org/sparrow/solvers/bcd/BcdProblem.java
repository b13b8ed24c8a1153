package org.sparrow.solvers.bcd;

import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;

/**
 * A problem for block coordinate descent: minimize F(x) = f(x) + λ‖x‖₁ (+ the constraint x ≥ 0) with f
 * one of the smooth losses of {@link Loss} over a sparse matrix, as in the problems of interest of Nutini,
 * Laradji and Schmidt, "Let's Make Block Coordinate Descent Converge Faster" (JMLR 23, 2022): least squares,
 * logistic regression and label propagation (a sparse quadratic), and their ℓ₁-regularized forms.
 *
 * <p>Instances are immutable; {@link #withL1(double)} and {@link #withNonnegative(boolean)} return new ones
 * that share the (checked) matrix. The incremental state a solve keeps (the residual, A·x or the gradient)
 * lives in the solver, not here.
 */
public sealed interface BcdProblem permits PenalizedProblem {

    /**
     * Least squares f(x) = ½‖Ax − b‖².
     *
     * @param a Input: the m×n design, column-compressed (columns are what a block update touches)
     * @param b Input: the m observations
     * @return the problem, with λ = 0 and no bound
     * @throws IllegalArgumentException if b's length is not A's row count or an entry is not finite
     */
    static BcdProblem leastSquares(CscMatrix a, double[] b) {
        return LeastSquaresProblem.of(a, b);
    }

    /**
     * Logistic regression f(x) = Σᵢ log(1 + exp(−bᵢ aᵢᵀx)).
     *
     * @param a      Input: the m×n design, column-compressed
     * @param labels Input: the m labels, each −1 or +1
     * @return the problem, with λ = 0 and no bound
     * @throws IllegalArgumentException if the labels' length is not A's row count or a label is not ±1
     */
    static BcdProblem logistic(CscMatrix a, double[] labels) {
        return LogisticProblem.of(a, labels);
    }

    /**
     * The quadratic f(x) = ½xᵀAx − bᵀx (label propagation).
     *
     * @param a Input: n×n symmetric positive definite, row-compressed; symmetry and a positive diagonal are
     *          checked here, positive definiteness of each block when the solver factors it
     * @param b Input: the n-vector b
     * @return the problem, with λ = 0 and no bound
     * @throws IllegalArgumentException if A is not square, not symmetric, has a diagonal entry ≤ 0, or b has
     *                                  the wrong length
     */
    static BcdProblem quadratic(CsrMatrix a, double[] b) {
        return QuadraticProblem.of(a, b);
    }

    /** {@return the smooth loss} */
    Loss loss();

    /** {@return rows of the matrix (observations; n for the quadratic)} */
    int rows();

    /** {@return columns of the matrix: the number n of coordinates} */
    int cols();

    /**
     * This problem with the regularizer λ‖x‖₁.
     *
     * @param lambda λ, finite and ≥ 0
     * @return a new problem sharing the matrix
     * @throws IllegalArgumentException if λ is negative or not finite
     */
    BcdProblem withL1(double lambda);

    /**
     * This problem with (or without) the constraint x ≥ 0.
     *
     * @param on whether to constrain x ≥ 0
     * @return a new problem sharing the matrix
     */
    BcdProblem withNonnegative(boolean on);

    /** {@return the ℓ₁ weight λ (0: none)} */
    double l1();

    /** {@return whether x ≥ 0 is imposed} */
    boolean nonnegative();

    /**
     * F(x) = f(x) + λ‖x‖₁, recomputed from scratch (O(nnz)); +∞ if x violates x ≥ 0 when that is imposed.
     *
     * @param x Input: n coordinates
     * @return the objective
     * @throws IllegalArgumentException if x has the wrong length
     */
    double objective(double[] x);
}
