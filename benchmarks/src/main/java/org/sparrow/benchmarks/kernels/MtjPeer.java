package org.sparrow.benchmarks.kernels;

import no.uib.cipr.matrix.DenseMatrix;
import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import org.sparrow.core.CsrMatrix;

/**
 * MTJ 1.0.4 as a peer for SpMV and SpMM, through its public API: a {@link CompRowMatrix} built once
 * (untimed) from the row structure ({@code new CompRowMatrix(rows, cols, nz)}, then
 * {@code set(i, j, v)} for every entry); {@code mult(Vector, Vector)} on {@link DenseVector}s, and
 * {@code mult(Matrix B, Matrix C)} with MTJ's column-major {@link DenseMatrix} for the block. MTJ
 * has no sparse × sparse product.
 */
final class MtjPeer {

    private final CompRowMatrix a;

    /** Converts {@code m} (canonical CSR: sorted, unique columns, as MTJ requires). */
    MtjPeer(CsrMatrix m) {
        int[] p = m.rowPointers();
        int[] j = m.columnIndices();
        double[] v = m.values();
        int[][] nz = new int[m.rows()][];
        for (int i = 0; i < m.rows(); i++) {
            nz[i] = java.util.Arrays.copyOfRange(j, p[i], p[i + 1]);
        }
        a = new CompRowMatrix(m.rows(), m.cols(), nz);
        for (int i = 0; i < m.rows(); i++) {
            for (int q = p[i]; q < p[i + 1]; q++) {
                a.set(i, j[q], v[q]);
            }
        }
    }

    /** {@code y = A·x}. */
    void multiply(DenseVector x, DenseVector y) {
        a.mult(x, y);
    }

    /** {@code Y = A·X} (both column-major). */
    void multiply(DenseMatrix x, DenseMatrix y) {
        a.mult(x, y);
    }

    /** A column-major MTJ matrix holding the row-major {@code rows × cols} block {@code rowMajor}. */
    static DenseMatrix fromRowMajor(double[] rowMajor, int rows, int cols) {
        double[] colMajor = new double[rowMajor.length];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                colMajor[c * rows + i] = rowMajor[i * cols + c];
            }
        }
        return new DenseMatrix(rows, cols, colMajor, false);
    }

    /** The row-major copy of a column-major MTJ matrix. */
    static double[] toRowMajor(DenseMatrix m) {
        int rows = m.numRows();
        int cols = m.numColumns();
        double[] colMajor = m.getData();
        double[] out = new double[colMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + c] = colMajor[c * rows + i];
            }
        }
        return out;
    }
}
