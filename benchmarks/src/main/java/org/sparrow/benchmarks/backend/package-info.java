/**
 * The GPU backend benchmark: {@link org.sparrow.benchmarks.backend.BackendBenchmark} times SpMM on
 * the CUDA backend against the CPU backend (k = 32 and 128 on one matrix) and sweeps {@code nnz·k}
 * on generated Poisson matrices to measure where the GPU starts to win, the number behind
 * {@code -Dsparrow.gpu.threshold}. It needs a GPU to say anything about the GPU; without one it
 * measures the CPU side and records why the GPU column is empty. Run it on the device machine as
 * {@code benchmarks/device/README.md} says.
 */
package org.sparrow.benchmarks.backend;
