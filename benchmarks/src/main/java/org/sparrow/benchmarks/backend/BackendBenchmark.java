package org.sparrow.benchmarks.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.benchmarks.harness.Args;
import org.sparrow.benchmarks.harness.Stats;
import org.sparrow.benchmarks.harness.Table;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.backend.Availability;
import org.sparrow.core.backend.Backend;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.Backends;
import org.sparrow.core.backend.Blocks;
import org.sparrow.core.backend.CpuBackend;
import org.sparrow.core.backend.DeviceMatrix;
import org.sparrow.core.backend.SpmmTiming;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.io.SafeOutput;
import org.sparrow.core.ops.Spmv;

/**
 * SpMM on the GPU backend against the CPU backend, and the {@code nnz·k} crossover between them.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Xmx24g -cp sparrow.jar:sparrow-benchmarks.jar \
 *     org.sparrow.benchmarks.backend.BackendBenchmark OUT_DIR [--matrix FILE | --poisson3d N] [--k 32,128]
 *     [--threads T] [--repeat R] [--no-sweep] [--sweep-max N] [--quick]
 * </pre>
 *
 * <p><b>Speed</b> ({@code spmm.csv}): on the matrix ({@code --matrix FILE}, default
 * {@code --poisson3d 100}: 10⁶ rows, 6.94·10⁶ entries), for each k (default 32 and 128): the CPU
 * backend's time, and the GPU's compute time (kernel until the device has finished), copy time
 * (X in, Y out) and upload of A, their ratios, and the GPU result's relative error against the CPU's.
 * The goal line checks "k = 128 on ≥ 5M entries: GPU compute ≥ 20× the CPU backend".
 *
 * <p><b>Crossover</b> ({@code crossover.csv}): {@code poisson3d(n)} for n = 6 … 100 (7n³ entries)
 * times k ∈ {1, 8, 32, 128}, the same timings. The crossover for a way of counting is the smallest
 * {@code nnz·k} of the sweep from which the GPU is faster at every larger point: counting the
 * product with A already on the device (X in + compute + Y out, what {@code auto}'s threshold is
 * for), the kernel alone, and a one-shot product (A uploaded too). The report prints the value to set
 * ({@code -Dsparrow.gpu.threshold}) and whether the built-in default is within 2× of it.
 *
 * <p><b>Timing</b>: each figure is the median of {@code --repeat} runs (default 7) after warm-up
 * runs (≥ 2 and ≥ 0.2 s); a run repeats the product until it lasts ≥ 10 ms and counts the mean per
 * product. The CPU backend runs on {@code --threads} threads (default: its own default, all cores for
 * products of at least {@link Spmv#PARALLEL_MIN_NNZ} multiply-adds and one thread below).
 *
 * <p>Writes {@code spmm.csv}, {@code crossover.csv} and {@code backend.md} into OUT_DIR and prints
 * the Markdown. Without a usable GPU the GPU columns are empty and the report says why.
 */
public final class BackendBenchmark {

    private static final int[] SWEEP_N = {6, 10, 16, 25, 40, 63, 100};
    private static final int[] SWEEP_K = {1, 8, 32, 128};
    private static final double MIN_RUN_SECONDS = 0.010;
    private static final double WARMUP_SECONDS = 0.2;

    private BackendBenchmark() {
    }

    /** One measured point: CPU and (when available) GPU figures for A and k. */
    record Point(String matrix, int rows, int cols, long nnz, int k, int threads, double cpu, double gpuCompute,
                 double gpuTransfer, double gpuUpload, double relError) {

        long work() {
            return nnz * k;
        }

        boolean hasGpu() {
            return !Double.isNaN(gpuCompute);
        }

        double gpuPerProduct() {
            return gpuCompute + gpuTransfer;
        }

        double gpuOneShot() {
            return gpuUpload + gpuCompute + gpuTransfer;
        }

        double gflops(double seconds) {
            return 2.0 * nnz * k / seconds / 1e9;
        }
    }

    /** The command line, parsed. */
    private record Options(Path out, Path matrix, int poisson, int[] ks, int threads, int repeat, boolean sweep,
                           int sweepMax, boolean quick) {

        static final Args.Spec SPEC = Args.spec("BackendBenchmark", "usage: BackendBenchmark OUT_DIR [--matrix FILE"
                + " | --poisson3d N] [--k 32,128] [--threads T] [--repeat R] [--no-sweep] [--sweep-max N] [--quick]")
                .positional("OUT_DIR").flags("--no-sweep", "--quick")
                .options("--matrix", "--poisson3d", "--k", "--threads", "--repeat", "--sweep-max");

        static Options of(Args a) {
            Path out = a.positional((Path) null);
            if (out == null) {
                throw new IllegalArgumentException("the first argument must be the output folder OUT_DIR");
            }
            Path matrix = a.path("--matrix", null);
            int poisson = a.integer("--poisson3d", 100, 1);
            int[] ks = a.integers("--k", new int[] {32, 128});
            int threads = a.integer("--threads", 0, 1); // 0: the CPU backend's default, all cores for large products
            int repeat = a.integer("--repeat", 7, 1);
            int sweepMax = a.integer("--sweep-max", 100, 1);
            boolean quick = a.has("--quick");
            if (quick) {
                repeat = Math.min(repeat, 3);
                sweepMax = Math.min(sweepMax, 16);
                if (matrix == null) {
                    poisson = Math.min(poisson, 20);
                }
            }
            return new Options(out, matrix, poisson, ks, threads, repeat, !a.has("--no-sweep"), sweepMax, quick);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args OUT_DIR and the options above
     * @throws IOException if the matrix cannot be read or the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        Options a = Options.SPEC.parseOrExit(args, Options::of);
        Files.createDirectories(a.out());
        Backend gpu = Backends.gpu();
        Availability av = gpu.availability();
        Backend cpu = CpuBackend.withThreads(a.threads());
        System.err.println("GPU: " + (av.available() ? av.description() : "unavailable: " + av.reason()));

        CsrMatrix m;
        String name;
        if (a.matrix() != null) {
            m = MatrixMarket.readCsr(a.matrix());
            name = a.matrix().getFileName().toString();
        } else {
            m = Generators.poisson3d(a.poisson());
            name = "poisson3d(" + a.poisson() + ")";
        }
        List<Point> speed = new ArrayList<>();
        for (int k : a.ks()) {
            Point p = measure(name, m, k, cpu, av.available() ? gpu : null, a.threads(), a.repeat());
            System.err.println(line(p));
            speed.add(p);
        }
        List<Point> sweep = new ArrayList<>();
        if (a.sweep()) {
            for (int n : SWEEP_N) {
                if (n > a.sweepMax()) {
                    continue;
                }
                CsrMatrix s = Generators.poisson3d(n);
                for (int k : a.quick() ? new int[] {1, 8} : SWEEP_K) {
                    Point p = measure("poisson3d(" + n + ")", s, k, cpu, av.available() ? gpu : null, a.threads(), a.repeat());
                    System.err.println(line(p));
                    sweep.add(p);
                }
            }
        }
        csv(speed).writeCsv(a.out().resolve("spmm.csv"));
        csv(sweep).writeCsv(a.out().resolve("crossover.csv"));
        String md = markdown(av, a, speed, sweep);
        SafeOutput.writeString(a.out().resolve("backend.md"), md);
        System.out.print(md);
    }

    /** Times the CPU backend and, when given, the GPU backend on {@code A·X} for a seeded X. */
    static Point measure(String name, CsrMatrix a, int k, Backend cpu, Backend gpu, int threads, int repeat) {
        double[] x = Blocks.random(a.cols(), k, 42L + k);
        double[] yCpu = new double[a.rows() * k];
        double cpuSeconds;
        try (DeviceMatrix d = cpu.upload(a)) {
            cpuSeconds = time(d, x, yCpu, k, repeat)[1];
        }
        double compute = Double.NaN;
        double transfer = Double.NaN;
        double upload = Double.NaN;
        double err = Double.NaN;
        if (gpu != null) {
            double[] uploads = new double[3];
            for (int u = 0; u < uploads.length - 1; u++) { // uploads to time, then the one to use
                try (DeviceMatrix d = gpu.upload(a)) {
                    uploads[u] = d.uploadSeconds();
                }
            }
            double[] yGpu = new double[a.rows() * k];
            try (DeviceMatrix d = gpu.upload(a)) {
                uploads[uploads.length - 1] = d.uploadSeconds();
                double[] t = time(d, x, yGpu, k, repeat);
                transfer = t[0] + t[2];
                compute = t[1];
            }
            upload = Stats.median(uploads);
            err = relativeError(yCpu, yGpu);
        }
        int used = threads != 0 ? threads : Spmv.defaultThreads((long) a.nnz() * k);
        return new Point(name, a.rows(), a.cols(), a.nnz(), k, used, cpuSeconds, compute, transfer, upload, err);
    }

    /** Median upload, compute and download seconds per product over {@code repeat} runs, after warm-up. */
    private static double[] time(DeviceMatrix d, double[] x, double[] y, int k, int repeat) {
        long start = System.nanoTime();
        for (int w = 0; w < 2 || (System.nanoTime() - start) * 1e-9 < WARMUP_SECONDS; w++) {
            d.multiply(x, y, k);
        }
        double[][] runs = new double[3][repeat];
        for (int r = 0; r < repeat; r++) {
            double up = 0;
            double compute = 0;
            double down = 0;
            int count = 0;
            long t0 = System.nanoTime();
            do {
                SpmmTiming t = d.multiply(x, y, k);
                up += t.uploadSeconds();
                compute += t.computeSeconds();
                down += t.downloadSeconds();
                count++;
            } while ((System.nanoTime() - t0) * 1e-9 < MIN_RUN_SECONDS);
            runs[0][r] = up / count;
            runs[1][r] = compute / count;
            runs[2][r] = down / count;
        }
        return new double[] {Stats.median(runs[0]), Stats.median(runs[1]), Stats.median(runs[2])};
    }

    /** ‖a − b‖_F / ‖a‖_F. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            diff += d * d;
            norm += a[i] * a[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    /** The first work from which the GPU (by {@code gpuSeconds}) beats the CPU at every larger measured point, or −1. */
    static long crossover(List<Point> points, java.util.function.ToDoubleFunction<Point> gpuSeconds) {
        List<Point> sorted = points.stream().filter(Point::hasGpu)
                .sorted((p, q) -> Long.compare(p.work(), q.work())).toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        long from = -1;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Point p = sorted.get(i);
            if (gpuSeconds.applyAsDouble(p) < p.cpu()) {
                from = p.work();
            } else {
                break;
            }
        }
        return from;
    }

    private static String line(Point p) {
        return String.format(Locale.ROOT, "%s k=%d nnz·k=%d: cpu %.3g s%s", p.matrix(), p.k(), p.work(), p.cpu(),
                p.hasGpu() ? String.format(Locale.ROOT, ", gpu compute %.3g s (%.1f×), copies %.3g s, upload %.3g s, rel.err %.2g",
                        p.gpuCompute(), p.cpu() / p.gpuCompute(), p.gpuTransfer(), p.gpuUpload(), p.relError()) : "");
    }

    private static Table csv(List<Point> points) {
        Table t = new Table("matrix", "rows", "cols", "nnz", "k", "work", "cpu_threads", "cpu_s", "gpu_compute_s",
                "gpu_transfer_s", "gpu_upload_s", "speedup_compute", "speedup_per_product", "speedup_one_shot",
                "rel_error");
        for (Point p : points) {
            t.row(p.matrix(), p.rows(), p.cols(), p.nnz(), p.k(), p.work(), p.threads(),
                    String.format(Locale.ROOT, "%.6g", p.cpu()), num(p.gpuCompute()), num(p.gpuTransfer()),
                    num(p.gpuUpload()), num(p.cpu() / p.gpuCompute()), num(p.cpu() / p.gpuPerProduct()),
                    num(p.cpu() / p.gpuOneShot()), num(p.relError()));
        }
        return t;
    }

    private static String num(double v) {
        return Table.num(v, "%.6g");
    }

    private static String cell(double v, String fmt) {
        return Table.na(v, fmt, "n/a");
    }

    private static String markdown(Availability gpu, Options a, List<Point> speed, List<Point> sweep) {
        StringBuilder sb = new StringBuilder("# SpMM: GPU backend against the CPU backend\n\n");
        sb.append("- GPU: ").append(gpu.available() ? gpu.description() : "**unavailable**: " + gpu.reason()).append('\n');
        sb.append("- CPU backend: ").append(a.threads() == 0 ? "default threads (" + Parallelism.defaultThreads()
                + " for products of ≥ " + Spmv.PARALLEL_MIN_NNZ + " multiply-adds, else 1)" : a.threads() + " threads")
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores available, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        sb.append("- Timing: median of ").append(a.repeat()).append(" runs after warm-up; a run repeats the product for")
                .append(" ≥ 10 ms. GPU compute = cusparseSpMM until the device has finished; copies = X in + Y out;")
                .append(" upload = A to the device. fp64 throughout.\n\n");
        sb.append("## Speed\n\n").append(table(speed));
        for (Point p : speed) {
            if (p.k() == 128 && p.nnz() >= 5_000_000 && p.hasGpu()) {
                double s = p.cpu() / p.gpuCompute();
                sb.append(String.format(Locale.ROOT, "%nGoal (k = 128, ≥ 5M entries, upload excluded: GPU ≥ 20× the CPU"
                        + " backend): %.1f× on %s — **%s** (with the copies of X and Y: %.1f×).%n", s, p.matrix(),
                        s >= 20 ? "met" : "not met", p.cpu() / p.gpuPerProduct()));
            }
        }
        if (!sweep.isEmpty()) {
            sb.append("\n## Crossover sweep\n\n").append(table(sweep)).append('\n');
            long resident = crossover(sweep, Point::gpuPerProduct);
            long kernel = crossover(sweep, Point::gpuCompute);
            long oneShot = crossover(sweep, Point::gpuOneShot);
            if (!gpu.available()) {
                sb.append("No crossover: the GPU is unavailable.\n");
            } else {
                long max = sweep.stream().mapToLong(Point::work).max().orElse(0);
                sb.append("Crossover (smallest nnz·k from which the GPU wins at every larger point of the sweep):\n\n");
                sb.append("- A on the device, X in + compute + Y out (what `auto` decides): ").append(w(resident, max)).append('\n');
                sb.append("- kernel alone: ").append(w(kernel, max)).append('\n');
                sb.append("- one-shot, A uploaded too: ").append(w(oneShot, max)).append("\n\n");
                long dflt = BackendOptions.DEFAULT_GPU_THRESHOLD;
                if (resident > 0) {
                    double ratio = (double) dflt / resident;
                    sb.append(String.format(Locale.ROOT, "Set `-Dsparrow.gpu.threshold=%d` for this machine. The built-in"
                            + " default %d is %.2f× the measured crossover: %s.%n", resident, dflt, ratio,
                            ratio >= 0.5 && ratio <= 2 ? "**within 2×**" : "**not within 2×** — update"
                                    + " BackendOptions.DEFAULT_GPU_THRESHOLD"));
                } else {
                    sb.append("The GPU never won with the copies of X and Y counted; `auto` should keep products on the CPU"
                            + " here (a threshold above ").append(max).append(").\n");
                }
            }
        }
        return sb.toString();
    }

    private static String w(long work, long max) {
        return work < 0 ? "none up to nnz·k = " + max : "nnz·k ≈ " + work;
    }

    private static String table(List<Point> points) {
        Table t = new Table("matrix", "nnz", "k", "nnz·k", "CPU ms", "CPU GFLOP/s", "GPU compute ms", "GPU GFLOP/s",
                "copies ms", "upload ms", "× compute", "× with copies", "× one-shot", "rel. error");
        for (Point p : points) {
            t.row(p.matrix(), p.nnz(), p.k(), p.work(), String.format(Locale.ROOT, "%.4g", p.cpu() * 1e3),
                    String.format(Locale.ROOT, "%.3g", p.gflops(p.cpu())), cell(p.gpuCompute() * 1e3, "%.4g"),
                    cell(p.gflops(p.gpuCompute()), "%.4g"), cell(p.gpuTransfer() * 1e3, "%.4g"),
                    cell(p.gpuUpload() * 1e3, "%.4g"), cell(p.cpu() / p.gpuCompute(), "%.2f"),
                    cell(p.cpu() / p.gpuPerProduct(), "%.2f"), cell(p.cpu() / p.gpuOneShot(), "%.2f"),
                    cell(p.relError(), "%.1e"));
        }
        return t.markdown(Table.leftThenRight(1, 14));
    }
}
