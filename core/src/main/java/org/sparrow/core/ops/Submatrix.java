package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/**
 * Submatrices of a CSR matrix: a block of contiguous rows and columns, or the rows and columns named
 * by index lists (scipy's {@code A[rows][:, cols]}, MATLAB's {@code A(rows, cols)}). Outputs are
 * canonical; explicit zeros inside the selection are kept.
 */
public final class Submatrix {

    private Submatrix() {
    }

    /**
     * The block {@code B(i, j) = A(rowStart + i, colStart + j)} for the half-open ranges
     * {@code [rowStart, rowEnd) × [colStart, colEnd)}. For a sorted A each row's slice is found by
     * binary search, O(r·log(row length) + nnz(B)) for r selected rows; an unsorted A is scanned
     * and the (small) result sorted.
     *
     * @param a        Input: {@code m × n} CSR (sorted or not)
     * @param rowStart first row, {@code 0 ≤ rowStart ≤ rowEnd}
     * @param rowEnd   one past the last row, {@code ≤ m}
     * @param colStart first column, {@code 0 ≤ colStart ≤ colEnd}
     * @param colEnd   one past the last column, {@code ≤ n}
     * @return B, {@code (rowEnd − rowStart) × (colEnd − colStart)}, canonical, new arrays
     * @throws IllegalArgumentException if a range is reversed or outside A (the message prints the
     *     range and A's shape), or {@code a} is null
     */
    public static CsrMatrix of(CsrMatrix a, int rowStart, int rowEnd, int colStart, int colEnd) {
        Checks.checkMatrix(a, "A");
        checkRange("row", rowStart, rowEnd, a.rows(), a);
        checkRange("column", colStart, colEnd, a.cols(), a);
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int m = rowEnd - rowStart;
        int n = colEnd - colStart;
        boolean sorted = a.isSorted();
        int[] bp = new int[m + 1];
        for (int i = 0; i < m; i++) {
            int r = rowStart + i;
            int count = 0;
            if (sorted) {
                count = lowerBound(aj, ap[r], ap[r + 1], colEnd) - lowerBound(aj, ap[r], ap[r + 1], colStart);
            } else {
                for (int p = ap[r]; p < ap[r + 1]; p++) {
                    count += aj[p] >= colStart && aj[p] < colEnd ? 1 : 0;
                }
            }
            bp[i + 1] = bp[i] + count; // ≤ nnz(A): no overflow
        }
        int[] bj = new int[bp[m]];
        double[] bx = new double[bp[m]];
        for (int i = 0; i < m; i++) {
            int r = rowStart + i;
            int q = bp[i];
            int from = sorted ? lowerBound(aj, ap[r], ap[r + 1], colStart) : ap[r];
            int to = sorted ? from + (bp[i + 1] - bp[i]) : ap[r + 1];
            for (int p = from; p < to; p++) {
                int j = aj[p];
                if (j >= colStart && j < colEnd) {
                    bj[q] = j - colStart; // B(i, j − colStart) = A(rowStart + i, j)
                    bx[q++] = ax[p];
                }
            }
        }
        return sorted ? new CsrMatrix(m, n, bp, bj, bx) : CsrMatrix.unsorted(m, n, bp, bj, bx).sorted();
    }

    /**
     * {@code B(i, t) = A(rows[i], cols[t])}: the rows listed (in that order; a row may be listed
     * more than once) and the columns listed (in that order, renumbered to their positions in
     * {@code cols}; distinct). The entries are counting-sorted by output column, visiting B's rows in
     * order, and transposed back, so B comes out canonical in O(nnz(B) + |rows| + |cols| + n).
     *
     * @param a    Input: {@code m × n} CSR (sorted or not)
     * @param rows Input: row indices in {@code [0, m)}, repeats allowed
     * @param cols Input: distinct column indices in {@code [0, n)}
     * @return B, {@code rows.length × cols.length}, canonical, new arrays
     * @throws IllegalArgumentException if an index is out of range, a column repeats (the message
     *     names the first offending position), an argument is null, or B would hold more entries
     *     than an array can
     */
    public static CsrMatrix of(CsrMatrix a, int[] rows, int[] cols) {
        Checks.checkMatrix(a, "A");
        if (rows == null || cols == null) {
            throw new IllegalArgumentException((rows == null ? "rows" : "cols") + " is null");
        }
        int n = a.cols();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= a.rows()) {
                throw new IllegalArgumentException("rows[" + i + "] = " + rows[i] + " is out of range [0, " + a.rows()
                        + ") of a " + Checks.shape(a.rows(), a.cols()) + " matrix");
            }
        }
        int[] pos = new int[n]; // pos[c] = t where cols[t] = c, else -1
        Arrays.fill(pos, -1);
        for (int t = 0; t < cols.length; t++) {
            int c = cols[t];
            if (c < 0 || c >= n) {
                throw new IllegalArgumentException("cols[" + t + "] = " + c + " is out of range [0, " + n + ") of a "
                        + Checks.shape(a.rows(), a.cols()) + " matrix");
            }
            if (pos[c] >= 0) {
                throw new IllegalArgumentException("cols[" + t + "] = " + c + " repeats cols[" + pos[c]
                        + "]: the column list must be distinct");
            }
            pos[c] = t;
        }
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int m = rows.length;
        int k = cols.length;
        int[] tp = new int[k + 1]; // Bᵀ in CSR: per output column, B's rows increasing
        long total = 0;
        for (int r : rows) {
            for (int p = ap[r]; p < ap[r + 1]; p++) {
                int t = pos[aj[p]];
                if (t >= 0) {
                    tp[t + 1]++;
                    total++;
                }
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + m + "×" + k + " submatrix would hold " + total
                    + " entries, more than a Java array holds");
        }
        for (int t = 0; t < k; t++) {
            tp[t + 1] += tp[t];
        }
        int nnz = (int) total;
        int[] ti = new int[nnz];
        double[] tx = new double[nnz];
        int[] next = Arrays.copyOf(tp, k);
        for (int i = 0; i < m; i++) {
            int r = rows[i];
            for (int p = ap[r]; p < ap[r + 1]; p++) {
                int t = pos[aj[p]];
                if (t >= 0) {
                    int q = next[t]++;
                    ti[q] = i; // B(i, t) = A(rows[i], cols[t])
                    tx[q] = ax[p];
                }
            }
        }
        int[] bp = new int[m + 1];
        int[] bj = new int[nnz];
        double[] bx = new double[nnz];
        SparseConversions.transpose(k, m, tp, ti, tx, bp, bj, bx);
        return new CsrMatrix(m, k, bp, bj, bx);
    }

    /** The first position in {@code aj[from, to)} (sorted) holding a column ≥ {@code j}. */
    private static int lowerBound(int[] aj, int from, int to, int j) {
        int p = Arrays.binarySearch(aj, from, to, j);
        return p >= 0 ? p : -p - 1;
    }

    private static void checkRange(String what, int start, int end, int size, CsrMatrix a) {
        if (start < 0 || end > size || start > end) {
            throw new IllegalArgumentException(what + " range [" + start + ", " + end + ") is not a range within [0, "
                    + size + ") of a " + Checks.shape(a.rows(), a.cols()) + " matrix"
                    + (start > end ? ": start > end" : start < 0 ? ": start < 0" : ": end > " + size));
        }
    }
}
