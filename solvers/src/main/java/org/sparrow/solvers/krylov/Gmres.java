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
 * Restarted GMRES(m) for a general square A·x = b, right-preconditioned (A·M⁻¹·y = b, x = M⁻¹·y).
 *
 * <p>Saad and Schultz, "GMRES: a generalized minimal residual algorithm for solving nonsymmetric
 * linear systems", SIAM J. Sci. Stat. Comput. 7(3) (1986): Arnoldi with modified Gram–Schmidt and the
 * QR factorization of the Hessenberg matrix by Givens rotations; right preconditioning as in Saad,
 * <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed. (2003), Algorithm 9.5. Each cycle starts
 * from the true residual r₀ = b − A·x₀, β = ‖r₀‖, v₁ = r₀/β, g = β·e₁, and for j = 1 … m:
 * <pre>
 *   w = A·M⁻¹·vⱼ
 *   hᵢⱼ = (w, vᵢ),  w = w − hᵢⱼ·vᵢ   for i = 1 … j     (modified Gram–Schmidt; with
 *                                                     re-orthogonalization a second pass adds
 *                                                     its coefficients to hᵢⱼ)
 *   hⱼ₊₁,ⱼ = ‖w‖,  vⱼ₊₁ = w/hⱼ₊₁,ⱼ
 *   apply G₁ … Gⱼ₋₁ to column j of H, then Gⱼ = [c s; −s c] with ρ = (hⱼⱼ² + hⱼ₊₁,ⱼ²)^½,
 *   c = hⱼⱼ/ρ, s = hⱼ₊₁,ⱼ/ρ, which zeroes hⱼ₊₁,ⱼ;  (gⱼ, gⱼ₊₁) ← (c·gⱼ, −s·gⱼ)
 * </pre>
 * |gⱼ₊₁| is the minimal ‖b − A·x‖ over x₀ + M⁻¹·span(v₁ … vⱼ), so it is the residual estimate, at no
 * extra product. When the cycle ends (or the estimate meets the target) Rⱼ·y = (g₁ … gⱼ) is solved by
 * back substitution and x = x₀ + M⁻¹·(Vⱼ·y). One iteration is one inner step (one product with A);
 * {@link SolverOptions#maxIterations()} counts inner steps over all cycles.
 *
 * <p>Happy breakdown: hⱼ₊₁,ⱼ ≤ 16ε·‖A·M⁻¹·vⱼ‖ (ε the unit roundoff) means the Krylov space is
 * invariant and its minimal residual is the exact solution: the cycle ends and, after the true
 * residual agrees, the solve reports convergence. If A is singular on that space (the rotated
 * diagonal entry is also ≤ 16ε·‖A·M⁻¹·vⱼ‖) the solve stops with {@link StopReason#BREAKDOWN}, x
 * minimizing the residual over it. Every cycle starts with the true residual, which is also the
 * confirmation the {@linkplain org.sparrow.solvers.krylov package} describes. Stagnation: a full cycle
 * of m steps that lowers the true residual by less than a relative 10⁻¹⁰ would repeat itself forever,
 * so the solve stops with {@link StopReason#STAGNATION}.
 *
 * <p>Cost per inner step j: one product with A, one application of M⁻¹, j inner products and j
 * vector updates for Gram–Schmidt (twice that with re-orthogonalization), two norms, O(j) for the
 * rotations. The vector work takes j + 2 sweeps over w rather than 2j + 2: {@link Blas#dot2} gives
 * ‖w‖ with the first coefficient, and each removal {@link Blas#axpyDot} the next coefficient (the
 * last, {@link Blas#axpyNorm}, the new norm), bit for bit the unfused loop; one more product with A per cycle for the true residual. Stored: the m + 1 basis
 * vectors of n, x, w and (preconditioned) M⁻¹·vⱼ, plus the (m + 1)×m Hessenberg matrix.
 */
public final class Gmres {

    /** hⱼ₊₁,ⱼ ≤ this·‖A·M⁻¹·vⱼ‖ is a happy breakdown: the new direction would be rounding noise. */
    private static final double HAPPY = 16 * KrylovRun.EPS;

    /** A cycle must lower the true residual by at least this relative amount to count as progress. */
    private static final double PROGRESS = 1e-10;

    private Gmres() {
    }

    /**
     * Solves A·x = b.
     *
     * @param a Input: a square n×n operator.
     * @param b Input: the right-hand side, length n, finite.
     * @param m Optional: a preconditioner applying M⁻¹ (on the right), or {@code null}.
     * @param o Input: tolerances, iteration limit (inner steps), restart length m
     *          ({@link SolverOptions#restart()}, capped at n), re-orthogonalization, listener.
     * @return what happened; the solution is x (the last iterate when not converged)
     * @throws IllegalArgumentException if A is not square, b has the wrong length or a non-finite entry,
     *                                  or M's shape differs from A's
     */
    public static SolverResult solve(LinearOperator a, double[] b, Preconditioner m, SolverOptions o) {
        KrylovRun run = KrylovRun.square(SolverMethod.GMRES, a, b, m, o);
        int n = b.length;
        double[] x = new double[n];
        if (run.bnorm == 0.0) {
            return run.zero(x, false);
        }
        int mr = Math.min(o.restart(), n);
        double[][] v = new double[mr + 1][n];
        double[][] h = new double[mr][mr + 1]; // h[j][i] = H(i, j): column j of the Hessenberg matrix
        double[] cs = new double[mr];
        double[] sn = new double[mr];
        double[] g = new double[mr + 1];
        double[] y = new double[mr];
        double[] w = new double[n];
        double[] z = m == null ? null : new double[n];
        double[] dots = new double[2]; // the fused kernels' two dot products
        boolean reorth = o.reorthogonalize();
        int maxIt = o.maxIterations();
        run.start(1.0);

        int k = 0;
        int refreshes = 0;
        boolean claimed = false;
        boolean fullCycle = false;
        double beta = run.bnorm;
        double previousBeta = Double.POSITIVE_INFINITY;
        double estimate = run.bnorm;
        StopReason reason;
        String detail = "";
        System.arraycopy(b, 0, v[0], 0, n); // x₀ = 0: r₀ = b without a product
        while (true) {
            // The cycle starts from the true residual, now in v[0] with norm beta.
            if (!Double.isFinite(beta)) {
                reason = StopReason.NOT_FINITE;
                detail = "the residual b − A·x became " + beta + " after " + k + " iterations: A or the preconditioner holds non-finite values";
                break;
            }
            if (run.met(beta)) {
                reason = StopReason.CONVERGED;
                break;
            }
            if (claimed && ++refreshes > KrylovRun.MAX_REFRESHES) {
                reason = StopReason.CONVERGED; // the verdict keeps it only if the true residual is ≤ τ
                break;
            }
            if (fullCycle && beta > (1.0 - PROGRESS) * previousBeta) {
                reason = StopReason.STAGNATION;
                detail = "GMRES(" + mr + ") made no progress over a full restart cycle (true relative residual "
                        + fmt(beta / run.bnorm) + " after " + k + " iterations): increase the restart length or precondition";
                break;
            }
            if (k >= maxIt) {
                reason = StopReason.MAX_ITERATIONS;
                detail = run.maxIterationsDetail(beta / run.bnorm);
                break;
            }
            previousBeta = beta;
            claimed = false;
            Blas.scale(1.0 / beta, v[0], v[0]);
            Arrays.fill(g, 0.0);
            g[0] = beta;

            int j = 0; // columns of H built in this cycle
            StopReason inner = null;
            while (j < mr && k < maxIt) {
                double[] zj = v[j];
                if (m != null) {
                    m.apply(v[j], z);
                    zj = z;
                }
                double[] wj = v[j + 1];
                a.apply(zj, wj);
                Blas.dot2(wj, wj, v[0], dots); // ‖w‖² and the first Gram–Schmidt coefficient (w, v₀), one sweep
                double wnorm = Blas.norm2FromSquares(dots[0], wj);
                if (!Double.isFinite(wnorm)) {
                    inner = StopReason.NOT_FINITE;
                    detail = "A·M⁻¹·v produced NaN or infinity at iteration " + (k + 1)
                            + ": A or the preconditioner holds non-finite values, or the iterates overflowed";
                    break;
                }
                double[] hj = h[j];
                // Modified Gram–Schmidt, hᵢⱼ = (w, vᵢ) and w = w − hᵢⱼ·vᵢ for i = 0 … j: each removal sweeps w
                // once and yields the next coefficient (the last one ‖w‖), bit for bit the dot-then-axpy loop.
                double hnext = Double.NaN;
                double hij = dots[1];
                for (int i = 0; i <= j; i++) {
                    hj[i] = hij;
                    if (i < j) {
                        hij = Blas.axpyDot(-hij, v[i], wj, v[i + 1]);
                    } else if (reorth) {
                        hij = Blas.axpyDot(-hij, v[i], wj, v[0]);
                    } else {
                        hnext = Blas.axpyNorm(-hij, v[i], wj);
                    }
                }
                if (reorth) { // a second pass, its coefficients added to the first
                    for (int i = 0; i <= j; i++) {
                        hj[i] += hij;
                        if (i < j) {
                            hij = Blas.axpyDot(-hij, v[i], wj, v[i + 1]);
                        } else {
                            hnext = Blas.axpyNorm(-hij, v[i], wj);
                        }
                    }
                }
                boolean happy = hnext <= HAPPY * wnorm;
                if (happy) {
                    hnext = 0.0;
                } else {
                    Blas.scale(1.0 / hnext, wj, wj);
                }
                hj[j + 1] = hnext;
                for (int i = 0; i < j; i++) { // apply G₁ … Gⱼ₋₁
                    double t = cs[i] * hj[i] + sn[i] * hj[i + 1];
                    hj[i + 1] = -sn[i] * hj[i] + cs[i] * hj[i + 1];
                    hj[i] = t;
                }
                double diag = hj[j];
                double rr = Math.hypot(diag, hnext);
                k++;
                if (rr <= HAPPY * wnorm) { // happy breakdown with H singular: A is singular on the Krylov space
                    estimate = Math.abs(g[j]);
                    run.record(k, estimate / run.bnorm);
                    if (run.met(estimate)) { // the first j columns already solve it
                        claimed = true;
                        break;
                    }
                    inner = StopReason.BREAKDOWN;
                    detail = "GMRES found an invariant Krylov space on which A·M⁻¹ is singular at iteration " + k
                            + " (true relative residual reported below): A is singular and b is not in its range";
                    break; // column j is left out of the update
                }
                cs[j] = diag / rr;
                sn[j] = hnext / rr;
                hj[j] = rr;
                hj[j + 1] = 0.0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                j++;
                estimate = Math.abs(g[j]);
                run.record(k, estimate / run.bnorm);
                if (run.met(estimate) || happy) {
                    claimed = true;
                    break;
                }
            }
            fullCycle = j == mr;
            // x = x + M⁻¹·(V·y) with R·y = g (back substitution over the j columns built)
            for (int i = j - 1; i >= 0; i--) {
                double s = g[i];
                for (int l = i + 1; l < j; l++) {
                    s -= h[l][i] * y[l];
                }
                y[i] = s / h[i][i];
            }
            if (m == null) {
                for (int i = 0; i < j; i++) {
                    Blas.axpy(y[i], v[i], x);
                }
            } else {
                Arrays.fill(w, 0.0);
                for (int i = 0; i < j; i++) {
                    Blas.axpy(y[i], v[i], w);
                }
                m.apply(w, z);
                Blas.axpy(1.0, z, x);
            }
            if (inner != null) {
                reason = inner;
                break;
            }
            beta = run.residual(x, v[0]);
        }
        double trueNorm = reason == StopReason.NOT_FINITE || reason == StopReason.BREAKDOWN ? Double.NaN : beta;
        return run.finish(x, reason, detail, k, trueNorm, w);
    }
}
