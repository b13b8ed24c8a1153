package org.sparrow.solvers.precond;

/**
 * Triangular sweeps on a CSR matrix whose diagonal positions are known: the forward and backward
 * substitutions ILU(0) and SSOR share (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, §10.3).
 * Allocation-free; {@code x} and {@code y} may be the same array.
 */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * Solves {@code (P + L)·y = x} row by row, L the strictly lower part, P = diag(pivot) or I when
     * {@code pivot} is null (a unit diagonal).
     */
    static void forward(int n, int[] ap, int[] aj, double[] a, int[] diag, double[] pivot, double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double sum = x[i];
            for (int p = ap[i]; p < diag[i]; p++) {
                sum -= a[p] * y[aj[p]]; // y_i = (x_i − Σ_{j<i} l_ij y_j) / p_i
            }
            y[i] = pivot == null ? sum : sum / pivot[i];
        }
    }

    /** Solves {@code (P + U)·y = y} in place from the last row, U the strictly upper part, P = diag(pivot). */
    static void backward(int n, int[] ap, int[] aj, double[] a, int[] diag, double[] pivot, double[] y) {
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int p = diag[i] + 1; p < ap[i + 1]; p++) {
                sum -= a[p] * y[aj[p]]; // y_i = (z_i − Σ_{j>i} u_ij y_j) / p_i
            }
            y[i] = sum / pivot[i];
        }
    }
}
