package org.sparrow.core.ops;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;

/**
 * Sparse matrix–matrix product {@code C = A·B} on CSR inputs, row by row (Gustavson, "Two fast
 * algorithms for sparse matrices: multiplication and permuted transposition", ACM TOMS 4(3), 1978),
 * with every partial product merged into an accumulator the moment it is produced, as in SMASH
 * (Shivdikar, "SMASH: Sparse Matrix Atomic Scratchpad Hashing", MS thesis, Northeastern University,
 * 2021, arXiv:2105.14156) and the CPU hash SpGEMM of Nagasaka, Matsuoka, Azad and Buluç
 * ("Performance optimization, modeling and analysis of sparse matrix-matrix products on multi-core
 * and many-core processors", Parallel Computing 90, 2019). Published, as faer-rs does, as named
 * phases: {@link #estimate} (flops, nnz(C) from a sample, strategy and scratch size),
 * {@link #symbolic} (the exact structure of C) and {@link #numeric} (values written into the
 * caller's arrays); {@link #multiply} runs them.
 *
 * <ol>
 *   <li><b>Flop bounds.</b> For each row, {@code flops(i) = Σ_{k ∈ A(i,:)} nnz(B(k,:))}, an upper
 *       bound on {@code nnz(C(i,:))}; computed in parallel, summed into a prefix.</li>
 *   <li><b>Tasks balanced by flops.</b> Rows are cut into contiguous ranges of equal flops (eight
 *       per thread, handed out dynamically), not equal row counts.</li>
 *   <li><b>Per-worker accumulators, kept in the {@link SpgemmWorkspace}.</b> A dense accumulator (a
 *       value array and a bitmap of the row's columns) when B has at most 2^18 columns (3 MB, in
 *       cache: {@code benchmarks/results/kernels/design-measurements.md}), when a row's bound is at
 *       least 1/64 of cols(B), or when B is sorted and the row's partial products fall within 2^15
 *       consecutive columns (banded and stencil matrices: only that window is touched, and the bitmap
 *       gives the columns in order); otherwise a power-of-two open-addressing hash table (capacity ≥
 *       2·bound, multiplicative hashing, linear probing, cleared slot by slot after each row).</li>
 *   <li><b>Heavy rows shared by all workers (the SMASH merge).</b> With several threads, a row whose
 *       flops exceed {@code total/(2·threads)} (power-law rows) is split among the workers, which
 *       merge into one shared hash table with compare-and-set updates.</li>
 *   <li><b>Output sizing, chosen from the inputs</b> ({@link SpgemmStrategy}, by {@link #choose}):
 *       <ol type="a">
 *         <li>{@link SpgemmStrategy#ONE_PHASE} when zeros are dropped (the sizes are known only after
 *             the values);</li>
 *         <li>{@link SpgemmStrategy#ONE_PHASE} when the workspace has already served a product (a
 *             caller repeating products keeps the chunk buffers, so they cost no new memory, and one
 *             pass is faster than two);</li>
 *         <li>{@link SpgemmStrategy#ONE_PHASE} when {@code flops ≥ }{@value #ONE_PHASE_MIN_RATIO}{@code ·
 *             nnz(C)}, nnz(C) estimated from exact counts of up to {@value #SAMPLE_ROWS} evenly spaced
 *             rows: a second pass would repeat that many multiply-adds per entry kept, while the
 *             buffers hold only about nnz(C) ≤ flops/{@value #ONE_PHASE_MIN_RATIO} entries;</li>
 *         <li>{@link SpgemmStrategy#ONE_PHASE} when the estimated nnz(C) is below
 *             {@value #TWO_PHASE_MIN_NNZ} entries (about 25 MB of buffers): memory that small is
 *             recycled young-generation space in a running JVM, not fresh pages, so the second pass
 *             of two phases only costs time (in the kernel suite's warmed JVM two phases were 1.2–1.4×
 *             slower on wiki-Vote, Dubcova1 and whitaker3);</li>
 *         <li>{@link SpgemmStrategy#TWO_PHASE} otherwise (a large one-off product): count every row, then
 *             write every row in place, with no buffer for C at all.</li>
 *       </ol>
 *       One phase computes each row once into its worker's chunk buffer, which grows with what the
 *       rows hold (doubling from the estimate's share, never with the flop bound) and is kept in the
 *       workspace, then copies the buffers into exactly sized arrays. Either way no temporary is
 *       proportional to the flop bound: scratch is at most about 2·nnz(C) entries (one phase, fresh
 *       workspace) or O(rows) plus the accumulators (two phases). The measurements behind the rule,
 *       and the extra memory as a multiple of the output, are in
 *       {@code benchmarks/results/kernels/spgemm-memory.md}.</li>
 *   <li><b>Row pointer by a parallel prefix sum</b> (per-task sums, a scan over tasks, per-task fill).</li>
 *   <li><b>Sorting only when asked.</b> Sorted output sorts each hashed row's (column, slot) pairs
 *       packed in a {@code long} (an inline insertion sort for short rows); a dense row whose span
 *       covers at most 4 bitmap words per entry is listed in order from its bitmap. Unsorted output
 *       keeps insertion order.</li>
 * </ol>
 *
 * <p><b>Memory reuse.</b> {@link #multiply(CsrMatrix, CsrMatrix, SpgemmOptions, SpgemmWorkspace)} keeps
 * its scratch in the caller's workspace; a caller that is done with the previous product hands it back
 * with {@link SpgemmWorkspace#recycle}, and the next product is written into its arrays. With both, a
 * repeated product of the same shapes allocates only O(threads) small objects.
 *
 * <p><b>Values.</b> Each entry accumulates its products in A's row order, then B's row order, so
 * rows computed by one worker are bit-identical for any thread count and either strategy. Heavy rows
 * (only with more than one thread) add their products in whatever order the workers reach them, so
 * they may differ from a one-thread run in the last bits. Entries that cancel to zero are kept as
 * explicit zeros unless {@link SpgemmOptions#dropZeros()}; the structure of C is then the structural
 * product of A and B.
 */
public final class Spgemm {

    /** A row is heavy when its flops exceed total/(HEAVY_SHARE·threads) (and {@link #HEAVY_MIN_FLOPS}). */
    private static final int HEAVY_SHARE = 2;
    /** Below this many flops a row is never worth sharing between threads. */
    static final long HEAVY_MIN_FLOPS = 1 << 15;
    /** Rows counted exactly to estimate nnz(C). */
    static final int SAMPLE_ROWS = 1024;
    /** Flops per entry of C from which a one-off product runs one phase (see the class comment). */
    static final int ONE_PHASE_MIN_RATIO = 8;
    /** Estimated nnz(C) from which a one-off product runs two phases (see the class comment). */
    static final long TWO_PHASE_MIN_NNZ = 1L << 21;

    private Spgemm() {
    }

    /**
     * {@code C = A·B} with {@link SpgemmOptions#defaults()}.
     *
     * @param a Input, {@code m × n} CSR (sorted or not)
     * @param b Input, {@code n × p} CSR (sorted or not)
     * @return C, {@code m × p}, canonical
     */
    public static CsrMatrix multiply(CsrMatrix a, CsrMatrix b) {
        return multiply(a, b, SpgemmOptions.defaults());
    }

    /**
     * {@code C = A·B}, with a fresh workspace.
     *
     * @param a       Input, {@code m × n} CSR (sorted or not)
     * @param b       Input, {@code n × p} CSR (sorted or not)
     * @param options threads, sorted output, dropping zeros
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     * @throws IllegalArgumentException if the inner dimensions differ, or C would hold more
     *                                  entries than a Java array
     */
    public static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        return multiply(a, b, options, null);
    }

    /**
     * {@code C = A·B}, keeping scratch memory in {@code workspace} (and writing into the arrays of a
     * product recycled there) so that repeated calls stop allocating.
     *
     * @param a         Input, {@code m × n} CSR (sorted or not)
     * @param b         Input, {@code n × p} CSR (sorted or not)
     * @param options   threads, sorted output, dropping zeros
     * @param workspace Optional: scratch kept between calls, or null for a fresh one
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     * @throws IllegalArgumentException if the inner dimensions differ, or C would hold more
     *                                  entries than a Java array
     */
    public static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace workspace) {
        Checks.checkNotNull(options, "options");
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        return multiply(a, b, options, workspace, HEAVY_MIN_FLOPS, null);
    }

    /**
     * {@code C = A·Bᵀ}: {@code a} is {@code m × n}, {@code b} is {@code p × n}. Forms Bᵀ once (a
     * parallel counting sort, O(nnz(B))) and multiplies; row-by-row dot products would cost far more.
     *
     * @param a Input, {@code m × n} CSR (sorted or not)
     * @param b Input, {@code p × n} CSR (sorted or not)
     * @param options threads, sorted output, dropping zeros
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     */
    public static CsrMatrix multiplyTransposeB(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        return multiplyTransposeB(a, b, options, null);
    }

    /**
     * {@link #multiplyTransposeB(CsrMatrix, CsrMatrix, SpgemmOptions)} with a workspace.
     *
     * @param a Input, {@code m × n} CSR (sorted or not)
     * @param b Input, {@code p × n} CSR (sorted or not)
     * @param options threads, sorted output, dropping zeros
     * @param workspace Optional: scratch kept between calls, or null
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     */
    public static CsrMatrix multiplyTransposeB(CsrMatrix a, CsrMatrix b, SpgemmOptions options,
                                               SpgemmWorkspace workspace) {
        Checks.checkInner(a.cols(), b.cols(), a, b, "A·Bᵀ");
        return multiply(a, b.transpose(), options, workspace, HEAVY_MIN_FLOPS, null);
    }

    /**
     * {@code C = Aᵀ·B}: {@code a} is {@code n × m}, {@code b} is {@code n × p}. Forms Aᵀ once and
     * multiplies. Where A is already held column-wise, pass {@code cscA.transposeView()} to
     * {@link #multiply(CsrMatrix, CsrMatrix, SpgemmOptions)} instead and no transpose is formed.
     *
     * @param a Input, {@code n × m} CSR (sorted or not)
     * @param b Input, {@code n × p} CSR (sorted or not)
     * @param options threads, sorted output, dropping zeros
     * @return C, {@code m × p}: canonical unless {@code options.sorted()} is false
     */
    public static CsrMatrix multiplyTransposeA(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        Checks.checkInner(a.rows(), b.rows(), a, b, "Aᵀ·B");
        return multiply(a.transpose(), b, options, null, HEAVY_MIN_FLOPS, null);
    }

    /**
     * The scratch-size query: the flops of {@code A·B}, nnz(C) estimated from exact counts on up to
     * {@value #SAMPLE_ROWS} evenly spaced rows, the {@link SpgemmStrategy} {@link #multiply} will use,
     * and the bytes of scratch it needs. O(nnz(A)) plus the sampled rows' flops.
     *
     * @param a       Input, {@code m × n}
     * @param b       Input, {@code n × p}
     * @param options threads and whether zeros are dropped (which forces one phase)
     * @return the estimate
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public static SpgemmEstimate estimate(CsrMatrix a, CsrMatrix b, SpgemmOptions options) {
        return estimate(a, b, options, null);
    }

    /**
     * {@link #estimate(CsrMatrix, CsrMatrix, SpgemmOptions)} for a product through {@code workspace}:
     * the strategy then also depends on whether the workspace has served a product before.
     *
     * @param a Input, {@code m × n}
     * @param b Input, {@code n × p}
     * @param options threads and whether zeros are dropped (which forces one phase)
     * @param workspace Optional: the workspace the product will use, or null for a fresh one
     *                  (it is used for scratch but not counted as having served a product)
     * @return the estimate
     */
    public static SpgemmEstimate estimate(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace workspace) {
        Checks.checkNotNull(options, "options");
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        SpgemmWorkspace ws = workspace != null ? workspace : new SpgemmWorkspace();
        Plan plan = Plan.of(a, b, options, ws, HEAVY_MIN_FLOPS);
        long est = plan.estimateNnz(ws);
        SpgemmStrategy s = choose(plan.total, est, options, ws.products() > 0);
        int workers = Parallelism.workers(plan.threads, plan.taskCount());
        long accumulators = workers * plan.accumulatorBytes();
        long bytes = 8L * (plan.m + 1) + accumulators + (s == SpgemmStrategy.ONE_PHASE ? 12L * est * 9 / 8 : 0);
        return new SpgemmEstimate(plan.total, est, s, bytes);
    }

    /**
     * The symbolic phase: the exact structure (row pointer) of {@code C = A·B}, counting each row's
     * distinct columns with the same accumulators as the numeric phase. O(flops).
     *
     * @param a         Input, {@code m × n}
     * @param b         Input, {@code n × p}
     * @param options   threads ({@code sorted} and {@code dropZeros} do not matter here)
     * @param workspace Optional: scratch kept between calls, or null
     * @return the structure of C, for {@link #numeric}
     * @throws IllegalArgumentException if the inner dimensions differ, or C would hold more entries
     *                                  than a Java array
     */
    public static SpgemmSymbolic symbolic(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace workspace) {
        Checks.checkNotNull(options, "options");
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        SpgemmWorkspace ws = workspace != null ? workspace : new SpgemmWorkspace();
        Plan plan = Plan.of(a, b, options, ws, HEAVY_MIN_FLOPS);
        int[] rowPtr = new int[plan.m + 1];
        plan.countRows(ws, options, rowPtr, null);
        plan.scan(rowPtr);
        return new SpgemmSymbolic(a, b, rowPtr, plan.total, plan.tasks, plan.heavy);
    }

    /**
     * The numeric phase: the values of {@code C = A·B} written into the caller's arrays at the
     * positions {@code symbolic} gives. O(flops); allocates nothing proportional to C.
     *
     * @param a         Input, {@code m × n}: the structure {@code symbolic} was computed from (values may differ)
     * @param b         Input, {@code n × p}: likewise
     * @param symbolic  Input: from {@link #symbolic} on matrices with the structure of a and b
     * @param options   threads and sorted output; {@code dropZeros} is not available here, since it changes the structure
     * @param workspace Optional: scratch kept between calls, or null
     * @param colIdx    Output: column indices, length ≥ {@code symbolic.nnz()}
     * @param values    Output: values, length ≥ {@code symbolic.nnz()}
     * @return C over {@code symbolic.rowPointers()}, {@code colIdx} and {@code values} (adopted, not copied)
     * @throws IllegalArgumentException if the structure differs, an output is too short, or zeros are to be dropped
     */
    public static CsrMatrix numeric(CsrMatrix a, CsrMatrix b, SpgemmSymbolic symbolic, SpgemmOptions options,
                                    SpgemmWorkspace workspace, int[] colIdx, double[] values) {
        Checks.checkNotNull(symbolic, "symbolic");
        Checks.checkNotNull(options, "options");
        Checks.checkNotNull(colIdx, "colIdx");
        Checks.checkNotNull(values, "values");
        if (options.dropZeros()) {
            throw new IllegalArgumentException("the numeric phase keeps the symbolic structure, so it cannot drop"
                    + " zeros; use Spgemm.multiply with dropZeros, or drop them from the result");
        }
        symbolic.checkSameStructure(a, b);
        int nnz = symbolic.nnz();
        if (colIdx.length < nnz || values.length < nnz) {
            throw new IllegalArgumentException("C has " + nnz + " entries but the output arrays hold " + colIdx.length
                    + " column indices and " + values.length + " values");
        }
        SpgemmWorkspace ws = workspace != null ? workspace : new SpgemmWorkspace();
        int threads = options.parallelism().threadsFor(a.nnz() + (long) b.nnz());
        Plan plan = new Plan(a, b, threads, null, symbolic.flops(), symbolic.heavy(), symbolic.tasks());
        int[] rowPtr = symbolic.rowPointers();
        plan.numericRows(ws, options, rowPtr, null, colIdx, values);
        return options.sorted() ? new CsrMatrix(plan.m, plan.p, rowPtr, colIdx, values)
                : CsrMatrix.unsorted(plan.m, plan.p, rowPtr, colIdx, values);
    }

    /** The product with the heavy-row threshold exposed, so tests can drive the shared-table path. */
    static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options, long heavyMinFlops) {
        Checks.checkInner(a.cols(), b.rows(), a, b, "A·B");
        return multiply(a, b, options, null, heavyMinFlops, null);
    }

    /**
     * The strategy the rule of the class comment picks.
     *
     * @param flops        multiply-adds of the product
     * @param estimatedNnz nnz(C), estimated
     * @param options      whether zeros are dropped
     * @param reused       whether the workspace has served a product before
     */
    static SpgemmStrategy choose(long flops, long estimatedNnz, SpgemmOptions options, boolean reused) {
        if (options.dropZeros() || reused || estimatedNnz < TWO_PHASE_MIN_NNZ
                || flops >= (long) ONE_PHASE_MIN_RATIO * Math.max(1, estimatedNnz)) {
            return SpgemmStrategy.ONE_PHASE;
        }
        return SpgemmStrategy.TWO_PHASE;
    }

    /**
     * The product by a given strategy ({@code forced}, for tests) or by the rule ({@code null}).
     * {@link SpgemmStrategy#TWO_PHASE} with {@code dropZeros} runs one phase.
     */
    static CsrMatrix multiply(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace workspace,
                              long heavyMinFlops, SpgemmStrategy forced) {
        SpgemmWorkspace ws = workspace != null ? workspace : new SpgemmWorkspace();
        Plan plan = Plan.of(a, b, options, ws, heavyMinFlops);
        long est = plan.estimateNnz(ws);
        SpgemmStrategy s = forced != null ? forced : choose(plan.total, est, options, ws.products() > 0);
        ws.served();
        if (options.dropZeros()) {
            s = SpgemmStrategy.ONE_PHASE;
        }
        int m = plan.m;
        int[] rowPtr = ws.rowPointer(m, a, b);
        int[] colIdx;
        double[] values;
        if (s == SpgemmStrategy.TWO_PHASE) {
            SpgemmSharedRow[] heavyRows = new SpgemmSharedRow[m == 0 ? 0 : plan.heavyCount];
            plan.countRows(ws, options, rowPtr, heavyRows);
            int nnz = plan.scan(rowPtr);
            colIdx = ws.columns(nnz, a, b);
            values = ws.values(nnz, a, b);
            plan.numericRows(ws, options, rowPtr, heavyRows, colIdx, values);
        } else {
            int[] taskWorker = new int[plan.taskCount()];
            int[] taskOffset = new int[plan.taskCount()];
            SpgemmSharedRow[] heavyRows = plan.oneCompute(ws, options, est, rowPtr, taskWorker, taskOffset);
            int nnz = plan.scan(rowPtr);
            colIdx = ws.columns(nnz, a, b);
            values = ws.values(nnz, a, b);
            plan.copyChunks(ws, rowPtr, heavyRows, taskWorker, taskOffset, colIdx, values);
        }
        return options.sorted() ? new CsrMatrix(m, plan.p, rowPtr, colIdx, values)
                : CsrMatrix.unsorted(m, plan.p, rowPtr, colIdx, values);
    }

    static int checkedLength(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the product has (or may have) " + n
                    + " entries, more than a Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        return (int) n;
    }

    /**
     * What every phase needs: the flop prefix of the light rows, the heavy rows, and the tasks of equal
     * light flops. {@code prefix} is null when built from a {@link SpgemmSymbolic} (the numeric phase
     * sizes its rows from the exact counts).
     */
    private static final class Plan {
        final CsrMatrix a;
        final CsrMatrix b;
        final int m;
        final int p;
        final int threads;
        final long[] prefix;
        final long total;
        final boolean[] heavy;
        final int heavyCount;
        final int[] tasks;

        Plan(CsrMatrix a, CsrMatrix b, int threads, long[] prefix, long total, boolean[] heavy, int[] tasks) {
            this.a = a;
            this.b = b;
            this.m = a.rows();
            this.p = b.cols();
            this.threads = threads;
            this.prefix = prefix;
            this.total = total;
            this.heavy = heavy;
            int h = 0;
            if (heavy != null) {
                for (boolean x : heavy) {
                    h += x ? 1 : 0;
                }
            }
            this.heavyCount = h;
            this.tasks = tasks;
        }

        static Plan of(CsrMatrix a, CsrMatrix b, SpgemmOptions options, SpgemmWorkspace ws, long heavyMinFlops) {
            int m = a.rows();
            int threads = options.parallelism().threadsFor(a.nnz() + (long) b.nnz());
            int[] ap = a.rowPointers();
            int[] aj = a.columnIndices();
            int[] bp = b.rowPointers();
            long[] prefix = ws.prefix(m);
            // 1. Per-row flops into prefix[i + 1], in parallel over row ranges of equal nnz(A).
            int[] nnzRanges = KernelSupport.splitRows(m, ap, null, KernelSupport.parts(threads, m));
            Parallelism.forEachTask(threads, nnzRanges.length - 1, t -> {
                for (int i = nnzRanges[t]; i < nnzRanges[t + 1]; i++) {
                    long f = 0;
                    for (int q = ap[i]; q < ap[i + 1]; q++) {
                        f += bp[aj[q] + 1] - bp[aj[q]];
                    }
                    prefix[i + 1] = f;
                }
            });
            prefix[0] = 0;
            long total = 0;
            long max = 0;
            for (int i = 1; i <= m; i++) {
                total += prefix[i];
                max = Math.max(max, prefix[i]);
            }
            // 2. Heavy rows (several threads only) take no light flops.
            long heavyAbove = Math.max(heavyMinFlops, total / ((long) HEAVY_SHARE * threads));
            boolean[] heavy = null;
            int p = b.cols();
            if (threads > 1 && max > heavyAbove) {
                for (int i = 0; i < m; i++) {
                    long f = prefix[i + 1];
                    if (f > heavyAbove && Math.min(f, p) <= SpgemmAccumulator.MAX_HASHED) {
                        if (heavy == null) {
                            heavy = new boolean[m];
                        }
                        heavy[i] = true;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                prefix[i + 1] = prefix[i] + (heavy != null && heavy[i] ? 0 : prefix[i + 1]);
            }
            int[] tasks = KernelSupport.splitPrefix(prefix, m,
                    threads == 1 ? 1 : threads * KernelSupport.TASKS_PER_THREAD);
            return new Plan(a, b, threads, prefix, total, heavy, tasks);
        }

        int taskCount() {
            return tasks.length - 1;
        }

        boolean isHeavy(int i) {
            return heavy != null && heavy[i];
        }

        /** The flop bound of light row {@code i}, capped at cols(B): an upper bound on its length. */
        int bound(int i) {
            return (int) Math.min(prefix[i + 1] - prefix[i], p);
        }

        /** Flops of heavy row {@code i}, capped at cols(B). */
        int heavyBound(int i) {
            long f = 0;
            for (int q = a.rowPointers()[i]; q < a.rowPointers()[i + 1]; q++) {
                int k = a.columnIndices()[q];
                f += b.rowPointers()[k + 1] - b.rowPointers()[k];
            }
            return (int) Math.min(f, p);
        }

        /** Bytes of one worker's accumulator at its largest: dense arrays, or a table for the largest light row. */
        long accumulatorBytes() {
            long maxBound = 0;
            for (int i = 0; i < m; i++) {
                maxBound = Math.max(maxBound, isHeavy(i) ? 0 : bound(i));
            }
            return 12L * p + 36L * maxBound;
        }

        /**
         * nnz(C) from exact counts of up to {@link #SAMPLE_ROWS} evenly spaced light rows, scaled by
         * the light flops; heavy rows count at their bound. Exact when every row is sampled.
         */
        long estimateNnz(SpgemmWorkspace ws) {
            long lightTotal = prefix[m];
            long est = 0;
            if (heavy != null) {
                for (int i = 0; i < m; i++) {
                    est += heavy[i] ? heavyBound(i) : 0;
                }
            }
            if (lightTotal == 0) {
                return est;
            }
            SpgemmAccumulator acc = ws.accumulator(0, p);
            int step = Math.max(1, m / SAMPLE_ROWS);
            long sampledFlops = 0;
            long sampledNnz = 0;
            for (int i = step / 2; i < m; i += step) {
                if (!isHeavy(i)) {
                    int bd = bound(i);
                    sampledFlops += prefix[i + 1] - prefix[i];
                    sampledNnz += acc.count(a, b, i, bd);
                }
            }
            if (sampledFlops == 0) {
                return est + Math.min(lightTotal, (long) m * p); // no light row sampled has work: assume no merging
            }
            return est + (long) Math.ceil((double) lightTotal * sampledNnz / sampledFlops);
        }

        /**
         * Symbolic phase: {@code rowPtr[i + 1] = nnz(C(i,:))} for every row. Heavy rows are computed
         * by the shared table; their rows are kept in {@code heavyRows} (indexed in row order) when it
         * is not null, for the numeric phase to copy.
         */
        void countRows(SpgemmWorkspace ws, SpgemmOptions o, int[] rowPtr, SpgemmSharedRow[] heavyRows) {
            SpgemmOptions keep = o.withDropZeros(false);
            if (heavy != null) {
                for (int i = 0, h = 0; i < m; i++) {
                    if (heavy[i]) {
                        SpgemmSharedRow row = SpgemmSharedRow.multiply(a, b, i, heavyBound(i), keep);
                        rowPtr[i + 1] = row.cols.length;
                        if (heavyRows != null) {
                            heavyRows[h] = row;
                        }
                        h++;
                    }
                }
            }
            int taskCount = taskCount();
            ws.ensureWorkers(Parallelism.workers(threads, taskCount));
            Parallelism.forEachWorkerTask(threads, taskCount, (worker, t) -> {
                SpgemmAccumulator acc = ws.accumulator(worker, p);
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    if (!isHeavy(i)) {
                        rowPtr[i + 1] = acc.count(a, b, i, bound(i));
                    }
                }
            });
        }

        /**
         * Turns the counts in {@code rowPtr[1..m]} into the row pointer, in parallel: per-task sums,
         * an exclusive scan over tasks, per-task fill. Returns nnz(C).
         */
        int scan(int[] rowPtr) {
            int taskCount = taskCount();
            long[] taskStart = new long[taskCount + 1];
            Parallelism.forEachTask(threads, taskCount, t -> {
                long s = 0;
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    s += rowPtr[i + 1];
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
                    s += rowPtr[i + 1];
                    rowPtr[i + 1] = s;
                }
            });
            rowPtr[0] = 0;
            return nnz;
        }

        /**
         * Numeric phase: every row written in place at {@code rowPtr[i]}. Light rows are sized by
         * their exact count; heavy rows are copied from {@code heavyRows}, or recomputed when it is null.
         */
        void numericRows(SpgemmWorkspace ws, SpgemmOptions o, int[] rowPtr, SpgemmSharedRow[] heavyRows,
                         int[] colIdx, double[] values) {
            SpgemmOptions keep = o.withDropZeros(false);
            if (heavy != null) {
                for (int i = 0, h = 0; i < m; i++) {
                    if (heavy[i]) {
                        SpgemmSharedRow row = heavyRows != null ? heavyRows[h]
                                : SpgemmSharedRow.multiply(a, b, i, heavyBound(i), keep);
                        System.arraycopy(row.cols, 0, colIdx, rowPtr[i], row.cols.length);
                        System.arraycopy(row.vals, 0, values, rowPtr[i], row.vals.length);
                        h++;
                    }
                }
            }
            int taskCount = taskCount();
            ws.ensureWorkers(Parallelism.workers(threads, taskCount));
            Parallelism.forEachWorkerTask(threads, taskCount, (worker, t) -> {
                SpgemmAccumulator acc = ws.accumulator(worker, p);
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    if (!isHeavy(i)) {
                        acc.row(a, b, i, rowPtr[i + 1] - rowPtr[i], keep, colIdx, values, rowPtr[i]);
                    }
                }
            });
        }

        /**
         * One phase, first half: heavy rows by the shared table, light rows into each worker's chunk
         * buffer (grown as rows arrive, starting from the estimate's share), with each task's worker and
         * start recorded and each row's length in {@code rowPtr[i + 1]}.
         */
        SpgemmSharedRow[] oneCompute(SpgemmWorkspace ws, SpgemmOptions o, long estimatedNnz, int[] rowPtr,
                                     int[] taskWorker, int[] taskOffset) {
            SpgemmSharedRow[] heavyRows = new SpgemmSharedRow[heavyCount];
            if (heavy != null) {
                for (int i = 0, h = 0; i < m; i++) {
                    if (heavy[i]) {
                        heavyRows[h] = SpgemmSharedRow.multiply(a, b, i, heavyBound(i), o);
                        rowPtr[i + 1] = heavyRows[h].cols.length;
                        h++;
                    }
                }
            }
            int taskCount = taskCount();
            int workers = Parallelism.workers(threads, taskCount);
            ws.ensureWorkers(workers);
            int initial = (int) Math.min(Integer.MAX_VALUE - 8, estimatedNnz / workers + estimatedNnz / (8L * workers) + 1024);
            int[] fill = new int[workers];
            Parallelism.forEachWorkerTask(threads, taskCount, (worker, t) -> {
                SpgemmAccumulator acc = ws.accumulator(worker, p);
                int out = fill[worker];
                if (out == 0) {
                    ws.ensureChunk(worker, initial, 0);
                }
                taskWorker[t] = worker;
                taskOffset[t] = out;
                for (int i = tasks[t]; i < tasks[t + 1]; i++) {
                    if (isHeavy(i)) {
                        continue;
                    }
                    int bd = bound(i);
                    if ((long) out + bd > ws.chunkCols(worker).length) {
                        ws.ensureChunk(worker, checkedLength((long) out + bd), out);
                    }
                    int n = acc.row(a, b, i, bd, o, ws.chunkCols(worker), ws.chunkVals(worker), out);
                    rowPtr[i + 1] = n;
                    out += n;
                }
                fill[worker] = out;
            });
            return heavyRows;
        }

        /** One phase, second half: each task's rows copied from its worker's chunk into C, heavy rows between. */
        void copyChunks(SpgemmWorkspace ws, int[] rowPtr, SpgemmSharedRow[] heavyRows, int[] taskWorker,
                        int[] taskOffset, int[] colIdx, double[] values) {
            int[] heavyIndex = null;
            if (heavy != null) {
                heavyIndex = new int[m];
                for (int i = 0, h = 0; i < m; i++) {
                    heavyIndex[i] = heavy[i] ? h++ : -1;
                }
            }
            int[] hIdx = heavyIndex;
            Parallelism.forEachTask(threads, taskCount(), t -> {
                int[] cols = ws.chunkCols(taskWorker[t]);
                double[] vals = ws.chunkVals(taskWorker[t]);
                int src = taskOffset[t];
                int runStart = tasks[t];
                for (int i = tasks[t]; i <= tasks[t + 1]; i++) {
                    boolean end = i == tasks[t + 1];
                    if (end || isHeavy(i)) {
                        int len = rowPtr[i] - rowPtr[runStart];
                        System.arraycopy(cols, src, colIdx, rowPtr[runStart], len);
                        System.arraycopy(vals, src, values, rowPtr[runStart], len);
                        src += len;
                        if (!end) {
                            SpgemmSharedRow row = heavyRows[hIdx[i]];
                            System.arraycopy(row.cols, 0, colIdx, rowPtr[i], row.cols.length);
                            System.arraycopy(row.vals, 0, values, rowPtr[i], row.vals.length);
                        }
                        runStart = i + 1;
                    }
                }
            });
        }
    }
}
