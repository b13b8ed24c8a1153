package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * The linear combination {@code C = α·A + β·B} of two CSR matrices of the same shape.
 *
 * <p>Two passes over the rows, each parallel over row ranges of about equal {@code nnz(A) + nnz(B)}
 * (as scipy's {@code csr_binop_csr} and CSparse's {@code cs_add}, but row-merged): count the union
 * of each row's columns, prefix-sum the counts into C's row pointer, then merge the sorted rows
 * into C. Every entry is computed by one thread from its own inputs, so the result is bit-identical
 * for every thread count.
 *
 * <p><b>Structure.</b> C stores the union of the patterns of A and B: {@code α·a_ij + β·b_ij} where
 * both store {@code (i, j)}, {@code α·a_ij} or {@code β·b_ij} where one does. Explicit zeros are kept,
 * and so is an entry whose value cancels to zero ({@code α·a + β·b == 0}), or that a zero α or β
 * makes zero: the pattern never depends on the values. Unsorted inputs are sorted first
 * ({@link CsrMatrix#sorted()}, a copy); C is canonical.
 */
public final class Add {

    private Add() {
    }

    /**
     * {@code C = α·A + β·B}, as parallel as {@code par} says for nnz(A) + nnz(B) entries. As
     * {@link #of(double, CsrMatrix, double, CsrMatrix, int)} otherwise.
     *
     * @param alpha scale of A
     * @param a Input: {@code m × n} CSR (sorted or not)
     * @param beta scale of B
     * @param b Input: {@code m × n} CSR (sorted or not)
     * @param par how parallel the sum may be
     * @return C, {@code m × n}, canonical, new arrays; explicit and cancelled zeros kept
     * @throws IllegalArgumentException as the thread-count form, or if {@code par} is null
     */
    public static CsrMatrix of(double alpha, CsrMatrix a, double beta, CsrMatrix b, Par par) {
        Checks.checkMatrix(a, "A");
        Checks.checkMatrix(b, "B");
        return of(alpha, a, beta, b, Parallelism.threads(par, (long) a.nnz() + b.nnz()));
    }

    /**
     * {@code C = α·A + β·B} on exactly {@code threads} threads, canonical; bit-identical for every thread count.
     * O(nnz(A) + nnz(B) + rows) work (plus a sort of an unsorted input).
     *
     * @param alpha   scale of A
     * @param a       Input: {@code m × n} CSR (sorted or not)
     * @param beta    scale of B
     * @param b       Input: {@code m × n} CSR (sorted or not)
     * @param threads threads to use, ≥ 1 (1 runs on the caller's thread with no pool)
     * @return C, {@code m × n}, canonical, new arrays; explicit and cancelled zeros kept
     * @throws IllegalArgumentException if the shapes differ (the message prints both), an input is
     *     null, {@code threads < 1}, or C would hold more entries than an array can
     */
    public static CsrMatrix of(double alpha, CsrMatrix a, double beta, CsrMatrix b, int threads) {
        Checks.checkMatrix(a, "A");
        Checks.checkMatrix(b, "B");
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("cannot add A " + Checks.shape(a.rows(), a.cols()) + " and B " + Checks.shape(b.rows(), b.cols())
                    + ": shapes differ");
        }
        Parallelism.checkThreads(threads);
        CsrMatrix sa = a.sorted();
        CsrMatrix sb = b.sorted();
        int rows = a.rows();
        int[] ap = sa.rowPointers();
        int[] aj = sa.columnIndices();
        double[] ax = sa.values();
        int[] bp = sb.rowPointers();
        int[] bj = sb.columnIndices();
        double[] bx = sb.values();
        int[] cp = new int[rows + 1];
        int parts = KernelSupport.parts(threads, rows);
        int[] split = KernelSupport.splitRows(rows, ap, bp, parts);
        Parallelism.forEachTask(threads, parts, t -> countRows(ap, aj, bp, bj, cp, split[t], split[t + 1]));
        long total = 0;
        for (int i = 0; i < rows; i++) {
            total += cp[i + 1];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("α·A + β·B of two " + Checks.shape(a.rows(), a.cols()) + " matrices would hold more than "
                        + (Integer.MAX_VALUE - 8) + " entries, more than a Java array holds");
            }
            cp[i + 1] = (int) total;
        }
        int[] cj = new int[(int) total];
        double[] cx = new double[(int) total];
        Parallelism.forEachTask(threads, parts,
                t -> mergeRows(alpha, ap, aj, ax, beta, bp, bj, bx, cp, cj, cx, split[t], split[t + 1]));
        return new CsrMatrix(rows, a.cols(), cp, cj, cx);
    }

    /** {@code cp[i+1] = |cols(A_i) ∪ cols(B_i)|} for rows {@code [from, to)}; rows sorted. */
    static void countRows(int[] ap, int[] aj, int[] bp, int[] bj, int[] cp, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = ap[i];
            int pe = ap[i + 1];
            int q = bp[i];
            int qe = bp[i + 1];
            int n = 0;
            while (p < pe && q < qe) {
                int ja = aj[p];
                int jb = bj[q];
                p += ja <= jb ? 1 : 0;
                q += jb <= ja ? 1 : 0;
                n++;
            }
            cp[i + 1] = n + (pe - p) + (qe - q); // |A_i ∪ B_i| = merged + leftovers
        }
    }

    /** Rows {@code [from, to)} of {@code C = α·A + β·B} into the slots {@code cp} gives; rows sorted. */
    static void mergeRows(double alpha, int[] ap, int[] aj, double[] ax, double beta, int[] bp, int[] bj, double[] bx,
                          int[] cp, int[] cj, double[] cx, int from, int to) {
        for (int i = from; i < to; i++) {
            int p = ap[i];
            int pe = ap[i + 1];
            int q = bp[i];
            int qe = bp[i + 1];
            int r = cp[i];
            while (p < pe || q < qe) {
                int ja = p < pe ? aj[p] : Integer.MAX_VALUE;
                int jb = q < qe ? bj[q] : Integer.MAX_VALUE;
                if (ja == jb) {
                    cj[r] = ja;
                    cx[r++] = alpha * ax[p++] + beta * bx[q++]; // c_ij = α a_ij + β b_ij
                } else if (ja < jb) {
                    cj[r] = ja;
                    cx[r++] = alpha * ax[p++];
                } else {
                    cj[r] = jb;
                    cx[r++] = beta * bx[q++];
                }
            }
        }
    }
}
