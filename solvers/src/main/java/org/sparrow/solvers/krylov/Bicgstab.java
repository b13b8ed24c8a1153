package org.sparrow.solvers.krylov;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.solvers.SolverMethod;

import static org.sparrow.solvers.krylov.KrylovRun.fmt;

import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * BiCGSTAB for a general square A·x = b, right-preconditioned (A·M⁻¹·y = b, x = M⁻¹·y).
 *
 * <p>van der Vorst, "Bi-CGSTAB: a fast and smoothly converging variant of Bi-CG for the solution of
 * nonsymmetric linear systems", SIAM J. Sci. Stat. Comput. 13(2) (1992), the preconditioned algorithm
 * given there; also Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed. (2003),
 * Algorithm 7.7, here with right preconditioning. From x₀ = 0, r₀ = b and the fixed shadow residual
 * r̂ = r₀:
 * <pre>
 *   ρᵢ = (r̂, rᵢ₋₁)                      βᵢ = (ρᵢ/ρᵢ₋₁)·(α/ω)
 *   pᵢ = rᵢ₋₁ + βᵢ·(pᵢ₋₁ − ω·vᵢ₋₁)      (p₁ = r₀)
 *   p̂ = M⁻¹·pᵢ,  vᵢ = A·p̂,             α = ρᵢ / (r̂, vᵢ)
 *   s = rᵢ₋₁ − α·vᵢ                      (if ‖s‖ meets the target: x += α·p̂, stop)
 *   ŝ = M⁻¹·s,  t = A·ŝ,                ω = (t, s) / (t, t)
 *   xᵢ = xᵢ₋₁ + α·p̂ + ω·ŝ,             rᵢ = s − ω·t
 * </pre>
 * Right preconditioning keeps r the unpreconditioned residual, so the estimate ‖rᵢ‖₂ (‖s‖₂ at the
 * half step) compares directly with the target; one iteration is one pass of the loop above (two
 * products with A), as in scipy.sparse.linalg.bicgstab. A claimed convergence is confirmed with the
 * true residual as the {@linkplain org.sparrow.solvers.krylov package} describes; on a miss the method
 * restarts from b − A·x, r̂ included.
 *
 * <p>Breakdowns, each reported as {@link StopReason#BREAKDOWN} naming the quantity that vanished
 * (ε the unit roundoff): ρ = (r̂, r) with |ρ| ≤ ε²·‖r̂‖·‖r‖ (the shadow residual became orthogonal to
 * the residual); (r̂, v) with |(r̂, v)| ≤ ε²·‖r̂‖·‖v‖ (α undefined); t = 0 while s ≠ 0 (ω undefined:
 * A·M⁻¹ maps s to 0, so A or M is singular); ω with |(t, s)| ≤ ε²·‖t‖·‖s‖ (the stabilizing step
 * stalled, and the next β would divide by ω). Stagnation: when the residual estimate has not halved
 * over max(1000, min(n, 10000)) iterations the solve stops with {@link StopReason#STAGNATION}
 * (typical of a singular A with b outside its range).
 *
 * <p>Cost per iteration: two products with A, two applications of M⁻¹, four inner products, three
 * norms and four vector updates, done in five sweeps over the vectors with {@link Blas}'s fused
 * kernels (the p update; (r̂, v) with ‖v‖; s = r − α·v with ‖s‖; (t, t) with (t, s); the x and r
 * updates with ‖r‖ and the next ρ), which give the unfused results bit for bit. Stored: x, r (shared with s), r̂, p, v, t, and p̂, ŝ when
 * preconditioned (6 or 8 vectors of n).
 */
public final class Bicgstab {

    /**
     * An inner product counts as vanished below this multiple of the product of the norms: ε², the
     * scale-free form of scipy's test against ε². (Cosines near ε occur in runs that go on to converge;
     * only a cosine that is zero to working precision squared stops the method.)
     */
    private static final double NEGLIGIBLE = KrylovRun.EPS * KrylovRun.EPS;

    private Bicgstab() {
    }

    /**
     * Solves A·x = b.
     *
     * @param a Input: a square n×n operator.
     * @param b Input: the right-hand side, length n, finite.
     * @param m Optional: a preconditioner applying M⁻¹ (on the right), or {@code null}.
     * @param o Input: tolerances, iteration limit and listener.
     * @return what happened; the solution is x (the last iterate when not converged)
     * @throws IllegalArgumentException if A is not square, b has the wrong length or a non-finite entry,
     *                                  or M's shape differs from A's
     */
    public static SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
        KrylovRun run = KrylovRun.square(SolverMethod.BICGSTAB, a, b, m, o);
        int n = b.length;
        double[] x = new double[n];
        if (run.bnorm == 0.0) {
            return run.zero(x, false);
        }
        double[] r = b.clone();
        double[] rhat = b.clone();
        double[] p = new double[n];
        double[] v = new double[n];
        double[] t = new double[n];
        double[] phat = m == null ? p : new double[n];
        double[] shat = m == null ? r : new double[n];
        run.start(1.0);
        if (run.met(run.bnorm)) {
            return run.finish(x, StopReason.CONVERGED, "", 0, run.bnorm, t);
        }

        int maxIt = o.maxIterations();
        int k = 0;
        int refreshes = 0;
        double rnorm = run.bnorm;
        double rhatNorm = run.bnorm;
        double rhoPrev = 1.0;
        double alpha = 1.0;
        double omega = 1.0;
        double trueNorm = Double.NaN;
        boolean first = true;
        double[] dots = new double[2]; // the fused kernels' two dot products
        double rhoNext = Double.NaN; // (r̂, r) from the closing sweep of the last iteration, NaN when it must be summed anew
        StopReason reason;
        String detail = "";
        run.resetStagnation(0, rnorm);
        while (true) {
            if (k >= maxIt) {
                reason = StopReason.MAX_ITERATIONS;
                detail = run.maxIterationsDetail(rnorm / run.bnorm);
                break;
            }
            double rho = Double.isNaN(rhoNext) ? Blas.dot(rhat, r) : rhoNext;
            rhoNext = Double.NaN;
            if (!Double.isFinite(rho)) {
                reason = StopReason.NOT_FINITE;
                detail = "ρ = (r̂, r) = " + rho + " at iteration " + (k + 1) + ": the residual holds NaN or infinity";
                break;
            }
            if (Math.abs(rho) <= NEGLIGIBLE * rhatNorm * rnorm) {
                reason = StopReason.BREAKDOWN;
                detail = "ρ = (r̂, r) = " + fmt(rho) + " vanished at iteration " + (k + 1)
                        + ": the shadow residual became orthogonal to the residual (try GMRES)";
                break;
            }
            if (first) {
                Blas.copy(r, p);
                first = false;
            } else {
                double beta = (rho / rhoPrev) * (alpha / omega);
                for (int i = 0; i < n; i++) { // p = r + β·(p − ω·v)
                    p[i] = r[i] + beta * (p[i] - omega * v[i]);
                }
            }
            if (m != null) {
                m.apply(p, phat);
            }
            a.apply(phat, v);
            Blas.dot2(v, rhat, v, dots); // (r̂, v) and (v, v) in one sweep
            double sigma = dots[0];
            if (!Double.isFinite(sigma)) {
                reason = StopReason.NOT_FINITE;
                detail = "A·M⁻¹·p produced NaN or infinity at iteration " + (k + 1) + " ((r̂, v) = " + sigma
                        + "): A or the preconditioner holds non-finite values, or the iterates overflowed";
                break;
            }
            if (Math.abs(sigma) <= NEGLIGIBLE * rhatNorm * Blas.norm2FromSquares(dots[1], v)) {
                reason = StopReason.BREAKDOWN;
                detail = "(r̂, v) = " + fmt(sigma) + " vanished at iteration " + (k + 1)
                        + " (v = A·M⁻¹·p), so α = ρ/(r̂, v) is undefined; A may be singular";
                break;
            }
            alpha = rho / sigma;
            double snorm = Blas.axpyNorm(-alpha, v, r); // r now holds s = r − α·v
            k++;
            trueNorm = Double.NaN;
            if (run.met(snorm)) { // half-step convergence
                Blas.axpy(alpha, phat, x);
                run.record(k, snorm / run.bnorm);
                trueNorm = run.residual(x, r);
                if (run.met(trueNorm) || ++refreshes > KrylovRun.MAX_REFRESHES) {
                    reason = StopReason.CONVERGED;
                    break;
                }
                rnorm = trueNorm;
                rhatNorm = restart(r, rhat, rnorm, run, k);
                first = true;
                continue;
            }
            if (m != null) {
                m.apply(r, shat);
            }
            a.apply(shat, t);
            Blas.dot2(t, t, r, dots); // (t, t) and (t, s) in one sweep
            double tt = dots[0];
            double ts = dots[1];
            if (!Double.isFinite(tt) || !Double.isFinite(ts)) {
                reason = StopReason.NOT_FINITE;
                detail = "A·M⁻¹·s produced NaN or infinity at iteration " + k + " ((t, t) = " + tt
                        + "): A or the preconditioner holds non-finite values, or the iterates overflowed";
                Blas.axpy(alpha, phat, x); // keep the finite half step
                break;
            }
            if (tt == 0.0) {
                Blas.axpy(alpha, phat, x);
                run.record(k, snorm / run.bnorm);
                reason = StopReason.BREAKDOWN;
                detail = "t = A·M⁻¹·s vanished at iteration " + k + " while ‖s‖ = " + fmt(snorm)
                        + ", so ω = (t, s)/(t, t) is undefined: A or the preconditioner is singular";
                break;
            }
            omega = ts / tt;
            // x = x + α·p̂ + ω·ŝ, r = s − ω·t, ‖r‖ and the next ρ = (r̂, r): one sweep
            Blas.axpbyAxpyDots(alpha, phat, omega, shat, x, -omega, t, r, rhat, dots);
            rnorm = Blas.norm2FromSquares(dots[0], r);
            rhoNext = dots[1];
            run.record(k, rnorm / run.bnorm);
            if (run.met(rnorm)) {
                rhoNext = Double.NaN; // r and r̂ are replaced below: ρ is summed anew
                trueNorm = run.residual(x, r);
                if (run.met(trueNorm) || ++refreshes > KrylovRun.MAX_REFRESHES) {
                    reason = StopReason.CONVERGED;
                    break;
                }
                rnorm = trueNorm;
                rhatNorm = restart(r, rhat, rnorm, run, k);
                first = true;
                continue;
            }
            if (Math.abs(ts) <= NEGLIGIBLE * Math.sqrt(tt) * snorm) {
                reason = StopReason.BREAKDOWN;
                detail = "ω = (t, s)/(t, t) = " + fmt(omega) + " vanished at iteration " + k
                        + ": the stabilizing step stalled (A·M⁻¹·s is orthogonal to s)";
                break;
            }
            if (run.stagnated(k, rnorm)) {
                reason = StopReason.STAGNATION;
                detail = run.stagnationDetail(k, rnorm / run.bnorm);
                break;
            }
            rhoPrev = rho;
        }
        return run.finish(x, reason, detail, k, trueNorm, t);
    }

    /** Restarts from the true residual now in r: the shadow residual becomes r; returns ‖r̂‖. */
    private static double restart(double[] r, double[] rhat, double rnorm, KrylovRun run, int k) {
        Blas.copy(r, rhat);
        run.resetStagnation(k, rnorm);
        return rnorm;
    }
}
