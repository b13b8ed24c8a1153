package org.sparrow.solvers.direct;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Permute;
import org.sparrow.core.ops.Triangular;
import org.sparrow.core.ordering.FillReducingOrdering;
import org.sparrow.interop.ejml.Ejml;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;

/**
 * Sparse Cholesky factorization {@code P·A·Pᵀ = L·Lᵀ} of a symmetric positive definite A, and solves
 * with it.
 *
 * <p>The fill-reducing permutation P is Sparrow's ({@link FillReducingOrdering}, default
 * {@link FillReducingOrdering#AMD AMD}; EJML 0.46 offers only none, random and identity), applied
 * with {@link Permute}; the numerical factorization is EJML's up-looking sparse Cholesky
 * ({@code CholeskyUpLooking_DSCC}, Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, ch. 4),
 * which gets A's CSR arrays as its CSC input without a copy (for symmetric A they are the same
 * matrix). The solves {@code L·z = P·b}, {@code Lᵀ·y = z}, {@code x = Pᵀ·y} run here on L's arrays
 * with one work vector per call, so a factorization can be shared between threads.
 *
 * <p>Use {@link #factor} once and {@link #solve(double[])} many times, or {@link #solve(CsrMatrix, double[])}
 * for one solve with a {@link SolverResult}.
 */
public final class SparseCholesky {

    private final int n;
    private final FillReducingOrdering ordering;
    private final int[] perm;        // perm[new] = old
    private final int[] lp;          // L in CSC (EJML's arrays)
    private final int[] li;
    private final double[] lx;
    private final int[] diag;        // position of L(j, j) in column j: the first
    private final double[] pivots;   // L(j, j)
    private final int factorNonzeros;

    private SparseCholesky(int n, FillReducingOrdering ordering, int[] perm, DMatrixSparseCSC l) {
        this.n = n;
        this.ordering = ordering;
        this.perm = perm;
        this.lp = l.col_idx;
        this.li = l.nz_rows;
        this.lx = l.nz_values;
        this.diag = DirectSupport.diagonalPositions(l, true);
        this.pivots = Triangular.diagonal(lx, diag);
        this.factorNonzeros = l.col_idx[n];
    }

    /**
     * {@link #factor(CsrMatrix, FillReducingOrdering)} with the AMD ordering.
     *
     * @param a Input: square, symmetric (both triangles stored), positive definite, finite CSR
     * @return the factorization
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}
     */
    public static SparseCholesky factor(CsrMatrix a) {
        return factor(a, FillReducingOrdering.AMD);
    }

    /**
     * Orders and factors A.
     *
     * @param a        Input: square, symmetric (both triangles stored), positive definite, finite CSR
     * @param ordering the fill-reducing ordering of the graph of A
     * @return the factorization, ready for repeated solves
     * @throws IllegalArgumentException if A is null, not square, not finite or not symmetric (naming
     *     the entry), or not positive definite (naming the pivot and the row of A where it failed)
     */
    public static SparseCholesky factor(CsrMatrix a, FillReducingOrdering ordering) {
        String who = "Cholesky";
        CsrMatrix s = DirectSupport.checkMatrix(a, who);
        DirectSupport.checkSquare(s, who);
        if (ordering == null) {
            throw new IllegalArgumentException(who + ": ordering is null");
        }
        DirectSupport.checkSymmetric(s, who);
        int n = s.rows();
        int[] perm = ordering.symmetric(s);
        CsrMatrix b = ordering == FillReducingOrdering.NATURAL ? s : Permute.of(s, perm, perm); // P·A·Pᵀ
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(Ejml.cscOfTranspose(b))) { // B symmetric: its CSR arrays are its CSC arrays
            throw notPositiveDefinite(chol.getL(), perm, n, ordering);
        }
        return new SparseCholesky(n, ordering, perm, chol.getL());
    }

    /**
     * Orders, factors and solves {@code A·x = b} with the AMD ordering.
     *
     * @param a Input: square, symmetric (both triangles stored), positive definite, finite CSR
     * @param b Input: the right-hand side, length n
     * @return the result: method "cholesky", 0 iterations, the true relative residual
     *     ‖b − A·x‖/‖b‖ recomputed from x, and the time of ordering, factorization and solve
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}, or if b is
     *     null, of the wrong length or not finite
     */
    public static SolverResult solve(CsrMatrix a, double[] b) {
        return solve(a, b, FillReducingOrdering.AMD);
    }

    /**
     * As {@link #solve(CsrMatrix, double[])} with the given ordering.
     *
     * @param a Input: square, symmetric (both triangles stored), positive definite, finite CSR
     * @param b Input: the right-hand side, length n
     * @param ordering the fill-reducing ordering of the graph of A
     * @return the result, as {@link #solve(CsrMatrix, double[])} describes it
     * @throws IllegalArgumentException as {@link #solve(CsrMatrix, double[])}
     */
    public static SolverResult solve(CsrMatrix a, double[] b, FillReducingOrdering ordering) {
        return DirectSupport.solveOnce("Cholesky", SolverMethod.CHOLESKY, a, b, m -> factor(m, ordering)::solve, false);
    }

    /**
     * {@code x = A⁻¹·b} into a new array.
     *
     * @param b Input: the right-hand side, length n
     * @return x, length n
     */
    public double[] solve(double[] b) {
        double[] x = new double[n];
        solve(b, x);
        return x;
    }

    /**
     * {@code x = A⁻¹·b}: {@code L·z = P·b}, {@code Lᵀ·y = z}, {@code x = Pᵀ·y}. 4·nnz(L) flops, one
     * work vector of length n. Safe to call from several threads at once.
     *
     * @param b Input, length n, finite
     * @param x Output, length n; overwritten (may be b)
     */
    public void solve(double[] b, double[] x) {
        solve(b, x, new double[n]);
    }

    /**
     * {@code x = A⁻¹·b} as {@link #solve(double[], double[])}, with the caller's work vector: repeated
     * solves (a multigrid's coarsest level) allocate nothing. Not safe to share {@code work} between threads.
     *
     * @param b    Input, length n, finite
     * @param x    Output, length n; overwritten (may be b)
     * @param work Workspace, length ≥ n, overwritten; not b or x
     * @throws IllegalArgumentException if b, x or work is null or too short, or b is not finite
     */
    public void solve(double[] b, double[] x, double[] work) {
        DirectSupport.checkSolve(b, n, x, n, "Cholesky");
        DirectSupport.checkWork(work, n, "Cholesky");
        double[] z = work;
        for (int k = 0; k < n; k++) {
            z[k] = b[perm[k]]; // z = P·b
        }
        Triangular.lsolve(n, lp, li, lx, diag, pivots, z); // L·z = P·b
        Triangular.ltsolve(n, lp, li, lx, diag, pivots, z); // Lᵀ·y = z
        DirectSupport.unpermute(z, perm, x); // x = Pᵀ·y
    }

    /** {@return nnz(L), diagonal included: the fill the ordering left} */
    public int factorNonzeros() {
        return factorNonzeros;
    }

    /** {@return the ordering used} */
    public FillReducingOrdering ordering() {
        return ordering;
    }

    /** {@return the permutation, {@code perm[new] = old} (a copy)} */
    public int[] permutation() {
        return perm.clone();
    }

    /** {@return the order n of A} */
    public int size() {
        return n;
    }

    /**
     * EJML's up-looking Cholesky stops at the first pivot d ≤ 0 without saying where; the columns it
     * completed have their (positive) diagonal first, the column where it stopped still holds the
     * 0 of a fresh array there. That column is the pivot reported.
     */
    private static IllegalArgumentException notPositiveDefinite(DMatrixSparseCSC l, int[] perm, int n,
                                                               FillReducingOrdering ordering) {
        int k = -1;
        for (int j = 0; j < n && k < 0; j++) {
            int p = l.col_idx[j];
            if (p >= l.nz_values.length || l.nz_rows[p] != j || !(l.nz_values[p] > 0)) {
                k = j;
            }
        }
        String advice = "; for symmetric indefinite matrices use LU (--method lu) or MINRES (--method minres)";
        if (k < 0) {
            return new IllegalArgumentException("Cholesky: A is not positive definite: a pivot was ≤ 0" + advice);
        }
        String where = ordering == FillReducingOrdering.NATURAL ? "" : " (step " + (k + 1) + " of the " + ordering.label() + " order)";
        return new IllegalArgumentException("Cholesky: A is not positive definite: the pivot of row " + (perm[k] + 1)
                + " of A is ≤ 0" + where + advice);
    }
}
