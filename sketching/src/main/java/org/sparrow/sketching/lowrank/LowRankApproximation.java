package org.sparrow.sketching.lowrank;

import org.sparrow.core.DenseMatrix;

/**
 * A rank-k approximation A ≈ U·diag(σ)·Vᵀ from {@link RandomizedSvd}, with what a user needs to trust it.
 *
 * @param u                 rows × k, orthonormal columns (the approximate left singular vectors)
 * @param singularValues    σ₁ ≥ … ≥ σ_k ≥ 0, length k
 * @param v                 cols × k, orthonormal columns (the approximate right singular vectors)
 * @param errorEstimate     an a-posteriori upper estimate of ‖A − Q·Qᵀ·A‖₂ for the ℓ-column basis Q the range
 *                          finder built (HMT §4.3, eq. 4.3): 10·√(2/π)·max_i ‖(I − Q·Qᵀ)·A·ω_i‖ over
 *                          {@code testVectors} fresh Gaussian ω_i, an upper bound with probability at least
 *                          1 − 10^(−testVectors). It bounds the error of the ℓ-dimensional projection; the
 *                          truncation to k ≤ ℓ adds at most σ_{k+1} of Qᵀ·A (≈ {@code nextSingularValue})
 * @param seconds           wall-clock time
 * @param sampledColumns    ℓ = min(k + p, rows, cols), the columns of the test matrix actually used
 * @param powerIterations   q, the power iterations used
 * @param testVectors       the number r of Gaussian test vectors behind {@code errorEstimate} (0 when none were
 *                          needed: ℓ = rows, so Q·Qᵀ = I and the estimate is 0)
 * @param nextSingularValue σ_{k+1} of the projected matrix Qᵀ·A when ℓ > k (a lower estimate of the
 *                          truncation error σ_{k+1}(A)), NaN when ℓ = k
 * @param errorLowerBound   ‖(A − U·Σ·Vᵀ)·v‖ for the unit vector v left by {@value RandomizedSvd#RESIDUAL_POWER_STEPS}
 *                          power steps on the residual (HMT §4.3 mention the power method as the sharper, costlier
 *                          alternative): a lower bound on ‖A − U·Σ·Vᵀ‖₂, usually close to it. The true error lies in
 *                          [errorLowerBound, errorEstimate + nextSingularValue] (the upper end with probability
 *                          1 − 10^(−testVectors)); for slowly decaying spectra the upper end is loose (it behaves like
 *                          a Frobenius norm), and the lower bound is the realistic figure
 */
public record LowRankApproximation(DenseMatrix u, double[] singularValues, DenseMatrix v, double errorEstimate,
                                   double seconds, int sampledColumns, int powerIterations, int testVectors,
                                   double nextSingularValue, double errorLowerBound) {

    /** The rank k of the approximation. */
    public int rank() {
        return singularValues.length;
    }
}
