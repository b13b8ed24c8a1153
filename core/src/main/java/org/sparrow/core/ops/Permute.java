package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;

/**
 * Row and column permutation {@code B = P·A·Qᵀ} of a CSR matrix.
 *
 * <p><b>Convention.</b> {@code B(i, j) = A(rowPerm[i], colPerm[j])}: row {@code i} of B is row
 * {@code rowPerm[i]} of A, and column {@code j} of B is column {@code colPerm[j]} of A. In matrix
 * terms {@code P} has a one at {@code (i, rowPerm[i])} and {@code Q} a one at {@code (j, colPerm[j])},
 * so {@code B = P·A·Qᵀ} (MATLAB's {@code A(p, q)}; CSparse's {@code cs_permute} takes the inverse row
 * permutation instead). A null permutation is the identity.
 *
 * <p>B is canonical. With no column permutation and a sorted A the rows are copied in their new
 * order (O(nnz + m)); otherwise the entries of B are counting-sorted by column, visiting B's rows in
 * order, and transposed back ({@link SparseConversions#transpose}), so every row comes out sorted in
 * O(nnz + m + n) with no comparison sort.
 */
public final class Permute {

    private Permute() {
    }

    /**
     * {@code B = P·A·Qᵀ}, i.e. {@code B(i, j) = A(rowPerm[i], colPerm[j])}. O(nnz + m + n).
     *
     * @param a       Input: {@code m × n} CSR (sorted or not)
     * @param rowPerm Input: a permutation of {@code 0 … m-1} (length m), or null for the identity
     * @param colPerm Input: a permutation of {@code 0 … n-1} (length n), or null for the identity
     * @return B, {@code m × n}, canonical, new arrays
     * @throws IllegalArgumentException if {@code a} is null or a permutation has the wrong length, an
     *     entry out of range or a repeated entry (the message names the first such entry)
     */
    public static CsrMatrix of(CsrMatrix a, int[] rowPerm, int[] colPerm) {
        Checks.checkMatrix(a, "A");
        int m = a.rows();
        int n = a.cols();
        checkPermutation("rowPerm", rowPerm, m, "row", a);
        checkPermutation("colPerm", colPerm, n, "column", a);
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int nnz = a.nnz();
        int[] bp = new int[m + 1];
        int[] bj = new int[nnz];
        double[] bx = new double[nnz];
        if (colPerm == null && a.isSorted()) {
            for (int i = 0; i < m; i++) {
                int r = rowPerm == null ? i : rowPerm[i];
                int len = ap[r + 1] - ap[r];
                System.arraycopy(aj, ap[r], bj, bp[i], len); // B(i, :) = A(rowPerm[i], :)
                System.arraycopy(ax, ap[r], bx, bp[i], len);
                bp[i + 1] = bp[i] + len;
            }
            return new CsrMatrix(m, n, bp, bj, bx);
        }
        int[] inv = new int[n]; // inv[colPerm[j]] = j: A's column c becomes B's column inv[c]
        for (int j = 0; j < n; j++) {
            inv[colPerm == null ? j : colPerm[j]] = j;
        }
        int[] tp = new int[n + 1]; // Bᵀ in CSR (B in CSC), rows of B increasing within each column
        int[] ti = new int[nnz];
        double[] tx = new double[nnz];
        for (int p = 0; p < nnz; p++) {
            tp[inv[aj[p]] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            tp[j + 1] += tp[j];
        }
        int[] next = java.util.Arrays.copyOf(tp, n);
        for (int i = 0; i < m; i++) {
            int r = rowPerm == null ? i : rowPerm[i];
            for (int p = ap[r]; p < ap[r + 1]; p++) {
                int q = next[inv[aj[p]]]++;
                ti[q] = i; // B(i, inv[c]) = A(rowPerm[i], c)
                tx[q] = ax[p];
            }
        }
        SparseConversions.transpose(n, m, tp, ti, tx, bp, bj, bx);
        return new CsrMatrix(m, n, bp, bj, bx);
    }

    /**
     * Checks that {@code perm} is null or a permutation of {@code 0 … n-1}, naming the first entry
     * that is out of range or repeats an earlier one. O(n).
     */
    static void checkPermutation(String name, int[] perm, int n, String what, CsrMatrix a) {
        if (perm == null) {
            return;
        }
        if (perm.length != n) {
            throw new IllegalArgumentException(name + " has length " + perm.length + " but A is " + Checks.shape(a.rows(), a.cols())
                    + ", so a " + what + " permutation needs length " + n);
        }
        int[] firstAt = new int[n];
        java.util.Arrays.fill(firstAt, -1);
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            if (v < 0 || v >= n) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + v + " is out of range [0, " + n
                        + "): not a " + what + " permutation of a " + Checks.shape(a.rows(), a.cols()) + " matrix");
            }
            if (firstAt[v] >= 0) {
                throw new IllegalArgumentException(name + "[" + k + "] = " + v + " repeats " + name + "["
                        + firstAt[v] + "]: not a permutation");
            }
            firstAt[v] = k;
        }
    }
}
