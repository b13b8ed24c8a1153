package org.sparrow.solvers;

/** Why an iterative solve stopped. */
public enum StopReason {
    /** The relative residual fell below the tolerance (or the absolute floor). */
    CONVERGED,
    /** The iteration limit was reached first. */
    MAX_ITERATIONS,
    /**
     * The method could not continue: a division by (near) zero in its recurrences, or a
     * property the method needs failed (CG or MINRES meeting a direction of non-positive curvature
     * or an indefinite preconditioner). {@link SolverResult#detail()} says which.
     */
    BREAKDOWN,
    /**
     * The residual stopped decreasing for many iterations, or the method's recurrence claimed
     * convergence that the true residual ‖b − A·x‖, recomputed, does not confirm (the iterates drifted).
     */
    STAGNATION,
    /** The input held NaN or infinity, or produced it; nothing meaningful could be computed. */
    NOT_FINITE
}
