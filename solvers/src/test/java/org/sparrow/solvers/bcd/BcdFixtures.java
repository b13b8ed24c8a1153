package org.sparrow.solvers.bcd;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;

/** Seeded small problems and dense oracles for the BCD tests. */
final class BcdFixtures {

    private BcdFixtures() {
    }

    /** A dense m×n matrix with the given density (each column at least one entry), seeded. */
    static double[][] randomDense(int m, int n, double density, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        for (int j = 0; j < n; j++) {
            boolean any = false;
            for (int i = 0; i < m; i++) {
                if (r.nextDouble() < density) {
                    a[i][j] = r.nextGaussian() * (1 + j % 3); // varied column norms
                    any = true;
                }
            }
            if (!any) {
                a[r.nextInt(m)][j] = 1 + r.nextDouble();
            }
        }
        return a;
    }

    static CscMatrix csc(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        int nnz = 0;
        for (double[] row : a) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] cp = new int[n + 1];
        int[] ri = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (a[i][j] != 0) {
                    ri[p] = i;
                    v[p++] = a[i][j];
                }
            }
            cp[j + 1] = p;
        }
        return new CscMatrix(m, n, cp, ri, v);
    }

    static CsrMatrix csr(double[][] a) {
        return csc(a).toCsr();
    }

    /** A sparse SPD matrix: a path-plus-random-graph Laplacian with a positive diagonal shift. */
    static double[][] randomSpd(int n, double density, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (j == i + 1 || r.nextDouble() < density) {
                    double w = 0.5 + r.nextDouble();
                    a[i][j] -= w;
                    a[j][i] -= w;
                    a[i][i] += w;
                    a[j][j] += w;
                }
            }
            a[i][i] += 0.1 + r.nextDouble();
        }
        return a;
    }

    static double[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /** Dense solve of M·x = rhs (EJML LU). */
    static double[] denseSolve(double[][] mat, double[] rhs) {
        int n = rhs.length;
        DMatrixRMaj a = new DMatrixRMaj(mat);
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, rhs);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new AssertionError("singular test matrix");
        }
        return x.data.clone();
    }

    /** AᵀA. */
    static double[][] gram(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] g = new double[n][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0) {
                    for (int k = 0; k < n; k++) {
                        g[j][k] += a[i][j] * a[i][k];
                    }
                }
            }
        }
        return g;
    }

    /** Aᵀv. */
    static double[] atv(double[][] a, double[] v) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += a[i][j] * v[i];
            }
        }
        return out;
    }

    /** Av. */
    static double[] av(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }

    /** Dense gradient of the least-squares loss: Aᵀ(Ax − b). */
    static double[] lsGradient(double[][] a, double[] b, double[] x) {
        double[] r = av(a, x);
        for (int i = 0; i < r.length; i++) {
            r[i] -= b[i];
        }
        return atv(a, r);
    }
}
