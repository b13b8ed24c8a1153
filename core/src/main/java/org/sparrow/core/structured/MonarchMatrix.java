package org.sparrow.core.structured;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;

/**
 * A Monarch matrix {@code M = P·L·Pᵀ·R} (Dao et al., "Monarch: Expressive Structured Matrices for Efficient and
 * Accurate Training", ICML 2022, arXiv 2204.00595, §3): two block-diagonal factors with the
 * reshape-transpose permutation P between them, as a {@link LinearOperator} that is never formed.
 *
 * <p><b>Shapes.</b> {@code b} blocks, with b dividing both the row count and the column count; {@code p = cols/b},
 * {@code q = rows/b}. {@code R = diag(R_0, …, R_{b−1})} has b rectangular blocks of {@code q × p} (so R is
 * {@code rows × cols}); {@code L = diag(L_0, …, L_{q−1})} has q square blocks of {@code b × b} (so L is
 * {@code rows × rows}); P is the permutation of {@code 0..rows−1} that reads an index as a {@code b × q} row-major
 * pair {@code (ℓ, j)} and writes it as the {@code q × b} pair {@code (j, ℓ)}. These are the shapes of the reference
 * code's {@code blockdiag_butterfly_multiply} (HazyResearch/fly: its first factor has
 * {@code nblocks} blocks of {@code q × p}, its second {@code q} blocks of {@code nblocks × nblocks} when the output
 * size is {@code nblocks·q}); no other shapes (b ∤ rows or b ∤ cols, non-square L blocks) are supported. The
 * paper's square Monarch of size {@code n = m²} is {@code b = m}, {@code p = q = m}.
 *
 * <p><b>Index convention</b> (0-based): with {@code ℓ < b}, {@code j < q}, {@code k < b}, {@code i < p},
 * <pre>
 *   M[ℓ·q + j, k·p + i] = L_{j,ℓ,k} · R_{k,j,i}
 * </pre>
 * (the paper's {@code A[(ℓ−1)m + j, (k−1)m + i] = L_{jℓk}·R_{kji}} for n = m², written 0-based). Storage:
 * {@code right[(k·q + j)·p + i] = R_{k,j,i}} (block k of R row-major) and {@code left[(j·b + ℓ)·b + k] = L_{j,ℓ,k}}
 * (block j of L row-major). So each entry of M is one product, and for fixed (j, k) the {@code b × p} slice
 * {@code S_{jk}[ℓ, i] = M[ℓ·q + j, k·p + i]} is the rank-one matrix {@code L_{j,·,k}·R_{k,j,·}ᵀ} — which is why
 * {@link #project(DenseMatrix, int)} has a closed form.
 *
 * <p><b>Products.</b> {@code y = M·x} is two batched small GEMMs: {@code t_k = R_k·x_k} for every block k
 * ({@code q·p} multiply-adds each), then {@code y[ℓ·q + j] = Σ_k L_{j,ℓ,k}·t_k[j]}; the permutations are folded
 * into the indexing. The operator keeps L in the order {@code (ℓ, k, j)}, so the second step is, for each ℓ, a sum
 * over k of elementwise products of contiguous length-q vectors, and no step moves data for the permutation. A
 * product costs {@code rows·(p + b)} multiply-adds per column — {@code 2·n^1.5} for the square case with
 * {@code b = √n}, against {@code n²} for a dense matrix. {@code Mᵀ·x} runs the same two steps backwards. A block of
 * k columns (row-major) carries its column index innermost, so every inner loop runs over k contiguous entries.
 * Both steps split over blocks (k, then ℓ) and run on {@link Parallelism}'s threads when {@link Par} says so; each
 * output entry is summed in a fixed order, so the result is bit-identical for every thread count.
 *
 * <p>The intermediate {@code t} lives in a {@link Workspace} of {@code rows·k} doubles ({@link #workspace(int)});
 * the forms that take one allocate nothing on one thread. The forms without one reuse a spare the operator keeps
 * (taken atomically, as {@link KroneckerOperator} does). The class is immutable apart from that spare and safe to
 * share between threads; the arrays given to the constructor are copied.
 */
public final class MonarchMatrix implements LinearOperator {

    /** The most entries {@link #toDense()} forms: {@value} (256 MB of doubles). */
    public static final long TO_DENSE_MAX_ENTRIES = 1L << 25;

    private final int rows;
    private final int cols;
    private final int b;
    private final int p;
    private final int q;
    /** R in the contract layout: {@code right[(k·q + j)·p + i] = R_{k,j,i}}. */
    private final double[] right;
    /** L in the kernel's layout: {@code lp[(ℓ·b + k)·q + j] = L_{j,ℓ,k}}. */
    private final double[] lp;
    private final AtomicReference<Workspace> spare = new AtomicReference<>();

    /**
     * The Monarch matrix with the given factors, in the storage of the class comment (both arrays are copied).
     *
     * @param rows   the row count, a multiple of {@code blocks}, ≥ 0
     * @param cols   the column count, a multiple of {@code blocks}, ≥ 0
     * @param blocks the block count b ≥ 1
     * @param left   Input: L, length {@code (rows/b)·b·b}, {@code left[(j·b + ℓ)·b + k] = L_{j,ℓ,k}}
     * @param right  Input: R, length {@code b·(rows/b)·(cols/b)}, {@code right[(k·q + j)·p + i] = R_{k,j,i}}
     * @throws IllegalArgumentException if b does not divide both dimensions, a length is wrong, or an entry is
     *     not finite (one sentence with the shapes)
     */
    public MonarchMatrix(int rows, int cols, int blocks, double[] left, double[] right) {
        checkShape(rows, cols, blocks, "a Monarch matrix");
        this.rows = rows;
        this.cols = cols;
        this.b = blocks;
        this.p = cols / blocks;
        this.q = rows / blocks;
        long leftLength = (long) q * b * b;
        long rightLength = (long) b * q * p;
        Checks.checkNotNull(left, "the left factor L");
        Checks.checkNotNull(right, "the right factor R");
        if (left.length != leftLength) {
            throw new IllegalArgumentException("the left factor L of a " + Checks.shape(rows, cols) + " Monarch matrix with "
                    + b + " blocks has " + q + " blocks of " + b + "×" + b + ", so it needs " + leftLength
                    + " entries, got " + left.length);
        }
        if (right.length != rightLength) {
            throw new IllegalArgumentException("the right factor R of a " + Checks.shape(rows, cols)
                    + " Monarch matrix with " + b + " blocks has " + b + " blocks of " + q + "×" + p
                    + ", so it needs " + rightLength + " entries, got " + right.length);
        }
        Checks.checkFinite(left, "Monarch matrix: ", "L");
        Checks.checkFinite(right, "Monarch matrix: ", "R");
        this.right = right.clone();
        this.lp = new double[left.length];
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < b; l++) {
                for (int k = 0; k < b; k++) {
                    lp[(l * b + k) * q + j] = left[(j * b + l) * b + k];
                }
            }
        }
    }

    /**
     * A Monarch matrix whose factor entries are independent standard normal draws from
     * {@link SplittableRandom}{@code (seed)}: first L in storage order, then R.
     *
     * @param rows   row count, a multiple of {@code blocks}
     * @param cols   column count, a multiple of {@code blocks}
     * @param blocks b ≥ 1
     * @param seed   the seed; the same seed gives the same matrix
     * @return the matrix
     * @throws IllegalArgumentException as the constructor
     */
    public static MonarchMatrix random(int rows, int cols, int blocks, long seed) {
        checkShape(rows, cols, blocks, "a Monarch matrix");
        int qq = rows / blocks;
        int pp = cols / blocks;
        double[] left = new double[Checks.checkedArrayLength((long) qq * blocks * blocks, "the left factor L")];
        double[] right = new double[Checks.checkedArrayLength((long) blocks * qq * pp, "the right factor R")];
        SplittableRandom r = new SplittableRandom(seed);
        fillGaussian(r, left);
        fillGaussian(r, right);
        return new MonarchMatrix(rows, cols, blocks, left, right);
    }

    /** Standard normal draws by the polar method (Marsaglia and Bray 1964), two per accepted pair. */
    private static void fillGaussian(SplittableRandom r, double[] a) {
        int i = 0;
        while (i < a.length) {
            double u = 2 * r.nextDouble() - 1;
            double v = 2 * r.nextDouble() - 1;
            double s = u * u + v * v;
            if (s >= 1 || s == 0) {
                continue;
            }
            double f = Math.sqrt(-2 * Math.log(s) / s);
            a[i++] = u * f;
            if (i < a.length) {
                a[i++] = v * f;
            }
        }
    }

    /** The row count {@code b·q}. */
    @Override
    public int rows() {
        return rows;
    }

    /** The column count {@code b·p}. */
    @Override
    public int cols() {
        return cols;
    }

    /** {@return the block count b (blocks of R; also the size of each square block of L)} */
    public int blocks() {
        return b;
    }

    /** {@return the number of stored parameters, {@code left().length + right().length = q·b·(b + p)}} */
    public long parameterCount() {
        return (long) lp.length + right.length;
    }

    /** {@return L in the storage of the class comment, {@code left[(j·b + ℓ)·b + k] = L_{j,ℓ,k}} (a copy)} */
    public double[] left() {
        double[] left = new double[lp.length];
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < b; l++) {
                for (int k = 0; k < b; k++) {
                    left[(j * b + l) * b + k] = lp[(l * b + k) * q + j];
                }
            }
        }
        return left;
    }

    /** {@return R in the storage of the class comment, {@code right[(k·q + j)·p + i] = R_{k,j,i}} (a copy)} */
    public double[] right() {
        return right.clone();
    }

    /**
     * L itself as a block-diagonal {@code rows × rows} sparse matrix (the permutations P, Pᵀ are not applied):
     * entry {@code (j·b + ℓ, j·b + k)} is {@code L_{j,ℓ,k}}. Every entry of every block is stored, zeros included,
     * so the block structure shows.
     *
     * @return a new CSR matrix with {@code q·b²} stored entries
     */
    public CsrMatrix leftFactor() {
        int[] rp = new int[rows + 1];
        int[] ci = new int[lp.length];
        double[] v = new double[lp.length];
        int e = 0;
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < b; l++) {
                int row = j * b + l;
                for (int k = 0; k < b; k++) {
                    ci[e] = j * b + k;
                    v[e++] = lp[(l * b + k) * q + j];
                }
                rp[row + 1] = e;
            }
        }
        return new CsrMatrix(rows, rows, rp, ci, v);
    }

    /**
     * R as a block-diagonal {@code rows × cols} sparse matrix: entry {@code (k·q + j, k·p + i)} is
     * {@code R_{k,j,i}}, every entry of every block stored.
     *
     * @return a new CSR matrix with {@code b·q·p} stored entries
     */
    public CsrMatrix rightFactor() {
        int[] rp = new int[rows + 1];
        int[] ci = new int[right.length];
        double[] v = right.clone();
        int e = 0;
        for (int k = 0; k < b; k++) {
            for (int j = 0; j < q; j++) {
                for (int i = 0; i < p; i++) {
                    ci[e++] = k * p + i;
                }
                rp[k * q + j + 1] = e;
            }
        }
        return new CsrMatrix(rows, cols, rp, ci, v);
    }

    /**
     * M as a dense matrix, entry by entry from the index convention; for small cases (tests, baselines).
     *
     * @return a new {@code rows × cols} dense matrix
     * @throws IllegalStateException if it would have more than {@link #TO_DENSE_MAX_ENTRIES} entries
     */
    public DenseMatrix toDense() {
        long entries = (long) rows * cols;
        if (entries > TO_DENSE_MAX_ENTRIES) {
            throw new IllegalStateException("the " + Checks.shape(rows, cols) + " Monarch matrix has " + entries
                    + " entries (" + (entries * Double.BYTES >> 20) + " MB), more than the " + TO_DENSE_MAX_ENTRIES
                    + " it is formed densely for; apply it through its factors instead");
        }
        double[] d = new double[(int) entries];
        for (int l = 0; l < b; l++) {
            for (int j = 0; j < q; j++) {
                int row = (l * q + j) * cols;
                for (int k = 0; k < b; k++) {
                    double lv = lp[(l * b + k) * q + j];
                    int r = (k * q + j) * p;
                    int c = row + k * p;
                    for (int i = 0; i < p; i++) {
                        d[c + i] = lv * right[r + i];
                    }
                }
            }
        }
        return new DenseMatrix(rows, cols, d);
    }

    /** "Monarch matrix 4096×4096, 64 blocks (L: 64 blocks of 64×64, R: 64 blocks of 64×64)". */
    @Override
    public String toString() {
        return "Monarch matrix " + Checks.shape(rows, cols) + ", " + b + (b == 1 ? " block" : " blocks") + " (L: " + q
                + " blocks of " + b + "×" + b + ", R: " + b + " blocks of " + q + "×" + p + ")";
    }

    // ---- the optimal projection ----------------------------------------------------------------

    /**
     * The Monarch matrix with b blocks nearest to {@code a} in the Frobenius norm (Theorem 1 of Dao et al.;
     * {@link MonarchProjection} describes the method), on the threads {@link Par#AUTO} chooses.
     *
     * @param a      Input: the dense matrix, finite, b dividing both dimensions
     * @param blocks b ≥ 1
     * @return the projection, with ‖A − M‖_F/‖A‖_F and the time taken
     * @throws IllegalArgumentException if b does not divide both dimensions (the message prints the shapes), or
     *     an entry of {@code a} is not finite
     */
    public static MonarchProjection project(DenseMatrix a, int blocks) {
        return MonarchProjection.of(a, blocks, Par.AUTO);
    }

    /**
     * {@link #project(DenseMatrix, int)} with a chosen parallelism (the result does not depend on it).
     *
     * @param a      Input: the dense matrix
     * @param blocks b ≥ 1
     * @param par    how parallel
     * @return the projection
     */
    public static MonarchProjection project(DenseMatrix a, int blocks, Par par) {
        return MonarchProjection.of(a, blocks, par);
    }

    // ---- workspace -----------------------------------------------------------------------------

    /**
     * Scratch memory for the products of one Monarch matrix (or of any whose {@link #workspaceLength(int)} is no
     * larger): the intermediate {@code t = R·x}. Not thread-safe: one workspace per concurrent caller.
     */
    public static final class Workspace {

        private final double[] t;

        private Workspace(int length) {
            t = new double[length];
        }
    }

    /**
     * The doubles a workspace for blocks of {@code k} columns holds: {@code rows·k}.
     *
     * @param k block width, ≥ 1 (1 for vectors)
     * @return the length
     * @throws IllegalArgumentException if {@code k < 1} or the buffer would exceed a Java array
     */
    public long workspaceLength(int k) {
        return bufferLength(k);
    }

    /**
     * A workspace for the products with blocks of up to {@code k} columns.
     *
     * @param k the widest block it will serve, ≥ 1
     * @return a new workspace of {@link #workspaceLength(int)} doubles
     * @throws IllegalArgumentException if {@code k < 1} or the buffer would exceed a Java array
     */
    public Workspace workspace(int k) {
        return new Workspace(bufferLength(k));
    }

    private int bufferLength(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a workspace's block width must be ≥ 1, got " + k);
        }
        return Checks.checkedArrayLength((long) rows * k, "the workspace of the " + this + " for blocks of " + k
                + " columns");
    }

    private Workspace takeSpare(int k) {
        Workspace w = spare.getAndSet(null);
        return w == null || w.t.length < bufferLength(k) ? workspace(k) : w;
    }

    private double[] checkWorkspace(Workspace work, int k) {
        Checks.checkNotNull(work, "the workspace");
        int need = bufferLength(k);
        if (work.t.length < need) {
            throw new IllegalArgumentException("the workspace holds " + work.t.length + " doubles but the " + this
                    + " needs " + need + " for blocks of " + k + " columns (make it with workspace(" + k + "))");
        }
        return work.t;
    }

    // ---- products ------------------------------------------------------------------------------

    /**
     * {@code y = M·x}, with a workspace the operator keeps, threaded as {@link Par#AUTO} decides.
     *
     * @param x Input, length {@link #cols()}.
     * @param y Output, length {@link #rows()}; overwritten.
     * @throws IllegalArgumentException if a length is wrong
     */
    @Override
    public void apply(double[] x, double[] y) {
        checkBlocks(x, y, 1, false);
        Workspace w = takeSpare(1);
        forward(x, y, 1, w.t, threads(Par.AUTO, 1));
        spare.set(w);
    }

    /**
     * {@code y = M·x} in the caller's workspace; allocates nothing on one thread.
     *
     * @param x    Input, length {@link #cols()}.
     * @param y    Output, length {@link #rows()}; overwritten.
     * @param work Workspace from {@link #workspace(int)}; contents irrelevant
     * @param par  how parallel
     * @throws IllegalArgumentException if a length is wrong or the workspace is too small
     */
    public void apply(double[] x, double[] y, Workspace work, Par par) {
        checkBlocks(x, y, 1, false);
        forward(x, y, 1, checkWorkspace(work, 1), threads(par, 1));
    }

    /**
     * {@code y = Mᵀ·x}, with a workspace the operator keeps, threaded as {@link Par#AUTO} decides.
     *
     * @param x Input, length {@link #rows()}.
     * @param y Output, length {@link #cols()}; overwritten.
     * @throws IllegalArgumentException if a length is wrong
     */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        checkBlocks(x, y, 1, true);
        Workspace w = takeSpare(1);
        backward(x, y, 1, w.t, threads(Par.AUTO, 1));
        spare.set(w);
    }

    /**
     * {@code y = Mᵀ·x} in the caller's workspace; allocates nothing on one thread.
     *
     * @param x    Input, length {@link #rows()}.
     * @param y    Output, length {@link #cols()}; overwritten.
     * @param work Workspace from {@link #workspace(int)}; contents irrelevant
     * @param par  how parallel
     * @throws IllegalArgumentException if a length is wrong or the workspace is too small
     */
    public void applyTranspose(double[] x, double[] y, Workspace work, Par par) {
        checkBlocks(x, y, 1, true);
        backward(x, y, 1, checkWorkspace(work, 1), threads(par, 1));
    }

    /**
     * {@code Y = M·X} for a row-major block of k columns, with a workspace the operator keeps.
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
            forward(x, y, k, w.t, threads(Par.AUTO, k));
            spare.set(w);
        }
    }

    /**
     * {@code Y = M·X} in the caller's workspace; allocates nothing on one thread.
     *
     * @param x    Input, {@code cols() × k} row-major.
     * @param y    Output, {@code rows() × k} row-major; overwritten.
     * @param k    block width, ≥ 0
     * @param work Workspace from {@link #workspace(int)} with a width of at least k
     * @param par  how parallel
     * @throws IllegalArgumentException if {@code k < 0}, a length is wrong or the workspace is too small
     */
    public void applyBlock(double[] x, double[] y, int k, Workspace work, Par par) {
        checkBlocks(x, y, k, false);
        if (k > 0) {
            forward(x, y, k, checkWorkspace(work, k), threads(par, k));
        }
    }

    /**
     * {@code Y = Mᵀ·X} for a row-major block of k columns, with a workspace the operator keeps.
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
            backward(x, y, k, w.t, threads(Par.AUTO, k));
            spare.set(w);
        }
    }

    /**
     * {@code Y = Mᵀ·X} in the caller's workspace; allocates nothing on one thread.
     *
     * @param x    Input, {@code rows() × k} row-major.
     * @param y    Output, {@code cols() × k} row-major; overwritten.
     * @param k    block width, ≥ 0
     * @param work Workspace from {@link #workspace(int)} with a width of at least k
     * @param par  how parallel
     * @throws IllegalArgumentException if {@code k < 0}, a length is wrong or the workspace is too small
     */
    public void applyTransposeBlock(double[] x, double[] y, int k, Workspace work, Par par) {
        checkBlocks(x, y, k, true);
        if (k > 0) {
            backward(x, y, k, checkWorkspace(work, k), threads(par, k));
        }
    }

    private int threads(Par par, int k) {
        return Parallelism.threads(par, parameterCount() * k);
    }

    // ---- the kernels ---------------------------------------------------------------------------

    /** {@code y = M·x} for blocks of K columns: t_k = R_k·x_k for every k, then y_ℓ = Σ_k diag(L_{·,ℓ,k})·t_k. */
    private void forward(double[] x, double[] y, int kk, double[] t, int threads) {
        if (rows == 0) {
            return;
        }
        if (threads <= 1 || b == 1) {
            for (int k = 0; k < b; k++) {
                rightBlock(x, t, k, kk);
            }
            for (int l = 0; l < b; l++) {
                leftRow(t, y, l, kk);
            }
            return;
        }
        Parallelism.forEachTask(threads, b, k -> rightBlock(x, t, k, kk));
        Parallelism.forEachTask(threads, b, l -> leftRow(t, y, l, kk));
    }

    /** {@code y = Mᵀ·x}: t_k = Σ_ℓ diag(L_{·,ℓ,k})·x_ℓ for every k, then y_k = R_kᵀ·t_k. */
    private void backward(double[] x, double[] y, int kk, double[] t, int threads) {
        if (cols == 0) {
            return;
        }
        if (rows == 0) {
            Arrays.fill(y, 0, cols * kk, 0.0);
            return;
        }
        if (threads <= 1 || b == 1) {
            for (int k = 0; k < b; k++) {
                leftColumn(x, t, k, kk);
                rightTransposeBlock(t, y, k, kk);
            }
            return;
        }
        Parallelism.forEachTask(threads, b, k -> {
            leftColumn(x, t, k, kk);
            rightTransposeBlock(t, y, k, kk);
        });
    }

    /** {@code t[(k·q + j)·K + c] = Σ_i R_{k,j,i}·x[(k·p + i)·K + c]}: block k of R times block k of x. */
    private void rightBlock(double[] x, double[] t, int k, int kk) {
        int rBase = k * q * p;
        if (kk == 1) {
            int xo = k * p;
            for (int j = 0; j < q; j++) {
                t[k * q + j] = p == 0 ? 0.0 : Blas.dot(right, rBase + j * p, x, xo, p);
            }
            return;
        }
        for (int j = 0; j < q; j++) {
            int to = (k * q + j) * kk;
            Arrays.fill(t, to, to + kk, 0.0);
            int ro = rBase + j * p;
            int i = 0;
            for (; i + 1 < p; i += 2) { // two rows of x per pass over the row of t
                double r0 = right[ro + i];
                double r1 = right[ro + i + 1];
                int x0 = (k * p + i) * kk;
                int x1 = x0 + kk;
                for (int c = 0; c < kk; c++) {
                    t[to + c] += r0 * x[x0 + c] + r1 * x[x1 + c];
                }
            }
            if (i < p) {
                double r = right[ro + i];
                int xo = (k * p + i) * kk;
                for (int c = 0; c < kk; c++) {
                    t[to + c] += r * x[xo + c];
                }
            }
        }
    }

    /** {@code y[(ℓ·q + j)·K + c] = Σ_k L_{j,ℓ,k}·t[(k·q + j)·K + c]}: output block ℓ. */
    private void leftRow(double[] t, double[] y, int l, int kk) {
        int yo = l * q * kk;
        int len = q * kk;
        int lo = l * b * q;
        if (kk == 1) {
            // k = 0 assigns, then the rest accumulate two at a time (half the passes over y_ℓ).
            for (int j = 0; j < q; j++) {
                y[yo + j] = lp[lo + j] * t[j];
            }
            int k = 1;
            for (; k + 1 < b; k += 2) {
                int l0 = lo + k * q;
                int l1 = l0 + q;
                int t0 = k * q;
                int t1 = t0 + q;
                for (int j = 0; j < q; j++) {
                    y[yo + j] += lp[l0 + j] * t[t0 + j] + lp[l1 + j] * t[t1 + j];
                }
            }
            for (; k < b; k++) {
                int l0 = lo + k * q;
                int t0 = k * q;
                for (int j = 0; j < q; j++) {
                    y[yo + j] += lp[l0 + j] * t[t0 + j];
                }
            }
            return;
        }
        Arrays.fill(y, yo, yo + len, 0.0);
        int k = 0;
        for (; k + 1 < b; k += 2) { // two blocks of t per pass over y_ℓ
            int l0 = lo + k * q;
            int l1 = l0 + q;
            int t0 = k * q * kk;
            int t1 = t0 + q * kk;
            for (int j = 0; j < q; j++) {
                double s0 = lp[l0 + j];
                double s1 = lp[l1 + j];
                int yr = yo + j * kk;
                int tr = j * kk;
                for (int c = 0; c < kk; c++) {
                    y[yr + c] += s0 * t[t0 + tr + c] + s1 * t[t1 + tr + c];
                }
            }
        }
        if (k < b) {
            int l0 = lo + k * q;
            int to = k * q * kk;
            for (int j = 0; j < q; j++) {
                double s = lp[l0 + j];
                int yr = yo + j * kk;
                int tr = to + j * kk;
                for (int c = 0; c < kk; c++) {
                    y[yr + c] += s * t[tr + c];
                }
            }
        }
    }

    /** {@code t[(k·q + j)·K + c] = Σ_ℓ L_{j,ℓ,k}·x[(ℓ·q + j)·K + c]}: column k of every L block. */
    private void leftColumn(double[] x, double[] t, int k, int kk) {
        int to = k * q * kk;
        int len = q * kk;
        Arrays.fill(t, to, to + len, 0.0);
        if (kk == 1) {
            for (int l = 0; l < b; l++) {
                int l0 = (l * b + k) * q;
                int xo = l * q;
                for (int j = 0; j < q; j++) {
                    t[to + j] += lp[l0 + j] * x[xo + j];
                }
            }
            return;
        }
        int l = 0;
        for (; l + 1 < b; l += 2) { // two blocks of x per pass over t_k
            int l0 = (l * b + k) * q;
            int l1 = l0 + b * q;
            int x0 = l * q * kk;
            int x1 = x0 + q * kk;
            for (int j = 0; j < q; j++) {
                double s0 = lp[l0 + j];
                double s1 = lp[l1 + j];
                int tr = to + j * kk;
                int xr = j * kk;
                for (int c = 0; c < kk; c++) {
                    t[tr + c] += s0 * x[x0 + xr + c] + s1 * x[x1 + xr + c];
                }
            }
        }
        if (l < b) {
            int l0 = (l * b + k) * q;
            int xo = l * q * kk;
            for (int j = 0; j < q; j++) {
                double s = lp[l0 + j];
                int tr = to + j * kk;
                int xr = xo + j * kk;
                for (int c = 0; c < kk; c++) {
                    t[tr + c] += s * x[xr + c];
                }
            }
        }
    }

    /** {@code y[(k·p + i)·K + c] = Σ_j R_{k,j,i}·t[(k·q + j)·K + c]}: block k of Rᵀ times block k of t. */
    private void rightTransposeBlock(double[] t, double[] y, int k, int kk) {
        int yo = k * p * kk;
        Arrays.fill(y, yo, yo + p * kk, 0.0);
        int rBase = k * q * p;
        if (kk == 1) {
            for (int j = 0; j < q; j++) {
                double s = t[k * q + j];
                int ro = rBase + j * p;
                for (int i = 0; i < p; i++) {
                    y[yo + i] += s * right[ro + i];
                }
            }
            return;
        }
        int j = 0;
        for (; j + 1 < q; j += 2) { // two rows of t per pass over y_k
            int r0 = rBase + j * p;
            int r1 = r0 + p;
            int t0 = (k * q + j) * kk;
            int t1 = t0 + kk;
            for (int i = 0; i < p; i++) {
                double a0 = right[r0 + i];
                double a1 = right[r1 + i];
                int yr = yo + i * kk;
                for (int c = 0; c < kk; c++) {
                    y[yr + c] += a0 * t[t0 + c] + a1 * t[t1 + c];
                }
            }
        }
        if (j < q) {
            int ro = rBase + j * p;
            int tr = (k * q + j) * kk;
            for (int i = 0; i < p; i++) {
                double r = right[ro + i];
                int yr = yo + i * kk;
                for (int c = 0; c < kk; c++) {
                    y[yr + c] += r * t[tr + c];
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Refuses a block count that is not positive or does not divide both dimensions, in one sentence with the
     * shapes: "cannot make a 10×12 Monarch matrix with 4 blocks: the block count must divide both the row count
     * (10) and the column count (12)".
     */
    static void checkShape(int rows, int cols, int blocks, String what) {
        Checks.checkDimensions(rows, cols);
        if (blocks < 1) {
            throw new IllegalArgumentException("the block count of " + what + " must be ≥ 1, got " + blocks);
        }
        if (rows % blocks != 0 || cols % blocks != 0) {
            throw new IllegalArgumentException("cannot make " + what + " of shape " + Checks.shape(rows, cols)
                    + " with " + blocks + " blocks: the block count must divide both the row count (" + rows
                    + ") and the column count (" + cols + ")");
        }
    }

    private void checkBlocks(double[] x, double[] y, int k, boolean transpose) {
        if (k < 0) {
            throw new IllegalArgumentException("the block width k must be ≥ 0, got " + k);
        }
        String op = transpose ? "Mᵀ·X" : "M·X";
        Checks.checkBlock("X", x, transpose ? rows : cols, k, "the Monarch matrix", rows, cols, op);
        Checks.checkBlock("Y", y, transpose ? cols : rows, k, "the Monarch matrix", rows, cols, op);
    }
}
