package org.sparrow.solvers.ot;

import org.sparrow.core.Par;
import org.sparrow.solvers.IterationListener;

/**
 * Options of an entropic optimal transport solve ({@link EntropicOt}).
 *
 * @param method        the algorithm
 * @param eta           the inverse regularization η &gt; 0 of min ⟨C,P⟩ + η⁻¹·Σ pᵢⱼ log pᵢⱼ (larger: sharper
 *                      plans, harder problems), finite
 * @param tolerance     stop when the marginal error ‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁ (absolute) ≤ tolerance; in (0, 1)
 * @param sinkhornSteps SNS: the Sinkhorn steps N₁ before the Newton phase, ≥ 0 (ignored by Sinkhorn)
 * @param density       SNS: the fraction λ of the n·m entries of the plan kept in the sparsified Hessian,
 *                      in (0, 1], or NaN for the default 2/n (n the number of rows; at most 1)
 * @param maxIterations the limit on total iterations (Sinkhorn plus Newton), ≥ 1, or 0 for the method's
 *                      default: {@value #DEFAULT_SINKHORN_ITERATIONS} for Sinkhorn and N₁ +
 *                      {@value #DEFAULT_NEWTON_ITERATIONS} for SNS
 * @param diagonalShift SNS: shift the sparsified Hessian's diagonal when its system is ill-posed (the
 *                      diagonal shift of the Safe and Sparse Newton method, Tang, Qiu et al., NeurIPS 2024); used only when needed
 * @param par           how parallel the row and column reductions are
 * @param listener      called after every iteration with the marginal error, or {@code null}
 * @param densityGrowth SNS: after a Newton step that does not halve the marginal error, keep twice as many
 *                      entries in the next sparsified Hessian (up to 32 per row of the longer side) — an
 *                      addition to the paper's Algorithm 1, on by default; off keeps λ fixed, as Algorithm 1 does
 */
public record OtOptions(OtMethod method, double eta, double tolerance, int sinkhornSteps, double density,
                        int maxIterations, boolean diagonalShift, Par par, IterationListener listener,
                        boolean densityGrowth) {

    /** The default iteration limit of Sinkhorn. */
    public static final int DEFAULT_SINKHORN_ITERATIONS = 100_000;

    /** The default limit on SNS's Newton steps after its Sinkhorn phase. */
    public static final int DEFAULT_NEWTON_ITERATIONS = 500;

    /** Checks every field, naming the one that is wrong. */
    public OtOptions {
        if (method == null) {
            throw new IllegalArgumentException("the transport method is null (use OtMethod.SNS or OtMethod.SINKHORN)");
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta (the inverse regularization) must be finite and > 0, got " + eta);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the marginal error tolerance must be in (0, 1), got " + tolerance);
        }
        if (sinkhornSteps < 0) {
            throw new IllegalArgumentException("the number of Sinkhorn steps must be ≥ 0, got " + sinkhornSteps);
        }
        if (!Double.isNaN(density) && !(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("the Hessian density must be in (0, 1] (or NaN for 2/n), got " + density);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("the maximum number of iterations must be ≥ 1 (or 0 for the method's default), got "
                    + maxIterations);
        }
        if (par == null) {
            throw new IllegalArgumentException("the parallelism is null (use Par.AUTO, Par.SEQ or Par.threads(n))");
        }
    }

    /**
     * SNS, η = 1200, tolerance 1e-9, 20 Sinkhorn steps (the paper's N₁ for its random assignment case),
     * density 2/n, the method's default iteration limit, diagonal shift on, {@link Par#AUTO}, no listener,
     * density growth on.
     *
     * @return the defaults
     */
    public static OtOptions defaults() {
        return new OtOptions(OtMethod.SNS, 1200.0, 1e-9, 20, Double.NaN, 0, true, Par.AUTO, null, true);
    }

    /**
     * The iteration limit this solve uses: {@link #maxIterations()} or, when 0, the method's default.
     *
     * @return the most iterations (Sinkhorn plus Newton) this solve runs, ≥ 1
     */
    public int iterationLimit() {
        if (maxIterations > 0) {
            return maxIterations;
        }
        return method == OtMethod.SINKHORN ? DEFAULT_SINKHORN_ITERATIONS
                : (int) Math.min(Integer.MAX_VALUE, (long) sinkhornSteps + DEFAULT_NEWTON_ITERATIONS);
    }

    /**
     * The density λ for a plan of {@code rows} rows: {@link #density()} or, when NaN, min(1, 2/rows).
     *
     * @param rows rows n of the plan
     * @return the fraction of the plan's entries kept in the sparsified Hessian, in (0, 1]
     */
    public double densityFor(int rows) {
        return Double.isNaN(density) ? Math.min(1.0, 2.0 / Math.max(1, rows)) : density;
    }

    /**
     * These options with another method.
     *
     * @param m the algorithm
     * @return a copy with that method, the other fields unchanged
     */
    public OtOptions withMethod(OtMethod m) {
        return new OtOptions(m, eta, tolerance, sinkhornSteps, density, maxIterations, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with another η.
     *
     * @param e the inverse regularization η, &gt; 0
     * @return a copy with that η, the other fields unchanged
     */
    public OtOptions withEta(double e) {
        return new OtOptions(method, e, tolerance, sinkhornSteps, density, maxIterations, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with another marginal error tolerance.
     *
     * @param t the bound on the marginal error ‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁, in (0, 1)
     * @return a copy with that tolerance, the other fields unchanged
     */
    public OtOptions withTolerance(double t) {
        return new OtOptions(method, eta, t, sinkhornSteps, density, maxIterations, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with another number of Sinkhorn steps before SNS's Newton phase.
     *
     * @param n Sinkhorn steps before the Newton phase, ≥ 0
     * @return a copy with that number of steps, the other fields unchanged
     */
    public OtOptions withSinkhornSteps(int n) {
        return new OtOptions(method, eta, tolerance, n, density, maxIterations, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with another Hessian density λ (NaN: 2/n).
     *
     * @param d the fraction of the plan's entries kept, in (0, 1], or NaN for min(1, 2/n)
     * @return a copy with that density, the other fields unchanged
     */
    public OtOptions withDensity(double d) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, d, maxIterations, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with another iteration limit (0: the method's default).
     *
     * @param n the limit on total iterations, ≥ 1, or 0 for the method's default
     * @return a copy with that limit, the other fields unchanged
     */
    public OtOptions withMaxIterations(int n) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, density, n, diagonalShift, par, listener, densityGrowth);
    }

    /**
     * These options with the diagonal shift allowed or not.
     *
     * @param s whether SNS may shift the sparsified Hessian's diagonal
     * @return a copy with that setting, the other fields unchanged
     */
    public OtOptions withDiagonalShift(boolean s) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, density, maxIterations, s, par, listener, densityGrowth);
    }

    /**
     * These options with another parallelism.
     *
     * @param p how parallel the row and column reductions are
     * @return a copy with that parallelism, the other fields unchanged
     */
    public OtOptions withPar(Par p) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, density, maxIterations, diagonalShift, p, listener, densityGrowth);
    }

    /**
     * These options with SNS's density growth on (the default) or off (λ fixed, as in Algorithm 1).
     *
     * @param g whether the density grows after a Newton step that does not halve the marginal error
     * @return a copy with that setting, the other fields unchanged
     */
    public OtOptions withDensityGrowth(boolean g) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, density, maxIterations, diagonalShift, par, listener, g);
    }

    /**
     * These options with a listener (or none).
     *
     * @param l called after every iteration with the marginal error, or {@code null} for none
     * @return a copy with that listener, the other fields unchanged
     */
    public OtOptions withListener(IterationListener l) {
        return new OtOptions(method, eta, tolerance, sinkhornSteps, density, maxIterations, diagonalShift, par, l, densityGrowth);
    }
}
