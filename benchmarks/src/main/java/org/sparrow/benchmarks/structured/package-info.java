/**
 * The structured-matrix benchmark of issue 15 ({@code ./sparrow bench structured}): Monarch multiply against
 * the dense product, the Monarch projection, and matrix completion by exact and sketched alternating
 * minimization against a hard-impute baseline. See {@link org.sparrow.benchmarks.structured.StructuredSuite}.
 */
package org.sparrow.benchmarks.structured;
