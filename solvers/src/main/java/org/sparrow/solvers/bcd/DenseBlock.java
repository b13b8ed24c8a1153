package org.sparrow.solvers.bcd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Small dense kernels on a block's m×m matrix (row-major, leading dimension m): Cholesky factor and solve,
 * the largest eigenvalue, and the block quadratic program min_d gᵀd + ½dᵀHd + λ‖x + d‖₁ (+ x + d ≥ 0) that
 * the matrix and Newton updates solve when ℓ₁ or bounds are present.
 */
final class DenseBlock {

    private DenseBlock() {
    }

    /**
     * In-place Cholesky H = LLᵀ (lower triangle of {@code h} overwritten by L).
     *
     * @return −1 on success, else the 0-based position in the block of the first non-positive pivot
     */
    static int cholesky(double[] h, int m) {
        for (int j = 0; j < m; j++) {
            double d = h[j * m + j];
            for (int k = 0; k < j; k++) {
                d -= h[j * m + k] * h[j * m + k];
            }
            if (!(d > 0)) {
                return j;
            }
            d = Math.sqrt(d);
            h[j * m + j] = d;
            for (int i = j + 1; i < m; i++) {
                double s = h[i * m + j];
                for (int k = 0; k < j; k++) {
                    s -= h[i * m + k] * h[j * m + k];
                }
                h[i * m + j] = s / d;
            }
        }
        return -1;
    }

    /** Solves LLᵀy = rhs in place with the factor of {@link #cholesky}. */
    static void choleskySolve(double[] l, int m, double[] y) {
        for (int i = 0; i < m; i++) { // L z = y
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * y[k];
            }
            y[i] = s / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) { // Lᵀ y = z
            double s = y[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * y[k];
            }
            y[i] = s / l[i * m + i];
        }
    }

    /** λ_max of a symmetric m×m matrix (EJML's symmetric eigen-decomposition; allocates). */
    static double maxEigenvalue(double[] h, int m) {
        if (m == 1) {
            return h[0];
        }
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        System.arraycopy(h, 0, a.data, 0, m * m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("the eigenvalues of a block matrix could not be computed");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        return max;
    }

    /**
     * Coordinate-wise prox: argmin_z (c/2)(z − (x − g/c))² + λ|z| (+ z ≥ 0), i.e. soft-thresholding by λ/c then
     * projection.
     */
    static double prox(double x, double g, double c, double lambda, boolean nonneg) {
        double z = x - g / c;
        double t = lambda / c;
        z = z > t ? z - t : (z < -t ? z + t : 0.0);
        return nonneg && z < 0 ? 0.0 : z;
    }

    /**
     * Decrease promised by the coordinate model g·d + (c/2)d² + λ(|x + d| − |x|) at its minimizer (≥ 0): the
     * coordinate term of the GS-q rule.
     */
    static double modelDecrease(double x, double g, double c, double lambda, boolean nonneg) {
        double d = prox(x, g, c, lambda, nonneg) - x;
        return -(g * d + 0.5 * c * d * d + lambda * (Math.abs(x + d) - Math.abs(x)));
    }

    /**
     * Minimizes q(d) = gᵀd + ½dᵀHd + λ‖x + d‖₁ (+ x + d ≥ 0) over the block by cyclic coordinate descent on
     * the dense matrix (exact for each coordinate), from d = 0, until a sweep changes no coordinate by more
     * than 1e-15·(1 + |x + d|) or after 500 sweeps. H must have a positive diagonal.
     *
     * @param hd workspace of length m (H·d)
     */
    static void blockQp(double[] h, int m, double[] g, double[] x, double lambda, boolean nonneg, double[] d,
                        double[] hd) {
        for (int i = 0; i < m; i++) {
            d[i] = 0;
            hd[i] = 0;
        }
        for (int sweep = 0; sweep < 500; sweep++) {
            double change = 0;
            for (int i = 0; i < m; i++) {
                double hii = h[i * m + i];
                double gi = g[i] + hd[i]; // ∂q/∂dᵢ
                double xi = x[i] + d[i];
                double nx = prox(xi, gi, hii, lambda, nonneg);
                double step = nx - xi;
                if (step != 0) {
                    d[i] += step;
                    for (int k = 0; k < m; k++) {
                        hd[k] += h[k * m + i] * step;
                    }
                    change = Math.max(change, Math.abs(step) / (1 + Math.abs(nx)));
                }
            }
            if (change <= 1e-15) {
                return;
            }
        }
    }
}
