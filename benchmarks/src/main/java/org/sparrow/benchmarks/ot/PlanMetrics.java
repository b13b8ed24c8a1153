package org.sparrow.benchmarks.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * What the suite measures on every method's transport plan, computed here the same way for all of them
 * (Sparrow's sparse plans and POT's dense ones), with plain loops and compensated sums that share no code
 * with the solvers: the marginal error ‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁ and the transport cost ⟨C, P⟩.
 *
 * @param marginalError ‖P·1 − a‖₁ + ‖Pᵀ·1 − b‖₁
 * @param transportCost ⟨C, P⟩ = Σᵢⱼ Cᵢⱼ·Pᵢⱼ
 * @param nnz           the plan's stored (sparse) or positive (dense) entries
 */
record PlanMetrics(double marginalError, double transportCost, long nnz) {

    /**
     * The metrics of a sparse plan.
     *
     * @param plan Input: P, n×m
     * @param cost Input: C, n×m
     * @param a    Input: the source marginal, length n
     * @param b    Input: the target marginal, length m
     * @return the metrics
     */
    static PlanMetrics of(CsrMatrix plan, DenseMatrix cost, double[] a, double[] b) {
        int n = plan.rows();
        int m = plan.cols();
        int[] rp = plan.rowPointers();
        int[] ci = plan.columnIndices();
        double[] v = plan.values();
        double[] c = cost.data();
        double[] row = new double[n];
        Neumaier[] col = Neumaier.array(m);
        Neumaier total = new Neumaier();
        for (int i = 0; i < n; i++) {
            Neumaier r = new Neumaier();
            for (int k = rp[i]; k < rp[i + 1]; k++) {
                r.add(v[k]);
                col[ci[k]].add(v[k]);
                total.add(c[i * m + ci[k]] * v[k]);
            }
            row[i] = r.sum();
        }
        return new PlanMetrics(marginalError(row, Neumaier.sums(col), a, b), total.sum(), plan.nnz());
    }

    /**
     * The metrics of a dense plan.
     *
     * @param plan Input: P, n×m, row-major
     * @param cost Input: C, n×m
     * @param a    Input: the source marginal, length n
     * @param b    Input: the target marginal, length m
     * @return the metrics
     */
    static PlanMetrics ofDense(double[] plan, DenseMatrix cost, double[] a, double[] b) {
        int n = cost.rows();
        int m = cost.cols();
        if (plan.length != (long) n * m) {
            throw new IllegalArgumentException("a dense plan of " + plan.length + " entries for a " + n + "x" + m + " cost");
        }
        double[] c = cost.data();
        double[] row = new double[n];
        Neumaier[] col = Neumaier.array(m);
        Neumaier total = new Neumaier();
        long nnz = 0;
        for (int i = 0; i < n; i++) {
            Neumaier r = new Neumaier();
            for (int j = 0; j < m; j++) {
                double p = plan[i * m + j];
                if (p != 0) {
                    nnz++;
                }
                r.add(p);
                col[j].add(p);
                total.add(c[i * m + j] * p);
            }
            row[i] = r.sum();
        }
        return new PlanMetrics(marginalError(row, Neumaier.sums(col), a, b), total.sum(), nnz);
    }

    /** ‖row − a‖₁ + ‖col − b‖₁. */
    static double marginalError(double[] row, double[] col, double[] a, double[] b) {
        Neumaier e = new Neumaier();
        for (int i = 0; i < row.length; i++) {
            e.add(Math.abs(row[i] - a[i]));
        }
        for (int j = 0; j < col.length; j++) {
            e.add(Math.abs(col[j] - b[j]));
        }
        return e.sum();
    }

    /** |x − ref| / |ref| (NaN when either is not finite or ref is 0). */
    static double relativeDifference(double x, double ref) {
        return Double.isFinite(x) && Double.isFinite(ref) && ref != 0 ? Math.abs(x - ref) / Math.abs(ref) : Double.NaN;
    }

    /**
     * The least-squares slope of log y against log x: the exponent p of y ∝ xᵖ (2 for O(n²) growth).
     *
     * @param x Input: positive abscissae, at least two distinct
     * @param y Input: positive ordinates
     * @return the slope, or NaN when fewer than two usable points
     */
    static double logLogSlope(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double lx = Math.log(x[i]);
                double ly = Math.log(y[i]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                k++;
            }
        }
        double d = k * sxx - sx * sx;
        return k < 2 || d <= 0 ? Double.NaN : (k * sxy - sx * sy) / d;
    }

    /** Neumaier's compensated sum (Kahan–Babuška), so that 10⁶ small terms keep 1e-12 relative accuracy. */
    static final class Neumaier {
        private double sum;
        private double compensation;

        void add(double x) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        double sum() {
            return sum + compensation;
        }

        static Neumaier[] array(int n) {
            Neumaier[] s = new Neumaier[n];
            for (int k = 0; k < n; k++) {
                s[k] = new Neumaier();
            }
            return s;
        }

        static double[] sums(Neumaier[] s) {
            double[] out = new double[s.length];
            for (int k = 0; k < s.length; k++) {
                out[k] = s[k].sum();
            }
            return out;
        }
    }
}
