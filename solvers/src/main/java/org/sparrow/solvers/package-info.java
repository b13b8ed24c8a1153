/**
 * Sparrow's solvers (not built yet; each arrives with its own issue).
 *
 * <p>What will live here (ARCHITECTURE §3): {@code org.sparrow.solvers.krylov} — CG, BiCGSTAB,
 * GMRES(m), MINRES, LSQR and LSMR on any {@code LinearOperator}, reporting one {@code SolverResult};
 * {@code org.sparrow.solvers.precond} — Jacobi, SSOR, ILU(0), IC(0); {@code org.sparrow.solvers.direct}
 * — sparse Cholesky, LU and QR through EJML with a fill-reducing ordering; {@code .sbl},
 * {@code .ot}, {@code .bcd} — Kronecker-structured sparse Bayesian learning, Sinkhorn and
 * Sinkhorn-Newton-Sparse optimal transport, block coordinate descent with greedy rules.
 */
package org.sparrow.solvers;
