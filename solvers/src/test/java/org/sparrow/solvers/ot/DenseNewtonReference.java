package org.sparrow.solvers.ot;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An independent reference for tests: Newton's method on the full (not sparsified) dual of entropic
 * transport, F(u, v) = a·u + b·v − Σᵢⱼ exp(uᵢ + vⱼ − η·Cᵢⱼ − 1) (η·f in scaled potentials), with the gauge
 * pinned (v_m = 0, which removes the (1, −1) null direction) and each step a dense LU solve by EJML,
 * plus a halving line search on F (full steps once the gradient is below 1e-6). Written directly from the formulas, sharing no code with the solver.
 */
final class DenseNewtonReference {

    private DenseNewtonReference() {
    }

    /** The dense entropic plan of an n×m cost (row-major), to a gradient 1-norm of about 1e-14. */
    static double[] plan(double[] c, int n, int m, double[] a, double[] b, double eta) {
        double[] u = new double[n];
        double[] v = new double[m];
        int dim = n + m - 1;
        double lastNorm = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 500; it++) {
            double[] p = planOf(c, n, m, u, v, eta);
            double[] g = new double[dim];
            DMatrixRMaj h = new DMatrixRMaj(dim, dim);
            double gnorm = 0;
            for (int i = 0; i < n; i++) {
                double r = 0;
                for (int j = 0; j < m; j++) {
                    r += p[i * m + j];
                }
                g[i] = a[i] - r;
                h.set(i, i, r);
                gnorm += Math.abs(g[i]);
            }
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += p[i * m + j];
                }
                gnorm += Math.abs(b[j] - s);
                if (j < m - 1) {
                    g[n + j] = b[j] - s;
                    h.set(n + j, n + j, s);
                    for (int i = 0; i < n; i++) {
                        h.set(i, n + j, p[i * m + j]);
                        h.set(n + j, i, p[i * m + j]);
                    }
                }
            }
            if (gnorm < 1e-14 || (gnorm >= lastNorm && gnorm < 1e-12)) {
                return p; // converged, or at the rounding floor
            }
            lastNorm = gnorm;
            DMatrixRMaj d = new DMatrixRMaj(dim, 1);
            if (!CommonOps_DDRM.solve(h, new DMatrixRMaj(dim, 1, true, g), d)) {
                throw new IllegalStateException("the reference Newton system is singular");
            }
            double f0 = objective(c, n, m, u, v, a, b, eta);
            double alpha = 1;
            for (int t = 0; t < 60; t++, alpha *= 0.5) {
                double[] ut = u.clone();
                double[] vt = v.clone();
                for (int i = 0; i < n; i++) {
                    ut[i] += alpha * d.get(i);
                }
                for (int j = 0; j < m - 1; j++) {
                    vt[j] += alpha * d.get(n + j);
                }
                double f1 = objective(c, n, m, ut, vt, a, b, eta);
                if (f1 >= f0 || gnorm < 1e-6 || t == 59) { // near the optimum: full steps (f no longer resolves)
                    u = ut;
                    v = vt;
                    break;
                }
            }
        }
        throw new IllegalStateException("the reference Newton iteration did not converge: gradient " + lastNorm);
    }

    static double[] planOf(double[] c, int n, int m, double[] u, double[] v, double eta) {
        double[] p = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                p[i * m + j] = Math.exp(u[i] + v[j] - eta * c[i * m + j] - 1);
            }
        }
        return p;
    }

    private static double objective(double[] c, int n, int m, double[] u, double[] v, double[] a, double[] b,
                                    double eta) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += a[i] * u[i];
        }
        for (int j = 0; j < m; j++) {
            f += b[j] * v[j];
        }
        double[] p = planOf(c, n, m, u, v, eta);
        for (double x : p) {
            f -= x;
        }
        return f;
    }
}
