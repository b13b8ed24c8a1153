package org.sparrow.solvers.krylov;

import org.sparrow.solvers.SolverMethod;
import org.sparrow.core.LinearOperator;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;

/**
 * What LSQR and LSMR do alike around their own recurrences: the checks and the first Golub–Kahan
 * step, each later step ({@link GolubKahan#step}) with the iteration limit, the two stopping rules on
 * the estimates confirmed with the true residuals (tightened when a confirmation fails, see
 * {@link Lsqr}), and the verdict. A solver reads it as
 * <pre>
 *   LeastSquaresIteration it = new LeastSquaresIteration(SolverMethod.LSQR, a, b, o);
 *   if (it.finished() != null) return it.finished();
 *   while (it.step()) { …rotations, x update…; if (it.stop(rnorm, arnorm)) break; }
 *   return it.finish();
 * </pre>
 */
final class LeastSquaresIteration {

    /** The run: checks, clock, history, measurements. */
    final KrylovRun run;
    /** The bidiagonalization: u, v, α, β and ‖B̄‖_F² (null when b = 0). */
    final GolubKahan g;
    /** The iterate, length n. */
    final double[] x;
    /** The damping λ. */
    final double lambda;

    private final SolverOptions o;
    private final SolverResult finished;
    private int k;
    private int refreshes;
    private boolean measured;
    private double target1; // the tests on the estimates; tightened after a failed confirmation
    private double tol2;
    private StopReason reason;
    private String detail = "";

    /**
     * Checks the problem and takes the first step β₁u₁ = b, α₁v₁ = Aᵀu₁.
     *
     * @throws IllegalArgumentException if b has the wrong length or a non-finite entry
     */
    LeastSquaresIteration(SolverMethod method, LinearOperator a, double[] b, SolverOptions o) {
        this.run = KrylovRun.leastSquares(method, a, b, o);
        this.o = o;
        this.x = new double[a.cols()];
        this.lambda = o.damping();
        this.target1 = run.target;
        this.tol2 = o.relativeTolerance();
        if (run.bnorm == 0.0) {
            this.g = null;
            this.finished = run.zero(x, true);
            return;
        }
        this.g = new GolubKahan(a, lambda);
        run.start(1.0);
        this.finished = run.bidiagonalStart(x, g).finished();
    }

    /** The result when the start already ends the solve (b = 0, x = 0 optimal, Aᵀb not finite), else null. */
    SolverResult finished() {
        return finished;
    }

    /**
     * Takes the next Golub–Kahan step unless the iteration limit is reached.
     *
     * @return false when the solve stops here (iteration limit, or a product that is not finite)
     */
    boolean step() {
        if (k >= o.maxIterations()) {
            reason = StopReason.MAX_ITERATIONS;
            detail = run.maxIterationsDetailLeastSquares();
            return false;
        }
        String bad = g.step();
        if (bad != null) {
            reason = StopReason.NOT_FINITE;
            detail = KrylovRun.notFinite(bad, k + 1);
            return false;
        }
        return true;
    }

    /**
     * Ends an iteration with the solver's estimates: records min(‖r̄‖/‖b‖, normal measure), and when
     * a rule fires on the estimates confirms it with the true residuals.
     *
     * @param rnorm  the estimate of ‖r̄‖
     * @param arnorm the estimate of ‖Āᵀr̄‖
     * @return true when the solve stops (converged, or the true residuals are not finite)
     */
    boolean stop(double rnorm, double arnorm) {
        k++;
        double anorm = Math.sqrt(g.anorm2);
        double test1 = rnorm / run.bnorm;
        double test2 = rnorm == 0.0 ? 0.0 : arnorm / (anorm * rnorm);
        run.record(k, Math.min(test1, test2));
        measured = false;
        boolean rule1 = rnorm <= target1;
        boolean rule2 = test2 <= tol2;
        if (!rule1 && !rule2) {
            return false;
        }
        run.measureLeastSquares(x, g.um, g.vn, anorm); // confirm with the true residuals
        measured = true;
        if (!Double.isFinite(run.lsRbar) || !Double.isFinite(run.lsNormal)) {
            reason = StopReason.NOT_FINITE;
            detail = KrylovRun.notFinite("b − A·x or Aᵀ(b − A·x)", k);
            return true;
        }
        if (run.leastSquaresMet() || ++refreshes > KrylovRun.MAX_REFRESHES) {
            reason = StopReason.CONVERGED;
            return true;
        }
        if (rule1) { // the estimate ran ahead of the truth: tighten by the observed ratio
            target1 *= Math.min(0.5, Math.max(1e-3, run.target / run.lsRbar));
        }
        if (rule2) {
            tol2 *= Math.min(0.5, Math.max(1e-3, o.relativeTolerance() / run.lsNormal));
        }
        return false;
    }

    /** The verdict, from the true residuals (measured again unless the last {@link #stop} just did). */
    SolverResult finish() {
        return run.finishLeastSquares(x, reason, detail, k, Math.sqrt(g.anorm2), g.um, g.vn, measured);
    }
}
