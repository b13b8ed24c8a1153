package org.sparrow.solvers.precond;

import java.util.Arrays;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Symmetry;

/**
 * The checks every preconditioner's {@code of} makes, on top of the library's {@link Checks}; each message
 * names the preconditioner and the row (counting from 1).
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * Checks that A is non-null, square and finite, and returns its canonical (sorted) form.
     *
     * @param who the preconditioner, for messages ("Jacobi", "SSOR", "ILU(0)", "IC(0)")
     */
    static CsrMatrix squareFinite(CsrMatrix a, String who) {
        Checks.checkNotNull(a, who + ": A");
        Checks.checkSquare(a.rows(), a.cols(), who, "");
        CsrMatrix s = a.sorted();
        Checks.checkFinite(s, who + ": ", "A");
        return s;
    }

    /**
     * The position of the diagonal entry of each row of a sorted square A, checking it is stored
     * and nonzero (and, with {@code positive}, > 0).
     */
    static int[] diagonalPositions(CsrMatrix s, String who, boolean positive) {
        int n = s.rows();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        int[] diag = new int[n];
        for (int i = 0; i < n; i++) {
            int p = Arrays.binarySearch(aj, ap[i], ap[i + 1], i);
            if (p < 0) {
                throw new IllegalArgumentException(who + ": row " + (i + 1) + " stores no diagonal entry "
                        + Checks.entry("A", i, i) + "; the preconditioner needs every diagonal entry");
            }
            if (ax[p] == 0.0) {
                throw new IllegalArgumentException(who + ": " + Checks.entry("A", i, i) + " = 0 in row " + (i + 1)
                        + "; the diagonal must be nonzero");
            }
            if (positive && !(ax[p] > 0)) {
                throw new IllegalArgumentException(who + ": " + Checks.entry("A", i, i) + " = " + ax[p] + " in row "
                        + (i + 1) + " is not positive, so A is not positive definite");
            }
            diag[i] = p;
        }
        return diag;
    }

    /**
     * Checks that a sorted square A is symmetric: same pattern (up to stored zeros) and
     * {@code |A(i,j) − A(j,i)| ≤ 1e-12·max(|A(i,j)|, |A(j,i)|)}; names the first pair that differs.
     */
    static void symmetric(CsrMatrix s, String who) {
        String pair = Symmetry.firstAsymmetry(s, 1e-12);
        if (pair != null) {
            throw new IllegalArgumentException(who + " needs a symmetric matrix, but " + pair);
        }
    }

    /** Checks the vectors of an apply: non-null, length n (they may be the same array). Allocates nothing. */
    static void vectors(double[] x, double[] y, int n) {
        Checks.checkLength("x", x, n, "the preconditioner", n, n, "its order");
        Checks.checkLength("y", y, n, "the preconditioner", n, n, "its order");
    }

    /** Checks the vectors of an apply as {@link #vectors} and copies x into y, where the solves then run in place. */
    static void copyIn(double[] x, double[] y, int n) {
        vectors(x, y, n);
        if (y != x) {
            System.arraycopy(x, 0, y, 0, n);
        }
    }
}
