package org.sparrow.solvers.ot;

import org.sparrow.solvers.StopReason;

/**
 * Log-domain Sinkhorn scaling for entropic optimal transport (Sinkhorn and Knopp, Pacific J. Math. 21, 1967;
 * Cuturi, NeurIPS 2013), stabilized as in Peyré and Cuturi, <i>Computational Optimal Transport</i>,
 * Found. Trends Mach. Learn. 11 (2019), §4.4: the iteration runs on the dual potentials and every
 * reduction is a log-sum-exp, so the kernel e^{−ηC}, which underflows at large η, is never formed.
 *
 * <p>With scaled potentials u = η·x, v = η·y and Pᵢⱼ = exp(uᵢ + vⱼ − η·Cᵢⱼ − 1), a step is
 * <pre>
 *   uᵢ ← log aᵢ + 1 − LSEⱼ(vⱼ − η·Cᵢⱼ)      (rows: P·1 = a)
 *   vⱼ ← log bⱼ + 1 − LSEᵢ(uᵢ − η·Cᵢⱼ)      (columns: Pᵀ·1 = b)
 * </pre>
 * over the allowed entries only (a sparse cost's missing entries are forbidden). After a step the column
 * sums equal b, so the marginal error of the step is the row error ‖P·1 − a‖₁, which the next step's row
 * reduction yields for free; a converged run stops before applying that next update.
 */
final class LogSinkhorn {

    private LogSinkhorn() {
    }

    /**
     * Runs Sinkhorn steps from the engine's potentials until the row error meets the tolerance, {@code steps}
     * steps are done, or the run's iteration limit is reached.
     *
     * @return whether the tolerance was met
     */
    static boolean run(OtEngine e, OtRun run, int steps) {
        int done = 0;
        while (true) {
            double err = e.rowPass(); // the error of the current potentials (after the previous step)
            if (done > 0) {
                run.record(err);
                if (!Double.isFinite(err)) {
                    run.stop(StopReason.NOT_FINITE, "the marginal error became " + err + " after Sinkhorn step "
                            + run.sinkhornIterations + ": the potentials overflowed");
                    return false;
                }
                if (err <= run.tolerance) {
                    run.stop(StopReason.CONVERGED, "");
                    return true;
                }
            }
            if (done == steps || !run.roomLeft()) {
                return false;
            }
            e.applyRow();
            e.columnStep();
            done++;
            run.sinkhornIterations++;
        }
    }
}
