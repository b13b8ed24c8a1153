package org.sparrow.solvers.bcd;

import org.sparrow.core.CscMatrix;
import org.sparrow.core.ops.Checks;

/** ½‖Ax − b‖² + λ‖x‖₁ (+ x ≥ 0) over a column-compressed A; see {@link BcdProblem#leastSquares}. */
final class LeastSquaresProblem implements BcdProblem {

    final CscMatrix a;
    final double[] b;
    private final double lambda;
    private final boolean nonnegative;

    private LeastSquaresProblem(CscMatrix a, double[] b, double lambda, boolean nonnegative) {
        this.a = a;
        this.b = b;
        this.lambda = lambda;
        this.nonnegative = nonnegative;
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
    public BcdProblem withL1(double l) {
        return new LeastSquaresProblem(a, b, ProblemChecks.lambda(l), nonnegative);
    }

    @Override
    public BcdProblem withNonnegative(boolean on) {
        return new LeastSquaresProblem(a, b, lambda, on);
    }

    @Override
    public double l1() {
        return lambda;
    }

    @Override
    public boolean nonnegative() {
        return nonnegative;
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
        return 0.5 * s + ProblemChecks.regularizer(x, lambda, nonnegative);
    }
}
