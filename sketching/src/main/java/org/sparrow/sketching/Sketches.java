package org.sparrow.sketching;

/**
 * Builds sketches. Every factory checks the shape and says which argument is wrong: {@code m ≥ 1},
 * {@code n ≥ 1}; the SRHT samples rows of the padded transform, so it needs
 * {@code m ≤ N = 2^⌈log₂ n⌉}; OSNAP needs {@code 1 ≤ s ≤ m}. The Gaussian, Rademacher, CountSketch
 * and OSNAP sketches accept any {@code m ≥ 1} (m &gt; n is legal, if pointless).
 *
 * <p>Equal arguments give the same operator, on every machine, JVM and thread count: every random
 * choice comes from SplitMix64 streams started at hashes of the seed (no {@code java.util.Random}
 * algorithm is involved).
 *
 * <p>Which to choose: Gaussian and Rademacher are dense ({@code 2·m·n·d} flops for an {@code n × d} A)
 * and carry the ℓ∞ guarantee of Song–Ye–Yin–Zhang (ICML 2023); the SRHT is dense in that sense too but
 * costs only {@code O(n·d·log m)}; CountSketch and OSNAP cost {@code O(nnz(A))} and
 * {@code O(s·nnz(A))} and need more rows for the same distortion (m ≈ d² for CountSketch).
 */
public final class Sketches {

    /** Nonzeros per column of an OSNAP sketch when none is given. */
    public static final int DEFAULT_OSNAP_NONZEROS = 8;

    private Sketches() {
    }

    /**
     * A sketch of the given kind; OSNAP gets {@link #DEFAULT_OSNAP_NONZEROS} nonzeros per column
     * (m when m is smaller).
     *
     * @param kind the family
     * @param m    sketch rows (the reduced dimension), ≥ 1; for the SRHT ≤ {@link #srhtPaddedLength(int)}
     * @param n    columns (the dimension being reduced), ≥ 1
     * @param seed the seed; equal arguments give the same operator
     * @return the {@code m × n} sketch
     * @throws IllegalArgumentException naming the bad argument
     */
    public static Sketch create(SketchKind kind, int m, int n, long seed) {
        if (kind == null) {
            throw new IllegalArgumentException("sketch kind is null");
        }
        return switch (kind) {
            case GAUSSIAN -> gaussian(m, n, seed);
            case RADEMACHER -> rademacher(m, n, seed);
            case SRHT -> srht(m, n, seed);
            case COUNTSKETCH -> countSketch(m, n, seed);
            case OSNAP -> osnap(m, n, Math.min(DEFAULT_OSNAP_NONZEROS, Math.max(m, 1)), seed);
        };
    }

    /**
     * An {@code m × n} Gaussian sketch: i.i.d. N(0, 1/m) entries (Halko–Martinsson–Tropp 2011).
     * {@code S·A} costs {@code m·n} normal draws and {@code 2·m·n·d} flops.
     *
     * @param m    sketch rows, ≥ 1
     * @param n    columns, ≥ 1
     * @param seed the seed
     * @return the sketch
     */
    public static Sketch gaussian(int m, int n, long seed) {
        checkShape(m, n);
        return new GaussianSketch(m, n, seed);
    }

    /**
     * An {@code m × n} Rademacher sketch: i.i.d. ±1/√m entries. {@code S·A} costs {@code 2·m·n·d} flops.
     *
     * @param m    sketch rows, ≥ 1
     * @param n    columns, ≥ 1
     * @param seed the seed
     * @return the sketch
     */
    public static Sketch rademacher(int m, int n, long seed) {
        checkShape(m, n);
        return new RademacherSketch(m, n, seed);
    }

    /**
     * An {@code m × n} subsampled randomized Hadamard transform {@code √(N/m)·P·(H_N/√N)·D}
     * (Ailon–Chazelle 2009; Tropp 2011) with n zero-padded to {@code N = 2^⌈log₂ n⌉} and m rows sampled
     * uniformly without replacement; entries ±1/√m. {@code S·A} costs {@code O(n·d·log m)}.
     *
     * @param m    sketch rows, {@code 1 ≤ m ≤ N}
     * @param n    columns, ≥ 1
     * @param seed the seed
     * @return the sketch
     */
    public static Sketch srht(int m, int n, long seed) {
        checkShape(m, n);
        return new SrhtSketch(m, n, seed); // checks m ≤ N
    }

    /**
     * The padded length {@code N = 2^⌈log₂ n⌉} of an SRHT on n columns: the largest m it accepts.
     *
     * @param n columns, ≥ 1
     * @return N
     */
    public static long srhtPaddedLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sketch columns n must be ≥ 1, got " + n);
        }
        return FastWalshHadamard.paddedLength(n);
    }

    /**
     * An {@code m × n} CountSketch (Clarkson–Woodruff 2013): one ±1 per column, in a uniformly random
     * row. {@code S·A} costs {@code O(nnz(A))}.
     *
     * @param m    sketch rows, ≥ 1
     * @param n    columns, ≥ 1
     * @param seed the seed
     * @return the sketch
     */
    public static Sketch countSketch(int m, int n, long seed) {
        checkShape(m, n);
        return new HashingSketch(SketchKind.COUNTSKETCH, m, n, 1, seed);
    }

    /**
     * An {@code m × n} OSNAP sketch (Nelson–Nguyen 2013) with s nonzeros ±1/√s per column, one in each
     * of s blocks of rows (so in distinct rows). {@code S·A} costs {@code O(s·nnz(A))}.
     *
     * @param m    sketch rows, ≥ 1
     * @param n    columns, ≥ 1
     * @param s    nonzeros per column, {@code 1 ≤ s ≤ m}
     * @param seed the seed
     * @return the sketch
     */
    public static Sketch osnap(int m, int n, int s, long seed) {
        checkShape(m, n);
        if (s < 1 || s > m) {
            throw new IllegalArgumentException("OSNAP nonzeros per column s must be in [1, m = " + m + "], got " + s);
        }
        return new HashingSketch(SketchKind.OSNAP, m, n, s, seed);
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
