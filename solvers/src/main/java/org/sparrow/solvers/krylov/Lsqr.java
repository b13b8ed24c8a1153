package org.sparrow.solvers.krylov;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;

/**
 * LSQR for min ‖A·x − b‖² + λ²‖x‖² with A of any shape (m×n), λ = {@link SolverOptions#damping()}.
 *
 * <p>Paige and Saunders, "LSQR: an algorithm for sparse linear equations and sparse least squares",
 * ACM TOMS 8(1) (1982). The Golub–Kahan bidiagonalization from β₁u₁ = b, α₁v₁ = Aᵀu₁,
 * <pre>
 *   βᵢ₊₁uᵢ₊₁ = A·vᵢ − αᵢ·uᵢ,   αᵢ₊₁vᵢ₊₁ = Aᵀ·uᵢ₊₁ − βᵢ₊₁·vᵢ,
 * </pre>
 * then the QR factorization of the lower bidiagonal Bₖ by plane rotations, the damping eliminated
 * first by one more rotation per step (the paper's damped variant): from w₁ = v₁, φ̄₁ = β₁, ρ̄₁ = α₁,
 * <pre>
 *   ρ̂ = (ρ̄ᵢ² + λ²)^½,  ĉ = ρ̄ᵢ/ρ̂,  ŝ = λ/ρ̂,  ψᵢ = ŝ·φ̄ᵢ,  φ̄ᵢ ← ĉ·φ̄ᵢ
 *   ρᵢ = (ρ̂² + βᵢ₊₁²)^½,  cᵢ = ρ̂/ρᵢ,  sᵢ = βᵢ₊₁/ρᵢ,  θᵢ₊₁ = sᵢ·αᵢ₊₁,  ρ̄ᵢ₊₁ = −cᵢ·αᵢ₊₁
 *   φᵢ = cᵢ·φ̄ᵢ,  φ̄ᵢ₊₁ = sᵢ·φ̄ᵢ
 *   xᵢ = xᵢ₋₁ + (φᵢ/ρᵢ)·wᵢ,   wᵢ₊₁ = vᵢ₊₁ − (θᵢ₊₁/ρᵢ)·wᵢ
 * </pre>
 *
 * <p>Estimates, as in the paper: the residual of the damped problem ‖r̄ᵢ‖ = (φ̄ᵢ₊₁² + Σψ²)^½ with
 * r̄ = (b − A·x, −λ·x) (for λ = 0, ‖b − A·x‖); ‖Āᵀr̄ᵢ‖ = |φ̄ᵢ₊₁|·αᵢ₊₁·|cᵢ| with Ā = (A; λI), so
 * Āᵀr̄ = Aᵀr − λ²x; and ‖Ā‖_F ≈ ‖B̄ᵢ‖_F = (Σⱼ αⱼ² + βⱼ₊₁² + λ²)^½, a lower bound that grows towards
 * ‖Ā‖_F.
 *
 * <p>Stopping, exactly: the paper's rules S1 and S2 with ATOL = BTOL = tol, without the ATOL·‖A‖·‖x‖
 * term of S1 and without the condition-number rule S3:
 * <ol>
 *   <li>consistent systems: ‖r̄ᵢ‖ ≤ max(tol·‖b‖, floor);</li>
 *   <li>least squares: ‖Āᵀr̄ᵢ‖ / (‖B̄ᵢ‖_F·‖r̄ᵢ‖) ≤ tol.</li>
 * </ol>
 * The history and the listener get min(‖r̄ᵢ‖/‖b‖, ‖Āᵀr̄ᵢ‖/(‖B̄ᵢ‖_F·‖r̄ᵢ‖)), the smaller of the two
 * quantities tested, so the curve crosses the tolerance where the estimates meet it. When either rule
 * fires, r = b − A·x and Āᵀr̄ are recomputed from x (two products): the result's relativeResidual is
 * ‖b − A·x‖/‖b‖ and its normalResidual ‖Āᵀr̄‖/(‖Ā‖_F·‖r̄‖), ‖A‖_F exact when A is a
 * {@link org.sparrow.core.Matrix} and the estimate above otherwise (which over-states the measure).
 * If neither true value meets its rule — the estimates, built on a bidiagonalization that loses
 * orthogonality, ran ahead — the iteration goes on with the rule that fired tightened by the observed
 * ratio (at least halved), at most three times; a claim whose true values still miss both rules by
 * more than 10× is reported as STAGNATION (see the {@linkplain org.sparrow.solvers.krylov package}).
 * βᵢ₊₁ = 0 or αᵢ₊₁ = 0 ends the bidiagonalization (the Krylov space is exhausted): the estimate of
 * ‖Āᵀr̄‖ vanishes, and rule 2 stops the solve. When Aᵀb = 0, x = 0 is already optimal (0 iterations).
 *
 * <p>Cost per iteration: one product with A, one with Aᵀ, two norms and about 3m + 5n flops of
 * vector updates; two more products per confirmation. Stored: u and A·v (length m), v, Aᵀu, w and x
 * (length n).
 */
public final class Lsqr {

    private Lsqr() {
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
        KrylovRun run = KrylovRun.leastSquares("lsqr", a, b, o);
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
        double[] w = new double[cols];
        double lambda = o.damping();
        double tol = o.relativeTolerance();
        run.start(1.0);
        KrylovRun.BidiagonalStart start = run.bidiagonalStart(x, u, v, um, vn);
        if (start.finished() != null) {
            return start.finished();
        }
        double beta = start.beta();
        double alpha = start.alpha();
        double anorm2 = 0.0;
        int k = 0;
        StopReason reason;
        String detail = "";
        Blas.copy(v, w);
        double phibar = beta;
        double rhobar = alpha;
        double psi2 = 0.0; // Σψ², the part of ‖r̄‖² moved out by the damping rotations
        int maxIt = o.maxIterations();
        int refreshes = 0;
        boolean measured = false;
        double target1 = run.target; // the tests on the estimates; tightened after a failed confirmation
        double tol2 = tol;
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
                alpha = 0.0; // the bidiagonalization ended; the rotations below finish the solve
            }
            // eliminate the damping, then βᵢ₊₁
            double rhohat = Math.hypot(rhobar, lambda);
            double chat = rhobar / rhohat;
            double shat = lambda / rhohat;
            double psi = shat * phibar;
            phibar = chat * phibar;
            double rho = Math.hypot(rhohat, beta);
            double c = rhohat / rho;
            double s = beta / rho;
            double theta = s * alpha;
            rhobar = -c * alpha;
            double phi = c * phibar;
            phibar = s * phibar;
            // x = x + (φ/ρ)·w,  w = v − (θ/ρ)·w
            double fx = phi / rho;
            double fw = -theta / rho;
            for (int i = 0; i < cols; i++) {
                x[i] += fx * w[i];
                w[i] = v[i] + fw * w[i];
            }
            k++;
            psi2 += psi * psi;
            double rnorm = Math.hypot(phibar, Math.sqrt(psi2));
            double arnorm = Math.abs(phibar) * alpha * Math.abs(c);
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
