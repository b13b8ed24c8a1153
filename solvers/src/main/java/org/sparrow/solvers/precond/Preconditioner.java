package org.sparrow.solvers.precond;

import org.sparrow.core.LinearOperator;

/**
 * A preconditioner M ≈ A, applied as {@code y = M⁻¹·x} through {@link LinearOperator#apply}
 * (square: {@code rows() == cols() == n}). {@code applyTranspose} applies M⁻ᵀ.
 */
public interface Preconditioner extends LinearOperator {

    /** Short name for results and the CLI: "jacobi", "ssor", "ilu0", "ic0". */
    String name();

    /** A preconditioner is square: {@code cols() == rows()}. */
    @Override
    default int cols() {
        return rows();
    }

    /**
     * The diagonal shift α this preconditioner had to add (A + α·diag(A)) because the plain
     * incomplete factorization broke down; 0 when none was needed.
     */
    default double diagonalShift() {
        return 0.0;
    }
}
