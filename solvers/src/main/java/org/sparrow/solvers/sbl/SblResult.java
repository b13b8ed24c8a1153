package org.sparrow.solvers.sbl;

import java.util.List;
import org.sparrow.solvers.StopReason;

/**
 * The outcome of a sparse Bayesian learning solve.
 *
 * @param method           the method that ran
 * @param mean             x̂, the posterior mean, of length ∏Nᵢ, indexed as the Kronecker convention
 *                         x index = ((i₁·N₂)+i₂)·N₃+i₃ (zero off the support)
 * @param gammas           the learned hyperparameters, one array per factor (γ = γ₁⊗…⊗γ_d; entries
 *                         pruned are 0); for {@link SblMethod#CLASSIC} one array of length N
 * @param support          sorted 0-based indices of x̂ kept after pruning (where γ &gt; 0)
 * @param noiseVariance    the σ² used (known or from the SNR) or estimated
 * @param noiseEstimated   whether σ² was estimated
 * @param converged        true only when ‖Δγ‖/‖γ‖ ≤ tolerance was met
 * @param reason           why the iterations stopped
 * @param detail           one sentence on how the solve ended
 * @param iterations       EM iterations run
 * @param relativeResidual ‖y − A·x̂‖/‖y‖, recomputed at the end with the Kronecker operator (0 when y = 0)
 * @param seconds          wall-clock time of the solve, validation excluded
 */
public record SblResult(SblMethod method, double[] mean, List<double[]> gammas, int[] support,
                        double noiseVariance, boolean noiseEstimated, boolean converged,
                        StopReason reason, String detail, int iterations,
                        double relativeResidual, double seconds) {
}
