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
 * Q (rows × ℓ, ℓ = k + p) of an approximate range of A by randomized subspace iteration (Alg. 4.4: Q = orth(A·Ω),
 * then q times W = orth(Aᵀ·Q), Q = orth(A·W); the same sequence as {@link RangeFinder}); stage B, Algorithm 5.1
 * (direct SVD): B = Qᵀ·A, held as Bᵀ = Aᵀ·Q = W·R (the QR that the next power iteration needs anyway), the SVD
 * R = Ũ·Σ·Ṽᵀ of the ℓ × ℓ factor by EJML, so Bᵀ = (W·Ũ)·Σ·Ṽᵀ, U = Q·Ṽ and V = W·Ũ, truncated to the k leading
 * triplets.
 *
 * <p>Trust. Three figures come with the result ({@link LowRankApproximation}):
 * <ul>
 * <li>A certificate for each singular value. Let H = [[0, A], [Aᵀ, 0]] (the Jordan–Wielandt matrix, symmetric, with
 * eigenvalues ±σ_j(A)) and x = (u_i; v_i)/√2 (a unit vector). For any symmetric H, unit x and number θ, expanding x
 * in the eigenvectors of H gives ‖H·x − θ·x‖ ≥ min_j |λ_j − θ|, so some singular value of A lies within
 * η_i = ‖H·x − σ̃_i·x‖ = √(‖A·v_i − σ̃_i·u_i‖² + ‖Aᵀ·u_i − σ̃_i·v_i‖²)/√2 of σ̃_i. Here Aᵀ·u_i = Aᵀ·Q·Ṽ_i = Bᵀ·Ṽ_i =
 * σ̃_i·v_i up to rounding by construction, so η_i = ‖A·v_i − σ̃_i·u_i‖/√2, and A·V = (A·W)·Ũ comes from the block
 * A·W of the next power iteration at no extra product. Also σ̃_i ≤ σ_i(A) (the σ̃ are the singular values of Qᵀ·A:
 * Cauchy interlacing). What η does not certify is that σ̃_i matches the i-th singular value rather than another one
 * nearby; that rests on the random start having captured the leading directions (HMT §10).</li>
 * <li>An upper estimate of the error of the projection: HMT's a-posteriori estimator (§4.3, eq. (4.3), from Lemma
 * 4.1: for any matrix M and r Gaussian vectors ω_i, ‖M‖ ≤ 10·√(2/π)·max_i ‖M·ω_i‖ with probability at least
 * 1 − 10⁻ʳ) evaluated with r = {@value #TEST_VECTORS} fresh test vectors for M = (I − Q·Qᵀ)·A
 * ({@link LowRankApproximation#errorEstimate()}); the rank-k approximation is within that plus σ̃_{k+1}
 * ({@code nextSingularValue}) of A in the spectral norm. Each ‖M·ω‖ is about ‖M‖_F, so for a flat spectrum this
 * bound is hundreds of times σ_k (Dubcova1, k = 20: about 500·σ_k, at any q) and cannot serve as a stopping rule.</li>
 * <li>A lower bound: {@value #RESIDUAL_POWER_STEPS} power steps on A − U·Σ·Vᵀ ({@link
 * LowRankApproximation#errorLowerBound()}). As U·Σ·Vᵀ = U·Uᵀ·A it is also a lower bound on σ₁(A): when it exceeds σ̃₁,
 * σ̃₁ is provably low.</li>
 * </ul>
 *
 * <p>Adaptive mode ({@link RandomizedSvdOptions#adaptive()}): HMT's adaptive range finder (Alg. 4.2) grows ℓ until
 * the §4.3 estimate is below a tolerance; as that estimate cannot get small relative to σ_k when the spectrum is flat,
 * this mode instead raises q one power iteration at a time (Alg. 4.4; HMT §4.5: the power scheme sharpens the decay
 * from σ_j to σ_j^(2q+1)) until max_i η_i ≤ τ·σ̃_k, or q reaches the cap, and the result says which happened. The
 * check costs an ℓ × ℓ SVD and O(rows·ℓ·k) per iteration, no product with A.
 *
 * <p>Expected accuracy (HMT Thm. 10.6 and Cor. 10.10): with p ≥ 2, E‖A − Q·Qᵀ·A‖ ≤ [(1 + √(k/(p−1)))·σ_{k+1}^(2q+1)
 * + e·√(k+p)/p·(Σ_{j>k} σ_j^(2(2q+1)))^½]^(1/(2q+1)); power iterations matter when the spectrum decays slowly.
 *
 * <p>Cost: (2q + 3) block products with A or Aᵀ on ℓ columns, one more on r columns for the estimate,
 * {@value #RESIDUAL_POWER_STEPS} vector products with each of A and Aᵀ for the lower bound, QRs of cols×ℓ and rows×ℓ
 * blocks and ℓ × ℓ SVDs: O((rows + cols)·ℓ²) per iteration.
 */
public final class RandomizedSvd {

    /** Gaussian test vectors behind the a-posteriori error estimate (failure probability 10⁻¹⁰). */
    public static final int TEST_VECTORS = 10;

    /** Power steps (each one product with A and one with Aᵀ) behind {@link LowRankApproximation#errorLowerBound()}. */
    public static final int RESIDUAL_POWER_STEPS = 8;

    private RandomizedSvd() {
    }

    /**
     * A rank-k approximation A ≈ U·diag(σ̃)·Vᵀ.
     *
     * @param a Input: the operator, rows × cols (any LinearOperator: products with A and Aᵀ on blocks).
     * @param o Input: rank k ≤ min(rows, cols), oversampling p, power iterations q, test-matrix family, seed,
     *          tolerance and adaptive mode.
     * @return U (rows × k), σ̃ (k, decreasing), V (cols × k), the error bounds, the certificates and the parameters
     *         used
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
        o.checkFor(rows, cols);
        int min = Math.min(rows, cols);
        int l = (int) Math.min((long) k + o.oversampling(), min);

        // stage A, Alg. 4.4: Q = orth(A·Ω); then W = orth(Aᵀ·Q), Q = orth(A·W) per power iteration
        double[] y = new double[Math.multiplyExact(rows, l)];
        a.applyBlock(RangeFinder.testMatrix(o.sketch(), l, cols, o.seed()), y, l);
        double[] q = RangeFinder.orth(y, rows, l);
        double[] bt = new double[Math.multiplyExact(cols, l)];
        int first = o.powerIterations();
        int cap = o.adaptive() ? Math.max(first, o.maxPowerIterations()) : first;
        Triplets t;
        double[] w;
        int it = 0;
        while (true) {
            a.applyTransposeBlock(q, bt, l); // Bᵀ = Aᵀ·Q
            double[][] wr = RangeFinder.qr(bt, cols, l, it >= first); // Bᵀ = W·R
            w = wr[0];
            a.applyBlock(w, y, l); // A·W: the next iterate, and A·V for the residuals
            if (it >= first) {
                t = triplets(q, wr[1], y, rows, l, k);
                if (it >= cap || t.maxError() <= o.tolerance() * t.sigma[k - 1]) {
                    break;
                }
            }
            q = RangeFinder.orth(y, rows, l);
            it++;
        }

        // a-posteriori estimate of ‖(I − QQᵀ)A‖ (HMT §4.3); zero when Q spans the whole space
        double estimate = 0.0;
        int r = 0;
        if (l < rows) {
            r = TEST_VECTORS;
            estimate = projectionErrorEstimate(a, q, l, r, o.seed());
        }
        double[] v = t.v(w, cols, l);
        double lower = residualLowerBound(a, t.u, t.sigma, v, o.seed());
        long t1 = System.nanoTime();
        return new LowRankApproximation(new DenseMatrix(rows, k, t.u), t.sigma, new DenseMatrix(cols, k, v), estimate,
                (t1 - t0) * 1e-9, l, it, r, t.next, lower, t.eta, o.tolerance(), o.adaptive());
    }

    /** The k leading triplets of Q·Qᵀ·A, σ̃_{k+1} (NaN when ℓ = k), and the residual bounds η_i. */
    private record Triplets(double[] u, double[] sigma, double next, double[] eta, double[] ur, int[] order) {

        /** V = W·Ũ(:, leading k), cols × k: formed once, when the iteration stops. */
        double[] v(double[] w, int cols, int l) {
            int k = sigma.length;
            double[] v = new double[Math.multiplyExact(cols, k)];
            for (int c = 0; c < k; c++) {
                int j = order[c];
                for (int i = 0; i < cols; i++) {
                    double sum = 0;
                    int wi = i * l;
                    for (int t = 0; t < l; t++) {
                        sum += w[wi + t] * ur[t * l + j];
                    }
                    v[i * k + c] = sum;
                }
            }
            return v;
        }

        double maxError() {
            double m = 0;
            for (double e : eta) {
                m = Math.max(m, e);
            }
            return m;
        }
    }

    /**
     * From Q (rows × ℓ), Aᵀ·Q = W·R (R ℓ × ℓ) and Y = A·W (rows × ℓ): R = Ũ·Σ·Ṽᵀ, U = Q·Ṽ, A·V = Y·Ũ (V = W·Ũ is
     * formed later, by {@link Triplets#v}), and η_i = ‖A·v_i − σ̃_i·u_i‖/√2 for the k leading triplets.
     */
    private static Triplets triplets(double[] q, double[] rf, double[] y, int rows, int l, int k) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(l, l, true, true, false);
        if (!svd.decompose(DMatrixRMaj.wrap(l, l, rf))) {
            throw new ArithmeticException("the SVD of the " + l + "×" + l + " projected matrix did not converge");
        }
        double[] s = svd.getSingularValues();
        double[] ur = svd.getU(null, false).data; // ℓ × ℓ, left singular vectors of R
        double[] vr = svd.getV(null, false).data; // ℓ × ℓ, right singular vectors of R
        int[] order = descending(s, l);
        double[] sigma = new double[k];
        double[] u = new double[Math.multiplyExact(rows, k)];
        double[] eta = new double[k];
        for (int c = 0; c < k; c++) {
            int j = order[c];
            sigma[c] = s[j];
            // U(:, c) = Q·Ṽ(:, j); A·v_c = Y·Ũ(:, j); η_c = ‖A·v_c − σ̃_c·u_c‖/√2
            double r2 = 0;
            for (int i = 0; i < rows; i++) {
                double uic = 0;
                double avi = 0;
                int qi = i * l;
                for (int t = 0; t < l; t++) {
                    uic += q[qi + t] * vr[t * l + j];
                    avi += y[qi + t] * ur[t * l + j];
                }
                u[i * k + c] = uic;
                double d = avi - sigma[c] * uic;
                r2 += d * d;
            }
            eta[c] = Math.sqrt(r2 / 2);
        }
        double next = l > k ? s[order[k]] : Double.NaN;
        return new Triplets(u, sigma, next, eta, ur, order);
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
