package org.sparrow.sketching.completion;

import org.sparrow.core.Par;

/**
 * The settings of {@link MatrixCompletion}.
 *
 * @param rank               k ≥ 1, the rank of U·Vᵀ (at most min(rows, cols) of the matrix)
 * @param method             exact or sketched row solves
 * @param lambda             λ ≥ 0, the ridge weight: each row solves min Σ_{j∈Ω_i} (M_ij − u·v_j)² + λ‖u‖²
 * @param maxIterations      ≥ 1; one iteration updates V, then U
 * @param tolerance          ≥ 0; stop when the relative change of U·Vᵀ on the training entries,
 *                           ‖P_Ω(X_t − X_{t−1})‖_F / ‖P_Ω(X_t)‖_F, is at most this
 * @param validationFraction in [0, 1): the share of the observations held out (seeded) to check the fit; 0 for none
 * @param seed               the seed of the validation split, the randomized SVD and the sketches
 * @param par                the parallelism of the row solves
 */
public record CompletionOptions(int rank, CompletionMethod method, double lambda, int maxIterations,
                                double tolerance, double validationFraction, long seed, Par par) {

    /** The default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /** The default tolerance on the relative change of U·Vᵀ on Ω. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** Checks every field, naming the one that is wrong and its allowed range. */
    public CompletionOptions {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be ≥ 1 (and at most min(rows, cols) of the matrix), got "
                    + rank);
        }
        if (method == null) {
            throw new IllegalArgumentException("the completion method is null (use am or sketched-am)");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number ≥ 0, got " + lambda);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be ≥ 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number ≥ 0, got " + tolerance);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be ≥ 0 and < 1, got "
                    + validationFraction);
        }
        if (par == null) {
            throw new IllegalArgumentException("the parallelism is null (use Par.AUTO, Par.SEQ or Par.threads(n))");
        }
    }

    /**
     * Rank k, exact alternating minimization, λ = 0, {@value #DEFAULT_MAX_ITERATIONS} iterations, tolerance
     * {@value #DEFAULT_TOLERANCE}, no validation, seed 0, {@link Par#AUTO}.
     *
     * @param rank k ≥ 1, the rank of U·Vᵀ
     * @return the defaults for that rank
     */
    public static CompletionOptions defaults(int rank) {
        return new CompletionOptions(rank, CompletionMethod.ALTERNATING_MINIMIZATION, 0.0, DEFAULT_MAX_ITERATIONS,
                DEFAULT_TOLERANCE, 0.0, 0L, Par.AUTO);
    }

    /**
     * These options with rank k.
     *
     * @param k the rank of U·Vᵀ, ≥ 1
     * @return a copy with that rank, the other fields unchanged
     */
    public CompletionOptions withRank(int k) {
        return new CompletionOptions(k, method, lambda, maxIterations, tolerance, validationFraction, seed, par);
    }

    /**
     * These options with another method.
     *
     * @param m exact or sketched row solves
     * @return a copy with that method, the other fields unchanged
     */
    public CompletionOptions withMethod(CompletionMethod m) {
        return new CompletionOptions(rank, m, lambda, maxIterations, tolerance, validationFraction, seed, par);
    }

    /**
     * These options with ridge weight λ.
     *
     * @param l the ridge weight λ ≥ 0
     * @return a copy with that λ, the other fields unchanged
     */
    public CompletionOptions withLambda(double l) {
        return new CompletionOptions(rank, method, l, maxIterations, tolerance, validationFraction, seed, par);
    }

    /**
     * These options with another iteration cap.
     *
     * @param n iteration limit, ≥ 1
     * @return a copy with that limit, the other fields unchanged
     */
    public CompletionOptions withMaxIterations(int n) {
        return new CompletionOptions(rank, method, lambda, n, tolerance, validationFraction, seed, par);
    }

    /**
     * These options with another tolerance.
     *
     * @param t the stopping threshold on the relative change of U·Vᵀ on the training entries, ≥ 0
     * @return a copy with that tolerance, the other fields unchanged
     */
    public CompletionOptions withTolerance(double t) {
        return new CompletionOptions(rank, method, lambda, maxIterations, t, validationFraction, seed, par);
    }

    /**
     * These options with another validation fraction.
     *
     * @param f the share of the observations held out for validation, in [0, 1); 0 for none
     * @return a copy with that fraction, the other fields unchanged
     */
    public CompletionOptions withValidationFraction(double f) {
        return new CompletionOptions(rank, method, lambda, maxIterations, tolerance, f, seed, par);
    }

    /**
     * These options with another seed.
     *
     * @param s the seed of the validation split, the randomized SVD and the sketches
     * @return a copy with that seed, the other fields unchanged
     */
    public CompletionOptions withSeed(long s) {
        return new CompletionOptions(rank, method, lambda, maxIterations, tolerance, validationFraction, s, par);
    }

    /**
     * These options with another parallelism.
     *
     * @param p the parallelism of the row solves
     * @return a copy with that parallelism, the other fields unchanged
     */
    public CompletionOptions withPar(Par p) {
        return new CompletionOptions(rank, method, lambda, maxIterations, tolerance, validationFraction, seed, p);
    }
}
