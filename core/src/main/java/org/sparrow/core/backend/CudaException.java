package org.sparrow.core.backend;

/**
 * A CUDA runtime or cuSPARSE call returned an error status. The message names the call, the status
 * (its symbolic name and number) and CUDA's own error string, plus what Sparrow was doing, e.g.
 * {@code cudaMalloc failed with cudaErrorMemoryAllocation (2): out of memory (allocating 1.5 GiB for X)}.
 */
public final class CudaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The CUDA or cuSPARSE function that failed. */
    private final String call;
    /** The status code it returned. */
    private final int status;

    /**
     * An exception for a failed CUDA or cuSPARSE call.
     *
     * @param call    the function that failed, e.g. {@code cusparseSpMM}
     * @param status  the status it returned
     * @param message the whole message
     */
    public CudaException(String call, int status, String message) {
        super(message);
        this.call = call;
        this.status = status;
    }

    /** {@return the CUDA or cuSPARSE function that failed} */
    public String call() {
        return call;
    }

    /** {@return the status code it returned ({@code cudaError_t} or {@code cusparseStatus_t})} */
    public int status() {
        return status;
    }
}
