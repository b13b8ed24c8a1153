package org.sparrow.sketching.completion;

import org.sparrow.core.structured.LowRankMatrix;
import org.sparrow.solvers.StopReason;

/**
 * What {@link MatrixCompletion} found: M ≈ U·Vᵀ and how far it can be trusted.
 *
 * @param factors            U·Vᵀ with s = 1: {@code factors.u()} is rows × k, {@code factors.v()} cols × k
 * @param trainingRmse       √(Σ_{(i,j)∈Ω_train} (M_ij − u_i·v_j)² / |Ω_train|)
 * @param validationRmse     the same over the held-out entries; NaN without validation
 * @param iterations         alternating iterations done (each updates V, then U)
 * @param secondsPerIteration wall-clock seconds per iteration (the alternating loop only)
 * @param seconds            wall-clock seconds in all (set-up, the SVD initialization and the loop)
 * @param converged          whether the iteration settled and nothing below the information limit showed
 *                           (see {@link MatrixCompletion} for the rule)
 * @param reason             why it stopped
 * @param detail             one sentence with the figures behind {@code reason}
 * @param changeHistory      the relative change ‖P_Ω(X_t − X_{t−1})‖_F / ‖P_Ω(X_t)‖_F on the training entries, one
 *                           per iteration (the first is measured against X_0 = 0, so it is 1)
 * @param rows               m
 * @param cols               n
 * @param observed           |Ω|, training and validation entries together
 * @param validationCount    the entries held out
 * @param sketchRows         s, the rows of each per-row sketch (0 for the exact method)
 * @param sketchIterations   t, the cap on preconditioned CG steps per sketched row solve (0 for the exact method)
 */
public record CompletionResult(LowRankMatrix factors, double trainingRmse, double validationRmse, int iterations,
                               double secondsPerIteration, double seconds, boolean converged, StopReason reason,
                               String detail, double[] changeHistory, int rows, int cols, int observed,
                               int validationCount, int sketchRows, int sketchIterations) {

    /** {@return the rank k} */
    public int rank() {
        return factors.rank();
    }
}
