package org.sparrow.core;

import java.util.Arrays;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;
import org.sparrow.core.ops.Transpose;

/**
 * A sparse matrix in compressed sparse row (CSR) form: for row {@code i}, the column indices
 * {@code colIdx[rowPtr[i] .. rowPtr[i+1])} and the matching {@code values}.
 *
 * <p><b>Canonical form</b> (as scipy's {@code has_canonical_format}): within each row, column indices
 * strictly increase, so there are no duplicates. Matrices built with {@link #unsorted} may keep a
 * row's columns in any order (still without duplicates); {@link #isSorted()} says which, and
 * {@link #sorted()} gives the canonical form. Explicit zeros are stored entries and are kept.
 *
 * <p><b>Immutability and sharing.</b> The constructor adopts the arrays it is given without copying
 * them (a CSR matrix of a billion entries should not be copied to be wrapped), checks every
 * invariant, and from then on nothing in Sparrow writes to them. The accessors return the same
 * arrays, for kernels that read them in place: callers must treat them as read-only. Use
 * {@code clone()} on them for a private copy.
 */
public final class CsrMatrix implements Matrix {

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;
    private final boolean sorted;
    private int hash;

    /**
     * A canonical CSR matrix (columns strictly increasing within each row). The arrays are adopted,
     * not copied; {@code colIdx} and {@code values} may be longer than {@code rowPtr[rows]}.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param rowPtr row pointers, length {@code rows + 1}, non-decreasing from 0: row {@code i} is {@code [rowPtr[i], rowPtr[i+1])}
     * @param colIdx column index of each entry, in {@code [0, cols)}
     * @param values value of each entry
     * @throws IllegalArgumentException naming the first invariant that fails and where
     */
    public CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        this(rows, cols, rowPtr, colIdx, values, true);
    }

    private CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, boolean sorted) {
        checkCompressed("row", "column", rows, cols, rowPtr, colIdx, values, sorted);
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
        this.sorted = sorted;
    }

    /**
     * A CSR matrix whose rows may list their columns in any order (still no duplicates), as a
     * kernel that skips sorting produces. The arrays are adopted, not copied.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @param rowPtr row pointers, length {@code rows + 1}, non-decreasing from 0
     * @param colIdx column index of each entry, in {@code [0, cols)}, any order within a row
     * @param values value of each entry
     * @return the matrix over those arrays, flagged unsorted
     * @throws IllegalArgumentException naming the first invariant that fails and where
     */
    public static CsrMatrix unsorted(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        return new CsrMatrix(rows, cols, rowPtr, colIdx, values, false);
    }

    /**
     * An all-zero {@code rows × cols} matrix with no stored entries.
     *
     * @param rows number of rows, ≥ 0
     * @param cols number of columns, ≥ 0
     * @return the empty matrix of that shape
     */
    public static CsrMatrix zeros(int rows, int cols) {
        Checks.checkDimensions(rows, cols);
        return new CsrMatrix(rows, cols, new int[pointerLength(rows, "row")], new int[0], new double[0]);
    }

    /**
     * The {@code n × n} identity.
     *
     * @param n the order, ≥ 0
     * @return the identity, n stored ones on the diagonal
     */
    public static CsrMatrix identity(int n) {
        Checks.checkDimensions(n, n);
        int[] rp = new int[pointerLength(n, "row")];
        int[] ci = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = i + 1;
            ci[i] = i;
            v[i] = 1.0;
        }
        return new CsrMatrix(n, n, rp, ci, v);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public int nnz() {
        return rowPtr[rows];
    }

    /** {@return whether columns strictly increase within every row (the canonical form)} */
    public boolean isSorted() {
        return sorted;
    }

    /** {@return the row pointer, length {@code rows + 1}: shared, read-only} */
    public int[] rowPointers() {
        return rowPtr;
    }

    /** {@return the column indices, length ≥ {@link #nnz()}: shared, read-only} */
    public int[] columnIndices() {
        return colIdx;
    }

    /** {@return the values, length ≥ {@link #nnz()}: shared, read-only} */
    public double[] values() {
        return values;
    }

    /**
     * Number of entries stored in row {@code i}.
     *
     * @param i the row, 0-based
     * @return {@code rowPtr[i + 1] − rowPtr[i]}
     */
    public int rowNnz(int i) {
        Checks.checkIndex(i, rows, "row");
        return rowPtr[i + 1] - rowPtr[i];
    }

    @Override
    public double get(int row, int col) {
        Checks.checkIndex(row, rows, "row");
        Checks.checkIndex(col, cols, "column");
        int lo = rowPtr[row];
        int hi = rowPtr[row + 1];
        if (sorted) {
            int p = Arrays.binarySearch(colIdx, lo, hi, col);
            return p >= 0 ? values[p] : 0.0;
        }
        for (int p = lo; p < hi; p++) {
            if (colIdx[p] == col) {
                return values[p];
            }
        }
        return 0.0;
    }

    /**
     * {@code y = A·x} through {@link Spmv}: on {@link Parallelism#defaultThreads()} threads when the
     * matrix has at least {@link Spmv#PARALLEL_MIN_NNZ} entries, else on the caller's thread.
     * Bit-identical whatever the thread count.
     */
    @Override
    public void apply(double[] x, double[] y) {
        Checks.checkLength("x", x, cols, "the matrix's column count");
        Checks.checkLength("y", y, rows, "the matrix's row count");
        Spmv.apply(rows, rowPtr, colIdx, values, x, y, Spmv.defaultThreads(nnz()));
    }

    /**
     * {@code y = Aᵀ·x} through {@link Spmv}, threaded as {@link #apply(double[], double[])}. With
     * more than one thread the result is deterministic but may differ from the 1-thread result in
     * the last bits (see {@link Spmv}).
     */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        Checks.checkLength("x", x, rows, "the matrix's row count");
        Checks.checkLength("y", y, cols, "the matrix's column count");
        Spmv.applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, Spmv.defaultThreads(nnz()));
    }

    /**
     * {@code Y = A·X} through {@link Spmm} (sparse × dense, k contiguous), threaded when
     * {@code nnz·k ≥} {@link Spmv#PARALLEL_MIN_NNZ}; bit-identical whatever the thread count.
     */
    @Override
    public void applyBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, cols, k);
        Checks.checkBlock("y", y, rows, k);
        Spmm.apply(rows, rowPtr, colIdx, values, x, y, k, Spmv.defaultThreads((long) nnz() * k));
    }

    /**
     * {@code Y = Aᵀ·X} through {@link Spmm}, threaded as {@link #applyBlock}; with more than one
     * thread deterministic but not bit-identical to the 1-thread result (see {@link Spmm}).
     */
    @Override
    public void applyTransposeBlock(double[] x, double[] y, int k) {
        Checks.checkBlock("x", x, rows, k);
        Checks.checkBlock("y", y, cols, k);
        Spmm.applyTranspose(rows, cols, rowPtr, colIdx, values, x, y, k, Spmv.defaultThreads((long) nnz() * k));
    }

    /**
     * The canonical form: this matrix if already sorted, else a copy with each row sorted.
     *
     * @return a sorted matrix with the same entries
     */
    public CsrMatrix sorted() {
        if (sorted) {
            return this;
        }
        // A double transpose sorts every row in O(nnz + rows + cols).
        return transpose().transpose();
    }

    /**
     * The transpose Aᵀ as a new canonical CSR matrix: a counting sort, O(nnz + rows + cols), parallel
     * ({@link Transpose}) on {@link Parallelism#defaultThreads()} threads when the matrix has at
     * least {@link Spmv#PARALLEL_MIN_NNZ} entries; bit-identical whatever the thread count.
     *
     * @return Aᵀ, sorted
     */
    public CsrMatrix transpose() {
        pointerLength(cols, "row"); // keeps this class's message for a transpose with 2³¹−1 rows
        return Transpose.of(this, Spmv.defaultThreads(nnz()));
    }

    /**
     * Aᵀ in CSC form, sharing this matrix's arrays (no copy) when this matrix is sorted: the CSR
     * arrays of A are exactly the CSC arrays of Aᵀ. An unsorted matrix is sorted first (a copy),
     * since CSC is always canonical.
     *
     * @return Aᵀ as a CSC matrix over this matrix's arrays when it is sorted
     */
    public CscMatrix transposeView() {
        return CscMatrix.ofTransposed(this);
    }

    @Override
    public CooMatrix toCoo() {
        int nnz = nnz();
        int[] ri = new int[nnz];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(ri, rowPtr[i], rowPtr[i + 1], i);
        }
        return new CooMatrix(rows, cols, ri, Arrays.copyOf(colIdx, nnz), Arrays.copyOf(values, nnz));
    }

    @Override
    public CsrMatrix toCsr() {
        return sorted();
    }

    @Override
    public CscMatrix toCsc() {
        return transpose().transposeView();
    }

    @Override
    public DenseMatrix toDense() {
        double[] d = new double[Checks.checkedArrayLength((long) rows * cols, "a dense " + rows + "×" + cols + " matrix")];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                d[base + colIdx[p]] = values[p];
            }
        }
        return new DenseMatrix(rows, cols, d);
    }

    @Override
    public double frobeniusNorm() {
        return Blas.norm2(values, 0, nnz());
    }

    /** {@code n + 1} as a pointer array length, or a clear error when {@code n} is {@code Integer.MAX_VALUE}. */
    static int pointerLength(int n, String major) {
        return Checks.checkedArrayLength((long) n + 1, "the " + major + " pointer of " + n + " " + major + "s");
    }

    /** ‖A − B‖_F ≤ relTol·max(‖A‖_F, ‖B‖_F) for two canonical matrices of the same shape. */
    static boolean approxEqualsCanonical(CsrMatrix a, CsrMatrix b, double relTol) {
        // Scale by the largest magnitude so that squares neither overflow nor underflow.
        double scale = Math.max(maxAbs(a), maxAbs(b));
        if (Double.isNaN(scale) || Double.isInfinite(scale)) {
            return false;
        }
        if (scale == 0.0) {
            return true;
        }
        double diff2 = 0.0;
        double a2 = 0.0;
        double b2 = 0.0;
        for (int i = 0; i < a.rows; i++) {
            int p = a.rowPtr[i];
            int pe = a.rowPtr[i + 1];
            int q = b.rowPtr[i];
            int qe = b.rowPtr[i + 1];
            while (p < pe || q < qe) {
                int ja = p < pe ? a.colIdx[p] : Integer.MAX_VALUE;
                int jb = q < qe ? b.colIdx[q] : Integer.MAX_VALUE;
                double va = 0.0;
                double vb = 0.0;
                if (ja <= jb) {
                    va = a.values[p++] / scale;
                }
                if (jb <= ja) {
                    vb = b.values[q++] / scale;
                }
                double d = va - vb;
                diff2 += d * d;
                a2 += va * va;
                b2 += vb * vb;
            }
        }
        return Math.sqrt(diff2) <= relTol * Math.sqrt(Math.max(a2, b2));
    }

    private static double maxAbs(CsrMatrix m) {
        double s = 0.0;
        for (int p = 0, n = m.nnz(); p < n; p++) {
            double v = Math.abs(m.values[p]);
            if (!(v <= s)) {
                s = v; // also takes NaN, which then sticks
                if (Double.isNaN(v)) {
                    return v;
                }
            }
        }
        return s;
    }

    /** Equal shape and equal canonical arrays (explicit zeros count; values as {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CsrMatrix other) || rows != other.rows || cols != other.cols || nnz() != other.nnz()) {
            return false;
        }
        CsrMatrix a = sorted();
        CsrMatrix b = other.sorted();
        int nnz = a.nnz();
        return Arrays.equals(a.rowPtr, 0, rows + 1, b.rowPtr, 0, rows + 1)
                && Arrays.equals(a.colIdx, 0, nnz, b.colIdx, 0, nnz)
                && Arrays.equals(a.values, 0, nnz, b.values, 0, nnz);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            CsrMatrix c = sorted();
            h = 31 * rows + cols;
            for (int i = 0; i < rows; i++) {
                for (int p = c.rowPtr[i]; p < c.rowPtr[i + 1]; p++) {
                    h = 31 * (31 * (31 * h + i) + c.colIdx[p]) + Double.hashCode(c.values[p]);
                }
            }
            hash = h;
        }
        return h;
    }

    /** A one-line summary: shape, stored entries, density and form (never a dump of the entries). */
    @Override
    public String toString() {
        return "CsrMatrix " + rows + "×" + cols + ", nnz=" + nnz() + " (" + MatrixStatistics.density(nnz(), rows, cols)
                + " dense)" + (sorted ? "" : ", unsorted");
    }

    /**
     * Checks the invariants of compressed storage. {@code major}/{@code minor} name the compressed
     * and indexed dimensions ("row"/"column" for CSR, "column"/"row" for CSC) so that the message
     * speaks the caller's language.
     */
    static void checkCompressed(String major, String minor, int nMajor, int nMinor, int[] ptr, int[] idx,
                                double[] val, boolean sorted) {
        String rowsCols = "row".equals(major) ? nMajor + "×" + nMinor : nMinor + "×" + nMajor;
        if (nMajor < 0 || nMinor < 0) {
            throw new IllegalArgumentException("dimensions must be ≥ 0, got " + rowsCols);
        }
        if (ptr == null || idx == null || val == null) {
            throw new IllegalArgumentException(major + " pointer, " + minor + " indices and values must not be null");
        }
        if (ptr.length != (long) nMajor + 1) {
            throw new IllegalArgumentException(major + " pointer has length " + ptr.length + " but a " + rowsCols
                    + " matrix needs " + ((long) nMajor + 1));
        }
        if (ptr[0] != 0) {
            throw new IllegalArgumentException(major + " pointer must start at 0, starts at " + ptr[0]);
        }
        for (int i = 0; i < nMajor; i++) {
            if (ptr[i + 1] < ptr[i]) {
                throw new IllegalArgumentException(major + " pointer decreases at " + major + " " + i + ": "
                        + ptr[i] + " > " + ptr[i + 1]);
            }
        }
        int nnz = ptr[nMajor];
        if (idx.length < nnz || val.length < nnz) {
            throw new IllegalArgumentException(major + " pointer ends at " + nnz + " but there are " + idx.length
                    + " " + minor + " indices and " + val.length + " values");
        }
        int[] lastSeen = sorted || nMajor == 0 ? null : new int[nMinor];
        if (lastSeen != null) {
            Arrays.fill(lastSeen, -1);
        }
        for (int i = 0; i < nMajor; i++) {
            int prev = -1;
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                int j = idx[p];
                if (j < 0 || j >= nMinor) {
                    throw new IllegalArgumentException(minor + " index " + j + " at position " + p + " (" + major + " "
                            + i + ") is out of range [0, " + nMinor + ")");
                }
                if (sorted) {
                    if (j <= prev) {
                        throw new IllegalArgumentException(minor + " indices of " + major + " " + i
                                + (j == prev ? " repeat " + minor + " " + j : " are not increasing: " + prev + " then " + j)
                                + " at position " + p + " (canonical form needs strictly increasing indices;"
                                + " use unsorted() or sum duplicates through CooMatrix)");
                    }
                    prev = j;
                } else {
                    if (lastSeen[j] == i) {
                        throw new IllegalArgumentException(major + " " + i + " stores " + minor + " " + j
                                + " twice (at position " + p + "); duplicates must be summed, e.g. through CooMatrix");
                    }
                    lastSeen[j] = i;
                }
            }
        }
    }
}
