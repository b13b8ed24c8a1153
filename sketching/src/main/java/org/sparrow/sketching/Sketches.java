package org.sparrow.sketching;

/**
 * Builds sketches. Every factory checks the shape ({@code 1 ≤ m}, {@code 1 ≤ n}; sampling sketches
 * also need {@code m ≤ n}) and says which argument is wrong.
 */
public final class Sketches {

    /** Nonzeros per column of an OSNAP sketch when none is given. */
    public static final int DEFAULT_OSNAP_NONZEROS = 8;

    private Sketches() {
    }

    /**
     * A sketch of the given kind; OSNAP gets {@link #DEFAULT_OSNAP_NONZEROS} nonzeros per column
     * (fewer when m is smaller).
     *
     * @param kind the family
     * @param m    sketch rows (the reduced dimension), ≥ 1
     * @param n    columns (the dimension being reduced), ≥ 1
     * @param seed the seed; equal arguments give the same operator
     */
    public static Sketch create(SketchKind kind, int m, int n, long seed) {
        return switch (kind) {
            case GAUSSIAN -> gaussian(m, n, seed);
            case RADEMACHER, SRHT, COUNTSKETCH, OSNAP ->
                    throw new UnsupportedOperationException(kind.cliName() + " sketch is not built yet");
        };
    }

    /** An {@code m × n} Gaussian sketch with N(0, 1/m) entries. */
    public static Sketch gaussian(int m, int n, long seed) {
        checkShape(m, n);
        return new GaussianSketch(m, n, seed);
    }

    static void checkShape(int m, int n) {
        if (m < 1) {
            throw new IllegalArgumentException("sketch rows m must be ≥ 1, got " + m);
        }
        if (n < 1) {
            throw new IllegalArgumentException("sketch columns n must be ≥ 1, got " + n);
        }
    }
}
