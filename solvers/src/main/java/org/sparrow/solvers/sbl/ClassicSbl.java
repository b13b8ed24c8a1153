package org.sparrow.solvers.sbl;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.IterationListener;
import org.sparrow.solvers.StopReason;

/**
 * Classic sparse Bayesian learning: one hyperparameter per coefficient, x ~ N(0, diag γ), learned by
 * expectation–maximization (Tipping, "Sparse Bayesian learning and the relevance vector machine",
 * JMLR 1, 2001: the Gaussian posterior and the EM re-estimate; Wipf &amp; Rao, "Sparse Bayesian learning
 * for basis selection", IEEE TSP 52(8), 2004: the EM algorithm and its noise update). Real-valued. Each
 * iteration:
 * <ol>
 *   <li>prune γᵢ &lt; r·max γ (r = 1e-3 by default, as the classic baseline in the KroSBL authors' code),
 *       dropping column i of A: the active dictionary shrinks, which keeps later iterations cheap;</li>
 *   <li>E-step in the M-dimensional form: with B = A·Γ^½ (active columns), Σ_y = σ²I + BBᵀ = LLᵀ is
 *       factored by Cholesky (EJML), V = L⁻¹B and w = L⁻¹y; then μᵢ = √γᵢ·vᵢᵀw and
 *       Σᵢᵢ = γᵢ(1 − ‖vᵢ‖²) (from Σ = Γ − ΓAᵀΣ_y⁻¹AΓ), and y − Aμ = σ²Σ_y⁻¹y = σ²L⁻ᵀw;</li>
 *   <li>M-step γᵢ = μᵢ² + Σᵢᵢ;</li>
 *   <li>unknown noise: σ² ← (‖y − Aμ‖² + σ²·Σᵢ(1 − Σᵢᵢ/γᵢ))/M (Wipf &amp; Rao's EM noise update);</li>
 *   <li>stop when ‖Δγ‖/‖γ‖ ≤ tol.</li>
 * </ol>
 * A last pruning and E-step give x̂ = μ. Cost per iteration about M²·n multiply-adds (BBᵀ and L⁻¹B)
 * plus M³/3 (Cholesky) for n active columns.
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
            detail = Sbl.stopDetail("classic SBL", reason == StopReason.CONVERGED, it, change, options.tolerance());
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

    /** Column tile and row block of {@link #forwardSubstitute}: a 32 × 256 tile of V is 64 KiB. */
    private static final int TILE_COLS = 256;
    private static final int BLOCK_ROWS = 32;

    /**
     * V ← L⁻¹V in place for a lower triangular L (row-major m × m) and V row-major m × n, by rows: row i
     * of the result is (vᵢ − Σ_{k&lt;i} lᵢₖ·vₖ)/lᵢᵢ, each term an axpy of a whole row. Tiled over columns
     * (the columns are independent) and blocked over rows, so that each finished row vₖ is read once per
     * block of rows instead of once per row: the M²n/2 multiply-adds then run from cache, not memory.
     */
    static void forwardSubstitute(double[] l, double[] v, int m, int n) {
        for (int j0 = 0; j0 < n; j0 += TILE_COLS) {
            int j1 = Math.min(n, j0 + TILE_COLS);
            for (int i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
                int i1 = Math.min(m, i0 + BLOCK_ROWS);
                // rows k < i0 are final: subtract them from the whole block
                for (int k = 0; k < i0; k++) {
                    int rk = k * n;
                    for (int i = i0; i < i1; i++) {
                        double lik = l[i * m + k];
                        if (lik != 0) {
                            int ri = i * n;
                            for (int j = j0; j < j1; j++) {
                                v[ri + j] -= lik * v[rk + j];
                            }
                        }
                    }
                }
                // inside the block, in order
                for (int i = i0; i < i1; i++) {
                    int ri = i * n;
                    for (int k = i0; k < i; k++) {
                        double lik = l[i * m + k];
                        if (lik != 0) {
                            int rk = k * n;
                            for (int j = j0; j < j1; j++) {
                                v[ri + j] -= lik * v[rk + j];
                            }
                        }
                    }
                    double inv = 1 / l[i * m + i];
                    for (int j = j0; j < j1; j++) {
                        v[ri + j] *= inv;
                    }
                }
            }
        }
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
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m, true);
            if (!chol.decompose(s)) {
                return false;
            }
            double[] l = chol.getT(null).data; // Σ_y = L·Lᵀ, L lower, row-major m × m
            forwardSubstitute(l, bd, m, n);
            // w = L⁻¹y
            double[] w = y.clone();
            for (int i = 0; i < m; i++) {
                double v = w[i];
                for (int k = 0; k < i; k++) {
                    v -= l[i * m + k] * w[k];
                }
                w[i] = v / l[i * m + i];
            }
            // bᵢᵀΣ_y⁻¹bᵢ = ‖vᵢ‖², bᵢᵀΣ_y⁻¹y = vᵢᵀw
            double[] vv = new double[n];
            double[] vw = new double[n];
            for (int i = 0; i < m; i++) {
                int row = i * n;
                double wi = w[i];
                for (int j = 0; j < n; j++) {
                    double vij = bd[row + j];
                    vv[j] += vij * vij;
                    vw[j] += vij * wi;
                }
            }
            mu = new double[n];
            diag = new double[n];
            for (int j = 0; j < n; j++) {
                mu[j] = Math.sqrt(gamma[j]) * vw[j];
                diag[j] = gamma[j] * (1 - vv[j]);
            }
            // y − Aμ = σ²Σ_y⁻¹y = σ²L⁻ᵀw
            for (int i = m - 1; i >= 0; i--) {
                double v = w[i];
                for (int k = i + 1; k < m; k++) {
                    v -= l[k * m + i] * w[k];
                }
                w[i] = v / l[i * m + i];
            }
            double qq = 0;
            for (int i = 0; i < m; i++) {
                qq += w[i] * w[i];
            }
            residualNormSquared = sigma2 * sigma2 * qq;
            return true;
        }
    }
}
