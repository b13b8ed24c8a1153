package org.sparrow.solvers.sbl;

import java.util.List;
import org.sparrow.solvers.IterationListener;

/**
 * Options of a sparse Bayesian learning solve. The iterations stop when the relative change of the
 * hyperparameters ‖γ⁽ᵗ⁾ − γ⁽ᵗ⁻¹⁾‖/‖γ⁽ᵗ⁻¹⁾‖ ≤ {@code tolerance} (with γ the full hyperparameter
 * vector: ⊗γᵢ for the Kronecker methods) or after {@code maxIterations}.
 *
 * @param method         which algorithm runs
 * @param noise          how σ² is set (known, from an SNR, or estimated)
 * @param beta           PC-KroSBL's coupling β ∈ [0, 1] of neighbouring hyperparameters (other methods ignore it)
 * @param maxIterations  iteration limit, ≥ 1
 * @param tolerance      the stopping threshold on ‖Δγ‖/‖γ‖, finite and &gt; 0
 * @param pruneThreshold hyperparameters below this (relative to the largest of their factor, see
 *                       {@link Sbl}) are pruned; {@code NaN} selects the method's default (1e-2 AM and PC,
 *                       1e-3 SVD and classic); otherwise in [0, 1) (0: never prune)
 * @param listener       called after each iteration with ‖Δγ‖/‖γ‖, or {@code null}
 * @param coupledFactors PC-KroSBL: the 0-based factors whose hyperparameters are coupled (the
 *                       block-sparse ones; the paper couples two of its three); empty: every factor.
 *                       Other methods ignore it. Entries ≥ 0 and distinct; {@link Sbl#solve} checks them
 *                       against the factor count
 */
public record SblOptions(SblMethod method, NoiseVariance noise, double beta, int maxIterations,
                         double tolerance, double pruneThreshold, IterationListener listener,
                         List<Integer> coupledFactors) {

    /** Checks every field, naming the one that is wrong. */
    public SblOptions {
        if (method == null) {
            throw new IllegalArgumentException("SBL method must be given");
        }
        if (noise == null) {
            throw new IllegalArgumentException("SBL noise variance setting must be given");
        }
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], got " + beta);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be ≥ 1, got " + maxIterations);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        if (coupledFactors == null) {
            throw new IllegalArgumentException("the coupled factors must be given (empty: every factor)");
        }
        coupledFactors = List.copyOf(coupledFactors);
        for (int i = 0; i < coupledFactors.size(); i++) {
            int f = coupledFactors.get(i);
            if (f < 0) {
                throw new IllegalArgumentException("a coupled factor index must be ≥ 0, got " + f);
            }
            if (coupledFactors.indexOf(f) != i) {
                throw new IllegalArgumentException("coupled factor " + f + " is listed twice");
            }
        }
        if (!Double.isNaN(pruneThreshold) && !(pruneThreshold >= 0 && pruneThreshold < 1)) {
            throw new IllegalArgumentException("prune threshold must be in [0, 1) (or NaN for the method's default), got "
                    + pruneThreshold);
        }
    }

    /**
     * SVD-KroSBL, estimated noise, β = 0.8, 150 iterations, tolerance 1e-4, the method's prune
     * threshold, no listener, PC coupling on every factor.
     *
     * @return the defaults
     */
    public static SblOptions defaults() {
        return new SblOptions(SblMethod.SVD, new NoiseVariance.Estimated(), 0.8, 150, 1e-4, Double.NaN, null, List.of());
    }

    /**
     * Whether PC-KroSBL couples factor {@code k} (0-based).
     *
     * @param k the factor, 0-based
     * @return whether factor {@code k}'s hyperparameters are coupled to their neighbours
     */
    public boolean couples(int k) {
        return coupledFactors.isEmpty() || coupledFactors.contains(k);
    }

    /**
     * The prune threshold in force: {@link #pruneThreshold()}, or the method's default when that is NaN.
     *
     * @return the threshold below which hyperparameters are pruned, relative to the largest of their factor
     */
    public double effectivePruneThreshold() {
        if (!Double.isNaN(pruneThreshold)) {
            return pruneThreshold;
        }
        return switch (method) {
            case AM, PC -> 1e-2;
            case SVD, CLASSIC -> 1e-3;
        };
    }

    /**
     * These options with another method.
     *
     * @param m the algorithm
     * @return a copy with that method, the other fields unchanged
     */
    public SblOptions withMethod(SblMethod m) {
        return new SblOptions(m, noise, beta, maxIterations, tolerance, pruneThreshold, listener, coupledFactors);
    }

    /**
     * These options with another noise setting.
     *
     * @param n how σ² is set (known, from an SNR, or estimated)
     * @return a copy with that noise setting, the other fields unchanged
     */
    public SblOptions withNoise(NoiseVariance n) {
        return new SblOptions(method, n, beta, maxIterations, tolerance, pruneThreshold, listener, coupledFactors);
    }

    /**
     * These options with another PC coupling β.
     *
     * @param b the coupling β ∈ [0, 1] of neighbouring hyperparameters
     * @return a copy with that β, the other fields unchanged
     */
    public SblOptions withBeta(double b) {
        return new SblOptions(method, noise, b, maxIterations, tolerance, pruneThreshold, listener, coupledFactors);
    }

    /**
     * These options with another iteration limit.
     *
     * @param n iteration limit, ≥ 1
     * @return a copy with that limit, the other fields unchanged
     */
    public SblOptions withMaxIterations(int n) {
        return new SblOptions(method, noise, beta, n, tolerance, pruneThreshold, listener, coupledFactors);
    }

    /**
     * These options with another tolerance on ‖Δγ‖/‖γ‖.
     *
     * @param t the stopping threshold on ‖Δγ‖/‖γ‖, finite and &gt; 0
     * @return a copy with that tolerance, the other fields unchanged
     */
    public SblOptions withTolerance(double t) {
        return new SblOptions(method, noise, beta, maxIterations, t, pruneThreshold, listener, coupledFactors);
    }

    /**
     * These options with another prune threshold (NaN: the method's default).
     *
     * @param p the prune threshold in [0, 1), or NaN for the method's default
     * @return a copy with that threshold, the other fields unchanged
     */
    public SblOptions withPruneThreshold(double p) {
        return new SblOptions(method, noise, beta, maxIterations, tolerance, p, listener, coupledFactors);
    }

    /**
     * These options with PC-KroSBL coupling only the given factors.
     *
     * @param factors 0-based factor indices; none: every factor
     * @return a copy coupling those factors, the other fields unchanged
     */
    public SblOptions withCoupledFactors(int... factors) {
        return new SblOptions(method, noise, beta, maxIterations, tolerance, pruneThreshold, listener,
                java.util.Arrays.stream(factors).boxed().toList());
    }

    /**
     * These options with a listener.
     *
     * @param l called after each iteration with ‖Δγ‖/‖γ‖, or {@code null} for none
     * @return a copy with that listener, the other fields unchanged
     */
    public SblOptions withListener(IterationListener l) {
        return new SblOptions(method, noise, beta, maxIterations, tolerance, pruneThreshold, l, coupledFactors);
    }
}
