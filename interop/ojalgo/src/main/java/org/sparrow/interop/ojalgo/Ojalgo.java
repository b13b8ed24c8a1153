package org.sparrow.interop.ojalgo;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.SparseStore;
import org.ojalgo.structure.Access2D;
import org.ojalgo.structure.ElementView2D;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Checks;

/**
 * Conversions between ojAlgo 55 matrices and Sparrow's formats, as static methods that check their input
 * and say what is wrong in one sentence.
 *
 * <table>
 *   <caption>What each conversion costs</caption>
 *   <tr><th>from</th><th>to</th><th>method</th><th>cost</th></tr>
 *   <tr><td>{@code R064Store} (or any {@code Access2D})</td><td>{@link DenseMatrix}</td><td>{@link #toDense}</td>
 *       <td>O(rows·cols) copy: ojAlgo's dense store is column-major, Sparrow's row-major</td></tr>
 *   <tr><td>{@link DenseMatrix}</td><td>{@code R064Store}</td><td>{@link #fromDense}</td><td>O(rows·cols) copy, the same transposition</td></tr>
 *   <tr><td>{@code SparseStore<Double>}</td><td>{@link CscMatrix} / {@link CsrMatrix} / {@link CooMatrix}</td>
 *       <td>{@link #toCsc} / {@link #toCsr} / {@link #toCoo}</td>
 *       <td>O(nnz) (plus O(rows + cols) for the pointers and the CSR transpose): ojAlgo keeps one sorted array
 *       of column-major positions, which is CSC order</td></tr>
 *   <tr><td>{@link CsrMatrix} / {@link CscMatrix} / {@link CooMatrix}</td><td>{@code SparseStore<Double>}</td>
 *       <td>{@link #fromCsr} / {@link #fromCsc} / {@link #fromCoo}</td>
 *       <td>O(nnz + rows + cols): the entries are appended in column-major order into a store sized for them
 *       (ojAlgo's two-step builder sorts boxed entries and inserts, far slower)</td></tr>
 *   <tr><td>{@code R064Store} n×1 or 1×n</td><td>{@code double[]}</td><td>{@link #toVector}</td>
 *       <td>zero-copy (the store's array) when it is exactly n long</td></tr>
 *   <tr><td>{@code double[]}</td><td>{@code R064Store} n×1</td><td>{@link #fromVector}</td><td>zero-copy ({@code R064Store.wrap})</td></tr>
 * </table>
 *
 * <p><b>Explicit zeros.</b> ojAlgo's {@code SparseStore} never stores a zero (setting one removes the
 * entry), so {@link #fromCsr} and its siblings drop the explicit zeros of a Sparrow matrix: a round trip
 * keeps the nonzero entries, not the stored ones. Errors are {@link IllegalArgumentException}s.
 */
public final class Ojalgo {

    private Ojalgo() {
    }

    // ---------------------------------------------------------------- dense

    /**
     * Sparrow's row-major dense copy of an ojAlgo matrix, O(rows·cols): read straight from the column-major
     * array of an {@code R064Store}, else entry by entry through {@code doubleValue(row, col)} (any
     * {@code MatrixStore}, such as the result of an ojAlgo product).
     *
     * @param a Input: the ojAlgo matrix; not modified
     * @return a new dense matrix with the same entries
     * @throws IllegalArgumentException if {@code a} is null or does not fit in one Java array
     */
    public static DenseMatrix toDense(Access2D<?> a) {
        Checks.checkNotNull(a, "the ojAlgo matrix");
        int rows = dimension(a.countRows(), "rows");
        int cols = dimension(a.countColumns(), "columns");
        double[] d = new double[Checks.checkedArrayLength((long) rows * cols, "a dense " + Checks.shape(rows, cols) + " matrix")];
        if (a instanceof R064Store s) {
            double[] c = s.data;
            for (int j = 0; j < cols; j++) { // A(i, j) = c[j·rows + i]
                int base = j * rows;
                for (int i = 0; i < rows; i++) {
                    d[i * cols + j] = c[base + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    d[i * cols + j] = a.doubleValue(i, j);
                }
            }
        }
        return new DenseMatrix(rows, cols, d);
    }

    /**
     * ojAlgo's column-major dense copy of Sparrow's dense matrix, O(rows·cols). The result owns its array.
     *
     * @param a Input: the dense matrix
     * @return a new {@code R064Store} with the same entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static R064Store fromDense(DenseMatrix a) {
        Checks.checkNotNull(a, "the dense matrix");
        int rows = a.rows();
        int cols = a.cols();
        if (rows == 0 || cols == 0) {
            return R064Store.FACTORY.make(rows, cols); // wrap(data, 0) would divide by zero rows
        }
        double[] r = a.data();
        double[] c = new double[r.length];
        for (int i = 0; i < rows; i++) { // c[j·rows + i] = A(i, j)
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                c[j * rows + i] = r[base + j];
            }
        }
        return R064Store.wrap(c, rows);
    }

    // ---------------------------------------------------------------- vectors

    /**
     * The entries of an ojAlgo vector (an n×1 or 1×n {@code R064Store}): its array itself when exactly n
     * long (both shapes are contiguous in column-major order), else a copy of its first n entries.
     *
     * @param v Input: the vector; not modified
     * @return its n entries, sharing the store's array when its length is exact
     * @throws IllegalArgumentException if {@code v} is null or has more than one row and more than one column
     */
    public static double[] toVector(R064Store v) {
        Checks.checkNotNull(v, "the ojAlgo vector");
        int rows = v.getRowDim();
        int cols = v.getColDim();
        if (rows != 1 && cols != 1) {
            throw new IllegalArgumentException("expected a vector (an n×1 or 1×n matrix) but got a "
                    + Checks.shape(rows, cols) + " ojAlgo matrix");
        }
        int n = rows * cols;
        return v.data.length == n ? v.data : java.util.Arrays.copyOf(v.data, n);
    }

    /**
     * ojAlgo's n×1 vector wrapping {@code x}, zero-copy ({@code R064Store.wrap}); an empty {@code x} gives a
     * new 0×1 store.
     *
     * @param x Input: the entries
     * @return an n×1 {@code R064Store} whose array is {@code x}
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static R064Store fromVector(double[] x) {
        Checks.checkNotNull(x, "the vector");
        return x.length == 0 ? R064Store.FACTORY.make(0, 1) : R064Store.wrap(x, x.length);
    }

    // ---------------------------------------------------------------- sparse

    /**
     * Sparrow's canonical CSC copy of ojAlgo's sparse matrix, O(nnz + cols): ojAlgo stores its entries
     * sorted by column-major position, which is CSC order.
     *
     * @param a Input: ojAlgo's sparse matrix; not modified
     * @return a new CSC matrix with the stored entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CscMatrix toCsc(SparseStore<Double> a) {
        Checks.checkNotNull(a, "the ojAlgo sparse matrix");
        int rows = a.getRowDim();
        int cols = a.getColDim();
        int nnz = Checks.checkedArrayLength(a.nonzeros().estimateSize(), "the entries of the ojAlgo sparse matrix");
        int[] colPtr = new int[Checks.checkedArrayLength((long) cols + 1, "the column pointer of " + cols + " columns")];
        int[] rowIdx = new int[nnz];
        double[] values = new double[nnz];
        int p = 0;
        for (ElementView2D<Double, ?> e : a.nonzeros()) {
            rowIdx[p] = (int) e.row();
            values[p] = e.doubleValue();
            colPtr[(int) e.column() + 1]++;
            p++;
        }
        for (int j = 0; j < cols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        return new CscMatrix(rows, cols, colPtr, rowIdx, values);
    }

    /**
     * Sparrow's canonical CSR copy of ojAlgo's sparse matrix, O(nnz + rows + cols) ({@link #toCsc} and a
     * transpose by counting sort).
     *
     * @param a Input: ojAlgo's sparse matrix; not modified
     * @return a new CSR matrix with the stored entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CsrMatrix toCsr(SparseStore<Double> a) {
        return toCsc(a).toCsr();
    }

    /**
     * Sparrow's COO copy of ojAlgo's sparse matrix, O(nnz), its triplets in column-major order.
     *
     * @param a Input: ojAlgo's sparse matrix; not modified
     * @return a new COO matrix with the stored entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CooMatrix toCoo(SparseStore<Double> a) {
        Checks.checkNotNull(a, "the ojAlgo sparse matrix");
        int nnz = Checks.checkedArrayLength(a.nonzeros().estimateSize(), "the entries of the ojAlgo sparse matrix");
        int[] ri = new int[nnz];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (ElementView2D<Double, ?> e : a.nonzeros()) {
            ri[p] = (int) e.row();
            ci[p] = (int) e.column();
            v[p] = e.doubleValue();
            p++;
        }
        return new CooMatrix(a.getRowDim(), a.getColDim(), ri, ci, v);
    }

    /**
     * ojAlgo's sparse copy of Sparrow's CSC matrix, O(nnz + cols): the entries are appended in their
     * (column-major) order into a store sized for them. Explicit zeros are dropped (see the class comment).
     *
     * @param a Input: the CSC matrix
     * @return a new {@code SparseStore<Double>} ({@code SparseStore.R064}) with the nonzero entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static SparseStore<Double> fromCsc(CscMatrix a) {
        Checks.checkNotNull(a, "the CSC matrix");
        int nnz = a.nnz();
        SparseStore<Double> s = SparseStore.R064.initial((r, c) -> Math.max(nnz, 1)).make(a.rows(), a.cols());
        int[] cp = a.columnPointers();
        int[] ri = a.rowIndices();
        double[] v = a.values();
        for (int j = 0; j < a.cols(); j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (v[p] != 0.0) {
                    s.set(ri[p], j, v[p]);
                }
            }
        }
        return s;
    }

    /**
     * ojAlgo's sparse copy of Sparrow's CSR matrix, O(nnz + rows + cols) (a transpose into CSC order, then
     * {@link #fromCsc}). Explicit zeros are dropped.
     *
     * @param a Input: the CSR matrix
     * @return a new {@code SparseStore<Double>} with the nonzero entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static SparseStore<Double> fromCsr(CsrMatrix a) {
        Checks.checkNotNull(a, "the CSR matrix");
        return fromCsc(a.toCsc());
    }

    /**
     * ojAlgo's sparse copy of Sparrow's COO matrix, duplicates summed (through {@link CooMatrix#toCsc()}),
     * O(nnz + rows + cols). Entries that are zero after summing are dropped.
     *
     * @param a Input: the COO matrix
     * @return a new {@code SparseStore<Double>} with the nonzero entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static SparseStore<Double> fromCoo(CooMatrix a) {
        Checks.checkNotNull(a, "the COO matrix");
        return fromCsc(a.toCsc());
    }

    /**
     * A {@link LinearOperator} of ojAlgo's sparse matrix: its {@link #toCsr} copy, so products run on
     * Sparrow's kernels.
     *
     * @param a Input: ojAlgo's sparse matrix; not modified
     * @return the operator {@code x ↦ A·x}
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static LinearOperator operator(SparseStore<Double> a) {
        return toCsr(a);
    }

    private static int dimension(long n, String what) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the ojAlgo matrix has " + n + " " + what + ", more than Sparrow's limit of "
                    + Integer.MAX_VALUE);
        }
        return (int) n;
    }
}
