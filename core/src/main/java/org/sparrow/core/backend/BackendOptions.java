package org.sparrow.core.backend;

import org.sparrow.core.Par;

/**
 * How to choose a backend for SpMM: a small immutable record; {@link #defaults()} reads the system
 * properties, the {@code with…} methods change one field.
 *
 * <p><b>The GPU threshold.</b> {@code auto} sends a product to the GPU when
 * {@code nnz(A)·k ≥ gpuThreshold}. The default, {@value #DEFAULT_GPU_THRESHOLD}, is <em>not
 * measured</em> (no GPU was at hand when it was set); it is a first-principles estimate of where
 * a product with A already on the device ({@link DeviceMatrix}: X copied in, Y copied out) starts to
 * beat the CPU backend on a 16-core host:
 * <ul>
 *   <li>GPU side: a product costs a fixed ~40 µs whatever its size — four synchronous steps
 *       (copy X in, launch {@code cusparseSpMM}, synchronize, copy Y out) at an assumed ~10 µs each
 *       (kernel-launch and small-copy latencies of PCIe GPUs are commonly quoted at 5–20 µs) —
 *       while its per-entry cost is small next to the CPU's (H200: ~4.8 TB/s of HBM bandwidth);</li>
 *   <li>CPU side: the Java kernel ({@link org.sparrow.core.ops.Spmm}) measured ~12.5 GFLOP/s on 2
 *       cores of the development machine at k = 32 ({@code benchmarks/results/kernels/kernels.md},
 *       poisson3d), so ~100 GFLOP/s = 5·10¹⁰ multiply-adds per second on 16 cores at linear scaling;</li>
 *   <li>break-even on latency alone: 40 µs × 5·10¹⁰ /s = 2·10⁶ multiply-adds. The copies of X and Y
 *       add a per-entry cost (16 bytes per row of A and column of X over PCIe) that for rows with few
 *       entries can rival the CPU's own per-entry cost, which moves the crossover up or removes it;
 *       4·10⁶ doubles the latency-only figure as a hedge, to be replaced by a measurement.</li>
 * </ul>
 * {@code org.sparrow.benchmarks.backend.BackendBenchmark} measures the crossover on a GPU machine and
 * prints the value to set; set it with {@code -Dsparrow.gpu.threshold=W} or {@link #withGpuThreshold}.
 *
 * @param backend      what the caller asked for
 * @param gpuThreshold {@code auto} uses the GPU when {@code nnz·k ≥} this, ≥ 0 (0: always, when usable)
 * @param threads      threads for the CPU backend, ≥ 0; 0 means Sparrow's default
 *                     ({@link org.sparrow.core.Parallelism#defaultThreads()}, one thread for small products)
 */
public record BackendOptions(BackendChoice backend, long gpuThreshold, int threads) {

    /** The system property that sets the default choice: {@code auto}, {@code cpu} or {@code gpu}. */
    public static final String BACKEND_PROPERTY = "sparrow.backend";

    /** The system property that sets the default GPU threshold on {@code nnz·k}. */
    public static final String GPU_THRESHOLD_PROPERTY = "sparrow.gpu.threshold";

    /** The default GPU threshold on {@code nnz·k}: an estimate, not a measurement (see the class comment). */
    public static final long DEFAULT_GPU_THRESHOLD = 4_000_000L;

    /** Checks the fields. */
    public BackendOptions {
        if (backend == null) {
            throw new IllegalArgumentException("backend choice is null");
        }
        if (gpuThreshold < 0) {
            throw new IllegalArgumentException("GPU threshold must be ≥ 0, got " + gpuThreshold);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("thread count must be ≥ 0 (0: the default), got " + threads);
        }
    }

    /**
     * {@code -Dsparrow.backend} (default {@code auto}), {@code -Dsparrow.gpu.threshold} (default
     * {@value #DEFAULT_GPU_THRESHOLD}) and the default thread count.
     *
     * @return the options the system properties ask for, defaults where they are unset
     * @throws IllegalArgumentException if a property is set to something unreadable (the message names it)
     */
    public static BackendOptions defaults() {
        String choice = System.getProperty(BACKEND_PROPERTY);
        BackendChoice backend = choice == null || choice.isBlank() ? BackendChoice.AUTO
                : BackendChoice.parse(choice, "system property " + BACKEND_PROPERTY);
        String threshold = System.getProperty(GPU_THRESHOLD_PROPERTY);
        long w = threshold == null || threshold.isBlank() ? DEFAULT_GPU_THRESHOLD
                : parseThreshold(threshold, "system property " + GPU_THRESHOLD_PROPERTY);
        return new BackendOptions(backend, w, 0);
    }

    /** {@return whether the GPU threshold is the built-in estimate rather than one set by property or API} */
    public boolean isDefaultThreshold() {
        return gpuThreshold == DEFAULT_GPU_THRESHOLD;
    }

    /**
     * These options with another backend choice.
     *
     * @param choice which backend to run on
     * @return a copy with that choice, the other fields unchanged
     */
    public BackendOptions withBackend(BackendChoice choice) {
        return new BackendOptions(choice, gpuThreshold, threads);
    }

    /**
     * These options with another GPU threshold on {@code nnz·k}, ≥ 0.
     *
     * @param threshold the smallest {@code nnz·k} sent to the GPU under {@code auto}, ≥ 0
     * @return a copy with that threshold, the other fields unchanged
     */
    public BackendOptions withGpuThreshold(long threshold) {
        return new BackendOptions(backend, threshold, threads);
    }

    /** {@return how parallel the CPU backend runs: {@link Par#AUTO} for 0, else that many threads} */
    public Par parallelism() {
        return threads == 0 ? Par.AUTO : Par.threads(threads);
    }

    /**
     * These options with another CPU thread count (≥ 1, or 0 for the default).
     *
     * @param n the thread count, ≥ 1, or 0 for Sparrow's default
     * @return a copy with that thread count, the other fields unchanged
     */
    public BackendOptions withThreads(int n) {
        return new BackendOptions(backend, gpuThreshold, n);
    }

    /**
     * Parses a threshold: a non-negative integer, with optional {@code _} separators, or an integral
     * number in scientific notation ({@code 4e6}).
     *
     * @param text   the text
     * @param source where it came from, for the message
     * @return the threshold the text denotes
     * @throws IllegalArgumentException naming the source when the text is not such a number
     */
    public static long parseThreshold(String text, String source) {
        String s = text == null ? "" : text.strip().replace("_", "");
        try {
            long v = Long.parseLong(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (d >= 0 && d <= Long.MAX_VALUE && d == Math.rint(d)) {
                    return (long) d;
                }
            } catch (NumberFormatException e2) {
                // fall through to the message
            }
        }
        throw new IllegalArgumentException(source + " must be a non-negative integer (nnz·k, e.g. 4000000 or 4e6), got '"
                + text + "'");
    }
}
