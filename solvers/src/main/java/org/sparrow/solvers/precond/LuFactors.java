package org.sparrow.solvers.precond;

import java.util.Arrays;
import org.sparrow.core.ops.Triangular;

/**
 * Incomplete LU factors L (unit lower) and U stored together in CSR, as {@link Ilu0} stores them on A's
 * arrays: row i holds L's entries (columns &lt; i), then U(i, i) at {@code diag[i]}, then U's entries
 * (columns &gt; i). {@link Ilut} and {@link Iluk} build one row at a time with {@link #append} and
 * {@link #endRow}; the solves are {@link Triangular}'s CSR kernels, which allocate nothing.
 */
final class LuFactors {

    final int n;
    final int[] rowPtr;
    int[] colIdx;
    double[] values;
    final int[] diag;
    private double[] pivots;
    private int size;
    private int row;

    /** Empty factors of order n with room for {@code capacity} entries (they grow as needed). */
    LuFactors(int n, int capacity) {
        this.n = n;
        this.rowPtr = new int[n + 1];
        this.diag = new int[n];
        this.colIdx = new int[Math.max(capacity, 1)];
        this.values = new double[Math.max(capacity, 1)];
    }

    /** Appends entry (row, j) = v to the current row. */
    void append(int j, double v) {
        if (size == colIdx.length) {
            int cap = Math.max(size + 1, size + (size >> 1));
            colIdx = Arrays.copyOf(colIdx, cap);
            values = Arrays.copyOf(values, cap);
        }
        colIdx[size] = j;
        values[size++] = v;
    }

    /** Marks the next entry appended as the diagonal of the current row. */
    void markDiagonal() {
        diag[row] = size;
    }

    /** Closes the current row. */
    void endRow() {
        rowPtr[++row] = size;
    }

    /** The pivot U(i, i) of a closed row. */
    double pivot(int i) {
        return values[diag[i]];
    }

    /** Trims the arrays and gathers the pivots; call once, after the last row. */
    void finish() {
        colIdx = Arrays.copyOf(colIdx, size);
        values = Arrays.copyOf(values, size);
        pivots = Triangular.diagonal(values, diag);
    }

    /** Stored entries: nnz(L) + nnz(U), the diagonal counted once. */
    int nnz() {
        return rowPtr[n];
    }

    /** {@code y = U⁻¹·L⁻¹·x}; x and y may be the same array. */
    void apply(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        Triangular.lsolveCsr(n, rowPtr, colIdx, values, diag, null, y); // L·z = x (unit diagonal)
        Triangular.usolveCsr(n, rowPtr, colIdx, values, diag, pivots, y); // U·y = z
    }

    /** {@code y = L⁻ᵀ·U⁻ᵀ·x}; x and y may be the same array. */
    void applyTranspose(double[] x, double[] y) {
        Inputs.copyIn(x, y, n);
        Triangular.utsolveCsr(n, rowPtr, colIdx, values, diag, pivots, y); // Uᵀ·z = x
        Triangular.ltsolveCsr(n, rowPtr, colIdx, values, diag, null, y); // Lᵀ·y = z (unit diagonal)
    }

    /** The message for a pivot that is zero or not finite, naming the 1-based row. */
    static String badPivot(String who, int i, double pivot, String remedy) {
        return who + " breaks down: pivot U(" + (i + 1) + ", " + (i + 1) + ") = " + pivot + " in row " + (i + 1)
                + (pivot == 0.0 ? " is zero" : " is not finite") + "; " + remedy;
    }
}
