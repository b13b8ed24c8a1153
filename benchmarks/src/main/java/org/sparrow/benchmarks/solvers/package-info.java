/**
 * The solver part of the benchmark suite: Sparrow's Krylov solvers against MTJ, Commons Math and
 * scipy.sparse.linalg on shared matrices, same right-hand side, tolerance and preconditioner, in one
 * run ({@link org.sparrow.benchmarks.solvers.SolverSuite}; see benchmarks/README.md).
 */
package org.sparrow.benchmarks.solvers;
