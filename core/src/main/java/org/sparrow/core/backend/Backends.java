package org.sparrow.core.backend;

import java.util.List;
import org.sparrow.core.CsrMatrix;

/**
 * The backend switch: the CPU backend, the CUDA backend looked up once, and the choice between them.
 *
 * <p>As in Apache Lucene's vectorization provider, the CUDA backend is probed once, lazily, behind a
 * holder class ({@link #gpu()}): the first caller pays for finding and loading the libraries and
 * asking the driver for a device; a product that {@code auto} keeps on the CPU never probes at all.
 * When {@code auto} wanted the GPU and it was refused, one WARNING line with the reason and the
 * remedy goes to the {@code org.sparrow.core.backend} logger, once per JVM. An explicit {@code gpu}
 * request that cannot be met is an error instead ({@link BackendUnavailableException}).
 */
public final class Backends {

    private static final System.Logger LOG = System.getLogger("org.sparrow.core.backend");

    private Backends() {
    }

    /** {@return the CPU backend on Sparrow's default thread count; always available} */
    public static CpuBackend cpu() {
        return CpuBackend.instance();
    }

    /**
     * The GPU backend (CUDA), probed on the first call and then the same object: check
     * {@link Backend#availability()} before use.
     *
     * @return the GPU backend, available or not
     */
    public static Backend gpu() {
        return GpuHolder.CUDA;
    }

    /** {@return every backend Sparrow knows, available or not: the CPU, then the GPU. Probes the GPU} */
    public static List<Backend> all() {
        return List.of(cpu(), gpu());
    }

    /**
     * Chooses the backend for a product of an A with {@code nnz} entries by a block of width {@code k}.
     *
     * @param options the choice, GPU threshold and CPU threads
     * @param nnz     stored entries of A, ≥ 0
     * @param k       block width, ≥ 0
     * @return the backend and why
     * @throws BackendUnavailableException when {@code gpu} was asked for and none is usable (the message says why)
     */
    public static BackendSelection select(BackendOptions options, long nnz, int k) {
        return SelectorHolder.SELECTOR.select(options, nnz, k);
    }

    /**
     * {@link #select(BackendOptions, long, int)} with {@link BackendOptions#defaults()}.
     *
     * @param nnz stored entries of A
     * @param k columns of the dense block
     * @return the backend chosen and why
     */
    public static BackendSelection select(long nnz, int k) {
        return select(BackendOptions.defaults(), nnz, k);
    }

    /**
     * Puts A on the backend chosen for products of width {@code k} (upload once, multiply many).
     *
     * @param a       Input: the matrix
     * @param k       the block width the products will have, for the choice (≥ 0)
     * @param options the choice, GPU threshold and CPU threads
     * @return the handle; close it (try-with-resources)
     * @throws BackendUnavailableException when {@code gpu} was asked for and none is usable
     */
    public static DeviceMatrix upload(CsrMatrix a, int k, BackendOptions options) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        return select(options, a.nnz(), k).backend().upload(a);
    }

    /**
     * {@code Y = A·X} once, on the backend chosen by {@code options}: upload A, multiply, release.
     *
     * @param a       Input: {@code m × n} sparse matrix
     * @param x       Input: {@code n × k} row-major
     * @param y       Output: {@code m × k} row-major; overwritten
     * @param k       block width, ≥ 0
     * @param options the choice, GPU threshold and CPU threads
     * @return where it ran, why, and where the time went
     * @throws IllegalArgumentException    if a length does not match
     * @throws BackendUnavailableException when {@code gpu} was asked for and none is usable
     * @throws CudaException               if a CUDA call fails
     */
    public static SpmmRun spmm(CsrMatrix a, double[] x, double[] y, int k, BackendOptions options) {
        if (a == null) {
            throw new IllegalArgumentException("A is null");
        }
        BackendSelection s = select(options, a.nnz(), k);
        try (DeviceMatrix d = s.backend().upload(a)) {
            return new SpmmRun(s, d.uploadSeconds(), d.multiply(x, y, k));
        }
    }

    /**
     * {@link #spmm(CsrMatrix, double[], double[], int, BackendOptions)} with {@link BackendOptions#defaults()}.
     *
     * @param a the sparse matrix A
     * @param x the dense block X, row-major {@code A.cols() × k}
     * @param y the output block Y = A·X, row-major {@code A.rows() × k}, overwritten
     * @param k columns of X and Y, ≥ 1
     * @return the backend that ran, why it was chosen, and the upload and multiply times
     */
    public static SpmmRun spmm(CsrMatrix a, double[] x, double[] y, int k) {
        return spmm(a, x, y, k, BackendOptions.defaults());
    }

    /** The CUDA backend, probed when this class is first used (the JVM makes that once and thread-safe). */
    private static final class GpuHolder {
        static final Backend CUDA = CudaBackend.probe();
    }

    /** The selection rule with the real GPU and the logger; its warning flag makes the refusal warning once per JVM. */
    private static final class SelectorHolder {
        static final Selector SELECTOR = new Selector(Backends::gpu, msg -> LOG.log(System.Logger.Level.WARNING, msg));
    }
}
