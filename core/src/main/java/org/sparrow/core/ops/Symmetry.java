package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;

/** Whether a sparse matrix is symmetric within a tolerance, and where it is not. */
public final class Symmetry {

    private Symmetry() {
    }

    /**
     * The first pair (in row order) with {@code |a_ij − a_ji| > relTol·max(|a_ij|, |a_ji|)}, an
     * absent entry counting as 0, described as "A(i, j) = x and A(j, i) = y" (1-based, as
     * {@link Checks} prints entries); or
     * {@code null} when A is symmetric within {@code relTol}. One transpose, then a merge of each row
     * of A with the same row of Aᵀ: O(nnz + n).
     *
     * @param a      Input: square, canonical (sorted) CSR
     * @param relTol relative tolerance, ≥ 0 (0: exact symmetry)
     * @return the first asymmetric pair, described, or {@code null} when A is symmetric within {@code relTol}
     * @throws IllegalArgumentException if A is not square or not sorted
     */
    public static String firstAsymmetry(CsrMatrix a, double relTol) {
        Checks.checkSquare(a.rows(), a.cols(), "symmetry", "");
        if (!a.isSorted()) {
            throw new IllegalArgumentException("symmetry check needs a sorted (canonical) matrix; call sorted() first");
        }
        CsrMatrix t = a.transpose(); // row i of Aᵀ is column i of A
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int[] tp = t.rowPointers();
        int[] tj = t.columnIndices();
        double[] tx = t.values();
        for (int i = 0; i < a.rows(); i++) {
            int p = ap[i];
            int q = tp[i];
            while (p < ap[i + 1] || q < tp[i + 1]) {
                int ja = p < ap[i + 1] ? aj[p] : Integer.MAX_VALUE;
                int jt = q < tp[i + 1] ? tj[q] : Integer.MAX_VALUE;
                int j = Math.min(ja, jt);
                double aij = ja == j ? ax[p++] : 0.0;
                double aji = jt == j ? tx[q++] : 0.0;
                if (Math.abs(aij - aji) > relTol * Math.max(Math.abs(aij), Math.abs(aji))) {
                    return Checks.entry("A", i, j) + " = " + aij + " and " + Checks.entry("A", j, i) + " = " + aji;
                }
            }
        }
        return null;
    }
}
