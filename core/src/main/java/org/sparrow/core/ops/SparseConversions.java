package org.sparrow.core.ops;

/**
 * Array-level kernels that move sparse entries between layouts: triplets to compressed rows, and
 * compressed rows to compressed columns (equivalently, the transpose).
 *
 * <p>Both are counting sorts, O(nnz + rows + cols) whatever the order of the input, in the manner
 * of CSparse's {@code cs_compress} and {@code cs_transpose} (T. A. Davis, <i>Direct Methods for
 * Sparse Linear Systems</i>, SIAM 2006, §2.4–2.5). The caller (a format's conversion method)
 * validates shapes and allocates; these only loop.
 */
public final class SparseConversions {

    private SparseConversions() {
    }

    /**
     * Compresses triplets into canonical CSR: columns sorted within each row, duplicates summed
     * (explicit zeros, including sums that cancel to zero, are kept).
     *
     * <p>Two stable counting sorts: first by column, then by row, so each row comes out with its
     * columns in increasing order and duplicates adjacent, which one pass then merges.
     *
     * @param rows   number of rows
     * @param cols   number of columns
     * @param nnz    number of triplets
     * @param ri     Input: row indices, valid in {@code [0, rows)}
     * @param ci     Input: column indices, valid in {@code [0, cols)}
     * @param vx     Input: values
     * @param rowPtr Output: length {@code rows + 1}
     * @param colIdx Output: length ≥ {@code nnz}
     * @param values Output: length ≥ {@code nnz}
     * @return the number of entries after duplicates were summed ({@code rowPtr[rows]})
     */
    public static int compress(int rows, int cols, int nnz, int[] ri, int[] ci, double[] vx,
                               int[] rowPtr, int[] colIdx, double[] values) {
        if (hypersparseColumns(rows, cols, nnz)) {
            return compressBySortingRows(rows, nnz, ri, ci, vx, rowPtr, colIdx, values);
        }
        if (nonDecreasing(ci, nnz)) {
            // Already in column order (a column-major Matrix Market file, a CSC matrix's triplets):
            // pass 1 would copy them unchanged.
            bucketByRow(rows, nnz, ri, ci, vx, rowPtr, colIdx, values);
            return sumAdjacentDuplicates(rows, rowPtr, colIdx, values);
        }
        // Pass 1: bucket the triplets by column (stable).
        int[] colStart = new int[cols + 1];
        for (int k = 0; k < nnz; k++) {
            colStart[ci[k] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] byColRow = new int[nnz];
        double[] byColVal = new double[nnz];
        int[] next = new int[Math.max(rows, cols)];
        System.arraycopy(colStart, 0, next, 0, cols);
        for (int k = 0; k < nnz; k++) {
            int p = next[ci[k]]++;
            byColRow[p] = ri[k];
            byColVal[p] = vx[k];
        }
        // Pass 2: bucket by row (stable), so columns come out sorted within each row.
        java.util.Arrays.fill(rowPtr, 0, rows + 1, 0);
        for (int k = 0; k < nnz; k++) {
            rowPtr[ri[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        System.arraycopy(rowPtr, 0, next, 0, rows);
        for (int j = 0; j < cols; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int q = next[byColRow[p]]++;
                colIdx[q] = j;
                values[q] = byColVal[p];
            }
        }
        // Pass 3: sum adjacent duplicates in place; rows only shrink, so writes never overtake reads.
        return sumAdjacentDuplicates(rows, rowPtr, colIdx, values);
    }

    /** Whether {@code a[0..n)} never decreases. */
    private static boolean nonDecreasing(int[] a, int n) {
        for (int k = 1; k < n; k++) {
            if (a[k] < a[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pass 2 of {@link #compress} on triplets already in column order: a stable bucket by row, so
     * each row's columns come out sorted, duplicates adjacent in their original order.
     */
    private static void bucketByRow(int rows, int nnz, int[] ri, int[] ci, double[] vx,
                                    int[] rowPtr, int[] colIdx, double[] values) {
        java.util.Arrays.fill(rowPtr, 0, rows + 1, 0);
        for (int k = 0; k < nnz; k++) {
            rowPtr[ri[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] next = java.util.Arrays.copyOf(rowPtr, rows);
        for (int k = 0; k < nnz; k++) {
            int q = next[ri[k]]++;
            colIdx[q] = ci[k];
            values[q] = vx[k];
        }
    }

    /**
     * Whether {@link #compress} sorts each row instead of bucketing by column: when the columns far
     * outnumber the triplets (a 1×2³¹−1 matrix), since the column buckets cost {@code O(cols)} memory.
     */
    static boolean hypersparseColumns(int rows, int cols, int nnz) {
        return cols > 4L * nnz + rows + 1024;
    }

    /**
     * The bytes {@link #compress} and its output need together: the CSR arrays ({@code rows + 1}
     * pointers, {@code nnz} columns and values) and the sort's workspace.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param nnz  number of triplets
     * @return bytes, without overflow for any int arguments
     */
    public static long compressBytes(int rows, int cols, long nnz) {
        long output = 4L * (rows + 1L) + 12L * nnz;
        long workspace = hypersparseColumns(rows, cols, (int) Math.min(nnz, Integer.MAX_VALUE))
                ? 4L * rows + 12L * nnz
                : 4L * (cols + 1L) + 12L * nnz + 4L * Math.max(rows, cols);
        return output + workspace;
    }

    /**
     * {@link #compress} without column buckets: bucket by row (stable), sort each row by column
     * (stable, so duplicates are summed in the order the triplets give them, as the bucket path
     * does), then sum adjacent duplicates. {@code O(rows + nnz log nnz)} time, {@code O(rows + nnz)} memory.
     */
    private static int compressBySortingRows(int rows, int nnz, int[] ri, int[] ci, double[] vx,
                                             int[] rowPtr, int[] colIdx, double[] values) {
        bucketByRow(rows, nnz, ri, ci, vx, rowPtr, colIdx, values);
        long[] keys = new long[0];
        double[] tmp = new double[0];
        for (int i = 0; i < rows; i++) {
            int from = rowPtr[i];
            int len = rowPtr[i + 1] - from;
            if (len < 2) {
                continue;
            }
            if (keys.length < len) {
                keys = new long[len];
                tmp = new double[len];
            }
            for (int t = 0; t < len; t++) { // column in the high half, position in the low: a stable order
                keys[t] = ((long) colIdx[from + t] << 32) | t;
            }
            java.util.Arrays.sort(keys, 0, len);
            System.arraycopy(values, from, tmp, 0, len);
            for (int t = 0; t < len; t++) {
                colIdx[from + t] = (int) (keys[t] >>> 32);
                values[from + t] = tmp[(int) keys[t]];
            }
        }
        return sumAdjacentDuplicates(rows, rowPtr, colIdx, values);
    }

    /**
     * Sums adjacent entries of equal column within each row, in place, and compacts the rows; rows
     * only shrink, so writes never overtake reads.
     *
     * @param rows   row count
     * @param rowPtr Input/Output: row pointers, rewritten for the compacted rows
     * @param colIdx Input/Output: column indices, each row's equal columns adjacent
     * @param values Input/Output: values
     * @return the number of entries left
     */
    private static int sumAdjacentDuplicates(int rows, int[] rowPtr, int[] colIdx, double[] values) {
        int out = 0;
        int start = 0;
        for (int i = 0; i < rows; i++) {
            int end = rowPtr[i + 1];
            int rowOut = out;
            for (int p = start; p < end; p++) {
                if (out > rowOut && colIdx[out - 1] == colIdx[p]) {
                    values[out - 1] += values[p];
                } else {
                    colIdx[out] = colIdx[p];
                    values[out] = values[p];
                    out++;
                }
            }
            rowPtr[i + 1] = out;
            start = end;
        }
        return out;
    }

    /**
     * Transposes compressed storage: from CSR of A ({@code rows × cols}) builds CSR of Aᵀ, which is
     * also CSC of A. Row indices come out sorted within each output row whatever the input order.
     *
     * @param rows   rows of A
     * @param cols   columns of A
     * @param ap     Input: row pointer of A, length {@code rows + 1}
     * @param aj     Input: column indices of A
     * @param ax     Input: values of A
     * @param tp     Output: row pointer of Aᵀ, length {@code cols + 1}
     * @param ti     Output: column indices of Aᵀ (row indices of A), length ≥ nnz
     * @param tx     Output: values of Aᵀ, length ≥ nnz
     */
    public static void transpose(int rows, int cols, int[] ap, int[] aj, double[] ax,
                                 int[] tp, int[] ti, double[] tx) {
        int nnz = ap[rows];
        java.util.Arrays.fill(tp, 0, cols + 1, 0);
        for (int p = 0; p < nnz; p++) {
            tp[aj[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            tp[j + 1] += tp[j];
        }
        int[] next = java.util.Arrays.copyOf(tp, cols);
        for (int i = 0; i < rows; i++) {
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                int q = next[aj[p]]++;
                ti[q] = i;
                tx[q] = ax[p];
            }
        }
    }
}
