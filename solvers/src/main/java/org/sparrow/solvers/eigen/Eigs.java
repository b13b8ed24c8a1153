package org.sparrow.solvers.eigen;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.Par;
import org.sparrow.core.ops.Add;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.direct.SparseCholesky;
import org.sparrow.solvers.direct.SparseLu;

/**
 * A few eigenpairs of a large sparse matrix — scipy's {@code eigsh} and {@code eigs}, ARPACK's and
 * SLEPc's job: {@link #symmetric} by Krylov–Schur, which for a symmetric matrix is thick-restart
 * Lanczos (Wu and Simon 2000), and {@link #nonsymmetric} by Krylov–Schur on Stewart's Krylov
 * decompositions (Stewart 2002); see {@link KrylovSchur} for the iteration. For
 * {@link Which#NEAREST} the iteration runs on (A − σI)⁻¹ (shift-invert, Ericsson and Ruhe, Math.
 * Comp. 35 (1980) 1251–1268): A − σI is factored once — sparse Cholesky when it is positive
 * definite, sparse LU otherwise — and every step is one solve. For the smallest eigenpairs of an SPD
 * matrix with a good preconditioner see {@link Lobpcg}.
 *
 * <p>Every result carries the residuals ‖A·v − λ·v‖ recomputed from A, and a pair counts as
 * converged only when its residual is ≤ tolerance·‖A‖ (‖A‖ as {@link #normEstimate} says).
 */
public final class Eigs {

    private Eigs() {
    }

    /**
     * The k eigenpairs of a symmetric A that {@code o.which()} asks for.
     *
     * @param a Input: the symmetric operator, n × n; a {@link CsrMatrix} for {@link Which#NEAREST}
     * @param o the options
     * @return the eigenpairs, most wanted first
     * @throws IllegalArgumentException if A is null or not square, k &gt; n, A is a matrix with a
     *     non-finite entry or a {@link CsrMatrix} that is not symmetric (naming the entry), or
     *     {@link Which#NEAREST} is asked of an operator that is not a {@link CsrMatrix}, or σ is an
     *     eigenvalue to working precision
     */
    public static EigenResult symmetric(LinearOperator a, EigenOptions o) {
        checkSquare(a, o);
        if (a instanceof CsrMatrix c) {
            String asym = Symmetry.firstAsymmetry(c.sorted(), 1e-12);
            if (asym != null) {
                throw new IllegalArgumentException("the symmetric eigensolver needs a symmetric matrix, but " + asym
                        + " (use the nonsymmetric solver)");
            }
        }
        return run(a, o, true);
    }

    /**
     * The k eigenpairs of a general real A that {@code o.which()} asks for; complex eigenvalues come
     * as real and imaginary parts (see {@link EigenResult}).
     *
     * @param a Input: the operator, n × n; a {@link CsrMatrix} for {@link Which#NEAREST}
     * @param o the options
     * @return the eigenpairs, most wanted first
     * @throws IllegalArgumentException as {@link #symmetric}, except that A need not be symmetric
     */
    public static EigenResult nonsymmetric(LinearOperator a, EigenOptions o) {
        checkSquare(a, o);
        return run(a, o, false);
    }

    /**
     * Whether a sparse matrix is symmetric to a relative 1e-12 per entry pair (what the CLI's
     * {@code --symmetric auto} decides by).
     *
     * @param a Input: square CSR
     * @return whether A equals Aᵀ within that tolerance
     * @throws IllegalArgumentException if A is null or not square
     */
    public static boolean isSymmetric(CsrMatrix a) {
        Checks.checkMatrix(a, "A");
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("A is " + Checks.shape(a.rows(), a.cols()) + ": eigenvalues need a square matrix");
        }
        return Symmetry.firstAsymmetry(a.sorted(), 1e-12) == null;
    }

    /**
     * The estimate of ‖A‖₂ the convergence test scales by: √(‖A‖₁·‖A‖_∞) (an upper bound; equal
     * to ‖A‖₁ for a symmetric A) for a {@link CsrMatrix}, the Frobenius norm for a
     * {@link DenseMatrix}, and NaN for another operator (the solvers then take the largest Ritz value
     * in magnitude they see).
     *
     * @param a Input: the operator
     * @return the estimate, or NaN
     */
    public static double normEstimate(LinearOperator a) {
        if (a instanceof CsrMatrix c) {
            int[] ap = c.rowPointers();
            int[] aj = c.columnIndices();
            double[] ax = c.values();
            double[] colSums = new double[c.cols()];
            double inf = 0;
            for (int i = 0; i < c.rows(); i++) {
                double s = 0;
                for (int p = ap[i]; p < ap[i + 1]; p++) {
                    s += Math.abs(ax[p]);
                    colSums[aj[p]] += Math.abs(ax[p]);
                }
                inf = Math.max(inf, s);
            }
            double one = 0;
            for (double s : colSums) {
                one = Math.max(one, s);
            }
            return Math.sqrt(one * inf);
        }
        if (a instanceof DenseMatrix d) {
            return d.frobeniusNorm();
        }
        return Double.NaN;
    }

    private static void checkSquare(LinearOperator a, EigenOptions o) {
        Checks.checkNotNull(a, "A");
        Checks.checkNotNull(o, "the options");
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("A is " + Checks.shape(a.rows(), a.cols()) + ": eigenvalues need a square matrix");
        }
        if (o.k() > a.rows()) {
            throw new IllegalArgumentException("k = " + o.k() + " eigenvalues asked of a " + Checks.shape(a.rows(), a.cols())
                    + " matrix: k must be ≤ " + a.rows());
        }
        if (a instanceof CsrMatrix c) {
            Checks.checkFinite(c, "", "A");
        } else if (a instanceof DenseMatrix d) {
            Checks.checkFinite(d, "", "A");
        }
    }

    private static EigenResult run(LinearOperator a, EigenOptions o, boolean symmetric) {
        long started = System.nanoTime();
        double norm = normEstimate(a);
        if (o.which() != Which.NEAREST) {
            return KrylovSchur.run(a, a, symmetric, o, Double.NaN, norm, started, 0);
        }
        if (!(a instanceof CsrMatrix c)) {
            throw new IllegalArgumentException("the eigenvalues nearest σ need A as a sparse matrix: shift-invert factors A − σI");
        }
        LinearOperator inverse = shiftInverse(c, o.sigma(), symmetric);
        return KrylovSchur.run(inverse, a, symmetric, o, o.sigma(), norm, started, 0);
    }

    /**
     * (A − σI)⁻¹ as an operator: one factorization, then one pair of triangular solves per product.
     *
     * @param a         Input: square CSR
     * @param sigma     the shift σ
     * @param symmetric whether A is symmetric (then Cholesky is tried first)
     * @return the operator x ↦ (A − σI)⁻¹·x
     * @throws IllegalArgumentException if A − σI is singular to working precision
     */
    static LinearOperator shiftInverse(CsrMatrix a, double sigma, boolean symmetric) {
        int n = a.rows();
        CsrMatrix shifted = sigma == 0.0 ? a : Add.of(1.0, a, -sigma, CsrMatrix.identity(n), Par.AUTO);
        if (symmetric) {
            try {
                SparseCholesky chol = SparseCholesky.factor(shifted);
                return LinearOperator.of(n, n, chol::solve, chol::solve);
            } catch (IllegalArgumentException notPositiveDefinite) {
                // σ lies inside or above the spectrum: A − σI is indefinite, LU takes it
            }
        }
        SparseLu lu;
        try {
            lu = SparseLu.factor(shifted);
        } catch (IllegalArgumentException singular) {
            throw new IllegalArgumentException("σ = " + sigma + " is an eigenvalue of A to working precision (A − σI is "
                    + "singular: " + singular.getMessage() + "); choose another σ");
        }
        SparseLu f = lu;
        return LinearOperator.of(n, n, (x, y) -> {
            try {
                f.solve(x, y);
            } catch (IllegalArgumentException notFinite) {
                java.util.Arrays.fill(y, Double.NaN); // the engine reports a non-finite product
            }
        }, (x, y) -> {
            throw new UnsupportedOperationException("(A − σI)⁻ᵀ is not needed by the eigensolvers");
        });
    }
}
