package org.sparrow.sketching.lstsq;

import java.nio.file.Path;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.sparrow.core.DenseMatrix;
import org.sparrow.testing.SharedData;

/** Seeded test problems with known answers, shared by the least-squares and low-rank tests. */
public final class Problems {

    private Problems() {
    }

    /** A random n×k matrix with orthonormal columns (Householder QR of a Gaussian block). */
    public static double[] orthonormal(int n, int k, Random rnd) {
        double[] g = new double[n * k];
        for (int i = 0; i < g.length; i++) {
            g[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, k);
        qr.decompose(DMatrixRMaj.wrap(n, k, g));
        return qr.getQ(null, true).data;
    }

    /** A = U·diag(σ)·Vᵀ (n×d) with random orthonormal U (n×d) and V (d×d). */
    public static DenseMatrix withSpectrum(int n, int d, double[] sigma, Random rnd) {
        return fromFactors(orthonormal(n, sigma.length, rnd), sigma, orthonormal(d, sigma.length, rnd), n, d);
    }

    /** U·diag(σ)·Vᵀ for U (n×k) and V (d×k) row-major. */
    public static DenseMatrix fromFactors(double[] u, double[] sigma, double[] v, int n, int d) {
        int k = sigma.length;
        double[] a = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                double us = u[i * k + t] * sigma[t];
                for (int j = 0; j < d; j++) {
                    a[i * d + j] += us * v[j * k + t];
                }
            }
        }
        return new DenseMatrix(n, d, a);
    }

    /** σ_i from 1 down to 1/cond, geometrically spaced. */
    public static double[] geometric(int d, double cond) {
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = d == 1 ? 1.0 : Math.pow(cond, -(double) i / (d - 1));
        }
        return s;
    }

    /**
     * An inconsistent least-squares problem with a known solution: A = U·diag(σ)·Vᵀ, x* random with
     * ‖x*‖ = 1, b = A·x* + ρ·r⊥ with r⊥ a unit vector orthogonal to range(U), so x* is the least-squares
     * solution and ρ the minimum residual norm.
     */
    public record Known(DenseMatrix a, double[] b, double[] x, double residual) {
    }

    public static Known known(int n, int d, double cond, double rho, long seed) {
        Random rnd = new Random(seed);
        double[] u = orthonormal(n, d, rnd);
        double[] v = orthonormal(d, d, rnd);
        DenseMatrix a = fromFactors(u, geometric(d, cond), v, n, d);
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = rnd.nextGaussian();
        }
        scale(x, 1.0 / norm(x));
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = rnd.nextGaussian();
        }
        // r⊥ = (I − U·Uᵀ)·g, twice for orthogonality to working precision
        for (int pass = 0; pass < 2; pass++) {
            double[] c = new double[d];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < d; t++) {
                    c[t] += u[i * d + t] * g[i];
                }
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += u[i * d + t] * c[t];
                }
                g[i] -= s;
            }
        }
        scale(g, rho / norm(g));
        double[] b = a.apply(x);
        for (int i = 0; i < n; i++) {
            b[i] += g[i];
        }
        return new Known(a, b, x, rho);
    }

    public static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    public static double normInf(double[] x) {
        double s = 0;
        for (double v : x) {
            s = Math.max(s, Math.abs(v));
        }
        return s;
    }

    public static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    static void scale(double[] x, double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }

    /** A matrix file of the shared collection; skips the test (CI: fails it) with a clear message when absent. */
    public static Path dataFile(String name) {
        return SharedData.file(name);
    }
}
