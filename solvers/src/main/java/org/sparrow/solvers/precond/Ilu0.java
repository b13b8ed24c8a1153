package org.sparrow.solvers.precond;

import org.sparrow.solvers.PreconditionerKind;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Triangular;

/**
 * The incomplete LU factorization with no fill, ILU(0): unit lower L and upper U with the pattern
 * of A, such that {@code (L·U)(i, j) = A(i, j)} for every stored {@code (i, j)}, and {@code M = L·U}
 * (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., 2003, §10.3.2, Algorithm 10.4, the
 * IKJ variant of Gaussian elimination restricted to the pattern of A). L and U share A's index
 * arrays and one new value array (L's multipliers below the diagonal, U on and above it).
 * {@code y = M⁻¹x} is a forward and a backward triangular solve: 2·nnz(A) flops, no allocation.
 *
 * <p><b>Zero pivots.</b> No shift is added: a pivot {@code U(i, i)} that comes out exactly zero (or
 * not finite) is reported as an {@link IllegalArgumentException} naming the row, since a silently
 * modified factorization would hide that ILU(0) does not suit the matrix (reorder it, or use a
 * diagonally shifted A).
 */
public final class Ilu0 implements Preconditioner {

    private final int n;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] lu;   // L (strictly lower, unit diagonal implied) and U, on A's pattern
    private final int[] diag;    // position of (i, i) in row i
    private final double[] pivots; // u_ii, for the backward sweep

    private Ilu0(int n, int[] rowPtr, int[] colIdx, double[] lu, int[] diag) {
        this.n = n;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.lu = lu;
        this.diag = diag;
        this.pivots = Triangular.diagonal(lu, diag);
    }

    /**
     * The ILU(0) factorization of A. {@code O(Σ_i Σ_{k ∈ row i, k < i} |row k|)} time, O(nnz + n) space.
     *
     * @param a Input: square CSR (sorted or not), finite, with every diagonal entry stored and nonzero
     * @return the preconditioner
     * @throws IllegalArgumentException if A is null, not square, not finite, misses a diagonal entry,
     *     or a pivot U(i, i) is zero or not finite (the message names the row)
     */
    public static Ilu0 of(CsrMatrix a) {
        CsrMatrix s = Inputs.squareFinite(a, "ILU(0)");
        int n = s.rows();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        int[] diag = Inputs.diagonalPositions(s, "ILU(0)", false);
        double[] lu = Arrays.copyOf(s.values(), s.nnz());
        int[] where = new int[n]; // where[j]: position of (i, j) in row i, or −1
        Arrays.fill(where, -1);
        for (int i = 0; i < n; i++) {
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                where[aj[p]] = p;
            }
            for (int p = ap[i]; p < diag[i]; p++) { // k = aj[p] < i, ascending
                int k = aj[p];
                double lik = lu[p] / lu[diag[k]]; // a_ik ← a_ik / a_kk
                lu[p] = lik;
                for (int q = diag[k] + 1; q < ap[k + 1]; q++) {
                    int pos = where[aj[q]];
                    if (pos >= 0) {
                        lu[pos] -= lik * lu[q]; // a_ij ← a_ij − a_ik·a_kj on the pattern
                    }
                }
            }
            double pivot = lu[diag[i]];
            if (pivot == 0.0 || !Double.isFinite(pivot)) {
                throw new IllegalArgumentException("ILU(0) breaks down: pivot U(" + (i + 1) + ", " + (i + 1) + ") = " + pivot
                        + " in row " + (i + 1) + (pivot == 0.0 ? " is zero" : " is not finite")
                        + "; ILU(0) does not suit this matrix (try a fill-reducing or diagonal-dominance ordering,"
                        + " Jacobi, or a diagonally shifted A)");
            }
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                where[aj[p]] = -1;
            }
        }
        return new Ilu0(n, ap, aj, lu, diag);
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.ILU0;
    }

    @Override
    public int rows() {
        return n;
    }

    /** ILU(0) stores one value per nonzero of A (L and U on A's pattern): fill 1. */
    @Override
    public PreconditionerView view() {
        return new PreconditionerView(name(), rowPtr[n], lu.length, Double.NaN, java.util.List.of());
    }

    /** {@code y = U⁻¹·L⁻¹·x}; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        Triangular.lsolveCsr(n, rowPtr, colIdx, lu, diag, null, y); // L·z = x (unit diagonal)
        Triangular.usolveCsr(n, rowPtr, colIdx, lu, diag, pivots, y); // U·y = z
    }

    /** {@code y = L⁻ᵀ·U⁻ᵀ·x}, column-oriented sweeps over the rows of U and L; x and y may be the same array. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        Triangular.utsolveCsr(n, rowPtr, colIdx, lu, diag, pivots, y); // Uᵀ·z = x
        Triangular.ltsolveCsr(n, rowPtr, colIdx, lu, diag, null, y); // Lᵀ·y = z (unit diagonal)
    }
}
