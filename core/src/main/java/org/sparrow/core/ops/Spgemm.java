package org.sparrow.core.ops;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * Sparse matrix–matrix product {@code C = A·B} on CSR inputs, row by row (Gustavson, "Two fast
 * algorithms for sparse matrices: multiplication and permuted transposition", ACM TOMS 4(3), 1978),
 * with every partial product merged into an accumulator the moment it is produced, as in SMASH
 * (Shivdikar, "SMASH: Sparse Matrix Atomic Scratchpad Hashing", MS thesis, Northeastern University,
 * 2021, arXiv:2105.14156) and the CPU hash SpGEMM of Nagasaka, Matsuoka,
 * Azad and Buluç ("Performance optimization, modeling and analysis of sparse matrix-matrix products
 * on multi-core and many-core processors", Parallel Computing 90, 2019):
 *
 * <ol>
 *   <li><b>Flop bounds.</b> For each row, {@code flops(i) = Σ_{k ∈ A(i,:)} nnz(B(k,:))}, an upper
 *       bound on {@code nnz(C(i,:))}; computed in parallel, summed into a prefix.</li>
 *   <li><b>Tasks balanced by flops.</b> Rows are cut into contiguous ranges of equal flops (eight
 *       per thread, handed out dynamically), not equal row counts.</li>
 *   <li><b>Per-worker accumulators, allocated once and reused.</b> A dense accumulator (a value
 *       array and a bitmap of the row's columns over all columns of B) when B has at most 2^18 columns — its 3 MB stay
 *       in cache (see {@code benchmarks/results/kernels/design-measurements.md}) — or when a row's bound is at least 1/64
 *       of cols(B); otherwise a power-of-two open-addressing hash table (capacity ≥
 *       2·min(flops(i), cols(B)), multiplicative hashing, linear probing, cleared slot by slot after
 *       each row), which keeps short rows of a very wide B in a few cache lines.</li>
 *   <li><b>Heavy rows shared by all workers (the SMASH merge).</b> With several threads, a row whose
 *       flops exceed {@code total/(2·threads)} (power-law rows) would leave the other workers idle.
 *       Its A-entries are split among the workers, which merge into one shared hash table: keys are
 *       claimed with a compare-and-set on an {@code int[]} {@link VarHandle}, values added with a
 *       compare-and-set loop on a {@code double[]} {@link VarHandle}.</li>
 *   <li><b>Output sizing: one phase with a proven bound.</b> Each task writes its rows into its own
 *       buffer of size {@code Σ min(flops(i), cols(B))} over its rows — a bound, so no buffer ever
 *       grows — and records each row's length. The row pointer is then a parallel prefix sum
 *       (per-task sums, an exclusive scan over tasks, per-task fill), and the buffers are copied
 *       into exactly sized arrays. The two-phase alternative (a symbolic pass that counts each row,
 *       then a numeric pass writing in place; {@code -Dsparrow.spgemm.twoPhase=true}) touches every
 *       partial product twice; the one extra {@code memcpy} of C here costs less than that second
 *       pass (the measurement is in {@code benchmarks/results/kernels/design-measurements.md}). The
 *       price is temporary memory up to the flop bound.</li>
 *   <li><b>Sorting only when asked.</b> Sorted output sorts each hashed row's (column, slot) pairs
 *       packed in a {@code long} (an inline insertion sort for short rows); a dense row whose span
 *       covers at most 4 bitmap words per entry needs no sort at all: its bitmap, walked word by
 *       word with {@link Long#numberOfTrailingZeros}, lists the columns in order (scattered rows
 *       sort their short column list instead). Unsorted output keeps insertion order.</li>
 * </ol>
 *
 * <p><b>Values.</b> Each entry accumulates its products in A's row order, then B's row order, so
 * rows computed by one worker are bit-identical for any thread count. Heavy rows (only with more than
 * one thread) add their products in whatever order the workers reach them, so they may differ from a
 * one-thread run in the last bits. ({@link SpgemmFlops} counts the multiply-adds of a product.) Entries that cancel to zero are kept as explicit zeros unless
 * {@link SpgemmOptions#dropZeros()}; the structure of C is then the structural product of A and B.
 */
public final class Spgemm {

    /** Rows whose bound is at least cols(B)/DENSE_FRACTION use the dense accumulator (tunable for measurement). */
    private static final int DENSE_FRACTION = Integer.getInteger("sparrow.spgemm.denseFraction", 64);
    /**
     * Up to this many columns of B (12 bytes each: 3 MB) every row uses the dense accumulator, whose
     * arrays stay in cache ({@code benchmarks/results/kernels/design-measurements.md}).
     */
    private static final int DENSE_MAX_COLS = Integer.getInteger("sparrow.spgemm.denseMaxCols", 1 << 18);
    /** Output sizing by a symbolic pass (true) or by a bound and a copy (false, the default: see the class comment). */
    private static final boolean TWO_PHASE = Boolean.getBoolean("sparrow.spgemm.twoPhase");
    /** A row is heavy when its flops exceed total/(HEAVY_SHARE·threads) (and {@link #HEAVY_MIN_FLOPS}). */
    private static final int HEAVY_SHARE = 2;
    /** Below this many flops a row is never worth sharing between threads. */
    static final long HEAVY_MIN_FLOPS = 1 << 15;
    /** Largest row bound a hash table takes (larger rows use the dense accumulator). */
    private static final int MAX_HASHED = 1 << 28;
    /** Smallest hash table. */
    private static final int MIN_TABLE = 16;
    /** Fibonacci hashing multiplier (⌊2^32/φ⌋, odd). */
    private static final int HASH_MULTIPLIER = 0x9E3779B9;

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(double[].class);

    private Spgemm() {
    }

    /** {@code C = A·B} with {@link SpgemmOptions#defaults()}. */
    public static CsrMatrix multiply(CsrMatrix a, CsrMatrix b) {
        return multiply(a, b, SpgemmOptions.defaults());
    }

    /**
     * {@code C = A·B}.
     *
     * @param a       Input, {@code m × n} CSR (sorted or not)
     * @param b       Input, {@code n × p} CSR (sorted or not)
     * @param options threads, sorted output, dropping zeros
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     * @throws IllegalArgumentException if the inner dimensions differ, or C would hold more
     *                                  entries than a Java array
     */
    public static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        return multiply(a, b, options, HEAVY_MIN_FLOPS);
    }

    /**
     * {@code C = A·Bᵀ}: {@code a} is {@code m × n}, {@code b} is {@code p × n}. Forms Bᵀ once (a
     * parallel counting sort, O(nnz(B))) and multiplies; row-by-row dot products would cost far more.
     */
    public static CsrMatrix multiplyTransposeB(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        Checks.checkInner(a.cols(), b.cols(), a, b, "A·Bᵀ");
        return multiply(a, b.transpose(), options, HEAVY_MIN_FLOPS);
    }

    /**
     * {@code C = Aᵀ·B}: {@code a} is {@code n × m}, {@code b} is {@code n × p}. Forms Aᵀ once and
     * multiplies. Where A is already held column-wise, pass {@code cscA.transposeView()} to
     * {@link #multiply(CsrMatrix, CsrMatrix, SpgemmOptions)} instead and no transpose is formed.
     */
    public static CsrMatrix multiplyTransposeA(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        Checks.checkInner(a.rows(), b.rows(), a, b, "Aᵀ·B");
        return multiply(a.transpose(), b, options, HEAVY_MIN_FLOPS);
    }

    /** The product, with the heavy-row threshold exposed so tests can drive the shared-table path. */
    static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options, long heavyMinFlops) {
        int m = a.rows();
        int p = b.cols();
        int threads = options.parallelism().threadsFor(a.nnz() + (long) b.nnz());
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        int[] bp = b.rowPointers();

        // 1. Per-row flop bounds, in parallel over row ranges of equal nnz(A).
        long[] flops = new long[m];
        int[] nnzRanges = KernelSupport.splitRows(m, ap, null, KernelSupport.parts(threads, m));
        Parallelism.forEachTask(threads, nnzRanges.length - 1, t -> {
            for (int i = nnzRanges[t]; i < nnzRanges[t + 1]; i++) {
                long f = 0;
                for (int q = ap[i]; q < ap[i + 1]; q++) {
                    f += bp[aj[q] + 1] - bp[aj[q]];
                }
                flops[i] = f;
            }
        });
        long total = 0;
        for (long f : flops) {
            total += f;
        }

        // 2. Heavy rows (several threads only), and tasks of equal light flops.
        long heavyAbove = Math.max(heavyMinFlops, total / ((long) HEAVY_SHARE * threads));
        boolean[] heavy = null;
        int heavyCount = 0;
        if (threads > 1) {
            for (int i = 0; i < m; i++) {
                if (flops[i] > heavyAbove && Math.min(flops[i], p) <= MAX_HASHED) {
                    if (heavy == null) {
                        heavy = new boolean[m];
                    }
                    heavy[i] = true;
                    heavyCount++;
                }
            }
        }
        long[] lightPrefix = new long[m + 1];
        for (int i = 0; i < m; i++) {
            lightPrefix[i + 1] = lightPrefix[i] + (heavy != null && heavy[i] ? 0 : flops[i]);
        }
        int[] tasks = KernelSupport.splitPrefix(lightPrefix, m, threads == 1 ? 1 : threads * KernelSupport.TASKS_PER_THREAD);
        int taskCount = tasks.length - 1;

        // 3. Heavy rows: all workers merge into one shared table per row.
        int[] rowNnz = new int[m];
        int[][] heavyCols = new int[heavyCount][];
        double[][] heavyVals = new double[heavyCount][];
        int[] heavyIndex = new int[heavy == null ? 0 : m];
        if (heavy != null) {
            for (int i = 0, h = 0; i < m; i++) {
                heavyIndex[i] = -1;
                if (heavy[i]) {
                    SharedRow row = SharedRow.multiply(a, b, i, (int) Math.min(flops[i], p), options);
                    heavyCols[h] = row.cols;
                    heavyVals[h] = row.vals;
                    rowNnz[i] = row.cols.length;
                    heavyIndex[i] = h++;
                }
            }
        }
        boolean[] heavyRows = heavy;
        Accumulator[] accumulators = new Accumulator[Parallelism.workers(threads, taskCount)];
        boolean twoPhase = TWO_PHASE && !options.dropZeros(); // dropped zeros are known only after the numbers

        // 4. Light rows. One phase: each task into its own buffer bounded by Σ min(flops, p).
        //    Two phases (measured alternative): count each row's columns first, write in place later.
        int[][] taskCols = new int[taskCount][];
        double[][] taskVals = new double[taskCount][];
        Parallelism.forEachWorkerTask(threads, taskCount, (worker, t) -> {
            Accumulator acc = accumulators[worker];
            if (acc == null) {
                acc = new Accumulator(p);
                accumulators[worker] = acc;
            }
            if (twoPhase) {
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    if (heavyRows == null || !heavyRows[i]) {
                        rowNnz[i] = acc.count(a, b, i, (int) Math.min(flops[i], p));
                    }
                }
                return;
            }
            long bound = 0;
            for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                if (heavyRows == null || !heavyRows[i]) {
                    bound += Math.min(flops[i], p);
                }
            }
            int[] cols = new int[checkedLength(bound)];
            double[] vals = new double[cols.length];
            int out = 0;
            for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                if (heavyRows != null && heavyRows[i]) {
                    continue;
                }
                int n = acc.row(a, b, i, (int) Math.min(flops[i], p), options, cols, vals, out);
                rowNnz[i] = n;
                out += n;
            }
            taskCols[t] = cols;
            taskVals[t] = vals;
        });

        // 5. Row pointer by a parallel prefix sum: per-task sums, a scan over tasks, per-task fill.
        int[] rowPtr = new int[m + 1];
        long[] taskStart = new long[taskCount + 1];
        Parallelism.forEachTask(threads, taskCount, t -> {
            long s = 0;
            for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                s += rowNnz[i];
            }
            taskStart[t + 1] = s;
        });
        for (int t = 0; t < taskCount; t++) {
            taskStart[t + 1] += taskStart[t];
        }
        int nnz = checkedLength(taskStart[taskCount]);
        Parallelism.forEachTask(threads, taskCount, t -> {
            int s = (int) taskStart[t];
            for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                rowPtr[i] = s;
                s += rowNnz[i];
            }
        });
        rowPtr[m] = nnz;

        // 6. Fill exactly sized arrays: light rows from the task buffers (or computed in place in the
        //    second phase), heavy rows from their shared tables.
        int[] colIdx = new int[nnz];
        double[] values = new double[nnz];
        Parallelism.forEachWorkerTask(threads, taskCount, (worker, t) -> {
            if (twoPhase) {
                Accumulator acc = accumulators[worker] != null ? accumulators[worker] : new Accumulator(p);
                accumulators[worker] = acc;
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    if (heavyRows != null && heavyRows[i]) {
                        int h = heavyIndex[i];
                        System.arraycopy(heavyCols[h], 0, colIdx, rowPtr[i], rowNnz[i]);
                        System.arraycopy(heavyVals[h], 0, values, rowPtr[i], rowNnz[i]);
                    } else {
                        acc.row(a, b, i, (int) Math.min(flops[i], p), options, colIdx, values, rowPtr[i]);
                    }
                }
                return;
            }
            int[] cols = taskCols[t];
            double[] vals = taskVals[t];
            int src = 0;
            int runStart = tasks[t];
            for (int i = tasks[t]; i <= tasks[t + 1]; i++) {
                boolean end = i == tasks[t + 1];
                if (end || (heavyRows != null && heavyRows[i])) {
                    int len = rowPtr[i] - rowPtr[runStart];
                    System.arraycopy(cols, src, colIdx, rowPtr[runStart], len);
                    System.arraycopy(vals, src, values, rowPtr[runStart], len);
                    src += len;
                    if (!end) {
                        int h = heavyIndex[i];
                        System.arraycopy(heavyCols[h], 0, colIdx, rowPtr[i], rowNnz[i]);
                        System.arraycopy(heavyVals[h], 0, values, rowPtr[i], rowNnz[i]);
                    }
                    runStart = i + 1;
                }
            }
        });
        return options.sorted() ? new CsrMatrix(m, p, rowPtr, colIdx, values)
                : CsrMatrix.unsorted(m, p, rowPtr, colIdx, values);
    }

    private static int checkedLength(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the product has (or may have) " + n
                    + " entries, more than a Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        return (int) n;
    }

    /** The smallest power of two ≥ 2·bound (and ≥ {@link #MIN_TABLE}); bounds stay ≤ {@link #MAX_HASHED}. */
    private static int tableCapacity(int bound) {
        long want = Math.max(MIN_TABLE, 2L * bound);
        return (int) (Long.highestOneBit(want - 1) << 1);
    }

    /** One worker's accumulators: a reusable hash table, and a dense array made on first need. */
    private static final class Accumulator {
        private final int p;
        private int[] keys = new int[0];
        private double[] vals = new double[0];
        private int[] used = new int[0];
        private long[] sortBuffer = new long[0];
        private double[] dense;
        private long[] seen;

        Accumulator(int p) {
            this.p = p;
        }

        /** Whether a row with this bound uses the dense accumulator rather than the hash table. */
        private boolean useDense(int bound) {
            return p <= DENSE_MAX_COLS || (long) bound * DENSE_FRACTION >= p || bound > MAX_HASHED;
        }

        /** The number of distinct columns in row {@code i} of C (the symbolic phase). */
        int count(CsrMatrix a, CsrMatrix b, int i, int bound) {
            if (bound == 0) {
                return 0;
            }
            int[] ap = a.rowPointers();
            int[] aj = a.columnIndices();
            int[] bp = b.rowPointers();
            int[] bj = b.columnIndices();
            int n = 0;
            if (useDense(bound)) {
                if (dense == null) {
                    dense = new double[p];
                    seen = new long[(p + 63) >>> 6];
                }
                long[] bits = seen;
                for (int q = ap[i]; q < ap[i + 1]; q++) {
                    for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                        int j = bj[r];
                        if ((bits[j >>> 6] & (1L << j)) == 0) {
                            bits[j >>> 6] |= 1L << j;
                            n++;
                        }
                    }
                }
                for (int q = ap[i]; q < ap[i + 1]; q++) { // clear the words this row set
                    for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                        bits[bj[r] >>> 6] = 0;
                    }
                }
                return n;
            }
            int cap = tableCapacity(bound);
            ensureTable(cap, bound);
            int mask = cap - 1;
            int shift = Integer.numberOfLeadingZeros(mask);
            int[] k = keys;
            int[] u = used;
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                for (int r = bp[aj[q]]; r < bp[aj[q] + 1]; r++) {
                    int j = bj[r];
                    int slot = (j * HASH_MULTIPLIER) >>> shift;
                    while (k[slot] != j) {
                        if (k[slot] < 0) {
                            k[slot] = j;
                            u[n++] = slot;
                            break;
                        }
                        slot = (slot + 1) & mask;
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                k[u[t]] = -1;
            }
            return n;
        }

        private void ensureTable(int cap, int bound) {
            if (keys.length < cap) {
                keys = new int[cap];
                Arrays.fill(keys, -1);
                vals = new double[cap];
            }
            if (used.length < bound) {
                used = new int[Math.max(bound, 2 * used.length)];
            }
        }

        /** Computes row {@code i} of C into {@code outCols/outVals} from {@code out}; returns its length. */
        int row(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o, int[] outCols, double[] outVals, int out) {
            if (bound == 0) {
                return 0;
            }
            return useDense(bound) ? denseRow(a, b, i, o, outCols, outVals, out)
                    : hashRow(a, b, i, bound, o, outCols, outVals, out);
        }

        private int hashRow(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o, int[] outCols,
                            double[] outVals, int out) {
            int cap = tableCapacity(bound);
            ensureTable(cap, bound);
            int mask = cap - 1;
            int shift = Integer.numberOfLeadingZeros(mask); // 32 − log2(cap): keep the best-mixed high bits
            int[] k = keys;
            double[] v = vals;
            int[] u = used;
            int n = 0;
            int[] ap = a.rowPointers();
            int[] aj = a.columnIndices();
            double[] ax = a.values();
            int[] bp = b.rowPointers();
            int[] bj = b.columnIndices();
            double[] bx = b.values();
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                int kk = aj[q];
                double aik = ax[q];
                for (int r = bp[kk]; r < bp[kk + 1]; r++) {
                    int j = bj[r];
                    int slot = (j * HASH_MULTIPLIER) >>> shift;
                    while (true) {
                        int key = k[slot];
                        if (key == j) {
                            v[slot] += aik * bx[r]; // c_ij += a_ik b_kj
                            break;
                        }
                        if (key < 0) {
                            k[slot] = j;
                            v[slot] = aik * bx[r];
                            u[n++] = slot;
                            break;
                        }
                        slot = (slot + 1) & mask;
                    }
                }
            }
            int len = 0;
            if (o.sorted()) {
                if (sortBuffer.length < n) {
                    sortBuffer = new long[Math.max(n, 2 * sortBuffer.length)];
                }
                long[] s = sortBuffer;
                for (int t = 0; t < n; t++) {
                    s[t] = ((long) k[u[t]] << 32) | u[t];
                }
                sortSmall(s, 0, n);
                for (int t = 0; t < n; t++) {
                    int slot = (int) s[t];
                    double x = v[slot];
                    if (!o.dropZeros() || x != 0.0) {
                        outCols[out + len] = (int) (s[t] >>> 32);
                        outVals[out + len] = x;
                        len++;
                    }
                }
            } else {
                for (int t = 0; t < n; t++) {
                    double x = v[u[t]];
                    if (!o.dropZeros() || x != 0.0) {
                        outCols[out + len] = k[u[t]];
                        outVals[out + len] = x;
                        len++;
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                k[u[t]] = -1;
            }
            return len;
        }

        /**
         * Row {@code i} of A·B into {@code dense}, marking new columns in the bitmap {@code seen} and
         * listing them in {@code cols[out..]}; returns how many. A small static method, so the JIT
         * compiles the hot loop on its own.
         */
        private static int accumulateDense(int[] ap, int[] aj, double[] ax, int[] bp, int[] bj, double[] bx, int i,
                                           double[] dense, long[] seen, int[] cols, int out) {
            int n = out;
            for (int q = ap[i], qe = ap[i + 1]; q < qe; q++) {
                int kk = aj[q];
                double aik = ax[q];
                for (int r = bp[kk], re = bp[kk + 1]; r < re; r++) {
                    int j = bj[r];
                    long bit = 1L << j; // Java masks the shift to j mod 64
                    if ((seen[j >>> 6] & bit) != 0) {
                        dense[j] += aik * bx[r]; // c_ij += a_ik b_kj
                    } else {
                        seen[j >>> 6] |= bit;
                        dense[j] = aik * bx[r];
                        cols[n++] = j;
                    }
                }
            }
            return n - out;
        }

        private int denseRow(CsrMatrix a, CsrMatrix b, int i, SpgemmOptions o, int[] outCols, double[] outVals,
                             int out) {
            if (dense == null) {
                dense = new double[p];
                seen = new long[(p + 63) >>> 6];
            }
            double[] d = dense;
            long[] bits = seen;
            int n = accumulateDense(a.rowPointers(), a.columnIndices(), a.values(), b.rowPointers(),
                    b.columnIndices(), b.values(), i, d, bits, outCols, out);
            int end = out + n;
            if (o.sorted() && n > 1) {
                // The bitmap is the sorted column set: walk its words over the row's span, clearing them.
                int lo = Integer.MAX_VALUE;
                int hi = -1;
                for (int t = out; t < end; t++) {
                    lo = Math.min(lo, outCols[t]);
                    hi = Math.max(hi, outCols[t]);
                }
                if ((hi >>> 6) - (lo >>> 6) <= 4L * n) {
                    int t = out;
                    for (int w = lo >>> 6, wEnd = hi >>> 6; w <= wEnd; w++) {
                        long word = bits[w];
                        bits[w] = 0;
                        while (word != 0) {
                            outCols[t++] = (w << 6) + Long.numberOfTrailingZeros(word);
                            word &= word - 1;
                        }
                    }
                } else { // scattered columns (a road network, say): sorting the short list is cheaper
                    for (int t = out; t < end; t++) {
                        bits[outCols[t] >>> 6] = 0;
                    }
                    sortSmall(outCols, out, end);
                }
            } else {
                for (int t = out; t < end; t++) {
                    bits[outCols[t] >>> 6] = 0; // every bit of the word belongs to this row
                }
            }
            int len = 0;
            for (int t = out; t < end; t++) {
                int j = outCols[t];
                double x = d[j];
                if (!o.dropZeros() || x != 0.0) {
                    outCols[out + len] = j;
                    outVals[out + len] = x;
                    len++;
                }
            }
            return len;
        }
    }

    /** Rows of C are mostly short: insertion sort below this length, the JDK's sort above. */
    private static final int INSERTION_SORT_MAX = 24;

    /** Sorts {@code a[from..to)}; an inline insertion sort for the short runs typical of a row. */
    static void sortSmall(int[] a, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** {@link #sortSmall(int[], int, int)} for packed (column, slot) longs. */
    static void sortSmall(long[] a, int from, int to) {
        if (to - from > INSERTION_SORT_MAX) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= from && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** A heavy row computed by all workers into one shared table (the SMASH merge). */
    private static final class SharedRow {
        final int[] cols;
        final double[] vals;

        private SharedRow(int[] cols, double[] vals) {
            this.cols = cols;
            this.vals = vals;
        }

        static SharedRow multiply(CsrMatrix a, CsrMatrix b, int i, int bound, SpgemmOptions o) {
            int cap = tableCapacity(bound);
            int mask = cap - 1;
            int shift = Integer.numberOfLeadingZeros(mask);
            int[] keys = new int[cap];
            Arrays.fill(keys, -1);
            double[] vals = new double[cap];
            Arrays.fill(vals, -0.0); // −0 + x == x for every x, so the first product lands exactly
            int[] ap = a.rowPointers();
            int[] aj = a.columnIndices();
            double[] ax = a.values();
            int[] bp = b.rowPointers();
            int[] bj = b.columnIndices();
            double[] bx = b.values();
            // Split this row's A-entries into chunks of about equal flops, handed out to the workers.
            int from = ap[i];
            int len = ap[i + 1] - from;
            long[] prefix = new long[len + 1];
            for (int q = 0; q < len; q++) {
                int kk = aj[from + q];
                prefix[q + 1] = prefix[q] + bp[kk + 1] - bp[kk];
            }
            int[] chunks = KernelSupport.splitPrefix(prefix, len, o.threads() * KernelSupport.TASKS_PER_THREAD);
            Parallelism.forEachTask(o.threads(), chunks.length - 1, c -> {
                for (int q = from + chunks[c]; q < from + chunks[c + 1]; q++) {
                    int kk = aj[q];
                    double aik = ax[q];
                    for (int r = bp[kk]; r < bp[kk + 1]; r++) {
                        int j = bj[r];
                        int slot = (j * HASH_MULTIPLIER) >>> shift;
                        while (true) {
                            int key = (int) KEYS.getVolatile(keys, slot);
                            if (key == j) {
                                break;
                            }
                            if (key < 0 && KEYS.compareAndSet(keys, slot, -1, j)) {
                                break;
                            }
                            if (key >= 0) {
                                slot = (slot + 1) & mask;
                            } // else another worker claimed the slot first: look at it again
                        }
                        double product = aik * bx[r];
                        double old;
                        do { // c_ij += a_ik b_kj, atomically
                            old = (double) VALUES.getVolatile(vals, slot);
                        } while (!VALUES.compareAndSet(vals, slot, old, old + product));
                    }
                }
            });
            // Gather the claimed slots (all workers are done: plain reads are safe after the join).
            int n = 0;
            long[] packed = new long[Math.min(cap, bound)];
            for (int slot = 0; slot < cap; slot++) {
                if (keys[slot] >= 0) {
                    if (!o.dropZeros() || vals[slot] != 0.0) {
                        packed[n++] = ((long) keys[slot] << 32) | slot;
                    }
                }
            }
            if (o.sorted()) {
                Arrays.sort(packed, 0, n);
            }
            int[] cols = new int[n];
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                cols[t] = (int) (packed[t] >>> 32);
                v[t] = vals[(int) packed[t]];
            }
            return new SharedRow(cols, v);
        }
    }
}
