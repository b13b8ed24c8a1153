package org.sparrow.sketching;

/**
 * Standard normal draws by the ziggurat method of Marsaglia and Tsang ("The Ziggurat Method for
 * Generating Random Variables", J. Stat. Software 5(8), 2000), 128 layers, driven by SplitMix64
 * (Steele–Lea–Flood, OOPSLA 2014: {@code state += γ; output = mix64(state)}).
 *
 * <p>Each 64-bit word gives the layer from its low 7 bits and a signed 53-bit abscissa from its top
 * 53 bits, so the two never share bits (the defect Doornik pointed out in the original 32-bit
 * version, "An Improved Ziggurat Method to Generate Normal Random Samples", 2005). About 98.8% of
 * draws take one word, a table lookup, a comparison and a multiplication; the rest fall to the
 * wedge or tail tests, whose outcomes are those of {@link StrictMath} (as is the table set-up), so the
 * stream is the same on every platform and JVM: a draw is a deterministic function of the starting
 * state.
 */
final class Ziggurat {

    /** Right edge of the base layer. */
    private static final double R = 3.442619855899;
    /** Area of each layer. */
    private static final double V = 9.91256303526217e-3;
    /** Scale of the signed 53-bit abscissa. */
    private static final double M1 = 0x1p52;

    private static final long[] KN = new long[128];
    private static final double[] WN = new double[128];
    private static final double[] FN = new double[128];

    static {
        double dn = R;
        double tn = dn;
        double q = V / StrictMath.exp(-0.5 * dn * dn);
        KN[0] = (long) ((dn / q) * M1);
        KN[1] = 0;
        WN[0] = q / M1;
        WN[127] = dn / M1;
        FN[0] = 1.0;
        FN[127] = StrictMath.exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--) {
            dn = StrictMath.sqrt(-2.0 * StrictMath.log(V / dn + StrictMath.exp(-0.5 * dn * dn)));
            KN[i + 1] = (long) ((dn / tn) * M1);
            tn = dn;
            FN[i] = StrictMath.exp(-0.5 * dn * dn);
            WN[i] = dn / M1;
        }
    }

    private Ziggurat() {
    }

    /**
     * Fills {@code buf[off, off + count)} with standard normal draws from the SplitMix64 stream that
     * starts at {@code state}.
     */
    static void fill(long state, double[] buf, int off, int count) {
        long[] slowState = null;
        for (int i = off, end = off + count; i < end; i++) {
            long u = AbstractSketch.mix64(state += AbstractSketch.GOLDEN);
            int layer = (int) u & 127;
            long hz = u >> 11; // signed, in [−2^52, 2^52)
            if (Math.abs(hz) < KN[layer]) {
                buf[i] = hz * WN[layer];
            } else {
                if (slowState == null) {
                    slowState = new long[1];
                }
                slowState[0] = state;
                buf[i] = slow(hz, layer, slowState);
                state = slowState[0];
            }
        }
    }

    /** The rejection loop for a draw outside its layer's rectangle core (Marsaglia–Tsang's nfix). */
    private static double slow(long hz, int layer, long[] state) {
        while (true) {
            double x = hz * WN[layer];
            if (layer == 0) { // the tail beyond R, by Marsaglia's exponential method
                double y;
                do {
                    x = -StrictMath.log(uniform(state)) / R;
                    y = -StrictMath.log(uniform(state));
                } while (y + y < x * x);
                return hz > 0 ? R + x : -R - x;
            }
            if (belowDensity(FN[layer] + uniform(state) * (FN[layer - 1] - FN[layer]), x)) {
                return x; // inside the wedge
            }
            long u = AbstractSketch.mix64(state[0] += AbstractSketch.GOLDEN);
            layer = (int) u & 127;
            hz = u >> 11;
            if (Math.abs(hz) < KN[layer]) {
                return hz * WN[layer];
            }
        }
    }

    /**
     * Whether {@code y < exp(−x²/2)} as {@link StrictMath#exp} decides it, for the wedge test. Both
     * {@code Math.exp} and {@code StrictMath.exp} are within 1 ulp of the exact value, hence within 2
     * ulps of each other; so the fast intrinsic decides every comparison that is not within a relative
     * 1e-14 of the threshold exactly as the strict one would, and the strict one settles the rest — the
     * stream stays platform-independent without paying for {@code StrictMath} on every wedge draw.
     */
    private static boolean belowDensity(double y, double x) {
        double v = -0.5 * x * x;
        double e = Math.exp(v);
        if (Math.abs(y - e) > 1e-14 * e) {
            return y < e;
        }
        return y < StrictMath.exp(v);
    }

    /** A uniform draw in (0, 1), never 0 or 1. */
    private static double uniform(long[] state) {
        long u = AbstractSketch.mix64(state[0] += AbstractSketch.GOLDEN);
        return ((u >>> 11) + 0.5) * 0x1p-53;
    }
}
