package org.sparrow.solvers.eigen;

/**
 * Options of {@link Svds}. A triplet (σ, u, v) counts as converged when both recomputed residuals
 * ‖A·v − σ·u‖ and ‖Aᵀ·u − σ·v‖ are ≤ {@code tolerance}·σ₁ (σ₁ = ‖A‖₂, the largest found).
 *
 * @param k             how many singular triplets, ≥ 1
 * @param tolerance     relative residual tolerance, in (0, 1)
 * @param maxIterations restarts, ≥ 1
 * @param subspace      bidiagonalization length, 0 for max(2k + 1, 20) capped at min(m, n); otherwise &gt; k
 * @param seed          seed of the random start vector
 */
public record SvdsOptions(int k, double tolerance, int maxIterations, int subspace, long seed) {

    /** Checks every field, naming the one that is wrong. */
    public SvdsOptions {
        if (k < 1) {
            throw new IllegalArgumentException("the number of singular values k must be ≥ 1, got " + k);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be ≥ 1, got " + maxIterations);
        }
        if (subspace != 0 && subspace <= k) {
            throw new IllegalArgumentException("the subspace dimension must be 0 (automatic) or > k = " + k + ", got " + subspace);
        }
    }

    /**
     * Tolerance 1e-10, 1 000 restarts, automatic subspace, seed 42.
     *
     * @param k how many singular triplets, ≥ 1
     * @return the options
     */
    public static SvdsOptions defaults(int k) {
        return new SvdsOptions(k, 1e-10, 1000, 0, 42L);
    }

    /**
     * These options with another tolerance.
     *
     * @param tol relative residual tolerance
     * @return the new options
     */
    public SvdsOptions withTolerance(double tol) {
        return new SvdsOptions(k, tol, maxIterations, subspace, seed);
    }

    /**
     * These options with another restart limit.
     *
     * @param n restarts
     * @return the new options
     */
    public SvdsOptions withMaxIterations(int n) {
        return new SvdsOptions(k, tolerance, n, subspace, seed);
    }

    /**
     * These options with another subspace dimension.
     *
     * @param m the dimension, 0 for automatic
     * @return the new options
     */
    public SvdsOptions withSubspace(int m) {
        return new SvdsOptions(k, tolerance, maxIterations, m, seed);
    }

    /**
     * These options with another seed.
     *
     * @param s the seed
     * @return the new options
     */
    public SvdsOptions withSeed(long s) {
        return new SvdsOptions(k, tolerance, maxIterations, subspace, s);
    }
}
