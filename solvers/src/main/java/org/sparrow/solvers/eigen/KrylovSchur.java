package org.sparrow.solvers.eigen;

import java.util.Arrays;
import java.util.Random;

import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.solvers.StopReason;

/**
 * The restarted Krylov engine behind {@link Eigs}: Stewart's Krylov–Schur method (SIAM J. Matrix
 * Anal. Appl. 23 (2002) 601–614) on the iteration operator OP (A itself, or (A − σI)⁻¹ for
 * shift-invert), which for a symmetric OP is thick-restart Lanczos (Wu and Simon, SIAM J. Matrix
 * Anal. Appl. 22 (2000) 602–616).
 *
 * <p>It keeps a Krylov decomposition {@code OP·V_m = V_m·H + v_{m+1}·bᵀ} (Stewart §2) with an
 * orthonormal V: expansion is Arnoldi with full re-orthogonalization (CGS2, {@link Basis}), which for
 * a symmetric OP costs what ARPACK's DGKS-corrected Lanczos costs and keeps the Ritz vectors
 * orthogonal to working precision. A restart keeps the wanted part: with Q an orthonormal basis of
 * the invariant subspace of H spanned by the {@code p} wanted Ritz vectors (for a complex pair, the
 * real and imaginary parts of its vector), {@code OP·(V·Q) = (V·Q)·(QᵀHQ) + v_{m+1}·(bᵀQ)} is again a
 * Krylov decomposition (Stewart's Theorem 2.4 and §3), and the expansion continues from v_{m+1}.
 * Stewart reaches the same subspace through a reordered Schur form; EJML 0.44 has no Schur
 * reordering, so the subspace comes from the Ritz vectors here (for a symmetric H these are its Schur
 * vectors). How many Ritz vectors to keep is ARPACK's rule (dsaup2/dnaup2): k plus
 * min(converged, (m − k)/2).
 *
 * <p>The Ritz estimate of pair i is |bᵀ·zᵢ| (‖OP·y − θ·y‖ for y = V·zᵢ); when the k wanted estimates
 * meet the tolerance, the residuals ‖A·y − λ·y‖ are recomputed from A, and only they decide.
 *
 * <p>A single Krylov sequence holds one vector of each eigenspace in exact arithmetic, so a copy of a
 * multiple eigenvalue can be missed (Dubcova1's 6 largest are three pairs; the second 4.78843 was).
 * Converged pairs are therefore confirmed: they are locked (their couplings, below the tolerance, dropped)
 * and the expansion restarts from a random vector orthogonal to them, asking for k + 1 (the extra one to a
 * residual of √tol·‖A‖ only: it must show where the rest of the spectrum lies, not be accurate); this
 * repeats until a round changes none of the k values — the deflation by restarting that ARPACK leaves to
 * its user.
 */
final class KrylovSchur {

    private KrylovSchur() {
    }

    /**
     * Runs the iteration.
     *
     * @param op        the iteration operator, n × n
     * @param a         A, for the recomputed residuals (the same as op without shift-invert)
     * @param symmetric whether OP (and A) are symmetric
     * @param o         the options
     * @param sigma     the shift σ when op is (A − σI)⁻¹, NaN otherwise
     * @param normA     an upper estimate of ‖A‖₂, or NaN to take the largest Ritz value seen
     * @param started   System.nanoTime() at the start of the solve (a factorization included)
     * @param products0 operator applications already spent (none, or none for a factorization)
     * @return the result
     */
    static EigenResult run(LinearOperator op, LinearOperator a, boolean symmetric, EigenOptions o, double sigma,
                           double normA, long started, long products0) {
        int n = op.rows();
        int k = o.k();
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " eigenvalues asked of a " + n + " × " + n + " matrix: k must be ≤ n");
        }
        boolean shiftInvert = !Double.isNaN(sigma);
        int m = Math.min(n, o.subspace() == 0 ? Math.max(2 * k + 1, 20) : o.subspace());
        if (!symmetric && m < n) {
            m = Math.min(n, Math.max(m, k + 2)); // room to keep a complex pair and expand
        }
        double[][] v = new double[m + 1][n];
        double[][] spare = new double[m][];
        double[] h = new double[(m + 1) * m];   // rows 0..m-1: the projected matrix; row m: bᵀ
        double[] coef = new double[m + 1];
        double[] work = new double[m + 1];
        Random rnd = new Random(o.seed());
        Basis.randomOrthogonal(v, 0, v[0], rnd, coef, work);
        long products = products0;
        double opScale = 0;
        int kept = 0;
        int restarts = 0;
        int verifyFailures = 0;
        SmallDense.Eigen e;
        Integer[] order;
        String stopDetail = "";
        StopReason reason;
        int want = k;              // k, then k + 1 after the deflated restart that confirms the k
        boolean canConfirm = m < n && m - k >= 4;
        double[] confirmed = null;  // the k values (real, imaginary) the last deflated restart set out to confirm
        while (true) {
            for (int j = kept; j < m; j++) {
                double[] w = v[j + 1];
                op.apply(v[j], w);
                products++;
                double before = Blas.norm2(w);
                if (!Double.isFinite(before)) {
                    return notFinite(o, symmetric, sigma, n, restarts, products, started);
                }
                Arrays.fill(coef, 0.0);
                double beta = Basis.orthogonalize(v, j + 1, w, coef, work, before);
                for (int i = 0; i <= j; i++) {
                    h[i * m + j] += coef[i];
                }
                if (beta <= 1e-12 * before || beta == 0.0) { // an invariant subspace: continue with a fresh direction
                    h[(j + 1) * m + j] = 0.0;
                    if (j + 1 < m || j + 1 < n) {
                        Basis.randomOrthogonal(v, j + 1, w, rnd, coef, work);
                    } else {
                        Arrays.fill(w, 0.0);
                    }
                } else {
                    h[(j + 1) * m + j] = beta;
                    Blas.scale(1.0 / beta, w, w);
                }
            }
            restarts++;
            e = symmetric ? SmallDense.symmetric(h, m, m) : SmallDense.general(h, m, m);
            for (int i = 0; i < m; i++) {
                opScale = Math.max(opScale, Math.hypot(e.re()[i], e.im()[i]));
            }
            order = order(e, o.which(), shiftInvert);
            int vectorsNeeded = Math.min(m, want + (m - want) / 2 + 1);
            if (!symmetric) {
                for (int c = 0; c < vectorsNeeded; c++) {
                    SmallDense.vector(h, m, m, e, order[c]);
                }
            }
            double scaleA = Double.isNaN(normA) ? (shiftInvert ? Double.NaN : opScale) : normA;
            int nconv = 0;
            for (int c = 0; c < Math.min(want, m); c++) {
                int i = order[c];
                double theta = Math.hypot(e.re()[i], e.im()[i]);
                double limit = shiftInvert
                        ? o.tolerance() * theta * (Double.isNaN(scaleA) ? 0.5 : scaleA / (scaleA + Math.abs(sigma)))
                        : o.tolerance() * scaleA;
                if (c >= k) { // the (k+1)-th of a confirming round need only show where it is: to √tol
                    limit *= Math.sqrt(1.0 / o.tolerance());
                }
                if (ritzEstimate(h, m, e, i) <= limit) {
                    nconv++;
                } else {
                    break; // ARPACK counts the converged ones among the wanted in order
                }
            }
            boolean inject = false;
            if (nconv >= want) {
                EigenResult r = finish(v, m, e, order, a, symmetric, o, sigma, normA, opScale, restarts, products,
                        started, StopReason.CONVERGED, "");
                if (r.allConverged() && (!canConfirm || same(confirmed, r, o.tolerance()))) {
                    return r;
                }
                if (r.allConverged()) { // confirm: restart from a random vector orthogonal to the k found
                    inject = true;
                    want = k + 1;
                    confirmed = new double[2 * k];
                    for (int c = 0; c < k; c++) {
                        confirmed[2 * c] = r.values()[c];
                        confirmed[2 * c + 1] = r.imaginary()[c];
                    }
                }
                verifyFailures++;
                if (verifyFailures >= 3) {
                    reason = StopReason.STAGNATION;
                    stopDetail = "the Ritz estimates met the tolerance but the recomputed residuals ‖A·v − λ·v‖ did not, "
                            + verifyFailures + " times";
                    break;
                }
            }
            if (restarts >= o.maxIterations()) {
                reason = StopReason.MAX_ITERATIONS;
                stopDetail = Math.min(nconv, k) + " of " + k + " eigenpairs converged within " + restarts + " restarts";
                break;
            }
            int keep = inject ? k : Math.min(want + Math.min(nconv, (m - want) / 2), m - 1);
            keep = Math.max(keep, Math.min(want, m - 1));
            if (inject) {
                keep = k;
            }
            if (keep < 1) {
                reason = StopReason.BREAKDOWN;
                stopDetail = "the subspace of dimension " + m + " leaves no room to restart";
                break;
            }
            if (!symmetric) {
                keep = keepPairsTogether(e, order, keep, m);
                for (int c = vectorsNeeded; c < keep; c++) {
                    SmallDense.vector(h, m, m, e, order[c]);
                }
            }
            double[] q = restartBasis(e, order, m, keep, symmetric);
            // V ← V·Q, v_{keep} ← v_{m}; H ← QᵀHQ, bᵀ ← bᵀQ (Stewart, Theorem 2.4)
            double[] t = new double[keep * keep];
            double[] b = new double[keep];
            double[] hq = new double[m * keep];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < keep; c++) {
                    double s = 0;
                    for (int l = 0; l < m; l++) {
                        s += h[i * m + l] * q[l * keep + c];
                    }
                    hq[i * keep + c] = s;
                }
            }
            for (int r = 0; r < keep; r++) {
                for (int c = 0; c < keep; c++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += q[i * keep + r] * hq[i * keep + c];
                    }
                    t[r * keep + c] = s;
                }
                double s = 0;
                for (int l = 0; l < m; l++) {
                    s += h[m * m + l] * q[l * keep + r];
                }
                b[r] = s;
            }
            for (int i = 0; i < keep; i++) {
                if (spare[i] == null) {
                    spare[i] = new double[n];
                }
            }
            Basis.combine(v, q, m, keep, spare);
            for (int i = 0; i < keep; i++) {
                double[] tmp = v[i];
                v[i] = spare[i];
                spare[i] = tmp;
            }
            if (inject) {
                // Deflation: the k converged pairs are locked (their couplings bᵀQ, below the tolerance, are dropped)
                // and the expansion goes on from a random direction orthogonal to them, so that a copy of a multiple
                // eigenvalue, which a single Krylov sequence can miss, is found before the k are returned; the
                // (k+1)-th must then converge too, proving that nothing more wanted is left.
                Basis.randomOrthogonal(v, keep, v[keep], rnd, coef, work);
                Arrays.fill(b, 0.0);
            } else {
                double[] tmp = v[keep];
                v[keep] = v[m];
                v[m] = tmp;
            }
            Arrays.fill(h, 0.0);
            for (int r = 0; r < keep; r++) {
                System.arraycopy(t, r * keep, h, r * m, keep);
                h[keep * m + r] = b[r];
            }
            kept = keep;
        }
        return finish(v, m, e, order, a, symmetric, o, sigma, normA, opScale, restarts, products, started, reason, stopDetail);
    }

    /**
     * Whether the converged values equal those a deflated restart set out to confirm (to 10·tolerance·‖A‖):
     * then no copy of a multiple eigenvalue, and nothing more wanted, was missing. A round that finds something
     * new is followed by another, each finding at least one more copy.
     */
    private static boolean same(double[] confirmed, EigenResult r, double tol) {
        if (confirmed == null) {
            return false;
        }
        for (int c = 0; c < r.values().length; c++) {
            double d = Math.hypot(r.values()[c] - confirmed[2 * c], r.imaginary()[c] - confirmed[2 * c + 1]);
            if (!(d <= 10 * tol * r.normEstimate())) {
                return false;
            }
        }
        return true;
    }

    /** |bᵀ·z| for the (complex) unit Ritz vector z of pair i: ‖OP·y − θ·y‖. */
    private static double ritzEstimate(double[] h, int m, SmallDense.Eigen e, int i) {
        double sr = 0;
        double si = 0;
        for (int l = 0; l < m; l++) {
            sr += h[m * m + l] * e.zr()[l * m + i];
            si += h[m * m + l] * e.zi()[l * m + i];
        }
        return Math.hypot(sr, si);
    }

    /** Indices of the Ritz values, most wanted first; a complex pair adjacent, positive imaginary part first. */
    static Integer[] order(SmallDense.Eigen e, Which which, boolean shiftInvert) {
        int m = e.re().length;
        Integer[] order = new Integer[m];
        double[] key = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            double re = e.re()[i];
            double mag = Math.hypot(re, e.im()[i]);
            key[i] = shiftInvert || which == Which.LARGEST_MAGNITUDE ? mag : which == Which.SMALLEST ? -re : re;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(key[y], key[x]);
            if (c != 0 && Math.abs(key[x] - key[y]) > 1e-14 * Math.max(Math.abs(key[x]), Math.abs(key[y]))) {
                return c;
            }
            int r = Double.compare(e.re()[y], e.re()[x]); // equal keys: a conjugate pair, or a tie
            return r != 0 ? r : Double.compare(e.im()[y], e.im()[x]);
        });
        return order;
    }

    /** {@code keep}, moved by one so that no complex pair is split. */
    private static int keepPairsTogether(SmallDense.Eigen e, Integer[] order, int keep, int m) {
        int c = 0;
        while (c < keep) {
            c += e.im()[order[c]] != 0.0 ? 2 : 1;
        }
        if (c == keep) {
            return keep;
        }
        return c <= m - 1 ? c : keep - 1;
    }

    /** An orthonormal m × keep basis (row-major) of the span of the first {@code keep} wanted Ritz vectors of H. */
    private static double[] restartBasis(SmallDense.Eigen e, Integer[] order, int m, int keep, boolean symmetric) {
        double[] q = new double[m * keep];
        int c = 0;
        for (int idx = 0; c < keep; idx++) {
            int i = order[idx];
            double im = e.im()[i];
            if (im < 0 && !symmetric) {
                continue; // the conjugate of a pair already taken
            }
            for (int l = 0; l < m; l++) {
                q[l * keep + c] = e.zr()[l * m + i];
            }
            c++;
            if (im > 0 && c < keep) {
                for (int l = 0; l < m; l++) {
                    q[l * keep + c] = e.zi()[l * m + i];
                }
                c++;
            }
        }
        if (!symmetric) { // modified Gram–Schmidt, twice
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < keep; j++) {
                    for (int p = 0; p < j; p++) {
                        double s = 0;
                        for (int l = 0; l < m; l++) {
                            s += q[l * keep + p] * q[l * keep + j];
                        }
                        for (int l = 0; l < m; l++) {
                            q[l * keep + j] -= s * q[l * keep + p];
                        }
                    }
                    double s = 0;
                    for (int l = 0; l < m; l++) {
                        s += q[l * keep + j] * q[l * keep + j];
                    }
                    s = Math.sqrt(s);
                    for (int l = 0; l < m; l++) {
                        q[l * keep + j] /= s;
                    }
                }
            }
        }
        return q;
    }

    /** Ritz vectors and values of the first k wanted pairs, with residuals recomputed from A. */
    private static EigenResult finish(double[][] v, int m, SmallDense.Eigen e, Integer[] order, LinearOperator a,
                                      boolean symmetric, EigenOptions o, double sigma, double normA, double opScale,
                                      int restarts, long products, long started, StopReason reason, String detail) {
        int n = a.rows();
        int k = o.k();
        boolean shiftInvert = !Double.isNaN(sigma);
        double[] values = new double[k];
        double[] imag = new double[k];
        double[] resid = new double[k];
        double[] vr = new double[n * k];
        double[] vi = new double[n * k];
        double[] yr = new double[n];
        double[] yi = new double[n];
        double[] ayr = new double[n];
        double[] ayi = new double[n];
        double[] zr = new double[m];
        double[] zi = new double[m];
        double[][] out = {yr};
        for (int c = 0; c < k; c++) {
            int i = order[c];
            boolean complex = e.im()[i] != 0.0;
            for (int l = 0; l < m; l++) {
                zr[l] = e.zr()[l * m + i];
                zi[l] = e.zi()[l * m + i];
            }
            out[0] = yr;
            Basis.combine(v, zr, m, 1, out);
            if (complex) {
                out[0] = yi;
                Basis.combine(v, zi, m, 1, out);
            } else {
                Arrays.fill(yi, 0.0);
            }
            double ny = Math.hypot(Blas.norm2(yr), Blas.norm2(yi));
            Blas.scale(1.0 / ny, yr, yr);
            Blas.scale(1.0 / ny, yi, yi);
            a.apply(yr, ayr);
            products++;
            double lr;
            double li;
            if (complex) {
                a.apply(yi, ayi);
                products++;
                double tr = e.re()[i];
                double ti = e.im()[i];
                if (shiftInvert) { // λ = σ + 1/θ
                    double d = tr * tr + ti * ti;
                    lr = sigma + tr / d;
                    li = -ti / d;
                } else {
                    lr = tr;
                    li = ti;
                }
            } else {
                Arrays.fill(ayi, 0.0);
                li = 0.0;
                // the Rayleigh quotient yᵀAy (‖y‖ = 1): for a symmetric A its error is the square of the residual's
                lr = symmetric ? Blas.dot(yr, ayr) : shiftInvert ? sigma + 1.0 / e.re()[i] : e.re()[i];
            }
            double ss = 0;
            for (int r = 0; r < n; r++) {
                double pr = ayr[r] - lr * yr[r] + li * yi[r];
                double pi = ayi[r] - lr * yi[r] - li * yr[r];
                ss += pr * pr + pi * pi;
                vr[r * k + c] = yr[r];
                vi[r * k + c] = yi[r];
            }
            values[c] = lr;
            imag[c] = li;
            resid[c] = Math.sqrt(ss);
        }
        double scale = normA;
        if (Double.isNaN(scale)) {
            scale = shiftInvert ? 0 : opScale;
            for (int c = 0; c < k; c++) {
                scale = Math.max(scale, Math.hypot(values[c], imag[c]));
            }
        }
        boolean[] conv = new boolean[k];
        int nconv = 0;
        for (int c = 0; c < k; c++) {
            conv[c] = resid[c] <= o.tolerance() * scale;
            nconv += conv[c] ? 1 : 0;
        }
        if (reason == StopReason.CONVERGED && nconv < k) {
            reason = StopReason.STAGNATION;
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        return new EigenResult(symmetric ? EigenMethod.LANCZOS : EigenMethod.ARNOLDI, o.which(), sigma, values, imag,
                new DenseMatrix(n, k, vr), new DenseMatrix(n, k, vi), resid, conv, scale, restarts, products, seconds,
                reason, nconv == k ? "" : detail);
    }

    private static EigenResult notFinite(EigenOptions o, boolean symmetric, double sigma, int n, int restarts,
                                         long products, long started) {
        int k = o.k();
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        return new EigenResult(symmetric ? EigenMethod.LANCZOS : EigenMethod.ARNOLDI, o.which(), sigma, nan, new double[k],
                new DenseMatrix(n, k, new double[n * k]), new DenseMatrix(n, k, new double[n * k]), nan.clone(),
                new boolean[k], Double.NaN, restarts, products, (System.nanoTime() - started) * 1e-9,
                StopReason.NOT_FINITE, "a product with the operator was not finite (the matrix holds NaN or infinity, or "
                + "the shifted matrix is singular to working precision)");
    }
}
