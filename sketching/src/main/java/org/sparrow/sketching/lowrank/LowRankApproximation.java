package org.sparrow.sketching.lowrank;

import org.sparrow.core.DenseMatrix;
import org.sparrow.core.structured.LowRankMatrix;

/**
 * A rank-k approximation A ≈ U·diag(σ̃)·Vᵀ from {@link RandomizedSvd}, with what a user needs to trust it.
 *
 * <p>Two kinds of figures come with it. The error of the approximation, ‖A − U·Σ·Vᵀ‖₂, lies in
 * [{@code errorLowerBound}, {@link #errorUpperBound()}]; it can never be below σ_{k+1}(A), so for a flat spectrum it
 * is close to σ_k however good the result is, and it says little about the singular values. Those are certified by
 * the residuals: each σ̃_i is within {@code singularValueErrors[i]} of a singular value of A, and σ̃_i ≤ σ_i
 * ({@link #relativeSingularValueError()}). {@link #trustworthy()} compares both with the tolerance.
 *
 * <p>The approximation itself is a {@link LowRankMatrix} ({@link #matrix()}), so it can be applied, truncated
 * further or written like any other low-rank operator; {@link #u()}, {@link #singularValues()} and {@link #v()}
 * read its factors.
 *
 * @param matrix              U·diag(σ̃)·Vᵀ: U rows × k with orthonormal columns (the approximate left singular
 *                            vectors), σ̃₁ ≥ … ≥ σ̃_k ≥ 0 the singular values of Qᵀ·A, so σ̃_i ≤ σ_i(A) (Cauchy
 *                            interlacing: Q has orthonormal columns), V cols × k with orthonormal columns (the
 *                            approximate right singular vectors)
 * @param errorEstimate       E, an a-posteriori upper estimate of ‖A − Q·Qᵀ·A‖₂ for the ℓ-column basis Q the range
 *                            finder built (HMT §4.3, eq. (4.3)): 10·√(2/π)·max_i ‖(I − Q·Qᵀ)·A·ω_i‖ over
 *                            {@code testVectors} fresh Gaussian ω_i, an upper bound with probability at least
 *                            1 − 10^(−testVectors). It bounds the error of the ℓ-dimensional projection; the
 *                            truncation to k ≤ ℓ adds at most σ_{k+1} of Qᵀ·A ({@code nextSingularValue}). Each
 *                            ‖(I − Q·Qᵀ)·A·ω‖ behaves like the Frobenius norm of the projection error, so E is far
 *                            above the spectral norm when many singular values are alike
 * @param seconds             wall-clock time
 * @param sampledColumns      ℓ = min(k + p, rows, cols), the columns of the test matrix actually used
 * @param powerIterations     q, the power iterations used (in adaptive mode: where it stopped)
 * @param testVectors         the number r of Gaussian test vectors behind {@code errorEstimate} (0 when none were
 *                            needed: ℓ = rows, so Q·Qᵀ = I and the estimate is 0)
 * @param nextSingularValue   σ̃_{k+1}, the (k+1)-th singular value of Qᵀ·A when ℓ > k: a lower bound on σ_{k+1}(A)
 *                            and so on the truncation error; NaN when ℓ = k
 * @param errorLowerBound     L = ‖(A − U·Σ·Vᵀ)·x‖ for the unit vector x left by
 *                            {@value RandomizedSvd#RESIDUAL_POWER_STEPS} power steps on the residual (HMT §4.3 mention
 *                            the power method as the sharper, costlier alternative): a lower bound on
 *                            ‖A − U·Σ·Vᵀ‖₂, usually close to it. Since U·Σ·Vᵀ = U·Uᵀ·A here, it is also a lower
 *                            bound on σ₁(A) = ‖A‖₂
 * @param singularValueErrors η_i = ‖A·v_i − σ̃_i·u_i‖/√2, length k: some singular value of A lies within η_i of σ̃_i
 *                            (see {@link RandomizedSvd} for the argument)
 * @param tolerance           τ, the tolerance the trust check used ({@link RandomizedSvdOptions#tolerance()})
 * @param adaptive            whether the power iterations were raised adaptively until the tolerance was met
 */
public record LowRankApproximation(LowRankMatrix matrix, double errorEstimate,
                                   double seconds, int sampledColumns, int powerIterations, int testVectors,
                                   double nextSingularValue, double errorLowerBound, double[] singularValueErrors,
                                   double tolerance, boolean adaptive) {

    /**
     * The approximation from its factors: {@code matrix = new LowRankMatrix(u, singularValues, v)}, the other
     * components as the record's.
     *
     * @param u                   rows × k, orthonormal columns
     * @param singularValues      σ̃₁ ≥ … ≥ σ̃_k ≥ 0, length k
     * @param v                   cols × k, orthonormal columns
     * @param errorEstimate       as the record component
     * @param seconds             as the record component
     * @param sampledColumns      as the record component
     * @param powerIterations     as the record component
     * @param testVectors         as the record component
     * @param nextSingularValue   as the record component
     * @param errorLowerBound     as the record component
     * @param singularValueErrors as the record component
     * @param tolerance           as the record component
     * @param adaptive            as the record component
     */
    public LowRankApproximation(DenseMatrix u, double[] singularValues, DenseMatrix v, double errorEstimate,
                                double seconds, int sampledColumns, int powerIterations, int testVectors,
                                double nextSingularValue, double errorLowerBound, double[] singularValueErrors,
                                double tolerance, boolean adaptive) {
        this(new LowRankMatrix(u, singularValues, v), errorEstimate, seconds, sampledColumns, powerIterations,
                testVectors, nextSingularValue, errorLowerBound, singularValueErrors, tolerance, adaptive);
    }

    /** {@return U, rows × k with orthonormal columns: the approximate left singular vectors ({@code matrix().u()})} */
    public DenseMatrix u() {
        return matrix.u();
    }

    /** {@return σ̃₁ ≥ … ≥ σ̃_k ≥ 0, the approximate singular values ({@code matrix().s()}, a copy)} */
    public double[] singularValues() {
        return matrix.s();
    }

    /** {@return V, cols × k with orthonormal columns: the approximate right singular vectors ({@code matrix().v()})} */
    public DenseMatrix v() {
        return matrix.v();
    }

    /** {@return the rank k of the approximation} */
    public int rank() {
        return matrix.rank();
    }

    /**
     * The upper end of the error bracket: E + σ̃_{k+1} ({@code errorEstimate} plus {@code nextSingularValue}, or E
     * alone when ℓ = k), an upper bound on ‖A − U·Σ·Vᵀ‖₂ with probability at least 1 − 10^(−testVectors).
     *
     * @return E + σ̃_{k+1}, ≥ 0
     */
    public double errorUpperBound() {
        return errorEstimate + (Double.isNaN(nextSingularValue) ? 0.0 : nextSingularValue);
    }

    /**
     * β = max_i η_i / σ̃_k, the residual bound on the singular values relative to the smallest one: every σ̃_i is
     * within β·σ̃_k (so within β·σ̃_i) of a singular value of A. 0 when every η_i is 0; +∞ when σ̃_k = 0 and
     * some η_i is not (A has numerical rank below k).
     *
     * @return β, ≥ 0, possibly +∞
     */
    public double relativeSingularValueError() {
        double max = 0;
        for (double e : singularValueErrors) {
            max = Math.max(max, e);
        }
        double[] singularValues = singularValues();
        double sk = singularValues[singularValues.length - 1];
        if (max == 0) {
            return 0.0;
        }
        return sk > 0 ? max / sk : Double.POSITIVE_INFINITY;
    }

    /**
     * How far σ̃₁ is proven too low: (L − σ̃₁)/L when the residual's lower bound L exceeds σ̃₁ (σ₁ ≥ L, so σ̃₁ is at
     * least this fraction below σ₁: a leading direction was missed or not yet converged), else 0.
     *
     * @return the proven relative deficit of σ̃₁, in [0, 1]
     */
    public double leadingDeficit() {
        double s1 = singularValues()[0];
        return errorLowerBound > s1 ? (errorLowerBound - s1) / errorLowerBound : 0.0;
    }

    /** {@return whether the residual bound meets the tolerance: {@link #relativeSingularValueError()} ≤ τ} */
    public boolean toleranceMet() {
        return relativeSingularValueError() <= tolerance;
    }

    /**
     * Whether the result is trustworthy: the tolerance is met ({@link #toleranceMet()}) and the residual does not
     * prove σ̃₁ more than τ too low ({@link #leadingDeficit()} ≤ τ).
     *
     * @return whether the tolerance is met and σ̃₁ is not proven too low
     */
    public boolean trustworthy() {
        return toleranceMet() && leadingDeficit() <= tolerance;
    }

    /**
     * Why the result is not trustworthy, as one sentence with the figures, or the empty string when it is. It names
     * no remedy: the caller knows its own knobs (more power iterations, the adaptive mode).
     *
     * @return the problem in one sentence, or {@code ""}
     */
    public String trustProblem() {
        if (trustworthy()) {
            return "";
        }
        StringBuilder s = new StringBuilder("the singular values are not certified to the tolerance "
                + fmt(tolerance) + ":");
        if (!toleranceMet()) {
            double beta = relativeSingularValueError();
            s.append(" the residual bound allows errors up to ").append(fmt(beta)).append("·σ_k")
                    .append(" after ").append(powerIterations).append(" power iterations");
            if (adaptive) {
                s.append(" (the cap of the adaptive mode)");
            }
        }
        if (leadingDeficit() > tolerance) {
            s.append(toleranceMet() ? "" : ";").append(" ‖A − UΣVᵀ‖₂ ≥ ").append(fmt(errorLowerBound))
                    .append(" > σ̃₁ = ").append(fmt(singularValues()[0])).append(", so σ̃₁ is at least ")
                    .append(fmt(100 * leadingDeficit())).append(" % below σ₁");
        }
        return s.toString();
    }

    /** d to 3 significant digits without trailing zeros (0.01, 4.62, 0.138), ∞ for infinity. */
    private static String fmt(double d) {
        if (Double.isInfinite(d)) {
            return "∞";
        }
        if (d == 0 || Double.isNaN(d) || Math.abs(d) < 1e-4 || Math.abs(d) >= 1e6) {
            return String.format(java.util.Locale.ROOT, "%.3g", d);
        }
        return new java.math.BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
