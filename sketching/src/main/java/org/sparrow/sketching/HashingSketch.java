package org.sparrow.sketching;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * The hashing sketches: CountSketch (Clarkson–Woodruff, STOC 2013; one ±1 per column in a random row)
 * and OSNAP (Nelson–Nguyen, FOCS 2013; s entries ±1/√s per column in distinct rows), both applied in
 * {@code O(s·nnz(A))} without storing S.
 *
 * <p>Structure (OSNAP's block construction; CountSketch is the case s = 1): the m rows are cut into s
 * blocks, block t holding rows {@code [⌊t·m/s⌋, ⌊(t+1)·m/s⌋)}; column j of S has one nonzero in every
 * block, at a row chosen uniformly within the block, with a random sign — so its s rows are distinct
 * by construction. Row and sign of (j, t) come from one counter-based hash of (seed, j·s + t): the
 * high bits pick the row (Lemire's multiply-shift), the low bit the sign. Entries are ±1/√s, so every
 * column has unit norm and E[SᵀS] = I. These are sparse sketches: fast, but without the ℓ∞ guarantee
 * of dense ones (Song–Ye–Yin–Zhang, ICML 2023).
 *
 * <p>{@code S·A}: threads own contiguous ranges of output columns (a wide dense A, so each thread
 * streams A once) or of output rows (otherwise; each thread scans only the blocks that meet its
 * rows); either way each scans the columns of S in order and adds {@code ±A(j, :)} where it owns the
 * result, so every output entry sums in the same order for every thread count (bit-identical
 * results); the {@code 1/√s} scaling is applied once at the end. Cost: {@code s·nnz(A)} additions
 * and {@code n·s} hashes per thread at most (fewer when a thread's rows meet only some blocks).
 */
final class HashingSketch extends AbstractSketch {

    private static final long SALT = 0x68617368L; // "hash"

    private final SketchKind kind;
    private final int s;
    private final long base;
    private final double scale;

    HashingSketch(SketchKind kind, int m, int n, int s, long seed) {
        super(m, n, seed);
        this.kind = kind;
        this.s = s;
        this.base = derive(seed, SALT + kind.ordinal());
        this.scale = 1.0 / Math.sqrt(s);
    }

    @Override
    public SketchKind kind() {
        return kind;
    }

    /** Nonzeros per column. */
    int nonzerosPerColumn() {
        return s;
    }

    /** First row of block t. */
    private int blockStart(int t) {
        return (int) ((long) t * m / s);
    }

    /** The block holding row r: the largest t with {@code ⌊t·m/s⌋ ≤ r}. */
    private int blockOf(int r) {
        return (int) ((((long) r + 1) * s - 1) / m);
    }

    /** The hash of (j, t); {@link #row} and {@link #negative} read it. */
    private long hash(int j, int t) {
        return counterHash(base, (long) j * s + t);
    }

    private int row(long h, int t) {
        int start = blockStart(t);
        return start + bounded(h, blockStart(t + 1) - start);
    }

    private static boolean negative(long h) {
        return (h & 1L) != 0;
    }

    /** Row of the nonzero of column j in block t (for tests). */
    int row(int j, int t) {
        return row(hash(j, t), t);
    }

    /** Sign of that nonzero, ±1 before scaling (for tests). */
    double sign(int j, int t) {
        return negative(hash(j, t)) ? -1.0 : 1.0;
    }

    @Override
    void forward(double[] a, CsrMatrix csr, int d, int first, int count, double[] out, int threads) {
        if (csr == null && d >= 16 * Math.min(threads, d)) {
            // A wide dense A: threads take ranges of its columns, so each streams the rows of A once.
            int workers = Parallelism.workers(threads, d / 16);
            Parallelism.forEachTask(workers, workers, w -> {
                int c0 = (int) ((long) d * w / workers);
                int c1 = (int) ((long) d * (w + 1) / workers);
                forwardDense(a, d, first, count, out, 0, m, c0, c1);
            });
        } else {
            int workers = Parallelism.workers(threads, m);
            Parallelism.forEachTask(workers, workers, w -> {
                int r0 = (int) ((long) m * w / workers);
                int r1 = (int) ((long) m * (w + 1) / workers);
                if (csr == null) {
                    forwardDense(a, d, first, count, out, r0, r1, 0, d);
                } else {
                    forwardSparse(csr, d, first, count, out, r0, r1);
                    if (s > 1) {
                        scaleRows(out, r0, r1, d, scale);
                    }
                }
            });
        }
    }

    /**
     * {@code S(:, first : first + count)·B} on rows {@code [r0, r1)} and columns {@code [c0, c1)} for a dense
     * row block B of A: {@code Y(row(j,t), :) ±= B(j − first, :)}, then scaled. The owned output rows are separate arrays and the
     * needed part of a row of A is copied once into a buffer, so the inner loop indexes both alike and
     * the JIT vectorizes it. Each output entry receives at most one term per j (the s rows of a column
     * are distinct) and sums them in j order, whatever the split.
     */
    private void forwardDense(double[] a, int d, int first, int count, double[] out, int r0, int r1, int c0,
                              int c1) {
        int t0 = blockOf(r0);
        int t1 = blockOf(r1 - 1);
        int w = c1 - c0;
        double[][] y = new double[r1 - r0][w];
        double[] row = new double[w];
        for (int j = first, end = first + count; j < end; j++) {
            boolean copied = false;
            for (int t = t0; t <= t1; t++) {
                long h = hash(j, t);
                int i = row(h, t);
                if (i < r0 || i >= r1) {
                    continue;
                }
                if (!copied) {
                    System.arraycopy(a, (j - first) * d + c0, row, 0, w);
                    copied = true;
                }
                double[] yi = y[i - r0];
                if (negative(h)) {
                    for (int c = 0; c < w; c++) {
                        yi[c] -= row[c];
                    }
                } else {
                    for (int c = 0; c < w; c++) {
                        yi[c] += row[c];
                    }
                }
            }
        }
        double sc = s > 1 ? scale : 1.0;
        for (int i = r0; i < r1; i++) {
            double[] yi = y[i - r0];
            int oi = i * d + c0;
            for (int c = 0; c < w; c++) {
                out[oi + c] = sc * yi[c];
            }
        }
    }

    /**
     * Rows {@code [r0, r1)} of {@code S(:, first : first + count)·B} for a sparse row block B of A, unscaled,
     * from its nonzeros.
     */
    private void forwardSparse(CsrMatrix csr, int d, int first, int count, double[] out, int r0, int r1) {
        int t0 = blockOf(r0);
        int t1 = blockOf(r1 - 1);
        int[] rp = csr.rowPointers();
        int[] ci = csr.columnIndices();
        double[] v = csr.values();
        for (int j = first, end = first + count; j < end; j++) {
            int bj = j - first; // B's row
            if (rp[bj] == rp[bj + 1]) {
                continue;
            }
            for (int t = t0; t <= t1; t++) {
                long h = hash(j, t);
                int i = row(h, t);
                if (i < r0 || i >= r1) {
                    continue;
                }
                int oi = i * d;
                if (negative(h)) {
                    for (int p = rp[bj], pe = rp[bj + 1]; p < pe; p++) {
                        out[oi + ci[p]] -= v[p];
                    }
                } else {
                    for (int p = rp[bj], pe = rp[bj + 1]; p < pe; p++) {
                        out[oi + ci[p]] += v[p];
                    }
                }
            }
        }
    }

    /**
     * {@code Y += Sᵀ·X}: {@code Y(j, :) = Σ_t ±X(row(j,t), :)/√s}; threads over ranges of j.
     * Cost: {@code n·s·k}.
     */
    @Override
    void transpose(double[] x, int k, double[] y, int threads) {
        int workers = Parallelism.workers(threads, (n + 1023) / 1024);
        Parallelism.forEachTask(workers, workers, w -> {
            int j0 = (int) ((long) n * w / workers);
            int j1 = (int) ((long) n * (w + 1) / workers);
            for (int j = j0; j < j1; j++) {
                int yj = j * k;
                for (int t = 0; t < s; t++) {
                    long h = hash(j, t);
                    int xi = row(h, t) * k;
                    if (negative(h)) {
                        for (int c = 0; c < k; c++) {
                            y[yj + c] -= x[xi + c];
                        }
                    } else {
                        for (int c = 0; c < k; c++) {
                            y[yj + c] += x[xi + c];
                        }
                    }
                }
            }
            if (s > 1) {
                scaleRows(y, j0, j1, k, scale);
            }
        });
    }
}
