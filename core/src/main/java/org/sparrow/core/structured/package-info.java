/**
 * Structured operators whose products cost far less than their size: {@link
 * org.sparrow.core.structured.KroneckerOperator} (A₁⊗…⊗A_d applied through its factors by the vec
 * trick, never formed), {@link org.sparrow.core.structured.MonarchMatrix} (P·L·Pᵀ·R with block-diagonal
 * L and R, O(n^1.5) products, and the optimal projection of a dense matrix onto it,
 * {@link org.sparrow.core.structured.MonarchProjection}), and {@link
 * org.sparrow.core.structured.LowRankMatrix} (U·diag(s)·Vᵀ, from a truncated SVD, the randomized SVD
 * of the sketching module, or matrix completion).
 *
 * <p>Each is a {@link org.sparrow.core.LinearOperator}, so every solver that needs only products takes
 * it as it is; each states its index convention in its class comment and has a {@code toDense()} for
 * small cases (tests and baselines), refused with the size past a limit.
 */
package org.sparrow.core.structured;
