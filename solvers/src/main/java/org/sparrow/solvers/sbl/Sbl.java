package org.sparrow.solvers.sbl;

import java.util.List;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;

/**
 * Sparse Bayesian learning: recover a sparse x from y = A·x + n, n ~ N(0, σ²I), with a Gaussian prior
 * x ~ N(0, diag γ) whose variances γ are learned by expectation–maximization. The Kronecker methods
 * (He &amp; Joseph 2024) take A = A₁⊗…⊗A_d and γ = γ₁⊗…⊗γ_d and never form anything of Kronecker size.
 * See the package documentation for the methods, their equations and their defaults.
 */
public final class Sbl {

    private Sbl() {
    }

    /**
     * Runs {@code options.method()} on y = (A₁⊗…⊗A_d)·x + n. {@link SblMethod#CLASSIC} forms A = ⊗Aᵢ
     * densely (refused, with the size, when that is too big).
     *
     * @param factors Input: A₁, …, A_d (Mᵢ × Nᵢ, d ≥ 1; dense or sparse), none all-zero, all finite
     * @param y       Input: the measurement, of length ∏Mᵢ, finite
     * @param options the method, noise setting, limits
     * @return the result; never throws on non-convergence
     * @throws IllegalArgumentException with one sentence on bad input (shapes that do not match y,
     *                                  NaN or ±∞, an all-zero factor)
     */
    public static SblResult solve(List<? extends Matrix> factors, double[] y, SblOptions options) {
        throw new UnsupportedOperationException("SBL is being implemented");
    }

    /**
     * Classic SBL (Tipping 2001 / Wipf &amp; Rao 2004 EM) on a general dense dictionary.
     *
     * @param a       Input: the dictionary A, M × N, finite, not all zero
     * @param y       Input: the measurement, of length M, finite
     * @param options noise setting and limits ({@code method} and {@code beta} are ignored)
     * @return the result, with one hyperparameter array of length N
     * @throws IllegalArgumentException with one sentence on bad input
     */
    public static SblResult classic(DenseMatrix a, double[] y, SblOptions options) {
        throw new UnsupportedOperationException("SBL is being implemented");
    }
}
