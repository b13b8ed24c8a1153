package org.sparrow.sketching.lstsq;

import java.util.Locale;

import org.sparrow.sketching.SketchKind;

/**
 * What {@link LeastSquares#solve} produced for min ‖A·x − b‖ (A n×d), and what a user needs to trust it.
 * Every residual figure is recomputed from the returned solution, never taken from a recurrence.
 *
 * @param method            the method that ran
 * @param sketch            the sketch family, {@code null} for QR and LSQR
 * @param sketchRows        the sketch rows m actually used, 0 when no sketch was used
 * @param solution          x, length d (for an iterative method that did not converge: its last iterate)
 * @param converged         QR: always true (a direct solve; a rank-deficient A is refused). LSQR and
 *                          sketch-and-precondition: the recomputed {@code normalResidual} ≤ tolerance or the
 *                          recomputed {@code relativeResidual} ≤ tolerance. Sketch-and-solve: true when the small
 *                          problem was solved — it is a (1 + ε)-approximation by design and is NOT claimed to
 *                          solve the problem to any tolerance (read {@code normalResidual})
 * @param detail            one sentence on anything the user should know (truncated rank, why not converged,
 *                          the ℓ∞ bound not being claimed for a sparse sketch), empty when there is nothing
 * @param iterations        LSQR iterations (0 for QR and sketch-and-solve)
 * @param residualNorm      ‖A·x − b‖, recomputed
 * @param relativeResidual  ‖A·x − b‖/‖b‖ (0 when b = 0)
 * @param normalResidual    ‖Aᵀr‖/(‖A‖_F·‖r‖) with r = b − A·x, recomputed: 0 at the exact least-squares
 *                          solution, about machine precision for a backward-stable solver (0 when r = 0).
 *                          ‖A‖_F is exact for a {@link org.sparrow.core.Matrix}; for a bare operator solved by
 *                          LSQR it is LSQR's running estimate (a lower bound, which only makes this figure larger)
 * @param pinvNormEstimate  an estimate of ‖A†‖₂ = 1/σ_min(A): exact up to rounding for QR (1/σ_min(R)), from
 *                          the sketch for the sketching methods (1/σ_min(R) for S·A = Q·R, within a factor
 *                          1 ± ε of the truth when S is an ε-subspace embedding); NaN for LSQR. For a rank-deficient
 *                          A, the pseudo-inverse of the rank-r truncation
 * @param linfBound         sketch-and-solve with a dense sketch: the right-hand side (ε/√d)·‖A·x′ − b‖·‖A†‖ of the
 *                          Song–Ye–Yin–Zhang ℓ∞ bound on ‖x′ − x*‖∞, evaluated with the measured residual and
 *                          {@code pinvNormEstimate}; NaN otherwise. Measured, not guaranteed (see {@link LeastSquares})
 * @param sketchSeconds     time forming S·A and S·b (0 when no sketch)
 * @param factorSeconds     time factoring (QR of A or of S·A, and the SVD of R)
 * @param solveSeconds      time of the solve proper (triangular solves, LSQR iterations, the final residual check)
 * @param seconds           total wall-clock time
 * @param formulaSketchRows sketch-and-solve: the formula's m = ⌈C·ε⁻²·d·ln³(n/δ)⌉ for the options' ε and δ (for
 *                          comparison with {@code sketchRows}, also when m was given); 0 for the other methods
 * @param rank              the numerical rank the solve used: d for a full-rank A; for the sketching methods the
 *                          numerical rank of S·A when it is smaller (the solve was truncated to it, see
 *                          {@link LeastSquares} on rank deficiency); LSQR always reports d (it does not measure rank)
 */
public record LeastSquaresResult(LeastSquaresMethod method, SketchKind sketch, int sketchRows, double[] solution,
                                 boolean converged, String detail, int iterations, double residualNorm,
                                 double relativeResidual, double normalResidual, double pinvNormEstimate,
                                 double linfBound, double sketchSeconds, double factorSeconds, double solveSeconds,
                                 double seconds, long formulaSketchRows, int rank) {

    /** A one-line summary: method, sketch, rows, residuals, iterations and time. */
    public String summary() {
        StringBuilder s = new StringBuilder(method.cliName());
        if (sketch != null) {
            s.append(" (").append(sketch.cliName()).append(", m = ").append(sketchRows).append(')');
        }
        s.append(converged ? ": " : ": not converged: ");
        s.append(String.format(Locale.ROOT, "‖Ax−b‖ = %.6g, relative %.3g, normal-equation residual %.3g",
                residualNorm, relativeResidual, normalResidual));
        if (iterations > 0) {
            s.append(", ").append(iterations).append(" iterations");
        }
        s.append(String.format(Locale.ROOT, ", %.3g s", seconds));
        if (!detail.isEmpty()) {
            s.append("; ").append(detail);
        }
        return s.toString();
    }
}
