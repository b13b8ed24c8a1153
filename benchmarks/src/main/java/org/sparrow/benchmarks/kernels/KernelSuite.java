package org.sparrow.benchmarks.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import no.uib.cipr.matrix.DenseMatrix;
import no.uib.cipr.matrix.DenseVector;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ojalgo.matrix.store.MatrixStore;
import org.sparrow.benchmarks.BenchmarkData;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.MachineInfo;
import org.sparrow.benchmarks.harness.Timer;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmFlops;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.Spmm;
import org.sparrow.core.ops.Spmv;

/**
 * The kernel benchmark suite: Sparrow and its Java peers in the same JVM and the same run, on the
 * shared medium matrices, plus scipy through python3 and a scaling study on generated matrices.
 *
 * <p>Per matrix ({@code BenchmarkData.dataDir()/medium/*.mtx.gz}), with its own timing harness
 * ({@link Timer}: warm-ups, then the median of N timed runs):
 * <ul>
 *   <li><b>SpGEMM</b> {@code C = A·A}: Sparrow on T threads and on 1, sorted and unsorted; EJML
 *       {@code CommonOps_DSCC.mult} and {@code CommonOps_MT_DSCC.mult} (T threads); ojAlgo
 *       {@code SparseStore × SparseStore}; Commons Math {@code OpenMapRealMatrix.multiply} in a
 *       child JVM with a time cap ({@link CommonsMathProbe}); scipy {@code A @ A}.</li>
 *   <li><b>SpMV</b> {@code y = A·x}: Sparrow (T threads, 1), MTJ {@code CompRowMatrix.mult}, EJML
 *       and EJML-MT {@code mult(A, x)}, scipy {@code A @ x}; GB/s effective and as a fraction of the
 *       copy bandwidth measured at the start of the run ({@link CopyBandwidth}).</li>
 *   <li><b>SpMM</b> {@code Y = A·X}, k = 32: Sparrow (T threads, 1), MTJ, EJML, EJML-MT, scipy.</li>
 * </ul>
 * Every peer's result is compared with Sparrow's (relative Frobenius difference); conversions
 * into each library's format happen once per matrix and are not timed. Outputs (CSV, Markdown,
 * PNG charts) are written by {@link KernelReport} into the results folder.
 *
 * <p>Usage: {@code KernelSuite [RESULTS_DIR] [--quick] [--matrices a,b,...] [--threads T]
 * [--cap SECONDS] [--no-scaling] [--no-scipy]}; the launcher runs it as
 * {@code ./sparrow bench kernels [ARGS]}. With {@code --large} it runs the large family instead
 * ({@link LargeSuite}, its own options).
 */
public final class KernelSuite {

    /** Block width of the SpMM. */
    static final int K = 32;

    private KernelSuite() {
    }

    /**
     * Command-line options.
     *
     * @param results    results folder
     * @param quick      short settings for a smoke run
     * @param matrices   names to run (file names without {@code .mtx.gz}), or empty for all
     * @param threads    T, the multithreaded runs' thread count
     * @param capSeconds Commons Math's cap per matrix
     * @param scaling    whether to run the scaling study
     * @param scipy      whether to run scipy
     */
    record Options(Path results, boolean quick, List<String> matrices, int threads, double capSeconds, boolean scaling,
                   boolean scipy) {

        static final String USAGE = """
                Usage: KernelSuite [RESULTS_DIR] [--quick] [--matrices a,b,...] [--threads T] [--cap SECONDS]
                                   [--no-scaling] [--no-scipy]
                     or: KernelSuite --large [ARGS]   (the large family; --large --help lists its ARGS)
                  RESULTS_DIR   where CSV, Markdown and PNG files go (default benchmarks/results/kernels)
                  --quick       short timing settings: ≥ 2 warm-ups and 0.5 s, median of 5 runs, ≤ ~3 s per
                                measurement, Commons Math cap 3 s (default: ≥ 5 warm-ups and 1 s, median of
                                15 runs, ≤ ~15 s per measurement, cap 10 s)
                  --matrices    only these medium matrices (names without .mtx.gz)
                  --threads     thread count of the multithreaded runs (default 2)
                  --cap         Commons Math's time cap per matrix in seconds (default 10, quick 3)
                  --no-scaling  skip the scaling study on generated matrices
                  --no-scipy    skip scipy""";

        /** What the suite accepts. */
        static final Args.Spec SPEC = Args.spec("KernelSuite", USAGE).positional("RESULTS_DIR")
                .flags("--quick", "--no-scaling", "--no-scipy").options("--matrices", "--threads", "--cap");

        /** The options of parsed arguments; throws {@link Args.UsageError} naming a bad value. */
        static Options of(Args a) {
            boolean quick = a.has("--quick");
            return new Options(a.positional(Path.of("benchmarks/results/kernels")), quick, a.list("--matrices"),
                    a.integer("--threads", 2, 1), a.number("--cap", quick ? 3 : 10, 0), !a.has("--no-scaling"),
                    !a.has("--no-scipy"));
        }
    }

    /**
     * Runs the suite.
     *
     * @param args see the class comment; {@code --help} prints the usage
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--large")) {
            LargeSuite.main(Arrays.stream(args).filter(a -> !a.equals("--large")).toArray(String[]::new));
            return;
        }
        System.setProperty("java.awt.headless", "true");
        Options opt = Options.SPEC.parseOrExit(args, Options::of);
        List<Path> files;
        try {
            files = matrixFiles(opt.matrices());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("KernelSuite: " + e.getMessage());
            System.exit(2);
            return;
        }
        Instant start = Instant.now();
        keepHeap();
        warmHeap();
        Timer.Settings settings = timing(opt.quick());
        Files.createDirectories(opt.results());
        EjmlConcurrency.setMaxThreads(opt.threads());

        System.out.printf(Locale.ROOT, "Kernel suite: %d matrices, T = %d threads, %s%n", files.size(), opt.threads(),
                describe(settings));
        int copyDoubles = 16 << 20;
        int copyRuns = opt.quick() ? 5 : 20;
        double copy1 = CopyBandwidth.measure(1, copyDoubles, copyRuns);
        double copyT = CopyBandwidth.measure(opt.threads(), copyDoubles, copyRuns);
        MachineInfo machine = MachineInfo.probe();
        System.out.printf(Locale.ROOT, "Copy bandwidth: %.1f GB/s on %d threads, %.1f GB/s on 1%n", copyT,
                opt.threads(), copy1);

        ScipyPeer scipy = opt.scipy() ? new ScipyPeer(settings, K) : null;
        List<MatrixInfo> infos = new ArrayList<>();
        List<Measurement> all = new ArrayList<>();
        try {
            for (Path f : files) {
                runMatrix(f, opt, settings, scipy, infos, all);
            }
        } finally {
            if (scipy != null) {
                scipy.close();
            }
        }
        List<ScalingStudy.Row> scaling = opt.scaling() ? ScalingStudy.run(settings, opt.threads(), K) : List.of();
        Duration took = Duration.between(start, Instant.now());
        String scipyNote = scipy == null ? "scipy not run (--no-scipy)" : scipy.describe();
        new KernelReport(opt, settings, machine, copy1, copyT, scipyNote, infos, all, scaling, took).write(opt.results());
    }

    /**
     * The suite's timing: full, at least 5 warm-up runs (the first call counts) and 1 s, then the median of
     * 15 runs of ≥ 20 ms each, about 15 s per measurement; quick, ≥ 2 warm-ups and 0.5 s, median of 5 runs
     * of ≥ 5 ms, 3 s. A call taking half the budget is timed once.
     */
    static Timer.Settings timing(boolean quick) {
        return quick ? new Timer.Settings(1, 0.5, 5, 0.005, 3.0, 1.5) : new Timer.Settings(4, 1.0, 15, 0.020, 15.0, 7.5);
    }

    /** The timing settings in one line, for the console and the report. */
    static String describe(Timer.Settings s) {
        return String.format(Locale.ROOT,
                "at least %d warm-up runs and %.1f s of warm-up, then the median of %d timed runs; a run"
                        + " repeats the operation until it lasts ≥ %d ms; at most ~%d s per measurement (an"
                        + " operation whose first call takes half of that is timed once, cold)",
                s.warmupCalls() + 1, s.warmupSeconds(), s.runs(), Math.round(s.minRunSeconds() * 1e3),
                Math.round(s.budgetSeconds()));
    }

    /**
     * Stops the heap from shrinking after the full collection that precedes each measurement
     * (HotSpot's manageable {@code MaxHeapFreeRatio}, set to 100): otherwise G1 gives memory back
     * after every {@code System.gc()}, and whichever implementation allocates next (Sparrow's
     * products, ojAlgo's) pays the page faults of growing it again on its clock. On a JVM without
     * the flag this does nothing.
     */
    static void keepHeap() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            hotspot.setVMOption("MaxHeapFreeRatio", "100");
        } catch (RuntimeException | LinkageError e) {
            System.out.println("(could not set MaxHeapFreeRatio: " + e.getMessage() + ")");
        }
    }

    /**
     * Grows the heap to half its maximum and touches every page once, before anything is timed.
     * A fresh JVM starts with a small heap and grows it as products allocate; the first
     * allocation-heavy measurements then pay for page faults on fresh memory (seen here: the first
     * dozen SpGEMMs on bcsstk33 at 4–10× their settled time, for seconds). With the heap grown
     * and kept ({@link #keepHeap}), every implementation allocates into warm memory, much as
     * {@code -Xms = -Xmx} with {@code -XX:+AlwaysPreTouch} would do from the command line.
     */
    static void warmHeap() {
        long t0 = System.nanoTime();
        long target = Runtime.getRuntime().maxMemory() / 2;
        List<long[]> chunks = new ArrayList<>();
        for (long got = 0; got < target; got += 8L << 23) {
            long[] c = new long[1 << 23];
            Arrays.fill(c, got);
            chunks.add(c);
        }
        chunks.clear();
        System.gc();
        System.out.printf(Locale.ROOT, "Heap grown to %.1f GiB and touched in %.1f s%n",
                Runtime.getRuntime().totalMemory() / (double) (1L << 30), (System.nanoTime() - t0) * 1e-9);
    }

    /** The medium matrices, by name, filtered by {@code --matrices}. */
    private static List<Path> matrixFiles(List<String> only) throws IOException {
        Path dir = BenchmarkData.dataDir().resolve("medium");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".mtx.gz"))
                    .sorted((p, q) -> name(p).compareToIgnoreCase(name(q))).toList();
        }
        if (only.isEmpty()) {
            return files;
        }
        List<Path> chosen = new ArrayList<>();
        for (String n : only) {
            Path match = files.stream().filter(p -> name(p).equals(n.trim())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no medium matrix " + n + "; available: "
                            + files.stream().map(KernelSuite::name).toList()));
            chosen.add(match);
        }
        return chosen;
    }

    /** The short name of a matrix file: without {@code .mtx.gz}. */
    static String name(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".mtx.gz") ? n.substring(0, n.length() - 7) : n;
    }

    /** Measures every kernel and implementation on one matrix. */
    private static void runMatrix(Path file, Options opt, Timer.Settings settings, ScipyPeer scipy,
                                  List<MatrixInfo> infos, List<Measurement> out) throws Exception {
        String name = name(file);
        CsrMatrix a = MatrixMarket.readCsr(file);
        int t = opt.threads();
        CsrMatrix ref = Spgemm.multiply(a, a, new SpgemmOptions(1, true, false));
        MatrixInfo info = new MatrixInfo(name, a.rows(), a.cols(), a.nnz(), SpgemmFlops.count(a, a), ref.nnz(), K);
        infos.add(info);
        System.out.printf(Locale.ROOT, "%n== %s: %d × %d, nnz %,d, A·A: %,d multiply-adds, nnz(C) %,d%n", name,
                a.rows(), a.cols(), a.nnz(), info.flops(), info.nnzC());
        Recorder rec = new Recorder(name, t, settings, out);

        // SpGEMM C = A·A
        for (Impl impl : new Impl[] {Impl.SPARROW_UNSORTED, Impl.SPARROW, Impl.SPARROW_1T_UNSORTED, Impl.SPARROW_1T}) {
            SpgemmOptions o = new SpgemmOptions(impl.threads(t), impl == Impl.SPARROW || impl == Impl.SPARROW_1T, false);
            rec.time(Kernel.SPGEMM, impl, () -> Spgemm.multiply(a, a, o),
                    c -> ResultCheck.relativeFrobenius(ref, triplets(c)));
        }
        EjmlPeer ejml = rec.build(Kernel.SPGEMM, Impl.EJML, () -> new EjmlPeer(a));
        if (ejml != null) {
            rec.time(Kernel.SPGEMM, Impl.EJML, ejml::square,
                    c -> ResultCheck.relativeFrobenius(ref, EjmlPeer.triplets(c)));
            rec.time(Kernel.SPGEMM, Impl.EJML_MT, ejml::squareMt,
                    c -> ResultCheck.relativeFrobenius(ref, EjmlPeer.triplets(c)));
        }
        OjalgoPeer ojalgo = rec.build(Kernel.SPGEMM, Impl.OJALGO, () -> new OjalgoPeer(a));
        if (ojalgo != null) {
            rec.time(Kernel.SPGEMM, Impl.OJALGO, ojalgo::square,
                    (MatrixStore<Double> c) -> ResultCheck.relativeFrobenius(ref, OjalgoPeer.triplets(c)));
        }
        CommonsMathProbe.Outcome cm = CommonsMathProbe.measureInChild(file, opt.capSeconds(), settings.runs());
        rec.add(new Measurement(Kernel.SPGEMM, name, Impl.COMMONS_MATH, 1, cm.timing(), cm.status(), cm.relDiff()));

        // SpMV y = A·x
        double[] x = ResultCheck.inputs(a.cols());
        double[] yRef = new double[a.rows()];
        Spmv.apply(a, x, yRef, 1);
        for (Impl impl : new Impl[] {Impl.SPARROW, Impl.SPARROW_1T}) {
            double[] y = new double[a.rows()];
            rec.time(Kernel.SPMV, impl, () -> {
                Spmv.apply(a, x, y, impl.threads(t));
                return y;
            }, r -> ResultCheck.relative(yRef, r));
        }
        MtjPeer mtj = rec.build(Kernel.SPMV, Impl.MTJ, () -> new MtjPeer(a));
        if (mtj != null) {
            DenseVector mx = new DenseVector(x, false);
            DenseVector my = new DenseVector(a.rows());
            rec.time(Kernel.SPMV, Impl.MTJ, () -> {
                mtj.multiply(mx, my);
                return my;
            }, r -> ResultCheck.relative(yRef, r.getData()));
        }
        if (ejml != null) {
            DMatrixRMaj ex = DMatrixRMaj.wrap(a.cols(), 1, x);
            DMatrixRMaj ey = new DMatrixRMaj(a.rows(), 1);
            DMatrixRMaj eyMt = new DMatrixRMaj(a.rows(), 1);
            rec.time(Kernel.SPMV, Impl.EJML, () -> {
                ejml.multiply(ex, ey);
                return ey;
            }, r -> ResultCheck.relative(yRef, r.data));
            rec.time(Kernel.SPMV, Impl.EJML_MT, () -> {
                ejml.multiplyMt(ex, eyMt);
                return eyMt;
            }, r -> ResultCheck.relative(yRef, r.data));
        }

        // SpMM Y = A·X, X cols × K row-major
        double[] xb = ResultCheck.inputs(a.cols() * K);
        double[] ybRef = new double[a.rows() * K];
        Spmm.apply(a, xb, ybRef, K, 1);
        for (Impl impl : new Impl[] {Impl.SPARROW, Impl.SPARROW_1T}) {
            double[] yb = new double[a.rows() * K];
            rec.time(Kernel.SPMM, impl, () -> {
                Spmm.apply(a, xb, yb, K, impl.threads(t));
                return yb;
            }, r -> ResultCheck.relative(ybRef, r));
        }
        if (mtj != null) {
            DenseMatrix mx = MtjPeer.fromRowMajor(xb, a.cols(), K);
            DenseMatrix my = new DenseMatrix(a.rows(), K);
            rec.time(Kernel.SPMM, Impl.MTJ, () -> {
                mtj.multiply(mx, my);
                return my;
            }, r -> ResultCheck.relative(ybRef, MtjPeer.toRowMajor(r)));
        } else {
            rec.add(new Measurement(Kernel.SPMM, name, Impl.MTJ, 1, null, "failed: MTJ's matrix could not be built",
                    Double.NaN));
        }
        if (ejml != null) {
            DMatrixRMaj ex = DMatrixRMaj.wrap(a.cols(), K, xb);
            DMatrixRMaj ey = new DMatrixRMaj(a.rows(), K);
            DMatrixRMaj eyMt = new DMatrixRMaj(a.rows(), K);
            rec.time(Kernel.SPMM, Impl.EJML, () -> {
                ejml.multiply(ex, ey);
                return ey;
            }, r -> ResultCheck.relative(ybRef, r.data));
            rec.time(Kernel.SPMM, Impl.EJML_MT, () -> {
                ejml.multiplyMt(ex, eyMt);
                return eyMt;
            }, r -> ResultCheck.relative(ybRef, r.data));
        }

        // scipy, after the JVM measurements (the JVM is idle meanwhile)
        if (scipy != null) {
            long timeout = (long) (10 * settings.budgetSeconds()) + 120;
            ScipyPeer.Outcome s = scipy.run(name, file, a.rows(), a.cols(), timeout);
            String why = s.problem() == null ? "ok" : s.problem();
            double[] checks = {
                s.product() == null ? Double.NaN : ResultCheck.relativeFrobenius(ref, s.product()),
                s.spmv() == null ? Double.NaN : ResultCheck.relative(yRef, s.spmv()),
                s.spmm() == null ? Double.NaN : ResultCheck.relative(ybRef, s.spmm())};
            for (Kernel kernel : Kernel.values()) {
                Timer.Measured<?> timing = s.timings().get(kernel);
                String status = timing != null ? "ok" : why.startsWith("scipy not") ? why : "failed: " + why;
                rec.add(new Measurement(kernel, name, Impl.SCIPY, 1, timing, status, checks[kernel.ordinal()]));
            }
        }
    }

    /** Triplets of a Sparrow CSR matrix (no copy of the arrays). */
    static ResultCheck.Triplets triplets(CsrMatrix c) {
        int[] p = c.rowPointers();
        int[] rows = new int[c.nnz()];
        for (int i = 0; i < c.rows(); i++) {
            Arrays.fill(rows, p[i], p[i + 1], i);
        }
        return new ResultCheck.Triplets(c.rows(), c.cols(), rows, c.columnIndices(), c.values(), c.nnz());
    }

    /**
     * Compares an implementation's result with Sparrow's reference.
     *
     * @param <R> the implementation's result type
     */
    @FunctionalInterface
    interface Check<R> {
        /** The relative difference of {@code result} from Sparrow's reference. */
        double apply(R result);
    }

    /** Runs, checks, records and prints measurements for one matrix; a failure is recorded, not thrown. */
    private static final class Recorder {
        private final String matrix;
        private final int threads;
        private final Timer.Settings settings;
        private final List<Measurement> out;

        Recorder(String matrix, int threads, Timer.Settings settings, List<Measurement> out) {
            this.matrix = matrix;
            this.threads = threads;
            this.settings = settings;
            this.out = out;
        }

        /** Builds a peer's input (untimed), recording a failure against {@code impl}. */
        <P> P build(Kernel kernel, Impl impl, Supplier<P> make) {
            try {
                return make.get();
            } catch (RuntimeException | OutOfMemoryError e) {
                String why = "failed: " + impl.label() + "'s input could not be built: " + e;
                add(new Measurement(kernel, matrix, impl, impl.threads(threads), null, why, Double.NaN));
                return null;
            }
        }

        /** Times {@code op}, then checks its first (cold) result; every call of a kernel computes the same. */
        <R> void time(Kernel kernel, Impl impl, Supplier<R> op, Check<R> check) {
            try {
                Timer.Measured<R> timing = Timer.measure(settings, op);
                double rel = check.apply(timing.first());
                add(new Measurement(kernel, matrix, impl, impl.threads(threads), timing.withoutResult(), "ok", rel));
            } catch (RuntimeException | OutOfMemoryError e) {
                add(new Measurement(kernel, matrix, impl, impl.threads(threads), null, "failed: " + e, Double.NaN));
            }
        }

        /** Records and prints one measurement. */
        void add(Measurement m) {
            out.add(m);
            String time = m.timed() ? String.format(Locale.ROOT, "%12.4f ms  (%d runs × %d%s)", m.timing().millis(),
                    m.timing().runs(), m.timing().repetitions(), m.timing().cold() ? ", cold" : "") : m.status();
            String diff = Double.isNaN(m.relDiff()) ? "" : String.format(Locale.ROOT, "  rel.diff %.1e%s",
                    m.relDiff(), m.mismatch() ? "  MISMATCH" : "");
            System.out.printf(Locale.ROOT, "%-16s %-7s %-20s %s%s%n", matrix, m.kernel().name(), m.impl().label()
                    + (m.threads() > 1 ? " " + m.threads() + "T" : ""), time, diff);
        }
    }
}
