package org.sparrow.solvers.precond;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.core.ops.SpgemmWorkspace;
import org.sparrow.core.ops.Spmv;

/**
 * The pieces of the smoothed-aggregation setup that {@link Amg} runs on each level: strength of
 * connection and aggregation, the tentative prolongator, its Jacobi smoothing, and the estimate of
 * ρ(D⁻¹A) the smoothing needs (Vaněk, Mandel and Brezina, "Algebraic multigrid by smoothed aggregation
 * for second and fourth order elliptic problems", Computing 56 (1996) 179–196). The algorithms are
 * the ones pyamg's {@code smoothed_aggregation_solver} runs by default, taken from its documented
 * behaviour; each method says where it follows or leaves it.
 */
final class AmgSetup {

    /** A node not yet in any aggregate. */
    private static final int FREE = -1;
    /** A node with no strong neighbour: it belongs to no aggregate (its row of T is empty). */
    private static final int ISOLATED = -2;
    /** Seed of the random start vector of the spectral estimate: the setup is deterministic. */
    private static final long SEED = 0x5A5A_2026L;

    private AmgSetup() {
    }

    /**
     * Whether {@code j ≠ i} is a strong neighbour of {@code i} in the symmetric measure
     * {@code |a_ij| ≥ θ·√(|a_ii|·|a_jj|)}, squared to avoid the root: {@code a_ij² ≥ θ²·|a_ii|·|a_jj|}. A
     * stored zero is never strong (no coupling), also for θ = 0.
     */
    private static boolean strong(double aij, double theta2, double absAii, double absAjj) {
        return aij != 0.0 && aij * aij >= theta2 * absAii * absAjj;
    }

    /**
     * Standard aggregation of the strength graph of A (Vaněk, Mandel and Brezina 1996, the three-step
     * aggregation of their method; pyamg's {@code standard_aggregation}), strength tested on the fly:
     * <ol>
     *   <li>each node whose strong neighbours are all unaggregated forms an aggregate with them (a node
     *       with no strong neighbour at all is isolated and joins no aggregate);</li>
     *   <li>each node still free joins the aggregate of a strong neighbour that step 1 aggregated
     *       (the first in its row);</li>
     *   <li>each node still free forms a new aggregate with its free strong neighbours.</li>
     * </ol>
     *
     * @param n       Input: rows of A
     * @param ap      Input: A's row pointer
     * @param aj      Input: A's column indices
     * @param ax      Input: A's values
     * @param absDiag Input: |a_ii|
     * @param theta   θ ≥ 0
     * @param agg     Output, length n: the aggregate of each node, or −1 for an isolated node
     * @return the number of aggregates
     */
    static int aggregate(int n, int[] ap, int[] aj, double[] ax, double[] absDiag, double theta, int[] agg) {
        double t2 = theta * theta;
        Arrays.fill(agg, 0, n, FREE);
        int next = 0;
        for (int i = 0; i < n; i++) { // step 1: whole free neighbourhoods
            if (agg[i] != FREE) {
                continue;
            }
            boolean neighbours = false;
            boolean free = true;
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                int j = aj[p];
                if (j != i && strong(ax[p], t2, absDiag[i], absDiag[j])) {
                    neighbours = true;
                    if (agg[j] >= 0) {
                        free = false;
                        break;
                    }
                }
            }
            if (!neighbours) {
                agg[i] = ISOLATED;
                continue;
            }
            if (!free) {
                continue;
            }
            agg[i] = next;
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                int j = aj[p];
                if (j != i && strong(ax[p], t2, absDiag[i], absDiag[j])) {
                    agg[j] = next;
                }
            }
            next++;
        }
        for (int i = 0; i < n; i++) { // step 2: join a step-1 aggregate; marked −3 − a so that step-2 nodes attract no others
            if (agg[i] != FREE) {
                continue;
            }
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                int j = aj[p];
                if (j != i && agg[j] >= 0 && strong(ax[p], t2, absDiag[i], absDiag[j])) {
                    agg[i] = -3 - agg[j];
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (agg[i] <= -3) {
                agg[i] = -3 - agg[i];
            }
        }
        for (int i = 0; i < n; i++) { // step 3: what is left forms aggregates with its free neighbours
            if (agg[i] != FREE) {
                continue;
            }
            agg[i] = next;
            for (int p = ap[i]; p < ap[i + 1]; p++) {
                int j = aj[p];
                if (j != i && agg[j] == FREE && strong(ax[p], t2, absDiag[i], absDiag[j])) {
                    agg[j] = next;
                }
            }
            next++;
        }
        for (int i = 0; i < n; i++) {
            if (agg[i] == ISOLATED) {
                agg[i] = -1;
            }
        }
        return next;
    }

    /**
     * The tentative prolongator T ({@code n × nc}, one entry per aggregated row) that interpolates the
     * near-null-space candidate B exactly: {@code T(i, agg(i)) = B(i) / ‖B|_agg(i)‖}, so T has
     * orthonormal columns and {@code T·Bc = B} with {@code Bc(a) = ‖B|_a‖} (the QR of B restricted to each
     * aggregate, pyamg's {@code fit_candidates} for one candidate; Vaněk, Mandel and Brezina 1996 use
     * B = 1 on the finest level).
     *
     * @param n   rows
     * @param nc  aggregates
     * @param agg Input: aggregate of each row, −1 for none
     * @param b   Input: the candidate on this level, length n
     * @param bc  Output: the candidate on the next level, length nc
     * @return T, canonical
     */
    static CsrMatrix tentative(int n, int nc, int[] agg, double[] b, double[] bc) {
        Arrays.fill(bc, 0, nc, 0.0);
        int[] tp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            tp[i + 1] = tp[i] + (agg[i] >= 0 ? 1 : 0);
            if (agg[i] >= 0) {
                bc[agg[i]] += b[i] * b[i];
            }
        }
        for (int a = 0; a < nc; a++) {
            bc[a] = Math.sqrt(bc[a]); // ‖B|_a‖
        }
        int[] tj = new int[tp[n]];
        double[] tx = new double[tp[n]];
        for (int i = 0; i < n; i++) {
            if (agg[i] >= 0) {
                tj[tp[i]] = agg[i];
                tx[tp[i]] = bc[agg[i]] == 0.0 ? 0.0 : b[i] / bc[agg[i]];
            }
        }
        return new CsrMatrix(n, nc, tp, tj, tx);
    }

    /**
     * The smoothed prolongator {@code P = (I − ω·D⁻¹A)·T} (Vaněk, Mandel and Brezina 1996; pyamg's
     * {@code jacobi_prolongation_smoother} with one iteration): {@code A·T} by {@link Spgemm}, then each row
     * i scaled by {@code −ω/a_ii} and T's entry added at column agg(i), which A·T stores since a_ii is
     * stored and nonzero.
     *
     * @param a       Input: A, canonical
     * @param invDiag Input: 1/a_ii
     * @param t       Input: T, canonical
     * @param agg     Input: aggregate of each row, −1 for none
     * @param omega   ω, the weight already divided by ρ(D⁻¹A)
     * @param options the SpGEMM's options (sorted output)
     * @param ws      Optional: the SpGEMM's workspace
     * @return P, canonical
     */
    static CsrMatrix smoothProlongator(CsrMatrix a, double[] invDiag, CsrMatrix t, int[] agg, double omega,
                                       SpgemmOptions options, SpgemmWorkspace ws) {
        CsrMatrix at = Spgemm.multiply(a, t, options, ws);
        int n = at.rows();
        int[] pp = at.rowPointers();
        int[] pj = at.columnIndices();
        double[] src = at.values();
        double[] tx = t.values();
        int[] tp = t.rowPointers();
        double[] px = new double[pp[n]];
        for (int i = 0; i < n; i++) {
            double s = -omega * invDiag[i];
            for (int p = pp[i]; p < pp[i + 1]; p++) {
                px[p] = s * src[p]; // −ω·(D⁻¹·A·T)(i, :)
            }
            if (agg[i] >= 0) {
                int p = Arrays.binarySearch(pj, pp[i], pp[i + 1], agg[i]);
                px[p] += tx[tp[i]]; // + T(i, agg(i))
            }
        }
        return new CsrMatrix(n, t.cols(), pp, pj, px);
    }

    /**
     * An estimate of ρ(D⁻¹A), the largest eigenvalue in modulus. For a symmetric A with a positive
     * diagonal, D⁻¹A is similar to the symmetric {@code S = D^{-1/2}·A·D^{-1/2}}: {@code steps} Lanczos
     * steps on S from a seeded random vector (no reorthogonalization: lost orthogonality only repeats
     * converged Ritz values, it does not move the largest), and the largest eigenvalue of the
     * tridiagonal by Sturm bisection — a lower bound that converges fast at the top of the spectrum, as
     * pyamg's {@code approximate_spectral_radius} (Lanczos, 15 steps) computes it. Otherwise
     * {@code steps} power iterations on D⁻¹A.
     *
     * @param a         Input: A, square, canonical
     * @param invDiag   Input: 1/a_ii
     * @param steps     Lanczos (or power) steps
     * @param symmetric whether A is symmetric
     * @return the estimate, > 0 unless A·x = 0 for the start vector
     */
    static double spectralRadius(CsrMatrix a, double[] invDiag, int steps, boolean symmetric) {
        int n = a.rows();
        int threads = Spmv.defaultThreads(a.nnz());
        boolean positive = symmetric;
        for (int i = 0; i < n && positive; i++) {
            positive = invDiag[i] > 0;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1.0, 1.0);
        }
        Blas.scale(1.0 / Blas.norm2(v), v, v);
        double[] w = new double[n];
        double[] t = new double[n];
        int[] ap = a.rowPointers();
        int[] aj = a.columnIndices();
        double[] ax = a.values();
        int k = Math.min(steps, n);
        if (!positive) {
            double lambda = 0.0;
            for (int s = 0; s < k; s++) {
                Spmv.apply(n, ap, aj, ax, v, w, threads);
                for (int i = 0; i < n; i++) {
                    w[i] *= invDiag[i]; // w = D⁻¹A·v
                }
                lambda = Blas.norm2(w); // ‖D⁻¹A·v‖ with ‖v‖ = 1
                if (lambda == 0.0) {
                    return 0.0;
                }
                Blas.scale(1.0 / lambda, w, v);
            }
            return lambda;
        }
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(invDiag[i]);
        }
        double[] alpha = new double[k];
        double[] beta = new double[k];
        double[] prev = new double[n];
        int m = 0;
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < n; i++) {
                t[i] = root[i] * v[i];
            }
            Spmv.apply(n, ap, aj, ax, t, w, threads);
            double al = 0.0;
            for (int i = 0; i < n; i++) {
                w[i] *= root[i]; // w = S·v
                al += v[i] * w[i];
            }
            double be = s == 0 ? 0.0 : beta[s - 1];
            double ss = 0.0;
            for (int i = 0; i < n; i++) {
                double wi = w[i] - al * v[i] - be * prev[i]; // three-term recurrence
                w[i] = wi;
                ss += wi * wi;
            }
            alpha[s] = al;
            m = s + 1;
            double nw = Blas.norm2FromSquares(ss, w);
            beta[s] = nw;
            if (!(nw > 1e-12 * Math.abs(al))) { // an invariant subspace: T's eigenvalues are exact
                break;
            }
            double[] tmp = prev;
            prev = v;
            v = tmp;
            Blas.scale(1.0 / nw, w, v);
        }
        return largestEigenvalue(alpha, beta, m);
    }

    /**
     * The largest eigenvalue of the symmetric tridiagonal matrix with diagonal {@code alpha[0..m)} and
     * off-diagonal {@code beta[0..m−1)}, by bisection on the Sturm count (the number of negative pivots of
     * the LDLᵀ of T − x·I is the number of eigenvalues below x), started on the Gershgorin interval.
     */
    static double largestEigenvalue(double[] alpha, double[] beta, int m) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double r = (i > 0 ? Math.abs(beta[i - 1]) : 0.0) + (i < m - 1 ? Math.abs(beta[i]) : 0.0);
            lo = Math.min(lo, alpha[i] - r);
            hi = Math.max(hi, alpha[i] + r);
        }
        for (int it = 0; it < 200 && hi - lo > 1e-14 * Math.max(Math.abs(lo), Math.abs(hi)); it++) {
            double x = 0.5 * (lo + hi);
            if (below(alpha, beta, m, x) == m) {
                hi = x; // every eigenvalue is below x
            } else {
                lo = x;
            }
        }
        return hi;
    }

    /** How many eigenvalues of the tridiagonal are below x: the negative pivots of LDLᵀ(T − x·I). */
    private static int below(double[] alpha, double[] beta, int m, double x) {
        int count = 0;
        double d = 1.0;
        for (int i = 0; i < m; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0.0;
            d = alpha[i] - x - (i > 0 ? b2 / d : 0.0);
            if (d == 0.0) {
                d = -1e-300; // a zero pivot: perturb to one side, as LAPACK's dstebz does
            }
            if (d < 0) {
                count++;
            }
        }
        return count;
    }
}
