/**
 * The entropic optimal transport benchmark: Sparrow's Sinkhorn-Newton-Sparse and log-domain Sinkhorn
 * against POT's {@code sinkhorn_log} on the cases of Tang et al. (ICLR 2024, arXiv 2401.12253), in one
 * run ({@link org.sparrow.benchmarks.ot.OtSuite}; see benchmarks/README.md).
 */
package org.sparrow.benchmarks.ot;
