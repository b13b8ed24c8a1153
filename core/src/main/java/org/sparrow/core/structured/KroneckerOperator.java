package org.sparrow.core.structured;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Matrix;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;

/**
 * The Kronecker product {@code A = A₁⊗A₂⊗…⊗A_d} of d ≥ 1 factors {@code A_k} ({@code M_k × N_k},
 * dense or sparse) as a {@link LinearOperator} that is never formed: A has {@code ∏M_k × ∏N_k}
 * entries, but a product with it costs about {@code Σ_k nnz(A_k)·∏N_j/N_k} multiply-adds on the
 * factors (exactly: see the algorithm below).
 *
 * <p><b>Index convention</b> (MATLAB's and numpy's {@code kron(A1, kron(A2, A3))}): the entry of x
 * with multi-index {@code (i₁, …, i_d)}, {@code 0 ≤ i_k < N_k}, is {@code x[((i₁·N₂)+i₂)·N₃+i₃ …]} —
 * the last index varies fastest — and likewise for y with the row sizes {@code M_k}; then
 * {@code A[(r₁…r_d), (i₁…i_d)] = ∏_k A_k[r_k, i_k]}. For two factors, {@code y = (A₁⊗A₂)·x} is
 * {@code Y = A₁·X·A₂ᵀ} with X the {@code N₁ × N₂} row-major reshape of x (the "vec trick").
 *
 * <p><b>Algorithm</b> (the shuffle form of the vec trick, Davio 1981, "Kronecker products and shuffle
 * algebra", IEEE Trans. Comput. C-30): view x as an {@code N₁ × (N₂⋯N_d)} row-major block and multiply
 * by {@code A₁} — one sparse × dense product ({@link Spmm}) with {@code N₂⋯N_d} columns — then move the
 * new leading index to the back (a transpose of an {@code M₁ × (N₂⋯N_d)} block); after d such steps
 * the indices are back in order, now {@code (r₁, …, r_d)}. Step k multiplies by {@code A_k} with
 * {@code R_k = M₁⋯M_{k−1}·N_{k+1}⋯N_d} columns, so a product costs
 * {@code Σ_k nnz(A_k)·R_k} multiply-adds plus d transposes of at most {@code max_k M_k·R_k} entries.
 * Every factor is held in compressed rows together with its transpose (a dense factor as its
 * nonzeros), so {@code Aᵀ·x} is the same forward gather with {@code A_kᵀ}, and both products are
 * bit-identical for every thread count (as {@link Spmm#apply(CsrMatrix, double[], double[], int, int)}).
 * A block of k right-hand sides carries its column index along as a last, unmoved index.
 *
 * <p>The intermediate blocks live in a {@link Workspace}: {@link #workspace(int)} makes one (its size
 * is {@link #workspaceLength(int)} doubles), and the forms that take it allocate nothing on one thread
 * (a threaded {@link Spmm} product still makes its small split of rows into tasks). The forms
 * without one reuse a workspace the operator keeps for the next call (taken atomically, so concurrent
 * callers each get their own). The operator is immutable apart from that spare and safe to share
 * between threads; it keeps the factors given (for {@link #factor(int)}), which must not be modified.
 */
public final class KroneckerOperator implements LinearOperator {

    /**
     * The most entries {@link #toDense()} forms: {@value} (256 MB of doubles). A larger product is
     * meant to be applied through its factors.
     */
    public static final long TO_DENSE_MAX_ENTRIES = 1L << 25;

    private final Matrix[] factors;
    private final CsrMatrix[] forward;
    private final CsrMatrix[] transposed;
    private final int[] m;
    private final int[] n;
    private final int rows;
    private final int cols;
    /** The longest intermediate block of a vector product, either direction (0 when none is needed). */
    private final long intermediate;
    private final AtomicReference<Workspace> spare = new AtomicReference<>();

    private KroneckerOperator(Matrix[] factors) {
        int d = factors.length;
        this.factors = factors;
        this.forward = new CsrMatrix[d];
        this.transposed = new CsrMatrix[d];
        this.m = new int[d];
        this.n = new int[d];
        long rowCount = 1;
        long colCount = 1;
        for (int k = 0; k < d; k++) {
            m[k] = factors[k].rows();
            n[k] = factors[k].cols();
            rowCount = Math.min(rowCount * m[k], 1L << 32); // saturates: no overflow, still too large
            colCount = Math.min(colCount * n[k], 1L << 32);
        }
        if (rowCount > Checks.MAX_ARRAY_LENGTH || colCount > Checks.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("the Kronecker product of " + shapes(m, n) + " is "
                    + product(m) + "×" + product(n) + ", larger than a Java array holds as a vector ("
                    + Checks.MAX_ARRAY_LENGTH + " entries)");
        }
        this.rows = (int) rowCount;
        this.cols = (int) colCount;
        for (int k = 0; k < d; k++) {
            forward[k] = factors[k].toCsr();
            transposed[k] = forward[k].transpose();
        }
        this.intermediate = rows == 0 || cols == 0 ? 0 : Math.max(longestStep(m, n), longestStep(n, m));
    }

    /**
     * The operator {@code A₁⊗…⊗A_d} of the given factors, in the order given.
     *
     * @param factors Input: at least one matrix, each a {@link DenseMatrix}, {@link CsrMatrix},
     *                {@link CscMatrix} or {@link CooMatrix} (duplicates summed); kept, not copied
     * @return the operator
     * @throws IllegalArgumentException if there is no factor, a factor is null, or ∏M_k or ∏N_k
     *     exceeds a Java array's length (the message gives the shapes)
     */
    public static KroneckerOperator of(Matrix... factors) {
        if (factors == null || factors.length == 0) {
            throw new IllegalArgumentException("a Kronecker product needs at least one factor, got none");
        }
        Matrix[] copy = factors.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] == null) {
                throw new IllegalArgumentException("factor " + (k + 1) + " of the Kronecker product is null");
            }
        }
        return new KroneckerOperator(copy);
    }

    /**
     * The operator {@code A₁⊗…⊗A_d} of the factors in list order; as {@link #of(Matrix...)}.
     *
     * @param factors Input: at least one matrix
     * @return the operator
     * @throws IllegalArgumentException as {@link #of(Matrix...)}, or if the list is null
     */
    public static KroneckerOperator of(List<? extends Matrix> factors) {
        if (factors == null) {
            throw new IllegalArgumentException("a Kronecker product needs at least one factor, got none");
        }
        Matrix[] array = new Matrix[factors.size()];
        for (int k = 0; k < array.length; k++) {
            array[k] = factors.get(k); // List.toArray would throw on a null element of some lists
        }
        return of(array);
    }

    /** {@return the number d of factors, ≥ 1} */
    public int factorCount() {
        return factors.length;
    }

    /**
     * Factor {@code k} (0-based), the matrix given to {@link #of}.
     *
     * @param k the factor, 0-based
     * @return the factor, as given (shared)
     * @throws IllegalArgumentException if {@code k} is not in {@code [0, factorCount())}
     */
    public Matrix factor(int k) {
        if (k < 0 || k >= factors.length) {
            throw new IllegalArgumentException("factor index " + k + " is out of range: the Kronecker product has "
                    + factors.length + (factors.length == 1 ? " factor" : " factors") + ", indexed from 0");
        }
        return factors[k];
    }

    /** {@return the row counts {@code M_1, …, M_d} of the factors (a copy)} */
    public int[] factorRows() {
        return m.clone();
    }

    /** {@return the column counts {@code N_1, …, N_d} of the factors (a copy)} */
    public int[] factorCols() {
        return n.clone();
    }

    /** {@code ∏M_k}. */
    @Override
    public int rows() {
        return rows;
    }

    /** {@code ∏N_k}. */
    @Override
    public int cols() {
        return cols;
    }

    // ---- workspace -----------------------------------------------------------------------------

    /**
     * Scratch memory for the products of one operator (or any operator whose {@link
     * #workspaceLength(int)} is no larger): two buffers for the intermediate blocks. Not thread-safe:
     * one workspace per concurrent caller.
     */
    public static final class Workspace {

        private final double[] first;
        private final double[] second;

        private Workspace(int length) {
            first = new double[length];
            second = new double[length];
        }

        /** Doubles per buffer. */
        private int capacity() {
            return first.length;
        }
    }

    /**
     * The doubles a workspace for products with blocks of {@code k} columns holds ({@code k = 1} for
     * the vector products): twice the longest intermediate block, {@code 2·k·max_j M₁⋯M_j·N_{j+1}⋯N_d}
     * over both directions; 0 when no intermediate is needed (one factor, or an empty product).
     *
     * @param k block width, ≥ 1
     * @return the workspace length in doubles, ≥ 0
     * @throws IllegalArgumentException if {@code k < 1} or a buffer would exceed a Java array
     */
    public long workspaceLength(int k) {
        return 2L * bufferLength(k);
    }

    /**
     * A workspace for {@link #apply(double[], double[], Workspace)}, {@link #applyTranspose(double[],
     * double[], Workspace)} and the block forms with up to {@code k} columns.
     *
     * @param k the widest block it will serve, ≥ 1 (1 for vectors)
     * @return a new workspace of {@link #workspaceLength(int)} doubles
     * @throws IllegalArgumentException if {@code k < 1} or a buffer would exceed a Java array
     */
    public Workspace workspace(int k) {
        return new Workspace(bufferLength(k));
    }

    private int bufferLength(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a workspace's block width must be ≥ 1, got " + k);
        }
        long need = intermediate * k;
        if (intermediate != 0 && need / k != intermediate || need > Checks.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("the Kronecker product of " + shapes(m, n) + " with blocks of " + k
                    + " columns needs intermediate blocks of " + intermediate + "·" + k
                    + " entries, more than a Java array holds");
        }
        return (int) need;
    }

    // ---- products ------------------------------------------------------------------------------

    /**
     * {@code y = A·x} through the factors, with a workspace the operator keeps between calls.
     *
     * @param x Input, length {@link #cols()}.
     * @param y Output, length {@link #rows()}; overwritten.
     * @throws IllegalArgumentException if a length is wrong (the message gives the operator's shape)
     */
    @Override
    public void apply(double[] x, double[] y) {
        checkVectors(x, y, false);
        Workspace w = takeSpare(1);
        run(forward, n, m, x, y, 1, w);
        spare.set(w);
    }

    /**
     * {@code y = A·x} in the caller's workspace; allocates nothing (on one thread).
     *
     * @param x    Input, length {@link #cols()}.
     * @param y    Output, length {@link #rows()}; overwritten.
     * @param work Workspace: from {@link #workspace(int)} (any block width), contents irrelevant
     * @throws IllegalArgumentException if a length is wrong or the workspace is too small
     */
    public void apply(double[] x, double[] y, Workspace work) {
        checkVectors(x, y, false);
        run(forward, n, m, x, y, 1, checkWorkspace(work, 1));
    }

    /**
     * {@code y = Aᵀ·x = (A₁ᵀ⊗…⊗A_dᵀ)·x} through the factors, with a workspace the operator keeps.
     *
     * @param x Input, length {@link #rows()}.
     * @param y Output, length {@link #cols()}; overwritten.
     * @throws IllegalArgumentException if a length is wrong
     */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        checkVectors(x, y, true);
        Workspace w = takeSpare(1);
        run(transposed, m, n, x, y, 1, w);
        spare.set(w);
    }

    /**
     * {@code y = Aᵀ·x} in the caller's workspace; allocates nothing (on one thread).
     *
     * @param x    Input, length {@link #rows()}.
     * @param y    Output, length {@link #cols()}; overwritten.
     * @param work Workspace: from {@link #workspace(int)}, contents irrelevant
     * @throws IllegalArgumentException if a length is wrong or the workspace is too small
     */
    public void applyTranspose(double[] x, double[] y, Workspace work) {
        checkVectors(x, y, true);
        run(transposed, m, n, x, y, 1, checkWorkspace(work, 1));
    }

    /**
     * {@code Y = A·X} for a row-major block of {@code k} columns: each column is multiplied by the
     * Kronecker product, all of them in the same sparse × dense products.
     *
     * @param x Input, {@code cols() × k} row-major.
     * @param y Output, {@code rows() × k} row-major; overwritten.
     * @param k block width, ≥ 0
     * @throws IllegalArgumentException if {@code k < 0} or a length is wrong
     */
    @Override
    public void applyBlock(double[] x, double[] y, int k) {
        checkBlocks(x, y, k, false);
        if (k > 0) {
            Workspace w = takeSpare(k);
            run(forward, n, m, x, y, k, w);
            spare.set(w);
        }
    }

    /**
     * {@code Y = A·X} in the caller's workspace; allocates nothing (on one thread).
     *
     * @param x    Input, {@code cols() × k} row-major.
     * @param y    Output, {@code rows() × k} row-major; overwritten.
     * @param k    block width, ≥ 0
     * @param work Workspace: from {@link #workspace(int)} with a width of at least k
     * @throws IllegalArgumentException if {@code k < 0}, a length is wrong or the workspace is too small
     */
    public void applyBlock(double[] x, double[] y, int k, Workspace work) {
        checkBlocks(x, y, k, false);
        if (k > 0) {
            run(forward, n, m, x, y, k, checkWorkspace(work, k));
        }
    }

    /**
     * {@code Y = Aᵀ·X} for a row-major block of {@code k} columns.
     *
     * @param x Input, {@code rows() × k} row-major.
     * @param y Output, {@code cols() × k} row-major; overwritten.
     * @param k block width, ≥ 0
     * @throws IllegalArgumentException if {@code k < 0} or a length is wrong
     */
    @Override
    public void applyTransposeBlock(double[] x, double[] y, int k) {
        checkBlocks(x, y, k, true);
        if (k > 0) {
            Workspace w = takeSpare(k);
            run(transposed, m, n, x, y, k, w);
            spare.set(w);
        }
    }

    /**
     * {@code Y = Aᵀ·X} in the caller's workspace; allocates nothing (on one thread).
     *
     * @param x    Input, {@code rows() × k} row-major.
     * @param y    Output, {@code cols() × k} row-major; overwritten.
     * @param k    block width, ≥ 0
     * @param work Workspace: from {@link #workspace(int)} with a width of at least k
     * @throws IllegalArgumentException if {@code k < 0}, a length is wrong or the workspace is too small
     */
    public void applyTransposeBlock(double[] x, double[] y, int k, Workspace work) {
        checkBlocks(x, y, k, true);
        if (k > 0) {
            run(transposed, m, n, x, y, k, checkWorkspace(work, k));
        }
    }

    /**
     * The product as a dense {@code ∏M_k × ∏N_k} matrix, for small cases (tests, baselines such as
     * classic SBL): built factor by factor, {@code kron(kron(A₁, A₂), A₃)}, O(rows·cols) work.
     *
     * @return a new dense matrix
     * @throws IllegalStateException if it would have more than {@link #TO_DENSE_MAX_ENTRIES} entries
     *     (the message gives its size)
     */
    public DenseMatrix toDense() {
        long entries = (long) rows * cols;
        if (entries > TO_DENSE_MAX_ENTRIES) {
            throw new IllegalStateException("the Kronecker product of " + shapes(m, n) + " is " + rows + "×" + cols
                    + " (" + entries + " entries, " + (entries * Double.BYTES >> 20) + " MB), more than the "
                    + TO_DENSE_MAX_ENTRIES + " entries it is formed densely for; apply it through its factors instead");
        }
        double[] k = factors[0].toDense().data().clone();
        int kr = m[0];
        int kc = n[0];
        for (int f = 1; f < factors.length; f++) {
            double[] b = factors[f].toDense().data();
            k = kron(k, kr, kc, b, m[f], n[f]);
            kr *= m[f];
            kc *= n[f];
        }
        return new DenseMatrix(rows, cols, k);
    }

    /** "Kronecker operator 8×15 ⊗ 12×15 ⊗ 15×15 (1440×3375)". */
    @Override
    public String toString() {
        return "Kronecker operator " + shapes(m, n) + " (" + Checks.shape(rows, cols) + ")";
    }

    // ---- the kernel ----------------------------------------------------------------------------

    /**
     * {@code y = (F₁⊗…⊗F_d)·x} for blocks of b columns, where {@code F_k = f[k]} is
     * {@code out[k] × in[k]}: the shuffle loop of the class comment. Step k reads the current block
     * ({@code in[k] × R_k·b}, row-major), multiplies it by {@code F_k} into a free buffer
     * ({@code out[k] × R_k·b}), then moves its leading index behind the others; the move is skipped when
     * it is the identity ({@code out[k] = 1} or {@code R_k = 1}), and the last step lands in y.
     */
    private static void run(CsrMatrix[] f, int[] in, int[] out, double[] x, double[] y, int b, Workspace w) {
        long inTotal = 1;
        long outTotal = 1;
        for (int k = 0; k < f.length; k++) {
            inTotal *= in[k];
            outTotal *= out[k];
        }
        if (outTotal == 0) {
            return;
        }
        if (inTotal == 0) {
            Arrays.fill(y, 0, (int) outTotal * b, 0.0); // a product with no columns: y = 0
            return;
        }
        double[] cur = x;
        long size = inTotal; // entries of the current block per column of the b
        for (int k = 0; k < f.length; k++) {
            int rest = (int) (size / in[k]); // R_k
            boolean last = k == f.length - 1;
            boolean move = out[k] > 1 && rest > 1;
            double[] free = cur == w.first ? w.second : w.first;
            double[] target = move ? free : last ? y : free;
            CsrMatrix a = f[k];
            int width = rest * b;
            Spmm.apply(a.rows(), a.rowPointers(), a.columnIndices(), a.values(), cur, target, width,
                    Spmv.defaultThreads((long) a.nnz() * width)); // (F_k X)(r, :) = Σ_i F_k(r, i) X(i, :)
            if (move) {
                double[] moved = last ? y : free == w.first ? w.second : w.first;
                moveLeadingIndex(target, moved, out[k], rest, b);
                target = moved;
            }
            cur = target;
            size = (long) out[k] * rest;
        }
    }

    /**
     * {@code dst(j, i, :) = src(i, j, :)} for an {@code outer × inner × b} row-major block: the leading
     * index moves behind the middle one, the last (the block column) stays.
     */
    private static void moveLeadingIndex(double[] src, double[] dst, int outer, int inner, int b) {
        if (b == 1) {
            for (int i = 0; i < outer; i++) {
                int s = i * inner;
                for (int j = 0; j < inner; j++) {
                    dst[j * outer + i] = src[s + j]; // dst(j, i) = src(i, j)
                }
            }
            return;
        }
        for (int i = 0; i < outer; i++) {
            for (int j = 0; j < inner; j++) {
                System.arraycopy(src, (i * inner + j) * b, dst, (j * outer + i) * b, b);
            }
        }
    }

    /** {@code kron(A, B)} of row-major arrays: {@code K(i·bm + p, j·bn + q) = A(i, j)·B(p, q)}. */
    private static double[] kron(double[] a, int am, int an, double[] b, int bm, int bn) {
        int kc = an * bn;
        double[] k = new double[am * bm * kc];
        for (int i = 0; i < am; i++) {
            for (int j = 0; j < an; j++) {
                double aij = a[i * an + j];
                if (aij == 0.0) {
                    continue; // k is zero there already
                }
                for (int p = 0; p < bm; p++) {
                    int row = (i * bm + p) * kc + j * bn;
                    int bp = p * bn;
                    for (int q = 0; q < bn; q++) {
                        k[row + q] = aij * b[bp + q];
                    }
                }
            }
        }
        return k;
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The longest block after a step of the shuffle loop from sizes {@code in} to {@code out}. */
    private static long longestStep(int[] in, int[] out) {
        long longest = 0;
        for (int k = 0; k < in.length; k++) {
            long size = 1;
            for (int j = 0; j <= k; j++) {
                size *= out[j];
            }
            for (int j = k + 1; j < in.length; j++) {
                size *= in[j];
            }
            longest = Math.max(longest, size);
        }
        return in.length == 1 ? 0 : longest; // one factor goes straight from x to y
    }

    /**
     * The spare workspace, taken so that a concurrent call makes its own, or a new one when it is taken
     * or too small for blocks of k columns; the caller puts it back with {@code spare.set} after use.
     */
    private Workspace takeSpare(int k) {
        Workspace w = spare.getAndSet(null);
        return w == null || w.capacity() < bufferLength(k) ? workspace(k) : w;
    }

    private Workspace checkWorkspace(Workspace work, int k) {
        Checks.checkNotNull(work, "the workspace");
        int need = bufferLength(k);
        if (work.capacity() < need) {
            throw new IllegalArgumentException("the workspace holds " + 2L * work.capacity() + " doubles but the "
                    + toString() + " needs " + 2L * need + " for blocks of " + k
                    + " columns (make it with workspace(" + k + "))");
        }
        return work;
    }

    private void checkVectors(double[] x, double[] y, boolean transpose) {
        String op = transpose ? "Aᵀ·x" : "A·x";
        Checks.checkLength("x", x, transpose ? rows : cols, "the Kronecker operator", rows, cols,
                (transpose ? "its row count" : "its column count") + ", for " + op);
        Checks.checkLength("y", y, transpose ? cols : rows, "the Kronecker operator", rows, cols,
                (transpose ? "its column count" : "its row count") + ", for " + op);
    }

    private void checkBlocks(double[] x, double[] y, int k, boolean transpose) {
        if (k < 0) {
            throw new IllegalArgumentException("the block width k must be ≥ 0, got " + k);
        }
        String op = transpose ? "Aᵀ·X" : "A·X";
        Checks.checkBlock("X", x, transpose ? rows : cols, k, "the Kronecker operator", rows, cols, op);
        Checks.checkBlock("Y", y, transpose ? cols : rows, k, "the Kronecker operator", rows, cols, op);
    }

    private static String shapes(int[] m, int[] n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < m.length; k++) {
            s.append(k == 0 ? "" : " ⊗ ").append(Checks.shape(m[k], n[k]));
        }
        return s.toString();
    }

    private static String product(int[] sizes) {
        java.math.BigInteger p = java.math.BigInteger.ONE;
        for (int s : sizes) {
            p = p.multiply(java.math.BigInteger.valueOf(s));
        }
        return p.toString();
    }
}
