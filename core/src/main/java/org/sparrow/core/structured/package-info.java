/**
 * Structured operators whose products cost far less than their size: {@link
 * org.sparrow.core.structured.KroneckerOperator} (A₁⊗…⊗A_d applied through its factors by the vec
 * trick, never formed).
 *
 * <p>Each is a {@link org.sparrow.core.LinearOperator}, so every solver that needs only products takes
 * it as it is; each states its index convention in its class comment and has a {@code toDense()} for
 * small cases (tests and baselines), refused with the size past a limit.
 */
package org.sparrow.core.structured;
