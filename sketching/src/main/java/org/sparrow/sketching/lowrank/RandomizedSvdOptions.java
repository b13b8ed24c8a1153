package org.sparrow.sketching.lowrank;

import org.sparrow.sketching.SketchKind;

/**
 * Options of {@link RandomizedSvd#compute}: HMT's parameters k (target rank), p (oversampling) and q
 * (power iterations), the family and seed of the test matrix Ω, and how much accuracy the result must
 * certify before it is called trustworthy.
 *
 * <p>Every field is checked here, with the allowed range in the message; nothing is clamped. The one
 * check that needs the operator, k ≤ min(rows, cols), is {@link #checkFor(int, int)}.
 *
 * @param rank               target rank k, 1 ≤ k ≤ min(rows, cols) of the operator (checked by
 *                           {@link #checkFor})
 * @param oversampling       oversampling p, 0 ≤ p ≤ {@value #MAX_OVERSAMPLING}: the range finder samples ℓ =
 *                           min(k + p, rows, cols) columns (HMT §4.2 suggest p = 5 or 10; once k + p reaches
 *                           min(rows, cols) the basis spans the whole range and more columns add nothing)
 * @param powerIterations    power (subspace) iterations q, 0 ≤ q ≤ {@value #MAX_POWER_ITERATIONS}, each
 *                           re-orthonormalized (HMT Alg. 4.4); in adaptive mode the number to start from
 * @param sketch             the family of the test matrix Ω = Sᵀ (cols × ℓ), non-null; HMT analyze Gaussian Ω
 *                           (§10) and the SRFT (§11)
 * @param seed               the seed of Ω; equal options give equal results
 * @param tolerance          τ, 0 &lt; τ &lt; 1: the result is trustworthy when every computed σ̃_i is certified
 *                           within τ·σ̃_k of a singular value of A (the residual bound, see
 *                           {@link LowRankApproximation#relativeSingularValueError()}) and the residual does not
 *                           prove σ̃₁ more than τ too low ({@link LowRankApproximation#trustworthy()}); the
 *                           target of the adaptive mode
 * @param adaptive           when true, raise q one power iteration at a time from {@code powerIterations} until
 *                           the tolerance is met or q reaches {@code maxPowerIterations}; when false, run exactly
 *                           {@code powerIterations} and only report whether the tolerance is met
 * @param maxPowerIterations the cap on q in adaptive mode, 0 ≤ cap ≤ {@value #MAX_POWER_ITERATIONS}; a cap not
 *                           above {@code powerIterations} means no iteration is added
 */
public record RandomizedSvdOptions(int rank, int oversampling, int powerIterations, SketchKind sketch, long seed,
                                   double tolerance, boolean adaptive, int maxPowerIterations) {

    /**
     * The largest oversampling accepted. HMT recommend p = 5 or 10 (§4.2); ℓ = k + p columns cost
     * (rows + cols)·ℓ doubles, so a p beyond this is a typing error, not a request.
     */
    public static final int MAX_OVERSAMPLING = 10_000;

    /**
     * The largest number of power iterations accepted (fixed or as the adaptive cap). Each costs two block products
     * with A; the flattest spectra in the shared test matrices need a few hundred for three digits.
     */
    public static final int MAX_POWER_ITERATIONS = 10_000;

    /** The default tolerance τ: singular values certified to 1 % of σ_k. */
    public static final double DEFAULT_TOLERANCE = 1e-2;

    /** The default cap on the power iterations of the adaptive mode. */
    public static final int DEFAULT_MAX_POWER_ITERATIONS = 200;

    /** Checks every field, naming the one that is wrong and its allowed range. */
    public RandomizedSvdOptions {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be ≥ 1 (and at most min(rows, cols) of the matrix), got "
                    + rank);
        }
        if (oversampling < 0 || oversampling > MAX_OVERSAMPLING) {
            throw new IllegalArgumentException("oversampling must be ≥ 0 and ≤ " + MAX_OVERSAMPLING + ", got "
                    + oversampling);
        }
        if (powerIterations < 0 || powerIterations > MAX_POWER_ITERATIONS) {
            throw new IllegalArgumentException("power iterations must be ≥ 0 and ≤ " + MAX_POWER_ITERATIONS
                    + ", got " + powerIterations);
        }
        if (sketch == null) {
            throw new IllegalArgumentException("sketch must not be null");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be > 0 and < 1, got " + tolerance);
        }
        if (maxPowerIterations < 0 || maxPowerIterations > MAX_POWER_ITERATIONS) {
            throw new IllegalArgumentException("max power iterations must be ≥ 0 and ≤ " + MAX_POWER_ITERATIONS
                    + ", got " + maxPowerIterations);
        }
    }

    /**
     * Fixed-q options with the default tolerance (for the trust check) and adaptive mode off.
     *
     * @param rank            k
     * @param oversampling    p
     * @param powerIterations q
     * @param sketch          the test-matrix family
     * @param seed            the seed of Ω
     */
    public RandomizedSvdOptions(int rank, int oversampling, int powerIterations, SketchKind sketch, long seed) {
        this(rank, oversampling, powerIterations, sketch, seed, DEFAULT_TOLERANCE, false,
                DEFAULT_MAX_POWER_ITERATIONS);
    }

    /**
     * Rank k with oversampling 10, 2 power iterations, a Gaussian test matrix, seed 42, tolerance
     * {@value #DEFAULT_TOLERANCE}, adaptive mode off (cap {@value #DEFAULT_MAX_POWER_ITERATIONS} when turned on).
     *
     * @param rank target rank k ≥ 1
     * @return the defaults for that rank
     */
    public static RandomizedSvdOptions defaults(int rank) {
        return new RandomizedSvdOptions(rank, 10, 2, SketchKind.GAUSSIAN, 42L);
    }

    /**
     * Checks what depends on the operator: 1 ≤ k ≤ min(rows, cols).
     *
     * @param rows the rows of A
     * @param cols the columns of A
     * @throws IllegalArgumentException naming the rank and its allowed range
     */
    public void checkFor(int rows, int cols) {
        int min = Math.min(rows, cols);
        if (rank > min) {
            throw new IllegalArgumentException("rank k = " + rank + " exceeds min(rows, cols) = " + min + " of the "
                    + rows + "×" + cols + " matrix: it must be ≥ 1 and ≤ " + min);
        }
    }

    /**
     * These options with another rank.
     *
     * @param k target rank, ≥ 1
     * @return a copy with that rank, the other fields unchanged
     */
    public RandomizedSvdOptions withRank(int k) {
        return new RandomizedSvdOptions(k, oversampling, powerIterations, sketch, seed, tolerance, adaptive,
                maxPowerIterations);
    }

    /**
     * These options with another oversampling.
     *
     * @param p oversampling, 0 ≤ p ≤ {@value #MAX_OVERSAMPLING}
     * @return a copy with that oversampling, the other fields unchanged
     */
    public RandomizedSvdOptions withOversampling(int p) {
        return new RandomizedSvdOptions(rank, p, powerIterations, sketch, seed, tolerance, adaptive,
                maxPowerIterations);
    }

    /**
     * These options with another number of power iterations (the starting number in adaptive mode).
     *
     * @param q power iterations, 0 ≤ q ≤ {@value #MAX_POWER_ITERATIONS}
     * @return a copy with that number, the other fields unchanged
     */
    public RandomizedSvdOptions withPowerIterations(int q) {
        return new RandomizedSvdOptions(rank, oversampling, q, sketch, seed, tolerance, adaptive, maxPowerIterations);
    }

    /**
     * These options with another test-matrix family.
     *
     * @param k the family of the test matrix Ω
     * @return a copy with that family, the other fields unchanged
     */
    public RandomizedSvdOptions withSketch(SketchKind k) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, k, seed, tolerance, adaptive,
                maxPowerIterations);
    }

    /**
     * These options with another seed.
     *
     * @param s the seed of Ω
     * @return a copy with that seed, the other fields unchanged
     */
    public RandomizedSvdOptions withSeed(long s) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, s, tolerance, adaptive,
                maxPowerIterations);
    }

    /**
     * These options with another tolerance τ (the trust threshold, and the target in adaptive mode).
     *
     * @param t τ, 0 &lt; τ &lt; 1
     * @return a copy with that tolerance, the other fields unchanged
     */
    public RandomizedSvdOptions withTolerance(double t) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, seed, t, adaptive,
                maxPowerIterations);
    }

    /**
     * These options with adaptive mode on or off.
     *
     * @param on whether q is raised until the tolerance is met
     * @return a copy with that setting, the other fields unchanged
     */
    public RandomizedSvdOptions withAdaptive(boolean on) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, seed, tolerance, on,
                maxPowerIterations);
    }

    /**
     * These options with another cap on the power iterations of the adaptive mode.
     *
     * @param cap the cap on q in adaptive mode, 0 ≤ cap ≤ {@value #MAX_POWER_ITERATIONS}
     * @return a copy with that cap, the other fields unchanged
     */
    public RandomizedSvdOptions withMaxPowerIterations(int cap) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, seed, tolerance, adaptive, cap);
    }
}
