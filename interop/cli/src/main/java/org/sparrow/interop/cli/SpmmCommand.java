package org.sparrow.interop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.backend.BackendChoice;
import org.sparrow.core.backend.BackendOptions;
import org.sparrow.core.backend.BackendSelection;
import org.sparrow.core.backend.Backends;
import org.sparrow.core.backend.Blocks;
import org.sparrow.core.backend.CpuBackend;
import org.sparrow.core.backend.DeviceMatrix;
import org.sparrow.core.backend.SpmmTiming;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Spmv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparrow spmm A --k K}: {@code Y = A·X} for a seeded random dense block X ({@link Blocks#random},
 * {@code cols(A) × K}, entries in [−1, 1)) on the backend chosen by {@code --backend}
 * ({@link Backends#select}), timed.
 *
 * <p>A is read with {@link MatrixMarket#readCsr}, put on the backend once ({@code upload_seconds}:
 * to GPU memory; 0 on the CPU), multiplied once as a warm-up and then {@code --repeat} times
 * (default {@value #DEFAULT_REPEATS}). {@code seconds} is the median compute time (the kernel, until
 * the device has finished), {@code transfer_seconds} the median time spent copying X in and Y out
 * (0 on the CPU), {@code gflops = 2·nnz·k / seconds / 1e9} ({@code null} when the clock saw no time).
 * {@code y_frobenius} is ‖Y‖_F, to compare backends: the same A, K and seed give the same X. On the
 * CPU, {@code --k 1} runs the SpMV kernel ({@code Spmm} routes a one-column block to {@code Spmv}), so
 * it times what {@code CsrMatrix.apply(x, y)} costs; X and Y are allocated once, before the warm-up,
 * and every repeat writes into the same Y.
 *
 * <p>{@code --backend gpu} where no GPU is usable fails (exit 1) with the reason on stderr;
 * {@code --k 0}, {@code --repeat 0} and an unknown backend are usage errors (exit 2).
 *
 * <p>JSON keys, in order: {@code backend, seconds, gflops, upload_seconds, transfer_seconds, rows,
 * cols, nnz, k, repeats, threads} ({@code null} on a GPU), {@code seed, y_frobenius, selection}
 * (why this backend), {@code a} (the file).
 */
@Command(name = "spmm", mixinStandardHelpOptions = true,
        description = "Multiply a sparse matrix by a seeded random dense block, Y = A·X (SpMM), on the CPU or GPU, and time it.")
final class SpmmCommand implements Callable<Integer> {

    /** Block width when {@code --k} is not given. */
    static final int DEFAULT_K = 32;
    /** Timed runs when {@code --repeat} is not given. */
    static final int DEFAULT_REPEATS = 5;
    /** Seed of X when {@code --seed} is not given. */
    static final long DEFAULT_SEED = 42;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "The sparse matrix, a Matrix Market file (.mtx or .mtx.gz); - reads standard input.")
    private Path aFile;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random block X (default: " + DEFAULT_SEED + ").")
    private long seed = DEFAULT_SEED;

    private int k = DEFAULT_K;
    private int repeats = DEFAULT_REPEATS;
    private BackendChoice backend;
    private Long gpuThreshold;

    /** {@code --k K}: the block width, ≥ 1; a usage error otherwise. */
    @Option(names = "--k", paramLabel = "K", description = "Columns of the dense block X, ≥ 1 (default: " + DEFAULT_K + ").")
    void setK(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be ≥ 1, got " + n);
        }
        k = n;
    }

    /** {@code --repeat N}: timed runs after the warm-up, ≥ 1; a usage error otherwise. */
    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs after one warm-up run, ≥ 1 (default: " + DEFAULT_REPEATS + "); the median is reported.")
    void setRepeats(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be ≥ 1, got " + n);
        }
        repeats = n;
    }

    /** {@code --backend auto|cpu|gpu}; a usage error for anything else. */
    @Option(names = "--backend", paramLabel = "auto|cpu|gpu",
            description = "Where to multiply: auto (the GPU for large products when one is usable), cpu or gpu"
                    + " (default: -Dsparrow.backend, else auto).")
    void setBackend(String text) {
        try {
            backend = BackendChoice.parse(text, "--backend");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code --gpu-threshold W}: auto's threshold on nnz·k; a usage error when not a non-negative integer. */
    @Option(names = "--gpu-threshold", paramLabel = "W",
            description = "With auto, use the GPU when nnz·k ≥ W (default: -Dsparrow.gpu.threshold, else "
                    + BackendOptions.DEFAULT_GPU_THRESHOLD + ").")
    void setGpuThreshold(String text) {
        try {
            gpuThreshold = BackendOptions.parseThreshold(text, "--gpu-threshold");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The library's logger for backend selection. Its one warning (the GPU is unusable, so a large
     * product runs on the CPU) repeats what the report's {@code backend} line and JSON
     * {@code selection} already say, so spmm silences it unless {@code --verbose}.
     */
    private static final Logger BACKEND_LOG = Logger.getLogger("org.sparrow.core.backend");

    private BackendSelection selectQuietly(BackendOptions options, long nnz, int width) {
        Level before = BACKEND_LOG.getLevel();
        if (!common.verbose) {
            BACKEND_LOG.setLevel(Level.OFF);
        }
        try {
            return Backends.select(options, nnz, width);
        } finally {
            BACKEND_LOG.setLevel(before);
        }
    }

    @Override
    public Integer call() throws IOException {
        BackendOptions options = BackendOptions.defaults().withThreads(common.threads());
        if (backend != null) {
            options = options.withBackend(backend);
        }
        if (gpuThreshold != null) {
            options = options.withGpuThreshold(gpuThreshold);
        }
        CsrMatrix a = MatrixMarket.readCsr(aFile);
        BackendSelection selection = selectQuietly(options, a.nnz(), k);
        double[] x = Blocks.random(a.cols(), k, seed);
        double[] y = new double[Math.multiplyExact(a.rows(), k)];
        double[] compute = new double[repeats];
        double[] transfer = new double[repeats];
        double upload;
        try (DeviceMatrix d = selection.backend().upload(a)) {
            upload = d.uploadSeconds();
            d.multiply(x, y, k); // warm-up
            for (int r = 0; r < repeats; r++) {
                SpmmTiming t = d.multiply(x, y, k);
                compute[r] = t.computeSeconds();
                transfer[r] = t.transferSeconds();
            }
        }
        double seconds = MultiplyCommand.median(compute);
        double copies = MultiplyCommand.median(transfer);
        Double gflops = seconds > 0 ? 2.0 * a.nnz() * k / seconds / 1e9 : null;
        Integer threads = null;
        if (selection.backend() instanceof CpuBackend cpu) {
            threads = cpu.threads() != 0 ? cpu.threads() : Spmv.defaultThreads((long) a.nnz() * k);
        }
        double norm = Blas.norm2(y, 0, y.length);

        String name = selection.backend().name();
        new Report()
                .json("backend", name)
                .line("backend", name + " (" + selection.reason() + ")")
                .json("seconds", seconds)
                .line("seconds", Report.number(seconds) + " (median compute time of " + repeats
                        + " after a warm-up run; copies and the upload of A excluded)")
                .json("gflops", gflops)
                .line("GFLOP/s", gflops == null ? Report.NOT_AVAILABLE : Report.number(gflops) + " (2·nnz·k / seconds)")
                .json("upload_seconds", upload)
                .line("upload of A", Report.number(upload) + " s")
                .json("transfer_seconds", copies)
                .line("copies of X and Y", Report.number(copies) + " s (median)")
                .json("rows", a.rows())
                .json("cols", a.cols())
                .json("nnz", a.nnz())
                .json("k", k)
                .line("Y = A·X", a.rows() + "x" + k + " (A " + a.rows() + "x" + a.cols() + ", " + a.nnz()
                        + " nonzeros; X random, seed " + seed + ")")
                .put("repeats", "repeats", repeats)
                .put("threads", "threads", threads)
                .json("seed", seed)
                .put("y_frobenius", "‖Y‖_F", norm)
                .json("selection", selection.reason())
                .json("a", aFile.toString())
                .print(spec.commandLine().getOut(), common.json);
        return SparrowCli.EXIT_OK;
    }
}
