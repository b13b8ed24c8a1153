package org.sparrow.core;

import java.util.Arrays;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.SparseConversions;

/**
 * A sparse matrix as triplets {@code (row[k], col[k], value[k])}, in any order, duplicates allowed:
 * the format for assembling a matrix, and what Matrix Market coordinate files hold.
 *
 * <p>Duplicates are summed when the matrix is converted ({@link #toCsr()}, {@link #toDense()},
 * {@link #get}); a product with a vector treats them as summed too. {@code equals} compares the
 * canonical (summed, sorted) forms. The arrays are adopted without copying and returned by the
 * accessors for in-place reading (see {@link CsrMatrix} on sharing). Build one entry at a time with
 * {@link #builder(int, int)}.
 */
public final class CooMatrix implements Matrix {

    private final int rows;
    private final int cols;
    private final int[] rowIdx;
    private final int[] colIdx;
    private final double[] values;
    private CsrMatrix canonical;

    /**
     * Triplets of equal-length arrays. The arrays are adopted, not copied.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param rowIdx row index of each entry, in {@code [0, rows)}
     * @param colIdx column index of each entry, in {@code [0, cols)}
     * @param values value of each entry; duplicates of a position are summed by the conversions
     * @throws IllegalArgumentException naming the first invariant that fails and where
     */
    public CooMatrix(int rows, int cols, int[] rowIdx, int[] colIdx, double[] values) {
        Checks.checkDimensions(rows, cols);
        if (rowIdx == null || colIdx == null || values == null) {
            throw new IllegalArgumentException("row indices, column indices and values must not be null");
        }
        if (rowIdx.length != colIdx.length || rowIdx.length != values.length) {
            throw new IllegalArgumentException("triplet arrays differ in length: " + rowIdx.length + " row indices, "
                    + colIdx.length + " column indices, " + values.length + " values");
        }
        for (int k = 0; k < rowIdx.length; k++) {
            if (rowIdx[k] < 0 || rowIdx[k] >= rows) {
                throw new IllegalArgumentException("entry " + k + ": row index " + rowIdx[k] + " is out of range [0, "
                        + rows + ")");
            }
            if (colIdx[k] < 0 || colIdx[k] >= cols) {
                throw new IllegalArgumentException("entry " + k + ": column index " + colIdx[k]
                        + " is out of range [0, " + cols + ")");
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.rowIdx = rowIdx;
        this.colIdx = colIdx;
        this.values = values;
    }

    /**
     * A builder for a {@code rows × cols} matrix, with room for a few entries to start.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @return an empty builder
     */
    public static Builder builder(int rows, int cols) {
        return new Builder(rows, cols, 16);
    }

    /**
     * A builder for a {@code rows × cols} matrix with room for {@code expectedEntries} entries.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param expectedEntries how many entries to make room for, ≥ 0 (the builder grows past it)
     * @return an empty builder
     */
    public static Builder builder(int rows, int cols, int expectedEntries) {
        return new Builder(rows, cols, expectedEntries);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** Number of triplets, duplicates counted separately. */
    @Override
    public int nnz() {
        return values.length;
    }

    /** {@return the row indices: shared, read-only} */
    public int[] rowIndices() {
        return rowIdx;
    }

    /** {@return the column indices: shared, read-only} */
    public int[] columnIndices() {
        return colIdx;
    }

    /** {@return the values: shared, read-only} */
    public double[] values() {
        return values;
    }

    /** The sum of all triplets at {@code (row, col)}; O(nnz) — convert to CSR for repeated lookups. */
    @Override
    public double get(int row, int col) {
        Checks.checkIndex(row, rows, "row");
        Checks.checkIndex(col, cols, "column");
        double sum = 0.0;
        for (int k = 0; k < values.length; k++) {
            if (rowIdx[k] == row && colIdx[k] == col) {
                sum += values[k];
            }
        }
        return sum;
    }

    @Override
    public void apply(double[] x, double[] y) {
        Checks.checkLength("x", x, cols, "the matrix's column count");
        Checks.checkLength("y", y, rows, "the matrix's row count");
        Arrays.fill(y, 0.0);
        for (int k = 0; k < values.length; k++) {
            y[rowIdx[k]] += values[k] * x[colIdx[k]];
        }
    }

    @Override
    public void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("x", x, rows, "the matrix's row count");
        Checks.checkLength("y", y, cols, "the matrix's column count");
        Arrays.fill(y, 0.0);
        for (int k = 0; k < values.length; k++) {
            y[colIdx[k]] += values[k] * x[rowIdx[k]];
        }
    }

    /** {@return the transpose, sharing this matrix's arrays (row and column indices swap roles)} */
    public CooMatrix transpose() {
        return new CooMatrix(cols, rows, colIdx, rowIdx, values);
    }

    @Override
    public CooMatrix toCoo() {
        return this;
    }

    /**
     * Canonical CSR: sorted, duplicates summed, explicit zeros kept. Computed once and cached.
     *
     * @throws IllegalStateException when the CSR form cannot fit in this Java VM's memory (a
     *                               hypersparse matrix: 2·10⁹ rows need 8 GB of row pointers,
     *                               however few the entries); the message states the memory needed
     */
    @Override
    public CsrMatrix toCsr() {
        CsrMatrix c = canonical;
        if (c == null) {
            int nnz = values.length;
            int pointers = CsrMatrix.pointerLength(rows, "row");
            MemoryNeeds.require(SparseConversions.compressBytes(rows, cols, nnz),
                    "the CSR form of this " + rows + "×" + cols + " matrix with " + nnz + " entries");
            int[] rp = new int[pointers];
            int[] ci = new int[nnz];
            double[] v = new double[nnz];
            int merged = SparseConversions.compress(rows, cols, nnz, rowIdx, colIdx, values, rp, ci, v);
            if (merged < nnz) {
                ci = Arrays.copyOf(ci, merged);
                v = Arrays.copyOf(v, merged);
            }
            c = new CsrMatrix(rows, cols, rp, ci, v);
            canonical = c;
        }
        return c;
    }

    @Override
    public CscMatrix toCsc() {
        return transpose().toCsr().transposeView();
    }

    @Override
    public DenseMatrix toDense() {
        double[] d = new double[Checks.checkedArrayLength((long) rows * cols, "a dense " + rows + "×" + cols + " matrix")];
        for (int k = 0; k < values.length; k++) {
            d[rowIdx[k] * cols + colIdx[k]] += values[k];
        }
        return new DenseMatrix(rows, cols, d);
    }

    @Override
    public double frobeniusNorm() {
        return toCsr().frobeniusNorm();
    }

    /** Equal shape and equal canonical (summed, sorted) forms. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CooMatrix other && toCsr().equals(other.toCsr()));
    }

    @Override
    public int hashCode() {
        return toCsr().hashCode();
    }

    /** A one-line summary: shape, triplet count and density. */
    @Override
    public String toString() {
        return "CooMatrix " + rows + "×" + cols + ", " + values.length + " triplets (" + MatrixStatistics.density(values.length, rows, cols)
                + " dense)";
    }

    /** Collects triplets one at a time; duplicates are allowed and summed on conversion. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private int[] ri;
        private int[] ci;
        private double[] v;
        private int size;

        private Builder(int rows, int cols, int capacity) {
            Checks.checkDimensions(rows, cols);
            if (capacity < 0) {
                throw new IllegalArgumentException("expected entries must be ≥ 0, got " + capacity);
            }
            this.rows = rows;
            this.cols = cols;
            this.ri = new int[capacity];
            this.ci = new int[capacity];
            this.v = new double[capacity];
        }

        /**
         * Adds {@code value} at {@code (row, col)} (0-based).
         *
         * @param row the row, 0-based
         * @param col the column, 0-based
         * @param value the value; a repeated position is summed by the conversions
         * @return this builder
         * @throws IndexOutOfBoundsException if the position lies outside the matrix
         * @throws IllegalStateException     past {@code Integer.MAX_VALUE - 8} entries
         */
        public Builder add(int row, int col, double value) {
            Checks.checkIndex(row, rows, "row");
            Checks.checkIndex(col, cols, "column");
            if (size == ri.length) {
                grow();
            }
            ri[size] = row;
            ci[size] = col;
            v[size] = value;
            size++;
            return this;
        }

        /** {@return number of entries added so far} */
        public int size() {
            return size;
        }

        private void grow() {
            if (size >= Checks.MAX_ARRAY_LENGTH) {
                throw new IllegalStateException("a CooMatrix holds at most " + Checks.MAX_ARRAY_LENGTH + " entries");
            }
            int cap = (int) Math.min(Checks.MAX_ARRAY_LENGTH, Math.max(16L, 2L * ri.length));
            ri = Arrays.copyOf(ri, cap);
            ci = Arrays.copyOf(ci, cap);
            v = Arrays.copyOf(v, cap);
        }

        /**
         * The matrix of the entries added so far; the builder may go on being used.
         *
         * @return the matrix, with its own copy of the entries
         */
        public CooMatrix build() {
            return new CooMatrix(rows, cols, Arrays.copyOf(ri, size), Arrays.copyOf(ci, size), Arrays.copyOf(v, size));
        }
    }
}
