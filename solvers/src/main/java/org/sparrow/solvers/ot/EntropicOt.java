package org.sparrow.solvers.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * Entropic optimal transport: min over P ≥ 0 of ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ subject to P·1 = a, Pᵀ·1 = b,
 * by log-domain Sinkhorn or Sinkhorn-Newton-Sparse ({@link OtOptions#method()}).
 */
public final class EntropicOt {

    private EntropicOt() {
    }

    /**
     * Solves the entropic transport problem with a dense cost.
     *
     * @param cost Input: the n×m cost C, finite and ≥ 0
     * @param a    Input: the row marginal, length n, positive entries
     * @param b    Input: the column marginal, length m, positive entries, Σb = Σa within half the tolerance
     * @param o    Input: the options
     * @return the plan, potentials and what happened
     * @throws IllegalArgumentException with one sentence naming what is wrong with the input
     */
    public static OtResult solve(DenseMatrix cost, double[] a, double[] b, OtOptions o) {
        throw new UnsupportedOperationException("entropic transport is being implemented on this branch");
    }

    /**
     * Solves the entropic transport problem with a sparse cost: entries not stored are forbidden (P is
     * zero there); stored entries (explicit zeros included) are allowed.
     *
     * @param cost Input: the n×m sparse cost C, stored values finite and ≥ 0
     * @param a    Input: the row marginal, length n, positive entries
     * @param b    Input: the column marginal, length m, positive entries, Σb = Σa within half the tolerance
     * @param o    Input: the options
     * @return the plan, potentials and what happened
     * @throws IllegalArgumentException with one sentence naming what is wrong with the input, or saying
     *                                  that the support cannot carry the marginals
     */
    public static OtResult solve(CsrMatrix cost, double[] a, double[] b, OtOptions o) {
        throw new UnsupportedOperationException("entropic transport is being implemented on this branch");
    }

    /**
     * The uniform marginal of length n: 1/n each.
     *
     * @param n ≥ 1
     * @return a new array
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static double[] uniform(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a uniform marginal needs a length ≥ 1, got " + n);
        }
        double[] u = new double[n];
        java.util.Arrays.fill(u, 1.0 / n);
        return u;
    }
}
