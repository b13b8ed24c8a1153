package org.sparrow.solvers.sbl;

import java.util.ArrayList;
import java.util.List;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.ops.Blas;
import org.sparrow.core.ops.Checks;
import org.sparrow.core.structured.KroneckerOperator;
import org.sparrow.solvers.StopReason;

/**
 * Sparse Bayesian learning: recover a sparse x from y = A·x + n, n ~ N(0, σ²I), with a Gaussian prior
 * x ~ N(0, diag γ) whose variances γ are learned by expectation–maximization. The Kronecker methods
 * (He &amp; Joseph 2024) take A = A₁⊗…⊗A_d and γ = γ₁⊗…⊗γ_d and never form anything of Kronecker size.
 * See the package documentation for the methods, their equations and their defaults.
 *
 * <p>Every entry point validates its input and throws {@link IllegalArgumentException} with one
 * sentence (factor shapes that do not match y, NaN or ±∞ in y or a factor, an all-zero factor); it
 * never throws on non-convergence: the result says what happened. y = 0 returns x̂ = 0 at once
 * (converged, 0 iterations). A known noise variance of 0 (noiseless data) is replaced by the floor
 * 1e-12·‖y‖²/M so that the E-step stays defined; an estimated one never falls below that floor.
 */
public final class Sbl {

    /** Classic SBL refuses a dense dictionary A = ⊗Aᵢ with more entries than {@link KroneckerOperator#toDense()} forms. */
    static final long CLASSIC_MAX_ENTRIES = KroneckerOperator.TO_DENSE_MAX_ENTRIES;

    private Sbl() {
    }

    /**
     * Runs {@code options.method()} on y = (A₁⊗…⊗A_d)·x + n. {@link SblMethod#CLASSIC} forms A = ⊗Aᵢ
     * densely (refused, with the size, when that is too big).
     *
     * @param factors Input: A₁, …, A_d (Mᵢ × Nᵢ, d ≥ 1; dense or sparse), none all-zero, all finite
     * @param y       Input: the measurement, of length ∏Mᵢ, finite
     * @param options the method, noise setting, limits
     * @return the result; never throws on non-convergence
     * @throws IllegalArgumentException with one sentence on bad input (shapes that do not match y,
     *                                  NaN or ±∞, an all-zero factor)
     */
    public static SblResult solve(List<? extends Matrix> factors, double[] y, SblOptions options) {
        Checks.checkNotNull(options, "SBL options");
        Checks.checkNotNull(factors, "the factors");
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("SBL needs at least one factor");
        }
        int d = factors.size();
        DenseMatrix[] dense = new DenseMatrix[d];
        int[] rows = new int[d];
        int[] cols = new int[d];
        long m = 1;
        long n = 1;
        StringBuilder rowText = new StringBuilder();
        for (int k = 0; k < d; k++) {
            Matrix f = factors.get(k);
            String name = "A" + (k + 1);
            if (f == null) {
                throw new IllegalArgumentException("factor " + name + " is missing (null)");
            }
            if (f.rows() == 0 || f.cols() == 0) {
                throw new IllegalArgumentException("factor " + name + " is empty (" + Checks.shape(f.rows(), f.cols())
                        + ")");
            }
            DenseMatrix a = f.toDense();
            Checks.checkFinite(a, "", name);
            if (Blas.norm2(a.data()) == 0) {
                throw new IllegalArgumentException("factor " + name + " (" + Checks.shape(a.rows(), a.cols())
                        + ") is all zero; every factor needs a nonzero entry");
            }
            dense[k] = a;
            rows[k] = a.rows();
            cols[k] = a.cols();
            m *= rows[k];
            n *= cols[k];
            Checks.checkedArrayLength(m, "the measurement length ∏Mᵢ");
            Checks.checkedArrayLength(n, "the unknown count ∏Nᵢ");
            rowText.append(k == 0 ? "" : " · ").append(rows[k]);
        }
        for (int c : options.coupledFactors()) {
            if (c >= d) {
                throw new IllegalArgumentException("coupled factor " + c + " (0-based) does not exist: there are " + d
                        + " factors");
            }
        }
        Checks.checkNotNull(y, "y");
        if (y.length != m) {
            throw new IllegalArgumentException("y has length " + y.length + " but the factors' row counts "
                    + rowText + " multiply to " + m);
        }
        Checks.checkFinite(y, "", "y");
        if (options.method() == SblMethod.CLASSIC) {
            if (m * n > CLASSIC_MAX_ENTRIES) {
                throw new IllegalArgumentException("classic SBL would form the dense " + m + " × " + n
                        + " product of the factors (" + (m * n * 8 >> 20) + " MiB), more than the "
                        + (CLASSIC_MAX_ENTRIES * 8 >> 20) + " MiB allowed; use am, svd or pc");
            }
            KroneckerOperator op = KroneckerOperator.of(dense);
            return withResidual(op, runClassic(op.toDense(), y, options), y);
        }
        double yNorm = Blas.norm2(y);
        if (yNorm == 0) {
            return zeroResult(options.method(), cols, (int) n, options);
        }
        double[][] f = new double[d][];
        for (int k = 0; k < d; k++) {
            f[k] = dense[k].data();
        }
        NoiseStart ns = noiseStart(options.noise(), yNorm, (int) m);
        KroneckerOperator op = KroneckerOperator.of(dense);
        SblResult r = new KroneckerSbl(op, f, rows, cols, y, options).run(ns.variance, ns.estimated, yNorm);
        return withResidual(op, r, y);
    }

    /**
     * Classic SBL (Tipping 2001 / Wipf &amp; Rao 2004 EM) on a general dense dictionary.
     *
     * @param a       Input: the dictionary A, M × N, finite, not all zero
     * @param y       Input: the measurement, of length M, finite
     * @param options noise setting and limits ({@code method} and {@code beta} are ignored; the prune
     *                threshold default is the classic one, 1e-3, whatever the method)
     * @return the result, with one hyperparameter array of length N
     * @throws IllegalArgumentException with one sentence on bad input
     */
    public static SblResult classic(DenseMatrix a, double[] y, SblOptions options) {
        Checks.checkNotNull(options, "SBL options");
        Checks.checkNotNull(a, "A");
        if (a.rows() == 0 || a.cols() == 0) {
            throw new IllegalArgumentException("the dictionary A is empty (" + Checks.shape(a.rows(), a.cols()) + ")");
        }
        Checks.checkFinite(a, "", "A");
        if (Blas.norm2(a.data()) == 0) {
            throw new IllegalArgumentException("the dictionary A (" + Checks.shape(a.rows(), a.cols())
                    + ") is all zero");
        }
        Checks.checkNotNull(y, "y");
        if (y.length != a.rows()) {
            throw new IllegalArgumentException("y has length " + y.length + " but A has " + a.rows() + " rows");
        }
        Checks.checkFinite(y, "", "y");
        SblResult r = runClassic(a, y, options.withMethod(SblMethod.CLASSIC));
        double[] res = Blas.residual(a, r.mean(), y);
        return withRelativeResidual(r, Blas.norm2(res), Blas.norm2(y));
    }

    private static SblResult runClassic(DenseMatrix a, double[] y, SblOptions options) {
        double yNorm = Blas.norm2(y);
        if (yNorm == 0) {
            return zeroResult(SblMethod.CLASSIC, new int[] {a.cols()}, a.cols(), options);
        }
        NoiseStart ns = noiseStart(options.noise(), yNorm, a.rows());
        return ClassicSbl.run(a, y, options, ns.variance, ns.estimated, yNorm);
    }

    private record NoiseStart(double variance, boolean estimated) {
    }

    private static NoiseStart noiseStart(NoiseVariance noise, double yNorm, int m) {
        return switch (noise) {
            case NoiseVariance.Known k -> new NoiseStart(k.variance(), false);
            case NoiseVariance.FromSnr s -> new NoiseStart(s.variance(yNorm * yNorm, m), false);
            // the unknown-noise start of the authors' code: a tenth of the measured power
            case NoiseVariance.Estimated e -> new NoiseStart(0.1 * yNorm * yNorm / m, true);
        };
    }

    private static SblResult zeroResult(SblMethod method, int[] cols, int n, SblOptions options) {
        List<double[]> gammas = new ArrayList<>();
        for (int c : cols) {
            gammas.add(new double[c]);
        }
        double s2 = options.noise() instanceof NoiseVariance.Known k ? k.variance() : 0;
        return new SblResult(method, new double[n], gammas, new int[0], s2,
                options.noise() instanceof NoiseVariance.Estimated, true, StopReason.CONVERGED,
                "y = 0, so x̂ = 0", 0, 0, 0);
    }

    // ‖y − A·x̂‖/‖y‖ recomputed through the factors
    private static SblResult withResidual(KroneckerOperator op, SblResult r, double[] y) {
        return withRelativeResidual(r, Blas.norm2(Blas.residual(op, r.mean(), y)), Blas.norm2(y));
    }

    private static SblResult withRelativeResidual(SblResult r, double residualNorm, double yNorm) {
        double rel = yNorm == 0 ? 0 : residualNorm / yNorm;
        boolean finite = Double.isFinite(rel);
        StopReason reason = finite ? r.reason() : StopReason.NOT_FINITE;
        String detail = finite ? r.detail() : "the residual of x̂ is not finite; " + r.detail();
        return new SblResult(r.method(), r.mean(), r.gammas(), r.support(), r.noiseVariance(), r.noiseEstimated(),
                r.converged() && finite, reason, detail, r.iterations(), rel, r.seconds());
    }


    /**
     * The one-sentence detail of an SBL stop on the relative change of γ, shared by the classic and the
     * Kronecker iterations, numbers in three significant digits.
     */
    static String stopDetail(String method, boolean converged, int iterations, double change, double tolerance) {
        String c = String.format(java.util.Locale.ROOT, "%.3g", change);
        String t = String.format(java.util.Locale.ROOT, "%.3g", tolerance);
        return converged
                ? method + " converged in " + iterations + " iterations: ‖Δγ‖/‖γ‖ = " + c + " ≤ " + t
                : method + " stopped after " + iterations + " iterations with ‖Δγ‖/‖γ‖ = " + c
                + " above the tolerance " + t;
    }
}
