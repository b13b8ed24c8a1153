package org.sparrow.solvers.eigen;

/**
 * Options of the eigenvalue solvers ({@link Eigs}, {@link Lobpcg}). A pair (λ, v), ‖v‖ = 1, counts
 * as converged when its recomputed residual ‖A·v − λ·v‖ ≤ {@code tolerance}·‖A‖, with ‖A‖ estimated
 * as {@link Eigs#normEstimate} says.
 *
 * @param k             how many eigenpairs, ≥ 1
 * @param which         which ones
 * @param sigma         the shift σ for {@link Which#NEAREST} (finite); ignored otherwise
 * @param tolerance     relative residual tolerance, in (0, 1)
 * @param maxIterations restarts (Krylov–Schur) or iterations (LOBPCG), ≥ 1
 * @param subspace      Krylov subspace dimension (ARPACK's ncv), 0 for max(2k + 1, 20) capped at n;
 *                      otherwise &gt; k (k + 2 for a nonsymmetric matrix)
 * @param seed          seed of the random start vector(s)
 */
public record EigenOptions(int k, Which which, double sigma, double tolerance, int maxIterations, int subspace, long seed) {

    /** Checks every field, naming the one that is wrong. */
    public EigenOptions {
        if (k < 1) {
            throw new IllegalArgumentException("the number of eigenvalues k must be ≥ 1, got " + k);
        }
        if (which == null) {
            throw new IllegalArgumentException("which eigenvalues (which) is null");
        }
        if (which == Which.NEAREST && !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("the shift σ (sigma) must be finite for the nearest eigenvalues, got " + sigma);
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
     * The k largest, tolerance 1e-10, 1 000 restarts, automatic subspace, seed 42.
     *
     * @param k how many eigenpairs, ≥ 1
     * @return the options
     */
    public static EigenOptions defaults(int k) {
        return new EigenOptions(k, Which.LARGEST, Double.NaN, 1e-10, 1000, 0, 42L);
    }

    /**
     * These options with another count.
     *
     * @param n how many eigenpairs
     * @return the new options
     */
    public EigenOptions withK(int n) {
        return new EigenOptions(n, which, sigma, tolerance, maxIterations, subspace, seed);
    }

    /**
     * These options with another choice of eigenvalues.
     *
     * @param w which eigenvalues
     * @return the new options
     */
    public EigenOptions withWhich(Which w) {
        return new EigenOptions(k, w, sigma, tolerance, maxIterations, subspace, seed);
    }

    /**
     * These options asking for the eigenvalues nearest σ.
     *
     * @param s the shift σ
     * @return the new options, {@link Which#NEAREST}
     */
    public EigenOptions withSigma(double s) {
        return new EigenOptions(k, Which.NEAREST, s, tolerance, maxIterations, subspace, seed);
    }

    /**
     * These options with another tolerance.
     *
     * @param tol relative residual tolerance
     * @return the new options
     */
    public EigenOptions withTolerance(double tol) {
        return new EigenOptions(k, which, sigma, tol, maxIterations, subspace, seed);
    }

    /**
     * These options with another iteration limit.
     *
     * @param n restarts or iterations
     * @return the new options
     */
    public EigenOptions withMaxIterations(int n) {
        return new EigenOptions(k, which, sigma, tolerance, n, subspace, seed);
    }

    /**
     * These options with another subspace dimension.
     *
     * @param m the dimension, 0 for automatic
     * @return the new options
     */
    public EigenOptions withSubspace(int m) {
        return new EigenOptions(k, which, sigma, tolerance, maxIterations, m, seed);
    }

    /**
     * These options with another seed.
     *
     * @param s the seed
     * @return the new options
     */
    public EigenOptions withSeed(long s) {
        return new EigenOptions(k, which, sigma, tolerance, maxIterations, subspace, s);
    }
}
