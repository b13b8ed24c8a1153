/**
 * Backends for large sparse × dense products (SpMM): a provider interface, the CPU backend that is
 * always there, and a CUDA backend (cuSPARSE) bound through the Foreign Function &amp; Memory API.
 *
 * <p>The layout follows Apache Lucene's vectorization provider: {@link org.sparrow.core.backend.Backend}
 * is the SPI; {@link org.sparrow.core.backend.CpuBackend} delegates to the Java kernel
 * {@link org.sparrow.core.ops.Spmm}; {@link org.sparrow.core.backend.CudaBackend} finds
 * {@code libcudart} and {@code libcusparse}, checks for a device and binds the calls SpMM needs — no
 * JNI and no native build step. {@link org.sparrow.core.backend.Backends} looks the CUDA backend up
 * once (behind a holder class), selects a backend for each product ({@code auto | cpu | gpu}, by API,
 * {@code -Dsparrow.backend} or the CLI's {@code --backend}) and logs one WARNING line with the remedy
 * when {@code auto} wanted the GPU and it was refused.
 *
 * <p>A {@link org.sparrow.core.backend.DeviceMatrix} holds A where its backend computes (device memory
 * for CUDA): upload once, multiply many blocks; every product reports upload, compute and download
 * time separately ({@link org.sparrow.core.backend.SpmmTiming}).
 *
 * <p>Callers of the CUDA backend need {@code --enable-native-access=ALL-UNNAMED} (the launcher, the
 * CLI jar's manifest and Surefire pass it); without it the JDK prints a warning on first use.
 */
package org.sparrow.core.backend;
