package org.sparrow.interop.ejml;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Checks;

/**
 * Conversions between EJML 0.46 matrices and Sparrow's formats, in the style of EJML's own facades
 * ({@code CommonOps_DSCC}, {@code DConvertMatrixStruct}): static methods that check their input, say
 * exactly what is wrong in one sentence, and hand the arrays over without copying wherever the two
 * layouts agree.
 *
 * <table>
 *   <caption>What each conversion costs</caption>
 *   <tr><th>from</th><th>to</th><th>method</th><th>cost</th></tr>
 *   <tr><td>{@code DMatrixSparseCSC}</td><td>{@link CscMatrix}</td><td>{@link #toCsc}</td>
 *       <td>zero-copy when the row indices increase in every column (checked, O(nnz), whatever EJML's
 *       {@code indicesSorted} flag says); an O(nnz) sorted copy otherwise</td></tr>
 *   <tr><td>{@link CscMatrix}</td><td>{@code DMatrixSparseCSC}</td><td>{@link #fromCsc}</td><td>zero-copy</td></tr>
 *   <tr><td>{@code DMatrixSparseCSC} of A</td><td>{@link CsrMatrix} of Aᵀ</td><td>{@link #csrOfTranspose}</td>
 *       <td>zero-copy (an unsorted CSR when EJML's columns are unsorted)</td></tr>
 *   <tr><td>{@link CsrMatrix} of A</td><td>{@code DMatrixSparseCSC} of Aᵀ</td><td>{@link #cscOfTranspose}</td>
 *       <td>zero-copy</td></tr>
 *   <tr><td>{@code DMatrixSparseCSC}</td><td>{@link CsrMatrix}</td><td>{@link #toCsr}</td><td>O(nnz) copy (a transpose)</td></tr>
 *   <tr><td>{@link CsrMatrix}</td><td>{@code DMatrixSparseCSC}</td><td>{@link #fromCsr}</td><td>O(nnz) copy (a transpose)</td></tr>
 *   <tr><td>{@code DMatrixRMaj}</td><td>{@link DenseMatrix}</td><td>{@link #toDense}</td>
 *       <td>zero-copy (both row-major) when EJML's array is exactly rows·cols long; a copy of the used part otherwise</td></tr>
 *   <tr><td>{@link DenseMatrix}</td><td>{@code DMatrixRMaj}</td><td>{@link #fromDense}</td><td>zero-copy ({@code DMatrixRMaj.wrap})</td></tr>
 *   <tr><td>{@code DMatrixSparseTriplet}</td><td>{@link CooMatrix}</td><td>{@link #toCoo}</td><td>O(nnz) copy (EJML interleaves row and column)</td></tr>
 *   <tr><td>{@link CooMatrix}</td><td>{@code DMatrixSparseTriplet}</td><td>{@link #fromCoo}</td><td>O(nnz) copy</td></tr>
 *   <tr><td>{@code DMatrixRMaj} n×1 or 1×n</td><td>{@code double[]}</td><td>{@link #toVector}</td>
 *       <td>zero-copy when EJML's array is exactly n long</td></tr>
 *   <tr><td>{@code double[]}</td><td>{@code DMatrixRMaj} n×1</td><td>{@link #fromVector}</td><td>zero-copy</td></tr>
 * </table>
 *
 * <p><b>Sharing.</b> A zero-copy result shares its arrays with its source. Sparrow's matrices are
 * immutable and never write to them; EJML's are mutable, so an EJML matrix that shares arrays with a
 * Sparrow matrix must be treated as read-only (or {@code copy()}'d) while the Sparrow matrix is in use.
 * Explicit zeros are stored entries on both sides and are kept by every conversion. The
 * {@code DMatrixSparseCSC} of A is exactly the CSR of Aᵀ (EJML's {@code col_idx}, {@code nz_rows},
 * {@code nz_values} are CSR's row pointers, column indices and values), which is what
 * {@link #csrOfTranspose} and {@link #cscOfTranspose} use; for a symmetric A the two are the same matrix.
 *
 * <p>Errors are {@link IllegalArgumentException}s with one sentence naming the problem, with 1-based
 * row and column numbers.
 */
public final class Ejml {

    private Ejml() {
    }

    // ---------------------------------------------------------------- sparse, compressed column

    /**
     * Sparrow's CSC matrix holding EJML's compressed-column matrix {@code a}.
     *
     * <p>Zero-copy when the row indices strictly increase in every column: the result adopts
     * {@code a.col_idx}, {@code a.nz_rows} and {@code a.nz_values} (the two nonzero arrays may be longer than
     * {@code nz_length}; only {@code col_idx} is copied, O(cols), when EJML kept it longer than
     * {@code numCols + 1} after a {@code reshape}). Sortedness is checked in O(nnz) rather than read from
     * {@code indicesSorted}, so a matrix whose flag is false but whose columns happen to be sorted (as
     * after {@code CommonOps_DSCC.transpose}) is still shared. Otherwise each column is sorted into a
     * new canonical matrix, O(nnz + rows + cols). EJML's arrays are never modified.
     *
     * @param a Input: EJML's sparse matrix; not modified
     * @return the CSC matrix, sharing {@code a}'s arrays when its columns are sorted
     * @throws IllegalArgumentException if {@code a} is null, its arrays do not describe a
     *     {@code numRows × numCols} matrix, or a column stores a row twice (the message names it, 1-based)
     */
    public static CscMatrix toCsc(DMatrixSparseCSC a) {
        int[] colPtr = checkCsc(a);
        if (columnsSorted(a, colPtr)) {
            return new CscMatrix(a.numRows, a.numCols, colPtr, a.nz_rows, a.nz_values);
        }
        checkNoRepeats(a, colPtr);
        return CsrMatrix.unsorted(a.numCols, a.numRows, colPtr, a.nz_rows, a.nz_values).transposeView();
    }

    /**
     * Sparrow's CSR matrix of Aᵀ, where {@code a} is EJML's compressed-column A: the same three arrays read
     * the other way, always zero-copy (except {@code col_idx} when EJML kept it longer than
     * {@code numCols + 1}). When a column's row indices do not increase, the result is an
     * {@link CsrMatrix#unsorted} matrix, which every Sparrow kernel accepts.
     *
     * @param a Input: EJML's sparse matrix A; not modified
     * @return Aᵀ in CSR, sharing {@code a}'s arrays
     * @throws IllegalArgumentException as {@link #toCsc(DMatrixSparseCSC)}
     */
    public static CsrMatrix csrOfTranspose(DMatrixSparseCSC a) {
        int[] colPtr = checkCsc(a);
        if (columnsSorted(a, colPtr)) {
            return new CsrMatrix(a.numCols, a.numRows, colPtr, a.nz_rows, a.nz_values);
        }
        checkNoRepeats(a, colPtr);
        return CsrMatrix.unsorted(a.numCols, a.numRows, colPtr, a.nz_rows, a.nz_values);
    }

    /**
     * Sparrow's canonical CSR copy of EJML's compressed-column matrix, O(nnz + rows + cols) (a transpose
     * by counting sort).
     *
     * @param a Input: EJML's sparse matrix; not modified
     * @return a new canonical CSR matrix with the same entries (explicit zeros kept)
     * @throws IllegalArgumentException as {@link #toCsc(DMatrixSparseCSC)}
     */
    public static CsrMatrix toCsr(DMatrixSparseCSC a) {
        return csrOfTranspose(a).transpose();
    }

    /**
     * EJML's compressed-column matrix sharing the arrays of Sparrow's CSC matrix {@code a}, zero-copy, with
     * {@code indicesSorted} set (Sparrow's CSC is canonical). Treat the result as read-only: EJML
     * operations that write into their input would change {@code a}.
     *
     * @param a Input: the CSC matrix
     * @return EJML's view of {@code a}
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static DMatrixSparseCSC fromCsc(CscMatrix a) {
        Checks.checkNotNull(a, "the CSC matrix");
        return csc(a.rows(), a.cols(), a.columnPointers(), a.rowIndices(), a.values(), a.nnz(), true);
    }

    /**
     * EJML's compressed-column matrix of Aᵀ sharing the arrays of Sparrow's CSR matrix A, zero-copy: the
     * CSR arrays of A are the CSC arrays of Aᵀ. {@code indicesSorted} is A's {@link CsrMatrix#isSorted()}.
     * For a symmetric A this is A itself, as EJML's Cholesky wants it. Treat the result as read-only.
     *
     * @param a Input: the CSR matrix A
     * @return Aᵀ as EJML's sparse matrix, sharing {@code a}'s arrays
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static DMatrixSparseCSC cscOfTranspose(CsrMatrix a) {
        Checks.checkNotNull(a, "the CSR matrix");
        return csc(a.cols(), a.rows(), a.rowPointers(), a.columnIndices(), a.values(), a.nnz(), a.isSorted());
    }

    /**
     * EJML's compressed-column copy of Sparrow's CSR matrix, O(nnz + rows + cols), sorted (a transpose by
     * counting sort). The result owns its arrays: EJML may modify it freely.
     *
     * @param a Input: the CSR matrix
     * @return a new EJML sparse matrix with the same entries (explicit zeros kept)
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static DMatrixSparseCSC fromCsr(CsrMatrix a) {
        Checks.checkNotNull(a, "the CSR matrix");
        return cscOfTranspose(a.transpose());
    }

    /**
     * A {@link LinearOperator} view of EJML's compressed-column matrix, zero-copy whatever the order of
     * its columns: the {@link #toCsc} matrix when the columns are sorted, else the products of the unsorted
     * {@link #csrOfTranspose} read the other way ({@code A·x = (Aᵀ)ᵀ·x}). The view shares EJML's value
     * array, so it sees values changed in place, but not a changed structure.
     *
     * @param a Input: EJML's sparse matrix; not modified
     * @return the operator {@code x ↦ A·x}
     * @throws IllegalArgumentException as {@link #toCsc(DMatrixSparseCSC)}
     */
    public static LinearOperator operator(DMatrixSparseCSC a) {
        CsrMatrix t = csrOfTranspose(a);
        if (t.isSorted()) {
            return t.transposeView();
        }
        return LinearOperator.of(a.numRows, a.numCols, t::applyTranspose, t::apply);
    }

    // ---------------------------------------------------------------- dense and vectors

    /**
     * Sparrow's dense matrix holding EJML's row-major {@code a}: zero-copy ({@code a.data} adopted) when
     * {@code a.data} is exactly {@code numRows·numCols} long, a copy of its first {@code numRows·numCols}
     * entries otherwise (EJML keeps a longer array after a {@code reshape} to a smaller size).
     *
     * @param a Input: EJML's dense matrix; not modified
     * @return the dense matrix, sharing {@code a.data} when its length is exact
     * @throws IllegalArgumentException if {@code a} is null or its array is shorter than its shape needs
     */
    public static DenseMatrix toDense(DMatrixRMaj a) {
        Checks.checkNotNull(a, "the EJML dense matrix");
        return new DenseMatrix(a.numRows, a.numCols, exactData(a, "dense matrix"));
    }

    /**
     * EJML's row-major dense matrix wrapping Sparrow's dense matrix, zero-copy ({@code DMatrixRMaj.wrap}):
     * both are row-major. Treat the result as read-only while {@code a} is in use.
     *
     * @param a Input: the dense matrix
     * @return EJML's view of {@code a}
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static DMatrixRMaj fromDense(DenseMatrix a) {
        Checks.checkNotNull(a, "the dense matrix");
        return DMatrixRMaj.wrap(a.rows(), a.cols(), a.data());
    }

    /**
     * A {@link LinearOperator} of EJML's dense matrix: {@link #toDense(DMatrixRMaj)}, so zero-copy under the
     * same condition.
     *
     * @param a Input: EJML's dense matrix; not modified
     * @return the operator {@code x ↦ A·x}
     * @throws IllegalArgumentException as {@link #toDense(DMatrixRMaj)}
     */
    public static LinearOperator operator(DMatrixRMaj a) {
        return toDense(a);
    }

    /**
     * The entries of EJML's vector (an n×1 or 1×n matrix) as a {@code double[]}: {@code v.data} itself when it
     * is exactly n long, else a copy of its first n entries.
     *
     * @param v Input: EJML's vector; not modified
     * @return its n entries, sharing {@code v.data} when its length is exact
     * @throws IllegalArgumentException if {@code v} is null or has more than one row and more than one column
     */
    public static double[] toVector(DMatrixRMaj v) {
        Checks.checkNotNull(v, "the EJML vector");
        if (v.numRows != 1 && v.numCols != 1) {
            throw new IllegalArgumentException("expected a vector (an n×1 or 1×n matrix) but got a "
                    + Checks.shape(v.numRows, v.numCols) + " EJML matrix");
        }
        return exactData(v, "vector");
    }

    /**
     * EJML's n×1 column vector wrapping {@code x}, zero-copy.
     *
     * @param x Input: the entries
     * @return an n×1 {@code DMatrixRMaj} whose {@code data} is {@code x}
     * @throws IllegalArgumentException if {@code x} is null
     */
    public static DMatrixRMaj fromVector(double[] x) {
        Checks.checkNotNull(x, "the vector");
        return DMatrixRMaj.wrap(x.length, 1, x);
    }

    // ---------------------------------------------------------------- triplets

    /**
     * Sparrow's COO matrix of EJML's triplet matrix, an O(nnz) copy (EJML interleaves row and column in one
     * array). Entries keep their order; repeated positions stay repeated and are summed when the result is
     * converted, as {@link CooMatrix} defines (EJML's triplet format allows repeats without fixing their
     * meaning; its own conversion to CSC keeps them as separate entries); explicit zeros are kept.
     *
     * @param t Input: EJML's triplet matrix; not modified
     * @return a new COO matrix with the same triplets
     * @throws IllegalArgumentException if {@code t} is null, its arrays are shorter than {@code nz_length},
     *     or an entry lies outside the matrix (named 1-based)
     */
    public static CooMatrix toCoo(DMatrixSparseTriplet t) {
        Checks.checkNotNull(t, "the EJML triplet matrix");
        checkShape(t.numRows, t.numCols, "triplet matrix");
        int n = t.nz_length;
        int[] rc = t.nz_rowcol == null ? null : t.nz_rowcol.data;
        double[] tv = t.nz_value == null ? null : t.nz_value.data;
        if (n < 0 || rc == null || tv == null || rc.length < 2L * n || tv.length < n) {
            throw new IllegalArgumentException("the EJML triplet matrix says it stores " + n
                    + " entries but its arrays hold " + (rc == null ? 0 : rc.length / 2) + " positions and "
                    + (tv == null ? 0 : tv.length) + " values");
        }
        int[] ri = new int[n];
        int[] ci = new int[n];
        for (int k = 0; k < n; k++) {
            int r = rc[2 * k];
            int c = rc[2 * k + 1];
            if (r < 0 || r >= t.numRows || c < 0 || c >= t.numCols) {
                throw new IllegalArgumentException("entry " + (k + 1) + " of the EJML triplet matrix is at (" + (r + 1) + ", "
                        + (c + 1) + "), outside its " + Checks.shape(t.numRows, t.numCols) + " shape");
            }
            ri[k] = r;
            ci[k] = c;
        }
        return new CooMatrix(t.numRows, t.numCols, ri, ci, Arrays.copyOf(tv, n));
    }

    /**
     * EJML's triplet matrix with the triplets of Sparrow's COO matrix, in order, an O(nnz) copy (repeated
     * positions are kept, as both formats allow).
     *
     * @param a Input: the COO matrix
     * @return a new EJML triplet matrix
     * @throws IllegalArgumentException if {@code a} is null
     */
    public static DMatrixSparseTriplet fromCoo(CooMatrix a) {
        Checks.checkNotNull(a, "the COO matrix");
        int n = a.nnz();
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(a.rows(), a.cols(), n);
        int[] ri = a.rowIndices();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        for (int k = 0; k < n; k++) {
            t.addItem(ri[k], ci[k], v[k]);
        }
        return t;
    }

    // ---------------------------------------------------------------- checks and helpers

    /** An EJML CSC matrix adopting the given arrays (EJML's constructor would allocate {@code col_idx}). */
    private static DMatrixSparseCSC csc(int rows, int cols, int[] colPtr, int[] rowIdx, double[] values, int nnz,
                                        boolean sorted) {
        DMatrixSparseCSC c = new DMatrixSparseCSC(0, 0, 0);
        c.numRows = rows;
        c.numCols = cols;
        c.col_idx = colPtr;
        c.nz_rows = rowIdx;
        c.nz_values = values;
        c.nz_length = nnz;
        c.indicesSorted = sorted;
        return c;
    }

    private static void checkShape(int rows, int cols, String what) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("the EJML " + what + " has a negative dimension: "
                    + Checks.shape(rows, cols));
        }
    }

    /**
     * Checks the structure of an EJML CSC matrix (shape, pointer array, lengths, row range, monotone
     * pointers) and returns a column pointer of exactly {@code numCols + 1} entries ({@code a.col_idx} or a
     * copy of its used part).
     */
    private static int[] checkCsc(DMatrixSparseCSC a) {
        Checks.checkNotNull(a, "the EJML sparse matrix");
        checkShape(a.numRows, a.numCols, "sparse matrix");
        int cols = a.numCols;
        int[] cp = a.col_idx;
        if (cp == null || cp.length < (long) cols + 1) {
            throw new IllegalArgumentException("the EJML sparse matrix has " + (cp == null ? 0 : cp.length)
                    + " column pointers but its " + cols + " columns need " + ((long) cols + 1));
        }
        int nnz = cp[cols];
        if (nnz != a.nz_length || cp[0] != 0) {
            throw new IllegalArgumentException("the EJML sparse matrix's column pointers run from " + cp[0] + " to " + nnz
                    + " but it says it stores nz_length = " + a.nz_length + " entries");
        }
        if (a.nz_rows == null || a.nz_values == null || a.nz_rows.length < nnz || a.nz_values.length < nnz) {
            throw new IllegalArgumentException("the EJML sparse matrix stores " + nnz + " entries but has "
                    + (a.nz_rows == null ? 0 : a.nz_rows.length) + " row indices and "
                    + (a.nz_values == null ? 0 : a.nz_values.length) + " values");
        }
        int[] ri = a.nz_rows;
        for (int j = 0; j < cols; j++) {
            if (cp[j + 1] < cp[j]) {
                throw new IllegalArgumentException("the EJML sparse matrix's column pointers decrease at column " + (j + 1)
                        + ": " + cp[j] + " then " + cp[j + 1]);
            }
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (ri[p] < 0 || ri[p] >= a.numRows) {
                    throw new IllegalArgumentException("column " + (j + 1) + " of the EJML sparse matrix stores row "
                            + (ri[p] + 1) + ", outside its " + a.numRows + " rows");
                }
            }
        }
        return cp.length == cols + 1 ? cp : Arrays.copyOf(cp, cols + 1);
    }

    /** Whether row indices strictly increase in every column (a repeat counts as unsorted; checkNoRepeats names it). */
    private static boolean columnsSorted(DMatrixSparseCSC a, int[] cp) {
        int[] ri = a.nz_rows;
        for (int j = 0; j < a.numCols; j++) {
            for (int p = cp[j] + 1; p < cp[j + 1]; p++) {
                if (ri[p] <= ri[p - 1]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** For unsorted columns: no row stored twice in a column (EJML's format forbids it; CSC cannot hold it). */
    private static void checkNoRepeats(DMatrixSparseCSC a, int[] cp) {
        int[] lastColumn = new int[a.numRows];
        Arrays.fill(lastColumn, -1);
        int[] ri = a.nz_rows;
        for (int j = 0; j < a.numCols; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (lastColumn[ri[p]] == j) {
                    throw new IllegalArgumentException("column " + (j + 1) + " of the EJML sparse matrix stores row "
                            + (ri[p] + 1) + " twice; sum the duplicates first");
                }
                lastColumn[ri[p]] = j;
            }
        }
    }

    /** {@code m.data} when exactly rows·cols long, else a copy of that many entries. */
    private static double[] exactData(DMatrixRMaj m, String what) {
        checkShape(m.numRows, m.numCols, what);
        long n = (long) m.numRows * m.numCols;
        double[] d = m.data;
        if (d == null || d.length < n) {
            throw new IllegalArgumentException("the EJML " + what + " is " + Checks.shape(m.numRows, m.numCols) + " but its array holds "
                    + (d == null ? 0 : d.length) + " entries");
        }
        return d.length == n ? d : Arrays.copyOf(d, (int) n);
    }
}
