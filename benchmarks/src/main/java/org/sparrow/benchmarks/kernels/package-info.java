/**
 * Kernel benchmarks: JMH micro-benchmarks for every Sparrow kernel ({@link
 * org.sparrow.benchmarks.kernels.SpgemmBenchmark}, {@link org.sparrow.benchmarks.kernels.SpmvBenchmark}
 * (SpMV and SpMᵀV), {@link org.sparrow.benchmarks.kernels.SpmmBenchmark}, {@link
 * org.sparrow.benchmarks.kernels.TransposeBenchmark}, {@link org.sparrow.benchmarks.kernels.AddBenchmark}),
 * and the suite runner {@link org.sparrow.benchmarks.kernels.KernelSuite}, which measures Sparrow and
 * its peers (EJML, ojAlgo, MTJ, Commons Math, scipy) side by side in one run with its own harness and
 * writes CSV, Markdown and PNG results; with {@code --large}, {@link org.sparrow.benchmarks.kernels.LargeSuite}
 * measures the kernels on matrices of millions of rows both in steady state and as whole fresh processes
 * (issue 16). Nothing here asserts anything about time.
 */
package org.sparrow.benchmarks.kernels;
