package org.sparrow.sketching.lstsq;

import java.util.Locale;

import org.sparrow.sketching.SketchKind;

/**
 * What {@link LeastSquares#solve} produced for min ‖A·x − b‖ (A n×d), and what a user needs to trust it.
 * Every residual figure is recomputed from the returned solution, never taken from a recurrence. The
 * names follow {@link org.sparrow.solvers.SolverResult}: {@link #relativeResidual()},
 * {@link #normalResidual()}, {@link #seconds()}, {@link #verdict()}.
 *
 * @param method     the method that ran
 * @param solution   x, length d (for an iterative method that did not converge: its last iterate)
 * @param converged  QR: always true (a direct solve; a rank-deficient A is refused). LSQR and
 *                   sketch-and-precondition: the recomputed normal-equation residual ≤ the relative tolerance or
 *                   the recomputed relative residual ≤ it. Sketch-and-solve: true when the small problem was
 *                   solved — it is a (1 + ε)-approximation by design and is NOT claimed to solve the problem to
 *                   any tolerance (read {@link #normalResidual()})
 * @param detail     one sentence on anything the user should know (truncated rank, why not converged, the ℓ∞
 *                   bound not being claimed for a sparse sketch), empty when there is nothing
 * @param iterations LSQR iterations (0 for QR and sketch-and-solve)
 * @param rank       the numerical rank the solve used: d for a full-rank A; for the sketching methods the
 *                   numerical rank of S·A when it is smaller (the solve was truncated to it, see
 *                   {@link LeastSquares} on rank deficiency); LSQR always reports d (it does not measure rank)
 * @param residuals  the residual figures, recomputed from x
 * @param timings    where the time went
 * @param sketch     the sketch that was used, {@code null} for QR and LSQR
 * @param linf       the ingredients of the ℓ∞ bound on ‖x − x*‖∞
 */
public record LeastSquaresResult(LeastSquaresMethod method, double[] solution, boolean converged, String detail,
                                 int iterations, int rank, Residuals residuals, Timings timings, SketchInfo sketch,
                                 LinfBound linf) {

    /**
     * The residual figures, recomputed from the returned x.
     *
     * @param norm     ‖A·x − b‖
     * @param relative ‖A·x − b‖/‖b‖ (0 when b = 0)
     * @param normal   ‖Aᵀr‖/(‖A‖_F·‖r‖) with r = b − A·x: 0 at the exact least-squares solution, about machine
     *                 precision for a backward-stable solver (0 when r = 0). ‖A‖_F is exact for a
     *                 {@link org.sparrow.core.Matrix}; for a bare operator solved by LSQR it is LSQR's running
     *                 estimate (a lower bound, which only makes this figure larger)
     */
    public record Residuals(double norm, double relative, double normal) {
    }

    /**
     * Wall-clock times of the parts of a solve, in seconds.
     *
     * @param sketch  forming S·A and S·b (0 when no sketch)
     * @param factor  factoring (QR of A or of S·A, and the SVD of R)
     * @param solve   the solve proper (triangular solves, LSQR iterations, the final residual check)
     * @param total   the whole solve
     */
    public record Timings(double sketch, double factor, double solve, double total) {
    }

    /**
     * The sketch a sketching method used.
     *
     * @param kind        the sketch family
     * @param rows        the sketch rows m actually used
     * @param formulaRows sketch-and-solve: the formula's m = ⌈C·ε⁻²·d·ln³(n/δ)⌉ for the options' ε and δ (for
     *                    comparison with {@code rows}, also when m was given); 0 for sketch-and-precondition
     */
    public record SketchInfo(SketchKind kind, int rows, long formulaRows) {
    }

    /**
     * The ingredients of the Song–Ye–Yin–Zhang ℓ∞ bound ‖x′ − x*‖∞ ≤ (ε/√d)·‖A·x′ − b‖·‖A†‖ (with
     * {@link Residuals#norm()} as ‖A·x′ − b‖).
     *
     * @param pinvNormEstimate an estimate of ‖A†‖₂ = 1/σ_min(A): exact up to rounding for QR (1/σ_min(R)), from the
     *                         sketch for the sketching methods (1/σ_min(R) for S·A = Q·R, within a factor 1 ± ε of
     *                         the truth when S is an ε-subspace embedding); NaN for LSQR. For a rank-deficient A,
     *                         the pseudo-inverse of the rank-r truncation
     * @param bound            sketch-and-solve with a dense sketch: the right-hand side of the bound, evaluated with
     *                         the measured residual and {@code pinvNormEstimate}; NaN otherwise. Measured, not
     *                         guaranteed (see {@link LeastSquares})
     */
    public record LinfBound(double pinvNormEstimate, double bound) {
    }

    /** {@return ‖A·x − b‖/‖b‖, recomputed (as {@link org.sparrow.solvers.SolverResult#relativeResidual()})} */
    public double relativeResidual() {
        return residuals.relative();
    }

    /** {@return ‖Aᵀr‖/(‖A‖_F·‖r‖), recomputed (as {@link org.sparrow.solvers.SolverResult#normalResidual()})} */
    public double normalResidual() {
        return residuals.normal();
    }

    /** {@return total wall-clock seconds (as {@link org.sparrow.solvers.SolverResult#seconds()})} */
    public double seconds() {
        return timings.total();
    }

    /** {@return A one-line verdict: method, sketch, rows, residuals, iterations and time} */
    public String verdict() {
        StringBuilder s = new StringBuilder(method.cliName());
        if (sketch != null) {
            s.append(" (").append(sketch.kind().cliName()).append(", m = ").append(sketch.rows()).append(')');
        }
        s.append(converged ? ": " : ": not converged: ");
        s.append(String.format(Locale.ROOT, "‖Ax−b‖ = %.6g, relative %.3g, normal-equation residual %.3g",
                residuals.norm(), residuals.relative(), residuals.normal()));
        if (iterations > 0) {
            s.append(", ").append(iterations).append(" iterations");
        }
        s.append(String.format(Locale.ROOT, ", %.3g s", timings.total()));
        if (!detail.isEmpty()) {
            s.append("; ").append(detail);
        }
        return s.toString();
    }
}
