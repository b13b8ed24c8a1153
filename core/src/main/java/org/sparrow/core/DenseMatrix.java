package org.sparrow.core;

import java.util.Arrays;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.DenseProducts;

/**
 * A dense matrix stored row-major in one {@code double[]}: {@code a(i, j) = data[i·cols + j]}, the
 * layout EJML's {@code DMatrixRMaj.wrap(rows, cols, data)} sees without a copy.
 *
 * <p>The array is adopted, not copied, and {@link #data()} returns it for in-place reading (see
 * {@link CsrMatrix} on sharing). Conversions to sparse formats store only the nonzero entries.
 */
public final class DenseMatrix implements Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    /**
     * Wraps {@code data} (row-major, length exactly {@code rows·cols}).
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param data the entries, row-major: a(i, j) is {@code data[i·cols + j]}; adopted, not copied
     * @throws IllegalArgumentException on negative dimensions or a length mismatch
     */
    public DenseMatrix(int rows, int cols, double[] data) {
        Checks.checkDimensions(rows, cols);
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        long needed = (long) rows * cols;
        if (data.length != needed) {
            throw new IllegalArgumentException("data has length " + data.length + " but a " + rows + "×" + cols
                    + " matrix needs " + needed);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * An all-zero {@code rows × cols} matrix.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @return the zero matrix of that shape
     */
    public static DenseMatrix zeros(int rows, int cols) {
        Checks.checkDimensions(rows, cols);
        return new DenseMatrix(rows, cols, new double[Checks.checkedArrayLength((long) rows * cols,
                "a dense " + rows + "×" + cols + " matrix")]);
    }

    /**
     * A copy of {@code a} (rows of equal length).
     *
     * @param a the rows, all of the same length
     * @return a {@code a.length × a[0].length} matrix holding a copy of the entries
     */
    public static DenseMatrix of(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[] d = new double[Checks.checkedArrayLength((long) r * c, "a dense " + r + "×" + c + " matrix")];
        for (int i = 0; i < r; i++) {
            if (a[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + a[i].length + " entries, row 0 has " + c);
            }
            System.arraycopy(a[i], 0, d, i * c, c);
        }
        return new DenseMatrix(r, c, d);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** {@code rows·cols}: every entry is stored. */
    @Override
    public int nnz() {
        return data.length;
    }

    /** {@return the row-major backing array: shared, read-only} */
    public double[] data() {
        return data;
    }

    @Override
    public double get(int row, int col) {
        Checks.checkIndex(row, rows, "row");
        Checks.checkIndex(col, cols, "column");
        return data[row * cols + col];
    }

    /** {@code y = A·x}, threaded above {@link DenseProducts#PARALLEL_MIN_ENTRIES} entries (see {@link DenseProducts}). */
    @Override
    public void apply(double[] x, double[] y) {
        DenseProducts.apply(this, x, y, Par.AUTO);
    }

    /** {@code y = Aᵀ·x}, threaded as {@link #apply(double[], double[])}. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        DenseProducts.applyTranspose(this, x, y, Par.AUTO);
    }

    /** {@code Y = A·X} for a row-major block of k columns, in one pass over A (not column by column). */
    @Override
    public void applyBlock(double[] x, double[] y, int k) {
        DenseProducts.applyBlock(this, x, y, k, Par.AUTO);
    }

    /** {@code Y = Aᵀ·X} for a row-major block of k columns, in one pass over A. */
    @Override
    public void applyTransposeBlock(double[] x, double[] y, int k) {
        DenseProducts.applyTransposeBlock(this, x, y, k, Par.AUTO);
    }

    /** Nonzero entries only, row by row. */
    @Override
    public CooMatrix toCoo() {
        return toCsr().toCoo();
    }

    /** Canonical CSR of the nonzero entries. */
    @Override
    public CsrMatrix toCsr() {
        int nnz = 0;
        for (double v : data) {
            if (v != 0.0) {
                nnz++;
            }
        }
        int[] rp = new int[rows + 1];
        int[] ci = new int[nnz];
        double[] vals = new double[nnz];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                double v = data[base + j];
                if (v != 0.0) {
                    ci[p] = j;
                    vals[p++] = v;
                }
            }
            rp[i + 1] = p;
        }
        return new CsrMatrix(rows, cols, rp, ci, vals);
    }

    @Override
    public CscMatrix toCsc() {
        return toCsr().toCsc();
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    /**
     * The transpose as a new dense matrix.
     *
     * @return Aᵀ, {@code cols × rows}
     */
    public DenseMatrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[i * cols + j];
            }
        }
        return new DenseMatrix(cols, rows, t);
    }

    @Override
    public double frobeniusNorm() {
        return Blas.norm2(data, 0, data.length);
    }

    /** Equal shape and equal entries (as {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof DenseMatrix other && rows == other.rows && cols == other.cols
                && Arrays.equals(data, other.data));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** A one-line summary: shape only. */
    @Override
    public String toString() {
        return "DenseMatrix " + rows + "×" + cols;
    }
}
