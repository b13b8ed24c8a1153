package org.sparrow.solvers.bcd;

import org.sparrow.core.CscMatrix;
import org.sparrow.core.ops.Checks;

/** Σᵢ log(1 + exp(−bᵢ aᵢᵀx)) + λ‖x‖₁ (+ x ≥ 0); see {@link BcdProblem#logistic}. */
final class LogisticProblem extends PenalizedProblem {

    final CscMatrix a;
    final double[] labels;

    private LogisticProblem(CscMatrix a, double[] labels, double lambda, boolean nonnegative) {
        super(lambda, nonnegative);
        this.a = a;
        this.labels = labels;
    }

    static LogisticProblem of(CscMatrix a, double[] labels) {
        Checks.checkNotNull(a, "A");
        Checks.checkLength("labels", labels, a.rows(), "A", a.rows(), a.cols(), "its row count, one label per row");
        Checks.checkFinite(a.transposeView(), "logistic regression: ", "Aᵀ");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("logistic regression needs labels −1 or +1, but label "
                        + (i + 1) + " is " + labels[i]);
            }
        }
        return new LogisticProblem(a, labels.clone(), 0, false);
    }

    /** log(1 + exp(t)) without overflow. */
    static double log1pExp(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    @Override
    public Loss loss() {
        return Loss.LOGISTIC;
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
        return new LogisticProblem(a, labels, newLambda, newNonnegative);
    }

    @Override
    public double objective(double[] x) {
        ProblemChecks.x(x, a.cols());
        double[] ax = new double[a.rows()];
        a.apply(x, ax);
        double s = 0;
        for (int i = 0; i < ax.length; i++) {
            s += log1pExp(-labels[i] * ax[i]);
        }
        return s + regularizer(x);
    }
}
