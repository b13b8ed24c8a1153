package org.sparrow.solvers.bcd;

import org.sparrow.core.CscMatrix;
import org.sparrow.core.ops.Checks;

/** ½‖Ax − b‖² + λ‖x‖₁ (+ x ≥ 0) over a column-compressed A; see {@link BcdProblem#leastSquares}. */
final class LeastSquaresProblem extends PenalizedProblem {

    final CscMatrix a;
    final double[] b;

    private LeastSquaresProblem(CscMatrix a, double[] b, double lambda, boolean nonnegative) {
        super(lambda, nonnegative);
        this.a = a;
        this.b = b;
    }

    static LeastSquaresProblem of(CscMatrix a, double[] b) {
        Checks.checkNotNull(a, "A");
        Checks.checkLength("b", b, a.rows(), "A", a.rows(), a.cols(), "its row count, for ½‖Ax − b‖²");
        Checks.checkFinite(a.transposeView(), "least squares: ", "Aᵀ");
        Checks.checkFinite(b, "least squares: ", "b");
        return new LeastSquaresProblem(a, b.clone(), 0, false);
    }

    @Override
    public Loss loss() {
        return Loss.LEAST_SQUARES;
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
        return new LeastSquaresProblem(a, b, newLambda, newNonnegative);
    }

    @Override
    public double objective(double[] x) {
        ProblemChecks.x(x, a.cols());
        double[] r = new double[a.rows()];
        a.apply(x, r);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] - b[i];
            s += d * d;
        }
        return 0.5 * s + regularizer(x);
    }
}
