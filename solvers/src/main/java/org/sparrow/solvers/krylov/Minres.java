package org.sparrow.solvers.krylov;

import org.sparrow.solvers.StopReason;

import org.sparrow.solvers.SolverOptions;

import org.sparrow.solvers.SolverResult;

import org.sparrow.solvers.SolverMethod;

import static org.sparrow.solvers.krylov.KrylovRun.fmt;

import java.util.Arrays;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * MINRES for A·x = b with A symmetric, possibly indefinite, and an optional symmetric positive
 * definite preconditioner M.
 *
 * <p>Paige and Saunders, "Solution of sparse indefinite systems of linear equations", SIAM J. Numer.
 * Anal. 12(4) (1975): the Lanczos process on the preconditioned operator L⁻¹·A·L⁻ᵀ (M = L·Lᵀ, never
 * formed) builds the tridiagonal Tₖ, and xₖ minimizes ‖b − A·x‖ in the M⁻¹-norm over the Krylov space
 * through the QR factorization of the (k+1)×k matrix T̲ₖ by Givens rotations. With vₖ the
 * M⁻¹-orthonormal Lanczos vectors, zₖ = M⁻¹·vₖ, β₁v₁ = b and β₁ = (bᵀM⁻¹b)^½:
 * <pre>
 *   αₖ = zₖᵀ·A·zₖ,  u = A·zₖ − αₖ·vₖ − βₖ·vₖ₋₁,  βₖ₊₁ = (uᵀM⁻¹u)^½,  vₖ₊₁ = u/βₖ₊₁
 *   column k of T̲ₖ, (βₖ, αₖ, βₖ₊₁), rotated by Gₖ₋₂ and Gₖ₋₁:
 *       εₖ = sₖ₋₂·βₖ,  δ̄ = cₖ₋₂·βₖ,  δₖ = cₖ₋₁·δ̄ + sₖ₋₁·αₖ,  γ̄ₖ = −sₖ₋₁·δ̄ + cₖ₋₁·αₖ
 *   Gₖ: γₖ = (γ̄ₖ² + βₖ₊₁²)^½,  cₖ = γ̄ₖ/γₖ,  sₖ = βₖ₊₁/γₖ
 *   τₖ = cₖ·φ̄ₖ₋₁,  φ̄ₖ = −sₖ·φ̄ₖ₋₁                        (φ̄₀ = β₁)
 *   dₖ = (zₖ − δₖ·dₖ₋₁ − εₖ·dₖ₋₂)/γₖ,   xₖ = xₖ₋₁ + τₖ·dₖ
 * </pre>
 * |φ̄ₖ| is the M⁻¹-norm of b − A·xₖ (without a preconditioner, its 2-norm). The estimate compared
 * with the target is |φ̄ₖ|·‖r₀‖₂/β₁, the relative M⁻¹-norm residual rescaled to the 2-norm of the
 * starting residual r₀; the history and the listener get it divided by ‖b‖ (before any restart
 * |φ̄ₖ|/β₁; without M exactly ‖rₖ‖/‖b‖). Because the two norms differ when M ≠ I, a claimed
 * convergence is always confirmed with the true residual (see the
 * {@linkplain org.sparrow.solvers.krylov package}); on a miss MINRES restarts from b − A·x with a
 * fresh Lanczos process.
 *
 * <p>Symmetry of A and M is assumed, not checked (a nonsymmetric A shows in the true residual). A
 * preconditioner with uᵀM⁻¹u &lt; −(16ε·‖T̲‖)² (or bᵀM⁻¹b ≤ 0) is not positive definite:
 * {@link StopReason#BREAKDOWN}. With ε the unit roundoff and ‖T̲‖ the largest column norm of T̲ₖ so
 * far: when βₖ₊₁ ≤ 16ε·‖T̲‖ the Krylov space is invariant and βₖ₊₁ is taken as 0, which makes φ̄ₖ = 0
 * (a claim the true residual then checks) — unless A is singular on that space (γₖ ≤ 16ε·‖T̲‖ as
 * well), which stops with {@link StopReason#BREAKDOWN}: b is then not in the range of A, and x
 * minimizes the residual over the space. When the estimate has not halved over
 * max(1000, min(n, 10000)) iterations the solve stops with {@link StopReason#STAGNATION} (MINRES's
 * residual never increases; a flat one means b has a component outside the range of a singular A).
 *
 * <p>Cost per iteration: one product with A, one application of M⁻¹, two inner products (one inner
 * product and a norm without M) and four vector updates. Stored: x, vₖ₋₁, vₖ, the next vector, dₖ₋₁,
 * dₖ₋₂, and zₖ, M⁻¹u when preconditioned (6 or 8 vectors of n).
 */
public final class Minres {

    /**
     * βₖ₊₁ ≤ this·‖T̲ₖ‖ counts as 0 (an invariant Krylov space), and so does γₖ (A singular on it): a
     * short recurrence that went on would build its next vector out of rounding noise, and its
     * residual estimate would drift away from the truth.
     */
    private static final double INVARIANT = 16 * KrylovRun.EPS;

    private Minres() {
    }

    /**
     * Solves A·x = b.
     *
     * @param a Input: a symmetric n×n operator, definite or not (symmetry is not checked).
     * @param b Input: the right-hand side, length n, finite.
     * @param m Optional: a symmetric positive definite preconditioner applying M⁻¹, or {@code null}.
     * @param o Input: tolerances, iteration limit and listener.
     * @return what happened; the solution is x (the last iterate when not converged)
     * @throws IllegalArgumentException if A is not square, b has the wrong length or a non-finite entry,
     *                                  or M's shape differs from A's
     */
    public static SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
        KrylovRun run = KrylovRun.square(SolverMethod.MINRES, a, b, m, o);
        int n = b.length;
        double[] x = new double[n];
        if (run.bnorm == 0.0) {
            return run.zero(x, false);
        }
        double[] vOld = new double[n];
        double[] v = b.clone();
        double[] w = new double[n];
        double[] z = m == null ? v : new double[n];
        double[] q = m == null ? w : new double[n];
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        run.start(1.0);
        if (run.met(run.bnorm)) {
            return run.finish(x, StopReason.CONVERGED, "", 0, run.bnorm, w);
        }

        int maxIt = o.maxIterations();
        int k = 0;
        int refreshes = 0;
        double r0norm = run.bnorm; // 2-norm of the residual the Lanczos process starts from (in v)
        double trueNorm = Double.NaN;
        StopReason reason;
        String detail = "";
        run.resetStagnation(0, r0norm);
        outer:
        while (true) {
            double beta1;
            if (m != null) {
                m.apply(v, z);
                double sq = Blas.dot(v, z);
                if (!(sq > 0.0)) {
                    reason = Double.isFinite(sq) ? StopReason.BREAKDOWN : StopReason.NOT_FINITE;
                    detail = precondDetail(sq, m, k + 1);
                    break;
                }
                beta1 = Math.sqrt(sq);
                Blas.scale(1.0 / beta1, z, z);
            } else {
                beta1 = r0norm;
            }
            Blas.scale(1.0 / beta1, v, v);
            double scale = r0norm / beta1; // M⁻¹-norm estimate → 2-norm scale of the start
            Arrays.fill(vOld, 0.0);
            Arrays.fill(d1, 0.0);
            Arrays.fill(d2, 0.0);
            double beta = 0.0; // βₖ (multiplies vₖ₋₁ = 0 at the first step)
            double c1 = 1.0;
            double s1 = 0.0; // Gₖ₋₁
            double c2 = 1.0;
            double s2 = 0.0; // Gₖ₋₂
            double phibar = beta1;
            double tnorm = 0.0; // largest column norm of T̲ₖ so far: a lower bound on ‖L⁻¹AL⁻ᵀ‖
            while (true) {
                if (k >= maxIt) {
                    reason = StopReason.MAX_ITERATIONS;
                    detail = run.maxIterationsDetail(Math.abs(phibar) * scale / run.bnorm);
                    break outer;
                }
                a.apply(z, w);
                double alpha = Blas.dot(z, w);
                if (!Double.isFinite(alpha)) {
                    reason = StopReason.NOT_FINITE;
                    detail = "A·z produced NaN or infinity at iteration " + (k + 1) + " (zᵀAz = " + alpha
                            + "): A holds non-finite values or the iterates overflowed";
                    break outer;
                }
                for (int i = 0; i < n; i++) { // u = A·zₖ − αₖ·vₖ − βₖ·vₖ₋₁
                    w[i] -= alpha * v[i] + beta * vOld[i];
                }
                double betaNext;
                if (m != null) {
                    m.apply(w, q);
                    double sq = Blas.dot(w, q);
                    double floor = INVARIANT * Math.max(tnorm, Math.abs(alpha));
                    if (sq < 0.0 && sq >= -floor * floor) {
                        sq = 0.0; // rounding around an invariant space, not an indefinite M
                    }
                    if (!(sq >= 0.0)) {
                        reason = Double.isFinite(sq) ? StopReason.BREAKDOWN : StopReason.NOT_FINITE;
                        detail = precondDetail(sq, m, k + 1);
                        break outer;
                    }
                    betaNext = Math.sqrt(sq);
                } else {
                    betaNext = Blas.norm2(w);
                    if (!Double.isFinite(betaNext)) {
                        reason = StopReason.NOT_FINITE;
                        detail = "the Lanczos vector became " + betaNext + " at iteration " + (k + 1)
                                + ": the iterates overflowed";
                        break outer;
                    }
                }
                double betaSub = beta; // entry above the diagonal in column k (0 for the first column)
                tnorm = Math.max(tnorm, Math.hypot(Math.hypot(betaSub, alpha), betaNext));
                if (betaNext <= INVARIANT * tnorm) {
                    betaNext = 0.0; // the Krylov space is invariant: what follows would be rounding noise
                }
                // QR of T̲ₖ: rotate column k by Gₖ₋₂, Gₖ₋₁, then build Gₖ
                double eps = s2 * betaSub;
                double dbar = c2 * betaSub;
                double delta = c1 * dbar + s1 * alpha;
                double gbar = -s1 * dbar + c1 * alpha;
                double gamma = Math.hypot(gbar, betaNext);
                k++;
                if (gamma <= INVARIANT * tnorm) {
                    run.record(k, Math.abs(phibar) * scale / run.bnorm);
                    reason = StopReason.BREAKDOWN;
                    detail = "the Krylov space became invariant with A singular on it at iteration " + k
                            + " (βₖ₊₁ and γₖ vanished): A is singular and b is not in its range; x minimizes the"
                            + " residual over that space";
                    break outer;
                }
                double c = gbar / gamma;
                double s = betaNext / gamma;
                double tau = c * phibar;
                phibar = -s * phibar;
                double inv = 1.0 / gamma;
                for (int i = 0; i < n; i++) { // one sweep for both updates:
                    double di = (z[i] - delta * d1[i] - eps * d2[i]) * inv; // dₖ = (zₖ − δₖ·dₖ₋₁ − εₖ·dₖ₋₂)/γₖ
                    d2[i] = di; // into dₖ₋₂'s array
                    x[i] += tau * di; // xₖ = xₖ₋₁ + τₖ·dₖ
                }
                double[] t = d2;
                d2 = d1;
                d1 = t;
                trueNorm = Double.NaN;
                c2 = c1;
                s2 = s1;
                c1 = c;
                s1 = s;
                // vₖ₋₁ ← vₖ, vₖ ← u/βₖ₊₁, zₖ ← M⁻¹u/βₖ₊₁
                t = vOld;
                vOld = v;
                v = w;
                w = t;
                if (m != null) {
                    t = z;
                    z = q;
                    q = t;
                } else {
                    z = v;
                    q = w;
                }
                if (betaNext > 0.0) {
                    Blas.scale(1.0 / betaNext, v, v);
                    if (m != null) {
                        Blas.scale(1.0 / betaNext, z, z);
                    }
                }
                beta = betaNext;

                double estimate = Math.abs(phibar) * scale;
                run.record(k, estimate / run.bnorm);
                if (run.met(estimate)) {
                    trueNorm = run.residual(x, w);
                    if (run.met(trueNorm) || ++refreshes > KrylovRun.MAX_REFRESHES) {
                        reason = StopReason.CONVERGED;
                        break outer;
                    }
                    t = v; // restart the Lanczos process from the true residual, now in w
                    v = w;
                    w = t;
                    if (m == null) {
                        z = v;
                        q = w;
                    }
                    r0norm = trueNorm;
                    run.resetStagnation(k, trueNorm);
                    continue outer;
                }
                if (run.stagnated(k, estimate)) {
                    reason = StopReason.STAGNATION;
                    detail = run.stagnationDetail(k, estimate / run.bnorm);
                    break outer;
                }
            }
        }
        return run.finish(x, reason, detail, k, trueNorm, w);
    }

    private static String precondDetail(double sq, Preconditioner m, int iteration) {
        if (!Double.isFinite(sq)) {
            return "vᵀM⁻¹v = " + sq + " at iteration " + iteration + ": the preconditioner or A holds NaN or infinity";
        }
        return "MINRES needs a symmetric positive definite preconditioner, but vᵀM⁻¹v = " + fmt(sq) + " at iteration "
                + iteration + ": the preconditioner (" + m.name() + ") is not positive definite";
    }
}
