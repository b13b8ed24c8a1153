/**
 * Sparse direct solvers through EJML's sparse factorizations, with Sparrow's fill-reducing
 * orderings ({@link org.sparrow.core.ordering.FillReducingOrdering}; EJML 0.46 itself offers only
 * none, random and identity):
 * {@link org.sparrow.solvers.direct.SparseCholesky} (symmetric positive definite, symmetric ordering of A),
 * {@link org.sparrow.solvers.direct.SparseLu} (general square, partial pivoting, column ordering through AᵀA) and
 * {@link org.sparrow.solvers.direct.SparseQr} (least squares, m ≥ n, column ordering through AᵀA).
 *
 * <p>Each offers {@code factor(a)} once and {@code solve(b)} many times, with {@code factorNonzeros()}
 * reporting the fill; and a static {@code solve(a, b)} that returns a
 * {@link org.sparrow.solvers.SolverResult} (0 iterations, preconditioner "none", the true relative
 * residual recomputed, and for QR the normal residual). Failures — not positive definite, singular,
 * rank deficient, non-finite or mis-shaped input — are {@link java.lang.IllegalArgumentException}s
 * whose message says what and where.
 */
package org.sparrow.solvers.direct;
