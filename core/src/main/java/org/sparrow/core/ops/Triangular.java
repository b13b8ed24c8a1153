package org.sparrow.core.ops;

import java.util.Arrays;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;

/**
 * Sparse triangular solves {@code T·x = b} and {@code Tᵀ·x = b}, T lower or upper triangular, with a
 * unit or a given diagonal, stored in CSC or CSR (Davis, "Direct Methods for Sparse Linear Systems",
 * SIAM 2006, §3.1: {@code cs_lsolve}, {@code cs_ltsolve}, {@code cs_usolve}, {@code cs_utsolve}).
 *
 * <p><b>The kernels.</b> Four loops on CSC arrays, named after CSparse's, each solving in place:
 * {@code x} holds b on entry and the solution on exit. Line {@code k} (column k in CSC, row k in CSR)
 * has its diagonal at position {@code diag[k]}, and the entries of the triangle are those on one side
 * of it (in CSC, the entries below the diagonal come after it; in CSR, those left of the diagonal come
 * before it), in any order; the entries on the other side are ignored. Sorted lines satisfy this, and
 * so does a factor that stores its diagonal first (L) or last (U) in each column. So the same kernels
 * serve a pure triangular factor (a Cholesky or LU factor) and one triangle of a full matrix (ILU(0),
 * SSOR, on A's own arrays). The diagonal's values are {@code d[k]}, or 1 when {@code d} is null (a unit diagonal:
 * the stored diagonal entry, if any, is not read); {@link #diagonal} gathers the stored one.
 *
 * <p><b>CSR.</b> The CSR arrays of T are the CSC arrays of Tᵀ, so the CSR solves are the CSC kernels
 * on the transposed problem: {@code lsolveCsr = utsolve}, {@code usolveCsr = ltsolve},
 * {@code ltsolveCsr = usolve}, {@code utsolveCsr = lsolve}. The row-oriented ones (L·x, U·x in CSR;
 * Lᵀ·x, Uᵀ·x in CSC) are dot products, the others scatter (axpy) columns.
 *
 * <p>Each kernel is O(n + nnz(T)) flops, allocates nothing and checks nothing (a zero diagonal gives
 * an infinite or NaN solution): {@link #diagonalPositions} checks the diagonal once, with a message
 * naming the 1-based row, and the facades {@link #solve(CsrMatrix, Part, DiagonalKind, double[], double[])}
 * and friends check everything, then delegate.
 */
public final class Triangular {

    /** Which triangle of the matrix is used. */
    public enum Part {
        /** The lower triangle: entries (i, j) with j ≤ i. */
        LOWER,
        /** The upper triangle: entries (i, j) with j ≥ i. */
        UPPER
    }

    /** Where the diagonal of the triangle comes from. */
    public enum DiagonalKind {
        /** A unit diagonal: T(k, k) = 1, whatever is stored there (it need not be stored). */
        UNIT,
        /** The stored diagonal entries, which must all be present and nonzero. */
        STORED
    }

    private Triangular() {
    }

    // ---- CSC kernels (CSparse §3.1) ------------------------------------------------------------

    /**
     * {@code L·x = b}, L lower triangular in CSC, column by column (scatter).
     *
     * @param n    order of L
     * @param lp   Input: column pointers, length n + 1
     * @param li   Input: row indices
     * @param lx   Input: values
     * @param diag Input: position of L(j, j) in column j; the entries after it are L's below the diagonal
     * @param d    Input: the diagonal values, length n, or null for a unit diagonal
     * @param x    Input/Output: b on entry, the solution on exit, length n
     */
    public static void lsolve(int n, int[] lp, int[] li, double[] lx, int[] diag, double[] d, double[] x) {
        for (int j = 0; j < n; j++) {
            double xj = d == null ? x[j] : x[j] / d[j];
            x[j] = xj;
            for (int p = diag[j] + 1, end = lp[j + 1]; p < end; p++) {
                x[li[p]] -= lx[p] * xj; // x_i −= l_ij·x_j for i > j
            }
        }
    }

    /**
     * {@code Lᵀ·x = b}, L lower triangular in CSC, from the last column (a dot product per column).
     * Arguments as {@link #lsolve}.
     *
     * @param n order of L
     * @param lp Input: column pointers, length n + 1
     * @param li Input: row indices
     * @param lx Input: values
     * @param diag Input: position of L(j, j) in column j; the entries after it are L's below the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void ltsolve(int n, int[] lp, int[] li, double[] lx, int[] diag, double[] d, double[] x) {
        for (int j = n - 1; j >= 0; j--) {
            double s = x[j];
            for (int p = diag[j] + 1, end = lp[j + 1]; p < end; p++) {
                s -= lx[p] * x[li[p]]; // x_j = (b_j − Σ_{i>j} l_ij·x_i) / l_jj
            }
            x[j] = d == null ? s : s / d[j];
        }
    }

    /**
     * {@code U·x = b}, U upper triangular in CSC, from the last column (scatter).
     *
     * @param n    order of U
     * @param up   Input: column pointers, length n + 1
     * @param ui   Input: row indices
     * @param ux   Input: values
     * @param diag Input: position of U(j, j) in column j; the entries before it are U's above the diagonal
     * @param d    Input: the diagonal values, length n, or null for a unit diagonal
     * @param x    Input/Output: b on entry, the solution on exit, length n
     */
    public static void usolve(int n, int[] up, int[] ui, double[] ux, int[] diag, double[] d, double[] x) {
        for (int j = n - 1; j >= 0; j--) {
            double xj = d == null ? x[j] : x[j] / d[j];
            x[j] = xj;
            for (int p = up[j], end = diag[j]; p < end; p++) {
                x[ui[p]] -= ux[p] * xj; // x_i −= u_ij·x_j for i < j
            }
        }
    }

    /**
     * {@code Uᵀ·x = b}, U upper triangular in CSC, from the first column (a dot product per column).
     * Arguments as {@link #usolve}.
     *
     * @param n order of U
     * @param up Input: column pointers, length n + 1
     * @param ui Input: row indices
     * @param ux Input: values
     * @param diag Input: position of U(j, j) in column j; the entries before it are U's above the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void utsolve(int n, int[] up, int[] ui, double[] ux, int[] diag, double[] d, double[] x) {
        for (int j = 0; j < n; j++) {
            double s = x[j];
            for (int p = up[j], end = diag[j]; p < end; p++) {
                s -= ux[p] * x[ui[p]]; // x_j = (b_j − Σ_{i<j} u_ij·x_i) / u_jj
            }
            x[j] = d == null ? s : s / d[j];
        }
    }

    // ---- CSR: the CSC kernels on the transposed problem ------------------------------------------

    /**
     * {@code L·x = b}, L lower triangular in CSR (row by row, a dot product per row):
     * {@link #utsolve} on L's arrays, which are Lᵀ's in CSC. {@code diag[i]}: position of L(i, i) in
     * row i, the entries before it being L's left of the diagonal.
     *
     * @param n order of L
     * @param lp Input: row pointers, length n + 1
     * @param lj Input: column indices
     * @param lx Input: values
     * @param diag Input: position of L(i, i) in row i; the entries before it are L's left of the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void lsolveCsr(int n, int[] lp, int[] lj, double[] lx, int[] diag, double[] d, double[] x) {
        utsolve(n, lp, lj, lx, diag, d, x);
    }

    /**
     * {@code U·x = b}, U upper triangular in CSR (from the last row, a dot product per row):
     * {@link #ltsolve} on U's arrays. {@code diag[i]}: position of U(i, i) in row i, the entries after
     * it being U's right of the diagonal.
     *
     * @param n order of U
     * @param up Input: row pointers, length n + 1
     * @param uj Input: column indices
     * @param ux Input: values
     * @param diag Input: position of U(i, i) in row i; the entries after it are U's right of the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void usolveCsr(int n, int[] up, int[] uj, double[] ux, int[] diag, double[] d, double[] x) {
        ltsolve(n, up, uj, ux, diag, d, x);
    }

    /**
     * {@code Lᵀ·x = b}, L lower triangular in CSR (from the last row, scattering it): {@link #usolve} on L's arrays.
     *
     * @param n order of L
     * @param lp Input: row pointers, length n + 1
     * @param lj Input: column indices
     * @param lx Input: values
     * @param diag Input: position of L(i, i) in row i; the entries before it are L's left of the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void ltsolveCsr(int n, int[] lp, int[] lj, double[] lx, int[] diag, double[] d, double[] x) {
        usolve(n, lp, lj, lx, diag, d, x);
    }

    /**
     * {@code Uᵀ·x = b}, U upper triangular in CSR (from the first row, scattering it): {@link #lsolve} on U's arrays.
     *
     * @param n order of U
     * @param up Input: row pointers, length n + 1
     * @param uj Input: column indices
     * @param ux Input: values
     * @param diag Input: position of U(i, i) in row i; the entries after it are U's right of the diagonal
     * @param d Input: the diagonal values, length n, or null for a unit diagonal
     * @param x Input/Output: b on entry, the solution on exit, length n
     */
    public static void utsolveCsr(int n, int[] up, int[] uj, double[] ux, int[] diag, double[] d, double[] x) {
        lsolve(n, up, uj, ux, diag, d, x);
    }

    // ---- the diagonal ----------------------------------------------------------------------------

    /**
     * The position of the diagonal entry in each line of a square compressed matrix with sorted
     * lines (rows of a CSR, columns of a CSC: the diagonal is where the index equals the line).
     * O(n·log(max line)).
     *
     * @param n number of lines (rows or columns), the matrix being n × n
     * @param ptr Input: line pointers, length n + 1
     * @param idx Input: indices within each line, sorted
     * @param val Input: values, read only when {@code nonzero} is set
     * @param who      the caller, first in messages ("ILU(0)", "triangular solve")
     * @param nonzero  also check that every diagonal entry is nonzero
     * @return {@code diag}, length n: {@code diag[k]} is the position of the diagonal entry of line k
     * @throws IllegalArgumentException if a diagonal entry is not stored, or (with {@code nonzero}) is
     *     zero, naming the 1-based row
     */
    public static int[] diagonalPositions(int n, int[] ptr, int[] idx, double[] val, String who, boolean nonzero) {
        int[] diag = new int[n];
        for (int k = 0; k < n; k++) {
            int p = Arrays.binarySearch(idx, ptr[k], ptr[k + 1], k);
            if (p < 0) {
                throw new IllegalArgumentException(who + ": row " + (k + 1) + " stores no diagonal entry A(" + (k + 1)
                        + ", " + (k + 1) + ") (rows and columns counted from 1)");
            }
            if (nonzero && val[p] == 0.0) {
                throw new IllegalArgumentException(who + ": the diagonal entry A(" + (k + 1) + ", " + (k + 1)
                        + ") in row " + (k + 1) + " is zero (rows and columns counted from 1)");
            }
            diag[k] = p;
        }
        return diag;
    }

    /**
     * {@code d[k] = val[diag[k]]}: the stored diagonal, gathered once for the kernels.
     *
     * @param val Input: the values of the matrix
     * @param diag Input: the diagonal positions, as {@link #diagonalPositions} returns them
     * @return the diagonal values, length {@code diag.length}
     */
    public static double[] diagonal(double[] val, int[] diag) {
        double[] d = new double[diag.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = val[diag[k]];
        }
        return d;
    }

    // ---- facades ---------------------------------------------------------------------------------

    /**
     * {@code x = T⁻¹·b}, T the given triangle of a square CSR matrix A (the other triangle is ignored).
     * Allocates the diagonal positions; for repeated solves call the kernels with them.
     *
     * @param a    Input: square CSR (sorted or not)
     * @param part which triangle of A is T
     * @param kind a unit diagonal, or A's stored one (then every A(k, k) must be stored and nonzero)
     * @param b    Input: length n
     * @param x    Output: length n, overwritten (may be b)
     * @throws IllegalArgumentException if A is not square, a length is wrong, or a diagonal entry A
     *     needs is missing or zero (naming the 1-based row)
     */
    public static void solve(CsrMatrix a, Part part, DiagonalKind kind, double[] b, double[] x) {
        CsrMatrix s = Checks.checkMatrix(a, "A").sorted();
        solve(s.rows(), s.cols(), s.rowPointers(), s.columnIndices(), s.values(), true, part, kind, false, b, x);
    }

    /**
     * {@code x = T⁻ᵀ·b}, T as in {@link #solve(CsrMatrix, Part, DiagonalKind, double[], double[])}.
     *
     * @param a Input: square CSR (sorted or not)
     * @param part which triangle of A is T
     * @param kind a unit diagonal, or A's stored one (then every A(k, k) must be stored and nonzero)
     * @param b Input: length n
     * @param x Output: length n, overwritten (may be b)
     * @throws IllegalArgumentException if A is not square, a length is wrong, or a diagonal entry A needs is missing or zero (naming the 1-based row)
     */
    public static void solveTranspose(CsrMatrix a, Part part, DiagonalKind kind, double[] b, double[] x) {
        CsrMatrix s = Checks.checkMatrix(a, "A").sorted();
        solve(s.rows(), s.cols(), s.rowPointers(), s.columnIndices(), s.values(), true, part, kind, true, b, x);
    }

    /**
     * {@code x = T⁻¹·b}, T the given triangle of a square CSC matrix A; as the CSR form.
     *
     * @param a Input: square CSC
     * @param part which triangle of A is T
     * @param kind a unit diagonal, or A's stored one (then every A(k, k) must be stored and nonzero)
     * @param b Input: length n
     * @param x Output: length n, overwritten (may be b)
     * @throws IllegalArgumentException if A is not square, a length is wrong, or a diagonal entry A needs is missing or zero (naming the 1-based row)
     */
    public static void solve(CscMatrix a, Part part, DiagonalKind kind, double[] b, double[] x) {
        CscMatrix s = checkCsc(a);
        solve(s.rows(), s.cols(), s.columnPointers(), s.rowIndices(), s.values(), false, part, kind, false, b, x);
    }

    /**
     * {@code x = T⁻ᵀ·b}, T the given triangle of a square CSC matrix A; as the CSR form.
     *
     * @param a Input: square CSC
     * @param part which triangle of A is T
     * @param kind a unit diagonal, or A's stored one (then every A(k, k) must be stored and nonzero)
     * @param b Input: length n
     * @param x Output: length n, overwritten (may be b)
     * @throws IllegalArgumentException if A is not square, a length is wrong, or a diagonal entry A needs is missing or zero (naming the 1-based row)
     */
    public static void solveTranspose(CscMatrix a, Part part, DiagonalKind kind, double[] b, double[] x) {
        CscMatrix s = checkCsc(a);
        solve(s.rows(), s.cols(), s.columnPointers(), s.rowIndices(), s.values(), false, part, kind, true, b, x);
    }

    /**
     * The facades' common body. CSR arrays of T are CSC arrays of Tᵀ, so a CSR solve is the CSC
     * kernel of the other triangle and the other orientation.
     */
    private static void solve(int rows, int cols, int[] ptr, int[] idx, double[] val, boolean csr, Part part,
                              DiagonalKind kind, boolean transpose, double[] b, double[] x) {
        int n = checkSquare(rows, cols, part, kind, b, x);
        boolean lower = (part == Part.LOWER) != csr; // the triangle, as the CSC kernels see the arrays
        int[] diag = positions(n, ptr, idx, val, kind, !lower);
        double[] d = kind == DiagonalKind.UNIT ? null : diagonal(val, diag);
        if (x != b) {
            System.arraycopy(b, 0, x, 0, n);
        }
        if (transpose != csr) {
            if (lower) {
                ltsolve(n, ptr, idx, val, diag, d, x);
            } else {
                utsolve(n, ptr, idx, val, diag, d, x);
            }
        } else if (lower) {
            lsolve(n, ptr, idx, val, diag, d, x);
        } else {
            usolve(n, ptr, idx, val, diag, d, x);
        }
    }

    private static CscMatrix checkCsc(CscMatrix a) {
        return Checks.checkNotNull(a, "A");
    }

    /**
     * Diagonal positions for the facades. With a unit diagonal a line need not store it: then the
     * kernel reads the entries before {@code diag[k]} (an upper triangle in CSC: {@code before}) or
     * after it, and {@code diag[k]} is put where that range ends or starts, so nothing is skipped.
     */
    private static int[] positions(int n, int[] ptr, int[] idx, double[] val, DiagonalKind kind, boolean before) {
        if (kind == DiagonalKind.STORED) {
            return diagonalPositions(n, ptr, idx, val, "triangular solve", true);
        }
        int[] diag = new int[n];
        for (int k = 0; k < n; k++) {
            int p = Arrays.binarySearch(idx, ptr[k], ptr[k + 1], k);
            int at = -p - 1; // where the missing diagonal would stand
            diag[k] = p >= 0 ? p : before ? at : at - 1;
        }
        return diag;
    }

    private static int checkSquare(int rows, int cols, Part part, DiagonalKind kind, double[] b, double[] x) {
        Checks.checkSquare(rows, cols, "a triangular solve", "");
        Checks.checkNotNull(part, "the triangle");
        Checks.checkNotNull(kind, "the diagonal kind");
        Checks.checkLength("b", b, rows, "A", rows, cols, "its order");
        Checks.checkLength("x", x, rows, "A", rows, cols, "its order");
        return rows;
    }
}
