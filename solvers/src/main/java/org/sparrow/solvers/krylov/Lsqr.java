package org.sparrow.solvers.krylov;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.solvers.SolverMethod;

import org.sparrow.core.LinearOperator;

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
 * ratio (at least halved), at most three times; a claim whose true values then still miss both rules
 * is reported as STAGNATION (see the {@linkplain org.sparrow.solvers.krylov package}).
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
        LeastSquaresIteration it = new LeastSquaresIteration(SolverMethod.LSQR, a, b, o);
        if (it.finished() != null) {
            return it.finished();
        }
        GolubKahan g = it.g;
        double[] x = it.x;
        int cols = x.length;
        double lambda = it.lambda;
        double[] w = g.v.clone(); // w₁ = v₁
        double phibar = g.beta;
        double rhobar = g.alpha;
        double psi2 = 0.0; // Σψ², the part of ‖r̄‖² moved out by the damping rotations
        while (it.step()) { // βu = A·v − α·u,  αv = Aᵀ·u − β·v
            double alpha = g.alpha;
            double beta = g.beta;
            double[] v = g.v;
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
            psi2 += psi * psi;
            double rnorm = Math.hypot(phibar, Math.sqrt(psi2));
            double arnorm = Math.abs(phibar) * alpha * Math.abs(c);
            if (it.stop(rnorm, arnorm)) {
                break;
            }
        }
        return it.finish();
    }
}
