package org.sparrow.interop.la4j;

import org.la4j.Vector;
import org.la4j.iterator.ColumnMajorMatrixIterator;
import org.la4j.iterator.RowMajorMatrixIterator;
import org.la4j.iterator.VectorIterator;
import org.la4j.matrix.sparse.CCSMatrix;
import org.la4j.matrix.sparse.CRSMatrix;
import org.la4j.vector.SparseVector;
import org.la4j.vector.dense.BasicVector;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;

/**
 * Conversions between Sparrow's sparse matrices and vectors and la4j 0.6's, each documented as zero-copy
 * (the result shares the argument's arrays) or as a copy and its cost.
 *
 * <table>
 *   <caption>What each conversion costs</caption>
 *   <tr><th>From</th><th>To</th><th>Cost</th></tr>
 *   <tr><td>{@link CsrMatrix}</td><td>{@link CRSMatrix}</td><td>zero-copy: la4j's constructor
 *       {@code CRSMatrix(rows, columns, cardinality, values, columnIndices, rowPointers)} adopts the
 *       arrays</td></tr>
 *   <tr><td>{@link CscMatrix}</td><td>{@link CCSMatrix}</td><td>zero-copy, likewise</td></tr>
 *   <tr><td>{@link CRSMatrix}</td><td>{@link CsrMatrix}</td><td>O(nnz) copy: la4j 0.6 has no accessor for its
 *       arrays, so the stored entries are read through its non-zero iterator, in storage order</td></tr>
 *   <tr><td>{@link CCSMatrix}</td><td>{@link CscMatrix}</td><td>O(nnz) copy, likewise</td></tr>
 *   <tr><td>{@code double[]}</td><td>{@link BasicVector}</td><td>zero-copy</td></tr>
 *   <tr><td>la4j {@link Vector}</td><td>{@code double[]}</td><td>O(length) copy (la4j has no accessor for a
 *       vector's array either)</td></tr>
 * </table>
 *
 * <p><b>Sharing.</b> A la4j matrix made zero-copy reads Sparrow's arrays, which Sparrow assumes never
 * change; la4j's {@code set} writes into them (and inserting or removing an entry shifts them in place
 * while capacity lasts). Use the la4j matrix for reading and products — its solvers, {@code multiply} —
 * or modify {@code copy()} of it.
 *
 * <p>Explicit zeros (stored entries whose value is 0) are kept by every sparse conversion, both ways.
 */
public final class La4j {

    private La4j() {
    }

    /**
     * The la4j compressed-row matrix over {@code a}'s arrays: zero-copy (an unsorted matrix is sorted into a
     * new canonical copy first, since la4j searches each row's columns by bisection). See the class comment
     * on sharing.
     *
     * @param a a CSR matrix
     * @return a la4j matrix with the same entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CRSMatrix toCrsMatrix(CsrMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        CsrMatrix s = a.sorted();
        return new CRSMatrix(s.rows(), s.cols(), s.nnz(), s.values(), s.columnIndices(), s.rowPointers());
    }

    /**
     * The la4j compressed-column matrix over {@code a}'s arrays: zero-copy. See the class comment on sharing.
     *
     * @param a a CSC matrix (canonical: Sparrow's CSC matrices always are)
     * @return a la4j matrix with the same entries
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static CCSMatrix toCcsMatrix(CscMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        return new CCSMatrix(a.rows(), a.cols(), a.nnz(), a.values(), a.rowIndices(), a.columnPointers());
    }

    /**
     * A canonical CSR copy of a la4j compressed-row matrix: O(nnz), through its non-zero iterator (la4j 0.6
     * does not expose its arrays).
     *
     * @param m a la4j compressed-row matrix
     * @return a new CSR matrix with the same stored entries
     * @throws IllegalArgumentException if {@code m} is null, or (naming the row and position) if its rows
     *                                  are not in la4j's own sorted order
     */
    public static CsrMatrix toCsr(CRSMatrix m) {
        Checks.checkNotNull(m, "the la4j matrix");
        int rows = m.rows();
        int nnz = m.cardinality();
        int[] rowPtr = new int[rows + 1];
        int[] colIdx = new int[nnz];
        double[] values = new double[nnz];
        RowMajorMatrixIterator it = m.nonZeroRowMajorIterator();
        int k = 0;
        while (it.hasNext()) {
            double v = it.next();
            rowPtr[it.rowIndex() + 1]++;
            colIdx[k] = it.columnIndex();
            values[k] = v;
            k++;
        }
        prefixSum(rowPtr);
        return new CsrMatrix(rows, m.columns(), rowPtr, colIdx, values);
    }

    /**
     * A canonical CSC copy of a la4j compressed-column matrix: O(nnz), as {@link #toCsr(CRSMatrix)}.
     *
     * @param m a la4j compressed-column matrix
     * @return a new CSC matrix with the same stored entries
     * @throws IllegalArgumentException if {@code m} is null, or if its columns are not in sorted order
     */
    public static CscMatrix toCsc(CCSMatrix m) {
        Checks.checkNotNull(m, "the la4j matrix");
        int cols = m.columns();
        int nnz = m.cardinality();
        int[] colPtr = new int[cols + 1];
        int[] rowIdx = new int[nnz];
        double[] values = new double[nnz];
        ColumnMajorMatrixIterator it = m.nonZeroColumnMajorIterator();
        int k = 0;
        while (it.hasNext()) {
            double v = it.next();
            colPtr[it.columnIndex() + 1]++;
            rowIdx[k] = it.rowIndex();
            values[k] = v;
            k++;
        }
        prefixSum(colPtr);
        return new CscMatrix(m.rows(), cols, colPtr, rowIdx, values);
    }

    /** Per-line counts at {@code ptr[i + 1]} into pointers. */
    private static void prefixSum(int[] ptr) {
        for (int i = 1; i < ptr.length; i++) {
            ptr[i] += ptr[i - 1];
        }
    }

    /**
     * The la4j vector over {@code x}: zero-copy (writes through either are seen by both).
     *
     * @param x the entries
     * @return a {@link BasicVector} wrapping {@code x}
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static BasicVector toBasicVector(double[] x) {
        Checks.checkNotNull(x, "the vector");
        return new BasicVector(x);
    }

    /**
     * The entries of a la4j vector, dense or sparse: a new array, O(length).
     *
     * @param v a la4j vector
     * @return its entries
     * @throws IllegalArgumentException if {@code v} is null
     */
    public static double[] toArray(Vector v) {
        Checks.checkNotNull(v, "the la4j vector");
        if (v instanceof BasicVector b) {
            return b.toArray();
        }
        double[] out = new double[v.length()];
        if (v instanceof SparseVector s) { // only the stored entries
            VectorIterator it = s.nonZeroIterator();
            while (it.hasNext()) {
                double x = it.next();
                out[it.index()] = x;
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i);
            }
        }
        return out;
    }
}
