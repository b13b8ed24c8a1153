package org.sparrow.core.backend;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The selection rule, apart from the global state so that tests can inject a fake GPU: {@code cpu}
 * → the CPU; {@code gpu} → the GPU or an error that says why; {@code auto} → the GPU when
 * {@code nnz·k ≥ threshold} and it is usable, else the CPU, with one warning (per selector) the
 * first time the GPU was wanted and refused.
 */
final class Selector {

    private final Supplier<? extends Backend> gpu;
    private final Consumer<String> warning;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param gpu     the GPU backend, asked for only when needed (so that small products never probe CUDA)
     * @param warning where the one refusal warning goes
     */
    Selector(Supplier<? extends Backend> gpu, Consumer<String> warning) {
        this.gpu = gpu;
        this.warning = warning;
    }

    BackendSelection select(BackendOptions options, long nnz, int k) {
        if (nnz < 0 || k < 0) {
            throw new IllegalArgumentException("nnz and k must be ≥ 0, got nnz = " + nnz + ", k = " + k);
        }
        CpuBackend cpu = CpuBackend.of(options.parallelism());
        long work = nnz * k; // ≤ (2³¹−1)², fits a long
        switch (options.backend()) {
            case CPU -> {
                return new BackendSelection(cpu, "cpu requested");
            }
            case GPU -> {
                Backend g = gpu.get();
                Availability av = g.availability();
                if (!av.available()) {
                    throw new BackendUnavailableException(g.name(), "the GPU backend was requested (" + g.name()
                            + ") but cannot run here: " + av.reason(), av.reason());
                }
                return new BackendSelection(g, "gpu requested");
            }
            default -> {
                String size = "nnz·k = " + work;
                if (work < options.gpuThreshold()) {
                    return new BackendSelection(cpu, "auto: " + size + " is below the GPU threshold "
                            + options.gpuThreshold());
                }
                Backend g = gpu.get();
                Availability av = g.availability();
                if (av.available()) {
                    return new BackendSelection(g, "auto: " + size + " ≥ the GPU threshold " + options.gpuThreshold());
                }
                if (warned.compareAndSet(false, true)) {
                    warning.accept("Sparrow: the " + g.name() + " GPU backend is unavailable, so large SpMM runs on the"
                            + " CPU: " + av.reason() + ". Remedy: install the CUDA runtime and cuSPARSE for this driver"
                            + " (or set SPARROW_CUDA_LIBS to their folder); -D" + BackendOptions.BACKEND_PROPERTY
                            + "=cpu silences this warning.");
                }
                return new BackendSelection(cpu, "auto: " + size + " ≥ the GPU threshold " + options.gpuThreshold()
                        + " but the GPU is unavailable (" + av.reason() + ")");
            }
        }
    }
}
