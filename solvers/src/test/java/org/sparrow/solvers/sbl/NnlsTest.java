package org.sparrow.solvers.sbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class NnlsTest {

    /** Brute force: the best unconstrained least-squares fit over every subset that is non-negative. */
    private static double bruteForceObjective(double[] c, int rows, int cols, double[] t) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << cols; mask++) {
            int p = Integer.bitCount(mask);
            double[] g = new double[cols];
            if (p > 0) {
                DMatrixRMaj cp = new DMatrixRMaj(rows, p);
                int q = 0;
                for (int j = 0; j < cols; j++) {
                    if ((mask >> j & 1) != 0) {
                        for (int i = 0; i < rows; i++) {
                            cp.set(i, q, c[i * cols + j]);
                        }
                        q++;
                    }
                }
                DMatrixRMaj z = new DMatrixRMaj(p, 1);
                if (!CommonOps_DDRM.solve(cp, new DMatrixRMaj(rows, 1, true, t), z)) {
                    continue;
                }
                boolean ok = true;
                q = 0;
                for (int j = 0; j < cols; j++) {
                    if ((mask >> j & 1) != 0) {
                        ok &= z.get(q) >= 0;
                        g[j] = z.get(q++);
                    }
                }
                if (!ok) {
                    continue;
                }
            }
            best = Math.min(best, objective(c, rows, cols, t, g));
        }
        return best;
    }

    private static double objective(double[] c, int rows, int cols, double[] t, double[] g) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            double r = t[i];
            for (int j = 0; j < cols; j++) {
                r -= c[i * cols + j] * g[j];
            }
            s += r * r;
        }
        return s;
    }

    @Test
    void nnlsMatchesBruteForceOnRandomAndCouplingMatrices() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(7);
            int rows = trial % 2 == 0 ? n : n + rnd.nextInt(3);
            double[] c = new double[rows * n];
            if (trial % 3 == 0 && rows == n) {
                double beta = rnd.nextDouble();
                for (int a = 0; a < n; a++) {
                    c[a * n + a] = 1;
                    if (a + 1 < n) {
                        c[a * n + a + 1] = beta;
                        c[(a + 1) * n + a] = beta;
                    }
                }
            } else {
                for (int i = 0; i < c.length; i++) {
                    c[i] = rnd.nextGaussian();
                }
            }
            double[] t = new double[rows];
            for (int i = 0; i < rows; i++) {
                t[i] = rnd.nextGaussian();
            }
            double[] g = Nnls.solve(c, rows, n, t);
            for (double v : g) {
                assertTrue(v >= 0, "negative entry " + v);
            }
            double got = objective(c, rows, n, t, g);
            double want = bruteForceObjective(c, rows, n, t);
            assertEquals(want, got, 1e-9 * Math.max(1, want), "trial " + trial);
        }
    }
}
