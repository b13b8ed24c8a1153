package org.sparrow.solvers.eigen;

import java.util.Arrays;
import java.util.Random;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.solvers.StopReason;

/**
 * The k largest singular triplets of a sparse or matrix-free A (scipy's {@code svds}): Golub–Kahan–
 * Lanczos bidiagonalization with full re-orthogonalization and thick restarts, the Ritz-vector
 * variant of Baglama and Reichel's augmented implicitly restarted Lanczos bidiagonalization (IRLBA,
 * SIAM J. Sci. Comput. 27 (2005) 19–42, §3).
 *
 * <p>After p steps {@code A·V_p = U_p·B_p} and {@code Aᵀ·U_p = V_p·B_pᵀ + r·e_pᵀ} with B_p upper
 * triangular (bidiagonal before the first restart). With {@code B_p = P·Σ·Qᵀ}, the restart keeps
 * {@code V_l = V_p·Q_l}, {@code U_l = U_p·P_l}: then {@code A·V_l = U_l·Σ_l} and
 * {@code Aᵀ·U_l = V_l·Σ_l + r·(e_pᵀP_l)} (Baglama–Reichel eq. 3.9), and the bidiagonalization goes on
 * from {@code r/‖r‖}; the spike {@code ‖r‖·e_pᵀP_l} appears by itself as the coefficients of the
 * next step's re-orthogonalization. The Ritz estimate of triplet i is ‖r‖·|P(p, i)| (= ‖Aᵀ·u − σ·v‖,
 * while A·v − σ·u = 0 in exact arithmetic); at the end both residuals are recomputed from A. As in
 * {@link Eigs}, converged triplets are confirmed by a deflated restart from a random vector orthogonal to
 * them, repeated until it finds nothing new, so that every copy of a multiple singular value is found.
 *
 * <p>The Golub–Kahan step of {@code org.sparrow.solvers.krylov} (LSQR/LSMR) is the same recurrence
 * with two vectors and no re-orthogonalization, which a solve of A·x = b can afford and a singular
 * value computation cannot (the Ritz values would repeat as orthogonality is lost). For a
 * {@link CsrMatrix}, Aᵀ is formed once, so that Aᵀ·u is a row-parallel SpMV like A·v.
 */
public final class Svds {

    private Svds() {
    }

    /**
     * The k largest singular triplets of A.
     *
     * @param a Input: the m × n operator
     * @param o the options
     * @return the triplets, largest first
     * @throws IllegalArgumentException if A or the options are null, k &gt; min(m, n), or A is a
     *     matrix with a non-finite entry
     */
    public static SvdsResult largest(LinearOperator a, SvdsOptions o) {
        long started = System.nanoTime();
        Checks.checkNotNull(a, "A");
        Checks.checkNotNull(o, "the options");
        int rows = a.rows();
        int cols = a.cols();
        int min = Math.min(rows, cols);
        int k = o.k();
        if (k > min) {
            throw new IllegalArgumentException("k = " + k + " singular values asked of a " + Checks.shape(rows, cols)
                    + " matrix: k must be ≤ min(m, n) = " + min);
        }
        LinearOperator at;
        if (a instanceof CsrMatrix c) {
            Checks.checkFinite(c, "", "A");
            CsrMatrix t = c.transpose();
            at = LinearOperator.of(cols, rows, t::apply, c::apply);
        } else {
            if (a instanceof DenseMatrix d) {
                Checks.checkFinite(d, "", "A");
            }
            at = LinearOperator.of(cols, rows, a::applyTranspose, a::apply);
        }
        int p = Math.min(min, o.subspace() == 0 ? Math.max(2 * k + 1, 20) : o.subspace());
        double[][] v = new double[p + 1][cols];
        double[][] u = new double[p][rows];
        double[][] spareV = new double[p][];
        double[][] spareU = new double[p][];
        double[] b = new double[p * p];
        double[] coef = new double[p + 1];
        double[] work = new double[p + 1];
        Random rnd = new Random(o.seed());
        Basis.randomOrthogonal(v, 0, v[0], rnd, coef, work);
        long products = 0;
        double sigmaMax = 0;
        double rnorm = 0;
        int kept = 0;
        int restarts = 0;
        int verifyFailures = 0;
        int want = k;                                // k, then k + 1 once the k are being confirmed
        boolean canConfirm = p < min && p - k >= 4;
        double[] confirmed = null;                   // the k values a deflated restart set out to confirm
        SmallDense.Svd s;
        StopReason reason;
        String detail;
        while (true) {
            for (int j = kept; j < p; j++) {
                double[] w = u[j];
                a.apply(v[j], w); // A·v_j = Σ_{i<j} B(i, j)·u_i + B(j, j)·u_j
                products++;
                double before = Blas.norm2(w);
                if (!Double.isFinite(before)) {
                    return notFinite(k, rows, cols, restarts, products, started);
                }
                Arrays.fill(coef, 0.0);
                double alpha = Basis.orthogonalize(u, j, w, coef, work, before);
                for (int i = 0; i < j; i++) {
                    b[i * p + j] += coef[i];
                }
                if (alpha <= 1e-12 * before || alpha == 0.0) { // A·v_j lies in span(U_j): B(j, j) = 0
                    b[j * p + j] = 0.0;
                    Basis.randomOrthogonal(u, j, w, rnd, coef, work);
                } else {
                    b[j * p + j] = alpha;
                    Blas.scale(1.0 / alpha, w, w);
                }
                double[] z = v[j + 1];
                at.apply(w, z); // Aᵀ·u_j = Σ_{i≤j} B(j, i)·v_i + β_j·v_{j+1}
                products++;
                double zb = Blas.norm2(z);
                if (!Double.isFinite(zb)) {
                    return notFinite(k, rows, cols, restarts, products, started);
                }
                Arrays.fill(coef, 0.0);
                double beta = Basis.orthogonalize(v, j + 1, z, coef, work, zb);
                if (beta <= 1e-12 * zb || beta == 0.0) {
                    beta = 0.0;
                    if (j + 1 < cols) {
                        Basis.randomOrthogonal(v, j + 1, z, rnd, coef, work);
                    } else {
                        Arrays.fill(z, 0.0);
                    }
                } else {
                    Blas.scale(1.0 / beta, z, z);
                }
                rnorm = beta; // after the last step: ‖r‖ of Aᵀ·U_p = V_p·B_pᵀ + r·e_pᵀ
            }
            restarts++;
            s = SmallDense.svd(b, p, p);
            sigmaMax = Math.max(sigmaMax, s.s()[0]);
            int nconv = 0;
            for (int i = 0; i < want; i++) {
                double limit = o.tolerance() * sigmaMax * (i >= k ? Math.sqrt(1.0 / o.tolerance()) : 1.0); // as in KrylovSchur
                if (rnorm * Math.abs(s.p()[(p - 1) * p + i]) <= limit) {
                    nconv++;
                } else {
                    break;
                }
            }
            boolean inject = false;
            if (nconv >= want) {
                SvdsResult r = finish(a, at, u, v, p, s, o, sigmaMax, restarts, products, started, StopReason.CONVERGED, "");
                if (r.allConverged() && (!canConfirm || same(confirmed, r.values(), o.tolerance() * sigmaMax))) {
                    return r;
                }
                if (r.allConverged()) { // as in KrylovSchur: a deflated restart confirms the k (multiple σ)
                    inject = true;
                    want = k + 1;
                    confirmed = r.values().clone();
                }
                if (++verifyFailures >= 3) {
                    reason = StopReason.STAGNATION;
                    detail = "the Ritz estimates met the tolerance but the recomputed residuals did not, " + verifyFailures + " times";
                    break;
                }
            }
            if (restarts >= o.maxIterations()) {
                reason = StopReason.MAX_ITERATIONS;
                detail = Math.min(nconv, k) + " of " + k + " singular triplets converged within " + restarts + " restarts";
                break;
            }
            int keep = inject ? k : Math.max(Math.min(want + Math.min(nconv, (p - want) / 2), p - 1), Math.min(want, p - 1));
            if (keep < 1) {
                reason = StopReason.BREAKDOWN;
                detail = "the subspace of dimension " + p + " leaves no room to restart";
                break;
            }
            double[] ql = new double[p * keep];
            double[] pl = new double[p * keep];
            for (int i = 0; i < p; i++) {
                System.arraycopy(s.q(), i * p, ql, i * keep, keep);
                System.arraycopy(s.p(), i * p, pl, i * keep, keep);
            }
            for (int i = 0; i < keep; i++) {
                if (spareV[i] == null) {
                    spareV[i] = new double[cols];
                    spareU[i] = new double[rows];
                }
            }
            Basis.combine(v, ql, p, keep, spareV);
            Basis.combine(u, pl, p, keep, spareU);
            for (int i = 0; i < keep; i++) {
                double[] t = v[i];
                v[i] = spareV[i];
                spareV[i] = t;
                t = u[i];
                u[i] = spareU[i];
                spareU[i] = t;
            }
            if (inject) { // the k locked; the next right vector a random one orthogonal to them
                Basis.randomOrthogonal(v, keep, v[keep], rnd, coef, work);
            } else {
                double[] t = v[keep];
                v[keep] = v[p];
                v[p] = t;
            }
            Arrays.fill(b, 0.0);
            for (int i = 0; i < keep; i++) {
                b[i * p + i] = s.s()[i];
            }
            kept = keep;
        }
        return finish(a, at, u, v, p, s, o, sigmaMax, restarts, products, started, reason, detail);
    }

    /** Whether the values equal those being confirmed, to 10·tolerance·σ₁. */
    private static boolean same(double[] confirmed, double[] values, double tolerance) {
        if (confirmed == null) {
            return false;
        }
        for (int c = 0; c < values.length; c++) {
            if (!(Math.abs(values[c] - confirmed[c]) <= 10 * tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static SvdsResult finish(LinearOperator a, LinearOperator at, double[][] u, double[][] v, int p,
                                     SmallDense.Svd s, SvdsOptions o, double sigmaMax, int restarts, long products,
                                     long started, StopReason reason, String detail) {
        int k = o.k();
        int rows = a.rows();
        int cols = a.cols();
        double[] uo = new double[rows * k];
        double[] vo = new double[cols * k];
        double[] res = new double[k];
        double[] resT = new double[k];
        double[] values = Arrays.copyOf(s.s(), k);
        double[] y = new double[cols];
        double[] x = new double[rows];
        double[] ax = new double[rows];
        double[] aty = new double[cols];
        double[] zc = new double[p];
        double[][] one = new double[1][];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < p; i++) {
                zc[i] = s.q()[i * p + c];
            }
            one[0] = y;
            Basis.combine(v, zc, p, 1, one);
            for (int i = 0; i < p; i++) {
                zc[i] = s.p()[i * p + c];
            }
            one[0] = x;
            Basis.combine(u, zc, p, 1, one);
            Blas.scale(1.0 / Blas.norm2(y), y, y);
            Blas.scale(1.0 / Blas.norm2(x), x, x);
            a.apply(y, ax);
            at.apply(x, aty);
            products += 2;
            Blas.axpy(-values[c], x, ax);
            Blas.axpy(-values[c], y, aty);
            res[c] = Blas.norm2(ax);
            resT[c] = Blas.norm2(aty);
            for (int i = 0; i < rows; i++) {
                uo[i * k + c] = x[i];
            }
            for (int i = 0; i < cols; i++) {
                vo[i * k + c] = y[i];
            }
        }
        boolean[] conv = new boolean[k];
        int nconv = 0;
        for (int c = 0; c < k; c++) {
            conv[c] = Math.max(res[c], resT[c]) <= o.tolerance() * sigmaMax;
            nconv += conv[c] ? 1 : 0;
        }
        if (reason == StopReason.CONVERGED && nconv < k) {
            reason = StopReason.STAGNATION;
        }
        return new SvdsResult(values, new DenseMatrix(rows, k, uo), new DenseMatrix(cols, k, vo), res, resT, conv,
                restarts, products, (System.nanoTime() - started) * 1e-9, reason, nconv == k ? "" : detail);
    }

    private static SvdsResult notFinite(int k, int rows, int cols, int restarts, long products, long started) {
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        return new SvdsResult(nan, new DenseMatrix(rows, k, new double[rows * k]), new DenseMatrix(cols, k, new double[cols * k]),
                nan.clone(), nan.clone(), new boolean[k], restarts, products, (System.nanoTime() - started) * 1e-9,
                StopReason.NOT_FINITE, "a product with A or Aᵀ was not finite");
    }
}
