package org.sparrow.solvers.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.solvers.precond.Ic0;

/**
 * Sinkhorn-Newton-Sparse (SNS): Tang, Shavlovsky, Rahmanian, Tardini, Thekumparampil, Xiao and Ying,
 * "Accelerating Sinkhorn Algorithm with Sparse Newton Iterations", ICLR 2024 (arXiv 2401.12253),
 * Algorithm 1 of §4 ("Main algorithm"): N₁ Sinkhorn steps, then Newton steps whose Hessian is sparsified.
 *
 * <p><b>The potential</b> (the paper's §3, "Variational form of the Sinkhorn algorithm"): Sinkhorn maximizes
 * the concave Lyapunov potential
 * <pre>
 *   f(x, y) = −η⁻¹·Σᵢⱼ exp(η(xᵢ + yⱼ − Cᵢⱼ) − 1) + Σᵢ aᵢxᵢ + Σⱼ bⱼyⱼ,
 *   P(x, y)ᵢⱼ = exp(η(xᵢ + yⱼ − Cᵢⱼ) − 1),
 *   ∇f = (a − P·1, b − Pᵀ·1),      ∇²f = −η·[[diag(P·1), P], [Pᵀ, diag(Pᵀ·1)]],
 * </pre>
 * whose maximizer gives the entropic plan; the sums run over the allowed entries (a sparse cost's others
 * are forbidden, P is zero there). The marginal error ‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁ is ‖∇f‖₁. (Equation numbers
 * of the paper could not be checked offline; the sections and the algorithm are cited by name.)
 *
 * <p><b>A Newton step</b>, in scaled potentials u = η·x, v = η·y (so that ∇²f in (u, v) is −M/η and the
 * η's cancel): with g = ∇f,
 * <ol>
 *   <li>Sparsify: keep the k = ⌈λ·n·m⌉ largest entries of P (at most the allowed ones), found by selection
 *       ({@link Select}, expected O(n·m)), not by sorting; the diagonal keeps the exact row and column sums.
 *       The sparsified M = [[diag(P·1), P̃], [P̃ᵀ, diag(Pᵀ·1)]] is a Sparrow {@link CsrMatrix} of order n + m.
 *       Being symmetric and diagonally dominant with a non-negative diagonal, M is positive semidefinite.
 *       <b>Density growth</b> (an addition to Algorithm 1): when a Newton step does not at least halve the
 *       marginal error, the next step keeps twice as many entries, up to 32 per row of the longer side
 *       (λ ≤ 32/min(n, m)), since then the dropped part of P is too large for Newton's rate; near the optimum
 *       of a sharp plan the entries past the 32 largest of a row are below rounding, so the cap costs no
 *       accuracy ({@link OtOptions#withDensityGrowth(boolean) withDensityGrowth(false)} keeps λ fixed, as
 *       Algorithm 1 does; {@link OtResult#hessianDensity()} reports the density of the last step). With the
 *       paper's λ = 2/n fixed, the random assignment of the paper's Table 1 (n = 500,
 *       η = 1200) converged only linearly here (about 50 Newton steps instead of 6).</li>
 *   <li>Solve M·Δ = g by Sparrow's conjugate gradients ({@link Cg}) preconditioned by IC(0) ({@link Ic0}; M
 *       is an H-matrix, so the incomplete factorization exists), to a relative residual
 *       min(0.1, max(marginal error, 1e-12)) (an inexact Newton forcing term). The preconditioner matters:
 *       for a sharp plan M is close to a direct sum of singular 2×2 blocks [[p, p], [p, p]] (one per
 *       dominant entry), which IC(0) factors almost exactly while Jacobi leaves CG hundreds of iterations.</li>
 *   <li>Backtracking line search (Armijo, Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., 2006,
 *       Algorithm 3.1, c = 1e-4, halving): accept (u, v) + α·Δ when η·f increases by at least c·α·gᵀΔ. The
 *       change of η·f is computed as α·(a·Δu + b·Δv) − (ΣP_new − ΣP), without subtracting two values of f;
 *       when the predicted change α·gᵀΔ is below the rounding of that sum (≈ 1e-12 of the mass), a step
 *       that lowers the marginal error is accepted instead, since f can no longer resolve progress.</li>
 * </ol>
 *
 * <p><b>The null direction (1, −1).</b> f is unchanged by (x + t·1, y − t·1), so ∇²f·(1, −1) = 0 and the
 * dense Newton system is singular. The sparsified M keeps the exact diagonal, so M·(1, −1) is the mass
 * the sparsification dropped, (P·1 − P̃·1, −(Pᵀ·1 − P̃ᵀ·1)): M is positive definite on every connected
 * block from which anything was dropped, and singular only where nothing was (λ = 1, or a sparse block
 * kept whole). The right-hand side is projected onto the complement of (1, −1) (exactly orthogonal in
 * exact arithmetic since Σa = Σb, the projection removes rounding and the tolerated total mismatch), so
 * the system is consistent, and CG from zero on a consistent positive semidefinite system stays in the
 * range of M. Whatever component Δ has along (1, −1) does not change P or f.
 *
 * <p><b>The diagonal shift</b> (when {@link OtOptions#diagonalShift()}). Tang, Qiu et al., "Safe and Sparse
 * Newton Method for Entropic-Regularized Optimal Transport" (SSNS, NeurIPS 2024; implemented in the RegOT
 * library) make the sparsified system positive definite and well-posed by solving (H̃ + μ·‖g‖₂·I)·Δ = g, a
 * shift proportional to the gradient norm, with μ multiplied by 4 after a poor step and decreased after a
 * good one. Here, in the same form (M + μ·‖g‖₂·I)·Δ = g, the shift is used only when needed: when the plain
 * system is ill-posed (a row or column of the plan underflowed to zero, which makes M singular with a
 * nonzero gradient there: inconsistent), or when CG breaks down or the line search fails on the plain
 * direction. μ starts at 1e-2, is multiplied by 4 while the shifted step fails (up to 6 tries), and divided
 * by 4 after each full (α = 1) shifted step; once below 1e-4 the next steps are plain Newton steps again.
 * Each shifted step is counted in {@link OtResult#shiftedNewtonSteps()}. If no direction gives an
 * acceptable step, one Sinkhorn step is taken instead (it never decreases f) and counted as a Sinkhorn
 * iteration.
 *
 * <p>Cost per Newton step: one evaluation of P (n·m exponentials) per line-search trial (usually one),
 * one selection O(n·m), building M O(n·m + k), IC(0) O(Σ row nnz²) ≤ O(32·k), and the CG iterations
 * O(k + n + m) each. Workspaces are allocated once (and when the density grows); a step allocates only
 * what it hands to the solvers (the CsrMatrix wrapper, the IC(0) factor, CG's vectors of length n + m).
 */
final class SinkhornNewtonSparse {

    private static final double ARMIJO = 1e-4;
    private static final int HALVINGS = 12;
    private static final int SHIFT_TRIES = 6;
    private static final double MU_START = 1e-2;
    private static final double MU_FLOOR = 1e-4;
    /** The density grows up to this many kept entries per row (of the longer side). */
    private static final int GROWTH_CAP_PER_ROW = 32;

    private final OtEngine e;
    private final OtProblem p;
    private final OtRun run;
    private final boolean shiftAllowed;
    private final boolean growthAllowed;
    private final int n;
    private final int m;
    private final int order;
    private int keepTarget;
    private final long keepCap;
    // Trial state of the line search (swapped with the engine's on acceptance).
    private double[] uT;
    private double[] vT;
    private double[] planT;
    private double[] rsT;
    private double[] csT;
    private final double[] g;
    private final double[] rhs;
    private double[] sel;
    // The sparsified Hessian M: CSR arrays reused every step, the diagonal positions and values.
    private final int[] hPtr;
    private int[] hIdx;
    private double[] hVal;
    private final int[] diagPos;
    private final double[] diag;
    private int[] keptRow;
    private int[] keptCol;
    private double[] keptVal;
    private final int[] colCount;
    private double total;
    /** The shift multiplier: 0 while plain Newton steps work, else μ of the shift μ·‖g‖₂. */
    private double mu;
    private boolean fullStep;
    private double err;

    private SinkhornNewtonSparse(OtEngine e, OtRun run, OtOptions o) {
        this.e = e;
        this.p = e.p;
        this.run = run;
        this.shiftAllowed = o.diagonalShift();
        this.growthAllowed = o.densityGrowth();
        n = p.n;
        m = p.m;
        order = n + m;
        double lambda = o.densityFor(n);
        keepTarget = (int) Math.max(1, Math.min(p.nnz, Math.ceil(lambda * n * (double) m)));
        keepCap = Math.min(p.nnz, (long) GROWTH_CAP_PER_ROW * Math.max(n, m));
        uT = new double[n];
        vT = new double[m];
        planT = new double[p.nnz];
        rsT = new double[n];
        csT = new double[m];
        g = new double[order];
        rhs = new double[order];
        sel = keepTarget < p.nnz ? new double[p.nnz] : new double[0];
        hPtr = new int[order + 1];
        hIdx = new int[order + 2 * keepTarget];
        hVal = new double[order + 2 * keepTarget];
        diagPos = new int[order];
        diag = new double[order];
        keptRow = new int[keepTarget];
        keptCol = new int[keepTarget];
        keptVal = new double[keepTarget];
        colCount = new int[m + 1];
    }

    /** SNS: N₁ Sinkhorn steps, then Newton steps until the tolerance or the iteration limit. */
    static void run(OtEngine e, OtRun run, OtOptions o) {
        if (LogSinkhorn.run(e, run, o.sinkhornSteps()) || run.reason == StopReason.NOT_FINITE) {
            return;
        }
        new SinkhornNewtonSparse(e, run, o).newtonPhase();
    }

    private void newtonPhase() {
        total = e.evaluate(e.u, e.v, e.plan, e.rowSums, e.colSums);
        err = e.marginalError(e.rowSums, e.colSums);
        while (true) {
            if (!Double.isFinite(err)) {
                run.stop(StopReason.NOT_FINITE, "the marginal error became " + err + " after iteration "
                        + run.iterations() + ": the potentials overflowed");
                return;
            }
            if (err <= run.tolerance) {
                run.stop(StopReason.CONVERGED, "");
                return;
            }
            if (!run.roomLeft()) {
                run.stop(StopReason.MAX_ITERATIONS, "the marginal error is still " + err + " > " + run.tolerance
                        + " after " + run.iterations() + " iterations (the limit)");
                return;
            }
            for (int i = 0; i < n; i++) {
                g[i] = p.a[i] - e.rowSums[i];
            }
            for (int j = 0; j < m; j++) {
                g[n + j] = p.b[j] - e.colSums[j];
            }
            double before = err;
            buildHessian();
            run.hessianDensity = keepTarget / ((double) n * m);
            projectRhs();
            // The unshifted system is ill-posed when a row or column of the plan underflowed (a zero diagonal
            // with a nonzero gradient: inconsistent), and a shifted step was needed recently: go to the shift.
            boolean illPosed = shiftAllowed && (mu > 0 || hasZeroDiagonal());
            boolean stepped = !illPosed && tryStep(0.0);
            if (!stepped && shiftAllowed) {
                double gnorm = org.sparrow.core.ops.Blas.norm2(g);
                if (mu == 0.0) {
                    mu = MU_START;
                }
                for (int t = 0; t < SHIFT_TRIES && !stepped; t++) {
                    stepped = tryStep(mu * gnorm);
                    if (!stepped) {
                        mu *= 4.0; // SSNS: a poor step makes the shift larger
                    }
                }
                if (stepped) {
                    run.shiftedNewtonSteps++;
                    if (fullStep) {
                        mu = mu / 4.0 >= MU_FLOOR ? mu / 4.0 : 0.0; // a full step: back towards plain Newton
                    }
                } else {
                    mu = MU_START;
                }
            }
            if (stepped) {
                run.newtonIterations++;
                if (growthAllowed && err > 0.5 * before) {
                    grow();
                }
            } else { // a Sinkhorn step never decreases f: the safe fallback
                e.rowPass();
                e.applyRow();
                e.columnStep();
                run.sinkhornIterations++;
                total = e.evaluate(e.u, e.v, e.plan, e.rowSums, e.colSums);
                err = e.marginalError(e.rowSums, e.colSums);
            }
            run.record(err);
        }
    }

    /** Doubles the number of kept entries (up to all allowed ones), growing the workspaces once. */
    private void grow() {
        long cap = Math.max(keepCap, keepTarget);
        if (keepTarget >= cap) {
            return;
        }
        keepTarget = (int) Math.min(cap, 2L * keepTarget);
        if (keptRow.length < keepTarget) {
            keptRow = new int[keepTarget];
            keptCol = new int[keepTarget];
            keptVal = new double[keepTarget];
            hIdx = new int[order + 2 * keepTarget];
            hVal = new double[order + 2 * keepTarget];
        }
    }

    /** Keeps the keepTarget largest plan entries and assembles M (diagonal unshifted) in the CSR arrays. */
    private void buildHessian() {
        double[] plan = e.plan;
        int nnz = p.nnz;
        double tau = 0.0;
        int quota = Integer.MAX_VALUE; // entries equal to tau that may still be kept
        if (keepTarget < nnz) {
            if (sel.length < nnz) {
                sel = new double[nnz];
            }
            System.arraycopy(plan, 0, sel, 0, nnz);
            tau = Select.kthLargest(sel, nnz, keepTarget);
            int greater = 0;
            for (int k = 0; k < nnz; k++) {
                if (plan[k] > tau) {
                    greater++;
                }
            }
            quota = keepTarget - greater;
        }
        // Kept entries in row-major order (positive only: an underflowed entry carries nothing).
        int[] rowPtr = p.rowPtr;
        int[] colIdx = p.colIdx;
        int kept = 0;
        java.util.Arrays.fill(colCount, 0);
        for (int i = 0; i < n; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                double v = plan[k];
                if (v > tau || (v == tau && v > 0 && quota-- > 0)) {
                    keptRow[kept] = i;
                    keptCol[kept] = colIdx[k];
                    keptVal[kept] = v;
                    colCount[colIdx[k] + 1]++;
                    kept++;
                }
            }
        }
        // Rows 0..n−1 of M: the diagonal (column i), then P̃ at columns n + j (ascending).
        int q = 0;
        int s = 0;
        for (int i = 0; i < n; i++) {
            hPtr[i] = q;
            diagPos[i] = q;
            diag[i] = e.rowSums[i];
            hIdx[q] = i;
            hVal[q++] = diag[i];
            while (s < kept && keptRow[s] == i) {
                hIdx[q] = n + keptCol[s];
                hVal[q++] = keptVal[s++];
            }
        }
        // Rows n..n+m−1: P̃ᵀ at columns i (ascending: a stable counting sort of the kept entries by column),
        // then the diagonal at column n + j.
        for (int j = 0; j < m; j++) {
            colCount[j + 1] += colCount[j]; // kept entries in columns before j
        }
        for (int j = 0; j < m; j++) {
            hPtr[n + j] = q + colCount[j] + j; // one diagonal per earlier column
        }
        hPtr[order] = q + kept + m;
        for (int j = 0; j < m; j++) {
            colCount[j] = hPtr[n + j]; // now the insertion cursors
        }
        for (int t = 0; t < kept; t++) {
            int at = colCount[keptCol[t]]++;
            hIdx[at] = keptRow[t];
            hVal[at] = keptVal[t];
        }
        for (int j = 0; j < m; j++) {
            int end = hPtr[n + j + 1] - 1;
            diagPos[n + j] = end;
            diag[n + j] = e.colSums[j];
            hIdx[end] = n + j;
            hVal[end] = diag[n + j];
        }
    }

    private boolean hasZeroDiagonal() {
        for (int r = 0; r < order; r++) {
            if (!(diag[r] > 0)) {
                return true;
            }
        }
        return false;
    }

    /** rhs = g minus its component along (1, −1)/√(n+m). */
    private void projectRhs() {
        double d = 0.0;
        for (int i = 0; i < n; i++) {
            d += g[i];
        }
        for (int j = 0; j < m; j++) {
            d -= g[n + j];
        }
        double c = d / order;
        for (int i = 0; i < n; i++) {
            rhs[i] = g[i] - c;
        }
        for (int j = 0; j < m; j++) {
            rhs[n + j] = g[n + j] + c;
        }
    }

    /** Solves (M + shift·I)·Δ = rhs by CG and line-searches along Δ; true when a step was taken. */
    private boolean tryStep(double shift) {
        for (int r = 0; r < order; r++) {
            hVal[diagPos[r]] = diag[r] + shift;
        }
        CsrMatrix h = new CsrMatrix(order, order, hPtr, hIdx, hVal);
        double cgTol = Math.min(0.1, Math.max(err, 1e-12));
        SolverOptions so = SolverOptions.defaults().withRelativeTolerance(cgTol)
                .withMaxIterations(Math.max(100, 2 * order));
        SolverResult r;
        try {
            r = Cg.solve(h, rhs, Ic0.of(h), so);
        } catch (IllegalArgumentException ex) { // a zero diagonal (a row whose plan underflowed): no preconditioner
            r = Cg.solve(h, rhs, null, so);
        }
        run.cgIterations += r.iterations();
        if (r.reason() == StopReason.BREAKDOWN || r.reason() == StopReason.NOT_FINITE) {
            return false;
        }
        return lineSearch(r.solution());
    }

    private boolean lineSearch(double[] d) {
        double slope = 0.0;   // gᵀΔ: the directional derivative of η·f
        double aDelta = 0.0;  // a·Δu + b·Δv
        for (int i = 0; i < n; i++) {
            slope += g[i] * d[i];
            aDelta += p.a[i] * d[i];
        }
        for (int j = 0; j < m; j++) {
            slope += g[n + j] * d[n + j];
            aDelta += p.b[j] * d[n + j];
        }
        if (!(slope > 0) || !Double.isFinite(aDelta)) {
            return false;
        }
        double alpha = 1.0;
        for (int t = 0; t < HALVINGS; t++, alpha *= 0.5) {
            for (int i = 0; i < n; i++) {
                uT[i] = e.u[i] + alpha * d[i];
            }
            for (int j = 0; j < m; j++) {
                vT[j] = e.v[j] + alpha * d[n + j];
            }
            double totalT = e.evaluate(uT, vT, planT, rsT, csT);
            if (!Double.isFinite(totalT)) {
                continue;
            }
            double gain = alpha * aDelta - (totalT - total); // change of η·f
            double errT = e.marginalError(rsT, csT);
            double floor = 1e-12 * (p.mass + Math.abs(alpha * aDelta));
            if (gain >= ARMIJO * alpha * slope || (alpha * slope <= floor && errT < err)) {
                fullStep = t == 0;
                accept(totalT, errT);
                return true;
            }
        }
        return false;
    }

    private void accept(double totalT, double errT) {
        double[] t;
        t = e.u; e.u = uT; uT = t;
        t = e.v; e.v = vT; vT = t;
        t = e.plan; e.plan = planT; planT = t;
        t = e.rowSums; e.rowSums = rsT; rsT = t;
        t = e.colSums; e.colSums = csT; csT = t;
        total = totalT;
        err = errT;
    }
}
