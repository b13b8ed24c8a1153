package org.sparrow.solvers.bcd;

import org.sparrow.solvers.StopReason;

/**
 * What a block coordinate descent solve did.
 *
 * @param x                    the final iterate
 * @param objectiveHistory     F(x) before the first iteration ([0]) and after each iteration k ([k]), kept
 *                             incrementally (the last entry is replaced by F recomputed from scratch)
 * @param optimality           the optimality measure at x, recomputed from scratch at the end (absolute):
 *                             ‖∇f(x)‖∞ for a smooth problem, ‖x − prox(x − ∇f(x))‖∞ (the unit proximal-gradient
 *                             step, prox of λ‖·‖₁ and/or the projection on x ≥ 0) otherwise
 * @param optimalityMeasure    {@code "gradient-inf-norm"} or {@code "prox-step-inf-norm"}
 * @param iterations           iterations done (block updates, Newton steps of the active-set phase included)
 * @param coordinatesUpdated   Σ over iterations of the number of coordinates updated
 * @param converged            whether {@code optimality ≤ tolerance ×} (the measure at x = 0)
 * @param reason               {@link StopReason#CONVERGED}, {@link StopReason#MAX_ITERATIONS},
 *                             {@link StopReason#STAGNATION} (no progress possible in floating point) or
 *                             {@link StopReason#NOT_FINITE}
 * @param detail               one sentence on why it stopped
 * @param activeSetStableSince with ℓ₁ or x ≥ 0: the iteration from which the set of coordinates at 0 (at the
 *                             bound) no longer changed; −1 for a smooth unconstrained problem
 * @param seconds              wall-clock time of the solve
 */
public record BcdResult(double[] x, double[] objectiveHistory, double optimality, String optimalityMeasure,
                        int iterations, long coordinatesUpdated, boolean converged, StopReason reason, String detail,
                        int activeSetStableSince, double seconds) {

    /** {@return the final objective F(x), recomputed from scratch: the last history entry} */
    public double objective() {
        return objectiveHistory[objectiveHistory.length - 1];
    }
}
