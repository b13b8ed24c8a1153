package org.sparrow.sketching.lowrank;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;

/**
 * The randomized SVD of Halko, Martinsson and Tropp (SIAM Review 53(2), 2011): stage A, an orthonormal basis
 * Q (rows × ℓ, ℓ = k + p) of an approximate range of A by {@link RangeFinder} (Alg. 4.4, q re-orthonormalized
 * power iterations); stage B, Algorithm 5.1 (direct SVD): B = Qᵀ·A (ℓ × cols, formed as (Aᵀ·Q)ᵀ), its SVD
 * B = Ũ·Σ·Vᵀ by EJML, U = Q·Ũ, truncated to the k leading triplets.
 *
 * <p>Trust: HMT's a-posteriori estimator (§4.3, Lemma 4.1: for any matrix M and r Gaussian vectors ω_i,
 * ‖M‖ ≤ 10·√(2/π)·max_i ‖M·ω_i‖ with probability at least 1 − 10⁻ʳ) is evaluated with r =
 * {@value #TEST_VECTORS} fresh test vectors for M = (I − Q·Qᵀ)·A ({@link LowRankApproximation#errorEstimate()});
 * the returned rank-k approximation is within that plus σ_{k+1}(B) ({@code nextSingularValue}) of A in the
 * spectral norm; {@value #RESIDUAL_POWER_STEPS} power steps on A − U·Σ·Vᵀ give a lower bound that is usually
 * close ({@link LowRankApproximation#errorLowerBound()}). The oversampling and power iterations used travel with
 * the result.
 *
 * <p>Expected accuracy (HMT Thm. 10.6 and Cor. 10.10): with p ≥ 2, E‖A − Q·Qᵀ·A‖ ≤ [(1 + √(k/(p−1)))·σ_{k+1}^(2q+1)
 * + e·√(k+p)/p·(Σ_{j>k} σ_j^(2(2q+1)))^½]^(1/(2q+1)); power iterations matter when the spectrum decays slowly.
 *
 * <p>Cost: (2q + 2) block products with A or Aᵀ on ℓ columns, one more on r columns for the estimate,
 * {@value #RESIDUAL_POWER_STEPS} vector products with each of A and Aᵀ for the lower bound, QRs and one SVD of
 * cols × ℓ blocks: O((rows + cols)·ℓ²).
 */
public final class RandomizedSvd {

    /** Gaussian test vectors behind the a-posteriori error estimate (failure probability 10⁻¹⁰). */
    public static final int TEST_VECTORS = 10;

    /** Power steps (each one product with A and one with Aᵀ) behind {@link LowRankApproximation#errorLowerBound()}. */
    public static final int RESIDUAL_POWER_STEPS = 8;

    private RandomizedSvd() {
    }

    /**
     * A rank-k approximation A ≈ U·diag(σ)·Vᵀ.
     *
     * @param a Input: the operator, rows × cols (any LinearOperator: products with A and Aᵀ on blocks).
     * @param o Input: rank k ≤ min(rows, cols), oversampling p, power iterations q, test-matrix family, seed.
     * @return U (rows × k), σ (k, decreasing), V (cols × k), the error estimate and the parameters used
     * @throws IllegalArgumentException if k exceeds min(rows, cols)
     * @throws UnsupportedOperationException if the sketch family is not available
     */
    public static LowRankApproximation compute(LinearOperator a, RandomizedSvdOptions o) {
        if (a == null) {
            throw new IllegalArgumentException("the operator A is null");
        }
        if (o == null) {
            throw new IllegalArgumentException("the options are null");
        }
        long t0 = System.nanoTime();
        int rows = a.rows();
        int cols = a.cols();
        int k = o.rank();
        int min = Math.min(rows, cols);
        if (k > min) {
            throw new IllegalArgumentException("rank k = " + k + " exceeds min(rows, cols) = " + min + " of the "
                    + rows + "×" + cols + " operator");
        }
        int l = (int) Math.min((long) k + o.oversampling(), min);
        double[] q = RangeFinder.find(a, l, o.powerIterations(), o.sketch(), o.seed()).data();

        // B = Qᵀ·A, held as Bᵀ = Aᵀ·Q (cols × ℓ); Bᵀ = Ũ·Σ·Ṽᵀ gives B = Ṽ·Σ·Ũᵀ, so U = Q·Ṽ and V = Ũ
        double[] bt = new double[Math.multiplyExact(cols, l)];
        a.applyTransposeBlock(q, bt, l);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(cols, l, true, true, true);
        if (!svd.decompose(DMatrixRMaj.wrap(cols, l, bt.clone()))) {
            throw new ArithmeticException("the SVD of the " + cols + "×" + l + " projected matrix did not converge");
        }
        double[] w = svd.getSingularValues();
        DMatrixRMaj ut = svd.getU(null, false); // cols × ℓ
        DMatrixRMaj vt = svd.getV(null, false); // ℓ × ℓ
        int[] order = descending(w, l);
        double[] sigma = new double[k];
        double[] u = new double[Math.multiplyExact(rows, k)];
        double[] v = new double[Math.multiplyExact(cols, k)];
        for (int c = 0; c < k; c++) {
            int j = order[c];
            sigma[c] = w[j];
            for (int i = 0; i < cols; i++) {
                v[i * k + c] = ut.get(i, j);
            }
            // U(:, c) = Q·Ṽ(:, j)
            for (int i = 0; i < rows; i++) {
                double s = 0;
                int qi = i * l;
                for (int t = 0; t < l; t++) {
                    s += q[qi + t] * vt.get(t, j);
                }
                u[i * k + c] = s;
            }
        }
        double next = l > k ? w[order[k]] : Double.NaN;

        // a-posteriori estimate of ‖(I − QQᵀ)A‖ (HMT §4.3); zero when Q spans the whole space
        double estimate = 0.0;
        int r = 0;
        if (l < rows) {
            r = TEST_VECTORS;
            estimate = projectionErrorEstimate(a, q, l, r, o.seed());
        }
        double lower = residualLowerBound(a, u, sigma, v, o.seed());
        long t1 = System.nanoTime();
        return new LowRankApproximation(new DenseMatrix(rows, k, u), sigma, new DenseMatrix(cols, k, v), estimate,
                (t1 - t0) * 1e-9, l, o.powerIterations(), r, next, lower);
    }

    /**
     * max over {@value #RESIDUAL_POWER_STEPS} power steps of ‖M·v‖ for unit v, M = A − U·diag(σ)·Vᵀ: each is a
     * lower bound on ‖M‖₂, converging to it as the steps go on.
     */
    static double residualLowerBound(LinearOperator a, double[] u, double[] sigma, double[] v, long seed) {
        int rows = a.rows();
        int cols = a.cols();
        int k = sigma.length;
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL);
        double[] x = new double[cols];
        for (int i = 0; i < cols; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] y = new double[rows];
        double[] c = new double[k];
        double best = 0;
        for (int step = 0; step < RESIDUAL_POWER_STEPS; step++) {
            double nx = Blas.norm2(x);
            if (nx == 0) {
                break;
            }
            for (int i = 0; i < cols; i++) {
                x[i] /= nx;
            }
            // y = A·x − U·(σ ∘ Vᵀx)
            a.apply(x, y);
            java.util.Arrays.fill(c, 0.0);
            for (int i = 0; i < cols; i++) {
                for (int t = 0; t < k; t++) {
                    c[t] += v[i * k + t] * x[i];
                }
            }
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += u[i * k + t] * sigma[t] * c[t];
                }
                y[i] -= s;
            }
            best = Math.max(best, Blas.norm2(y));
            // x = Aᵀ·y − V·(σ ∘ Uᵀy)
            a.applyTranspose(y, x);
            java.util.Arrays.fill(c, 0.0);
            for (int i = 0; i < rows; i++) {
                for (int t = 0; t < k; t++) {
                    c[t] += u[i * k + t] * y[i];
                }
            }
            for (int i = 0; i < cols; i++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += v[i * k + t] * sigma[t] * c[t];
                }
                x[i] -= s;
            }
        }
        return best;
    }

    /** 10·√(2/π)·max_i ‖(I − Q·Qᵀ)·A·ω_i‖ over r Gaussian ω_i (HMT eq. 4.3). */
    static double projectionErrorEstimate(LinearOperator a, double[] q, int l, int r, long seed) {
        int rows = a.rows();
        int cols = a.cols();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL ^ 0xA5A5A5A5A5A5A5A5L);
        double[] om = new double[Math.multiplyExact(cols, r)];
        for (int i = 0; i < om.length; i++) {
            om[i] = rnd.nextGaussian();
        }
        double[] y = new double[Math.multiplyExact(rows, r)];
        a.applyBlock(om, y, r);
        // Z = Qᵀ·Y (ℓ × r), then Y − Q·Z
        double[] z = new double[l * r];
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < l; t++) {
                double qit = q[i * l + t];
                for (int c = 0; c < r; c++) {
                    z[t * r + c] += qit * y[i * r + c];
                }
            }
        }
        double[] norms2 = new double[r];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < r; c++) {
                double s = y[i * r + c];
                for (int t = 0; t < l; t++) {
                    s -= q[i * l + t] * z[t * r + c];
                }
                norms2[c] += s * s;
            }
        }
        double max = 0;
        for (double n2 : norms2) {
            max = Math.max(max, Math.sqrt(n2));
        }
        return 10.0 * Math.sqrt(2.0 / Math.PI) * max;
    }

    private static int[] descending(double[] w, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(w[y], w[x]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
