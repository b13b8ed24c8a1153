package org.sparrow.solvers.bcd;

import org.sparrow.core.CscMatrix;
import org.sparrow.core.ops.Transpose;

/**
 * The incremental state of the smooth part f during a solve: x, what f needs to evaluate a coordinate
 * gradient cheaply, and optionally the whole gradient ∇f(x) with the list of coordinates whose gradient
 * changed in the last update (what the greedy rules re-key).
 *
 * <ul>
 *   <li>least squares keeps the residual r = Ax − b; a change δⱼ of xⱼ adds δⱼ·aⱼ to r, O(nnz(aⱼ)), and
 *       changes ∇ₖf = aₖᵀr exactly for the k sharing a row with column j (the pattern of AᵀA), which are
 *       reached through A's rows: gₖ += δⱼ·aᵢⱼ·aᵢₖ for i in column j, k in row i — AᵀA is never formed,
 *       so a dense AᵀA costs nothing extra in memory;</li>
 *   <li>logistic keeps A·x and sᵢ = −bᵢσ(−bᵢ(Ax)ᵢ) (so ∇f = Aᵀs), updating s on the touched rows and the
 *       gradient through those rows as above;</li>
 *   <li>the quadratic keeps the gradient Ax − b itself; a change of xⱼ changes it on row j of A (symmetric):
 *       the neighbours of j in A's graph.</li>
 * </ul>
 * The smooth value f(x) is kept incrementally too (exact per-entry differences), so that the objective
 * history costs nothing per iteration.
 */
abstract sealed class SmoothState permits SmoothState.OverColumns, SmoothState.Quadratic {

    final int n;
    final double[] x;
    /** Coordinate Lipschitz constants Lⱼ of ∇ⱼf (‖aⱼ‖², ¼‖aⱼ‖², Aⱼⱼ). */
    final double[] lip;
    /** ∇f(x) when tracked (always for the quadratic), else null. */
    final double[] g;
    /** Coordinates whose gradient changed in the last {@link #apply}, deduplicated by {@link #mark}. */
    final int[] changed;
    int nChanged;
    private final boolean[] mark;
    /** f(x), kept incrementally. */
    double fval;

    SmoothState(int n, double[] x0, boolean track) {
        this.n = n;
        this.x = x0.clone();
        this.lip = new double[n];
        this.g = track ? new double[n] : null;
        this.changed = track ? new int[n] : null;
        this.mark = track ? new boolean[n] : null;
    }

    static SmoothState create(BcdProblem p, double[] x0, boolean track) {
        return switch (p) {
            case LeastSquaresProblem ls -> new LeastSquares(ls, x0, track);
            case LogisticProblem lg -> new Logistic(lg, x0, track);
            case QuadraticProblem q -> new Quadratic(q, x0);
        };
    }

    final boolean tracking() {
        return g != null;
    }

    final void touch(int k) {
        if (!mark[k]) {
            mark[k] = true;
            changed[nChanged++] = k;
        }
    }

    /** Clears the changed list (after the caller has consumed it). */
    final void clearChanged() {
        if (mark != null) {
            for (int t = 0; t < nChanged; t++) {
                mark[changed[t]] = false;
            }
        }
        nChanged = 0;
    }

    /** ∇ⱼf(x): tracked, or computed on demand in O(nnz of column j). */
    abstract double grad(int j);

    /** ∇f(x) from scratch into out (O(nnz)). */
    abstract void fullGradient(double[] out);

    /** x_b += δ for the m coordinates blk[0..m); updates the state, f, the tracked gradient and the changed list. */
    abstract void apply(int[] blk, int m, double[] delta);

    /** f(x + δ on the block), without changing the state. */
    abstract double trial(int[] blk, int m, double[] delta);

    /**
     * The m×m block matrix at x: the exact Hessian ∇²_bb f (bound = false) or the constant upper bound used by
     * the matrix update (bound = true; equal for the quadratic losses, ¼A_bᵀA_b for the logistic).
     */
    abstract void blockMatrix(int[] blk, int m, boolean bound, double[] h);

    // ---------------------------------------------------------------------------------------------------------

    /** Shared by the two losses over a column-compressed design: column access, row access, a row workspace. */
    abstract static sealed class OverColumns extends SmoothState permits LeastSquares, Logistic {
        final int rowsA;
        final int[] cp;
        final int[] ri;
        final double[] av;
        final int[] rp;
        final int[] cj;
        final double[] rv;
        /** Row workspace (zero between calls) and its touched list, for trials and block matrices. */
        final double[] work;
        final int[] touched;
        final boolean[] inTouched;

        OverColumns(CscMatrix a, double[] x0, boolean track) {
            super(a.cols(), x0, track);
            rowsA = a.rows();
            cp = a.columnPointers();
            ri = a.rowIndices();
            av = a.values();
            if (track) { // A by rows: the array-level transpose of Aᵀ (= A's CSC arrays), unchecked, one thread
                int nnz = cp[n];
                rp = new int[rowsA + 1];
                cj = new int[nnz];
                rv = new double[nnz];
                Transpose.transpose(n, rowsA, cp, ri, av, rp, cj, rv, 1);
            } else {
                rp = null;
                cj = null;
                rv = null;
            }
            work = new double[rowsA];
            touched = new int[rowsA];
            inTouched = new boolean[rowsA];
        }

        /** Σᵢ aᵢⱼ·wᵢ over column j. */
        final double colDot(int j, double[] w) {
            double s = 0;
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                s += av[p] * w[ri[p]];
            }
            return s;
        }

        /** Accumulates Σ δⱼaⱼ over the block into work, listing touched rows; returns their count. */
        final int scatterBlock(int[] blk, int m, double[] delta) {
            int nt = 0;
            for (int t = 0; t < m; t++) {
                double dj = delta[t];
                if (dj == 0) {
                    continue;
                }
                int j = blk[t];
                for (int p = cp[j]; p < cp[j + 1]; p++) {
                    int i = ri[p];
                    if (!inTouched[i]) {
                        inTouched[i] = true;
                        touched[nt++] = i;
                    }
                    work[i] += av[p] * dj;
                }
            }
            return nt;
        }

        final void clearWork(int nt) {
            for (int t = 0; t < nt; t++) {
                int i = touched[t];
                work[i] = 0;
                inTouched[i] = false;
            }
        }

        /** Gradient change through row i: gₖ += aᵢₖ·ds for k in row i. */
        final void spreadRow(int i, double ds) {
            for (int q = rp[i]; q < rp[i + 1]; q++) {
                int k = cj[q];
                g[k] += rv[q] * ds;
                touch(k);
            }
        }

        /** h = A_bᵀ diag(w) A_b (w == null: identity), scaled. */
        final void gram(int[] blk, int m, double[] w, double scale, double[] h) {
            for (int s = 0; s < m; s++) {
                int j = blk[s];
                for (int p = cp[j]; p < cp[j + 1]; p++) {
                    work[ri[p]] = w == null ? av[p] : av[p] * w[ri[p]];
                }
                for (int t = 0; t < m; t++) {
                    h[s * m + t] = scale * colDot(blk[t], work);
                }
                for (int p = cp[j]; p < cp[j + 1]; p++) {
                    work[ri[p]] = 0;
                }
            }
            for (int s = 0; s < m; s++) { // symmetrize exactly (the two dots may round differently)
                for (int t = 0; t < s; t++) {
                    double v = 0.5 * (h[s * m + t] + h[t * m + s]);
                    h[s * m + t] = v;
                    h[t * m + s] = v;
                }
            }
        }

        /** out += A·x over the columns j with xⱼ ≠ 0 only. */
        final void addSupportColumns(double[] out) {
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                if (xj != 0) {
                    for (int q = cp[j]; q < cp[j + 1]; q++) {
                        out[ri[q]] += av[q] * xj;
                    }
                }
            }
        }

        final double columnNorm2(int j) {
            double s = 0;
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                s += av[p] * av[p];
            }
            return s;
        }
    }

    /** ½‖Ax − b‖² with the residual r = Ax − b. */
    static final class LeastSquares extends OverColumns {
        final double[] r;
        private final double[] b;
        /** ∇f at construction when the gradient is not tracked (the same pass computes it). */
        private double[] initial;

        LeastSquares(LeastSquaresProblem p, double[] x0, boolean track) {
            super(p.a, x0, track);
            r = new double[rowsA];
            b = p.b;
            resetFromX();
            double[] gOut = track ? g : (initial = new double[n]);
            for (int j = 0; j < n; j++) { // one pass: Lⱼ = ‖aⱼ‖² and ∇ⱼf = aⱼᵀr
                double nn = 0;
                double gj = 0;
                for (int q = cp[j]; q < cp[j + 1]; q++) {
                    double v = av[q];
                    nn += v * v;
                    gj += v * r[ri[q]];
                }
                lip[j] = nn;
                gOut[j] = gj;
            }
        }

        /**
         * r = Ax − b and f recomputed from x alone, touching only the columns of x's nonzeros (O(m + nnz of
         * those columns)): the gradients read afterwards are then computed from scratch.
         */
        void resetFromX() {
            for (int i = 0; i < rowsA; i++) {
                r[i] = -b[i];
            }
            addSupportColumns(r);
            double f = 0;
            for (int i = 0; i < rowsA; i++) {
                f += r[i] * r[i];
            }
            fval = 0.5 * f;
        }

        @Override
        double grad(int j) {
            return g != null ? g[j] : initial != null ? initial[j] : colDot(j, r);
        }

        @Override
        void fullGradient(double[] out) {
            if (initial != null) { // nothing was applied since construction? then it is current
                System.arraycopy(initial, 0, out, 0, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                out[j] = colDot(j, r);
            }
        }

        @Override
        void apply(int[] blk, int m, double[] delta) {
            initial = null;
            for (int t = 0; t < m; t++) {
                double dj = delta[t];
                if (dj == 0) {
                    continue;
                }
                int j = blk[t];
                x[j] += dj;
                for (int p = cp[j]; p < cp[j + 1]; p++) { // r += δⱼaⱼ
                    int i = ri[p];
                    double dr = av[p] * dj;
                    fval += dr * (r[i] + 0.5 * dr);
                    r[i] += dr;
                    if (g != null) {
                        spreadRow(i, dr);
                    }
                }
            }
        }

        @Override
        double trial(int[] blk, int m, double[] delta) {
            int nt = scatterBlock(blk, m, delta);
            double df = 0;
            for (int t = 0; t < nt; t++) {
                int i = touched[t];
                double dr = work[i];
                df += dr * (r[i] + 0.5 * dr);
            }
            clearWork(nt);
            return fval + df;
        }

        @Override
        void blockMatrix(int[] blk, int m, boolean bound, double[] h) {
            gram(blk, m, null, 1.0, h);
        }
    }

    /** Σ log(1 + exp(−bᵢ(Ax)ᵢ)) with A·x and s = −b∘σ(−b∘Ax) kept. */
    static final class Logistic extends OverColumns {
        final double[] labels;
        final double[] ax;
        final double[] s;
        private final double[] w;

        Logistic(LogisticProblem p, double[] x0, boolean track) {
            super(p.a, x0, track);
            labels = p.labels;
            ax = new double[rowsA];
            s = new double[rowsA];
            w = new double[rowsA];
            addSupportColumns(ax);
            double f = 0;
            for (int i = 0; i < rowsA; i++) {
                f += LogisticProblem.log1pExp(-labels[i] * ax[i]);
                s[i] = factor(i, ax[i]);
            }
            fval = f;
            for (int j = 0; j < n; j++) {
                lip[j] = 0.25 * columnNorm2(j);
            }
            if (track) {
                fullGradient(g);
            }
        }

        /** ∂/∂(Ax)ᵢ of the loss: −bᵢ·σ(−bᵢ·t). */
        private double factor(int i, double t) {
            double z = -labels[i] * t;
            double sig = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            return -labels[i] * sig;
        }

        @Override
        double grad(int j) {
            return g != null ? g[j] : colDot(j, s);
        }

        @Override
        void fullGradient(double[] out) {
            for (int j = 0; j < n; j++) {
                out[j] = colDot(j, s);
            }
        }

        @Override
        void apply(int[] blk, int m, double[] delta) {
            for (int t = 0; t < m; t++) {
                x[blk[t]] += delta[t];
            }
            int nt = scatterBlock(blk, m, delta);
            for (int t = 0; t < nt; t++) {
                int i = touched[t];
                double before = ax[i];
                double after = before + work[i];
                ax[i] = after;
                fval += LogisticProblem.log1pExp(-labels[i] * after) - LogisticProblem.log1pExp(-labels[i] * before);
                double ns = factor(i, after);
                double ds = ns - s[i];
                s[i] = ns;
                if (g != null && ds != 0) {
                    spreadRow(i, ds);
                }
            }
            clearWork(nt);
        }

        @Override
        double trial(int[] blk, int m, double[] delta) {
            int nt = scatterBlock(blk, m, delta);
            double df = 0;
            for (int t = 0; t < nt; t++) {
                int i = touched[t];
                df += LogisticProblem.log1pExp(-labels[i] * (ax[i] + work[i]))
                        - LogisticProblem.log1pExp(-labels[i] * ax[i]);
            }
            clearWork(nt);
            return fval + df;
        }

        @Override
        void blockMatrix(int[] blk, int m, boolean bound, double[] h) {
            if (bound) {
                gram(blk, m, null, 0.25, h);
                return;
            }
            for (int i = 0; i < rowsA; i++) { // σ(1 − σ) = |sᵢ|(1 − |sᵢ|)
                double a = Math.abs(s[i]);
                w[i] = a * (1 - a);
            }
            gram(blk, m, w, 1.0, h);
        }
    }

    /** ½xᵀAx − bᵀx with the gradient Ax − b kept (A symmetric, row-compressed). */
    static final class Quadratic extends SmoothState {
        final int[] rp;
        final int[] cj;
        final double[] av;
        final double[] b;
        /** Position of a coordinate in the current block, or −1 (for A_bb). */
        private final int[] posInBlock;

        Quadratic(QuadraticProblem p, double[] x0) {
            super(p.a.rows(), x0, true);
            rp = p.a.rowPointers();
            cj = p.a.columnIndices();
            av = p.a.values();
            b = p.b;
            posInBlock = new int[n];
            java.util.Arrays.fill(posInBlock, -1);
            System.arraycopy(p.diag, 0, lip, 0, n);
            fullGradient(g);
            double f = 0;
            for (int i = 0; i < n; i++) {
                f += x[i] * (0.5 * (g[i] + b[i]) - b[i]);
            }
            fval = f;
        }

        @Override
        double grad(int j) {
            return g[j];
        }

        @Override
        void fullGradient(double[] out) {
            for (int i = 0; i < n; i++) {
                double s = -b[i];
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    s += av[p] * x[cj[p]];
                }
                out[i] = s;
            }
        }

        @Override
        void apply(int[] blk, int m, double[] delta) {
            double before = 0;
            for (int t = 0; t < m; t++) {
                before += delta[t] * g[blk[t]];
            }
            for (int t = 0; t < m; t++) {
                double dj = delta[t];
                if (dj == 0) {
                    continue;
                }
                int j = blk[t];
                x[j] += dj;
                for (int p = rp[j]; p < rp[j + 1]; p++) { // column j = row j (symmetric)
                    int k = cj[p];
                    g[k] += av[p] * dj;
                    touch(k);
                }
            }
            double after = 0;
            for (int t = 0; t < m; t++) {
                after += delta[t] * g[blk[t]];
            }
            fval += 0.5 * (before + after); // δᵀg + ½δᵀA_bbδ
        }

        @Override
        double trial(int[] blk, int m, double[] delta) {
            for (int t = 0; t < m; t++) {
                posInBlock[blk[t]] = t;
            }
            double lin = 0;
            double quad = 0;
            for (int t = 0; t < m; t++) {
                int j = blk[t];
                lin += delta[t] * g[j];
                double row = 0;
                for (int p = rp[j]; p < rp[j + 1]; p++) {
                    int q = posInBlock[cj[p]];
                    if (q >= 0) {
                        row += av[p] * delta[q];
                    }
                }
                quad += delta[t] * row;
            }
            for (int t = 0; t < m; t++) {
                posInBlock[blk[t]] = -1;
            }
            return fval + lin + 0.5 * quad;
        }

        @Override
        void blockMatrix(int[] blk, int m, boolean bound, double[] h) {
            for (int t = 0; t < m; t++) {
                posInBlock[blk[t]] = t;
            }
            java.util.Arrays.fill(h, 0, m * m, 0.0);
            for (int t = 0; t < m; t++) {
                int j = blk[t];
                for (int p = rp[j]; p < rp[j + 1]; p++) {
                    int q = posInBlock[cj[p]];
                    if (q >= 0) {
                        h[t * m + q] += av[p];
                    }
                }
            }
            for (int t = 0; t < m; t++) {
                posInBlock[blk[t]] = -1;
            }
        }
    }

    /** Names a block position for error messages (1-based coordinate). */
    static String coordinate(int j) {
        return "coordinate " + (j + 1);
    }

}
