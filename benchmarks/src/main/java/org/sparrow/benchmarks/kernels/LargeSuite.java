package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixSparseCSC;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.benchmarks.kernels.LargeReport.Op;
import org.sparrow.benchmarks.kernels.LargeReport.Row;
import org.sparrow.benchmarks.kernels.LargeReport.Section;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmFlops;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;

/**
 * The kernel suite's "large" family ({@code ./sparrow bench kernels --large}): the kernels at the scale
 * users run them (issue 16), measured two ways in one run and reported side by side with scipy and EJML
 * against the goals ({@link LargeReport}: {@code large.md}, {@code large.csv}).
 *
 * <p>The matrices ({@link LargeMatrix}) are generated once, seeded, and cached as raw CSR arrays
 * ({@link CsrCache}) in a temporary folder ({@code --cache}, default {@code $TMPDIR/sparrow-bench-large},
 * never committed); the two goal matrices are also written there as Matrix Market files for the
 * fresh-process runs. Then, in this order (so that the benchmark JVM's grown heap does not sit beside the
 * fresh processes):
 * <ol>
 *   <li><b>Fresh processes</b>, on the goal matrices: {@code sparrow multiply A A --repeat 5 --json} (the
 *       median it reports, and the whole-process time), {@code sparrow info A}, and in a fresh python each
 *       {@code scipy.io.mmread}, mmread + {@code A @ A} and mmread + {@code A @ x} (one warm-up call and 5
 *       timed, as {@code multiply} does); plus {@code sparrow --version}. Timed by {@link FreshProcess}
 *       (hyperfine where only the time matters).</li>
 *   <li><b>Steady state</b> in this JVM after growing and touching its heap (as the medium suite does), with
 *       the suite's {@link Timer}: SpGEMM {@code C = A·A} (Sparrow sorted and unsorted on T threads, EJML,
 *       EJML-MT, scipy), SpMV into a reused y (Sparrow on T threads and on 1, scipy {@code A @ x}) and SpMM
 *       with k = 1 (Sparrow on T threads), with the copy bandwidth measured at the start of the same run.</li>
 * </ol>
 * SpGEMM runs only where {@code A·A} has at most {@link #SPGEMM_FLOP_CAP} multiply-adds (the Poisson
 * and power-law matrices have 0.5–1.2·10^8): the Graph500 R-MAT squares at scales 20–22 need 2·10^10 and
 * more multiply-adds and billions of output entries, far past the machine's memory (already scale 16 has
 * 4·10^8 multiply-adds and ~10^8 entries), so R-MAT 20–22 get SpMV and SpMM only — their role is SpMV on
 * irregular matrices far larger than the cache. Every result is checked against an independent plain-loop reference: SpMV against
 * {@code A·x}, SpGEMM by {@code C·x} against {@code A·(A·x)} (cheap at any size, and exact up to rounding).
 */
public final class LargeSuite {

    /** SpGEMM is run only where {@code A·A} has at most this many multiply-adds (memory and time; see above). */
    static final long SPGEMM_FLOP_CAP = 250_000_000L;

    /** Timed products per {@code sparrow multiply} process (its {@code --repeat}) and per fresh python. */
    static final int FRESH_REPEAT = 5;

    private LargeSuite() {
    }

    /**
     * Command-line options of the large family.
     *
     * @param results  results folder ({@code large.md}, {@code large.csv})
     * @param quick    the quick sizes and short timing (a check run)
     * @param matrices names to run, or empty for all
     * @param threads  T
     * @param cache    where generated matrices are cached
     * @param sparrow  the command that runs the Sparrow CLI (split on spaces)
     * @param scipy    whether to run scipy
     * @param fresh    whether to run the fresh-process part
     * @param steady   whether to run the steady-state part
     */
    record Options(Path results, boolean quick, List<String> matrices, int threads, Path cache, List<String> sparrow,
                   boolean scipy, boolean fresh, boolean steady) {

        static final String USAGE = """
                Usage: KernelSuite --large [RESULTS_DIR] [--quick] [--matrices a,b,...] [--threads T] [--cache DIR]
                                   [--sparrow CMD] [--no-scipy] [--no-fresh] [--no-steady]
                  RESULTS_DIR   where large.md and large.csv go (default benchmarks/results/kernels)
                  --quick       the same kinds of matrices 10-100x smaller and short timing, for a check run
                  --matrices    only these (poisson2d-1000, poisson2d-2000, poisson3d-100, rmat-20, rmat-21,
                                rmat-22, powerlaw-2M; quick: poisson2d-300, poisson2d-400, poisson3d-30, rmat-11,
                                rmat-12, rmat-13, powerlaw-small)
                  --threads     thread count of the multithreaded runs (default 2)
                  --cache       where generated matrices are kept between runs
                                (default $TMPDIR/sparrow-bench-large; not part of the results)
                  --sparrow     the command that runs the Sparrow CLI (default ./sparrow, the launcher)
                  --no-scipy    skip scipy
                  --no-fresh    skip the fresh-process timings
                  --no-steady   skip the steady-state timings""";

        /** What the large family accepts. */
        static final Args.Spec SPEC = Args.spec("KernelSuite --large", USAGE).positional("RESULTS_DIR")
                .flags("--large", "--quick", "--no-scipy", "--no-fresh", "--no-steady")
                .options("--matrices", "--threads", "--cache", "--sparrow");

        /** The options of parsed arguments; a usage error names a bad value or an unknown matrix. */
        static Options of(Args a) {
            boolean quick = a.has("--quick");
            List<String> names = LargeMatrix.family(quick).stream().map(LargeMatrix::name).toList();
            for (String m : a.list("--matrices")) {
                if (!names.contains(m)) {
                    throw new IllegalArgumentException("--matrices: no large matrix '" + m + "'" + (quick
                            ? " in the quick sizes" : "") + "; available: " + String.join(", ", names));
                }
            }
            List<String> sparrow = Arrays.stream(a.string("--sparrow", "./sparrow").strip().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
            if (sparrow.isEmpty()) {
                throw new IllegalArgumentException("--sparrow needs a command, e.g. ./sparrow");
            }
            return new Options(a.positional(Path.of("benchmarks/results/kernels")), quick, a.list("--matrices"),
                    a.integer("--threads", 2, 1), a.path("--cache", Path.of(System.getProperty("java.io.tmpdir"),
                    "sparrow-bench-large")), sparrow, !a.has("--no-scipy"), !a.has("--no-fresh"), !a.has("--no-steady"));
        }

        /** The matrices to run, in family order. */
        List<LargeMatrix> chosen() {
            return LargeMatrix.family(quick).stream().filter(m -> matrices.isEmpty() || matrices.contains(m.name()))
                    .toList();
        }
    }

    /**
     * Steady-state timing of the large family: full, at least 3 calls (the first counts) and 1 s of
     * warm-up, then the median of 7 runs of ≥ 20 ms, about 20 s per measurement, a first call of 8 s or
     * more timed once; quick, 2 calls and 0.3 s, median of 3, 4 s, 2 s.
     */
    static Timer.Settings timing(boolean quick) {
        return quick ? new Timer.Settings(1, 0.3, 3, 0.005, 4.0, 2.0) : new Timer.Settings(2, 1.0, 7, 0.020, 20.0, 8.0);
    }

    /**
     * Runs the large family.
     *
     * @param args see {@link Options#USAGE}; {@code --help} prints it
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        run(Options.SPEC.parseOrExit(args, Options::of));
    }

    /** A cached matrix and its sizes. */
    private record Prepared(LargeMatrix m, Path csr, Path mtx, int rows, int cols, long nnz, long flops) {
    }

    /**
     * Runs the family with {@code opt} and writes the report.
     *
     * @param opt the options
     */
    static void run(Options opt) throws Exception {
        Instant start = Instant.now();
        String loadAtStart = loadAverage();
        NNZ_C.clear();
        Files.createDirectories(opt.results());
        Files.createDirectories(opt.cache());
        Timer.Settings settings = timing(opt.quick());
        int t = opt.threads();
        List<String> notes = new ArrayList<>();
        System.out.printf(Locale.ROOT, "Kernel suite, large family%s: T = %d threads, cache %s%n",
                opt.quick() ? " (quick sizes)" : "", t, opt.cache());

        List<Prepared> prepared = new ArrayList<>();
        for (LargeMatrix m : opt.chosen()) {
            prepared.add(prepare(m, opt));
        }
        System.gc();

        List<Row> rows = new ArrayList<>();
        String freshTools = "(not run: --no-fresh)";
        String scipyNote = opt.scipy() ? "scipy" : "scipy not run (--no-scipy)";
        try (ScipyScript scipy = opt.scipy() ? new ScipyScript() : null) {
            if (opt.fresh()) {
                String hf = FreshProcess.hyperfineVersion();
                freshTools = (hf == null ? "the suite's process timer (hyperfine is not on PATH)"
                        : hf + " (`--version`, `info`, `mmread`) and the suite's process timer (commands whose output"
                        + " is read)");
                fresh(opt, prepared, scipy, rows);
            }
            double copy1 = Double.NaN;
            double copyT = Double.NaN;
            if (opt.steady()) {
                KernelSuite.keepHeap();
                KernelSuite.warmHeap();
                EjmlConcurrency.setMaxThreads(t);
                int copyRuns = opt.quick() ? 5 : 20;
                copy1 = CopyBandwidth.measure(1, 16 << 20, copyRuns);
                copyT = CopyBandwidth.measure(t, 16 << 20, copyRuns);
                System.out.printf(Locale.ROOT, "Copy bandwidth: %.1f GB/s on %d threads, %.1f GB/s on 1%n", copyT, t,
                        copy1);
                for (Prepared p : prepared) {
                    steady(p, opt, settings, scipy, rows);
                }
            }
            if (scipy != null && scipy.version != null) {
                scipyNote = scipy.version;
            }
            List<LargeReport.Matrix> infos = new ArrayList<>();
            for (Prepared p : prepared) {
                infos.add(new LargeReport.Matrix(new MatrixInfo(p.m().name(), p.rows(), p.cols(), p.nnz(), p.flops(),
                        NNZ_C.getOrDefault(p.m().name(), -1L), 1), p.m().family(), p.m().goal(), p.mtx() == null ? -1 : Files.size(p.mtx()),
                        p.flops() <= SPGEMM_FLOP_CAP ? "run" : String.format(Locale.ROOT, "skipped (%.2g multiply-adds >"
                                + " cap %.0e)", (double) p.flops(), (double) SPGEMM_FLOP_CAP)));
            }
            Duration took = Duration.between(start, Instant.now());
            MachineInfo mi = MachineInfo.probe();
            String machine = String.format(Locale.ROOT, "%s, %d cores, last-level cache %s, memory %s; %s; heap max %.1f"
                    + " GiB; 1-minute load average at the start %s%s", mi.cpu(), mi.cores(), mi.lastLevelCache(),
                    mi.memory(), mi.jdk(), mi.maxHeapGiB(), loadAtStart, busy(loadAtStart, mi.cores())
                    ? " (above the core count: other work shared the machine, the timings are inflated)" : "");
            String when = String.format(Locale.ROOT, "Run %s, took %d min %d s.", start, took.toMinutes(),
                    took.toSecondsPart());
            String timingText = KernelSuite.describe(settings) + "; EJML " + mi.version("ejml");
            new LargeReport(new LargeReport.Context(when, machine, t, opt.quick(), timingText, copyT, copy1, scipyNote,
                    freshTools, notes), infos, rows).write(opt.results());
        }
    }

    /** nnz of Sparrow's product per matrix in the current run, remembered by {@link #steady} for the report. */
    private static final java.util.Map<String, Long> NNZ_C = new java.util.concurrent.ConcurrentHashMap<>();

    /** Generates (or finds in the cache) one matrix; writes its Matrix Market file for the fresh runs. */
    private static Prepared prepare(LargeMatrix m, Options opt) throws IOException {
        Path csr = opt.cache().resolve(m.name() + ".csr");
        Path mtx = m.goal() && opt.fresh() ? opt.cache().resolve(m.name() + ".mtx") : null;
        CsrMatrix a;
        long t0 = System.nanoTime();
        if (Files.exists(csr)) {
            a = CsrCache.read(csr);
            System.out.printf(Locale.ROOT, "%-16s cached: %s%n", m.name(), csr);
        } else {
            a = m.make().get();
            CsrCache.write(a, csr);
            System.out.printf(Locale.ROOT, "%-16s generated and cached in %.1f s%n", m.name(),
                    (System.nanoTime() - t0) * 1e-9);
        }
        if (mtx != null && !Files.exists(mtx)) {
            MatrixMarket.write(a, mtx);
        }
        long flops = SpgemmFlops.count(a, a);
        System.out.printf(Locale.ROOT, "%-16s %,d × %,d, nnz %,d, A·A: %,d multiply-adds%n", m.name(), a.rows(),
                a.cols(), a.nnz(), flops);
        return new Prepared(m, csr, mtx, a.rows(), a.cols(), a.nnz(), flops);
    }

    /** The fresh-process part on the goal matrices, and {@code sparrow --version}. */
    private static void fresh(Options opt, List<Prepared> prepared, ScipyScript scipy, List<Row> rows)
            throws InterruptedException {
        boolean q = opt.quick();
        int procs = q ? 1 : 3;
        int reads = q ? 2 : 5;
        long timeout = 600;
        List<String> sparrow = opt.sparrow();
        // One untimed call first: the launcher may build the CLI once (after a source change).
        FreshProcess.Timed first = FreshProcess.time(with(sparrow, "--version"), 0, 1, 1800);
        if (!first.ok()) {
            rows.add(freshRow(Op.VERSION, "", "Sparrow", 1, first, Double.NaN));
            return;
        }
        FreshProcess.Timed version = FreshProcess.hyperfine(with(sparrow, "--version"), 2, q ? 3 : 10, timeout);
        rows.add(freshRow(Op.VERSION, "", "Sparrow", 1, version, Double.NaN));
        for (Prepared p : prepared) {
            if (p.mtx() == null) {
                continue;
            }
            String n = p.m().name();
            String file = p.mtx().toString();
            FreshProcess.Timed mult = FreshProcess.time(with(sparrow, "multiply", file, file, "--repeat",
                    String.valueOf(FRESH_REPEAT), "--json"), 0, procs, timeout);
            rows.add(freshRow(Op.MULTIPLY, n, "Sparrow", opt.threads(), mult, mult.medianOfJson("seconds")));
            FreshProcess.Timed info = FreshProcess.hyperfine(with(sparrow, "info", file), 1, reads, timeout);
            rows.add(freshRow(Op.INFO, n, "Sparrow", opt.threads(), info, Double.NaN));
            if (scipy == null) {
                continue;
            }
            FreshProcess.Timed read = FreshProcess.hyperfine(scipy.fresh("mmread", file), 1, reads, timeout);
            rows.add(freshRow(Op.MMREAD, n, "scipy", 1, read, Double.NaN));
            for (Op op : new Op[] {Op.FRESH_SPGEMM, Op.FRESH_SPMV}) {
                FreshProcess.Timed py = FreshProcess.time(scipy.fresh(op == Op.FRESH_SPGEMM ? "spgemm" : "spmv", file),
                        0, procs, timeout);
                List<Double> inProcess = new ArrayList<>();
                for (String out : py.outputs()) {
                    String[] f = out.strip().split(",");
                    if (f.length >= 4) {
                        inProcess.add(Double.parseDouble(f[2]));
                    }
                }
                rows.add(freshRow(op, n, "scipy", 1, py, inProcess.isEmpty() ? Double.NaN
                        : org.sparrow.benchmarks.harness.Stats.median(inProcess)));
            }
        }
    }

    private static Row freshRow(Op op, String matrix, String impl, int threads, FreshProcess.Timed t, double inProcess) {
        String status = t.ok() ? "ok" : "failed: " + t.problem();
        double min = t.wallSeconds().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        Row r = new Row(Section.FRESH, op, matrix, impl, threads, inProcess, min, t.wallSeconds().size(),
                t.medianWall(), Double.NaN, status);
        System.out.printf(Locale.ROOT, "fresh  %-16s %-40s %-8s whole %s s%s  %s%n", matrix, op.label(), impl,
                fmt(r.wallSeconds()), Double.isNaN(inProcess) ? "" : ", in process " + fmt(inProcess) + " s", status);
        return r;
    }

    private static List<String> with(List<String> cmd, String... more) {
        List<String> out = new ArrayList<>(cmd);
        out.addAll(List.of(more));
        return out;
    }

    /** The steady-state part on one matrix. */
    private static void steady(Prepared p, Options opt, Timer.Settings settings, ScipyScript scipy, List<Row> rows)
            throws Exception {
        String n = p.m().name();
        int t = opt.threads();
        CsrMatrix a = CsrCache.read(p.csr());
        double[] x = ResultCheck.inputs(a.cols());
        double[] ax = referenceProduct(a.rowPointers(), a.columnIndices(), a.values(), a.rows(), x);
        double[] aax = referenceProduct(a.rowPointers(), a.columnIndices(), a.values(), a.rows(), ax);
        boolean spgemm = p.flops() <= SPGEMM_FLOP_CAP;
        System.out.printf(Locale.ROOT, "%n== %s: %,d × %,d, nnz %,d%s%n", n, a.rows(), a.cols(), a.nnz(),
                spgemm ? "" : " (SpGEMM skipped: over the multiply-add cap)");
        if (spgemm) {
            for (boolean sorted : new boolean[] {true, false}) {
                SpgemmOptions o = new SpgemmOptions(t, sorted, false);
                time(rows, settings, Op.SPGEMM, n, sorted ? "Sparrow" : "Sparrow unsorted", t, () -> Spgemm.multiply(a,
                        a, o), c -> {
                            if (sorted) {
                                NNZ_C.put(n, (long) c.nnz());
                            }
                            return ResultCheck.relative(aax, referenceProduct(c.rowPointers(), c.columnIndices(),
                                    c.values(), c.rows(), x));
                        });
            }
            EjmlPeer ejml;
            try {
                ejml = new EjmlPeer(a);
            } catch (RuntimeException | OutOfMemoryError e) {
                ejml = null;
                for (String impl : List.of("EJML", "EJML-MT")) {
                    rows.add(print(new Row(Section.STEADY, Op.SPGEMM, n, impl, impl.equals("EJML") ? 1 : t, Double.NaN,
                            Double.NaN, 0, Double.NaN, Double.NaN, "failed: EJML's input could not be built: " + e)));
                }
            }
            if (ejml != null) {
                EjmlPeer e = ejml;
                time(rows, settings, Op.SPGEMM, n, "EJML", 1, e::square, c -> ResultCheck.relative(aax, cscTimes(c, x)));
                time(rows, settings, Op.SPGEMM, n, "EJML-MT", t, e::squareMt,
                        c -> ResultCheck.relative(aax, cscTimes(c, x)));
            }
        } else {
            String why = String.format(Locale.ROOT, "skipped: A·A needs %.2g multiply-adds, over the cap of %.0e",
                    (double) p.flops(), (double) SPGEMM_FLOP_CAP);
            for (String impl : List.of("Sparrow", "Sparrow unsorted", "EJML", "EJML-MT", "scipy")) {
                rows.add(print(new Row(Section.STEADY, Op.SPGEMM, n, impl, 1, Double.NaN, Double.NaN, 0, Double.NaN,
                        Double.NaN, why)));
            }
        }
        for (int threads : new int[] {t, 1}) {
            double[] y = new double[a.rows()];
            time(rows, settings, Op.SPMV, n, threads == t ? "Sparrow" : "Sparrow 1T", threads, () -> {
                Spmv.apply(a, x, y, threads);
                return y;
            }, r -> ResultCheck.relative(ax, r));
            if (t == 1) {
                break;
            }
        }
        double[] y1 = new double[a.rows()];
        time(rows, settings, Op.SPMM1, n, "Sparrow", t, () -> {
            Spmm.apply(a, x, y1, 1, t);
            return y1;
        }, r -> ResultCheck.relative(ax, r));
        if (scipy != null) {
            scipy.steady(p, settings, spgemm, ax, aax, rows);
        }
    }

    /** Times one operation with the suite's timer and records it; a failure is recorded, not thrown. */
    private static <R> void time(List<Row> rows, Timer.Settings settings, Op op, String matrix, String impl,
                                 int threads, Supplier<R> call, KernelSuite.Check<R> check) {
        Row r;
        try {
            Timer.Measured<R> m = Timer.measure(settings, call);
            double rel = check.apply(m.first());
            r = new Row(Section.STEADY, op, matrix, impl, threads, m.median(), m.min(), m.runs(), Double.NaN, rel, "ok");
        } catch (RuntimeException | OutOfMemoryError e) {
            r = new Row(Section.STEADY, op, matrix, impl, threads, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                    "failed: " + e);
        }
        rows.add(print(r));
    }

    private static Row print(Row r) {
        System.out.printf(Locale.ROOT, "steady %-16s %-14s %-18s %s%s%n", r.matrix(), r.op().label(), r.impl()
                + (r.threads() > 1 ? " " + r.threads() + "T" : ""), r.ok() ? String.format(Locale.ROOT, "%12.4f ms",
                r.seconds() * 1e3) : r.status(), Double.isNaN(r.check()) ? "" : String.format(Locale.ROOT,
                "  rel.diff %.1e%s", r.check(), r.check() > ResultCheck.TOLERANCE ? "  MISMATCH" : ""));
        return r;
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or "unknown" (not Linux). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Whether a load average (as read) exceeds the core count. */
    static boolean busy(String load, int cores) {
        try {
            return Double.parseDouble(load) > cores;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * {@code A·x} by the textbook loop over CSR arrays: the reference the kernels are checked against
     * (shares no code with them).
     */
    static double[] referenceProduct(int[] rowPtr, int[] colIdx, double[] values, int rows, double[] x) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                s += values[q] * x[colIdx[q]];
            }
            y[i] = s;
        }
        return y;
    }

    /** {@code C·x} for an EJML compressed-column matrix, by columns. */
    static double[] cscTimes(DMatrixSparseCSC c, double[] x) {
        double[] y = new double[c.numRows];
        for (int col = 0; col < c.numCols; col++) {
            double xc = x[col];
            for (int q = c.col_idx[col]; q < c.col_idx[col + 1]; q++) {
                y[c.nz_rows[q]] += c.nz_values[q] * xc;
            }
        }
        return y;
    }

    /** scipy through {@code kernels_scipy.py}: its {@code large} mode in-suite, its {@code fresh} mode as a command. */
    private static final class ScipyScript implements AutoCloseable {
        private final PythonPeer python;
        private final String interpreter = System.getProperty(PythonPeer.INTERPRETER_PROPERTY, "python3");
        private String version;
        private String unavailable;

        ScipyScript() throws IOException {
            python = new PythonPeer(interpreter, ScipyPeer.class, "kernels_scipy.py");
        }

        /** The command of the script's fresh mode. */
        List<String> fresh(String op, String file) {
            return List.of(interpreter, python.folder().resolve("kernels_scipy.py").toString(), "fresh", op, file,
                    String.valueOf(FRESH_REPEAT));
        }

        /** Times scipy's {@code A @ x} (and {@code A @ A}) on a cached matrix and checks its results. */
        void steady(Prepared p, Timer.Settings s, boolean spgemm, double[] ax, double[] aax, List<Row> rows)
                throws InterruptedException {
            String n = p.m().name();
            List<Op> ops = spgemm ? List.of(Op.SPMV, Op.SPGEMM) : List.of(Op.SPMV);
            if (unavailable != null) {
                for (Op op : ops) {
                    rows.add(print(new Row(Section.STEADY, op, n, "scipy", 1, Double.NaN, Double.NaN, 0, Double.NaN,
                            Double.NaN, unavailable)));
                }
                return;
            }
            Path out = python.folder();
            List<String> args = List.of("large", out.toString(), String.valueOf(s.warmupCalls()),
                    String.valueOf(s.warmupSeconds()), String.valueOf(s.runs()), String.valueOf(s.minRunSeconds()),
                    String.valueOf(s.budgetSeconds()), String.valueOf(s.coldCapSeconds()), spgemm ? "1" : "0", n,
                    p.csr().toString());
            java.util.Map<String, double[]> timings = new java.util.concurrent.ConcurrentHashMap<>();
            PythonPeer.Outcome o = python.run(args, (long) (8 * s.budgetSeconds()) + 300, line -> {
                String[] f = line.split(",");
                if (f.length >= 5) {
                    timings.put(f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])});
                }
            });
            if (o.version() != null) {
                version = o.version();
            }
            if (o.unavailable() != null) {
                unavailable = o.unavailable();
            }
            String problem = o.unavailable() != null ? o.unavailable() : o.timedOut() ? "failed: stopped after the time"
                    + " limit" : o.exitCode() != 0 ? "failed: the scipy script exited with status " + o.exitCode() : null;
            for (Op op : ops) {
                double[] tm = timings.get(op == Op.SPMV ? "spmv" : "spgemm");
                Path result = out.resolve(n + (op == Op.SPMV ? ".spmv" : ".cx"));
                Row r;
                if (tm == null || problem != null && !Files.exists(result)) {
                    r = new Row(Section.STEADY, op, n, "scipy", 1, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN,
                            problem == null ? "failed: no timing printed" : problem);
                } else {
                    double rel = Double.NaN;
                    try {
                        rel = ResultCheck.relative(op == Op.SPMV ? ax : aax, readDoubles(result));
                        Files.deleteIfExists(result);
                    } catch (IOException e) {
                        // not checked: NaN
                    }
                    r = new Row(Section.STEADY, op, n, "scipy", 1, tm[0], tm[1], (int) tm[2], Double.NaN, rel, "ok");
                }
                rows.add(print(r));
            }
        }

        @Override
        public void close() {
            python.close();
        }

        private static double[] readDoubles(Path f) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[b.remaining() / 8];
            b.asDoubleBuffer().get(v);
            return v;
        }
    }
}
