package org.sparrow.solvers.krylov;

import org.sparrow.core.ops.Reductions;

/**
 * The level-1 vector kernels the Krylov solvers share: plain loops over whole arrays of equal
 * length, no allocation, no checks (the solvers size every work vector themselves).
 */
final class Vectors {

    private Vectors() {
    }

    /** xᵀy. Four partial sums break the dependency chain of the additions; the order is fixed, so the result is deterministic. */
    static double dot(double[] x, double[] y) {
        int n = x.length;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** ‖x‖₂, never overflowing or underflowing (falls back to {@link Reductions#norm2}). */
    static double norm(double[] x) {
        // One pass, sqrt(xᵀx), on the hot path of every iteration; the two-pass scaled norm only when the
        // sum of squares overflowed or underflowed (a nonzero x whose squares vanish).
        double ss = dot(x, x);
        if (ss > Double.MIN_NORMAL && ss < Double.POSITIVE_INFINITY) {
            return Math.sqrt(ss);
        }
        return Reductions.norm2(x, 0, x.length);
    }

    /** y = a·x + y. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** y = x + b·y. */
    static void xpby(double[] x, double b, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] + b * y[i];
        }
    }

    /** y = a·x (y may be x). */
    static void scale(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = a * x[i];
        }
    }

    /** y = x. */
    static void copy(double[] x, double[] y) {
        System.arraycopy(x, 0, y, 0, y.length);
    }

    /** The first index holding NaN or ±∞, or −1 when every entry is finite. */
    static int firstNonFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }
}
