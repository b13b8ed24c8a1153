package org.sparrow.core.backend;

/**
 * A sparse matrix A held where a backend computes (device memory for a GPU): upload once, multiply
 * many dense blocks, close to release it.
 *
 * <p>Blocks are row-major {@code double[]} (Sparrow's layout, as {@link org.sparrow.core.ops.Spmm}).
 * Products on one handle are serialized (the methods are thread-safe, not concurrent). Closing is
 * idempotent; a product after {@link #close()} throws {@link IllegalStateException}.
 */
public interface DeviceMatrix extends AutoCloseable {

    /** {@return the backend that holds this matrix} */
    Backend backend();

    /** {@return rows of A} */
    int rows();

    /** {@return columns of A} */
    int cols();

    /** {@return stored entries of A} */
    int nnz();

    /** {@return seconds it took to put A on the backend (0 for the CPU, which keeps a reference)} */
    double uploadSeconds();

    /**
     * {@code Y = A·X} for a block of {@code k} vectors.
     *
     * @param x Input: {@code cols() × k} row-major, length {@code cols()·k}
     * @param y Output: {@code rows() × k} row-major, length {@code rows()·k}; overwritten (junk on entry is fine)
     * @param k block width, ≥ 0
     * @return where the time went (copy in, compute, copy out)
     * @throws IllegalArgumentException if {@code k < 0} or a length does not match (the message says which)
     * @throws IllegalStateException    if this handle was closed
     * @throws CudaException            if a CUDA or cuSPARSE call fails (naming the call and CUDA's error)
     */
    SpmmTiming multiply(double[] x, double[] y, int k);

    /** {@return whether {@link #close()} was called} */
    boolean isClosed();

    /** Releases what the handle holds (device memory, library handles); idempotent. */
    @Override
    void close();
}
