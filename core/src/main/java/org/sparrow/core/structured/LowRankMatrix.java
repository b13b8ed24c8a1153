package org.sparrow.core.structured;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Checks;

/**
 * A matrix of rank at most k held as its factors, {@code M = U·diag(s)·Vᵀ} with U {@code rows × k} and V
 * {@code cols × k}, as a {@link LinearOperator}: a truncated SVD ({@link #truncate(DenseMatrix, int)}, or the
 * randomized SVD of the sketching module, whose result holds one), or a factorization {@code U·Vᵀ} with no
 * scaling ({@link #ofFactors(DenseMatrix, DenseMatrix)}, as matrix completion produces). Nothing requires the
 * columns of U or V to be orthonormal or s to be sorted; {@link #truncate} gives both.
 *
 * <p>{@code y = M·x} costs {@code (rows + cols)·k} multiply-adds per column: {@code t = diag(s)·Vᵀ·x}, then
 * {@code y = U·t}, two thin GEMMs whose inner loops run along the contiguous rows of U, V and of the blocks. The
 * {@code k × width} intermediate lives in a {@link Workspace} ({@link #workspace(int)}); the forms that take one
 * allocate nothing, the others reuse a spare the operator keeps (taken atomically, so concurrent callers each get
 * their own).
 *
 * <p>U and V are kept as given (not copied; they must not be modified), s is copied; the class is otherwise
 * immutable and safe to share between threads.
 */
public final class LowRankMatrix implements LinearOperator {

    /** The most entries {@link #toDense()} forms: {@value} (256 MB of doubles). */
    public static final long TO_DENSE_MAX_ENTRIES = 1L << 25;

    private final DenseMatrix u;
    private final double[] s;
    private final DenseMatrix v;
    private final int rows;
    private final int cols;
    private final int k;
    private final AtomicReference<Workspace> spare = new AtomicReference<>();

    /**
     * {@code M = U·diag(s)·Vᵀ}.
     *
     * @param u Input: {@code rows × k}, kept (not copied)
     * @param s Input: length k, finite (copied)
     * @param v Input: {@code cols × k}, kept (not copied)
     * @throws IllegalArgumentException if a factor is missing, the widths of U, s and V differ (the message gives
     *     the three), or a weight is not finite
     */
    public LowRankMatrix(DenseMatrix u, double[] s, DenseMatrix v) {
        Checks.checkNotNull(u, "the left factor U");
        Checks.checkNotNull(s, "the weights s");
        Checks.checkNotNull(v, "the right factor V");
        if (u.cols() != s.length || v.cols() != s.length) {
            throw new IllegalArgumentException("a low-rank matrix U·diag(s)·Vᵀ needs U, s and V of the same width k, got U "
                    + Checks.shape(u.rows(), u.cols()) + ", s of length " + s.length + " and V "
                    + Checks.shape(v.rows(), v.cols()));
        }
        Checks.checkFinite(s, "low-rank matrix: ", "s");
        this.u = u;
        this.s = s.clone();
        this.v = v;
        this.rows = u.rows();
        this.cols = v.rows();
        this.k = s.length;
    }

    /**
     * {@code M = U·Vᵀ} (all weights 1).
     *
     * @param u Input: {@code rows × k}, kept
     * @param v Input: {@code cols × k}, kept
     * @return the matrix
     * @throws IllegalArgumentException if a factor is missing or their widths differ
     */
    public static LowRankMatrix ofFactors(DenseMatrix u, DenseMatrix v) {
        Checks.checkNotNull(u, "the left factor U");
        Checks.checkNotNull(v, "the right factor V");
        double[] ones = new double[u.cols()];
        Arrays.fill(ones, 1.0);
        return new LowRankMatrix(u, ones, v);
    }

    /**
     * The best rank-{@code rank} approximation of {@code a} in every unitarily invariant norm (Eckart–Young–Mirsky):
     * its leading {@code rank} singular triples, from EJML's full SVD. The result has orthonormal U and V and
     * {@code s} in decreasing order; its error is {@code ‖A − M‖_F = √(Σ_{i>rank} σ_i²)}, {@code ‖A − M‖₂ = σ_{rank+1}}.
     * O(rows·cols·min(rows, cols)) work: for large matrices use the randomized SVD of the sketching module.
     *
     * @param a    Input: a dense matrix with finite entries
     * @param rank k, {@code 1 ≤ k ≤ min(rows, cols)}
     * @return the truncated SVD
     * @throws IllegalArgumentException if the rank is out of range or an entry is not finite
     */
    public static LowRankMatrix truncate(DenseMatrix a, int rank) {
        Checks.checkNotNull(a, "the matrix to truncate");
        int m = a.rows();
        int n = a.cols();
        int min = Math.min(m, n);
        if (rank < 1 || rank > min) {
            throw new IllegalArgumentException("the truncation rank must be between 1 and min(rows, cols) = " + min
                    + " for a " + Checks.shape(m, n) + " matrix, got " + rank);
        }
        Checks.checkFinite(a, "low-rank truncation: ", "A");
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(new DMatrixRMaj(m, n, true, a.data()))) {
            throw new IllegalStateException("the SVD of the " + Checks.shape(m, n) + " matrix did not converge");
        }
        DMatrixRMaj uu = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vv = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(uu, false, w, vv, false);
        double[] u = new double[m * rank];
        double[] v = new double[n * rank];
        double[] s = new double[rank];
        for (int r = 0; r < rank; r++) {
            s[r] = w.get(r, r);
        }
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < rank; r++) {
                u[i * rank + r] = uu.get(i, r);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rank; r++) {
                v[i * rank + r] = vv.get(i, r);
            }
        }
        return new LowRankMatrix(new DenseMatrix(m, rank, u), s, new DenseMatrix(n, rank, v));
    }

    /** The row count, that of U. */
    @Override
    public int rows() {
        return rows;
    }

    /** The column count, the row count of V. */
    @Override
    public int cols() {
        return cols;
    }

    /** {@return the number k of factor columns (an upper bound on the rank of M)} */
    public int rank() {
        return k;
    }

    /** {@return U, {@code rows × k} (the matrix given, shared: read only)} */
    public DenseMatrix u() {
        return u;
    }

    /** {@return the weights s, length k (a copy)} */
    public double[] s() {
        return s.clone();
    }

    /** {@return V, {@code cols × k} (the matrix given, shared: read only)} */
    public DenseMatrix v() {
        return v;
    }

    /**
     * One entry, {@code Σ_r U[row, r]·s_r·V[col, r]}, in O(k).
     *
     * @param row 0-based row
     * @param col 0-based column
     * @return the entry
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double get(int row, int col) {
        Checks.checkIndex(row, rows, "row");
        Checks.checkIndex(col, cols, "column");
        double[] ud = u.data();
        double[] vd = v.data();
        int uo = row * k;
        int vo = col * k;
        double sum = 0;
        for (int r = 0; r < k; r++) {
            sum += ud[uo + r] * s[r] * vd[vo + r];
        }
        return sum;
    }

    /**
     * M as a dense matrix, {@code (U·diag(s))·Vᵀ}, for small cases.
     *
     * @return a new {@code rows × cols} matrix
     * @throws IllegalStateException if it would have more than {@link #TO_DENSE_MAX_ENTRIES} entries
     */
    public DenseMatrix toDense() {
        long entries = (long) rows * cols;
        if (entries > TO_DENSE_MAX_ENTRIES) {
            throw new IllegalStateException("the " + Checks.shape(rows, cols) + " low-rank matrix has " + entries
                    + " entries (" + (entries * Double.BYTES >> 20) + " MB), more than the " + TO_DENSE_MAX_ENTRIES
                    + " it is formed densely for; apply it through its factors instead");
        }
        double[] d = new double[(int) entries];
        double[] ud = u.data();
        double[] vd = v.data();
        double[] us = new double[k];
        for (int i = 0; i < rows; i++) {
            for (int r = 0; r < k; r++) {
                us[r] = ud[i * k + r] * s[r];
            }
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                int vo = j * k;
                double sum = 0;
                for (int r = 0; r < k; r++) {
                    sum += us[r] * vd[vo + r];
                }
                d[o + j] = sum;
            }
        }
        return new DenseMatrix(rows, cols, d);
    }

    /** "rank-5 matrix 2000×3000 (U·diag(s)·Vᵀ)". */
    @Override
    public String toString() {
        return "rank-" + k + " matrix " + Checks.shape(rows, cols) + " (U·diag(s)·Vᵀ)";
    }

    // ---- workspace -----------------------------------------------------------------------------

    /** Scratch for the products: the {@code k × width} intermediate. Not thread-safe: one per concurrent caller. */
    public static final class Workspace {
        private final double[] t;

        private Workspace(int length) {
            t = new double[length];
        }
    }

    /**
     * A workspace for products with blocks of up to {@code width} columns ({@code rank()·width} doubles).
     *
     * @param width the widest block, ≥ 1 (1 for vectors)
     * @return a new workspace
     * @throws IllegalArgumentException if {@code width < 1}
     */
    public Workspace workspace(int width) {
        return new Workspace(bufferLength(width));
    }

    private int bufferLength(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a workspace's block width must be ≥ 1, got " + width);
        }
        return Checks.checkedArrayLength((long) k * width, "the workspace of the " + this);
    }

    private Workspace takeSpare(int width) {
        Workspace w = spare.getAndSet(null);
        return w == null || w.t.length < bufferLength(width) ? workspace(width) : w;
    }

    private double[] checkWorkspace(Workspace work, int width) {
        Checks.checkNotNull(work, "the workspace");
        int need = bufferLength(width);
        if (work.t.length < need) {
            throw new IllegalArgumentException("the workspace holds " + work.t.length + " doubles but the " + this
                    + " needs " + need + " for blocks of " + width + " columns (make it with workspace(" + width + "))");
        }
        return work.t;
    }

    // ---- products ------------------------------------------------------------------------------

    /** {@code y = M·x}, with a spare workspace. */
    @Override
    public void apply(double[] x, double[] y) {
        applyBlock(x, y, 1);
    }

    /** {@code y = Mᵀ·x}, with a spare workspace. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        applyTransposeBlock(x, y, 1);
    }

    /**
     * {@code y = M·x} in the caller's workspace; allocates nothing.
     *
     * @param x    Input, length {@link #cols()}
     * @param y    Output, length {@link #rows()}; overwritten
     * @param work from {@link #workspace(int)}
     */
    public void apply(double[] x, double[] y, Workspace work) {
        applyBlock(x, y, 1, work);
    }

    /**
     * {@code y = Mᵀ·x} in the caller's workspace; allocates nothing.
     *
     * @param x    Input, length {@link #rows()}
     * @param y    Output, length {@link #cols()}; overwritten
     * @param work from {@link #workspace(int)}
     */
    public void applyTranspose(double[] x, double[] y, Workspace work) {
        applyTransposeBlock(x, y, 1, work);
    }

    /** {@code Y = M·X} for a row-major block of {@code width} columns, with a spare workspace. */
    @Override
    public void applyBlock(double[] x, double[] y, int width) {
        check(x, y, width, false);
        Workspace w = takeSpare(Math.max(width, 1));
        product(u, v, x, y, width, w.t);
        spare.set(w);
    }

    /** {@code Y = Mᵀ·X} for a row-major block of {@code width} columns, with a spare workspace. */
    @Override
    public void applyTransposeBlock(double[] x, double[] y, int width) {
        check(x, y, width, true);
        Workspace w = takeSpare(Math.max(width, 1));
        product(v, u, x, y, width, w.t);
        spare.set(w);
    }

    /**
     * {@code Y = M·X} in the caller's workspace; allocates nothing.
     *
     * @param x     Input, {@code cols() × width} row-major
     * @param y     Output, {@code rows() × width} row-major; overwritten
     * @param width block width, ≥ 0
     * @param work  from {@link #workspace(int)} with at least this width
     */
    public void applyBlock(double[] x, double[] y, int width, Workspace work) {
        check(x, y, width, false);
        product(u, v, x, y, width, checkWorkspace(work, Math.max(width, 1)));
    }

    /**
     * {@code Y = Mᵀ·X} in the caller's workspace; allocates nothing.
     *
     * @param x     Input, {@code rows() × width} row-major
     * @param y     Output, {@code cols() × width} row-major; overwritten
     * @param width block width, ≥ 0
     * @param work  from {@link #workspace(int)} with at least this width
     */
    public void applyTransposeBlock(double[] x, double[] y, int width, Workspace work) {
        check(x, y, width, true);
        product(v, u, x, y, width, checkWorkspace(work, Math.max(width, 1)));
    }

    /**
     * {@code Y = A·diag(s)·Bᵀ·X}: {@code T = Bᵀ·X} as a sum of outer products over the rows of B and X (each a
     * contiguous k- and width-long run), T's rows scaled by s, then each row of Y as a combination of T's rows.
     */
    private void product(DenseMatrix a, DenseMatrix bm, double[] x, double[] y, int width, double[] t) {
        double[] ad = a.data();
        double[] bd = bm.data();
        int inRows = bm.rows();
        int outRows = a.rows();
        int tl = k * width;
        Arrays.fill(t, 0, tl, 0.0);
        for (int i = 0; i < inRows; i++) {
            int bo = i * k;
            int xo = i * width;
            for (int r = 0; r < k; r++) {
                double br = bd[bo + r];
                int to = r * width;
                for (int c = 0; c < width; c++) {
                    t[to + c] += br * x[xo + c];
                }
            }
        }
        for (int r = 0; r < k; r++) {
            double sr = s[r];
            int to = r * width;
            for (int c = 0; c < width; c++) {
                t[to + c] *= sr;
            }
        }
        for (int i = 0; i < outRows; i++) {
            int ao = i * k;
            int yo = i * width;
            Arrays.fill(y, yo, yo + width, 0.0);
            for (int r = 0; r < k; r++) {
                double ar = ad[ao + r];
                int to = r * width;
                for (int c = 0; c < width; c++) {
                    y[yo + c] += ar * t[to + c];
                }
            }
        }
    }

    private void check(double[] x, double[] y, int width, boolean transpose) {
        if (width < 0) {
            throw new IllegalArgumentException("the block width must be ≥ 0, got " + width);
        }
        String op = transpose ? "Mᵀ·X" : "M·X";
        Checks.checkBlock("X", x, transpose ? rows : cols, width, "the low-rank matrix", rows, cols, op);
        Checks.checkBlock("Y", y, transpose ? cols : rows, width, "the low-rank matrix", rows, cols, op);
    }
}
