/**
 * The multigrid benchmark ({@code sparrow bench multigrid}): smoothed-aggregation AMG-preconditioned CG
 * against IC(0)-CG and scipy's CG on Poisson problems up to 10⁶ unknowns and the suite's SPD matrices,
 * with the AMG hierarchy compared against pyamg's published one. See {@link org.sparrow.benchmarks.multigrid.MultigridSuite}.
 */
package org.sparrow.benchmarks.multigrid;
