package org.sparrow.sketching.lstsq;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The factorization of a tall dense p×d matrix M (A itself for QR, S·A for the sketching methods) that
 * every method here needs: Householder QR M = Q·R through EJML, the singular values of R (those of M) to
 * measure the numerical rank and ‖M†‖, and — only when M is numerically rank-deficient — the SVD
 * R = U_R·Σ·Vᵀ, so that the pseudo-inverse of the rank-r truncation is V_r·Σ_r⁻¹·U_rᵀ (LSRN's
 * preconditioner N = V_r·Σ_r⁻¹, Meng–Saunders–Mahoney 2014, §3).
 *
 * <p>Cost: 2·p·d² − 2d³/3 flops for the QR, O(d³) for the SVD of R. Memory: a column-major copy of M
 * (inside EJML) and d×d for R.
 */
final class DenseFactor {

    final int p;
    final int d;
    /** R, d×d upper triangular, row-major. */
    final double[] r;
    /** The singular values of R in decreasing order. */
    final double[] sigma;
    /** The numerical rank: the number of σ_i &gt; rcond·σ₁. */
    final int rank;
    /** The relative threshold used for the rank. */
    final double rcond;
    /** For rank &lt; d: U_R (d×rank) and V (d×rank), row-major; null when full rank. */
    final double[] ur;
    final double[] vr;
    private final QRDecompositionHouseholderColumn_DDRM qr;

    /**
     * Factors M.
     *
     * @param m     Input, p×d row-major with p ≥ d (not modified).
     * @param rcond singular values at or below rcond·σ₁ count as zero.
     */
    DenseFactor(DMatrixRMaj m, double rcond) {
        this.p = m.numRows;
        this.d = m.numCols;
        this.rcond = rcond;
        qr = new QRDecompositionHouseholderColumn_DDRM();
        qr.decompose(m); // false only for an exactly zero column; the SVD below then sees the lost rank
        DMatrixRMaj rm = qr.getR(null, true);
        r = rm.data;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, false, true);
        if (!svd.decompose(rm.copy())) {
            throw new ArithmeticException("the SVD of the " + d + "×" + d + " triangular factor did not converge");
        }
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        sigma = new double[d];
        for (int i = 0; i < d; i++) {
            sigma[i] = s[d - 1 - i];
        }
        int k = 0;
        double cut = rcond * (d == 0 ? 0 : sigma[0]);
        while (k < d && sigma[k] > cut && Double.isFinite(sigma[k])) {
            k++;
        }
        rank = k;
        if (rank < d && rank > 0) {
            SingularValueDecomposition_F64<DMatrixRMaj> full = DecompositionFactory_DDRM.svd(d, d, true, true, false);
            if (!full.decompose(rm.copy())) {
                throw new ArithmeticException("the SVD of the " + d + "×" + d + " triangular factor did not converge");
            }
            DMatrixRMaj u = full.getU(null, false);
            DMatrixRMaj v = full.getV(null, false);
            double[] w = full.getSingularValues();
            Integer[] order = new Integer[d];
            for (int i = 0; i < d; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(w[y], w[x]));
            ur = new double[d * rank];
            vr = new double[d * rank];
            for (int c = 0; c < rank; c++) {
                int j = order[c];
                for (int i = 0; i < d; i++) {
                    ur[i * rank + c] = u.get(i, j);
                    vr[i * rank + c] = v.get(i, j);
                }
            }
        } else {
            ur = null;
            vr = null;
        }
    }

    boolean fullRank() {
        return rank == d;
    }

    /** σ_max/σ_min of M, or infinity when σ_min = 0. */
    double condition() {
        return d == 0 ? 1.0 : sigma[0] / sigma[d - 1];
    }

    /** 1/σ_r: ‖M_r†‖ for the rank-r truncation (NaN for rank 0). */
    double pinvNorm() {
        return rank == 0 ? Double.NaN : 1.0 / sigma[rank - 1];
    }

    /** Qᵀ·c in place (c of length p), applying the Householder reflectors I − γ_j·u_j·u_jᵀ in order. */
    void applyQt(double[] c) {
        double[][] qrData = qr.getQR();
        double[] gammas = qr.getGammas();
        for (int j = 0; j < d; j++) {
            double[] u = qrData[j];
            double s = c[j]; // u_j[j] = 1 implicitly
            for (int k = j + 1; k < p; k++) {
                s += u[k] * c[k];
            }
            s *= gammas[j];
            c[j] -= s;
            for (int k = j + 1; k < p; k++) {
                c[k] -= u[k] * s;
            }
        }
    }

    /**
     * The coordinates z₀ of the least-squares solution of min ‖M·x − c‖ in the preconditioned variable:
     * x = N·z₀ with N = R⁻¹ (full rank: z₀ = (Qᵀc)₁..d) or N = V_r·Σ_r⁻¹ (z₀ = U_rᵀ·(Qᵀc)₁..d).
     */
    double[] solveCoordinates(double[] c) {
        double[] t = c.clone();
        applyQt(t);
        if (fullRank()) {
            return java.util.Arrays.copyOf(t, d);
        }
        double[] z = new double[rank];
        for (int i = 0; i < d; i++) {
            double ti = t[i];
            for (int k = 0; k < rank; k++) {
                z[k] += ur[i * rank + k] * ti;
            }
        }
        return z;
    }

    /** The number of columns of N (d, or the rank). */
    int preconditionedCols() {
        return fullRank() ? d : rank;
    }

    /** x = N·z: R⁻¹·z by back substitution, or V_r·Σ_r⁻¹·z. */
    void applyN(double[] z, double[] x) {
        if (fullRank()) {
            // R·x = z, back substitution
            for (int i = d - 1; i >= 0; i--) {
                double s = z[i];
                int row = i * d;
                for (int j = i + 1; j < d; j++) {
                    s -= r[row + j] * x[j];
                }
                x[i] = s / r[row + i];
            }
            return;
        }
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k < rank; k++) {
                s += vr[i * rank + k] * (z[k] / sigma[k]);
            }
            x[i] = s;
        }
    }

    /** z = Nᵀ·x: R⁻ᵀ·x by forward substitution, or Σ_r⁻¹·V_rᵀ·x. */
    void applyNt(double[] x, double[] z) {
        if (fullRank()) {
            // Rᵀ·z = x, forward substitution by rows of R (column-oriented on Rᵀ)
            System.arraycopy(x, 0, z, 0, d);
            for (int i = 0; i < d; i++) {
                int row = i * d;
                double zi = z[i] / r[row + i];
                z[i] = zi;
                for (int j = i + 1; j < d; j++) {
                    z[j] -= r[row + j] * zi;
                }
            }
            return;
        }
        java.util.Arrays.fill(z, 0.0);
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            for (int k = 0; k < rank; k++) {
                z[k] += vr[i * rank + k] * xi;
            }
        }
        for (int k = 0; k < rank; k++) {
            z[k] /= sigma[k];
        }
    }
}
