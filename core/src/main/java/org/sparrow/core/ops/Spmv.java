package org.sparrow.core.ops;

/**
 * Sparse matrix–vector products on compressed-row arrays.
 *
 * <p>Single-threaded reference loops (CSparse {@code cs_gaxpy} style); the kernels issue replaces
 * their insides with the multi-threaded, nonzero-balanced versions without changing the signatures.
 */
public final class Spmv {

    private Spmv() {
    }

    /**
     * {@code y = A·x} for A in CSR. O(nnz + rows).
     *
     * @param rows   rows of A
     * @param rowPtr Input: length {@code rows + 1}
     * @param colIdx Input: column indices
     * @param values Input: values
     * @param x      Input: length {@code cols}
     * @param y      Output: length {@code rows}; overwritten
     */
    public static void multiply(int rows, int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y) {
        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            for (int p = rowPtr[i], end = rowPtr[i + 1]; p < end; p++) {
                sum += values[p] * x[colIdx[p]]; // y_i = Σ_j a_ij x_j
            }
            y[i] = sum;
        }
    }

    /**
     * {@code y = Aᵀ·x} for A in CSR (a scatter over the rows of A). O(nnz + rows + cols).
     *
     * @param rows   rows of A
     * @param cols   columns of A
     * @param rowPtr Input: length {@code rows + 1}
     * @param colIdx Input: column indices
     * @param values Input: values
     * @param x      Input: length {@code rows}
     * @param y      Output: length {@code cols}; overwritten
     */
    public static void multiplyTranspose(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values,
                                         double[] x, double[] y) {
        java.util.Arrays.fill(y, 0, cols, 0.0);
        for (int i = 0; i < rows; i++) {
            double xi = x[i];
            for (int p = rowPtr[i], end = rowPtr[i + 1]; p < end; p++) {
                y[colIdx[p]] += values[p] * xi; // y_j += a_ij x_i
            }
        }
    }
}
