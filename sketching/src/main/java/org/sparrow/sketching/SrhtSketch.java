package org.sparrow.sketching;

import java.util.Arrays;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * The subsampled randomized Hadamard transform (Ailon–Chazelle, SIAM J. Comput. 39(1), 2009; analysed
 * as a subspace embedding by Tropp, Adv. Adapt. Data Anal. 3(1–2), 2011):
 * {@code S = √(N/m) · P · (H_N/√N) · D}, restricted to the first n columns, where
 * <ul>
 *   <li>{@code N = 2^⌈log₂ n⌉} is n padded to a power of two (A is extended by zero rows, never
 *       stored);</li>
 *   <li>D is diagonal with i.i.d. random signs, {@code D_ii = ±1} from a counter-based hash of
 *       (seed, i);</li>
 *   <li>H_N is the Sylvester–Hadamard matrix ({@link FastWalshHadamard}, entries ±1);</li>
 *   <li>P keeps m rows of H_N·D chosen uniformly <em>without</em> replacement from all N (Floyd's
 *       algorithm, or a partial Fisher–Yates shuffle when {@code m ≥ N/4}), kept in ascending order:
 *       output row k is row {@code sample[k]} of H_N·D·A.</li>
 * </ul>
 * So the entries of S are {@code ±1/√m}, and since E[PᵀP] = (m/N)·I, E[SᵀS] = I. The scaling uses the
 * padded length N (the factor √(N/m) of the orthonormal transform); {@code 1 ≤ m ≤ N} is required,
 * so m may exceed n by at most the padding (m = N gives an S with orthonormal columns).
 *
 * <p>Applying S to an {@code n × d} row-major A never forms S nor a padded copy of A. With a block
 * length {@code L = 2^l} (a power of two near m, at most N), write a row index as
 * {@code i = b·L + r}; then {@code H_N[k, i] = H_{N/L}[k_hi, b] · H_L[k_lo, r]}, so
 * {@code (H_N·D·A)[k, :] = Σ_b ±(H_L · (D·A)(block b))[k_lo, :]} with sign
 * {@code (−1)^popcount(k_hi & b)}. Each block of L rows is copied with its signs into a buffer,
 * transformed by the row-block FWHT, and the m sampled rows are accumulated with their signs (the
 * pruned transform of Woolfe–Liberty–Rokhlin–Tygert, ACHA 25(3), 2008). Cost:
 * {@code n·d·log₂L} butterfly operations plus {@code (n/L)·m·d} additions — at most the
 * {@code O(n·d·log n)} of the full transform, and O(n·d·log m) for the default L ≈ m — against
 * {@code 2·m·n·d} for a dense sketch; memory: a batch of transformed blocks (at most 32 MiB), never
 * an {@code N × d} copy. Threads transform different blocks, then add them into different output
 * rows, each output entry summing the blocks in order, so results are bit-identical for every thread
 * count (see {@link #forward}); a sparse A is scattered block by block and blocks without nonzeros
 * are skipped. The result depends on L only through rounding.
 */
final class SrhtSketch extends AbstractSketch {

    private static final long SALT_SIGNS = 0x7369676e73L;  // "signs"
    private static final long SALT_SAMPLE = 0x73616d706cL; // "sampl"
    /** Doubles in one transformed column chunk (256 KiB, cache-resident), which bounds the chunk width. */
    private static final int BUFFER_DOUBLES = 1 << 15;
    /** Doubles in the buffers of one batch of blocks (32 MiB). */
    private static final long BATCH_DOUBLES = 1L << 22;

    private final long padded;
    private final int blockRows;
    private final int blocks;
    private final long signBase;
    private final int[] sampleHi;
    private final int[] sampleLo;
    private final double scale;

    SrhtSketch(int m, int n, long seed) {
        this(m, n, seed, defaultBlockRows(m, FastWalshHadamard.paddedLength(n)));
    }

    /** With an explicit block length L (a power of two ≤ N), for tests of the pruned transform. */
    SrhtSketch(int m, int n, long seed, int blockRows) {
        super(m, n, seed);
        this.padded = FastWalshHadamard.paddedLength(n);
        if (!FastWalshHadamard.isPowerOfTwo(blockRows) || blockRows > padded) {
            throw new IllegalArgumentException("SRHT block length must be a power of two ≤ " + padded + ", got "
                    + blockRows);
        }
        if (m > padded) {
            throw new IllegalArgumentException("SRHT sketch rows m must be ≤ the padded length N = " + padded
                    + " (n = " + n + " rounded up to a power of two), got " + m);
        }
        this.blockRows = blockRows;
        this.blocks = (int) ((n + (long) blockRows - 1) / blockRows);
        this.signBase = derive(seed, SALT_SIGNS);
        long[] sample = sampleWithoutReplacement(padded, m, derive(seed, SALT_SAMPLE));
        this.sampleHi = new int[m];
        this.sampleLo = new int[m];
        for (int k = 0; k < m; k++) {
            sampleHi[k] = (int) (sample[k] / blockRows);
            sampleLo[k] = (int) (sample[k] % blockRows);
        }
        this.scale = 1.0 / Math.sqrt(m);
    }

    /**
     * The block length: the power of two in {@code (m, 2m]}, within [64, 4096] and at most N. It
     * balances the {@code n·d·log₂L} butterflies (vectorized, in cache) against the {@code n·m·d/L}
     * accumulations (scattered rows), which cost a few butterflies each; measured best at m = 400.
     */
    static int defaultBlockRows(int m, long padded) {
        long l = Long.highestOneBit(Math.max(1, m)) << 1; // m < l ≤ 2m
        l = Math.clamp(l, 64, 4096);
        return (int) Math.min(l, padded);
    }

    @Override
    public SketchKind kind() {
        return SketchKind.SRHT;
    }

    /** The padded length N = 2^⌈log₂ n⌉. */
    long paddedLength() {
        return padded;
    }

    /** The block length L of the pruned transform. */
    int blockRows() {
        return blockRows;
    }

    /** The sampled rows of H_N·D, ascending (a fresh array). */
    long[] sampledRows() {
        long[] s = new long[m];
        for (int k = 0; k < m; k++) {
            s[k] = (long) sampleHi[k] * blockRows + sampleLo[k];
        }
        return s;
    }

    /** {@code D_ii}: +1 or −1. */
    double sign(int i) {
        return counterHash(signBase, i) < 0 ? -1.0 : 1.0;
    }

    /**
     * {@code out = S·A}. Blocks of L rows are processed in batches: phase 1 transforms each block of the
     * batch (one task per block: its rows are copied contiguously from A, with their signs, into
     * separate row arrays, then transformed by the row-block FWHT in column chunks of at most
     * {@link #BUFFER_DOUBLES} entries, so a chunk stays in cache); phase 2 adds the sampled rows of
     * every block of the batch, in block order, to the output (one task per range of output rows).
     * Each output entry therefore sums the blocks in the same order whatever the thread count, batch
     * size or chunking. Very wide A is handled in groups of columns so a batch stays within
     * {@link #BATCH_DOUBLES}. A row block B of A (rows {@code [first, first + count)}) is the same computation
     * restricted to the blocks of L rows that meet it, the rows outside B taken as zero: column j of S is
     * {@code D_jj·H_N(sample, j)/√m}, so {@code S(:, J)·B} needs no other rows.
     */
    @Override
    void forward(double[] a, CsrMatrix csr, int d, int first, int count, double[] out, int threads) {
        int t = Parallelism.checkThreads(threads);
        int lb = blockRows;
        int firstBlock = first / lb;
        int endBlock = (first + count - 1) / lb + 1;
        int spanned = endBlock - firstBlock; // blocks of L rows that meet the row block
        int wantBatch = Math.min(spanned, Math.max(8, 16 * t));
        int groupCols = (int) Math.max(1, Math.min(d, BATCH_DOUBLES / ((long) lb * wantBatch)));
        long blockDoubles = (long) lb * groupCols;
        // Enough blocks per batch to keep the threads busy and amortize the two hand-offs, within budget.
        int batch = (int) Math.max(1, Math.min(Math.min(spanned, BATCH_DOUBLES / blockDoubles),
                Math.max(wantBatch, (1L << 20) / blockDoubles)));
        double[][][] buffers = new double[batch][lb][groupCols];
        boolean[] empty = new boolean[batch];
        int rowTasks = Math.min(t, m);
        // The output rows as separate arrays (one column group at a time), so the accumulation's inner
        // loop indexes both arrays alike and the JIT vectorizes it.
        double[][] y = new double[m][groupCols];
        for (int g0 = 0; g0 < d; g0 += groupCols) {
            int gw = Math.min(groupCols, d - g0);
            if (g0 > 0) {
                for (double[] yk : y) {
                    Arrays.fill(yk, 0.0);
                }
            }
            int chunk = Math.max(8, BUFFER_DOUBLES / lb); // columns per FWHT pass
            for (int b0 = firstBlock; b0 < endBlock; b0 += batch) {
                int batchStart = b0;
                int nb = Math.min(batch, endBlock - b0);
                int colStart = g0;
                Parallelism.forEachTask(t, nb, bi -> empty[bi] =
                        !transformBlock(a, csr, d, first, count, colStart, gw, chunk, batchStart + bi, buffers[bi]));
                Parallelism.forEachTask(rowTasks, rowTasks, task -> {
                    int k0 = (int) ((long) m * task / rowTasks);
                    int k1 = (int) ((long) m * (task + 1) / rowTasks);
                    accumulate(buffers, empty, batchStart, nb, gw, k0, k1, y);
                });
            }
            for (int k = 0; k < m; k++) {
                double[] yk = y[k];
                int ok = k * d + g0;
                for (int c = 0; c < gw; c++) {
                    out[ok + c] = scale * yk[c];
                }
            }
        }
    }

    /**
     * {@code rows ← H_L·D·A(block b, g0:g0+gw)}, zero-padded to L rows, row r of the block in
     * {@code rows[r][0, gw)}, where A's rows outside the row block B ({@code [first, first + rowCount)}, B's
     * row i − first holding A's row i) count as zero. Returns false, leaving the rows as they were, when a
     * sparse block has no nonzeros.
     */
    private boolean transformBlock(double[] a, CsrMatrix csr, int d, int first, int rowCount, int g0, int gw,
                                   int chunk, int b, double[][] rows) {
        int lb = blockRows;
        int i0 = b * lb;
        int r0 = Math.max(i0, first) - i0;                           // B's rows of this block: [r0, r1)
        int r1 = Math.min(Math.min(i0 + lb, n), first + rowCount) - i0;
        for (int r = 0; r < r0; r++) {
            Arrays.fill(rows[r], 0, gw, 0.0);
        }
        if (csr == null) {
            for (int r = r0; r < r1; r++) { // row r = D_ii·A(i, g0:g0+gw)
                double[] row = rows[r];
                System.arraycopy(a, (i0 + r - first) * d + g0, row, 0, gw);
                if (sign(i0 + r) < 0) {
                    for (int c = 0; c < gw; c++) {
                        row[c] = -row[c];
                    }
                }
            }
        } else {
            int[] rp = csr.rowPointers();
            int[] ci = csr.columnIndices();
            double[] v = csr.values();
            if (rp[i0 + r0 - first] == rp[i0 + r1 - first]) {
                return false;
            }
            for (int r = r0; r < r1; r++) {
                int i = i0 + r - first; // B's row
                double[] row = rows[r];
                Arrays.fill(row, 0, gw, 0.0);
                if (rp[i] == rp[i + 1]) {
                    continue;
                }
                double sg = sign(i0 + r);
                for (int p = rp[i], end = rp[i + 1]; p < end; p++) {
                    int c = ci[p] - g0;
                    if (c >= 0 && c < gw) {
                        row[c] += sg * v[p]; // += sums duplicates of an unsorted matrix
                    }
                }
            }
        }
        for (int r = r1; r < lb; r++) {
            Arrays.fill(rows[r], 0, gw, 0.0);
        }
        for (int c0 = 0; c0 < gw; c0 += chunk) {
            FastWalshHadamard.jaggedKernel(rows, 0, lb, c0, Math.min(gw, c0 + chunk));
        }
        return true;
    }

    /**
     * {@code Y(k, 0:gw) ±= block_b(k_lo, 0:gw)} for the rows {@code k ∈ [k0, k1)} and the batch's
     * blocks in order.
     */
    private void accumulate(double[][][] buffers, boolean[] empty, int b0, int nb, int gw, int k0, int k1,
                            double[][] y) {
        for (int k = k0; k < k1; k++) {
            int lo = sampleLo[k];
            int hi = sampleHi[k];
            double[] yk = y[k];
            for (int bi = 0; bi < nb; bi++) {
                if (empty[bi]) {
                    continue;
                }
                double[] row = buffers[bi][lo];
                if ((Integer.bitCount(hi & (b0 + bi)) & 1) != 0) { // H_{N/L}(k_hi, b) = −1
                    for (int c = 0; c < gw; c++) {
                        yk[c] -= row[c];
                    }
                } else {
                    for (int c = 0; c < gw; c++) {
                        yk[c] += row[c];
                    }
                }
            }
        }
    }

    /**
     * {@code Y += Sᵀ·X = D·H_N·Pᵀ·X/√m}, first n rows: for each block b of L rows of Y, scatter
     * {@code ±X(k, :)} into row {@code k_lo} of an {@code L × k} buffer, transform, and multiply by the
     * signs. Threads over blocks (each writes only its rows). Cost: {@code (n/L)·(m + L·log₂L)·k}.
     */
    @Override
    void transpose(double[] x, int k, double[] y, int threads) {
        int workers = Parallelism.workers(threads, blocks);
        int lb = blockRows;
        double[][] buffers = new double[workers][lb * k];
        Parallelism.forEachWorkerTask(workers, blocks, (wk, b) -> {
            double[] z = buffers[wk];
            Arrays.fill(z, 0.0);
            for (int s = 0; s < m; s++) { // z(k_lo, :) ±= X(s, :)
                int zr = sampleLo[s] * k;
                int xs = s * k;
                if ((Integer.bitCount(sampleHi[s] & b) & 1) == 0) {
                    for (int c = 0; c < k; c++) {
                        z[zr + c] += x[xs + c];
                    }
                } else {
                    for (int c = 0; c < k; c++) {
                        z[zr + c] -= x[xs + c];
                    }
                }
            }
            FastWalshHadamard.rowsKernel(z, 0, lb, k);
            int i0 = b * lb;
            int rows = Math.min(lb, n - i0);
            for (int r = 0; r < rows; r++) {
                double sg = scale * sign(i0 + r);
                int yi = (i0 + r) * k;
                int zr = r * k;
                for (int c = 0; c < k; c++) {
                    y[yi + c] = sg * z[zr + c];
                }
            }
        });
    }

    /**
     * m distinct values drawn uniformly from {@code [0, N)}, ascending: Floyd's algorithm (Bentley–Floyd,
     * CACM 30(9), 1987) with an open-addressing set, or a partial Fisher–Yates shuffle of
     * {@code 0…N−1} when {@code m ≥ N/4}.
     */
    static long[] sampleWithoutReplacement(long range, int m, long seed) {
        long[] state = {seed};
        long[] out = new long[m];
        if ((long) m * 4 >= range) {
            int[] perm = new int[(int) range];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            for (int i = 0; i < m; i++) {
                int j = i + (int) uniformBelow(state, range - i);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
                out[i] = perm[i];
            }
        } else {
            int cap = Integer.highestOneBit(Math.max(1, m)) << 2; // load factor ≤ 1/2
            long[] table = new long[cap];                       // stores value + 1; 0 means empty
            int count = 0;
            for (long j = range - m; j < range; j++) {
                long t = uniformBelow(state, j + 1);
                long pick = insert(table, t) ? t : j;
                if (pick == j) {
                    insert(table, j);
                }
                out[count++] = pick;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** A uniform draw in {@code [0, bound)} from the SplitMix64 stream {@code state[0]}, by rejection (no bias). */
    private static long uniformBelow(long[] state, long bound) {
        while (true) {
            long bits = mix64(state[0] += GOLDEN) >>> 1;
            long value = bits % bound;
            if (bits - value + (bound - 1) >= 0) { // not in the incomplete last interval
                return value;
            }
        }
    }

    /** Adds {@code v} to the set; false if it was already there. */
    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int h = (int) mix64(v) & mask;
        while (table[h] != 0) {
            if (table[h] == v + 1) {
                return false;
            }
            h = (h + 1) & mask;
        }
        table[h] = v + 1;
        return true;
    }
}
