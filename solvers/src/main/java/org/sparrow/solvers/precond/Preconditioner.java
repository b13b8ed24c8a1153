package org.sparrow.solvers.precond;

import org.sparrow.core.LinearOperator;
import org.sparrow.solvers.PreconditionerKind;

/**
 * A preconditioner M ≈ A, applied as {@code y = M⁻¹·x} through {@link LinearOperator#apply}
 * (square: {@code rows() == cols() == n}). {@code applyTranspose} applies M⁻ᵀ.
 */
public interface Preconditioner extends LinearOperator {

    /**
     * Which preconditioner this is, for results and the CLI: {@link PreconditionerKind#CUSTOM} unless
     * it is one of Sparrow's (which say which).
     *
     * @return {@link PreconditionerKind#CUSTOM} here; Sparrow's own preconditioners return their kind
     */
    default PreconditionerKind kind() {
        return PreconditionerKind.CUSTOM;
    }

    /** {@return the name in messages: the kind's display name ("Jacobi", "ILU(0)"); a custom one may say more} */
    default String name() {
        return kind().displayName();
    }

    /** A preconditioner is square: {@code cols() == rows()}. */
    @Override
    default int cols() {
        return rows();
    }

    /**
     * The diagonal shift α this preconditioner had to add (A + α·diag(A)) because the plain
     * incomplete factorization broke down; 0 when none was needed.
     *
     * @return the shift α, ≥ 0
     */
    default double diagonalShift() {
        return 0.0;
    }

    /**
     * What was built, for {@code sparrow solve --view} and reports: the name, the nonzeros stored against
     * those of A (the fill), the setup time when the preconditioner measured it, and for a hierarchical
     * preconditioner one detail line per level. The default knows only the name; Sparrow's
     * preconditioners say more.
     *
     * @return the view
     */
    default PreconditionerView view() {
        return PreconditionerView.named(name());
    }
}
