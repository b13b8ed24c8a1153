package org.sparrow.sketching;

/**
 * S with i.i.d. N(0, 1/m) entries: the Gaussian test matrix of Halko–Martinsson–Tropp (SIAM Review
 * 53(2), 2011), and a dense sketch in the sense of Song–Ye–Yin–Zhang (ICML 2023), whose
 * sketch-and-solve solutions carry an ℓ∞ error guarantee that sparse sketches lack.
 *
 * <p>Standard normal draws come from the {@link Ziggurat} (Marsaglia–Tsang 2000 on SplitMix64), one
 * stream per 8 × 128 tile (see {@link DenseTileSketch}), so S is the same on every platform and JVM;
 * the product is scaled by {@code 1/√m} once at the end, so E[SᵀS] = I. Cost of {@code S·A} for a
 * dense {@code n × d} A: {@code m·n} normal draws and {@code 2·m·n·d} flops; for a sparse A,
 * {@code m·nnz(A)} multiply-adds and draws only for the tiles that meet a nonempty row.
 */
final class GaussianSketch extends DenseTileSketch {

    private static final long SALT = 0x6761757373L; // "gauss"

    GaussianSketch(int m, int n, long seed) {
        super(m, n, seed, SALT);
    }

    @Override
    public SketchKind kind() {
        return SketchKind.GAUSSIAN;
    }

    @Override
    void draw(long state, double[] buf, int off, int count) {
        Ziggurat.fill(state, buf, off, count);
    }

    @Override
    double scale() {
        return 1.0 / Math.sqrt(m);
    }
}
