/**
 * The least-squares regression benchmark suite: problems with a known exact solution, Sparrow's dense
 * QR, LSQR, sketch-and-solve and sketch-and-precondition against EJML's and ojAlgo's dense QR in the
 * same run, the ℓ∞ experiment, and a {@code --check} mode that compares a run with a stored baseline
 * ({@link org.sparrow.benchmarks.regression.RegressionSuite}; see benchmarks/README.md).
 */
package org.sparrow.benchmarks.regression;
