package org.sparrow.solvers.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.solvers.StopReason;

/**
 * Entropic optimal transport: min over P ≥ 0 of ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ subject to P·1 = a, Pᵀ·1 = b,
 * by log-domain Sinkhorn or Sinkhorn-Newton-Sparse ({@link OtOptions#method()}; Tang et al., ICLR 2024).
 *
 * <p>Both methods work on the dual potentials x, y, with the plan Pᵢⱼ = exp(η(xᵢ + yⱼ − Cᵢⱼ) − 1) and
 * every reduction a log-sum-exp, so nothing underflows at large η. A sparse cost allows only its stored
 * entries (P is zero elsewhere); a dense cost allows all. The stopping test is the marginal error
 * ‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁ ≤ tolerance (absolute); the result recomputes it from the returned plan and
 * reports converged only when that figure meets the tolerance. The objective reported is the one above,
 * ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ, of the returned plan.
 *
 * <p>Bad input throws an {@link IllegalArgumentException} with one sentence: a negative or non-finite
 * cost, a marginal entry that is not finite and positive, a wrong length, marginals whose totals differ
 * by more than half the tolerance, options out of range ({@link OtOptions}), and, for a sparse cost, a
 * support that cannot carry the marginals (a row or column without an allowed entry, or, by a maximum
 * flow, a set of rows whose allowed columns cannot receive their mass).
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
        long start = System.nanoTime();
        return run(OtProblem.of(cost, a, b, o), o, start);
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
        long start = System.nanoTime();
        return run(OtProblem.of(cost, a, b, o), o, start);
    }

    private static OtResult run(OtProblem p, OtOptions o, long start) {
        OtEngine e = new OtEngine(p, o.par());
        OtRun run = new OtRun(o);
        if (o.method() == OtMethod.SINKHORN) {
            if (!LogSinkhorn.run(e, run, Integer.MAX_VALUE) && run.reason == StopReason.MAX_ITERATIONS) {
                run.stop(StopReason.MAX_ITERATIONS, "the marginal error is still above " + o.tolerance() + " after "
                        + run.iterations() + " Sinkhorn steps (the limit)");
            }
        } else {
            SinkhornNewtonSparse.run(e, run, o);
        }
        return finish(p, e, run, o, start);
    }

    /**
     * The result from the final potentials: the plan recomputed from them (entries that underflow to 0 not
     * stored), its marginal error, cost and objective recomputed from the stored entries.
     */
    private static OtResult finish(OtProblem p, OtEngine e, OtRun run, OtOptions o, long start) {
        int n = p.n;
        int m = p.m;
        double[] u = e.u;
        double[] v = e.v;
        double[] all = e.plan;
        double[] rs = e.rowSums;
        double[] cs = e.colSums;
        e.evaluate(u, v, all, rs, cs);
        int stored = 0;
        for (int k = 0; k < p.nnz; k++) {
            if (all[k] > 0) {
                stored++;
            }
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[stored];
        double[] val = new double[stored];
        double[] rowSum = new double[n];
        double[] colSum = new double[m];
        double transport = 0.0;
        double entropy = 0.0;         // Σ pᵢⱼ·log pᵢⱼ, with log pᵢⱼ the exponent itself
        double droppedMax = Double.NEGATIVE_INFINITY;
        double droppedSum = 0.0;      // Σ exp(t − droppedMax) over the entries not stored
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
                int j = p.colIdx[k];
                double t = u[i] + v[j] - p.kc[k] - 1.0; // log Pᵢⱼ
                double x = all[k];
                if (x > 0) {
                    idx[q] = j;
                    val[q++] = x;
                    rowSum[i] += x;
                    colSum[j] += x;
                    transport += p.cost[k] * x;
                    entropy += x * t;
                } else if (t > droppedMax) {
                    droppedSum = droppedSum * Math.exp(droppedMax - t) + 1.0;
                    droppedMax = t;
                } else if (t - droppedMax > -OtEngine.NEGLIGIBLE) {
                    droppedSum += Math.exp(t - droppedMax);
                }
            }
            ptr[i + 1] = q;
        }
        double dropped = droppedSum == 0.0 ? 0.0 : Math.exp(droppedMax + Math.log(droppedSum));
        double err = 0.0;
        for (int i = 0; i < n; i++) {
            err += Math.abs(rowSum[i] - p.a[i]);
        }
        for (int j = 0; j < m; j++) {
            err += Math.abs(colSum[j] - p.b[j]);
        }
        boolean converged = run.reason == StopReason.CONVERGED && err <= o.tolerance();
        StopReason reason = run.reason;
        String detail = run.detail;
        if (run.reason == StopReason.CONVERGED && !converged) {
            reason = Double.isFinite(err) ? StopReason.STAGNATION : StopReason.NOT_FINITE;
            detail = "the iteration met the tolerance " + o.tolerance() + ", but the plan recomputed from its potentials"
                    + " has marginal error " + err;
        }
        double[] x = new double[n];
        double[] y = new double[m];
        for (int i = 0; i < n; i++) {
            x[i] = u[i] / p.eta;
        }
        for (int j = 0; j < m; j++) {
            y[j] = v[j] / p.eta;
        }
        CsrMatrix plan = new CsrMatrix(n, m, ptr, idx, val);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new OtResult(o.method(), plan, dropped, x, y, transport, transport + entropy / p.eta, err,
                run.sinkhornIterations, run.newtonIterations, run.cgIterations, converged, reason, detail,
                run.history(), run.shiftedNewtonSteps, seconds, run.hessianDensity);
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
