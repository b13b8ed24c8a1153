package org.sparrow.spark;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;

/**
 * A contiguous range of rows of a {@link DistributedCsrMatrix}: rows {@code firstRow ..
 * firstRow + rows − 1} of the global matrix, held as a Sparrow {@link CsrMatrix} with every column
 * of the global matrix. This is what a Spark partition holds and ships.
 *
 * <p>A plain {@link Serializable} class rather than a record: Spark's Kryo serializer cannot read
 * record fields ("can't get field offset on a record class"), and the shipped form is exactly the
 * CSR arrays. After deserialization the {@link CsrMatrix} view is rebuilt through its constructor,
 * which checks every invariant again (monotone row pointers, indices in range, sorted columns): bytes
 * that arrive over the network are never trusted, and a corrupt block fails with an
 * {@link InvalidObjectException} that says which invariant broke.
 */
public final class RowBlock implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The global index of the first row. */
    private final int firstRow;
    /** The rows held. */
    private final int rows;
    /** The global column count. */
    private final int cols;
    /** Whether columns strictly increase within each row. */
    private final boolean sorted;
    /** CSR row pointer, length rows + 1. */
    private final int[] rowPtr;
    /** CSR column indices, length nnz. */
    private final int[] colIdx;
    /** CSR values, length nnz. */
    private final double[] values;
    /** The view over the arrays, rebuilt (and re-validated) after deserialization. */
    private transient CsrMatrix matrix;

    /**
     * A block holding {@code matrix} as the rows starting at global row {@code firstRow}. The matrix's
     * arrays are shared, trimmed to its stored entries when they are longer (so that only the entries
     * are shipped).
     *
     * @param firstRow the global index (0-based) of the block's first row, ≥ 0
     * @param matrix   the rows, with the global matrix's column count
     * @throws IllegalArgumentException if {@code firstRow} is negative, {@code matrix} is null, or
     *                                  {@code firstRow + rows} passes the largest int
     */
    public RowBlock(int firstRow, CsrMatrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("a row block needs a matrix, got null");
        }
        if (firstRow < 0 || (long) firstRow + matrix.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a row block's first row must be ≥ 0 and leave room for its "
                    + matrix.rows() + " rows, got " + firstRow);
        }
        int nnz = matrix.nnz();
        this.firstRow = firstRow;
        this.rows = matrix.rows();
        this.cols = matrix.cols();
        this.sorted = matrix.isSorted();
        this.rowPtr = matrix.rowPointers();
        this.colIdx = matrix.columnIndices().length == nnz ? matrix.columnIndices()
                : Arrays.copyOf(matrix.columnIndices(), nnz);
        this.values = matrix.values().length == nnz ? matrix.values() : Arrays.copyOf(matrix.values(), nnz);
        this.matrix = colIdx == matrix.columnIndices() && values == matrix.values() ? matrix : build();
    }

    /**
     * The global index (0-based) of this block's first row.
     *
     * @return the first row, ≥ 0
     */
    public int firstRow() {
        return firstRow;
    }

    /**
     * The global index one past this block's last row.
     *
     * @return {@code firstRow() + rows()}
     */
    public int endRow() {
        return firstRow + rows;
    }

    /**
     * The number of rows in this block (0 for a partition that holds no rows).
     *
     * @return rows, ≥ 0
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns: the global matrix's.
     *
     * @return columns, ≥ 0
     */
    public int cols() {
        return cols;
    }

    /**
     * The stored entries of this block.
     *
     * @return nnz, ≥ 0
     */
    public int nnz() {
        return rowPtr[rows];
    }

    /**
     * The block's rows as a local CSR matrix ({@code rows() × cols()}), sharing this block's arrays:
     * read-only, as every {@link CsrMatrix}.
     *
     * @return the matrix
     */
    public CsrMatrix matrix() {
        return matrix;
    }

    private CsrMatrix build() {
        return sorted ? new CsrMatrix(rows, cols, rowPtr, colIdx, values)
                : CsrMatrix.unsorted(rows, cols, rowPtr, colIdx, values);
    }

    /**
     * Reads the arrays and rebuilds the matrix view through its checking constructor.
     *
     * @param in the stream
     * @throws IOException            if the block is corrupt ({@link InvalidObjectException}) or reading fails
     * @throws ClassNotFoundException never, for arrays of primitives
     */
    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (firstRow < 0 || rows < 0 || (long) firstRow + rows > Integer.MAX_VALUE || rowPtr == null
                || colIdx == null || values == null) {
            throw new InvalidObjectException("a row block arrived corrupt: first row " + firstRow + ", " + rows
                    + " rows, arrays " + (rowPtr == null || colIdx == null || values == null ? "missing" : "present"));
        }
        try {
            matrix = build();
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectException("the row block of rows " + (firstRow + 1L) + ".." + ((long) firstRow + rows)
                    + " arrived corrupt: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RowBlock[rows " + (firstRow + 1L) + ".." + ((long) firstRow + rows) + " of " + cols + " columns, "
                + nnz() + " entries]";
    }
}
