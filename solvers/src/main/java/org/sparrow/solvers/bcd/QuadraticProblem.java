package org.sparrow.solvers.bcd;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Symmetry;

/** ½xᵀAx − bᵀx + λ‖x‖₁ (+ x ≥ 0) with A sparse symmetric positive definite; see {@link BcdProblem#quadratic}. */
final class QuadraticProblem extends PenalizedProblem {

    final CsrMatrix a;
    final double[] b;
    /** The diagonal of A (the coordinate Lipschitz constants). */
    final double[] diag;

    private QuadraticProblem(CsrMatrix a, double[] b, double[] diag, double lambda, boolean nonnegative) {
        super(lambda, nonnegative);
        this.a = a;
        this.b = b;
        this.diag = diag;
    }

    static QuadraticProblem of(CsrMatrix a, double[] b) {
        Checks.checkMatrix(a, "A");
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("the quadratic loss needs a square matrix, but A is "
                    + Checks.shape(a.rows(), a.cols()));
        }
        Checks.checkLength("b", b, a.rows(), "A", a.rows(), a.cols(), "its order, for ½xᵀAx − bᵀx");
        Checks.checkFinite(a, "quadratic loss: ", "A");
        Checks.checkFinite(b, "quadratic loss: ", "b");
        CsrMatrix s = a.isSorted() ? a : a.sorted();
        String asym = Symmetry.firstAsymmetry(s, 1e-12);
        if (asym != null) {
            throw new IllegalArgumentException("the quadratic loss needs a symmetric positive definite matrix, but "
                    + asym);
        }
        int n = s.rows();
        double[] d = new double[n];
        int[] rp = s.rowPointers();
        int[] cj = s.columnIndices();
        double[] v = s.values();
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (cj[p] == i) {
                    d[i] += v[p];
                }
            }
            if (!(d[i] > 0)) {
                throw new IllegalArgumentException("the quadratic loss needs a symmetric positive definite matrix, but "
                        + Checks.entry("A", i, i) + " = " + d[i] + " is not positive");
            }
        }
        return new QuadraticProblem(s, b.clone(), d, 0, false);
    }

    @Override
    public Loss loss() {
        return Loss.QUADRATIC;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return a.cols();
    }

    @Override
    BcdProblem with(double newLambda, boolean newNonnegative) {
        return new QuadraticProblem(a, b, diag, newLambda, newNonnegative);
    }

    @Override
    public double objective(double[] x) {
        ProblemChecks.x(x, a.cols());
        double[] ax = new double[a.rows()];
        a.apply(x, ax);
        double s = 0;
        for (int i = 0; i < ax.length; i++) {
            s += x[i] * (0.5 * ax[i] - b[i]);
        }
        return s + regularizer(x);
    }
}
