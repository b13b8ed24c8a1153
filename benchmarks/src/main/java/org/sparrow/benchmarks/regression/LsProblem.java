package org.sparrow.benchmarks.regression;

import org.sparrow.core.Matrix;

/**
 * A least-squares problem min ‖A·x − b‖ whose exact minimizer x* is known: b = A·x* + r with r ⟂ range(A),
 * so x* = A†·b and ‖A·x* − b‖ = ‖r‖.
 *
 * @param name           a name that spells out the parameters (the baseline key)
 * @param kind           "synthetic" or "real"
 * @param a              A, n×d: a {@link org.sparrow.core.DenseMatrix} for synthetic problems, a CSR matrix for real ones
 * @param xStar          x*
 * @param b              b = A·x* + r
 * @param cond           cond₂(A)
 * @param pinvNorm       ‖A†‖₂ = 1/σ_min(A)
 * @param noise          ‖r‖/‖A·x*‖
 * @param optResidual    ‖r‖ = ‖A·x* − b‖
 * @param coherent       whether a few rows were given almost all the leverage
 * @param coherence      max_i ‖U(i,:)‖²·n/d for an orthonormal basis U of range(A): 1 for perfectly spread
 *                       rows, up to n/d when d rows carry everything
 * @param setupSeconds   time to build the problem (for the log)
 * @param note           how it was built (real matrices: what was dropped)
 */
record LsProblem(String name, String kind, Matrix a, double[] xStar, double[] b, double cond, double pinvNorm,
                 double noise, double optResidual, boolean coherent, double coherence, double setupSeconds,
                 String note) {

    int n() {
        return a.rows();
    }

    int d() {
        return a.cols();
    }

    /** ‖b‖. */
    double bNorm() {
        return Problems.norm(b);
    }
}
