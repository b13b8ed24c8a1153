package org.sparrow.sketching.lstsq;

import org.sparrow.sketching.SketchKind;

/**
 * Options of {@link LeastSquares#solve}.
 *
 * @param method        which method to run
 * @param sketch        the sketch family for the sketching methods (ignored by QR and LSQR), non-null
 * @param sketchRows    sketch rows m, ≥ 0; 0 lets the method choose: sketch-and-precondition takes
 *                      min({@value LeastSquares#DEFAULT_GAMMA}·d, n) (Blendenpik's γ·d), sketch-and-solve the
 *                      Song–Ye–Yin–Zhang formula m = C·ε⁻²·d·ln³(n/δ) (see {@link LeastSquares#formulaSketchRows}),
 *                      and refuses when that is ≥ n
 * @param epsilon       ε in (0, 1): the accuracy parameter of sketch-and-solve (formula for m and the ℓ∞ bound)
 * @param delta         δ in (0, 1): the failure probability in the sketch-and-solve formula
 * @param seed          the seed of the sketch; equal options give equal results
 * @param relativeTolerance tolerance in (0, 1) of the iterative methods (LSQR, sketch-and-precondition): they stop
 *                      when ‖Aᵀr‖/(‖A‖_F·‖r‖) ≤ tolerance or ‖r‖ ≤ tolerance·‖b‖; ignored by QR and sketch-and-solve
 * @param maxIterations iteration limit ≥ 1 of the iterative methods
 */
public record LeastSquaresOptions(LeastSquaresMethod method, SketchKind sketch, int sketchRows, double epsilon,
                                  double delta, long seed, double relativeTolerance, int maxIterations) {

    /** Checks every field, naming the one that is wrong. */
    public LeastSquaresOptions {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (sketch == null) {
            throw new IllegalArgumentException("sketch must not be null");
        }
        if (sketchRows < 0) {
            throw new IllegalArgumentException("sketch rows must be ≥ 0 (0: choose), got " + sketchRows);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum iterations must be ≥ 1, got " + maxIterations);
        }
    }

    /**
     * Sketch-and-precondition with an SRHT sketch of min(4·d, n) rows, ε = 0.5, δ = 0.01, seed 42,
     * tolerance 1e-12 (about the accuracy a backward-stable solver reaches on the normal equations),
     * at most 1000 iterations (a sketch-preconditioned solve needs a few dozen, whatever cond(A)).
     *
     * @return the defaults
     */
    public static LeastSquaresOptions defaults() {
        return new LeastSquaresOptions(LeastSquaresMethod.SKETCH_PRECONDITION, SketchKind.SRHT, 0, 0.5, 0.01, 42L,
                1e-12, 1000);
    }

    /**
     * These options with another method.
     *
     * @param m which method to run
     * @return a copy with that method, the other fields unchanged
     */
    public LeastSquaresOptions withMethod(LeastSquaresMethod m) {
        return new LeastSquaresOptions(m, sketch, sketchRows, epsilon, delta, seed, relativeTolerance, maxIterations);
    }

    /**
     * These options with another sketch family.
     *
     * @param k the sketch family
     * @return a copy with that family, the other fields unchanged
     */
    public LeastSquaresOptions withSketch(SketchKind k) {
        return new LeastSquaresOptions(method, k, sketchRows, epsilon, delta, seed, relativeTolerance, maxIterations);
    }

    /**
     * These options with another number of sketch rows (0: choose).
     *
     * @param m sketch rows, ≥ 0; 0 lets the method choose
     * @return a copy with that number, the other fields unchanged
     */
    public LeastSquaresOptions withSketchRows(int m) {
        return new LeastSquaresOptions(method, sketch, m, epsilon, delta, seed, relativeTolerance, maxIterations);
    }

    /**
     * These options with another ε.
     *
     * @param e ε in (0, 1)
     * @return a copy with that ε, the other fields unchanged
     */
    public LeastSquaresOptions withEpsilon(double e) {
        return new LeastSquaresOptions(method, sketch, sketchRows, e, delta, seed, relativeTolerance, maxIterations);
    }

    /**
     * These options with another δ.
     *
     * @param d δ in (0, 1)
     * @return a copy with that δ, the other fields unchanged
     */
    public LeastSquaresOptions withDelta(double d) {
        return new LeastSquaresOptions(method, sketch, sketchRows, epsilon, d, seed, relativeTolerance, maxIterations);
    }

    /**
     * These options with another seed.
     *
     * @param s the seed of the sketch
     * @return a copy with that seed, the other fields unchanged
     */
    public LeastSquaresOptions withSeed(long s) {
        return new LeastSquaresOptions(method, sketch, sketchRows, epsilon, delta, s, relativeTolerance, maxIterations);
    }

    /**
     * These options with another relative tolerance.
     *
     * @param t tolerance in (0, 1) of the iterative methods
     * @return a copy with that tolerance, the other fields unchanged
     */
    public LeastSquaresOptions withRelativeTolerance(double t) {
        return new LeastSquaresOptions(method, sketch, sketchRows, epsilon, delta, seed, t, maxIterations);
    }

    /**
     * These options with another iteration limit.
     *
     * @param n iteration limit of the iterative methods, ≥ 1
     * @return a copy with that limit, the other fields unchanged
     */
    public LeastSquaresOptions withMaxIterations(int n) {
        return new LeastSquaresOptions(method, sketch, sketchRows, epsilon, delta, seed, relativeTolerance, n);
    }
}
