package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;

/**
 * Scalings of a CSR matrix that keep its structure: {@code α·A}, {@code diag(d)·A} (rows) and
 * {@code A·diag(d)} (columns).
 *
 * <p>Each result stores exactly the positions A stores, in the same order, with new values; a zero
 * scale factor leaves explicit zeros (and IEEE rules apply: {@code 0·∞} is NaN). Matrices are
 * immutable, so the result <em>shares</em> A's row pointer and column index arrays (no copy) and
 * has its own values array of length {@code nnz}; an unsorted A gives an unsorted result.
 * Single-threaded: one multiply per entry is memory-bound, O(nnz).
 */
public final class Scale {

    private Scale() {
    }

    /**
     * {@code α·A}. O(nnz).
     *
     * @param alpha the scale
     * @param a     Input: {@code m × n} CSR
     * @return {@code α·A}, {@code m × n}, same structure (index arrays shared with A)
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CsrMatrix of(double alpha, CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        double[] ax = a.values();
        double[] bx = new double[a.nnz()];
        for (int p = 0; p < bx.length; p++) {
            bx[p] = alpha * ax[p]; // b_ij = α a_ij
        }
        return sameStructure(a, bx);
    }

    /**
     * {@code diag(d)·A}: row {@code i} scaled by {@code d[i]}. O(nnz + m).
     *
     * @param d Input: length {@code m}
     * @param a Input: {@code m × n} CSR
     * @return {@code diag(d)·A}, {@code m × n}, same structure (index arrays shared with A)
     * @throws IllegalArgumentException if {@code d.length != m} (the message states both) or an input is null
     */
    public static CsrMatrix rows(double[] d, CsrMatrix a) {
        Checks.checkVector("d", d, a == null ? 0 : a.rows(), a, "its row count, for diag(d)·A");
        int[] ap = a.rowPointers();
        double[] ax = a.values();
        double[] bx = new double[a.nnz()];
        for (int i = 0, m = a.rows(); i < m; i++) {
            double di = d[i];
            for (int p = ap[i], end = ap[i + 1]; p < end; p++) {
                bx[p] = di * ax[p]; // b_ij = d_i a_ij
            }
        }
        return sameStructure(a, bx);
    }

    /**
     * {@code A·diag(d)}: column {@code j} scaled by {@code d[j]}. O(nnz).
     *
     * @param a Input: {@code m × n} CSR
     * @param d Input: length {@code n}
     * @return {@code A·diag(d)}, {@code m × n}, same structure (index arrays shared with A)
     * @throws IllegalArgumentException if {@code d.length != n} (the message states both) or an input is null
     */
    public static CsrMatrix columns(CsrMatrix a, double[] d) {
        Checks.checkVector("d", d, a == null ? 0 : a.cols(), a, "its column count, for A·diag(d)");
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        double[] bx = new double[a.nnz()];
        for (int p = 0; p < bx.length; p++) {
            bx[p] = ax[p] * d[aj[p]]; // b_ij = a_ij d_j
        }
        return sameStructure(a, bx);
    }

    private static CsrMatrix sameStructure(CsrMatrix a, double[] values) {
        return a.isSorted()
                ? new CsrMatrix(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), values)
                : CsrMatrix.unsorted(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), values);
    }
}
