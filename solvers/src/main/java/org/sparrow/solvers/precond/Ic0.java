package org.sparrow.solvers.precond;

import org.sparrow.solvers.PreconditionerKind;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Triangular;

/**
 * The incomplete Cholesky factorization with no fill, IC(0): lower triangular L with the pattern of
 * the lower triangle of a symmetric A, such that {@code (L·Lᵀ)(i, j) = A(i, j)} for every stored
 * {@code (i, j)}, and {@code M = L·Lᵀ} (Meijerink and van der Vorst, Math. Comp. 31(137):148–162,
 * 1977; Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., 2003, §10.3). Computed row by
 * row: {@code L(i, k) = (A(i, k) − Σ_{m<k} L(i, m)·L(k, m)) / L(k, k)} over the pattern, then
 * {@code L(i, i) = √(A(i, i) − Σ_{k<i} L(i, k)²)}. {@code y = M⁻¹x} is a forward and a backward
 * triangular solve on L's own CSR arrays: 2·nnz(L) flops, no allocation.
 *
 * <p><b>Breakdown and shift.</b> For an SPD A the incomplete factorization can still meet a pivot
 * {@code ≤ 0} (it is guaranteed only for M-matrices and H-matrices). Then, following Manteuffel's
 * shifted incomplete Cholesky ("An incomplete factorization technique for positive definite linear
 * systems", Math. Comp. 34(150):473–497, 1980), the factorization is retried on
 * {@code A + α·diag(A)} with {@code α = 10⁻³}, doubling α until every pivot is positive; the α used is
 * {@link #diagonalShift()} (0 when none was needed), which solvers report in their result.
 */
public final class Ic0 implements Preconditioner {

    /** The first shift tried after a breakdown. */
    public static final double FIRST_SHIFT = 1e-3;

    private static final int MAX_DOUBLINGS = 60;

    private final int n;
    private final int[] rowPtr;   // L in CSR, lower triangle, diagonal last in each row
    private final int[] colIdx;
    private final double[] values;
    private final int[] diag;     // position of L(i, i): the last in row i
    private final double[] pivots; // L(i, i)
    private final double shift;

    private Ic0(int n, int[] rowPtr, int[] colIdx, double[] values, double shift) {
        this.n = n;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
        this.shift = shift;
        this.diag = new int[n];
        for (int i = 0; i < n; i++) {
            diag[i] = rowPtr[i + 1] - 1;
        }
        this.pivots = Triangular.diagonal(values, diag);
    }

    /**
     * The IC(0) factorization of a symmetric A (its lower triangle is used), shifted if it breaks down.
     *
     * @param a Input: square, symmetric CSR (sorted or not), finite, with every diagonal entry stored and positive
     * @return the preconditioner
     * @throws IllegalArgumentException if A is null, not square, not symmetric, not finite, or a
     *     diagonal entry is missing or not positive (the message names the row)
     */
    public static Ic0 of(CsrMatrix a) {
        CsrMatrix s = Inputs.squareFinite(a, "IC(0)");
        int[] diag = Inputs.diagonalPositions(s, "IC(0)", true);
        Inputs.symmetric(s, "IC(0)");
        int n = s.rows();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        int[] lp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            lp[i + 1] = lp[i] + (diag[i] - ap[i] + 1); // the lower triangle of row i and its diagonal
        }
        int[] lj = new int[lp[n]];
        double[] lower = new double[lp[n]]; // A's lower triangle, unshifted
        for (int i = 0; i < n; i++) {
            System.arraycopy(aj, ap[i], lj, lp[i], diag[i] - ap[i] + 1);
            System.arraycopy(ax, ap[i], lower, lp[i], diag[i] - ap[i] + 1);
        }
        double[] lx = new double[lp[n]];
        int[] where = new int[n];
        Arrays.fill(where, -1);
        double alpha = 0.0;
        for (int attempt = 0; attempt <= MAX_DOUBLINGS; attempt++) {
            if (factor(n, lp, lj, lower, alpha, lx, where) < 0) {
                return new Ic0(n, lp, lj, lx, alpha);
            }
            alpha = alpha == 0.0 ? FIRST_SHIFT : 2 * alpha;
        }
        throw new IllegalArgumentException("IC(0) breaks down even on A + α·diag(A) with α = " + alpha / 2
                + "; the matrix is far from positive definite");
    }

    /**
     * IC(0) of {@code A + α·diag(A)} into lx (same pattern as {@code lower}).
     *
     * @return −1 on success, else the row whose pivot was ≤ 0 or not finite
     */
    private static int factor(int n, int[] lp, int[] lj, double[] lower, double alpha, double[] lx, int[] where) {
        for (int i = 0; i < n; i++) {
            int di = lp[i + 1] - 1;
            for (int p = lp[i]; p < di; p++) {
                where[lj[p]] = p;
            }
            double d = lower[di] * (1 + alpha);
            for (int p = lp[i]; p < di; p++) {
                int k = lj[p];
                double sum = lower[p];
                for (int q = lp[k]; q < lp[k + 1] - 1; q++) {
                    int pos = where[lj[q]];
                    if (pos >= 0 && pos < p) {
                        sum -= lx[q] * lx[pos]; // − L(k, m)·L(i, m), m < k on both patterns
                    }
                }
                double lik = sum / lx[lp[k + 1] - 1]; // L(i, k) = (...) / L(k, k)
                lx[p] = lik;
                d -= lik * lik;
            }
            for (int p = lp[i]; p < di; p++) {
                where[lj[p]] = -1;
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return i;
            }
            lx[di] = Math.sqrt(d); // L(i, i)
        }
        return -1;
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.IC0;
    }

    /** The α of {@code A + α·diag(A)} that IC(0) was computed from: 0 when A itself factored. */
    @Override
    public double diagonalShift() {
        return shift;
    }

    /**
     * IC(0) stores L, the lower triangle of A's (symmetric) pattern: nnz(A) = 2·nnz(L) − n, so the fill
     * counts L and Lᵀ, 2·nnz(L), against it.
     */
    @Override
    public PreconditionerView view() {
        long l = rowPtr[n];
        return new PreconditionerView(name(), 2 * l - n, 2 * l, Double.NaN,
                shift > 0 ? java.util.List.of("diagonal shift α = " + shift + " (the factorization of A + α·diag(A))")
                        : java.util.List.of());
    }

    @Override
    public int rows() {
        return n;
    }

    /** {@code y = L⁻ᵀ·L⁻¹·x}; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        Triangular.lsolveCsr(n, rowPtr, colIdx, values, diag, pivots, y); // L·z = x
        Triangular.ltsolveCsr(n, rowPtr, colIdx, values, diag, pivots, y); // Lᵀ·y = z
    }

    /** The same as {@link #apply(double[], double[])}: {@code M = L·Lᵀ} is symmetric. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        apply(x, y);
    }
}
