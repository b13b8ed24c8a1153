package org.sparrow.solvers.bcd;

import org.sparrow.core.ops.Checks;

/** Input checks shared by the three problem kinds (one place for their messages). */
final class ProblemChecks {

    private ProblemChecks() {
    }

    /** λ must be finite and ≥ 0. */
    static double lambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the ℓ₁ weight λ must be finite and ≥ 0, got " + lambda);
        }
        return lambda;
    }

    /** x has length n. */
    static void x(double[] x, int n) {
        Checks.checkLength("x", x, n, "the problem's number of coordinates");
    }

    /** λ‖x‖₁, or +∞ when x ≥ 0 is imposed and violated. */
    static double regularizer(double[] x, double lambda, boolean nonnegative) {
        double s = 0;
        for (double v : x) {
            if (nonnegative && v < 0) {
                return Double.POSITIVE_INFINITY;
            }
            s += Math.abs(v);
        }
        return lambda * s;
    }
}
