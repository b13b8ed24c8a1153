package org.sparrow.solvers.direct;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixSparseCSC;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.PreconditionerKind;
import org.sparrow.solvers.SolverMethod;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.StopReason;

/** Checks and the result record shared by the direct solvers (the CSR → EJML hand-over is {@link org.sparrow.interop.ejml.Ejml#cscOfTranspose}). */
final class DirectSupport {

    private DirectSupport() {
    }

    /** Checks that A is non-null and finite (naming the first bad entry, 1-based); returns its canonical form. */
    static CsrMatrix checkMatrix(CsrMatrix a, String who) {
        Checks.checkNotNull(a, who + ": A");
        CsrMatrix s = a.sorted();
        Checks.checkFinite(s, who + ": ", "A");
        return s;
    }

    static void checkSquare(CsrMatrix a, String who) {
        Checks.checkSquare(a.rows(), a.cols(), who, a.rows() > a.cols() ? "use QR, --method qr, for least squares" : "");
    }

    /** Checks a right-hand side: non-null, length {@code m}, finite (naming the first bad entry, 1-based). */
    static void checkRhs(double[] b, int m, String who) {
        Checks.checkLength(who + ": b", b, m, "A's row count");
        Checks.checkFinite(b, who + ": ", "b");
    }

    /** Checks the vectors of a solve: b as {@link #checkRhs} (length {@code m}), x non-null of length {@code n}. */
    static void checkSolve(double[] b, int m, double[] x, int n, String who) {
        if (b != null && b.length == m && x != null && x.length == n && Blas.firstNonFinite(b) < 0) {
            return; // valid: no message is built, so a repeated solve allocates nothing
        }
        checkRhs(b, m, who);
        Checks.checkLength(who + ": x", x, n, "A's column count");
    }

    /** Checks a caller's work vector: non-null, length ≥ n. */
    static void checkWork(double[] work, int n, String who) {
        if (work == null || work.length < n) {
            throw new IllegalArgumentException(who + ": the work vector must hold at least " + n + " entries, got "
                    + (work == null ? "none" : Integer.toString(work.length)));
        }
    }

    /** {@code x = Pᵀ·y}: {@code x[perm[k]] = y[k]} ({@code perm[new] = old}). */
    static void unpermute(double[] y, int[] perm, double[] x) {
        for (int k = 0; k < perm.length; k++) {
            x[perm[k]] = y[k];
        }
    }

    /**
     * Checks that a canonical square A is symmetric: {@code |A(i,j) − A(j,i)| ≤ 1e-12·max(|A(i,j)|, |A(j,i)|)},
     * naming the first pair that differs.
     */
    static void checkSymmetric(CsrMatrix s, String who) {
        String pair = Symmetry.firstAsymmetry(s, 1e-12);
        if (pair != null) {
            throw new IllegalArgumentException(who + " needs a symmetric matrix, but " + pair + " (use LU, --method lu, for a nonsymmetric A)");
        }
    }

    /**
     * The position of the diagonal entry of each column of a square CSC factor: first in every
     * column of a lower factor, last in every column of an upper one (as {@code cs_chol} and
     * {@code cs_lu} build them, and as {@link org.sparrow.core.ops.Triangular}'s kernels read them);
     * checked, not assumed.
     */
    static int[] diagonalPositions(DMatrixSparseCSC f, boolean lower) {
        int n = f.numCols;
        int[] d = new int[n];
        for (int j = 0; j < n; j++) {
            int start = f.col_idx[j];
            int end = f.col_idx[j + 1];
            d[j] = lower ? start : end - 1;
            if (start == end || f.nz_rows[d[j]] != j) {
                throw new IllegalStateException("the " + (lower ? "lower" : "upper") + " factor does not hold its diagonal "
                        + (lower ? "first" : "last") + " in column " + (j + 1));
            }
        }
        return d;
    }

    /** {@code perm[new] = old} → {@code pinv[old] = new}. */
    static int[] inverse(int[] perm) {
        int[] pinv = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
            pinv[perm[k]] = k;
        }
        return pinv;
    }

    /** Throws when x holds NaN or infinity: the factorization met a (numerically) singular matrix. */
    static void checkSolution(double[] x, String who, String what) {
        int bad = Blas.firstNonFinite(x);
        if (bad >= 0) {
            throw new IllegalArgumentException(who + ": the solution has x(" + (bad + 1) + ") = " + x[bad] + ": " + what);
        }
    }

    /** ‖b − A·x‖/‖b‖ (0 for b = 0), with the residual left in {@code r}. */
    static double relativeResidual(CsrMatrix a, double[] x, double[] b, double[] r) {
        Blas.residual(a, x, b, r);
        double nb = Blas.norm2(b);
        return nb == 0 ? 0.0 : Blas.norm2(r) / nb;
    }

    /** ‖Aᵀr‖/(‖A‖_F·‖r‖), the optimality measure of min‖Ax − b‖; 0 when r = 0. */
    static double normalResidual(CsrMatrix a, double[] r) {
        double nr = Blas.norm2(r);
        double na = a.frobeniusNorm();
        if (nr == 0 || na == 0) {
            return 0.0;
        }
        double[] atr = a.applyTranspose(r);
        return Blas.norm2(atr) / (na * nr);
    }

    /**
     * Orders, factors and solves once, timing all of it: b is checked first (so a bad b is reported
     * before the factorization's work), the residuals are recomputed from x.
     *
     * @param factor       A ↦ the solve {@code b ↦ x} of its factorization
     * @param leastSquares also report the normal residual ‖Aᵀr‖/(‖A‖_F·‖r‖) (else NaN)
     */
    static SolverResult solveOnce(String who, SolverMethod method, CsrMatrix a, double[] b,
                                  Function<CsrMatrix, UnaryOperator<double[]>> factor, boolean leastSquares) {
        long start = System.nanoTime();
        if (a != null) {
            checkRhs(b, a.rows(), who);
        }
        double[] x = factor.apply(a).apply(b);
        double[] r = new double[b.length];
        double rr = relativeResidual(a, x, b, r);
        return result(method, x, rr, leastSquares ? normalResidual(a, r) : Double.NaN, start);
    }

    static SolverResult result(SolverMethod method, double[] x, double relativeResidual, double normalResidual,
                               long start) {
        return new SolverResult(method, PreconditionerKind.NONE, x, true, StopReason.CONVERGED, "", 0, relativeResidual, normalResidual,
                new double[0], 0.0, (System.nanoTime() - start) * 1e-9);
    }
}
