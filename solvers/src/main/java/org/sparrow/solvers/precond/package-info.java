/**
 * Preconditioners {@code M ≈ A}, applied as {@code y = M⁻¹·x} ({@link org.sparrow.solvers.precond.Preconditioner}):
 * {@link org.sparrow.solvers.precond.Jacobi}, {@link org.sparrow.solvers.precond.Ssor},
 * {@link org.sparrow.solvers.precond.Ilu0}, {@link org.sparrow.solvers.precond.Ic0} (with Manteuffel's
 * diagonal shift on breakdown, reported by {@code diagonalShift()}), the dual-threshold
 * {@link org.sparrow.solvers.precond.Ilut} (ILUT(τ, p)) and the level-of-fill
 * {@link org.sparrow.solvers.precond.Iluk} (ILU(k), symbolic and numeric phases). Each says what it built
 * through {@link org.sparrow.solvers.precond.Preconditioner#view()}
 * ({@link org.sparrow.solvers.precond.PreconditionerView}: name, fill, setup time).
 *
 * <p>Each is built by a static {@code of(CsrMatrix …)} that checks A (square, finite, every diagonal
 * entry stored and nonzero; symmetric and positive diagonal for IC(0)) and names the row at fault;
 * {@code apply} and {@code applyTranspose} allocate nothing and accept the same array as input and
 * output.
 */
package org.sparrow.solvers.precond;
