package org.sparrow.core.gen;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * Matrices for tests, examples and scale studies, each defined exactly below and returned in
 * canonical CSR form (columns strictly increasing in every row).
 *
 * <ul>
 *   <li>{@link #poisson2d} and {@link #poisson3d}: finite-difference Laplacians on a grid (SPD, deterministic);</li>
 *   <li>{@link #random}: every entry present independently with a given probability, values uniform in [−1, 1);</li>
 *   <li>{@link #rmat}: R-MAT power-law graphs (Chakrabarti, Zhan, Faloutsos 2004), duplicates counted.</li>
 * </ul>
 *
 * <p><b>Reproducibility.</b> The random generators draw from {@link SplittableRandom}{@code (seed)}
 * in fixed blocks of work whose boundaries depend only on the arguments, never on the thread count:
 * the same arguments give a bit-identical matrix on 1 thread or 64, and on every run. (The streams
 * are part of this class's definition; a change to them is a change of the generated matrices and
 * is called out as such.)
 *
 * <p><b>Limits.</b> A result must fit a {@link CsrMatrix}: at most {@value #MAX_ENTRIES} stored
 * entries (the largest Java array). Every argument is checked first, and an impossible request is
 * refused with an {@link IllegalArgumentException} that says which limit and by how much, before
 * anything is allocated.
 */
public final class Generators {

    /** The most entries a generated matrix may hold: the largest array every JVM accepts. */
    public static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /** R-MAT probability of the top-left quadrant, as in Graph500 and the R-MAT paper's examples. */
    public static final double RMAT_A = 0.57;
    /** R-MAT probability of the top-right quadrant. */
    public static final double RMAT_B = 0.19;
    /** R-MAT probability of the bottom-left quadrant (the bottom-right one gets {@code 1 − a − b − c = 0.05}). */
    public static final double RMAT_C = 0.19;

    /** The largest R-MAT scale: 2^30 vertices. */
    public static final int RMAT_MAX_SCALE = 30;

    /** Edges per R-MAT work block; block {@code t} draws from the {@code t}-th split of the seed's generator. */
    static final int RMAT_EDGE_BLOCK = 1 << 16;
    /** Rows per task when rows are sorted and merged (any value gives the same matrix). */
    private static final int ROW_BLOCK = 1 << 12;
    /** Expected entries per {@link #random} block (the block size in rows follows from it and the density). */
    static final int RANDOM_BLOCK_ENTRIES = 1 << 16;
    /** The most rows in one {@link #random} block. */
    static final int RANDOM_MAX_BLOCK_ROWS = 4096;

    private Generators() {
    }

    /**
     * The 5-point finite-difference Laplacian on an {@code n × n} grid with Dirichlet boundaries
     * (the h² factor left out): {@code N = n²} unknowns in natural row-major order, grid point
     * {@code (r, c)} is unknown {@code k = r·n + c}, and
     * <pre>
     *   A(k, k) = 4,   A(k, k') = −1 for each grid neighbour k' of k (k ± 1 in the same grid row, k ± n),
     * </pre>
     * every other entry zero (not stored). Symmetric positive definite; {@code 5n² − 4n} stored
     * entries; rows of interior points sum to 0, boundary rows to 1 (edge) or 2 (corner).
     *
     * @param n Input: grid side, ≥ 1 (at most 20724, where {@code 5n² − 4n} reaches {@link #MAX_ENTRIES})
     * @return the {@code n² × n²} matrix, canonical
     * @throws IllegalArgumentException if {@code n < 1} or the matrix would be too large
     */
    public static CsrMatrix poisson2d(int n) {
        checkSide("poisson2d", n);
        checkEntries("poisson2d(" + n + ")", 5.0 * n * n - 4.0 * n);
        int rows = n * n;
        int nnz = 5 * rows - 4 * n;
        int[] rp = new int[rows + 1];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int k = r * n + c; // row k: −u(r−1,c) − u(r,c−1) + 4u(r,c) − u(r,c+1) − u(r+1,c)
                if (r > 0) {
                    ci[p] = k - n;
                    v[p++] = -1.0;
                }
                if (c > 0) {
                    ci[p] = k - 1;
                    v[p++] = -1.0;
                }
                ci[p] = k;
                v[p++] = 4.0;
                if (c < n - 1) {
                    ci[p] = k + 1;
                    v[p++] = -1.0;
                }
                if (r < n - 1) {
                    ci[p] = k + n;
                    v[p++] = -1.0;
                }
                rp[k + 1] = p;
            }
        }
        return new CsrMatrix(rows, rows, rp, ci, v);
    }

    /**
     * The 7-point finite-difference Laplacian on an {@code n × n × n} grid with Dirichlet
     * boundaries (the h² factor left out): {@code N = n³} unknowns, grid point {@code (z, y, x)} is
     * unknown {@code k = (z·n + y)·n + x}, and
     * <pre>
     *   A(k, k) = 6,   A(k, k') = −1 for each grid neighbour k' of k (k ± 1, k ± n, k ± n²),
     * </pre>
     * every other entry zero (not stored). Symmetric positive definite; {@code 7n³ − 6n²} stored
     * entries; rows of interior points sum to 0.
     *
     * @param n Input: grid side, ≥ 1 (at most 674, where {@code 7n³ − 6n²} reaches {@link #MAX_ENTRIES})
     * @return the {@code n³ × n³} matrix, canonical
     * @throws IllegalArgumentException if {@code n < 1} or the matrix would be too large
     */
    public static CsrMatrix poisson3d(int n) {
        checkSide("poisson3d", n);
        checkEntries("poisson3d(" + n + ")", 7.0 * n * n * n - 6.0 * n * n);
        int plane = n * n;
        int rows = plane * n;
        int nnz = 7 * rows - 6 * plane;
        int[] rp = new int[rows + 1];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int k = (z * n + y) * n + x; // 6u(k) − Σ of the six neighbours, in increasing column order
                    if (z > 0) {
                        ci[p] = k - plane;
                        v[p++] = -1.0;
                    }
                    if (y > 0) {
                        ci[p] = k - n;
                        v[p++] = -1.0;
                    }
                    if (x > 0) {
                        ci[p] = k - 1;
                        v[p++] = -1.0;
                    }
                    ci[p] = k;
                    v[p++] = 6.0;
                    if (x < n - 1) {
                        ci[p] = k + 1;
                        v[p++] = -1.0;
                    }
                    if (y < n - 1) {
                        ci[p] = k + n;
                        v[p++] = -1.0;
                    }
                    if (z < n - 1) {
                        ci[p] = k + plane;
                        v[p++] = -1.0;
                    }
                    rp[k + 1] = p;
                }
            }
        }
        return new CsrMatrix(rows, rows, rp, ci, v);
    }

    /**
     * {@link #random(int, int, double, long, int)} on {@link Parallelism#defaultThreads()} threads
     * (the thread count does not change the result).
     *
     * @param rows    Input: rows, ≥ 1
     * @param cols    Input: columns, ≥ 1
     * @param density Input: probability that an entry is present, in (0, 1]
     * @param seed    Input: the seed; every seed is valid
     * @return the {@code rows × cols} matrix, canonical
     * @throws IllegalArgumentException for a bad argument or a matrix too large
     */
    public static CsrMatrix random(int rows, int cols, double density, long seed) {
        return random(rows, cols, density, seed, Parallelism.defaultThreads());
    }

    /**
     * {@link #random(int, int, double, long, int)} as parallel as {@code par} says for the expected
     * {@code density·rows·cols} entries; the result does not depend on it.
     *
     * @param rows Input: rows, ≥ 1
     * @param cols Input: columns, ≥ 1
     * @param density Input: probability that an entry is present, in (0, 1]
     * @param seed Input: the seed; every seed is valid
     * @param par how parallel
     * @return the {@code rows × cols} matrix, canonical
     * @throws IllegalArgumentException as the thread-count form, or if {@code par} is null
     */
    public static CsrMatrix random(int rows, int cols, double density, long seed, Par par) {
        return random(rows, cols, density, seed, Parallelism.threads(par, (long) Math.min(Long.MAX_VALUE,
                Math.max(0.0, density) * rows * cols)));
    }

    /**
     * A random sparse matrix in which every one of the {@code rows·cols} entries is present
     * independently with probability {@code density} (a Bernoulli matrix: row {@code i} has
     * Binomial({@code cols}, {@code density}) entries at distinct, uniformly random columns, and
     * {@code nnz} is Binomial({@code rows·cols}, {@code density}), mean {@code density·rows·cols},
     * standard deviation {@code √(density·(1−density)·rows·cols)}). Each present entry's value is
     * uniform in [−1, 1) ({@link SplittableRandom#nextDouble(double, double)}).
     *
     * <p>Exactly how: the rows are cut into consecutive blocks of
     * {@code B = clamp(⌊65536 / max(1, density·cols)⌋, 1, 4096)} rows; block {@code t} draws from the
     * {@code t}-th {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}. Within a
     * block, row by row, the columns are visited by geometric skipping (O(entries), not O(cols)):
     * draw {@code u = nextDouble()}, skip {@code ⌊ln(1−u) / ln(1−density)⌋} columns, take the next
     * column and draw its value with {@code nextDouble(−1, 1)}, and repeat until past the last column.
     * With {@code density = 1} every column is taken and only the values are drawn. The result
     * depends only on the arguments before {@code threads}.
     *
     * @param rows    Input: rows, ≥ 1
     * @param cols    Input: columns, ≥ 1
     * @param density Input: probability that an entry is present, in (0, 1]
     * @param seed    Input: the seed; every seed is valid
     * @param threads Input: worker threads, ≥ 1 (1 runs on the caller's thread)
     * @return the {@code rows × cols} matrix, canonical
     * @throws IllegalArgumentException for a bad argument, or when {@code density·rows·cols} plus six
     *                                  standard deviations exceeds {@link #MAX_ENTRIES} (or, far less
     *                                  likely, the draw itself does)
     */
    public static CsrMatrix random(int rows, int cols, double density, long seed, int threads) {
        checkDimension("random", "rows", rows);
        checkDimension("random", "cols", cols);
        if (!(density > 0.0 && density <= 1.0)) {
            throw new IllegalArgumentException("random needs a density in (0, 1], got " + density);
        }
        Parallelism.checkThreads(threads);
        double mean = density * rows * cols;
        double bound = mean + 6.0 * Math.sqrt(mean * (1.0 - density));
        if (bound > MAX_ENTRIES) {
            throw new IllegalArgumentException("random(" + rows + ", " + cols + ", " + density + ") would hold about "
                    + count(mean) + " entries (density·rows·cols), more than a CsrMatrix holds (" + MAX_ENTRIES
                    + "); lower the density or the size");
        }
        double perRow = density * cols;
        int blockRows = (int) Math.max(1, Math.min(RANDOM_MAX_BLOCK_ROWS, Math.floor(RANDOM_BLOCK_ENTRIES / Math.max(1.0, perRow))));
        int blocks = (int) ((rows + (long) blockRows - 1) / blockRows);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int t = 0; t < blocks; t++) {
            streams[t] = root.split();
        }
        double logKeep = Math.log1p(-density); // ln(1 − density); −∞ when density = 1 (not used then)
        int[] rp = new int[rows + 1];
        Buffer[] parts = new Buffer[blocks];
        Parallelism.forEachTask(threads, blocks, t -> {
            SplittableRandom rng = streams[t];
            int lo = t * blockRows;
            int hi = (int) Math.min(rows, (long) lo + blockRows);
            double expected = perRow * (hi - lo);
            Buffer out = new Buffer((int) Math.min(MAX_ENTRIES, expected + 6.0 * Math.sqrt(expected) + 16.0));
            for (int i = lo; i < hi; i++) {
                int start = out.size;
                if (density == 1.0) {
                    for (int j = 0; j < cols; j++) {
                        out.add(j, rng.nextDouble(-1.0, 1.0));
                    }
                } else {
                    long j = -1; // last column taken
                    while (true) {
                        double skip = Math.floor(Math.log1p(-rng.nextDouble()) / logKeep); // ~ Geometric(density)
                        if (skip >= cols - 1 - j) {
                            break;
                        }
                        j += (long) skip + 1;
                        out.add((int) j, rng.nextDouble(-1.0, 1.0));
                    }
                }
                rp[i + 1] = out.size - start; // row counts for now
            }
            parts[t] = out;
        });
        long total = 0;
        for (int i = 0; i < rows; i++) {
            total += rp[i + 1];
            if (total > MAX_ENTRIES) {
                throw new IllegalArgumentException("random(" + rows + ", " + cols + ", " + density + ", " + seed
                        + ") drew more than " + MAX_ENTRIES + " entries, more than a CsrMatrix holds");
            }
            rp[i + 1] = (int) total;
        }
        int[] ci = new int[(int) total];
        double[] v = new double[(int) total];
        Parallelism.forEachTask(threads, blocks, t -> {
            Buffer part = parts[t];
            int at = rp[t * blockRows];
            System.arraycopy(part.cols, 0, ci, at, part.size);
            System.arraycopy(part.values, 0, v, at, part.size);
            parts[t] = null;
        });
        return new CsrMatrix(rows, cols, rp, ci, v);
    }

    /**
     * {@link #rmat(int, int, double, double, double, long, int)} with the Graph500 probabilities
     * {@code a = 0.57, b = 0.19, c = 0.19} ({@code d = 0.05}) on {@link Parallelism#defaultThreads()}
     * threads. Graph500 uses {@code edgeFactor = 16}.
     *
     * @param scale      Input: {@code log2} of the vertex count, in [1, 30]
     * @param edgeFactor Input: generated edges per vertex, ≥ 1
     * @param seed       Input: the seed; every seed is valid
     * @return the {@code 2^scale × 2^scale} matrix, canonical, values positive integers
     * @throws IllegalArgumentException for a bad argument or too many edges
     */
    public static CsrMatrix rmat(int scale, int edgeFactor, long seed) {
        return rmat(scale, edgeFactor, RMAT_A, RMAT_B, RMAT_C, seed, Parallelism.defaultThreads());
    }

    /**
     * {@link #rmat(int, int, double, double, double, long, int)} on {@link Parallelism#defaultThreads()}
     * threads (the thread count does not change the result).
     *
     * @param scale      Input: {@code log2} of the vertex count, in [1, 30]
     * @param edgeFactor Input: generated edges per vertex, ≥ 1
     * @param a          Input: top-left probability, in [0, 1]
     * @param b          Input: top-right probability, in [0, 1]
     * @param c          Input: bottom-left probability, in [0, 1]; {@code a + b + c ≤ 1}
     * @param seed       Input: the seed; every seed is valid
     * @return the {@code 2^scale × 2^scale} matrix, canonical, values positive integers
     * @throws IllegalArgumentException for a bad argument or too many edges
     */
    public static CsrMatrix rmat(int scale, int edgeFactor, double a, double b, double c, long seed) {
        return rmat(scale, edgeFactor, a, b, c, seed, Parallelism.defaultThreads());
    }

    /**
     * {@link #rmat(int, int, double, double, double, long, int)} as parallel as {@code par} says for
     * its {@code edgeFactor·2^scale} edges; the result does not depend on it.
     *
     * @param scale Input: {@code log2} of the vertex count, in [1, 30]
     * @param edgeFactor Input: generated edges per vertex, ≥ 1
     * @param a Input: top-left probability, in [0, 1]
     * @param b Input: top-right probability, in [0, 1]
     * @param c Input: bottom-left probability, in [0, 1]; {@code a + b + c ≤ 1}
     * @param seed Input: the seed; every seed is valid
     * @param par how parallel
     * @return the {@code 2^scale × 2^scale} matrix, canonical, values positive integers
     * @throws IllegalArgumentException as the thread-count form, or if {@code par} is null
     */
    public static CsrMatrix rmat(int scale, int edgeFactor, double a, double b, double c, long seed, Par par) {
        long edges = scale >= 1 && scale <= RMAT_MAX_SCALE ? (long) Math.max(edgeFactor, 0) << scale : 0;
        return rmat(scale, edgeFactor, a, b, c, seed, Parallelism.threads(par, edges));
    }

    /**
     * An R-MAT graph's adjacency matrix: D. Chakrabarti, Y. Zhan, C. Faloutsos, "R-MAT: A Recursive
     * Model for Graph Mining", SIAM International Conference on Data Mining (SDM) 2004. A power-law
     * (skewed-degree) matrix, the hard case for SpGEMM load balancing.
     *
     * <p>Definition: {@code n = 2^scale} vertices and {@code E = edgeFactor·2^scale} directed edges.
     * Each edge {@code (i, j)} is placed by descending {@code scale} times into one of the four
     * quadrants of the current square: top-left with probability {@code a}, top-right {@code b},
     * bottom-left {@code c}, bottom-right {@code d = 1 − a − b − c}; at level {@code ℓ = 1..scale} the
     * choice sets bit {@code scale − ℓ} of the row (bottom) and of the column (right). Each level
     * draws a 32-bit unsigned {@code u}: the low half of a fresh {@code nextLong()} at odd levels,
     * its high half at even levels (every edge starts with a fresh word); it picks {@code a} when
     * {@code u < ⌊a·2^32⌋}, else {@code b} when {@code u < ⌊(a+b)·2^32⌋}, else {@code c} when
     * {@code u < ⌊(a+b+c)·2^32⌋}, else {@code d}. Edges are generated in blocks of 65536; block
     * {@code t} draws from the {@code t}-th
     * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}. Then
     * {@code A(i, j)} = the number of edges generated from {@code i} to {@code j}: duplicates are
     * summed, so the values count multiplicities, {@code nnz ≤ E}, and the values sum to exactly
     * {@code E}. Self-loops are kept; the matrix is not symmetrized. Unlike the Graph500 reference
     * generator there is no noise on the probabilities and no vertex permutation, so low indices
     * get the high degrees (row 0 is the densest when {@code a + b > c + d}).
     *
     * @param scale      Input: {@code log2} of the vertex count, in [1, 30]
     * @param edgeFactor Input: generated edges per vertex, ≥ 1; {@code edgeFactor·2^scale} must not
     *                   exceed {@link #MAX_ENTRIES}
     * @param a          Input: top-left probability, in [0, 1]
     * @param b          Input: top-right probability, in [0, 1]
     * @param c          Input: bottom-left probability, in [0, 1]; {@code a + b + c ≤ 1}
     * @param seed       Input: the seed; every seed is valid
     * @param threads    Input: worker threads, ≥ 1 (1 runs on the caller's thread)
     * @return the {@code 2^scale × 2^scale} matrix, canonical, values positive integers
     * @throws IllegalArgumentException for a bad argument or too many edges
     */
    public static CsrMatrix rmat(int scale, int edgeFactor, double a, double b, double c, long seed, int threads) {
        if (scale < 1 || scale > RMAT_MAX_SCALE) {
            throw new IllegalArgumentException("rmat needs a scale in [1, " + RMAT_MAX_SCALE + "], got " + scale);
        }
        if (edgeFactor < 1) {
            throw new IllegalArgumentException("rmat needs an edge factor ≥ 1, got " + edgeFactor);
        }
        checkProbability("a", a);
        checkProbability("b", b);
        checkProbability("c", c);
        if (a + b + c > 1.0 + 1e-12) {
            throw new IllegalArgumentException("rmat needs a + b + c ≤ 1 (d = 1 − a − b − c), got a + b + c = " + (a + b + c));
        }
        Parallelism.checkThreads(threads);
        long edgeCount = (long) edgeFactor << scale;
        if (edgeCount > MAX_ENTRIES) {
            throw new IllegalArgumentException("rmat(" + scale + ", " + edgeFactor + ") generates edgeFactor·2^scale = "
                    + edgeCount + " edges, more than a CsrMatrix holds (" + MAX_ENTRIES
                    + "); lower the scale or the edge factor");
        }
        int n = 1 << scale;
        int edges = (int) edgeCount;
        // Quadrant thresholds on a 32-bit uniform u: a if u < ta, b if u < tab, c if u < tabc, else d.
        long ta = threshold(a);
        long tab = threshold(a + b);
        long tabc = threshold(a + b + c);
        int blocks = (edges + RMAT_EDGE_BLOCK - 1) / RMAT_EDGE_BLOCK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[blocks];
        for (int t = 0; t < blocks; t++) {
            streams[t] = root.split();
        }
        int[] er = new int[edges];
        int[] ec = new int[edges];
        Parallelism.forEachTask(threads, blocks, t -> {
            SplittableRandom rng = streams[t];
            int end = (int) Math.min(edges, (long) (t + 1) * RMAT_EDGE_BLOCK);
            for (int e = t * RMAT_EDGE_BLOCK; e < end; e++) {
                int i = 0;
                int j = 0;
                long word = 0;
                boolean fresh = true;
                for (int bit = n >>> 1; bit != 0; bit >>>= 1) { // one quadrant per level, top bit first
                    if (fresh) {
                        word = rng.nextLong();
                    }
                    long u = fresh ? word & 0xFFFF_FFFFL : word >>> 32; // low half, then high half
                    fresh = !fresh;
                    // Branch-free: row bit for c or d (u ≥ tab); column bit for b or d (an odd number of
                    // thresholds passed).
                    int geA = u >= ta ? bit : 0;
                    int geAb = u >= tab ? bit : 0;
                    int geAbc = u >= tabc ? bit : 0;
                    i |= geAb;
                    j |= geA ^ geAb ^ geAbc;
                }
                er[e] = i;
                ec[e] = j;
            }
        });
        // Counting sort of the edges by row (stable, in edge order), then sort and merge each row.
        int[] ep = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            ep[er[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            ep[i + 1] += ep[i];
        }
        int[] next = Arrays.copyOf(ep, n);
        int[] sortedCols = new int[edges];
        for (int e = 0; e < edges; e++) {
            sortedCols[next[er[e]]++] = ec[e];
        }
        return mergeDuplicateColumns(n, ep, sortedCols, threads);
    }

    /**
     * The canonical {@code n × n} CSR matrix whose entry {@code (i, j)} counts how often column
     * {@code j} appears among {@code cols[ptr[i] .. ptr[i+1])}; sorts those ranges in place.
     */
    private static CsrMatrix mergeDuplicateColumns(int n, int[] ptr, int[] cols, int threads) {
        int tasks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        int[] rp = new int[n + 1];
        Parallelism.forEachTask(threads, tasks, t -> {
            int end = Math.min(n, (t + 1) * ROW_BLOCK);
            for (int i = t * ROW_BLOCK; i < end; i++) {
                Arrays.sort(cols, ptr[i], ptr[i + 1]);
                int distinct = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    if (p == ptr[i] || cols[p] != cols[p - 1]) {
                        distinct++;
                    }
                }
                rp[i + 1] = distinct;
            }
        });
        for (int i = 0; i < n; i++) {
            rp[i + 1] += rp[i]; // ≤ edges ≤ MAX_ENTRIES, no overflow
        }
        int nnz = rp[n];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        Parallelism.forEachTask(threads, tasks, t -> {
            int end = Math.min(n, (t + 1) * ROW_BLOCK);
            for (int i = t * ROW_BLOCK; i < end; i++) {
                int q = rp[i] - 1;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    if (p == ptr[i] || cols[p] != cols[p - 1]) {
                        ci[++q] = cols[p];
                        v[q] = 1.0;
                    } else {
                        v[q] += 1.0; // a_ij = multiplicity of edge (i, j)
                    }
                }
            }
        });
        return new CsrMatrix(n, n, rp, ci, v);
    }

    /** {@code ⌊p·2^32⌋}, the threshold for probability {@code p} on a uniform 32-bit unsigned integer. */
    private static long threshold(double p) {
        return (long) Math.floor(p * 0x1p32);
    }

    private static void checkSide(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " needs a grid side n ≥ 1, got " + n);
        }
    }

    private static void checkDimension(String what, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " needs " + name + " ≥ 1, got " + value);
        }
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("rmat needs a probability " + name + " in [0, 1], got " + p);
        }
    }

    /** Refuses a matrix of {@code entries} stored entries (computed in double: no overflow) past the limit. */
    private static void checkEntries(String what, double entries) {
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException(what + " would hold " + count(entries)
                    + " entries, more than a CsrMatrix holds (" + MAX_ENTRIES + ")");
        }
    }

    /** A count held in a double, as an integer ("4499880000"). */
    private static String count(double x) {
        return String.format(Locale.ROOT, "%.0f", x);
    }

    /** A growable (column, value) list for one block of rows. */
    private static final class Buffer {
        int[] cols;
        double[] values;
        int size;

        Buffer(int capacity) {
            cols = new int[Math.max(16, capacity)];
            values = new double[cols.length];
        }

        void add(int j, double x) {
            if (size == cols.length) {
                if (size >= MAX_ENTRIES) {
                    throw new IllegalArgumentException("a block of random rows drew more than " + MAX_ENTRIES
                            + " entries, more than a CsrMatrix holds");
                }
                int cap = (int) Math.min(MAX_ENTRIES, 2L * size);
                cols = Arrays.copyOf(cols, cap);
                values = Arrays.copyOf(values, cap);
            }
            cols[size] = j;
            values[size++] = x;
        }
    }
}
