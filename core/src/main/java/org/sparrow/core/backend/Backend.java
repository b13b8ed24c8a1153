package org.sparrow.core.backend;

import org.sparrow.core.CsrMatrix;

/**
 * A place where SpMM runs: the service-provider interface of the backend switch.
 *
 * <p>Implementations are the {@link CpuBackend} (always available) and the {@link CudaBackend}
 * (available when the CUDA runtime, cuSPARSE and a device were found). A backend that is not
 * available still answers {@link #name()} and {@link #availability()}, so that tools can say why;
 * {@link #upload} on it throws {@link BackendUnavailableException} with that reason.
 */
public interface Backend {

    /** {@return A short, stable lower-case name: {@code "cpu"}, {@code "cuda"}} */
    String name();

    /** {@return whether this backend computes on a GPU (what {@code --backend gpu} asks for)} */
    boolean isGpu();

    /** {@return whether this backend can run here, with a description when it can and the reason when it cannot} */
    Availability availability();

    /**
     * Puts A where this backend computes (device memory for a GPU), once, for many products.
     *
     * @param a Input: the sparse matrix; not modified, and later changes to it are not seen (the CPU
     *          backend keeps a reference to the immutable matrix, a GPU backend a copy)
     * @return a handle that must be closed to release what it holds (try-with-resources)
     * @throws BackendUnavailableException if this backend is not available, with the reason
     */
    DeviceMatrix upload(CsrMatrix a);
}
