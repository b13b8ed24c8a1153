package org.sparrow.solvers.ot;

import org.sparrow.core.Par;
import org.sparrow.core.Parallelism;

/**
 * The passes over the allowed entries that both methods share, with their workspaces, so that the
 * iterations allocate nothing. Potentials are kept scaled, u = η·x and v = η·y, so that
 * Pᵢⱼ = exp(uᵢ + vⱼ − η·Cᵢⱼ − 1) needs no multiplication by η per entry.
 *
 * <p>Threads: each pass splits the rows (or, for column passes, the columns of the transposed copy)
 * into parts of about equal numbers of entries, cut once here, and runs them through
 * {@link Parallelism#forEachWorkerTask}; the task bodies are created once, so a pass allocates nothing
 * beyond what the pool's hand-off needs. Every row's (column's) reduction is computed by one thread in
 * a fixed order, so the results do not depend on the thread count, except column sums of the plan in
 * {@link #evaluate}, which add one partial vector per worker.
 */
final class OtEngine {

    /** Exponents below −NEGLIGIBLE relative to the largest in a reduction are skipped (see {@link #lse}). */
    static final double NEGLIGIBLE = 64.0;

    /** Below this exponent exp underflows to 0 (e^−745.2 is under half the smallest subnormal double). */
    static final double UNDERFLOW = -746.0;

    final OtProblem p;
    final int threads;
    /** Scaled potentials u = η·x (length n) and v = η·y (length m). */
    double[] u;
    double[] v;
    /** Log-sum-exp per row, LSEⱼ(vⱼ − η·Cᵢⱼ), and per column, LSEᵢ(uᵢ − η·Cᵢⱼ). */
    final double[] rowLse;
    final double[] colLse;
    /** The plan's values on the allowed entries (row-major), its row and column sums. */
    double[] plan;
    double[] rowSums;
    double[] colSums;
    private final double[][] colPartial;
    private final int[] rowParts;
    private final int[] colParts;
    // Arguments of the task bodies (set before each pass; the bodies are created once).
    private double[] argU;
    private double[] argV;
    private double[] argPlan;
    private double[] argRowSums;
    private final Parallelism.WorkerTask rowLseTask;
    private final Parallelism.WorkerTask colLseTask;
    private final Parallelism.WorkerTask evaluateTask;

    OtEngine(OtProblem p, Par par) {
        this.p = p;
        this.threads = Parallelism.threads(par, p.nnz);
        u = new double[p.n];
        v = new double[p.m];
        rowLse = new double[p.n];
        colLse = new double[p.m];
        plan = new double[p.nnz];
        rowSums = new double[p.n];
        colSums = new double[p.m];
        int parts = threads == 1 ? 1 : 4 * threads;
        rowParts = split(p.rowPtr, p.n, parts);
        colParts = split(p.colPtr, p.m, parts);
        colPartial = new double[Parallelism.workers(threads, rowParts.length - 1)][p.m];
        if (p.dense) { // every entry allowed: row r's entries are the whole of pot, no index gather
            rowLseTask = (w, t) -> lseDense(p.m, p.kc, argV, rowLse, rowParts[t], rowParts[t + 1]);
            colLseTask = (w, t) -> lseDense(p.n, p.kcT, argU, colLse, colParts[t], colParts[t + 1]);
        } else {
            rowLseTask = (w, t) -> lse(p.rowPtr, p.colIdx, p.kc, argV, rowLse, rowParts[t], rowParts[t + 1]);
            colLseTask = (w, t) -> lse(p.colPtr, p.rowIdx, p.kcT, argU, colLse, colParts[t], colParts[t + 1]);
        }
        evaluateTask = (w, t) -> evaluateRows(argU, argV, argPlan, argRowSums, colPartial[w], rowParts[t],
                rowParts[t + 1]);
    }

    /** Cuts [0, rows) into at most {@code parts} ranges of about equal entry counts. */
    private static int[] split(int[] ptr, int rows, int parts) {
        parts = Math.max(1, Math.min(parts, rows));
        int[] s = new int[parts + 1];
        long total = ptr[rows];
        int r = 0;
        for (int t = 1; t < parts; t++) {
            long target = total * t / parts;
            while (r < rows && ptr[r] < target) {
                r++;
            }
            s[t] = Math.max(s[t - 1], r);
        }
        s[parts] = rows;
        return s;
    }

    /**
     * out[r] = log Σₖ exp(pot[idx[k]] − kc[k]) over the entries k of each row r in [from, to), in one pass
     * with a running maximum (the sum is rescaled when the maximum grows), so nothing overflows or
     * underflows to a wrong result; −∞ for a row without entries. Terms below e^−{@value #NEGLIGIBLE} of the
     * running maximum are skipped (no exponential evaluated): each is under 2⁻⁹² of the sum, which is ≥ 1 in
     * these units, so even 10⁹ of them stay below its rounding.
     */
    static void lse(int[] ptr, int[] idx, double[] kc, double[] pot, double[] out, int from, int to) {
        for (int r = from; r < to; r++) {
            double mx = Double.NEGATIVE_INFINITY;
            double s = 0.0;
            for (int k = ptr[r]; k < ptr[r + 1]; k++) {
                double t = pot[idx[k]] - kc[k];
                if (t <= mx) {
                    if (t - mx > -NEGLIGIBLE) {
                        s += Math.exp(t - mx);
                    }
                } else { // a new maximum: rescale what was summed so far
                    s = s * Math.exp(mx - t) + 1.0;
                    mx = t;
                }
            }
            out[r] = mx + Math.log(s);
        }
    }

    /** {@link #lse} for a dense layout: row r holds entries [r·len, (r+1)·len), entry k of it at pot[k]. */
    static void lseDense(int len, double[] kc, double[] pot, double[] out, int from, int to) {
        for (int r = from; r < to; r++) {
            int base = r * len;
            double mx = Double.NEGATIVE_INFINITY;
            double s = 0.0;
            for (int k = 0; k < len; k++) {
                double t = pot[k] - kc[base + k];
                if (t <= mx) {
                    if (t - mx > -NEGLIGIBLE) {
                        s += Math.exp(t - mx);
                    }
                } else {
                    s = s * Math.exp(mx - t) + 1.0;
                    mx = t;
                }
            }
            out[r] = mx + Math.log(s);
        }
    }

    /** rowLse from the current v (all rows). */
    void rowLse() {
        argV = v;
        Parallelism.forEachWorkerTask(threads, rowParts.length - 1, rowLseTask);
    }

    /** colLse from the current u (all columns). */
    void colLse() {
        argU = u;
        Parallelism.forEachWorkerTask(threads, colParts.length - 1, colLseTask);
    }

    /**
     * The row half of a Sinkhorn step, first part: computes LSEᵢ from the current v and returns the row error
     * ‖r − a‖₁ of the current plan, whose row sums are rᵢ = exp(uᵢ − 1 + LSEᵢ).
     */
    double rowPass() {
        rowLse();
        double err = 0.0;
        for (int i = 0; i < p.n; i++) {
            err += Math.abs(Math.exp(u[i] - 1.0 + rowLse[i]) - p.a[i]);
        }
        return err;
    }

    /** The row update after {@link #rowPass()}: uᵢ = log aᵢ + 1 − LSEᵢ, which makes the row sums equal a. */
    void applyRow() {
        for (int i = 0; i < p.n; i++) {
            u[i] = Math.log(p.a[i]) + 1.0 - rowLse[i];
        }
    }

    /** The column half of a Sinkhorn step: vⱼ = log bⱼ + 1 − LSEⱼ(uᵢ − η·Cᵢⱼ), which makes the column sums equal b. */
    void columnStep() {
        colLse();
        for (int j = 0; j < p.m; j++) {
            v[j] = Math.log(p.b[j]) + 1.0 - colLse[j];
        }
    }

    /**
     * Evaluates the plan of potentials (uu, vv) into {@code out} (row-major), its row sums into
     * {@code rs} and its column sums into {@code cs}; returns ΣP.
     */
    double evaluate(double[] uu, double[] vv, double[] out, double[] rs, double[] cs) {
        argU = uu;
        argV = vv;
        argPlan = out;
        argRowSums = rs;
        for (double[] c : colPartial) {
            java.util.Arrays.fill(c, 0.0);
        }
        Parallelism.forEachWorkerTask(threads, rowParts.length - 1, evaluateTask);
        System.arraycopy(colPartial[0], 0, cs, 0, p.m);
        for (int w = 1; w < colPartial.length; w++) {
            double[] c = colPartial[w];
            for (int j = 0; j < p.m; j++) {
                cs[j] += c[j];
            }
        }
        double total = 0.0;
        for (int i = 0; i < p.n; i++) {
            total += rs[i];
        }
        return total;
    }

    private void evaluateRows(double[] uu, double[] vv, double[] out, double[] rs, double[] cs, int from, int to) {
        int[] ptr = p.rowPtr;
        int[] idx = p.colIdx;
        double[] kc = p.kc;
        for (int i = from; i < to; i++) {
            double ui = uu[i] - 1.0;
            double s = 0.0;
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                int j = idx[k];
                double t = ui + vv[j] - kc[k];
                double e = t > UNDERFLOW ? Math.exp(t) : 0.0; // Pᵢⱼ = exp(uᵢ + vⱼ − η·Cᵢⱼ − 1)
                out[k] = e;
                s += e;
                cs[j] += e;
            }
            rs[i] = s;
        }
    }

    /** ‖rs − a‖₁ + ‖cs − b‖₁. */
    double marginalError(double[] rs, double[] cs) {
        double e = 0.0;
        for (int i = 0; i < p.n; i++) {
            e += Math.abs(rs[i] - p.a[i]);
        }
        for (int j = 0; j < p.m; j++) {
            e += Math.abs(cs[j] - p.b[j]);
        }
        return e;
    }
}
