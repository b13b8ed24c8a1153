/**
 * The Kronecker SBL benchmark of issue 12: He &amp; Joseph's synthetic setup (IEEE TSP 2024) with Sparrow's classic
 * SBL, AM-, SVD- and PC-KroSBL, an oracle least squares and scikit-learn's ARDRegression on the same seeded trials,
 * in one run ({@link org.sparrow.benchmarks.sbl.SblSuite}; see benchmarks/README.md).
 */
package org.sparrow.benchmarks.sbl;
