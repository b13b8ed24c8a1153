package org.sparrow.solvers.direct;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.qr.QrLeftLookingDecomposition_DSCC;
import org.ejml.sparse.csc.linsol.qr.LinearSolverQrLeftLooking_DSCC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Permute;
import org.sparrow.core.ordering.FillReducingOrdering;
import org.sparrow.interop.ejml.Ejml;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;

/**
 * Sparse Householder QR {@code A·Qᵀ_c = Q·R} of an {@code m × n} A with {@code m ≥ n} and full column
 * rank, and least-squares solves {@code x = argmin ‖A·x − b‖₂} with it ({@code x = Q_c·R⁻¹·(Qᵀb)₁:ₙ};
 * for square A the solution of {@code A·x = b}).
 *
 * <p>The column permutation {@code Q_c} is a fill-reducing ordering of the pattern of {@code AᵀA}
 * ({@link FillReducingOrdering#columns}, default AMD): R has the pattern of the Cholesky factor of
 * {@code Q_c·AᵀA·Q_cᵀ} (George and Heath, "Solution of sparse linear least squares problems using
 * Givens rotations", Linear Algebra Appl. 34, 1980). The factorization and the application of the
 * Householder reflectors are EJML's left-looking sparse QR ({@code QrLeftLookingDecomposition_DSCC},
 * Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, ch. 5, {@code cs_qr}), on the CSC form
 * of {@code A·Q_cᵀ} built as the CSR of {@code Q_c·Aᵀ}. EJML's solver keeps work arrays, so
 * {@link #solve(double[], double[])} is synchronized.
 */
public final class SparseQr {

    private final int m;
    private final int n;
    private final FillReducingOrdering ordering;
    private final int[] colPerm;     // colPerm[new] = old
    private final LinearSolverQrLeftLooking_DSCC solver;
    private final int factorNonzeros;

    private SparseQr(int m, int n, FillReducingOrdering ordering, int[] colPerm, LinearSolverQrLeftLooking_DSCC solver,
                     int factorNonzeros) {
        this.m = m;
        this.n = n;
        this.ordering = ordering;
        this.colPerm = colPerm;
        this.solver = solver;
        this.factorNonzeros = factorNonzeros;
    }

    /**
     * {@link #factor(CsrMatrix, FillReducingOrdering)} with the AMD column ordering.
     *
     * @param a Input: {@code m × n} finite CSR with {@code m ≥ n}
     * @return the factorization
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}
     */
    public static SparseQr factor(CsrMatrix a) {
        return factor(a, FillReducingOrdering.AMD);
    }

    /**
     * Orders the columns and factors A.
     *
     * @param a        Input: {@code m × n} finite CSR with {@code m ≥ n}
     * @param ordering the fill-reducing ordering of the columns (through the graph of AᵀA)
     * @return the factorization, ready for repeated solves
     * @throws IllegalArgumentException if A is null, not finite (naming the entry), wider than tall,
     *     or rank deficient (a zero column is named; a diagonal entry of R that is zero or below
     *     {@code max(m, n)·ε·max|R(j, j)|} is reported with its column of A)
     */
    public static SparseQr factor(CsrMatrix a, FillReducingOrdering ordering) {
        String who = "QR";
        CsrMatrix s = DirectSupport.checkMatrix(a, who);
        int m = s.rows();
        int n = s.cols();
        if (m < n) {
            throw new IllegalArgumentException("QR needs at least as many rows as columns (least squares), got " + m + "×"
                    + n + ": the system is underdetermined");
        }
        if (ordering == null) {
            throw new IllegalArgumentException(who + ": ordering is null");
        }
        checkNoZeroColumn(s);
        int[] q = ordering.columns(s);
        CsrMatrix t = s.transpose();
        CsrMatrix bt = ordering == FillReducingOrdering.NATURAL ? t : Permute.of(t, q, null); // (A·Qᵀ)ᵀ = Q·Aᵀ
        QrLeftLookingDecomposition_DSCC qr = new QrLeftLookingDecomposition_DSCC(null);
        LinearSolverQrLeftLooking_DSCC solver = new LinearSolverQrLeftLooking_DSCC(qr);
        boolean ok = solver.setA(Ejml.cscOfTranspose(bt));
        DMatrixSparseCSC r = qr.getR();
        if (!ok || qr.isSingular()) {
            throw new IllegalArgumentException("QR: A is rank deficient: a column of A lies in the span of the"
                    + " columns before it (R has a zero on its diagonal); min‖Ax − b‖ has no unique solution");
        }
        checkRank(r, q, m, n);
        return new SparseQr(m, n, ordering, q, solver, r.col_idx[n]);
    }

    /**
     * As {@link #solve(CsrMatrix, double[], FillReducingOrdering)} with the AMD column ordering.
     *
     * @param a Input: {@code m × n} finite CSR with {@code m ≥ n}
     * @param b Input: the right-hand side, length m
     * @return the result, as {@link #solve(CsrMatrix, double[], FillReducingOrdering)} describes it
     * @throws IllegalArgumentException as {@link #solve(CsrMatrix, double[], FillReducingOrdering)}
     */
    public static SolverResult solve(CsrMatrix a, double[] b) {
        return solve(a, b, FillReducingOrdering.AMD);
    }

    /**
     * Orders, factors and solves {@code min‖A·x − b‖₂}.
     *
     * @param a Input: {@code m × n} finite CSR with {@code m ≥ n}
     * @param b Input: the right-hand side, length m
     * @param ordering the fill-reducing ordering of the columns (through the graph of AᵀA)
     * @return the result: method "qr", 0 iterations, the true relative residual ‖b − A·x‖/‖b‖ (not
     *     small for an inconsistent system) and the normal residual ‖Aᵀr‖/(‖A‖_F·‖r‖) (small at a
     *     least-squares solution), recomputed from x, and the time of ordering, factorization and solve
     * @throws IllegalArgumentException as {@link #factor(CsrMatrix, FillReducingOrdering)}, or if b is
     *     null, of the wrong length or not finite
     */
    public static SolverResult solve(CsrMatrix a, double[] b, FillReducingOrdering ordering) {
        return DirectSupport.solveOnce("QR", SolverMethod.QR, a, b, m -> factor(m, ordering)::solve, true);
    }

    /**
     * The least-squares solution into a new array of length n.
     *
     * @param b Input: the right-hand side, length m
     * @return the x minimizing ‖A·x − b‖₂, length n
     */
    public double[] solve(double[] b) {
        double[] x = new double[n];
        solve(b, x);
        return x;
    }

    /**
     * {@code x = argmin ‖A·x − b‖₂}: the reflectors applied to b, {@code R·y = (Qᵀb)₁:ₙ},
     * {@code x = Q_cᵀ·y}. O(nnz(V) + nnz(R)) flops.
     *
     * @param b Input, length m, finite
     * @param x Output, length n; overwritten
     */
    public synchronized void solve(double[] b, double[] x) {
        DirectSupport.checkSolve(b, m, x, n, "QR");
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        solver.solve(DMatrixRMaj.wrap(m, 1, b), y); // EJML reads b, never writes it
        DirectSupport.unpermute(y.data, colPerm, x); // x = Q_cᵀ·y
        DirectSupport.checkSolution(x, "QR", "A is rank deficient to working precision");
    }

    /** {@return nnz(R), diagonal included: the fill the ordering left} */
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

    /** {@return number of rows m of A} */
    public int rows() {
        return m;
    }

    /** {@return number of columns n of A} */
    public int cols() {
        return n;
    }

    private static void checkNoZeroColumn(CsrMatrix s) {
        boolean[] nonzero = new boolean[s.cols()];
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        for (int p = 0; p < s.nnz(); p++) {
            if (ax[p] != 0.0) {
                nonzero[aj[p]] = true;
            }
        }
        for (int j = 0; j < nonzero.length; j++) {
            if (!nonzero[j]) {
                throw new IllegalArgumentException("QR: A is rank deficient: column " + (j + 1)
                        + " is entirely zero, so min‖Ax − b‖ has no unique solution");
            }
        }
    }

    /** Rejects a diagonal of R small enough to make the solution meaningless. */
    private static void checkRank(DMatrixSparseCSC r, int[] q, int m, int n) {
        double max = 0;
        double[] rjj = new double[n];
        for (int j = 0; j < n; j++) {
            for (int p = r.col_idx[j]; p < r.col_idx[j + 1]; p++) {
                if (r.nz_rows[p] == j) {
                    rjj[j] = Math.abs(r.nz_values[p]);
                }
            }
            max = Math.max(max, rjj[j]);
        }
        double tol = Math.max(m, n) * Math.ulp(1.0) * max;
        for (int j = 0; j < n; j++) {
            if (!(rjj[j] > tol)) {
                throw new IllegalArgumentException("QR: A is numerically rank deficient: |R(" + (j + 1) + ", " + (j + 1) + ")| = "
                        + rjj[j] + " ≤ " + String.format(java.util.Locale.ROOT, "%.2g", tol) + " at column " + (q[j] + 1)
                        + " of A; min‖Ax − b‖ has no unique solution");
            }
        }
    }
}
