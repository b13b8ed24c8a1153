/**
 * Sparrow on Apache Spark 4.2: sparse matrices spread over a cluster as row blocks, with Sparrow's own
 * kernels running unchanged inside each partition.
 *
 * <p>{@link org.sparrow.spark.DistributedCsrMatrix} is an RDD of {@link org.sparrow.spark.RowBlock}s
 * (one per partition, rows cut by work), built from a local matrix, from triplets, or by reading a
 * Matrix Market file in parallel by byte ranges from any Hadoop file system. Its products: SpMV and
 * SpMᵀV (results assembled on the driver or kept as a {@link org.sparrow.spark.DistributedVector}),
 * SpMM with a dense block, the transpose, and SpGEMM with B broadcast or shuffled in column blocks
 * ({@link org.sparrow.spark.SpgemmPlan}). Results equal the local library's: bit for bit where the
 * local kernel is deterministic per row (SpMV, SpMM, SpGEMM, transpose, reading), and up to the
 * association of partial sums for the reductions (SpMᵀV), which are added in partition order so that
 * re-executed tasks change nothing.
 *
 * <p>Spark is a {@code provided} dependency: spark-submit or the cluster supplies it. On Java 25 the
 * JVM needs the flags Spark's own launcher adds ({@code org.apache.spark.launcher.JavaModuleOptions});
 * this module's pom lists them for its tests.
 */
package org.sparrow.spark;
