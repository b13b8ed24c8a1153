package org.sparrow.solvers.direct;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.lu.LuUpLooking_DSCC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Permute;
import org.sparrow.core.ops.Triangular;
import org.sparrow.core.ordering.FillReducingOrdering;
import org.sparrow.interop.ejml.Ejml;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;

/**
 * Sparse LU factorization with partial pivoting {@code P·A·Qᵀ = L·U} of a general square A, and
 * solves with it.
 *
 * <p>The column permutation Q is a fill-reducing ordering of the column intersection graph (the
 * pattern of {@code AᵀA}, {@link FillReducingOrdering#columns}, default AMD): with partial pivoting
 * the rows are chosen by the numbers, and whichever rows are chosen, L and U fit in the Cholesky
 * factor of {@code Q·AᵀA·Qᵀ} (George and Ng 1985), so that is the structure to make sparse. (A
 * symmetric ordering of {@code A + Aᵀ} is the better choice only when the pivots stay on the
 * diagonal, which EJML's pivoting — always the largest entry of the column — does not try to do.)
 * The numerical factorization is EJML's left-looking LU ({@code LuUpLooking_DSCC}, Davis, "Direct
 * Methods for Sparse Linear Systems", SIAM 2006, ch. 6, {@code cs_lu}) on the CSC form of
 * {@code A·Qᵀ}, built as the CSR of {@code Q·Aᵀ} (one transpose and one permutation, no other
 * copy). The solves {@code L·z = P·b}, {@code U·y = z}, {@code x = Qᵀ·y} run here on the factors'
 * arrays with one work vector per call, so a factorization can be shared between threads.
 */
public final class SparseLu {

    private final int n;
    private final FillReducingOrdering ordering;
    private final int[] colPerm;     // colPerm[new] = old
    private final int[] rowPinv;     // rowPinv[row of A] = pivot step
    private final int[] lp;          // L (unit diagonal stored) in CSC, rows in pivot order
    private final int[] li;
    private final double[] lx;
    private final int[] up;          // U in CSC
    private final int[] ui;
    private final double[] ux;
    private final int[] ldiag;       // position of L(j, j) (= 1) in column j: the first
    private final int[] udiag;       // position of U(j, j) in column j: the last
    private final double[] upivots;  // U(j, j)
    private final int factorNonzeros;

    private SparseLu(int n, FillReducingOrdering ordering, int[] colPerm, int[] rowPinv, DMatrixSparseCSC l,
                     DMatrixSparseCSC u) {
        this.n = n;
        this.ordering = ordering;
        this.colPerm = colPerm;
        this.rowPinv = rowPinv;
        this.lp = l.col_idx;
        this.li = l.nz_rows;
        this.lx = l.nz_values;
        this.up = u.col_idx;
        this.ui = u.nz_rows;
        this.ux = u.nz_values;
        this.ldiag = DirectSupport.diagonalPositions(l, true);
        this.udiag = DirectSupport.diagonalPositions(u, false);
        this.upivots = Triangular.diagonal(ux, udiag);
        this.factorNonzeros = l.col_idx[n] + u.col_idx[n] - n;
    }

    /**
     * {@link #factor(CsrMatrix, FillReducingOrdering)} with the AMD column ordering.
     *
     * @param a Input: square, finite CSR
     * @return the factorization
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}
     */
    public static SparseLu factor(CsrMatrix a) {
        return factor(a, FillReducingOrdering.AMD);
    }

    /**
     * Orders the columns and factors A.
     *
     * @param a        Input: square, finite CSR
     * @param ordering the fill-reducing ordering of the columns (through the graph of AᵀA)
     * @return the factorization, ready for repeated solves
     * @throws IllegalArgumentException if A is null, not square or not finite (naming the entry), or
     *     singular (an empty row or column is named; otherwise the step where no pivot was left)
     */
    public static SparseLu factor(CsrMatrix a, FillReducingOrdering ordering) {
        String who = "LU";
        CsrMatrix s = DirectSupport.checkMatrix(a, who);
        DirectSupport.checkSquare(s, who);
        if (ordering == null) {
            throw new IllegalArgumentException(who + ": ordering is null");
        }
        checkNoEmptyLine(s);
        int n = s.rows();
        int[] q = ordering.columns(s);
        CsrMatrix t = s.transpose();
        CsrMatrix bt = ordering == FillReducingOrdering.NATURAL ? t : Permute.of(t, q, null); // (A·Qᵀ)ᵀ = Q·Aᵀ
        LuUpLooking_DSCC lu = new LuUpLooking_DSCC(null);
        if (!lu.decompose(Ejml.cscOfTranspose(bt)) || lu.isSingular()) {
            throw new IllegalArgumentException("LU: A is singular: at some step no nonzero pivot was left in the column"
                    + " (structurally or numerically rank deficient)");
        }
        return new SparseLu(n, ordering, q, lu.getPinv().clone(), lu.getL(), lu.getU());
    }

    /**
     * As {@link #solve(CsrMatrix, double[], FillReducingOrdering)} with the AMD column ordering.
     *
     * @param a Input: square, finite CSR
     * @param b Input: the right-hand side, length n
     * @return the result, as {@link #solve(CsrMatrix, double[], FillReducingOrdering)} describes it
     * @throws IllegalArgumentException as {@link #solve(CsrMatrix, double[], FillReducingOrdering)}
     */
    public static SolverResult solve(CsrMatrix a, double[] b) {
        return solve(a, b, FillReducingOrdering.AMD);
    }

    /**
     * Orders, factors and solves {@code A·x = b}.
     *
     * @param a Input: square, finite CSR
     * @param b Input: the right-hand side, length n
     * @param ordering the fill-reducing ordering of the columns (through the graph of AᵀA)
     * @return the result: method "lu", 0 iterations, the true relative residual ‖b − A·x‖/‖b‖
     *     recomputed from x, and the time of ordering, factorization and solve
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}, if b is
     *     null, of the wrong length or not finite, or if A is singular to working precision (x not finite)
     */
    public static SolverResult solve(CsrMatrix a, double[] b, FillReducingOrdering ordering) {
        return DirectSupport.solveOnce("LU", SolverMethod.LU, a, b, m -> factor(m, ordering)::solve, false);
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
     * {@code x = A⁻¹·b}: {@code L·z = P·b}, {@code U·y = z}, {@code x = Qᵀ·y}. 2·(nnz(L) + nnz(U))
     * flops, one work vector of length n. Safe to call from several threads at once.
     *
     * @param b Input, length n, finite
     * @param x Output, length n; overwritten (may be b)
     * @throws IllegalArgumentException if the solution is not finite (A singular to working precision)
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
     * @throws IllegalArgumentException if b, x or work is null or too short, b is not finite, or the
     *     solution is not finite (A singular to working precision)
     */
    public void solve(double[] b, double[] x, double[] work) {
        DirectSupport.checkSolve(b, n, x, n, "LU");
        DirectSupport.checkWork(work, n, "LU");
        double[] z = work;
        for (int i = 0; i < n; i++) {
            z[rowPinv[i]] = b[i]; // z = P·b: row i of A is pivot row rowPinv[i]
        }
        Triangular.lsolve(n, lp, li, lx, ldiag, null, z); // L·z = P·b, L(j, j) = 1
        Triangular.usolve(n, up, ui, ux, udiag, upivots, z); // U·y = z
        DirectSupport.unpermute(z, colPerm, x); // x = Qᵀ·y
        DirectSupport.checkSolution(x, "LU", "A is singular to working precision");
    }

    /** {@return nnz(L) + nnz(U) − n (L's unit diagonal not counted): the fill the ordering left} */
    public int factorNonzeros() {
        return factorNonzeros;
    }

    /** {@return the column ordering used} */
    public FillReducingOrdering ordering() {
        return ordering;
    }

    /** {@return the column permutation, {@code perm[new] = old} (a copy)} */
    public int[] columnPermutation() {
        return colPerm.clone();
    }

    /** {@return the order n of A} */
    public int size() {
        return n;
    }

    /** A singular A with an all-zero row or column gets a message that names it. */
    private static void checkNoEmptyLine(CsrMatrix s) {
        int n = s.rows();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        boolean[] colHasNonzero = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean rowHasNonzero = false;
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                if (ax[p] != 0.0) {
                    rowHasNonzero = true;
                    colHasNonzero[aj[p]] = true;
                }
            }
            if (!rowHasNonzero) {
                throw new IllegalArgumentException("LU: A is singular: row " + (i + 1) + " is entirely zero");
            }
        }
        for (int j = 0; j < n; j++) {
            if (!colHasNonzero[j]) {
                throw new IllegalArgumentException("LU: A is singular: column " + (j + 1) + " is entirely zero");
            }
        }
    }
}
