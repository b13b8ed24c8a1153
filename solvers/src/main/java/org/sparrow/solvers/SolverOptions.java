package org.sparrow.solvers;

/**
 * Options shared by the Krylov solvers. A solve stops when the relative residual
 * ‖b − A·x‖/‖b‖ ≤ {@code relativeTolerance} or the residual norm ≤ {@code absoluteTolerance}.
 *
 * @param relativeTolerance target relative residual, in (0, 1)
 * @param absoluteTolerance absolute floor on ‖b − A·x‖, ≥ 0 (0: none)
 * @param maxIterations     iteration limit, ≥ 1 (for GMRES: total inner iterations)
 * @param restart           GMRES restart length m, ≥ 1
 * @param reorthogonalize   GMRES: a second modified Gram–Schmidt pass
 * @param damping           LSQR/LSMR damping λ ≥ 0: minimize ‖A·x − b‖² + λ²‖x‖²
 * @param listener          called after each iteration, or {@code null}
 */
public record SolverOptions(double relativeTolerance, double absoluteTolerance, int maxIterations, int restart,
                            boolean reorthogonalize, double damping, IterationListener listener) {

    /** Checks every field, naming the one that is wrong. */
    public SolverOptions {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (!(absoluteTolerance >= 0) || Double.isInfinite(absoluteTolerance)) {
            throw new IllegalArgumentException("absolute tolerance must be finite and ≥ 0, got " + absoluteTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be ≥ 1, got " + maxIterations);
        }
        if (restart < 1) {
            throw new IllegalArgumentException("GMRES restart must be ≥ 1, got " + restart);
        }
        if (!(damping >= 0) || Double.isInfinite(damping)) {
            throw new IllegalArgumentException("damping must be finite and ≥ 0, got " + damping);
        }
    }

    /**
     * Relative tolerance 1e-8, no absolute floor, 10 000 iterations, restart 50, one Gram–Schmidt pass, no damping.
     *
     * @return the defaults
     */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-8, 0.0, 10_000, 50, false, 0.0, null);
    }

    /**
     * These options with another relative tolerance.
     *
     * @param tol stop when ‖b − A·x‖ ≤ tol·‖b‖, in (0, 1)
     * @return a copy with that tolerance, the other fields unchanged
     */
    public SolverOptions withRelativeTolerance(double tol) {
        return new SolverOptions(tol, absoluteTolerance, maxIterations, restart, reorthogonalize, damping, listener);
    }

    /**
     * These options with another absolute floor.
     *
     * @param tol stop when ‖b − A·x‖ ≤ tol regardless of ‖b‖, ≥ 0
     * @return a copy with that floor, the other fields unchanged
     */
    public SolverOptions withAbsoluteTolerance(double tol) {
        return new SolverOptions(relativeTolerance, tol, maxIterations, restart, reorthogonalize, damping, listener);
    }

    /**
     * These options with another iteration limit.
     *
     * @param n iteration limit, ≥ 1
     * @return a copy with that limit, the other fields unchanged
     */
    public SolverOptions withMaxIterations(int n) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, n, restart, reorthogonalize, damping, listener);
    }

    /**
     * These options with another GMRES restart length.
     *
     * @param m Krylov vectors per GMRES cycle, ≥ 1
     * @return a copy with that restart length, the other fields unchanged
     */
    public SolverOptions withRestart(int m) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, maxIterations, m, reorthogonalize, damping, listener);
    }

    /**
     * These options with (or without) GMRES re-orthogonalization.
     *
     * @param r whether GMRES runs a second Gram–Schmidt pass
     * @return a copy with that setting, the other fields unchanged
     */
    public SolverOptions withReorthogonalize(boolean r) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, maxIterations, restart, r, damping, listener);
    }

    /**
     * These options with another LSQR/LSMR damping.
     *
     * @param d the damping λ of min ‖A·x − b‖² + λ²‖x‖², ≥ 0
     * @return a copy with that damping, the other fields unchanged
     */
    public SolverOptions withDamping(double d) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, maxIterations, restart, reorthogonalize, d, listener);
    }

    /**
     * These options with a listener.
     *
     * @param l called after each iteration, or {@code null} for none
     * @return a copy with that listener, the other fields unchanged
     */
    public SolverOptions withListener(IterationListener l) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, maxIterations, restart, reorthogonalize, damping, l);
    }
}
