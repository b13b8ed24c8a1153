package org.sparrow.solvers.eigen;

import java.util.Arrays;
import java.util.Random;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.ops.Symmetry;
import org.sparrow.solvers.StopReason;
import org.sparrow.solvers.precond.Preconditioner;

/**
 * The k smallest (or largest) eigenpairs of a symmetric A by LOBPCG, the locally optimal block
 * preconditioned conjugate gradient method (Knyazev, SIAM J. Sci. Comput. 23 (2001) 517–541,
 * Algorithm 4.1): each step is a Rayleigh–Ritz projection onto span{X, T·R, P} — the current
 * approximations, their preconditioned residuals and the previous directions — so a good
 * preconditioner T ≈ A⁻¹ (IC(0), AMG) makes the smallest eigenpairs of an SPD matrix cheap without
 * factoring A.
 *
 * <p>The basis [X, W, P] is orthonormalized explicitly (CGS2, with W and P against X first, and
 * columns that fall below 1e-10 of their length dropped) and the products A·S updated by the same
 * linear combinations, so the projected problem is a standard symmetric eigenproblem (EJML), the
 * remedy for the ill-conditioned Gram matrices of the original algorithm (Hetmaniuk and Lehoucq,
 * J. Comput. Phys. 218 (2006) 324–332). The new P is the part of the new X along [W, P] (Knyazev
 * eq. 4.2). At the end A·X is recomputed, and only those residuals decide convergence.
 */
public final class Lobpcg {

    private Lobpcg() {
    }

    /**
     * The k smallest ({@link Which#SMALLEST}) or largest ({@link Which#LARGEST}) eigenpairs of a
     * symmetric A.
     *
     * @param a              Input: the symmetric operator, n × n, with n ≥ 3k (a block of 3k vectors fits)
     * @param o              the options ({@code which} SMALLEST or LARGEST; {@code subspace} is not used)
     * @param preconditioner T ≈ A⁻¹ applied to the residuals (for the smallest eigenpairs of an SPD
     *                       A), or null for none
     * @return the eigenpairs, most wanted first; method {@link EigenMethod#LOBPCG}, iterations the
     *     LOBPCG steps, products the products with A
     * @throws IllegalArgumentException if A is null, not square, too small for the block, a
     *     nonsymmetric or non-finite {@link CsrMatrix}; if {@code which} is neither SMALLEST nor
     *     LARGEST; or if the preconditioner's size differs from A's
     */
    public static EigenResult solve(LinearOperator a, EigenOptions o, Preconditioner preconditioner) {
        long started = System.nanoTime();
        Checks.checkNotNull(a, "A");
        Checks.checkNotNull(o, "the options");
        int n = a.rows();
        int k = o.k();
        if (a.cols() != n) {
            throw new IllegalArgumentException("A is " + Checks.shape(a.rows(), a.cols()) + ": eigenvalues need a square matrix");
        }
        if (3 * k > n) {
            throw new IllegalArgumentException("LOBPCG needs n ≥ 3k, got k = " + k + " for n = " + n + " (use the Lanczos solver)");
        }
        if (o.which() != Which.SMALLEST && o.which() != Which.LARGEST) {
            throw new IllegalArgumentException("LOBPCG computes the smallest or the largest eigenvalues, not " + o.which().cliName());
        }
        if (preconditioner != null && preconditioner.rows() != n) {
            throw new IllegalArgumentException("the preconditioner is " + Checks.shape(preconditioner.rows(), preconditioner.rows())
                    + " but A is " + Checks.shape(n, n));
        }
        if (a instanceof CsrMatrix c) {
            Checks.checkFinite(c, "", "A");
            String asym = Symmetry.firstAsymmetry(c.sorted(), 1e-12);
            if (asym != null) {
                throw new IllegalArgumentException("LOBPCG needs a symmetric matrix, but " + asym);
            }
        }
        double normA = Eigs.normEstimate(a);
        boolean largest = o.which() == Which.LARGEST;
        int maxBasis = 3 * k;
        double[][] s = new double[maxBasis][n];  // the basis [X, W, P]
        double[][] as = new double[maxBasis][n]; // A·S
        double[][] nx = new double[k][n];
        double[][] nax = new double[k][n];
        double[][] np = new double[k][n];
        double[][] nap = new double[k][n];
        double[] coef = new double[maxBasis];
        double[] work = new double[maxBasis];
        Random rnd = new Random(o.seed());
        for (int j = 0; j < k; j++) {
            Basis.randomOrthogonal(s, j, s[j], rnd, coef, work);
            a.apply(s[j], as[j]);
        }
        long products = k;
        int width = k;      // columns of S in use: X, then W, then P
        int pCount = 0;     // columns of P (after X and W) from the last step
        double[] theta = new double[k];
        double[] resid = new double[k];
        double ritzScale = 0;
        int iterations = 0;
        StopReason reason = StopReason.MAX_ITERATIONS;
        String detail = "";
        double[] r = new double[n];
        double[] g = new double[maxBasis * maxBasis];
        while (true) {
            // Rayleigh–Ritz on span(S): G = Sᵀ·A·S, its k wanted eigenpairs
            for (int i = 0; i < width; i++) {
                for (int j = i; j < width; j++) {
                    double x = Blas.dot(s[i], as[j]);
                    g[i * width + j] = x;
                    g[j * width + i] = x;
                }
            }
            SmallDense.Eigen e = SmallDense.symmetric(g, width, width);
            Integer[] order = KrylovSchur.order(e, largest ? Which.LARGEST : Which.SMALLEST, false);
            double[] c = new double[width * k];
            for (int j = 0; j < k; j++) {
                theta[j] = e.re()[order[j]];
                ritzScale = Math.max(ritzScale, Math.abs(theta[j]));
                for (int i = 0; i < width; i++) {
                    c[i * k + j] = e.zr()[i * width + order[j]];
                }
            }
            Basis.combine(s, c, width, k, nx);
            Basis.combine(as, c, width, k, nax);
            int dirs = width - k; // the new P: the part of the new X along [W, P]
            if (dirs > 0) {
                double[] cp = new double[dirs * k];
                System.arraycopy(c, k * k, cp, 0, dirs * k);
                double[][] sw = Arrays.copyOfRange(s, k, width);
                double[][] asw = Arrays.copyOfRange(as, k, width);
                Basis.combine(sw, cp, dirs, k, np);
                Basis.combine(asw, cp, dirs, k, nap);
                pCount = k;
            } else {
                pCount = 0;
            }
            for (int j = 0; j < k; j++) { // S ← [X_new, ·, P_new]
                double[] t = s[j];
                s[j] = nx[j];
                nx[j] = t;
                t = as[j];
                as[j] = nax[j];
                nax[j] = t;
            }
            double scale = Double.isNaN(normA) ? ritzScale : normA;
            boolean done = true;
            for (int j = 0; j < k; j++) {
                Blas.copy(as[j], r);
                Blas.axpy(-theta[j], s[j], r);
                resid[j] = Blas.norm2(r);
                if (!Double.isFinite(resid[j])) {
                    return result(o, s, n, theta, resid, new boolean[k], scale, iterations, products, started,
                            StopReason.NOT_FINITE, "a product with A or the preconditioner was not finite");
                }
                done &= resid[j] <= o.tolerance() * scale;
            }
            if (done) {
                // recompute A·X: the updated A·S carries rounding from every step
                for (int j = 0; j < k; j++) {
                    a.apply(s[j], as[j]);
                }
                products += k;
                boolean all = true;
                for (int j = 0; j < k; j++) {
                    theta[j] = Blas.dot(s[j], as[j]);
                    Blas.copy(as[j], r);
                    Blas.axpy(-theta[j], s[j], r);
                    resid[j] = Blas.norm2(r);
                    all &= resid[j] <= o.tolerance() * scale;
                }
                if (all) {
                    reason = StopReason.CONVERGED;
                    break;
                }
            }
            if (iterations >= o.maxIterations()) {
                detail = "not every eigenpair converged within " + iterations + " iterations";
                break;
            }
            iterations++;
            // W = T·R for every column, then orthonormalize W and P against X (and each other)
            width = k;
            for (int j = 0; j < k; j++) {
                Blas.copy(as[j], r);
                Blas.axpy(-theta[j], s[j], r);
                double[] w = s[width];
                if (preconditioner != null) {
                    preconditioner.apply(r, w);
                } else {
                    Blas.copy(r, w);
                }
                double before = Blas.norm2(w);
                Arrays.fill(coef, 0.0);
                double after = Basis.orthogonalize(s, width, w, coef, work);
                if (after > 1e-10 * before && after > 0) {
                    Blas.scale(1.0 / after, w, w);
                    a.apply(w, as[width]);
                    products++;
                    width++;
                }
            }
            for (int j = 0; j < pCount; j++) {
                double[] w = s[width];
                double[] aw = as[width];
                Blas.copy(np[j], w);
                Blas.copy(nap[j], aw);
                double before = Blas.norm2(w);
                Arrays.fill(coef, 0.0);
                double after = Basis.orthogonalize(s, width, w, coef, work);
                if (after > 1e-10 * before && after > 0) {
                    for (int i = 0; i < width; i++) { // A·p' = A·p − Σ cᵢ·A·sᵢ, the same combination
                        Blas.axpy(-coef[i], as[i], aw);
                    }
                    Blas.scale(1.0 / after, w, w);
                    Blas.scale(1.0 / after, aw, aw);
                    width++;
                }
            }
        }
        boolean[] conv = new boolean[k];
        double scale = Double.isNaN(normA) ? ritzScale : normA;
        for (int j = 0; j < k; j++) {
            conv[j] = resid[j] <= o.tolerance() * scale;
        }
        return result(o, s, n, theta, resid, conv, scale, iterations, products, started, reason, detail);
    }

    private static EigenResult result(EigenOptions o, double[][] s, int n, double[] theta, double[] resid, boolean[] conv,
                                      double scale, int iterations, long products, long started, StopReason reason,
                                      String detail) {
        int k = o.k();
        double[] vec = new double[n * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                vec[i * k + j] = s[j][i];
            }
        }
        boolean all = true;
        for (boolean b : conv) {
            all &= b;
        }
        return new EigenResult(EigenMethod.LOBPCG, o.which(), Double.NaN, theta.clone(), new double[k],
                new DenseMatrix(n, k, vec), new DenseMatrix(n, k, new double[n * k]), resid.clone(), conv, scale,
                iterations, products, (System.nanoTime() - started) * 1e-9, reason, all ? "" : detail);
    }
}
