package org.sparrow.solvers.precond;

import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Diagonal;

/**
 * The Jacobi (diagonal) preconditioner {@code M = diag(A)}: {@code y_i = x_i / A(i, i)}
 * (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., 2003, §10.2). O(n) per apply,
 * no allocation; {@code M⁻ᵀ = M⁻¹}.
 */
public final class Jacobi implements Preconditioner {

    private final double[] inverseDiagonal;

    private Jacobi(double[] inverseDiagonal) {
        this.inverseDiagonal = inverseDiagonal;
    }

    /**
     * The Jacobi preconditioner of A.
     *
     * @param a Input: square CSR (sorted or not), finite, with every diagonal entry stored and nonzero
     * @return the preconditioner
     * @throws IllegalArgumentException if A is null, not square, holds NaN or infinity, or a diagonal
     *     entry is missing or zero (the message names the row)
     */
    public static Jacobi of(CsrMatrix a) {
        CsrMatrix s = Inputs.squareFinite(a, "Jacobi");
        Inputs.diagonalPositions(s, "Jacobi", false);
        double[] d = Diagonal.of(s);
        for (int i = 0; i < d.length; i++) {
            double inv = 1.0 / d[i]; // M⁻¹ = diag(1 / a_ii)
            if (!Double.isFinite(inv)) {
                throw new IllegalArgumentException("Jacobi: A(" + (i + 1) + ", " + (i + 1) + ") = " + d[i] + " in row " + (i + 1)
                        + " is too small to invert");
            }
            d[i] = inv;
        }
        return new Jacobi(d);
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.JACOBI;
    }

    @Override
    public int rows() {
        return inverseDiagonal.length;
    }

    /** {@code y = diag(A)⁻¹·x}; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        Inputs.vectors(x, y, inverseDiagonal.length);
        double[] dinv = inverseDiagonal;
        for (int i = 0; i < dinv.length; i++) {
            y[i] = dinv[i] * x[i]; // y_i = x_i / a_ii
        }
    }

    /** The same as {@link #apply(double[], double[])}: a diagonal M is symmetric. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        apply(x, y);
    }
}
