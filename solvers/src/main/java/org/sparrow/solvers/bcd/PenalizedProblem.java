package org.sparrow.solvers.bcd;

/**
 * What every {@link BcdProblem} adds to its smooth part f: the ℓ₁ weight λ and the sign constraint x ≥ 0, held
 * once here with the immutable {@code withL1}/{@code withNonnegative} copies; a subclass says how to copy itself
 * with other values ({@link #with}).
 */
abstract sealed class PenalizedProblem implements BcdProblem permits LeastSquaresProblem, LogisticProblem,
        QuadraticProblem {

    /** λ ≥ 0. */
    final double lambda;
    /** Whether x ≥ 0 is imposed. */
    final boolean nonnegative;

    PenalizedProblem(double lambda, boolean nonnegative) {
        this.lambda = lambda;
        this.nonnegative = nonnegative;
    }

    /** The same smooth part with the given λ (already checked) and sign constraint. */
    abstract BcdProblem with(double newLambda, boolean newNonnegative);

    @Override
    public final BcdProblem withL1(double l) {
        return with(ProblemChecks.lambda(l), nonnegative);
    }

    @Override
    public final BcdProblem withNonnegative(boolean on) {
        return with(lambda, on);
    }

    @Override
    public final double l1() {
        return lambda;
    }

    @Override
    public final boolean nonnegative() {
        return nonnegative;
    }

    /** λ‖x‖₁, or +∞ when x ≥ 0 is imposed and violated. */
    final double regularizer(double[] x) {
        return ProblemChecks.regularizer(x, lambda, nonnegative);
    }
}
