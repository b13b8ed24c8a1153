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
        return inverting(Diagonal.of(s));
    }

    /**
     * The Jacobi preconditioner of a matrix known by its diagonal alone (for example one whose rows live
     * on a cluster, where only the diagonal is gathered).
     *
     * @param diagonal Input: {@code A(i, i)} for every i, finite and nonzero; not modified
     * @return the preconditioner {@code M⁻¹ = diag(1 / a_ii)}
     * @throws IllegalArgumentException if the diagonal is null, or an entry is zero, not finite or too small
     *     to invert (the message names the row)
     */
    public static Jacobi ofDiagonal(double[] diagonal) {
        if (diagonal == null) {
            throw new IllegalArgumentException("Jacobi: the diagonal is null");
        }
        for (int i = 0; i < diagonal.length; i++) {
            if (!Double.isFinite(diagonal[i])) {
                throw new IllegalArgumentException("Jacobi: A(" + (i + 1) + ", " + (i + 1) + ") = " + diagonal[i]
                        + " in row " + (i + 1) + " is not finite");
            }
        }
        return inverting(diagonal.clone());
    }

    /** Inverts the diagonal in place. */
    private static Jacobi inverting(double[] d) {
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
