package org.sparrow.solvers.eigen;

import org.sparrow.core.DenseMatrix;
import org.sparrow.solvers.StopReason;

/**
 * The k largest singular triplets (σ, u, v) of an m × n A, largest first, each with both residuals
 * recomputed from A at the end: ‖A·v − σ·u‖ and ‖Aᵀ·u − σ·v‖. A triplet is converged only where both
 * are ≤ tolerance·σ₁.
 *
 * @param values              σ₁ ≥ … ≥ σₖ
 * @param u                   m × k, the left singular vectors
 * @param v                   n × k, the right singular vectors
 * @param residuals           ‖A·v − σ·u‖ of each triplet
 * @param transposeResiduals  ‖Aᵀ·u − σ·v‖ of each triplet
 * @param converged           whether each triplet meets the tolerance
 * @param iterations          restarts
 * @param products            products with A plus products with Aᵀ
 * @param seconds             wall time
 * @param stopReason          why it stopped
 * @param detail              a sentence about the stop, or "" when it converged
 */
public record SvdsResult(double[] values, DenseMatrix u, DenseMatrix v, double[] residuals, double[] transposeResiduals,
                         boolean[] converged, int iterations, long products, double seconds, StopReason stopReason,
                         String detail) {

    /**
     * How many triplets converged.
     *
     * @return the count of true entries of {@link #converged()}
     */
    public int convergedCount() {
        int c = 0;
        for (boolean b : converged) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /**
     * Whether every triplet converged.
     *
     * @return {@code convergedCount() == k}
     */
    public boolean allConverged() {
        return convergedCount() == converged.length;
    }

    /**
     * The larger of the two residuals of each triplet (what the CLI prints).
     *
     * @return max(‖A·v − σ·u‖, ‖Aᵀ·u − σ·v‖) per triplet
     */
    public double[] maxResiduals() {
        double[] r = new double[residuals.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(residuals[i], transposeResiduals[i]);
        }
        return r;
    }
}
