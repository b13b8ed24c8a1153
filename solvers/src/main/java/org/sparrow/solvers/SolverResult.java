package org.sparrow.solvers;

/**
 * What a solve produced and what a user needs to trust it.
 *
 * @param method           the method that ran (never {@link SolverMethod#AUTO}); its
 *                         {@link SolverMethod#cliName()} is the name of the CLI and the JSON output
 * @param preconditioner   the preconditioner that ran: {@link PreconditionerKind#NONE} when none, and
 *                         {@link PreconditionerKind#CUSTOM} for one the calling program supplied
 * @param solution         x (the last iterate when not converged: never passed off as converged)
 * @param converged        whether the stopping test was met
 * @param reason           why the solve stopped
 * @param detail           one sentence on the reason (e.g. "CG met non-positive curvature pᵀAp = −3.1e-02 at
 *                         iteration 12: the matrix is not positive definite"), empty when converged
 * @param iterations       iterations performed (0 for direct methods)
 * @param relativeResidual the TRUE relative residual ‖b − A·x‖/‖b‖, recomputed from x at the end
 *                         (for least-squares methods also see {@code normalResidual})
 * @param normalResidual   for least-squares methods, the optimality measure recomputed at the end:
 *                         ‖Aᵀr‖/(‖A‖_F·‖r‖) with r = b − A·x; with damping λ > 0, ‖Aᵀr − λ²x‖/(‖Ā‖_F·‖r̄‖)
 *                         for Ā = [A; λI], r̄ = [r; −λx] (zero at the damped optimum). ‖A‖_F is exact when A
 *                         is a Sparrow {@code Matrix}, else the method's running estimate (which can only
 *                         make the figure larger). NaN for square solvers
 * @param residualHistory  the method's residual estimate per iteration (index 0: the start)
 * @param diagonalShift    the shift α added to the diagonal by an incomplete factorization that broke
 *                         down (IC(0) with A + α·diag(A)), 0 when none was needed
 * @param seconds          wall-clock time of the solve, setup of the preconditioner excluded
 */
public record SolverResult(SolverMethod method, PreconditionerKind preconditioner, double[] solution, boolean converged,
                           StopReason reason, String detail, int iterations, double relativeResidual,
                           double normalResidual, double[] residualHistory, double diagonalShift, double seconds) {

    /**
     * A PETSc-style one-line verdict: "converged: relative residual 3.1e-09 ≤ 1e-08 after 212 iterations".
     *
     * @param tolerance the relative tolerance the solve was asked for, shown beside the residual
     * @return the verdict, one line
     */
    public String verdict(double tolerance) {
        String rr = String.format(java.util.Locale.ROOT, "%.2g", relativeResidual);
        String tol = String.format(java.util.Locale.ROOT, "%.2g", tolerance);
        if (converged) {
            if (relativeResidual <= tolerance || Double.isNaN(normalResidual)) {
                return "converged: relative residual " + rr + " ≤ " + tol + " after " + iterations + " iterations";
            }
            // An inconsistent least-squares problem converges on the normal equations, not on ‖b − A·x‖.
            return "converged: normal-equation residual " + String.format(java.util.Locale.ROOT, "%.2g", normalResidual)
                    + " ≤ " + tol + " (relative residual " + rr + ", the least-squares minimum) after " + iterations
                    + " iterations";
        }
        return "not converged (" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): relative residual "
                + rr + " after " + iterations + " iterations" + (detail.isEmpty() ? "" : "; " + detail);
    }
}
