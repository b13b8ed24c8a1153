package org.sparrow.core;

import org.sparrow.core.ops.Checks;

/**
 * A sparse matrix in compressed sparse column (CSC) form: for column {@code j}, the row indices
 * {@code rowIdx[colPtr[j] .. colPtr[j+1])} and the matching {@code values}.
 *
 * <p>Canonical form: row indices strictly increase within each column. The arrays are adopted, not
 * copied, and the accessors return them for in-place reading (see {@link CsrMatrix} on sharing).
 *
 * <p>The CSC arrays of A are the CSR arrays of Aᵀ, so this class holds A as a view of its
 * transpose in CSR and shares every kernel with {@link CsrMatrix}.
 */
public final class CscMatrix implements Matrix {

    /** Aᵀ in CSR, sharing this matrix's arrays. */
    private final CsrMatrix transposed;

    /**
     * A canonical CSC matrix (rows strictly increasing within each column). The arrays are adopted,
     * not copied; {@code rowIdx} and {@code values} may be longer than {@code colPtr[cols]}.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param colPtr column pointers, length {@code cols + 1}, non-decreasing from 0
     * @param rowIdx row index of each entry, in {@code [0, rows)}
     * @param values value of each entry
     * @throws IllegalArgumentException naming the first invariant that fails and where
     */
    public CscMatrix(int rows, int cols, int[] colPtr, int[] rowIdx, double[] values) {
        CsrMatrix.checkCompressed("column", "row", cols, rows, colPtr, rowIdx, values, true);
        this.transposed = new CsrMatrix(cols, rows, colPtr, rowIdx, values);
    }

    private CscMatrix(CsrMatrix transposed) {
        this.transposed = transposed;
    }

    /** The CSC matrix whose transpose is {@code t} (same arrays, no copy). */
    static CscMatrix ofTransposed(CsrMatrix t) {
        return new CscMatrix(t.sorted());
    }

    @Override
    public int rows() {
        return transposed.cols();
    }

    @Override
    public int cols() {
        return transposed.rows();
    }

    @Override
    public int nnz() {
        return transposed.nnz();
    }

    /** {@return the column pointer, length {@code cols + 1}: shared, read-only} */
    public int[] columnPointers() {
        return transposed.rowPointers();
    }

    /** {@return the row indices, length ≥ {@link #nnz()}: shared, read-only} */
    public int[] rowIndices() {
        return transposed.columnIndices();
    }

    /** {@return the values, length ≥ {@link #nnz()}: shared, read-only} */
    public double[] values() {
        return transposed.values();
    }

    /**
     * Number of entries stored in column {@code j}.
     *
     * @param j the column, 0-based
     * @return {@code colPtr[j + 1] − colPtr[j]}
     */
    public int colNnz(int j) {
        Checks.checkIndex(j, cols(), "column");
        return transposed.rowNnz(j);
    }

    @Override
    public double get(int row, int col) {
        Checks.checkIndex(row, rows(), "row");
        Checks.checkIndex(col, cols(), "column");
        return transposed.get(col, row);
    }

    @Override
    public void apply(double[] x, double[] y) {
        Checks.checkLength("x", x, cols(), "the matrix's column count");
        Checks.checkLength("y", y, rows(), "the matrix's row count");
        transposed.applyTranspose(x, y);
    }

    @Override
    public void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("x", x, rows(), "the matrix's row count");
        Checks.checkLength("y", y, cols(), "the matrix's column count");
        transposed.apply(x, y);
    }

    /**
     * Aᵀ in CSR form, sharing this matrix's arrays (no copy).
     *
     * @return Aᵀ as a CSR matrix over this matrix's arrays
     */
    public CsrMatrix transposeView() {
        return transposed;
    }

    /**
     * The transpose Aᵀ as a new CSC matrix.
     *
     * @return Aᵀ, canonical
     */
    public CscMatrix transpose() {
        return new CscMatrix(transposed.transpose());
    }

    @Override
    public CooMatrix toCoo() {
        return transposed.toCoo().transpose();
    }

    @Override
    public CsrMatrix toCsr() {
        return transposed.transpose();
    }

    @Override
    public CscMatrix toCsc() {
        return this;
    }

    @Override
    public DenseMatrix toDense() {
        return toCsr().toDense();
    }

    @Override
    public double frobeniusNorm() {
        return transposed.frobeniusNorm();
    }

    /** Equal shape and equal canonical arrays (explicit zeros count; values as {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CscMatrix other && transposed.equals(other.transposed));
    }

    @Override
    public int hashCode() {
        return 31 * transposed.hashCode() + 7;
    }

    /** A one-line summary: shape, stored entries and density. */
    @Override
    public String toString() {
        return "CscMatrix " + rows() + "×" + cols() + ", nnz=" + nnz() + " (" + MatrixStatistics.density(nnz(), rows(), cols())
                + " dense)";
    }
}
