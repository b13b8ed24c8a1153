package org.sparrow.interop.hipparchus;

import java.lang.reflect.Field;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DefaultRealMatrixPreservingVisitor;
import org.hipparchus.linear.OpenMapRealMatrix;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.util.OpenIntToDoubleHashMap;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Checks;

/**
 * Conversions between Sparrow's operators, matrices and vectors and Hipparchus 4's, each
 * documented as zero-copy (the result shares the argument's storage) or as a copy and its cost.
 *
 * <table>
 *   <caption>What each conversion costs</caption>
 *   <tr><th>From</th><th>To</th><th>Cost</th></tr>
 *   <tr><td>{@link LinearOperator}</td><td>{@link RealLinearOperator}</td><td>a view, O(1); each product
 *       allocates its result vector (Hipparchus's {@code operate} returns a new vector)</td></tr>
 *   <tr><td>{@link RealLinearOperator}</td><td>{@link LinearOperator}</td><td>a view, O(1); each product
 *       wraps the input without a copy and copies Hipparchus's result into the output</td></tr>
 *   <tr><td>{@link CsrMatrix}</td><td>{@link OpenMapRealMatrix}</td><td>O(nnz) hash insertions; explicit
 *       zeros are dropped (Hipparchus removes an entry set to 0)</td></tr>
 *   <tr><td>{@link OpenMapRealMatrix}</td><td>{@link CsrMatrix}</td><td>O(nnz + capacity of its hash
 *       table)</td></tr>
 *   <tr><td>any other {@link RealMatrix}</td><td>{@link CsrMatrix}</td><td>O(rows·cols): every entry is
 *       read, the nonzero ones kept</td></tr>
 *   <tr><td>{@link DenseMatrix}</td><td>{@link Array2DRowRealMatrix}</td><td>O(rows·cols) copy (Hipparchus
 *       keeps one array per row)</td></tr>
 *   <tr><td>{@link RealMatrix}</td><td>{@link DenseMatrix}</td><td>O(rows·cols) copy</td></tr>
 *   <tr><td>{@code double[]}</td><td>{@link ArrayRealVector}</td><td>zero-copy</td></tr>
 *   <tr><td>{@link ArrayRealVector}</td><td>{@code double[]}</td><td>zero-copy ({@code getDataRef()});
 *       any other {@link RealVector} O(size) copy</td></tr>
 * </table>
 *
 * <p><b>Hipparchus's limits.</b> Its matrices have at least one row and one column, so a 0×n or n×0
 * Sparrow matrix has no Hipparchus counterpart (the operator views have no such limit). An
 * {@link OpenMapRealMatrix} numbers entry (i, j) as {@code i·cols + j} in an {@code int}: Hipparchus
 * refuses one with rows·cols ≥ 2³¹ − 1, and so does {@link #toOpenMapRealMatrix}, with a message; such a
 * matrix can still reach Hipparchus's solvers as an operator ({@link #toRealLinearOperator}).
 */
public final class Hipparchus {

    /**
     * The hash table inside an {@link OpenMapRealMatrix}. Hipparchus has no public way to list a sparse
     * matrix's stored entries ({@code walkInOptimizedOrder} and {@code getEntry} visit all rows·cols
     * positions), so the O(nnz) path reads the private field once per conversion and then uses the table's
     * public iterator. Should a later Hipparchus rename the field or a JVM refuse the access,
     * {@link #toCsr(OpenMapRealMatrix)} falls back to the O(rows·cols) scan (a test checks that the fast
     * path is taken with the pinned version). Null when refused.
     */
    private static final Field ENTRIES = entriesField();

    private Hipparchus() {
    }

    /** Whether {@link #toCsr(OpenMapRealMatrix)} reads the hash table (O(nnz)) rather than scanning. */
    static boolean readsHashTable() {
        return ENTRIES != null;
    }

    private static Field entriesField() {
        try {
            Field f = OpenMapRealMatrix.class.getDeclaredField("entries");
            f.setAccessible(true);
            return f.getType() == OpenIntToDoubleHashMap.class ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code a} as a Hipparchus operator, so that Hipparchus's {@code ConjugateGradient} and
     * {@code SymmLQ} run on a Sparrow matrix or operator. A view: {@code operate} calls
     * {@link LinearOperator#apply(double[], double[])} on the input's own array when it is an
     * {@link ArrayRealVector} (else on a copy) and returns a new {@link ArrayRealVector}; the view is
     * transposable through {@link LinearOperator#applyTranspose(double[], double[])}.
     *
     * @param a a Sparrow operator
     * @return the Hipparchus view of it
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static RealLinearOperator toRealLinearOperator(LinearOperator a) {
        Checks.checkNotNull(a, "the operator");
        return new RealLinearOperator() {
            @Override
            public int getRowDimension() {
                return a.rows();
            }

            @Override
            public int getColumnDimension() {
                return a.cols();
            }

            @Override
            public RealVector operate(RealVector x) {
                if (x.getDimension() != a.cols()) {
                    throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, x.getDimension(), a.cols());
                }
                double[] y = new double[a.rows()];
                a.apply(toArray(x), y);
                return new ArrayRealVector(y, false);
            }

            @Override
            public RealVector operateTranspose(RealVector x) {
                if (x.getDimension() != a.rows()) {
                    throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, x.getDimension(), a.rows());
                }
                double[] y = new double[a.cols()];
                a.applyTranspose(toArray(x), y);
                return new ArrayRealVector(y, false);
            }

            @Override
            public boolean isTransposable() {
                return true;
            }
        };
    }

    /**
     * A Hipparchus operator (any {@link RealMatrix} is one) as a Sparrow operator, so that Sparrow's
     * solvers run on it. A view: each product wraps the input array in an {@link ArrayRealVector} without
     * a copy, calls {@code operate} (or {@code operateTranspose}; for a {@link RealMatrix}, which may report
     * itself as not transposable, {@code preMultiply}, that is xᵀ·A) and copies the result into
     * the output. An {@link OpenMapRealMatrix}'s own products read all rows·cols positions through
     * {@code getEntry}; to solve with one, convert it with {@link #toCsr(OpenMapRealMatrix)} (O(nnz)) instead.
     *
     * @param a a Hipparchus operator
     * @return the Sparrow view of it; its {@code applyTranspose} throws
     *         {@link UnsupportedOperationException} when {@code a} is not a {@link RealMatrix} and
     *         {@code a.isTransposable()} is false
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static LinearOperator toLinearOperator(RealLinearOperator a) {
        Checks.checkNotNull(a, "the Hipparchus operator");
        int rows = a.getRowDimension();
        int cols = a.getColumnDimension();
        return LinearOperator.of(rows, cols,
                (x, y) -> copyInto(a.operate(new ArrayRealVector(x, false)), y, "A·x"),
                (x, y) -> {
                    if (a instanceof RealMatrix m) { // a matrix has xᵀ·A whatever isTransposable() says
                        copyInto(m.preMultiply(new ArrayRealVector(x, false)), y, "Aᵀ·x");
                        return;
                    }
                    if (!a.isTransposable()) {
                        throw new UnsupportedOperationException("this Hipparchus operator has no transpose"
                                + " product (its isTransposable() is false): use a solver that needs only A·x,"
                                + " such as CG, GMRES or BiCGSTAB");
                    }
                    copyInto(a.operateTranspose(new ArrayRealVector(x, false)), y, "Aᵀ·x");
                });
    }

    private static void copyInto(RealVector r, double[] y, String what) {
        if (r.getDimension() != y.length) {
            throw new IllegalStateException("the Hipparchus operator returned " + what + " of length "
                    + r.getDimension() + ", expected " + y.length);
        }
        if (r instanceof ArrayRealVector v) {
            System.arraycopy(v.getDataRef(), 0, y, 0, y.length);
        } else {
            for (int i = 0; i < y.length; i++) {
                y[i] = r.getEntry(i);
            }
        }
    }

    /**
     * A Hipparchus sparse copy of {@code a}: O(nnz) hash insertions. Explicit zeros are not stored
     * (Hipparchus removes an entry set to 0).
     *
     * @param a a CSR matrix
     * @return a new {@link OpenMapRealMatrix} with {@code a}'s nonzero entries
     * @throws IllegalArgumentException if {@code a} is null, has no rows or no columns (Hipparchus's
     *                                  matrices have at least one of each), or has rows·cols ≥ 2³¹ − 1
     *                                  (Hipparchus numbers the entries in an {@code int})
     */
    public static OpenMapRealMatrix toOpenMapRealMatrix(CsrMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        checkNotEmpty(a.rows(), a.cols());
        long positions = (long) a.rows() * a.cols();
        if (positions >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + Checks.shape(a.rows(), a.cols()) + " matrix cannot be a"
                    + " Hipparchus OpenMapRealMatrix: it numbers entry (i, j) as i·cols + j in an int, so"
                    + " rows·cols must be below 2147483647 and here it is " + positions
                    + "; pass the matrix to Hipparchus as an operator (toRealLinearOperator) instead");
        }
        OpenMapRealMatrix m = new OpenMapRealMatrix(a.rows(), a.cols());
        int[] p = a.rowPointers();
        int[] c = a.columnIndices();
        double[] v = a.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int q = p[i]; q < p[i + 1]; q++) {
                m.setEntry(i, c[q], v[q]);
            }
        }
        return m;
    }

    /**
     * The canonical CSR copy of a Hipparchus sparse matrix's stored entries: O(nnz + the capacity of its
     * hash table), through the table's iterator (see the class comment), or the O(rows·cols) scan of
     * {@link #toCsr(RealMatrix)} if the JVM refuses that access.
     *
     * @param m a Hipparchus sparse matrix
     * @return a new canonical CSR matrix with the same entries (none of them zero: Hipparchus stores none)
     * @throws IllegalArgumentException if {@code m} is null
     */
    public static CsrMatrix toCsr(OpenMapRealMatrix m) {
        Checks.checkNotNull(m, "the Hipparchus matrix");
        OpenIntToDoubleHashMap entries = entries(m);
        return entries == null ? scan(m) : fromTable(m.getRowDimension(), m.getColumnDimension(), entries);
    }

    /**
     * The canonical CSR matrix of a Hipparchus matrix's nonzero entries. An {@link OpenMapRealMatrix}
     * takes the O(nnz) path of {@link #toCsr(OpenMapRealMatrix)}; any other matrix is read entry by entry,
     * O(rows·cols), in the matrix's own row order ({@code walkInRowOrder}), keeping the nonzero ones.
     *
     * @param m a Hipparchus matrix
     * @return a new canonical CSR matrix
     * @throws IllegalArgumentException if {@code m} is null
     */
    public static CsrMatrix toCsr(RealMatrix m) {
        Checks.checkNotNull(m, "the Hipparchus matrix");
        return m instanceof OpenMapRealMatrix o ? toCsr(o) : scan(m);
    }

    private static OpenIntToDoubleHashMap entries(OpenMapRealMatrix m) {
        if (ENTRIES == null) {
            return null;
        }
        try {
            return (OpenIntToDoubleHashMap) ENTRIES.get(m);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static CsrMatrix fromTable(int rows, int cols, OpenIntToDoubleHashMap entries) {
        int n = entries.size();
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] v = new double[n];
        OpenIntToDoubleHashMap.Iterator it = entries.iterator();
        int k = 0;
        while (it.hasNext()) {
            it.advance();
            int key = it.key(); // Hipparchus's key of entry (i, j): i·cols + j
            ri[k] = key / cols;
            ci[k] = key % cols;
            v[k] = it.value();
            k++;
        }
        return new CooMatrix(rows, cols, ri, ci, v).toCsr();
    }

    /** Every entry of {@code m}, read in row order, the nonzero ones kept: O(rows·cols). */
    static CsrMatrix scan(RealMatrix m) {
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        int[] rowPtr = new int[rows + 1];
        int[][] colBuf = {new int[16]};
        double[][] valBuf = {new double[16]};
        int[] count = {0};
        m.walkInRowOrder(new DefaultRealMatrixPreservingVisitor() {
            @Override
            public void visit(int row, int column, double value) {
                if (value != 0.0) {
                    int k = count[0];
                    if (k == colBuf[0].length) {
                        int grown = Checks.checkedArrayLength(2L * k, "the stored entries");
                        colBuf[0] = java.util.Arrays.copyOf(colBuf[0], grown);
                        valBuf[0] = java.util.Arrays.copyOf(valBuf[0], grown);
                    }
                    colBuf[0][k] = column;
                    valBuf[0][k] = value;
                    count[0] = k + 1;
                    rowPtr[row + 1] = k + 1;
                }
            }
        });
        for (int i = 0; i < rows; i++) { // rows with no nonzero end where the previous row ended
            rowPtr[i + 1] = Math.max(rowPtr[i + 1], rowPtr[i]);
        }
        return new CsrMatrix(rows, cols, rowPtr, colBuf[0], valBuf[0]);
    }

    /**
     * A Hipparchus dense copy of {@code a}: O(rows·cols) (one new array per row, adopted by Hipparchus).
     *
     * @param a a Sparrow dense matrix
     * @return a new {@link Array2DRowRealMatrix} with the same entries
     * @throws IllegalArgumentException if {@code a} is null or has no rows or no columns (Hipparchus's
     *                                  matrices have at least one of each)
     */
    public static Array2DRowRealMatrix toArray2DRowRealMatrix(DenseMatrix a) {
        Checks.checkNotNull(a, "the matrix");
        checkNotEmpty(a.rows(), a.cols());
        double[][] d = new double[a.rows()][];
        for (int i = 0; i < d.length; i++) {
            d[i] = java.util.Arrays.copyOfRange(a.data(), i * a.cols(), (i + 1) * a.cols());
        }
        return new Array2DRowRealMatrix(d, false);
    }

    /**
     * A row-major Sparrow copy of any Hipparchus matrix: O(rows·cols) (an {@link Array2DRowRealMatrix}'s
     * rows are read in place; others through {@code getEntry}).
     *
     * @param m a Hipparchus matrix
     * @return a new Sparrow dense matrix with the same entries
     * @throws IllegalArgumentException if {@code m} is null
     */
    public static DenseMatrix toDense(RealMatrix m) {
        Checks.checkNotNull(m, "the Hipparchus matrix");
        int rows = m.getRowDimension();
        int cols = m.getColumnDimension();
        double[] out = new double[Checks.checkedArrayLength((long) rows * cols, "a dense matrix")];
        if (m instanceof Array2DRowRealMatrix a) {
            double[][] d = a.getDataRef();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(d[i], 0, out, i * cols, cols);
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[i * cols + j] = m.getEntry(i, j);
                }
            }
        }
        return new DenseMatrix(rows, cols, out);
    }

    /**
     * The Hipparchus vector over {@code x}: zero-copy (writes through either are seen by both).
     *
     * @param x the entries
     * @return an {@link ArrayRealVector} wrapping {@code x}
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static ArrayRealVector toRealVector(double[] x) {
        Checks.checkNotNull(x, "the vector");
        return new ArrayRealVector(x, false);
    }

    /**
     * The entries of a Hipparchus vector: an {@link ArrayRealVector}'s own array (zero-copy,
     * {@code getDataRef()}), or for any other vector a new array, O(size).
     *
     * @param v a Hipparchus vector
     * @return its entries
     * @throws IllegalArgumentException if {@code v} is null
     */
    public static double[] toArray(RealVector v) {
        Checks.checkNotNull(v, "the Hipparchus vector");
        return v instanceof ArrayRealVector a ? a.getDataRef() : v.toArray();
    }

    private static void checkNotEmpty(int rows, int cols) {
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("a " + Checks.shape(rows, cols) + " matrix has no Hipparchus"
                    + " counterpart: Hipparchus's matrices have at least one row and one column");
        }
    }
}
