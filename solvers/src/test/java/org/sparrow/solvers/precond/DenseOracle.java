package org.sparrow.solvers.precond;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.sparrow.core.CsrMatrix;

/**
 * Small dense matrices and the textbook definitions of the preconditioners, written densely and
 * independently of the sparse code, for the tests: M is built from its definition and
 * {@code M·y = x} is checked for the {@code y} the preconditioner returns.
 */
final class DenseOracle {

    private DenseOracle() {
    }

    /** A random symmetric pattern (density ~{@code density}, full diagonal), diagonally dominant: SPD. */
    static double[][] randomSpd(Random rnd, int n, double density) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (rnd.nextDouble() < density) {
                    double v = rnd.nextDouble() * 2 - 1;
                    a[i][j] = v;
                    a[j][i] = v;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += j == i ? 0 : Math.abs(a[i][j]);
            }
            a[i][i] = s + 0.5 + rnd.nextDouble();
        }
        return a;
    }

    /** A random nonsymmetric pattern with a full, dominant diagonal (so ILU(0) has nonzero pivots). */
    static double[][] randomNonsymmetric(Random rnd, int n, double density) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && rnd.nextDouble() < density) {
                    a[i][j] = rnd.nextDouble() * 2 - 1;
                    s += Math.abs(a[i][j]);
                }
            }
            a[i][i] = (rnd.nextBoolean() ? 1 : -1) * (s + 0.5 + rnd.nextDouble());
        }
        return a;
    }

    /** The CSR matrix storing the nonzeros of {@code d}. */
    static CsrMatrix csr(double[][] d) {
        int n = d.length;
        int m = n == 0 ? 0 : d[0].length;
        int nnz = 0;
        for (double[] row : d) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] rp = new int[n + 1];
        int[] ci = new int[nnz];
        double[] x = new double[nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (d[i][j] != 0) {
                    ci[k] = j;
                    x[k++] = d[i][j];
                }
            }
            rp[i + 1] = k;
        }
        return new CsrMatrix(n, m, rp, ci, x);
    }

    static double[] multiply(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += m[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = k == 0 ? 0 : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i][l];
                if (v != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += v * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** SSOR's M = ω/(2−ω)·(D/ω + L)·(D/ω)⁻¹·(D/ω + U), from the definition. */
    static double[][] ssor(double[][] a, double omega) {
        int n = a.length;
        double[][] lower = new double[n][n];
        double[][] dinv = new double[n][n];
        double[][] upper = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j < i) {
                    lower[i][j] = a[i][j];
                } else if (j > i) {
                    upper[i][j] = a[i][j];
                } else {
                    lower[i][i] = a[i][i] / omega;
                    upper[i][i] = a[i][i] / omega;
                    dinv[i][i] = omega / a[i][i];
                }
            }
        }
        double[][] m = multiply(multiply(lower, dinv), upper);
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] *= omega / (2 - omega);
            }
        }
        return m;
    }

    /** ILU(0) by Saad's Algorithm 10.4 on a dense copy, updates restricted to A's pattern; returns L·U. */
    static double[][] ilu0Product(double[][] a) {
        int n = a.length;
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = a[i].clone();
        }
        for (int i = 1; i < n; i++) {
            for (int k = 0; k < i; k++) {
                if (a[i][k] == 0) {
                    continue;
                }
                f[i][k] /= f[k][k];
                for (int j = k + 1; j < n; j++) {
                    if (a[i][j] != 0) {
                        f[i][j] -= f[i][k] * f[k][j];
                    }
                }
            }
        }
        double[][] l = new double[n][n];
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j < i) {
                    l[i][j] = f[i][j];
                } else {
                    u[i][j] = f[i][j];
                }
            }
            l[i][i] = 1;
        }
        return multiply(l, u);
    }

    /**
     * IC(0) of {@code A + α·diag(A)} on a dense copy, restricted to the pattern of A's lower triangle;
     * returns L, or null when a pivot is ≤ 0.
     */
    static double[][] ic0(double[][] a, double alpha) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                if (a[i][k] == 0) {
                    continue;
                }
                double s = a[i][k];
                for (int m = 0; m < k; m++) {
                    s -= l[i][m] * l[k][m];
                }
                l[i][k] = s / l[k][k];
            }
            double d = a[i][i] * (1 + alpha);
            for (int k = 0; k < i; k++) {
                d -= l[i][k] * l[i][k];
            }
            if (!(d > 0)) {
                return null;
            }
            l[i][i] = Math.sqrt(d);
        }
        return l;
    }

    /** max_i |u_i − v_i| ≤ tol·max(1, max_i |v_i|). */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol * scale,
                    what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }

    static double[] randomVector(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    /** Bytes this thread allocated while running {@code r} (HotSpot's per-thread counter). */
    static long allocatedBytes(Runnable r) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        r.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }
}
