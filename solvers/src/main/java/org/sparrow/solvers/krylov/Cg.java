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
 * Preconditioned conjugate gradients for A·x = b with A symmetric positive definite.
 *
 * <p>Hestenes and Stiefel, "Methods of conjugate gradients for solving linear systems", J. Res. NBS
 * 49 (1952); in the preconditioned form of Saad, <i>Iterative Methods for Sparse Linear Systems</i>,
 * 2nd ed. (2003), Algorithm 9.1. From x₀ = 0, r₀ = b, z₀ = M⁻¹r₀, p₀ = z₀:
 * <pre>
 *   αⱼ = (rⱼ, zⱼ) / (A·pⱼ, pⱼ)
 *   xⱼ₊₁ = xⱼ + αⱼ·pⱼ          rⱼ₊₁ = rⱼ − αⱼ·A·pⱼ
 *   zⱼ₊₁ = M⁻¹·rⱼ₊₁            βⱼ = (rⱼ₊₁, zⱼ₊₁) / (rⱼ, zⱼ)
 *   pⱼ₊₁ = zⱼ₊₁ + βⱼ·pⱼ
 * </pre>
 * The residual estimate is ‖rⱼ‖₂ of the recursively updated, unpreconditioned residual — the test
 * scipy.sparse.linalg.cg makes, hence the same iteration counts. A claimed convergence is confirmed
 * with the true residual as the {@linkplain org.sparrow.solvers.krylov package} describes; on a miss r
 * is replaced by b − A·x and the directions restart from it.
 *
 * <p>Breakdowns: pᵀAp ≤ 0 (a direction of non-positive curvature: A is not positive definite) and,
 * with a preconditioner, rᵀM⁻¹r ≤ 0 (M is not positive definite) stop with
 * {@link StopReason#BREAKDOWN} and a detail giving the value and the iteration. A product that yields
 * NaN or ∞ stops with {@link StopReason#NOT_FINITE}. CG does not watch for stagnation: without a
 * breakdown it runs to convergence or the iteration limit.
 *
 * <p>Cost per iteration: one product with A, one application of M⁻¹, two inner products, one norm
 * and three vector updates; the x and r updates, ‖r‖ and (unpreconditioned) the next ρ = rᵀr share one
 * sweep ({@link Blas#axpyAxpyDot}, bit for bit the unfused sequence), so an unpreconditioned
 * iteration reads the vectors in three sweeps: pᵀ(A·p), that update, and p = z + β·p. Stored: x, r, p, A·p, and z when preconditioned (4 or 5 vectors of n).
 */
public final class Cg {

    private Cg() {
    }

    /**
     * Solves A·x = b.
     *
     * @param a Input: a symmetric positive definite n×n operator (symmetry is not checked).
     * @param b Input: the right-hand side, length n, finite.
     * @param m Optional: a symmetric positive definite preconditioner applying M⁻¹, or {@code null}.
     * @param o Input: tolerances, iteration limit and listener.
     * @return what happened; the solution is x (the last iterate when not converged)
     * @throws IllegalArgumentException if A is not square, b has the wrong length or a non-finite entry,
     *                                  or M's shape differs from A's
     */
    public static SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
        KrylovRun run = KrylovRun.square(SolverMethod.CG, a, b, m, o);
        int n = b.length;
        double[] x = new double[n];
        if (run.bnorm == 0.0) {
            return run.zero(x, false);
        }
        double[] r = b.clone();
        double[] z = m == null ? r : new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        run.start(1.0);
        if (run.met(run.bnorm)) {
            return run.finish(x, StopReason.CONVERGED, "", 0, run.bnorm, q);
        }

        int maxIt = o.maxIterations();
        int k = 0;
        int refreshes = 0;
        double rho = 0.0;
        double rnorm = run.bnorm;
        double trueNorm = Double.NaN;
        boolean restart = true;
        StopReason reason;
        String detail = "";
        while (true) {
            if (restart) { // p = z = M⁻¹r, from the start or from a replaced residual
                if (m != null) {
                    m.apply(r, z);
                }
                rho = Blas.dot(r, z);
                if (!(rho > 0.0)) {
                    reason = rhoFailure(rho);
                    detail = rhoDetail(rho, m, k + 1);
                    break;
                }
                Blas.copy(z, p);
                restart = false;
            }
            if (k >= maxIt) {
                reason = StopReason.MAX_ITERATIONS;
                detail = run.maxIterationsDetail(rnorm / run.bnorm);
                break;
            }
            a.apply(p, q);
            double pq = Blas.dot(p, q);
            if (!Double.isFinite(pq)) {
                reason = StopReason.NOT_FINITE;
                detail = "A·p produced NaN or infinity at iteration " + (k + 1) + " (pᵀAp = " + pq
                        + "): A holds non-finite values or the iterates overflowed";
                break;
            }
            if (pq <= 0.0) {
                reason = StopReason.BREAKDOWN;
                detail = "CG met non-positive curvature pᵀAp = " + fmt(pq) + " at iteration " + (k + 1)
                        + ": the matrix is not positive definite (MINRES handles symmetric indefinite matrices)";
                break;
            }
            double alpha = rho / pq;
            // x = x + α·p and r = r − α·A·p in one sweep, which also yields rᵀr (the next ρ without a preconditioner)
            double rr = Blas.axpyAxpyDot(alpha, p, x, -alpha, q, r);
            rnorm = Blas.norm2FromSquares(rr, r);
            k++;
            trueNorm = Double.NaN;
            run.record(k, rnorm / run.bnorm);
            if (run.met(rnorm)) {
                trueNorm = run.residual(x, r); // r is now the true residual
                if (run.met(trueNorm) || ++refreshes > KrylovRun.MAX_REFRESHES) {
                    reason = StopReason.CONVERGED;
                    break;
                }
                rnorm = trueNorm;
                restart = true;
                continue;
            }
            double rhoNext = rr; // z = r: ρ = rᵀr, already summed (bit for bit Blas.dot(r, r))
            if (m != null) {
                m.apply(r, z);
                rhoNext = Blas.dot(r, z);
            }
            if (!(rhoNext > 0.0)) {
                reason = rhoFailure(rhoNext);
                detail = rhoDetail(rhoNext, m, k + 1);
                break;
            }
            double beta = rhoNext / rho;
            rho = rhoNext;
            Blas.xpby(z, beta, p); // p = z + β·p
        }
        return run.finish(x, reason, detail, k, trueNorm, q);
    }

    private static StopReason rhoFailure(double rho) {
        return Double.isFinite(rho) ? StopReason.BREAKDOWN : StopReason.NOT_FINITE;
    }

    private static String rhoDetail(double rho, Preconditioner m, int iteration) {
        if (!Double.isFinite(rho)) {
            return (m == null ? "rᵀr" : "rᵀM⁻¹r") + " = " + rho + " at iteration " + iteration
                    + ": the preconditioner or the residual holds NaN or infinity";
        }
        if (m == null) {
            return "rᵀr underflowed to 0 at iteration " + iteration + " while ‖r‖ was above the target: rescale A and b";
        }
        return "CG needs a positive definite preconditioner, but rᵀM⁻¹r = " + fmt(rho) + " at iteration " + iteration
                + ": the preconditioner (" + m.name() + ") is not positive definite";
    }
}
