/**
 * Krylov solvers on any {@link org.sparrow.core.LinearOperator}: {@link org.sparrow.solvers.krylov.Cg},
 * {@link org.sparrow.solvers.krylov.Bicgstab}, {@link org.sparrow.solvers.krylov.Gmres},
 * {@link org.sparrow.solvers.krylov.Minres} for square systems (with an optional preconditioner
 * applying M⁻¹), {@link org.sparrow.solvers.krylov.Lsqr} and {@link org.sparrow.solvers.krylov.Lsmr}
 * for least squares of any shape (with damping). Each returns one
 * {@link org.sparrow.solvers.SolverResult} and never throws on non-convergence.
 *
 * <h2>What every method does</h2>
 * <ul>
 *   <li><b>Inputs.</b> A square method given a non-square A, any method given b of the wrong length,
 *       a NaN or ±∞ in b, or a preconditioner of another shape throws
 *       {@code IllegalArgumentException} naming the shape, both lengths or the first bad index. All
 *       start from x₀ = 0. b = 0 returns x = 0, converged, 0 iterations, relative residual 0, at
 *       once (no product is computed).</li>
 *   <li><b>Target.</b> τ = max(tol·‖b‖, floor) with tol = {@code relativeTolerance} and floor =
 *       {@code absoluteTolerance}: the solve stops when its residual estimate is ≤ τ (LSQR and LSMR
 *       also stop on their normal-equation test, see there).</li>
 *   <li><b>Confirmation.</b> A convergence claimed by the recurrence is checked at once against the
 *       true residual b − A·x (one product; two for LSQR/LSMR). If the truth misses τ the method goes
 *       on — CG and BiCGSTAB replace their residual by the true one and restart their directions,
 *       GMRES starts a new cycle, MINRES restarts its Lanczos process, LSQR and LSMR continue with the
 *       test that fired tightened by the observed ratio — at most three times.</li>
 *   <li><b>Verdict.</b> The result's {@code relativeResidual} is always the true ‖b − A·x‖/‖b‖,
 *       recomputed from the returned x. {@code converged} is true only when that true residual is
 *       ≤ τ (for LSQR and LSMR: when the true ‖r̄‖ ≤ τ or the true normal-equation measure ≤ tol) —
 *       there is no tolerance band above τ. A claim of the recurrence that the truth still misses
 *       once the three confirmations are spent (the limit of attainable accuracy, or drifted
 *       iterates), by however little, is reported as {@link org.sparrow.solvers.StopReason#STAGNATION}
 *       with a detail saying the recurrence drifted and giving the true residual. A non-finite true
 *       residual is {@link org.sparrow.solvers.StopReason#NOT_FINITE}, never converged. A solve that
 *       stops for another reason notes in its detail when its last estimate and the truth differ by
 *       more than 10× (a diagnostic only: it changes no verdict).</li>
 *   <li><b>Non-finite values.</b> A product with A (or M⁻¹) that yields NaN or ±∞ is caught in the
 *       first inner product or norm that uses it, and the solve stops with
 *       {@link org.sparrow.solvers.StopReason#NOT_FINITE} and a detail naming the product and
 *       the iteration; x is the last finite iterate.</li>
 *   <li><b>Progress.</b> The listener is called once per iteration with the method's own relative
 *       residual estimate (each class says which); {@code residualHistory} holds the same values,
 *       with index 0 the start (1 for x₀ = 0). Time is wall-clock ({@link System#nanoTime()}) from
 *       after validation to the verdict.</li>
 *   <li><b>Cost.</b> Work vectors are allocated once per solve; the iterations allocate nothing
 *       beyond what the operator's own products do. Vector kernels are plain loops over
 *       {@code double[]}; norms are overflow-safe
 *       ({@link org.sparrow.core.ops.Blas#norm2}).</li>
 * </ul>
 */
package org.sparrow.solvers.krylov;

