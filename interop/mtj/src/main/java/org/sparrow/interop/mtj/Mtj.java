package org.sparrow.interop.mtj;

import java.util.Arrays;
import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.Vector;
import no.uib.cipr.matrix.VectorEntry;
import no.uib.cipr.matrix.sparse.CompColMatrix;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Checks;

/**
 * Conversions between Sparrow's matrices and vectors and MTJ 1.0.4's, each documented as zero-copy (the
 * result shares the argument's arrays) or as a copy and its cost.
 *
 * <table>
 *   <caption>What each conversion costs</caption>
 *   <tr><th>From</th><th>To</th><th>Cost</th></tr>
 *   <tr><td>{@link CompRowMatrix}</td><td>{@link CsrMatrix}</td><td>zero-copy (MTJ's three arrays)</td></tr>
 *   <tr><td>{@link CsrMatrix}</td><td>{@link CompRowMatrix}</td><td>O(nnz) copy (MTJ has no constructor that
 *       takes arrays)</td></tr>
 *   <tr><td>{@link CompColMatrix}</td><td>{@link CscMatrix}</td><td>zero-copy</td></tr>
 *   <tr><td>{@link CscMatrix}</td><td>{@link CompColMatrix}</td><td>O(nnz) copy</td></tr>
 *   <tr><td>MTJ {@link no.uib.cipr.matrix.DenseMatrix}</td><td>{@link DenseMatrix}</td><td>O(rows·cols) copy
 *       (MTJ is column-major, Sparrow row-major)</td></tr>
 *   <tr><td>{@link DenseMatrix}</td><td>MTJ {@link no.uib.cipr.matrix.DenseMatrix}</td><td>O(rows·cols)
 *       copy</td></tr>
 *   <tr><td>{@link DenseVector}</td><td>{@code double[]}</td><td>zero-copy ({@code getData()})</td></tr>
 *   <tr><td>{@code double[]}</td><td>{@link DenseVector}</td><td>zero-copy</td></tr>
 *   <tr><td>any other MTJ {@link Vector}</td><td>{@code double[]}</td><td>O(size) copy</td></tr>
 * </table>
 *
 * <p><b>Sharing.</b> A zero-copy result and its source are one matrix: MTJ's {@code set} and {@code add}
 * write into the arrays that the Sparrow matrix reads, and Sparrow assumes its matrices never change (they
 * are immutable by contract). Convert, then leave the MTJ matrix alone while the Sparrow one is in use, or
 * convert {@code copy()} of it. MTJ cannot change a compressed matrix's structure (setting an entry outside
 * it is an error in MTJ), so only values can change this way.
 *
 * <p>Explicit zeros (stored entries whose value is 0) are kept by every sparse conversion, both ways.
 */
public final class Mtj {

    private Mtj() {
    }

    /**
     * The CSR matrix that shares {@code m}'s row pointers, column indices and values: zero-copy, O(1)
     * beyond Sparrow's check of the structure (O(nnz), no allocation). See the class comment on sharing.
     *
     * @param m an MTJ compressed-row matrix
     * @return the same matrix as a canonical {@link CsrMatrix}
     * @throws IllegalArgumentException if {@code m} is null, or if its structure is not canonical (MTJ sorts
     *                                  each row's columns but does not remove a column listed twice when
     *                                  the matrix was built): the message says which row and position
     */
    public static CsrMatrix toCsr(CompRowMatrix m) {
        Checks.checkNotNull(m, "the MTJ matrix");
        return new CsrMatrix(m.numRows(), m.numColumns(), m.getRowPointers(), m.getColumnIndices(), m.getData());
    }

    /**
     * The CSC matrix that shares {@code m}'s column pointers, row indices and values: zero-copy, as
     * {@link #toCsr(CompRowMatrix)}.
     *
     * @param m an MTJ compressed-column matrix
     * @return the same matrix as a canonical {@link CscMatrix}
     * @throws IllegalArgumentException if {@code m} is null or its structure is not canonical
     */
    public static CscMatrix toCsc(CompColMatrix m) {
        Checks.checkNotNull(m, "the MTJ matrix");
        return new CscMatrix(m.numRows(), m.numColumns(), m.getColumnPointers(), m.getRowIndices(), m.getData());
    }

    /**
     * An MTJ compressed-row copy of {@code a}: O(nnz) time and memory (MTJ builds its own arrays from
     * each row's column list; the values are then copied in one pass, since MTJ keeps each row's columns in
     * the increasing order of Sparrow's canonical form). An unsorted matrix is sorted first.
     *
     * @param a a CSR matrix
     * @return a new MTJ matrix with the same entries, explicit zeros included
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CompRowMatrix toCompRowMatrix(CsrMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        CsrMatrix s = a.sorted();
        CompRowMatrix m = new CompRowMatrix(s.rows(), s.cols(), lists(s.rows(), s.rowPointers(), s.columnIndices()));
        System.arraycopy(s.values(), 0, m.getData(), 0, s.nnz());
        return m;
    }

    /**
     * An MTJ compressed-column copy of {@code a}: O(nnz), as {@link #toCompRowMatrix(CsrMatrix)}.
     *
     * @param a a CSC matrix (canonical: Sparrow's CSC matrices always are)
     * @return a new MTJ matrix with the same entries, explicit zeros included
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CompColMatrix toCompColMatrix(CscMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        CompColMatrix m = new CompColMatrix(a.rows(), a.cols(), lists(a.cols(), a.columnPointers(), a.rowIndices()));
        System.arraycopy(a.values(), 0, m.getData(), 0, a.nnz());
        return m;
    }

    /** Each major line's minor indices, the form MTJ's constructors take. */
    private static int[][] lists(int major, int[] ptr, int[] idx) {
        int[][] nz = new int[major][];
        for (int i = 0; i < major; i++) {
            nz[i] = Arrays.copyOfRange(idx, ptr[i], ptr[i + 1]);
        }
        return nz;
    }

    /**
     * A row-major copy of MTJ's column-major dense matrix: O(rows·cols).
     *
     * @param m an MTJ dense matrix
     * @return a new Sparrow dense matrix with the same entries
     * @throws IllegalArgumentException if {@code m} is null
     */
    public static DenseMatrix toDense(no.uib.cipr.matrix.DenseMatrix m) {
        Checks.checkNotNull(m, "the MTJ matrix");
        int rows = m.numRows();
        int cols = m.numColumns();
        double[] colMajor = m.getData();
        double[] out = new double[colMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + c] = colMajor[c * rows + i];
            }
        }
        return new DenseMatrix(rows, cols, out);
    }

    /**
     * A column-major MTJ copy of {@code a}: O(rows·cols).
     *
     * @param a a Sparrow dense matrix (row-major)
     * @return a new MTJ dense matrix with the same entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static no.uib.cipr.matrix.DenseMatrix toMtjDense(DenseMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        int rows = a.rows();
        int cols = a.cols();
        double[] rowMajor = a.data();
        double[] colMajor = new double[rowMajor.length];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                colMajor[c * rows + i] = rowMajor[i * cols + c];
            }
        }
        return new no.uib.cipr.matrix.DenseMatrix(rows, cols, colMajor, false);
    }

    /**
     * The MTJ vector over {@code x}: zero-copy (writes through either are seen by both).
     *
     * @param x the entries
     * @return a {@link DenseVector} wrapping {@code x}
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static DenseVector toDenseVector(double[] x) {
        Checks.checkNotNull(x, "the vector");
        return new DenseVector(x, false);
    }

    /**
     * The entries of an MTJ vector: for a {@link DenseVector} its own array (zero-copy, {@code getData()}),
     * for any other vector (e.g. a sparse one) a new array, O(size).
     *
     * @param v an MTJ vector
     * @return its entries
     * @throws IllegalArgumentException if {@code v} is null
     */
    public static double[] toArray(Vector v) {
        Checks.checkNotNull(v, "the MTJ vector");
        if (v instanceof DenseVector d) {
            return d.getData();
        }
        double[] out = new double[v.size()];
        for (VectorEntry e : v) {
            out[e.index()] = e.get();
        }
        return out;
    }
}
