package org.sparrow.solvers.sbl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.structured.KroneckerEigen;
import org.sparrow.core.structured.KroneckerOperator;

/**
 * The SBL E-step for y = (A₁⊗…⊗A_d)·x + n with prior x ~ N(0, Γ), Γ = diag(γ₁⊗…⊗γ_d), computed
 * through the factors (He &amp; Joseph 2024, the E-step of KroSBL; the authors' {@code posterior_compute2.m}).
 *
 * <p>The posterior is N(μ, Σ) with Σ = Γ − ΓAᵀ(σ²I + AΓAᵀ)⁻¹AΓ and μ = ΓAᵀ(σ²I + AΓAᵀ)⁻¹y
 * (Tipping 2001, the M-dimensional form by the Woodbury identity). Because AΓAᵀ = ⊗ AᵢΓᵢAᵢᵀ and
 * AᵢΓᵢAᵢᵀ = UᵢDᵢUᵢᵀ ({@link KroneckerEigen}), σ²I + AΓAᵀ = U(σ²I + D)Uᵀ with U = ⊗Uᵢ orthogonal and
 * D = ⊗Dᵢ diagonal. With Wᵢ = ΓᵢAᵢᵀUᵢ (Nᵢ × Mᵢ), ΓAᵀU = ⊗Wᵢ and, writing s = 1/(σ² + d) and z = Uᵀy,
 * <pre>
 *   μ       = (⊗Wᵢ)·(s∘z)
 *   diag Σ  = γ − (⊗(Wᵢ∘Wᵢ))·s              (diag(W·S·Wᵀ) = (W∘W)·s, and (⊗Wᵢ)∘² = ⊗(Wᵢ∘Wᵢ))
 *   y − Aμ  = σ²(σ²I + AΓAᵀ)⁻¹y = σ²·U(s∘z),  so ‖y − Aμ‖ = σ²‖s∘z‖
 * </pre>
 * Every product above is a Kronecker mat-vec with small factors ({@link KroneckerOperator}), so nothing of size
 * M × N or M × M is ever formed: a step costs O(Σ Mᵢ³ + Σ MᵢNᵢ·Mᵢ + M·Σ Mᵢ + N·Σ Mᵢ).
 *
 * <p>Eigenvalues of the factors below zero (rounding of a singular AᵢΓᵢAᵢᵀ) are clamped to 0.
 * Not thread-safe; one instance per solve (it keeps its workspace).
 */
final class KroneckerPosterior {

    private final int d;
    private final int[] m;
    private final int m0;
    private double[] z;
    private double[] s;
    private double[] t;
    private final double[][] u;
    private final double[][] dv;
    private double[][] w;
    private double[][] w2;
    private final double[][] b;

    /** ‖y − Aμ‖² of the last {@link #compute}. */
    double residualNormSquared;

    /**
     * @param rows the factors' row counts M₁, …, M_d
     */
    KroneckerPosterior(int[] rows) {
        d = rows.length;
        m = rows.clone();
        int prod = 1;
        for (int r : rows) {
            prod *= r;
        }
        m0 = prod;
        z = new double[prod];
        s = new double[prod];
        t = new double[prod];
        u = new double[d][];
        dv = new double[d][];
        b = new double[d][];
        w = new double[d][];
        w2 = new double[d][];
        for (int k = 0; k < d; k++) {
            u[k] = new double[m[k] * m[k]];
            dv[k] = new double[m[k]];
            b[k] = new double[m[k] * m[k]];
        }
    }

    /**
     * One E-step.
     *
     * @param a         Input: the factors restricted to their active columns, a[k] row-major Mₖ × nₖ
     * @param n         the active column counts nₖ
     * @param gamma     Input: the factor hyperparameters γₖ (length nₖ, ≥ 0)
     * @param sigma2    σ² &gt; 0
     * @param y         Input: length ∏Mₖ
     * @param mu        Output: posterior mean on the active grid, length ∏nₖ
     * @param diagSigma Output: posterior variances on the active grid, length ∏nₖ
     */
    void compute(double[][] a, int[] n, double[][] gamma, double sigma2, double[] y, double[] mu, double[] diagSigma) {
        int nTotal = 1;
        for (int k = 0; k < d; k++) {
            nTotal *= n[k];
            int mk = m[k];
            int nk = n[k];
            double[] ak = a[k];
            double[] gk = gamma[k];
            double[] bk = b[k];
            // Bₖ = Aₖ Γₖ Aₖᵀ, exactly symmetric
            for (int i = 0; i < mk; i++) {
                for (int j = 0; j <= i; j++) {
                    double acc = 0;
                    int ri = i * nk;
                    int rj = j * nk;
                    for (int c = 0; c < nk; c++) {
                        acc += ak[ri + c] * gk[c] * ak[rj + c];
                    }
                    bk[i * mk + j] = acc;
                    bk[j * mk + i] = acc;
                }
            }
            KroneckerEigen.decompose(bk, mk, u[k], dv[k]);
            double[] dk = dv[k];
            for (int i = 0; i < mk; i++) {
                if (dk[i] < 0) {
                    dk[i] = 0; // rounding of a singular Bₖ; a NaN stays and is caught by the caller
                }
            }
            // Wₖ = Γₖ Aₖᵀ Uₖ (nₖ × Mₖ) and Wₖ∘Wₖ
            if (w[k] == null || w[k].length != nk * mk) {
                w[k] = new double[nk * mk];
                w2[k] = new double[nk * mk];
            }
            double[] wk = w[k];
            double[] w2k = w2[k];
            double[] uk = u[k];
            Arrays.fill(wk, 0);
            for (int r = 0; r < mk; r++) {
                for (int c = 0; c < nk; c++) {
                    double arc = ak[r * nk + c] * gk[c];
                    int wrow = c * mk;
                    int urow = r * mk;
                    for (int j = 0; j < mk; j++) {
                        wk[wrow + j] += arc * uk[urow + j];
                    }
                }
            }
            for (int i = 0; i < wk.length; i++) {
                w2k[i] = wk[i] * wk[i];
            }
        }
        List<DenseMatrix> uf = new ArrayList<>(d);
        List<DenseMatrix> wf = new ArrayList<>(d);
        List<DenseMatrix> w2f = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            uf.add(new DenseMatrix(m[k], m[k], u[k]));
            wf.add(new DenseMatrix(n[k], m[k], w[k]));
            w2f.add(new DenseMatrix(n[k], m[k], w2[k]));
        }
        // z = Uᵀ y = (⊗Uₖ)ᵀ y
        KroneckerOperator.of(uf).applyTranspose(y, z);
        // s = 1/(σ² + d), t = s∘z, d = ⊗dₖ built in s first
        KroneckerEigen.kron(Arrays.asList(dv), s);
        double res = 0;
        for (int i = 0; i < m0; i++) {
            double si = 1.0 / (sigma2 + s[i]);
            s[i] = si;
            double ti = si * z[i];
            t[i] = ti;
            res += ti * ti;
        }
        residualNormSquared = sigma2 * sigma2 * res;
        // μ = (⊗Wₖ) t ; diag Σ = γ − (⊗Wₖ∘²) s
        KroneckerOperator.of(wf).apply(t, mu);
        KroneckerOperator.of(w2f).apply(s, diagSigma);
        double[] g = KroneckerEigen.kron(Arrays.asList(gamma));
        for (int i = 0; i < nTotal; i++) {
            diagSigma[i] = g[i] - diagSigma[i];
        }
    }

}
