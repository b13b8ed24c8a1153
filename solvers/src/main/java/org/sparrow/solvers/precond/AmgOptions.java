package org.sparrow.solvers.precond;

/**
 * How {@link Amg} builds its hierarchy and runs its V-cycle. The defaults follow pyamg's
 * {@code smoothed_aggregation_solver} where Sparrow has the same component (symmetric strength with
 * θ = 0, standard aggregation, one Jacobi smoothing step of the prolongator with ω = 4/3 divided by
 * ρ(D⁻¹A), symmetric Gauss–Seidel pre- and post-smoothing, one sweep each), and differ where the
 * coarsest solve differs: pyamg coarsens to {@code max_coarse = 10} unknowns and applies a
 * pseudo-inverse, Sparrow stops at {@value #DEFAULT_MAX_COARSE} and factors the coarsest operator with
 * a sparse direct solver, which costs less than the extra levels would.
 *
 * @param strengthTheta    θ of the symmetric strength of connection: {@code j ≠ i} is a strong neighbour
 *                         of {@code i} when {@code |a_ij| ≥ θ·√(|a_ii·a_jj|)} (and {@code a_ij ≠ 0}); in [0, 1)
 * @param smoother         the pre- and post-smoother
 * @param sweeps           smoothing steps before and after each coarse correction, ≥ 1
 * @param chebyshevDegree  degree of the Chebyshev smoother, ≥ 1 (ignored by Gauss–Seidel)
 * @param prolongatorOmega the numerator of the prolongator's Jacobi weight {@code ω = prolongatorOmega / ρ(D⁻¹A)},
 *                         in (0, 2)
 * @param maxCoarse        coarsening stops once a level has at most this many unknowns, ≥ 1
 * @param maxLevels        the most levels, the finest included, ≥ 1
 * @param spectralSteps    Lanczos steps of the estimate of ρ(D⁻¹A) on each level, ≥ 2
 */
public record AmgOptions(double strengthTheta, AmgSmoother smoother, int sweeps, int chebyshevDegree,
                         double prolongatorOmega, int maxCoarse, int maxLevels, int spectralSteps) {

    /** The default θ (pyamg's {@code ('symmetric', {'theta': 0.0})}): every stored off-diagonal nonzero is strong. */
    public static final double DEFAULT_THETA = 0.0;
    /** The default prolongator weight numerator, 4/3 (pyamg's {@code ('jacobi', {'omega': 4.0/3.0})}). */
    public static final double DEFAULT_PROLONGATOR_OMEGA = 4.0 / 3.0;
    /** The default size at which coarsening stops and the direct solver takes over. */
    public static final int DEFAULT_MAX_COARSE = 500;
    /** The default level limit. */
    public static final int DEFAULT_MAX_LEVELS = 25;
    /** The default Lanczos steps for ρ(D⁻¹A) (pyamg's {@code approximate_spectral_radius} uses 15). */
    public static final int DEFAULT_SPECTRAL_STEPS = 15;

    /**
     * Checks every field, naming the one that is wrong and its valid range.
     *
     * @throws IllegalArgumentException if a field is out of range or the smoother is null
     */
    public AmgOptions {
        if (!(strengthTheta >= 0 && strengthTheta < 1)) {
            throw new IllegalArgumentException("AMG: the strength threshold θ must be in [0, 1), got " + strengthTheta);
        }
        if (smoother == null) {
            throw new IllegalArgumentException("AMG: the smoother is missing (gauss-seidel or chebyshev)");
        }
        if (sweeps < 1) {
            throw new IllegalArgumentException("AMG: smoothing sweeps must be ≥ 1, got " + sweeps);
        }
        if (chebyshevDegree < 1) {
            throw new IllegalArgumentException("AMG: the Chebyshev degree must be ≥ 1, got " + chebyshevDegree);
        }
        if (!(prolongatorOmega > 0 && prolongatorOmega < 2)) {
            throw new IllegalArgumentException("AMG: the prolongator weight must be in (0, 2), got " + prolongatorOmega);
        }
        if (maxCoarse < 1) {
            throw new IllegalArgumentException("AMG: the coarsest size must be ≥ 1, got " + maxCoarse);
        }
        if (maxLevels < 1) {
            throw new IllegalArgumentException("AMG: the number of levels must be ≥ 1, got " + maxLevels);
        }
        if (spectralSteps < 2) {
            throw new IllegalArgumentException("AMG: the spectral radius estimate needs ≥ 2 Lanczos steps, got "
                    + spectralSteps);
        }
    }

    /**
     * θ = 0, symmetric Gauss–Seidel with one sweep, Chebyshev degree 3, ω = 4/3 / ρ(D⁻¹A), coarsest size
     * {@value #DEFAULT_MAX_COARSE}, at most {@value #DEFAULT_MAX_LEVELS} levels, {@value #DEFAULT_SPECTRAL_STEPS}
     * Lanczos steps.
     *
     * @return the defaults
     */
    public static AmgOptions defaults() {
        return new AmgOptions(DEFAULT_THETA, AmgSmoother.GAUSS_SEIDEL, 1, 3, DEFAULT_PROLONGATOR_OMEGA,
                DEFAULT_MAX_COARSE, DEFAULT_MAX_LEVELS, DEFAULT_SPECTRAL_STEPS);
    }

    /**
     * These options with another strength threshold.
     *
     * @param theta θ in [0, 1)
     * @return the new options
     */
    public AmgOptions withStrengthTheta(double theta) {
        return new AmgOptions(theta, smoother, sweeps, chebyshevDegree, prolongatorOmega, maxCoarse, maxLevels, spectralSteps);
    }

    /**
     * These options with another smoother.
     *
     * @param s the smoother
     * @return the new options
     */
    public AmgOptions withSmoother(AmgSmoother s) {
        return new AmgOptions(strengthTheta, s, sweeps, chebyshevDegree, prolongatorOmega, maxCoarse, maxLevels, spectralSteps);
    }

    /**
     * These options with another number of smoothing steps.
     *
     * @param n steps before and after each coarse correction, ≥ 1
     * @return the new options
     */
    public AmgOptions withSweeps(int n) {
        return new AmgOptions(strengthTheta, smoother, n, chebyshevDegree, prolongatorOmega, maxCoarse, maxLevels, spectralSteps);
    }

    /**
     * These options with another Chebyshev degree.
     *
     * @param degree ≥ 1
     * @return the new options
     */
    public AmgOptions withChebyshevDegree(int degree) {
        return new AmgOptions(strengthTheta, smoother, sweeps, degree, prolongatorOmega, maxCoarse, maxLevels, spectralSteps);
    }

    /**
     * These options with another prolongator weight numerator.
     *
     * @param omega in (0, 2)
     * @return the new options
     */
    public AmgOptions withProlongatorOmega(double omega) {
        return new AmgOptions(strengthTheta, smoother, sweeps, chebyshevDegree, omega, maxCoarse, maxLevels, spectralSteps);
    }

    /**
     * These options with another coarsest size.
     *
     * @param n ≥ 1
     * @return the new options
     */
    public AmgOptions withMaxCoarse(int n) {
        return new AmgOptions(strengthTheta, smoother, sweeps, chebyshevDegree, prolongatorOmega, n, maxLevels, spectralSteps);
    }

    /**
     * These options with another level limit.
     *
     * @param n ≥ 1
     * @return the new options
     */
    public AmgOptions withMaxLevels(int n) {
        return new AmgOptions(strengthTheta, smoother, sweeps, chebyshevDegree, prolongatorOmega, maxCoarse, n, spectralSteps);
    }

    /**
     * These options with another number of Lanczos steps for ρ(D⁻¹A).
     *
     * @param n ≥ 2
     * @return the new options
     */
    public AmgOptions withSpectralSteps(int n) {
        return new AmgOptions(strengthTheta, smoother, sweeps, chebyshevDegree, prolongatorOmega, maxCoarse, maxLevels, n);
    }
}
