package org.sparrow.solvers.krylov;

import org.sparrow.solvers.IterationListener;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.solvers.SolverMethod;

import org.sparrow.solvers.PreconditionerKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Matrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * What every Krylov solve shares: input validation, the stopping target τ = max(tol·‖b‖, floor),
 * the residual history and listener, stagnation watching, and the final verdict built from the TRUE
 * residual — the contract the {@linkplain org.sparrow.solvers.krylov package documentation} states.
 * One instance per solve; it starts the clock once the inputs are valid.
 */
final class KrylovRun {

    /** How many times a square solver restarts from the true residual after its recurrence claimed a convergence the true residual denies. */
    static final int MAX_REFRESHES = 3;

    /**
     * A solve that stops without converging notes in its detail when its last residual estimate and the
     * true residual differ by more than this factor (a diagnostic: convergence itself is decided only by
     * the true residual against τ, see the {@linkplain org.sparrow.solvers.krylov package}).
     */
    static final double DRIFT_FACTOR = 10.0;

    /** Unit roundoff of double (2⁻⁵²): the threshold of the near-breakdown tests. */
    static final double EPS = Math.ulp(1.0);

    final SolverMethod method;
    final LinearOperator a;
    final double[] b;
    final Preconditioner m;
    final SolverOptions o;
    /** ‖b‖₂. */
    final double bnorm;
    /** τ = max(tol·‖b‖, floor). */
    final double target;
    private final long t0;
    private double[] history;
    private int historyLength;
    private final int stagnationWindow;
    private double stagnationReference;
    private int stagnationIteration;
    /** ‖b − A·x‖, ‖r̄‖ and the normal-equation measure from the last {@link #measureLeastSquares}. */
    double lsResidual;
    double lsRbar;
    double lsNormal;
    private double frobenius = Double.NaN; // ‖Ā‖_F when A is a Matrix, −1 when it must be estimated

    private KrylovRun(SolverMethod method, LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
        this.method = method;
        this.a = a;
        this.b = b;
        this.m = m;
        this.o = o;
        this.bnorm = Blas.norm2(b);
        this.target = Math.max(o.relativeTolerance() * bnorm, o.absoluteTolerance());
        this.history = new double[(int) Math.min(o.maxIterations() + 1L, 1024)];
        this.stagnationWindow = Math.max(1000, Math.min(a.cols(), 10_000));
        this.stagnationReference = Double.POSITIVE_INFINITY;
        this.t0 = System.nanoTime();
    }

    /**
     * Validates a square solve and starts its clock.
     *
     * @param method the method, which names the result and the messages
     */
    static KrylovRun square(SolverMethod method, LinearOperator a, double[] b, Preconditioner m,
                            SolverOptions o) {
        Objects.requireNonNull(a, "the operator A is null");
        Objects.requireNonNull(o, "the solver options are null");
        Checks.checkSquare(a.rows(), a.cols(), method.displayName(), "use LSQR or LSMR for a rectangular least-squares problem");
        checkRhs(a, b);
        if (m != null && (m.rows() != a.rows() || m.cols() != a.cols())) {
            throw new IllegalArgumentException("the preconditioner is " + m.rows() + "×" + m.cols()
                    + ", but A is " + a.rows() + "×" + a.cols() + ": they must have the same shape");
        }
        return new KrylovRun(method, a, b, m, o);
    }

    /** Validates a least-squares solve (any shape) and starts its clock. */
    static KrylovRun leastSquares(SolverMethod method, LinearOperator a, double[] b, SolverOptions o) {
        Objects.requireNonNull(a, "the operator A is null");
        Objects.requireNonNull(o, "the solver options are null");
        checkRhs(a, b);
        return new KrylovRun(method, a, b, null, o);
    }

    private static void checkRhs(LinearOperator a, double[] b) {
        Objects.requireNonNull(b, "the right-hand side b is null");
        Checks.checkLength("b", b, a.rows(), "A", a.rows(), a.cols(), "its row count");
        Checks.checkFinite(b, "the right-hand side ", "b");
    }

    /** Whether a residual norm meets the target τ. */
    boolean met(double residualNorm) {
        return residualNorm <= target;
    }

    /** Appends the method's relative residual estimate to the history and tells the listener (iteration ≥ 1). */
    void record(int iteration, double relative) {
        append(relative);
        IterationListener l = o.listener();
        if (l != null) {
            l.onIteration(iteration, relative);
        }
    }

    /** history[0]: the estimate at the start. */
    void start(double relative) {
        append(relative);
    }

    private void append(double v) {
        if (historyLength == history.length) {
            history = Arrays.copyOf(history, (int) Math.min(2L * history.length, Integer.MAX_VALUE - 8));
        }
        history[historyLength++] = v;
    }

    /** r = b − A·x; returns ‖r‖₂. */
    double residual(double[] x, double[] r) {
        Blas.residual(a, x, b, r);
        return Blas.norm2(r);
    }

    /**
     * Whether the residual estimate has failed to halve over the last {@code max(1000, min(n, 10000))}
     * iterations (call once per iteration; a refresh restarts the watch through {@link #resetStagnation}).
     */
    boolean stagnated(int iteration, double estimate) {
        if (estimate <= 0.5 * stagnationReference) {
            stagnationReference = estimate;
            stagnationIteration = iteration;
            return false;
        }
        return iteration - stagnationIteration >= stagnationWindow;
    }

    void resetStagnation(int iteration, double estimate) {
        stagnationReference = estimate;
        stagnationIteration = iteration;
    }

    String stagnationDetail(int iteration, double relative) {
        return "the residual estimate did not halve over the last " + stagnationWindow + " iterations (relative residual "
                + fmt(relative) + " at iteration " + iteration + "); for a singular A, b may not be in the range of A";
    }

    String maxIterationsDetail(double relative) {
        return "the iteration limit of " + o.maxIterations() + " was reached with an estimated relative residual of "
                + fmt(relative) + " (target " + fmt(target / bnorm) + ")";
    }

    String maxIterationsDetailLeastSquares() {
        return "the iteration limit of " + o.maxIterations() + " was reached with min(relative residual, "
                + "normal-equation residual) estimated at " + fmt(history[historyLength - 1]) + " (tolerance "
                + fmt(o.relativeTolerance()) + ")";
    }

    /** The result for b = 0: x = 0 exactly, converged, no iterations, relative residual 0. */
    SolverResult zero(double[] x, boolean leastSquares) {
        return new SolverResult(method, precondKind(), x, true, StopReason.CONVERGED, "", 0, 0.0,
                leastSquares ? 0.0 : Double.NaN, new double[] {0.0}, shift(), seconds());
    }

    /**
     * The verdict of a square solve from the true residual (see the class comment).
     *
     * @param trueNorm ‖b − A·x‖ if the solver has just computed it for this x, else NaN
     * @param r        work vector of length n
     */
    SolverResult finish(double[] x, StopReason reason, String detail, int iterations, double trueNorm, double[] r) {
        double rn = Double.isNaN(trueNorm) ? residual(x, r) : trueNorm;
        double rel = rn / bnorm;
        boolean converged = false;
        if (!Double.isFinite(rn)) {
            if (reason != StopReason.NOT_FINITE) {
                reason = StopReason.NOT_FINITE;
                detail = "the final residual b − A·x is " + rn + ": A, the preconditioner or the iterates hold NaN or infinity";
            }
        } else if (reason == StopReason.CONVERGED) {
            if (rn <= target) { // a claim of convergence stands only on the true residual
                converged = true;
                detail = "";
            } else {
                reason = StopReason.STAGNATION;
                detail = driftDetail(rel);
            }
        } else if (historyLength > 1) {
            double estimate = history[historyLength - 1];
            if (rel > DRIFT_FACTOR * estimate || estimate > DRIFT_FACTOR * rel) {
                detail += "; the method's last residual estimate (" + fmt(estimate) + ") is more than 10× off the true "
                        + "relative residual " + fmt(rel) + ": the iterates drifted";
            }
        }
        return new SolverResult(method, precondKind(), x, converged, reason, detail, iterations, rel, Double.NaN,
                Arrays.copyOf(history, historyLength), shift(), seconds());
    }

    /**
     * Measures a least-squares iterate from scratch, for min ‖A·x − b‖² + λ²‖x‖² (λ = damping):
     * r = b − A·x and g = Aᵀr − λ²x (two products), then {@link #lsResidual} = ‖r‖,
     * {@link #lsRbar} = ‖r̄‖ = (‖r‖² + λ²‖x‖²)^½ and {@link #lsNormal} = ‖g‖/(‖Ā‖_F·‖r̄‖) with
     * ‖Ā‖_F² = ‖A‖_F² + n·λ² — the optimality measure of the damped problem, for λ = 0 exactly
     * ‖Aᵀr‖/(‖A‖_F·‖r‖). ‖A‖_F is exact when A is a {@link Matrix}; for another operator it is the
     * method's bidiagonalization estimate ‖B̄ₖ‖_F ≤ ‖Ā‖_F, which over-states the measure (never
     * flatters it). g = 0 gives 0.
     *
     * @param anormEstimate the method's estimate of ‖Ā‖_F
     * @param rm            work vector of length rows
     * @param gn            work vector of length cols
     */
    void measureLeastSquares(double[] x, double[] rm, double[] gn, double anormEstimate) {
        double lambda = o.damping();
        double rn = residual(x, rm);
        a.applyTranspose(rm, gn);
        for (int i = 0; i < gn.length; i++) {
            gn[i] -= lambda * lambda * x[i];
        }
        double gnorm = Blas.norm2(gn);
        if (Double.isNaN(frobenius)) {
            frobenius = a instanceof Matrix mat ? Math.hypot(mat.frobeniusNorm(), lambda * Math.sqrt(a.cols())) : -1.0;
        }
        double afro = frobenius >= 0.0 ? frobenius : anormEstimate;
        lsResidual = rn;
        lsRbar = Math.hypot(rn, lambda * Blas.norm2(x));
        lsNormal = gnorm == 0.0 ? 0.0 : gnorm / (afro * lsRbar);
        if (!Double.isFinite(gnorm)) {
            lsNormal = gnorm;
        }
    }

    /** Whether the last measurement meets the least-squares stopping rules: ‖r̄‖ ≤ τ or normal measure ≤ tol. */
    boolean leastSquaresMet() {
        return lsRbar <= target || lsNormal <= o.relativeTolerance();
    }

    /** What the first Golub–Kahan step found: α₁ and β₁, or the result when x = 0 already ends the solve. */
    record BidiagonalStart(double alpha, double beta, SolverResult finished) {
    }

    /**
     * The first step of the Golub–Kahan bidiagonalization that LSQR and LSMR share (Paige and Saunders 1982,
     * eq. 3.1): β₁·u₁ = b, α₁·v₁ = Aᵀ·u₁, leaving u₁, v₁, α₁ and β₁ in {@code g}; the later steps are {@link GolubKahan#step}. x = 0 ends the solve when the
     * absolute floor is above ‖b‖ or Aᵀb = 0 (x = 0 is optimal), and Aᵀb that is not finite stops it.
     */
    BidiagonalStart bidiagonalStart(double[] x, GolubKahan g) {
        double lambda = Math.abs(o.damping());
        double[] um = g.um;
        double[] vn = g.vn;
        if (met(bnorm)) { // the absolute floor is above ‖b‖: x = 0 meets it
            return new BidiagonalStart(0.0, bnorm, finishLeastSquares(x, StopReason.CONVERGED, "", 0, lambda, um, vn, false));
        }
        double beta = bnorm;
        Blas.scale(1.0 / beta, b, g.u);
        g.applyTranspose(g.u, g.v);
        double alpha = Blas.norm2(g.v);
        if (!Double.isFinite(alpha)) {
            return new BidiagonalStart(alpha, beta, finishLeastSquares(x, StopReason.NOT_FINITE, notFinite("Aᵀ·b", 0), 0,
                    lambda, um, vn, false));
        }
        if (alpha == 0.0) { // Aᵀb = 0: x = 0 is optimal
            return new BidiagonalStart(alpha, beta, finishLeastSquares(x, StopReason.CONVERGED, "", 0, lambda, um, vn, false));
        }
        Blas.scale(1.0 / alpha, g.v, g.v);
        g.alpha = alpha;
        g.beta = beta;
        return new BidiagonalStart(alpha, beta, null);
    }

    /**
     * The verdict of a least-squares solve (LSQR, LSMR) from {@link #measureLeastSquares} (done here
     * unless {@code measured} says the solver has just done it for this x): relativeResidual =
     * ‖r‖/‖b‖, normalResidual = the normal-equation measure. A claimed convergence stands when
     * ‖r̄‖ ≤ τ or the normal measure ≤ tol; else STAGNATION (the recurrence drifted).
     */
    SolverResult finishLeastSquares(double[] x, StopReason reason, String detail, int iterations, double anormEstimate,
                                    double[] rm, double[] gn, boolean measured) {
        if (!measured) {
            measureLeastSquares(x, rm, gn, anormEstimate);
        }
        double rel = lsResidual / bnorm;
        double normal = lsNormal;
        boolean converged = false;
        if (!Double.isFinite(lsRbar) || !Double.isFinite(normal)) {
            if (reason != StopReason.NOT_FINITE) {
                reason = StopReason.NOT_FINITE;
                detail = "the final residual b − A·x or Aᵀ(b − A·x) is not finite: A or the iterates hold NaN or infinity";
            }
        } else if (reason == StopReason.CONVERGED) {
            if (lsRbar <= target || normal <= o.relativeTolerance()) { // only on the true measures
                converged = true;
                detail = "";
            } else {
                reason = StopReason.STAGNATION;
                detail = "the recurrence drifted: it claimed convergence, but the true relative residual is " + fmt(rel)
                        + " and the true normal-equation residual ‖Āᵀr̄‖/(‖Ā‖·‖r̄‖) is " + fmt(normal)
                        + ", both above the tolerance " + fmt(o.relativeTolerance());
            }
        }
        return new SolverResult(method, PreconditionerKind.NONE, x, converged, reason, detail, iterations, rel, normal,
                Arrays.copyOf(history, historyLength), 0.0, seconds());
    }

    private String driftDetail(double rel) {
        return "the recurrence drifted: it claimed a residual within the target " + fmt(target / bnorm)
                + " (relative), but the true relative residual ‖b − A·x‖/‖b‖ is " + fmt(rel) + ", above it";
    }

    private PreconditionerKind precondKind() {
        return m == null ? PreconditionerKind.NONE : m.kind();
    }

    private double shift() {
        return m == null ? 0.0 : m.diagonalShift();
    }

    private double seconds() {
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** The detail of a product that produced NaN or ∞. */
    static String notFinite(String what, int iteration) {
        return what + " produced NaN or infinity at iteration " + iteration
                + ": A holds non-finite values or the iterates overflowed";
    }

    /** Three significant digits, locale-independent. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
