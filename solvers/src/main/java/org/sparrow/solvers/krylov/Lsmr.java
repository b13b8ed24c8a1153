package org.sparrow.solvers.krylov;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;

/**
 * LSMR for min ‖A·x − b‖² + λ²‖x‖² with A of any shape (m×n), λ = {@link SolverOptions#damping()}.
 *
 * <p>Fong and Saunders, "LSMR: an iterative algorithm for sparse least-squares problems", SIAM J.
 * Sci. Comput. 33(5) (2011), Algorithm 1 and its estimate of ‖r‖. LSMR is MINRES applied to the
 * normal equations (AᵀA + λ²I)·x = Aᵀb, built on the same Golub–Kahan bidiagonalization as
 * {@link Lsqr}: xₖ minimizes ‖Āᵀr̄ₖ‖ over the Krylov space (Ā = (A; λI), r̄ = (b − A·x, −λ·x)), so
 * ‖Āᵀr̄ₖ‖ decreases monotonically. With Bₖ the lower bidiagonal matrix of the α's and β's:
 * <pre>
 *   P̂ₖ: α̂ₖ = (ᾱₖ² + λ²)^½, ĉₖ = ᾱₖ/α̂ₖ, ŝₖ = λ/α̂ₖ                  (eliminates the damping)
 *   Pₖ: ρₖ = (α̂ₖ² + βₖ₊₁²)^½, cₖ = α̂ₖ/ρₖ, sₖ = βₖ₊₁/ρₖ,
 *       θₖ₊₁ = sₖ·αₖ₊₁, ᾱₖ₊₁ = cₖ·αₖ₊₁                                (QR of (Bₖ; λI) = Rₖ)
 *   P̄ₖ: θ̄ₖ = s̄ₖ₋₁·ρₖ, ρ̄ₖ = ((c̄ₖ₋₁ρₖ)² + θₖ₊₁²)^½, c̄ₖ = c̄ₖ₋₁ρₖ/ρ̄ₖ, s̄ₖ = θₖ₊₁/ρ̄ₖ,
 *       ζₖ = c̄ₖ·ζ̄ₖ, ζ̄ₖ₊₁ = −s̄ₖ·ζ̄ₖ                (QR of (Rₖᵀ; θₖ₊₁eₖᵀ), ζ̄₁ = α₁β₁)
 *   h̄ₖ = hₖ − (θ̄ₖρₖ/(ρₖ₋₁ρ̄ₖ₋₁))·h̄ₖ₋₁,  xₖ = xₖ₋₁ + (ζₖ/(ρₖρ̄ₖ))·h̄ₖ,  hₖ₊₁ = vₖ₊₁ − (θₖ₊₁/ρₖ)·hₖ
 * </pre>
 * Estimates: ‖Āᵀr̄ₖ‖ = |ζ̄ₖ₊₁|. ‖r̄ₖ‖: rₖ = Uₖ₊₁(β₁e₁ − Bₖyₖ), so the rotations P̂ₖ, Pₖ applied to
 * β₁e₁ give β̂ₖ, the final β̌ₖ of the damping rows and β̈ₖ₊₁; a further QR P̃ₖ₋₁ of R̄ₖᵀ turns
 * ‖β̂ − R̄ₖ⁻¹·(ζ₁ … ζₖ)‖ into a forward substitution (τ̃, τ̇), and
 * ‖r̄ₖ‖² = (β̇ₖ − τ̇ₖ)² + β̈ₖ₊₁² + Σⱼ β̌ⱼ² + Σⱼ (β̃ⱼ − τ̃ⱼ)². The last sum vanishes in exact arithmetic
 * (it stays at rounding level, ~1e-30 against ‖r̄‖² ~ 1e2 on ash219) and is kept rather than assumed.
 * ‖Ā‖_F ≈ ‖B̄ₖ‖_F as in LSQR.
 *
 * <p>Stopping, exactly: the LSQR rules with ATOL = BTOL = tol (no ATOL·‖A‖·‖x‖ term, no
 * condition-number rule): (1) ‖r̄ₖ‖ ≤ max(tol·‖b‖, floor), for consistent systems;
 * (2) ‖Āᵀr̄ₖ‖/(‖B̄ₖ‖_F·‖r̄ₖ‖) ≤ tol, for least squares. History, listener, the confirmation of a
 * claim with the true residuals (and the tightened rule on a miss) and the final verdict are as in
 * {@link Lsqr}.
 *
 * <p>Cost per iteration: one product with A, one with Aᵀ, two norms and about 3m + 7n flops of
 * vector updates; two more products per confirmation. Stored: u and A·v (length m), v, Aᵀu, h, h̄
 * and x (length n).
 */
public final class Lsmr {

    private Lsmr() {
    }

    /**
     * Solves min ‖A·x − b‖² + λ²‖x‖².
     *
     * @param a Input: an m×n operator (any shape; products with A and Aᵀ).
     * @param b Input: the right-hand side, length m, finite.
     * @param o Input: tolerances, iteration limit, damping λ and listener (restart and
     *          re-orthogonalization are ignored).
     * @return what happened; normalResidual holds the least-squares optimality measure
     * @throws IllegalArgumentException if b has the wrong length or a non-finite entry
     */
    public static SolverResult solve(LinearOperator a, double[] b, SolverOptions o) {
        KrylovRun run = KrylovRun.leastSquares("lsmr", a, b, o);
        int rows = a.rows();
        int cols = a.cols();
        double[] x = new double[cols];
        if (run.bnorm == 0.0) {
            return run.zero(x, true);
        }
        double[] u = new double[rows];
        double[] um = new double[rows];
        double[] v = new double[cols];
        double[] vn = new double[cols];
        double[] h = new double[cols];
        double[] hbar = new double[cols];
        double lambda = o.damping();
        double tol = o.relativeTolerance();
        run.start(1.0);
        KrylovRun.BidiagonalStart start = run.bidiagonalStart(x, u, v, um, vn);
        if (start.finished() != null) {
            return start.finished();
        }
        double beta = start.beta();
        double alpha = start.alpha();
        Blas.copy(v, h);

        // the QR recurrences
        double alphabar = alpha;
        double zetabar = alpha * beta;
        double rho = 1.0;
        double rhobar = 1.0;
        double cbar = 1.0;
        double sbar = 0.0;
        double zeta = 0.0;
        // the ‖r̄‖ recurrence
        double betadd = beta; // β̈
        double betad = 0.0; // β̇
        double rhodold = 1.0; // ρ̇
        double tautildeold = 0.0; // τ̃ₖ₋₂, then τ̃ₖ₋₁
        double thetatilde = 0.0; // θ̃
        double sumCheck2 = 0.0; // Σβ̌²
        double sumFinal2 = 0.0; // Σ(β̃ − τ̃)²
        double anorm2 = 0.0;

        int maxIt = o.maxIterations();
        int k = 0;
        int refreshes = 0;
        boolean measured = false;
        double target1 = run.target; // the tests on the estimates; tightened after a failed confirmation
        double tol2 = tol;
        StopReason reason;
        String detail = "";
        while (true) {
            if (k >= maxIt) {
                reason = StopReason.MAX_ITERATIONS;
                detail = run.maxIterationsDetailLeastSquares();
                break;
            }
            // bidiagonalization: βu = A·v − α·u,  αv = Aᵀ·u − β·v
            a.apply(v, um);
            for (int i = 0; i < rows; i++) {
                um[i] -= alpha * u[i];
            }
            double[] t = u;
            u = um;
            um = t;
            beta = Blas.norm2(u);
            if (!Double.isFinite(beta)) {
                reason = StopReason.NOT_FINITE;
                detail = KrylovRun.notFinite("A·v", k + 1);
                break;
            }
            anorm2 += alpha * alpha + beta * beta + lambda * lambda;
            if (beta > 0.0) {
                Blas.scale(1.0 / beta, u, u);
                a.applyTranspose(u, vn);
                for (int i = 0; i < cols; i++) {
                    vn[i] -= beta * v[i];
                }
                t = v;
                v = vn;
                vn = t;
                alpha = Blas.norm2(v);
                if (!Double.isFinite(alpha)) {
                    reason = StopReason.NOT_FINITE;
                    detail = KrylovRun.notFinite("Aᵀ·u", k + 1);
                    break;
                }
                if (alpha > 0.0) {
                    Blas.scale(1.0 / alpha, v, v);
                }
            } else {
                alpha = 0.0;
            }
            // P̂ₖ (damping)
            double alphahat = Math.hypot(alphabar, lambda);
            double chat = alphabar / alphahat;
            double shat = lambda / alphahat;
            // Pₖ
            double rhoold = rho;
            rho = Math.hypot(alphahat, beta);
            double c = alphahat / rho;
            double s = beta / rho;
            double thetanew = s * alpha;
            alphabar = c * alpha;
            // P̄ₖ
            double rhobarold = rhobar;
            double zetaold = zeta;
            double thetabar = sbar * rho;
            double rhotemp = cbar * rho;
            rhobar = Math.hypot(rhotemp, thetanew);
            cbar = rhotemp / rhobar;
            sbar = thetanew / rhobar;
            zeta = cbar * zetabar;
            zetabar = -sbar * zetabar;
            // h̄ = h − (θ̄ₖρₖ/(ρₖ₋₁ρ̄ₖ₋₁))·h̄,  x = x + (ζ/(ρρ̄))·h̄,  h = v − (θ/ρ)·h
            double fhbar = -(thetabar * rho) / (rhoold * rhobarold);
            double fx = zeta / (rho * rhobar);
            double fh = -thetanew / rho;
            for (int i = 0; i < cols; i++) {
                double hb = h[i] + fhbar * hbar[i];
                hbar[i] = hb;
                x[i] += fx * hb;
                h[i] = v[i] + fh * h[i];
            }
            k++;
            // ‖r̄ₖ‖: rotate β̈ by P̂ₖ and Pₖ, then P̃ₖ₋₁ on (ρ̇ₖ₋₁, θ̄ₖ)
            double betaacute = chat * betadd;
            double betacheck = -shat * betadd;
            double betahat = c * betaacute;
            betadd = -s * betaacute;
            double rhotildeold = Math.hypot(rhodold, thetabar);
            double ctildeold = rhodold / rhotildeold;
            double stildeold = thetabar / rhotildeold;
            double thetatildeNext = stildeold * rhobar;
            rhodold = ctildeold * rhobar;
            double betatilde = ctildeold * betad + stildeold * betahat;
            betad = -stildeold * betad + ctildeold * betahat;
            tautildeold = (zetaold - thetatilde * tautildeold) / rhotildeold;
            double dfinal = betatilde - tautildeold;
            sumFinal2 += dfinal * dfinal;
            thetatilde = thetatildeNext;
            double taud = (zeta - thetatilde * tautildeold) / rhodold;
            sumCheck2 += betacheck * betacheck;
            double dlast = betad - taud;
            double rnorm = Math.sqrt(dlast * dlast + betadd * betadd + sumCheck2 + sumFinal2);

            double arnorm = Math.abs(zetabar);
            double anorm = Math.sqrt(anorm2);
            double test1 = rnorm / run.bnorm;
            double test2 = rnorm == 0.0 ? 0.0 : arnorm / (anorm * rnorm);
            run.record(k, Math.min(test1, test2));
            measured = false;
            boolean rule1 = rnorm <= target1;
            boolean rule2 = test2 <= tol2;
            if (rule1 || rule2) { // confirm with the true residuals
                run.measureLeastSquares(x, um, vn, anorm);
                measured = true;
                if (!Double.isFinite(run.lsRbar) || !Double.isFinite(run.lsNormal)) {
                    reason = StopReason.NOT_FINITE;
                    detail = KrylovRun.notFinite("b − A·x or Aᵀ(b − A·x)", k);
                    break;
                }
                if (run.leastSquaresMet() || ++refreshes > KrylovRun.MAX_REFRESHES) {
                    reason = StopReason.CONVERGED;
                    break;
                }
                if (rule1) { // the estimate ran ahead of the truth: tighten by the observed ratio
                    target1 *= Math.min(0.5, Math.max(1e-3, run.target / run.lsRbar));
                }
                if (rule2) {
                    tol2 *= Math.min(0.5, Math.max(1e-3, tol / run.lsNormal));
                }
            }
        }
        return run.finishLeastSquares(x, reason, detail, k, Math.sqrt(anorm2), um, vn, measured);
    }
}
