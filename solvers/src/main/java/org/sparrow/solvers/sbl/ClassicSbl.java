package org.sparrow.solvers.sbl;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.StopReason;

/**
 * Classic sparse Bayesian learning: one hyperparameter per coefficient, x ~ N(0, diag γ), learned by
 * expectation–maximization (Tipping, "Sparse Bayesian learning and the relevance vector machine",
 * JMLR 1, 2001, §2 (the posterior) and the EM re-estimate; Wipf &amp; Rao, "Sparse Bayesian learning for
 * basis selection", IEEE TSP 52(8), 2004, the EM algorithm of §II). Real-valued. Each iteration:
 * <ol>
 *   <li>prune γᵢ &lt; r·max γ (r = 1e-3 by default, as the classic baseline in the KroSBL authors' code),
 *       dropping column i of A: the active dictionary shrinks, which keeps later iterations cheap;</li>
 *   <li>E-step in the M-dimensional form: with B = A·Γ^½ (active columns), Σ_y = σ²I + BBᵀ is factored
 *       by Cholesky (EJML), X = Σ_y⁻¹B and q = Σ_y⁻¹y; then μᵢ = √γᵢ·bᵢᵀq,
 *       Σᵢᵢ = γᵢ(1 − bᵢᵀxᵢ) (from Σ = Γ − ΓAᵀΣ_y⁻¹AΓ) and y − Aμ = σ²q;</li>
 *   <li>M-step γᵢ = μᵢ² + Σᵢᵢ;</li>
 *   <li>unknown noise: σ² ← (‖y − Aμ‖² + σ²·Σᵢ(1 − Σᵢᵢ/γᵢ))/M (Wipf &amp; Rao's EM noise update);</li>
 *   <li>stop when ‖Δγ‖/‖γ‖ ≤ tol.</li>
 * </ol>
 * A last pruning and E-step give x̂ = μ. Cost per iteration O(M²·n) for n active columns.
 */
final class ClassicSbl {

    private ClassicSbl() {
    }

    static SblResult run(DenseMatrix a, double[] y, SblOptions options, double sigma2Start, boolean estimateNoise,
                         double yNorm) {
        long start = System.nanoTime();
        int m = a.rows();
        int nAll = a.cols();
        double[] ad = a.data();
        double r = options.effectivePruneThreshold();
        IterationListener listener = options.listener();
        double sigmaFloor = 1e-12 * yNorm * yNorm / m;
        double sigma2 = Math.max(sigma2Start, sigmaFloor);

        // start: γ = c·1 with c the largest single-atom least-squares coefficient squared (scale-invariant)
        double[] aty = new double[nAll];
        a.applyTranspose(y, aty);
        double c = 0;
        for (int j = 0; j < nAll; j++) {
            double cn = 0;
            for (int i = 0; i < m; i++) {
                double v = ad[i * nAll + j];
                cn += v * v;
            }
            if (cn > 0) {
                c = Math.max(c, aty[j] * aty[j] / (cn * cn));
            }
        }
        if (!(c > 0)) {
            c = 1;
        }
        int n = nAll;
        int[] active = new int[n];
        double[] gamma = new double[n];
        for (int j = 0; j < n; j++) {
            active[j] = j;
            gamma[j] = c;
        }
        double[] gammaOld = new double[nAll];
        double[] gammaNew = new double[nAll];
        for (int j = 0; j < n; j++) {
            gammaOld[active[j]] = gamma[j];
        }
        StopReason reason = StopReason.MAX_ITERATIONS;
        String detail = null;
        double change = Double.NaN;
        int it = 0;
        double[] mu = null;
        double[] diag = null;
        EStep e = new EStep(m);
        while (it < options.maxIterations()) {
            it++;
            n = prune(active, gamma, n, r);
            if (!e.compute(ad, nAll, active, gamma, n, sigma2, y)) {
                reason = StopReason.BREAKDOWN;
                detail = "the covariance σ²I + AΓAᵀ was not positive definite in iteration " + it
                        + " (σ² = " + sigma2 + " is too small against A; give a larger noise variance)";
                break;
            }
            mu = e.mu;
            diag = e.diag;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += 1 - diag[j] / gamma[j];
                gamma[j] = mu[j] * mu[j] + diag[j];
            }
            if (estimateNoise) {
                sigma2 = Math.max((e.residualNormSquared + sigma2 * acc) / m, sigmaFloor);
            }
            Arrays.fill(gammaNew, 0);
            for (int j = 0; j < n; j++) {
                gammaNew[active[j]] = gamma[j];
            }
            if (Blas.firstNonFinite(gammaNew) >= 0 || !Double.isFinite(sigma2)) {
                reason = StopReason.NOT_FINITE;
                detail = "the hyperparameters became NaN or infinite in iteration " + it;
                break;
            }
            double diff = 0;
            for (int j = 0; j < nAll; j++) {
                double t = gammaNew[j] - gammaOld[j];
                diff += t * t;
            }
            change = Math.sqrt(diff) / Blas.norm2(gammaOld);
            if (listener != null) {
                listener.onIteration(it, change);
            }
            double[] swap = gammaOld;
            gammaOld = gammaNew;
            gammaNew = swap;
            if (change <= options.tolerance()) {
                reason = StopReason.CONVERGED;
                break;
            }
        }
        double[] mean = new double[nAll];
        int[] support = new int[0];
        if (reason != StopReason.NOT_FINITE && reason != StopReason.BREAKDOWN) {
            n = prune(active, gamma, n, r);
            if (e.compute(ad, nAll, active, gamma, n, sigma2, y)) {
                for (int j = 0; j < n; j++) {
                    mean[active[j]] = e.mu[j];
                }
                support = Arrays.copyOf(active, n);
            } else {
                reason = StopReason.BREAKDOWN;
                detail = "the covariance σ²I + AΓAᵀ was not positive definite in the final E-step (σ² = " + sigma2
                        + ")";
            }
        }
        if (Blas.firstNonFinite(mean) >= 0) {
            reason = StopReason.NOT_FINITE;
            detail = "the posterior mean became NaN or infinite";
            Arrays.fill(mean, 0);
        }
        if (detail == null) {
            detail = reason == StopReason.CONVERGED
                    ? "classic SBL converged in " + it + " iterations: ‖Δγ‖/‖γ‖ = " + change + " ≤ "
                    + options.tolerance()
                    : "classic SBL stopped after " + it + " iterations with ‖Δγ‖/‖γ‖ = " + change
                    + " above the tolerance " + options.tolerance();
        }
        double[] gammaFull = new double[nAll];
        for (int j = 0; j < n; j++) {
            gammaFull[active[j]] = gamma[j];
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new SblResult(SblMethod.CLASSIC, mean, List.of(gammaFull), support, sigma2, estimateNoise,
                reason == StopReason.CONVERGED, reason, detail, it, Double.NaN, seconds);
    }

    // keep γⱼ ≥ r·max γ, compacting active and gamma in place; returns the new count
    private static int prune(int[] active, double[] gamma, int n, double r) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, gamma[j]);
        }
        double cut = r * max;
        int q = 0;
        for (int j = 0; j < n; j++) {
            if (!(gamma[j] < cut)) {
                active[q] = active[j];
                gamma[q] = gamma[j];
                q++;
            }
        }
        return q;
    }

    /** The M-dimensional E-step on the active columns (workspace kept between iterations). */
    static final class EStep {
        private final int m;
        double[] mu;
        double[] diag;
        double residualNormSquared;

        EStep(int m) {
            this.m = m;
        }

        boolean compute(double[] ad, int nAll, int[] active, double[] gamma, int n, double sigma2, double[] y) {
            DMatrixRMaj b = new DMatrixRMaj(m, n);
            double[] bd = b.data;
            for (int i = 0; i < m; i++) {
                int row = i * nAll;
                int out = i * n;
                for (int j = 0; j < n; j++) {
                    bd[out + j] = ad[row + active[j]] * Math.sqrt(gamma[j]);
                }
            }
            DMatrixRMaj s = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multOuter(b, s); // S = B·Bᵀ
            for (int i = 0; i < m; i++) {
                s.data[i * m + i] += sigma2;
            }
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(m);
            if (!chol.setA(s)) {
                return false;
            }
            DMatrixRMaj x = new DMatrixRMaj(m, n);
            chol.solve(b, x);
            DMatrixRMaj q = new DMatrixRMaj(m, 1);
            chol.solve(DMatrixRMaj.wrap(m, 1, y.clone()), q);
            double[] xd = x.data;
            double[] qd = q.data;
            double[] bx = new double[n];
            double[] bq = new double[n];
            for (int i = 0; i < m; i++) {
                int row = i * n;
                double qi = qd[i];
                for (int j = 0; j < n; j++) {
                    double bij = bd[row + j];
                    bx[j] += bij * xd[row + j];
                    bq[j] += bij * qi;
                }
            }
            mu = new double[n];
            diag = new double[n];
            for (int j = 0; j < n; j++) {
                mu[j] = Math.sqrt(gamma[j]) * bq[j];
                diag[j] = gamma[j] * (1 - bx[j]);
            }
            double qq = 0;
            for (int i = 0; i < m; i++) {
                qq += qd[i] * qd[i];
            }
            residualNormSquared = sigma2 * sigma2 * qq;
            return true;
        }
    }
}
