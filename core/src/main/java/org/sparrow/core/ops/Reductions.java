package org.sparrow.core.ops;

/** Vector reductions that must not overflow or underflow on extreme values. */
public final class Reductions {

    private Reductions() {
    }

    /**
     * The Euclidean norm sqrt(Σ v_k²) of {@code v[from..to)}, computed as {@code s·sqrt(Σ (v_k/s)²)}
     * with {@code s = max |v_k|}, so entries near {@code Double.MAX_VALUE} or the subnormal range do
     * not overflow or vanish. NaN if any entry is NaN; infinite if any entry is infinite.
     */
    public static double norm2(double[] v, int from, int to) {
        double scale = 0.0;
        for (int k = from; k < to; k++) {
            double a = Math.abs(v[k]);
            if (a > scale || Double.isNaN(a)) {
                scale = a;
                if (Double.isNaN(a)) {
                    return Double.NaN;
                }
            }
        }
        if (scale == 0.0 || Double.isInfinite(scale)) {
            return scale;
        }
        // Scale by a power of two, which is exact: the largest entry maps into [1, 2) with no rounding.
        int e = Math.getExponent(scale);
        double sum = 0.0;
        if (e > -1000 && e < 1000) { // 2^-e is a normal double: multiplying by it is exact
            double down = Math.scalb(1.0, -e);
            for (int k = from; k < to; k++) {
                double r = v[k] * down;
                sum += r * r;
            }
        } else {
            for (int k = from; k < to; k++) {
                double r = Math.scalb(v[k], -e);
                sum += r * r;
            }
        }
        return Math.scalb(Math.sqrt(sum), e);
    }
}
