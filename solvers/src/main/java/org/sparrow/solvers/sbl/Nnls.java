package org.sparrow.solvers.sbl;

/**
 * Non-negative least squares min ‖C·g − t‖ subject to g ≥ 0 for a small dense C, by the active-set
 * method of Lawson &amp; Hanson ("Solving Least Squares Problems", 1974, ch. 23, algorithm NNLS). The
 * unconstrained sub-problems on the passive set are solved through their normal equations by
 * Cholesky (C is tiny and, for PC-KroSBL, well conditioned: 1 on the diagonal, β ≤ 1 beside it).
 */
final class Nnls {

    private Nnls() {
    }

    /**
     * @param c row-major rows × cols
     * @param t length rows
     * @return g ≥ 0, length cols
     */
    static double[] solve(double[] c, int rows, int cols, double[] t) {
        double[] g = new double[cols];
        boolean[] passive = new boolean[cols];
        double[] r = new double[rows];
        double[] w = new double[cols];
        double[] z = new double[cols];
        double tnorm = 0;
        for (double v : t) {
            tnorm = Math.max(tnorm, Math.abs(v));
        }
        double cnorm = 0;
        for (double v : c) {
            cnorm = Math.max(cnorm, Math.abs(v));
        }
        double tol = 10 * Math.ulp(1.0) * Math.max(1, cols) * cnorm * Math.max(tnorm, Double.MIN_NORMAL);
        int maxOuter = 3 * cols + 3;
        for (int outer = 0; outer < maxOuter; outer++) {
            gradient(c, rows, cols, t, g, r, w);
            int best = -1;
            double bestW = tol;
            for (int j = 0; j < cols; j++) {
                if (!passive[j] && w[j] > bestW) {
                    bestW = w[j];
                    best = j;
                }
            }
            if (best < 0) {
                break; // Kuhn–Tucker conditions hold
            }
            passive[best] = true;
            for (int inner = 0; inner <= cols; inner++) {
                if (!leastSquaresOnPassive(c, rows, cols, t, passive, z)) {
                    passive[best] = false; // singular sub-problem: keep the previous iterate
                    return g;
                }
                double alpha = 1;
                boolean feasible = true;
                for (int j = 0; j < cols; j++) {
                    if (passive[j] && z[j] <= 0) {
                        feasible = false;
                        double step = g[j] / (g[j] - z[j]);
                        alpha = Math.min(alpha, step);
                    }
                }
                if (feasible) {
                    System.arraycopy(z, 0, g, 0, cols);
                    break;
                }
                for (int j = 0; j < cols; j++) {
                    if (passive[j]) {
                        g[j] += alpha * (z[j] - g[j]);
                        if (g[j] <= 1e-15 * Math.max(1, Math.abs(z[j]))) {
                            g[j] = 0;
                            passive[j] = false;
                        }
                    }
                }
            }
        }
        return g;
    }

    // w = Cᵀ(t − C g)
    private static void gradient(double[] c, int rows, int cols, double[] t, double[] g, double[] r, double[] w) {
        for (int i = 0; i < rows; i++) {
            double acc = t[i];
            for (int j = 0; j < cols; j++) {
                acc -= c[i * cols + j] * g[j];
            }
            r[i] = acc;
        }
        for (int j = 0; j < cols; j++) {
            double acc = 0;
            for (int i = 0; i < rows; i++) {
                acc += c[i * cols + j] * r[i];
            }
            w[j] = acc;
        }
    }

    // z_P = argmin ‖C_P z_P − t‖ via (C_PᵀC_P) z_P = C_Pᵀ t (Cholesky), z elsewhere 0
    private static boolean leastSquaresOnPassive(double[] c, int rows, int cols, double[] t, boolean[] passive,
                                                 double[] z) {
        int p = 0;
        int[] idx = new int[cols];
        for (int j = 0; j < cols; j++) {
            z[j] = 0;
            if (passive[j]) {
                idx[p++] = j;
            }
        }
        double[] gram = new double[p * p];
        double[] rhs = new double[p];
        for (int a = 0; a < p; a++) {
            int ja = idx[a];
            double acc = 0;
            for (int i = 0; i < rows; i++) {
                acc += c[i * cols + ja] * t[i];
            }
            rhs[a] = acc;
            for (int bb = 0; bb <= a; bb++) {
                int jb = idx[bb];
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += c[i * cols + ja] * c[i * cols + jb];
                }
                gram[a * p + bb] = s;
                gram[bb * p + a] = s;
            }
        }
        // in-place Cholesky, lower triangle
        for (int j = 0; j < p; j++) {
            double dj = gram[j * p + j];
            for (int k = 0; k < j; k++) {
                dj -= gram[j * p + k] * gram[j * p + k];
            }
            if (!(dj > 0)) {
                return false;
            }
            dj = Math.sqrt(dj);
            gram[j * p + j] = dj;
            for (int i = j + 1; i < p; i++) {
                double v = gram[i * p + j];
                for (int k = 0; k < j; k++) {
                    v -= gram[i * p + k] * gram[j * p + k];
                }
                gram[i * p + j] = v / dj;
            }
        }
        for (int i = 0; i < p; i++) {
            double v = rhs[i];
            for (int k = 0; k < i; k++) {
                v -= gram[i * p + k] * rhs[k];
            }
            rhs[i] = v / gram[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double v = rhs[i];
            for (int k = i + 1; k < p; k++) {
                v -= gram[k * p + i] * rhs[k];
            }
            rhs[i] = v / gram[i * p + i];
        }
        for (int a = 0; a < p; a++) {
            z[idx[a]] = rhs[a];
        }
        return true;
    }
}
