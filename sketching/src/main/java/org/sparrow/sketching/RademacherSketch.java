package org.sparrow.sketching;

/**
 * S with i.i.d. ±1/√m entries (each sign with probability ½): a dense sketch with the same
 * subspace-embedding behaviour as the Gaussian one (Achlioptas 2003; Halko–Martinsson–Tropp 2011,
 * §4.6) and cheaper draws — 64 signs per 64-bit random word.
 *
 * <p>Tiles and the product are those of {@link DenseTileSketch}: entries ±1 are drawn row-major per
 * tile, bit {@code b} of each word (low bit first) giving −1 when set, and the product is scaled by
 * {@code 1/√m} once at the end, so E[SᵀS] = I. Cost as the Gaussian sketch, with cheaper draws.
 */
final class RademacherSketch extends DenseTileSketch {

    private static final long SALT = 0x72616465L; // "rade"

    RademacherSketch(int m, int n, long seed) {
        super(m, n, seed, SALT);
    }

    @Override
    public SketchKind kind() {
        return SketchKind.RADEMACHER;
    }

    @Override
    void draw(long state, double[] buf, int off, int count) {
        int i = off;
        int end = off + count;
        for (; i + 64 <= end; i += 64) {
            long bits = mix64(state += GOLDEN); // SplitMix64
            for (int b = 0; b < 64; b++) {
                buf[i + b] = 1.0 - 2.0 * ((bits >>> b) & 1L);
            }
        }
        if (i < end) {
            long bits = mix64(state += GOLDEN);
            for (int b = 0; i < end; b++, i++) {
                buf[i] = 1.0 - 2.0 * ((bits >>> b) & 1L);
            }
        }
    }

    @Override
    double scale() {
        return 1.0 / Math.sqrt(m);
    }
}
