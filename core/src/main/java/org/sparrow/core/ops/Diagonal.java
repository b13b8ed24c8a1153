package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/** The main diagonal of a CSR matrix, and the diagonal matrix of a vector. */
public final class Diagonal {

    private Diagonal() {
    }

    /**
     * The main diagonal {@code d_i = A(i, i)} for {@code i < min(m, n)}; positions A does not store
     * are 0. O(m·log(row length)) for a sorted A (binary search per row), O(nnz) for an unsorted one.
     *
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @return a new array of length {@code min(m, n)}
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static double[] of(CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        double[] d = new double[Math.min(a.rows(), a.cols())];
        for (int i = 0; i < d.length; i++) {
            if (a.isSorted()) {
                int p = Arrays.binarySearch(aj, ap[i], ap[i + 1], i);
                d[i] = p >= 0 ? ax[p] : 0.0; // d_i = a_ii
            } else {
                for (int p = ap[i]; p < ap[i + 1]; p++) {
                    if (aj[p] == i) {
                        d[i] = ax[p];
                        break;
                    }
                }
            }
        }
        return d;
    }

    /**
     * The {@code n × n} diagonal matrix {@code diag(d)}, {@code n = d.length}. Every diagonal position
     * is stored, so a zero in {@code d} becomes an explicit zero (as {@code scipy.sparse.diags}): the
     * pattern is always the full diagonal. O(n).
     *
     * @param d Input: the diagonal; copied, not adopted
     * @return {@code diag(d)}, canonical, nnz = n
     * @throws IllegalArgumentException if {@code d} is null
     */
    public static CsrMatrix matrix(double[] d) {
        if (d == null) {
            throw new IllegalArgumentException("d is null");
        }
        int n = d.length;
        if (n == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("diag(d) with " + n + " rows needs a row pointer of " + ((long) n + 1)
                    + " entries, more than a Java array holds");
        }
        int[] rp = new int[n + 1];
        int[] ci = new int[n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = i + 1;
            ci[i] = i; // D(i, i) = d_i
        }
        return new CsrMatrix(n, n, rp, ci, d.clone());
    }
}
