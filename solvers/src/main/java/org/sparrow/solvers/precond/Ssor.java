package org.sparrow.solvers.precond;

import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Triangular;

/**
 * The symmetric successive over-relaxation (SSOR) preconditioner. With {@code A = L + D + U}
 * (strictly lower, diagonal, strictly upper) and {@code 0 < ω < 2},
 * <pre>
 *   M = ω/(2−ω) · (D/ω + L) · (D/ω)⁻¹ · (D/ω + U)
 * </pre>
 * (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., 2003, §4.1.1 and §10.2; Axelsson,
 * "Iterative Solution Methods", 1994, ch. 7). {@code y = M⁻¹x} is one forward sweep
 * {@code (D/ω + L)·z = x}, a diagonal scaling {@code z ← (D/ω)·z} and one backward sweep
 * {@code (D/ω + U)·y = z}, then {@code y ← (2−ω)/ω · y}: 2·nnz(A) + O(n) flops, in place in y, no
 * allocation, on A's own CSR arrays (shared, not copied). For symmetric A with positive diagonal,
 * M is symmetric positive definite, as CG needs.
 */
public final class Ssor implements Preconditioner {

    private final int n;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;
    private final int[] diag;        // position of A(i, i) in row i
    private final double[] dOverOmega; // D/ω
    private final double omega;
    private final double scale;      // (2 − ω)/ω

    private Ssor(CsrMatrix s, int[] diag, double omega) {
        this.n = s.rows();
        this.rowPtr = s.rowPointers();
        this.colIdx = s.columnIndices();
        this.values = s.values();
        this.diag = diag;
        this.omega = omega;
        this.scale = (2 - omega) / omega;
        this.dOverOmega = new double[n];
        for (int i = 0; i < n; i++) {
            dOverOmega[i] = values[diag[i]] / omega;
        }
    }

    /**
     * The SSOR preconditioner of A with relaxation ω.
     *
     * @param a     Input: square CSR (sorted or not), finite, with every diagonal entry stored and nonzero
     * @param omega the relaxation parameter, in the open interval (0, 2); ω = 1 is symmetric Gauss–Seidel
     * @return the preconditioner
     * @throws IllegalArgumentException if ω is outside (0, 2) or NaN, or A is null, not square, not
     *     finite, or misses or has a zero diagonal entry (the message names the row)
     */
    public static Ssor of(CsrMatrix a, double omega) {
        if (!(omega > 0 && omega < 2)) {
            throw new IllegalArgumentException("SSOR: ω must be in the open interval (0, 2), got " + omega);
        }
        CsrMatrix s = Inputs.squareFinite(a, "SSOR");
        return new Ssor(s, Inputs.diagonalPositions(s, "SSOR", false), omega);
    }

    /**
     * Symmetric Gauss–Seidel: SSOR with ω = 1.
     *
     * @param a Input: square CSR (sorted or not), finite, with every diagonal entry stored and nonzero
     * @return the preconditioner
     * @throws IllegalArgumentException if A is null, not square, not finite, or misses or has a zero diagonal entry (the message names the row)
     */
    public static Ssor of(CsrMatrix a) {
        return of(a, 1.0);
    }

    /** {@return the relaxation parameter ω} */
    public double omega() {
        return omega;
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.SSOR;
    }

    @Override
    public int rows() {
        return n;
    }

    /** {@code y = M⁻¹·x}: forward sweep, scaling, backward sweep; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        double[] dw = dOverOmega;
        Triangular.lsolveCsr(n, rowPtr, colIdx, values, diag, dw, y); // (D/ω + L)·z = x
        for (int i = 0; i < n; i++) { // z ← (D/ω)·z
            y[i] *= dw[i];
        }
        Triangular.usolveCsr(n, rowPtr, colIdx, values, diag, dw, y); // (D/ω + U)·y = z
        scale(y);
    }

    /**
     * {@code y = M⁻ᵀ·x = (2−ω)/ω · (D/ω + L)⁻ᵀ·(D/ω)·(D/ω + U)⁻ᵀ·x}: the same sweeps on the transposed
     * triangles, column by column (scatter); x and y may be the same array.
     */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        double[] dw = dOverOmega;
        Triangular.utsolveCsr(n, rowPtr, colIdx, values, diag, dw, y); // (D/ω + U)ᵀ·z = x
        for (int i = 0; i < n; i++) { // z ← (D/ω)·z
            y[i] *= dw[i];
        }
        Triangular.ltsolveCsr(n, rowPtr, colIdx, values, diag, dw, y); // (D/ω + L)ᵀ·y = z
        scale(y);
    }

    /** {@code y ← (2−ω)/ω · y}. */
    private void scale(double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
    }
}
