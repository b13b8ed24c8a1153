package org.sparrow.solvers.ot;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.ops.Checks;

/**
 * A validated transport problem in one layout for dense and sparse costs: the allowed entries in
 * row-major (CSR) order, and once more in column-major order (a transposed copy made once, so the
 * column reductions of every iteration read contiguous memory instead of transposing per iteration).
 * A dense cost is the special case where every entry is allowed.
 *
 * <p>Costs are stored scaled by η ({@code kc = η·C}), the form every pass uses: with scaled potentials
 * u = η·x and v = η·y, the plan is Pᵢⱼ = exp(uᵢ + vⱼ − η·Cᵢⱼ − 1).
 */
final class OtProblem {

    final int n;
    final int m;
    final int nnz;
    final boolean dense;
    final double eta;
    /** Row-major layout of the allowed entries: row pointers, column indices (ascending), η·C, and C. */
    final int[] rowPtr;
    final int[] colIdx;
    final double[] kc;
    final double[] cost;
    /** Column-major layout: column pointers, row indices (ascending), η·C, and the row-major position. */
    final int[] colPtr;
    final int[] rowIdx;
    final double[] kcT;
    final int[] tPos;
    final double[] a;
    final double[] b;
    final double mass;

    private OtProblem(int n, int m, boolean dense, double eta, int[] rowPtr, int[] colIdx, double[] cost,
                      double[] a, double[] b) {
        this.n = n;
        this.m = m;
        this.dense = dense;
        this.eta = eta;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.cost = cost;
        this.nnz = rowPtr[n];
        this.a = a;
        this.b = b;
        double s = 0;
        for (double v : a) {
            s += v;
        }
        this.mass = s;
        kc = new double[nnz];
        for (int k = 0; k < nnz; k++) {
            kc[k] = eta * cost[k];
        }
        // The column-major copy by a counting sort over columns: rows come out ascending in each column.
        colPtr = new int[m + 1];
        for (int k = 0; k < nnz; k++) {
            colPtr[colIdx[k] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        rowIdx = new int[nnz];
        kcT = new double[nnz];
        tPos = new int[nnz];
        int[] next = java.util.Arrays.copyOf(colPtr, m);
        for (int i = 0; i < n; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int t = next[colIdx[k]]++;
                rowIdx[t] = i;
                kcT[t] = kc[k];
                tPos[t] = k;
            }
        }
    }

    /** A dense problem, after the checks of {@link #check}. */
    static OtProblem of(DenseMatrix c, double[] a, double[] b, OtOptions o) {
        Checks.checkNotNull(c, "the cost matrix");
        int n = c.rows();
        int m = c.cols();
        checkShapeAndMarginals(n, m, a, b, o);
        long total = (long) n * m;
        Checks.checkedArrayLength(total, "entries of the cost matrix");
        double[] v = c.data();
        for (int k = 0; k < v.length; k++) {
            checkCost(v[k], k / m, k % m);
        }
        int[] rowPtr = new int[n + 1];
        int[] colIdx = new int[(int) total];
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] = rowPtr[i] + m;
            for (int j = 0; j < m; j++) {
                colIdx[i * m + j] = j;
            }
        }
        return new OtProblem(n, m, true, o.eta(), rowPtr, colIdx, v, a, b);
    }

    /** A sparse problem: stored entries are allowed, the others forbidden; the support is checked. */
    static OtProblem of(CsrMatrix c, double[] a, double[] b, OtOptions o) {
        Checks.checkNotNull(c, "the cost matrix");
        int n = c.rows();
        int m = c.cols();
        checkShapeAndMarginals(n, m, a, b, o);
        CsrMatrix s = c.isSorted() ? c : c.sorted();
        int[] ptr = s.rowPointers();
        int[] idx = s.columnIndices();
        double[] val = s.values();
        for (int i = 0; i < n; i++) {
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                checkCost(val[k], i, idx[k]);
            }
        }
        OtProblem p = new OtProblem(n, m, false, o.eta(), ptr, idx, val, a, b);
        Support.check(p, o.tolerance());
        return p;
    }

    private static void checkShapeAndMarginals(int n, int m, double[] a, double[] b, OtOptions o) {
        Checks.checkNotNull(o, "the transport options");
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("the cost matrix is " + Checks.shape(n, m)
                    + "; transport needs at least one row and one column");
        }
        Checks.checkLength("a", a, n, "the cost matrix", n, m, "one entry per row");
        Checks.checkLength("b", b, m, "the cost matrix", n, m, "one entry per column");
        double sa = checkMarginal(a, "a");
        double sb = checkMarginal(b, "b");
        if (Math.abs(sa - sb) > 0.5 * o.tolerance()) {
            throw new IllegalArgumentException("the marginals must have equal totals (to within half the tolerance "
                    + o.tolerance() + ", since the marginal error cannot fall below their difference), but Σa = " + sa
                    + " and Σb = " + sb);
        }
    }

    private static double checkMarginal(double[] v, String name) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException(name + "(" + (i + 1) + ") = " + v[i]
                        + ": marginal entries must be finite and > 0");
            }
            s += v[i];
        }
        return s;
    }

    private static void checkCost(double v, int i, int j) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(Checks.entry("C", i, j) + " = " + v + ": costs must be finite and ≥ 0"
                    + (Double.isInfinite(v) ? " (leave a forbidden entry out of a sparse cost instead of giving it ∞)" : ""));
        }
    }
}
