/**
 * The eigenvalue part of the benchmark suite: Sparrow's {@code Eigs} and {@code Svds} against scipy's
 * {@code eigsh} and {@code svds} (ARPACK) on the shared matrices, values compared and timed in one run
 * ({@link org.sparrow.benchmarks.eigen.EigenSuite}; see benchmarks/README.md).
 */
package org.sparrow.benchmarks.eigen;
