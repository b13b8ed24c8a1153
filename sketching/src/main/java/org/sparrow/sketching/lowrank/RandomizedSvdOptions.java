package org.sparrow.sketching.lowrank;

import org.sparrow.sketching.SketchKind;

/**
 * Options of {@link RandomizedSvd#compute}: HMT's parameters k (target rank), p (oversampling) and q
 * (power iterations), plus the family and seed of the test matrix Ω.
 *
 * @param rank            target rank k ≥ 1 (at most min(rows, cols) of the operator)
 * @param oversampling    oversampling p ≥ 0: the range finder samples ℓ = k + p columns (HMT §4.2 suggests
 *                        p = 5 or 10); ℓ is capped at min(rows, cols)
 * @param powerIterations power (subspace) iterations q ≥ 0, each re-orthonormalized (HMT Alg. 4.4); q = 1 or
 *                        2 helps a lot when the singular values decay slowly (HMT §4.5)
 * @param sketch          the family of the test matrix Ω = Sᵀ (cols × ℓ), non-null; HMT analyze Gaussian Ω
 *                        (§10) and the SRFT (§11)
 * @param seed            the seed of Ω; equal options give equal results
 */
public record RandomizedSvdOptions(int rank, int oversampling, int powerIterations, SketchKind sketch, long seed) {

    /** Checks every field, naming the one that is wrong. */
    public RandomizedSvdOptions {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be ≥ 1, got " + rank);
        }
        if (oversampling < 0) {
            throw new IllegalArgumentException("oversampling must be ≥ 0, got " + oversampling);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("power iterations must be ≥ 0, got " + powerIterations);
        }
        if (sketch == null) {
            throw new IllegalArgumentException("sketch must not be null");
        }
    }

    /** Rank k with oversampling 10, 2 power iterations, a Gaussian test matrix and seed 42. */
    public static RandomizedSvdOptions defaults(int rank) {
        return new RandomizedSvdOptions(rank, 10, 2, SketchKind.GAUSSIAN, 42L);
    }

    /** These options with another rank. */
    public RandomizedSvdOptions withRank(int k) {
        return new RandomizedSvdOptions(k, oversampling, powerIterations, sketch, seed);
    }

    /** These options with another oversampling. */
    public RandomizedSvdOptions withOversampling(int p) {
        return new RandomizedSvdOptions(rank, p, powerIterations, sketch, seed);
    }

    /** These options with another number of power iterations. */
    public RandomizedSvdOptions withPowerIterations(int q) {
        return new RandomizedSvdOptions(rank, oversampling, q, sketch, seed);
    }

    /** These options with another test-matrix family. */
    public RandomizedSvdOptions withSketch(SketchKind k) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, k, seed);
    }

    /** These options with another seed. */
    public RandomizedSvdOptions withSeed(long s) {
        return new RandomizedSvdOptions(rank, oversampling, powerIterations, sketch, s);
    }
}
