package org.sparrow.core.ops;

import org.sparrow.core.LinearOperator;

/**
 * Level-1 BLAS on {@code double[]} vectors (dot, axpy, scal, copy, nrm2; dot and axpy also on
 * stretches of arrays, such as the rows of a row-major matrix) plus the combinations iterative
 * methods need: the residual b − A·x and fused kernels that do an iteration's vector updates and
 * dot products in one sweep over memory ({@link #axpyNorm}, {@link #axpyDot}, {@link #dot2}, {@link #axpyAxpyDot},
 * {@link #axpbyAxpyDots}). Each fused kernel gives the unfused sequence's result bit for bit (same
 * expressions, same four partial sums), so a solver that switches to them takes the same iterates.
 *
 * <p>Every kernel here runs on the caller's thread, at any length: a hand-off to the pool costs
 * about as much as 25,000 element updates on the machine measured, and past the cache one core
 * nearly saturates memory, so no length gained from a second thread
 * ({@code benchmarks/results/kernels/blas1-threshold.md}); the fused kernels save sweeps instead.
 *
 * <p>Flat loops, no allocation (except {@link #residual(LinearOperator, double[], double[])}, which
 * returns a new array; its other form writes into the caller's), deterministic: a sum is always added
 * in the same order, so equal inputs give bit-identical results. The checks are O(1) (lengths, null)
 * and never scan the data. Sums use four partial sums, added as (s0 + s1) + (s2 + s3), which breaks
 * the dependency chain of the additions so four are in flight at once.
 *
 * <p>{@link #norm2} never overflows or underflows (as LAPACK's {@code dnrm2}), but does it the cheap
 * way first: one pass computing {@code sqrt(xᵀx)}, and only when that sum of squares overflowed or
 * fell below the normal range (squares that vanished or lost digits) a second pass scaled by a power
 * of two, which adds no rounding (the scaling of Anderson, "Algorithm 978: Safe scaling in the Level 1
 * BLAS", ACM TOMS 44(1), 2017).
 */
public final class Blas {

    private Blas() {
    }

    /**
     * xᵀy = Σ x_i·y_i.
     *
     * @param x Input, length n.
     * @param y Input, length n.
     * @return the dot product (0 for n = 0; NaN or ±∞ propagate)
     * @throws IllegalArgumentException if a vector is null or the lengths differ
     */
    public static double dot(double[] x, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        return dotRange(x, y, 0, x.length);
    }

    /**
     * Σ_j x[xOffset + j]·y[yOffset + j] for {@code 0 ≤ j < n}: the dot product of two stretches of
     * arrays (a row of a row-major matrix and a vector, say), added as {@link #dot(double[], double[])}.
     *
     * @param x       Input.
     * @param xOffset first entry of x used
     * @param y       Input.
     * @param yOffset first entry of y used
     * @param n       number of terms, ≥ 0
     * @return the dot product
     */
    public static double dot(double[] x, int xOffset, double[] y, int yOffset, int n) {
        checkStretch("x", x, xOffset, n);
        checkStretch("y", y, yOffset, n);
        return dotKernel(x, xOffset, y, yOffset, n);
    }

    /** The dot kernel without checks, for this package's kernels that have checked their shapes once. */
    static double dotKernel(double[] x, int xOffset, double[] y, int yOffset, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[xOffset + j] * y[yOffset + j];
            s1 += x[xOffset + j + 1] * y[yOffset + j + 1];
            s2 += x[xOffset + j + 2] * y[yOffset + j + 2];
            s3 += x[xOffset + j + 3] * y[yOffset + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[xOffset + j] * y[yOffset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code y = a·x + y}.
     *
     * @param a scalar
     * @param x Input, length n.
     * @param y Input and Output, length n; updated in place (may be x).
     */
    public static void axpy(double a, double[] x, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * {@code y[yOffset + j] += a·x[xOffset + j]} for {@code 0 ≤ j < n}: axpy on stretches of arrays.
     *
     * @param a       scalar
     * @param x       Input.
     * @param xOffset first entry of x used
     * @param y       Input and Output; the n entries from yOffset are updated.
     * @param yOffset first entry of y updated
     * @param n       number of entries, ≥ 0
     */
    public static void axpy(double a, double[] x, int xOffset, double[] y, int yOffset, int n) {
        checkStretch("x", x, xOffset, n);
        checkStretch("y", y, yOffset, n);
        axpyKernel(a, x, xOffset, y, yOffset, n);
    }

    /** The axpy kernel without checks, for this package's kernels that have checked their shapes once. */
    static void axpyKernel(double a, double[] x, int xOffset, double[] y, int yOffset, int n) {
        for (int j = 0; j < n; j++) {
            y[yOffset + j] += a * x[xOffset + j];
        }
    }

    /**
     * {@code y = x + b·y}.
     *
     * @param x Input, length n.
     * @param b scalar
     * @param y Input and Output, length n; updated in place.
     */
    public static void xpby(double[] x, double b, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] + b * y[i];
        }
    }

    /**
     * {@code y = a·x} (BLAS {@code scal} when y is x).
     *
     * @param a scalar
     * @param x Input, length n.
     * @param y Output, length n; overwritten (may be x).
     */
    public static void scale(double a, double[] x, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        for (int i = 0; i < y.length; i++) {
            y[i] = a * x[i];
        }
    }

    /**
     * {@code y = x}.
     *
     * @param x Input, length n.
     * @param y Output, length n; overwritten.
     */
    public static void copy(double[] x, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        System.arraycopy(x, 0, y, 0, y.length);
    }

    /**
     * The fused update-and-norm {@code y = a·x + y}, returning the new {@code ‖y‖₂} — one sweep over
     * memory instead of two (an axpy then a norm), e.g. the residual update {@code r = r − α·q} of CG.
     * The result equals {@code axpy(a, x, y); norm2(y)} bit for bit.
     *
     * @param a scalar
     * @param x Input, length n.
     * @param y Input and Output, length n; updated in place.
     * @return ‖y‖₂ after the update, as {@link #norm2(double[])} computes it
     */
    public static double axpyNorm(double a, double[] x, double[] y) {
        Checks.checkSameLength("x", x, "y", y);
        int n = y.length;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) { // the same four partial sums as dotRange, so the norm is the same
            double y0 = y[i] + a * x[i];
            double y1 = y[i + 1] + a * x[i + 1];
            double y2 = y[i + 2] + a * x[i + 2];
            double y3 = y[i + 3] + a * x[i + 3];
            y[i] = y0;
            y[i + 1] = y1;
            y[i + 2] = y2;
            y[i + 3] = y3;
            s0 += y0 * y0;
            s1 += y1 * y1;
            s2 += y2 * y2;
            s3 += y3 * y3;
        }
        for (; i < n; i++) {
            double yi = y[i] + a * x[i];
            y[i] = yi;
            s0 += yi * yi;
        }
        return normFromSum((s0 + s1) + (s2 + s3), y, 0, n);
    }

    /**
     * Two dot products that share a vector, in one sweep: {@code out[0] = xᵀy}, {@code out[1] = xᵀz}
     * (e.g. BiCGSTAB's {@code (t, t)} and {@code (t, s)}, or {@code (v, r̂)} and {@code (v, v)}). Each
     * equals {@link #dot(double[], double[])} of its pair bit for bit (the same four partial sums).
     *
     * @param x   Input, length n.
     * @param y   Input, length n (may be x).
     * @param z   Input, length n (may be x or y).
     * @param out Output, length ≥ 2: the two dot products in entries 0 and 1.
     * @throws IllegalArgumentException if a vector is null, the lengths differ or {@code out} is too short
     */
    public static void dot2(double[] x, double[] y, double[] z, double[] out) {
        Checks.checkSameLength("x", x, "y", y);
        Checks.checkSameLength("x", x, "z", z);
        checkOut(out, 2);
        int n = x.length;
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
        double b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) { // the partial sums of dotKernel, two sets at once
            a0 += x[i] * y[i];
            a1 += x[i + 1] * y[i + 1];
            a2 += x[i + 2] * y[i + 2];
            a3 += x[i + 3] * y[i + 3];
            b0 += x[i] * z[i];
            b1 += x[i + 1] * z[i + 1];
            b2 += x[i + 2] * z[i + 2];
            b3 += x[i + 3] * z[i + 3];
        }
        for (; i < n; i++) {
            a0 += x[i] * y[i];
            b0 += x[i] * z[i];
        }
        out[0] = (a0 + a1) + (a2 + a3);
        out[1] = (b0 + b1) + (b2 + b3);
    }

    /**
     * {@code y = a·x + y}, returning the new {@code yᵀz}, in one sweep instead of two: the step of
     * modified Gram–Schmidt that removes one basis vector and takes the coefficient of the next
     * (GMRES's Arnoldi loop). Equals {@code axpy(a, x, y); dot(y, z)} bit for bit.
     *
     * @param a scalar
     * @param x Input, length n.
     * @param y Input and Output, length n; updated in place (an array of its own: not x or z).
     * @param z Input, length n.
     * @return yᵀz after the update
     * @throws IllegalArgumentException if a vector is null, the lengths differ, or y is x or z
     */
    public static double axpyDot(double a, double[] x, double[] y, double[] z) {
        Checks.checkSameLength("x", x, "y", y);
        Checks.checkSameLength("y", y, "z", z);
        if (y == x || y == z) {
            throw new IllegalArgumentException("y must be an array of its own: it is updated while x and z are read");
        }
        int n = y.length;
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double y0 = y[i] + a * x[i];
            double y1 = y[i + 1] + a * x[i + 1];
            double y2 = y[i + 2] + a * x[i + 2];
            double y3 = y[i + 3] + a * x[i + 3];
            y[i] = y0;
            y[i + 1] = y1;
            y[i + 2] = y2;
            y[i + 3] = y3;
            s0 += y0 * z[i];
            s1 += y1 * z[i + 1];
            s2 += y2 * z[i + 2];
            s3 += y3 * z[i + 3];
        }
        for (; i < n; i++) {
            double yi = y[i] + a * x[i];
            y[i] = yi;
            s0 += yi * z[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The fused update of a Krylov iteration, in one sweep over memory instead of three:
     * {@code x = x + a·p}, {@code r = r + b·q}, returning the new {@code rᵀr}. In CG ({@code a = α},
     * {@code b = −α}, q = A·p) that is the step, the residual update and, without a preconditioner,
     * the next {@code ρ = rᵀr}; {@link #norm2FromSquares(double, double[])} turns it into ‖r‖₂. The
     * results equal {@code axpy(a, p, x); axpy(b, q, r); dot(r, r)} bit for bit.
     *
     * @param a scalar for p
     * @param p Input, length n.
     * @param x Input and Output, length n; updated in place.
     * @param b scalar for q
     * @param q Input, length n.
     * @param r Input and Output, length n; updated in place (an array of its own: not p, x or q).
     * @return rᵀr after the update
     * @throws IllegalArgumentException if a vector is null, the lengths differ, or r is one of the others
     */
    public static double axpyAxpyDot(double a, double[] p, double[] x, double b, double[] q, double[] r) {
        Checks.checkSameLength("p", p, "x", x);
        Checks.checkSameLength("q", q, "r", r);
        Checks.checkSameLength("x", x, "r", r);
        if (r == p || r == x || r == q) {
            throw new IllegalArgumentException("r must be an array of its own: it is updated while the others are read");
        }
        int n = r.length;
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            x[i] += a * p[i];
            x[i + 1] += a * p[i + 1];
            x[i + 2] += a * p[i + 2];
            x[i + 3] += a * p[i + 3];
            double r0 = r[i] + b * q[i];
            double r1 = r[i + 1] + b * q[i + 1];
            double r2 = r[i + 2] + b * q[i + 2];
            double r3 = r[i + 3] + b * q[i + 3];
            r[i] = r0;
            r[i + 1] = r1;
            r[i + 2] = r2;
            r[i + 3] = r3;
            s0 += r0 * r0;
            s1 += r1 * r1;
            s2 += r2 * r2;
            s3 += r3 * r3;
        }
        for (; i < n; i++) {
            x[i] += a * p[i];
            double ri = r[i] + b * q[i];
            r[i] = ri;
            s0 += ri * ri;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * BiCGSTAB's closing update in one sweep instead of three: {@code x = x + a·p + b·s},
     * {@code r = r + c·t}, then {@code out[0] = rᵀr} and {@code out[1] = wᵀr} (w the shadow residual
     * r̂, whose product with r is the next iteration's ρ). Bit for bit the loop
     * {@code x[i] += a·p[i] + b·s[i]}, then {@code axpy(c, t, r)}, {@code dot(r, r)} and {@code dot(w, r)}.
     *
     * @param a   scalar for p
     * @param p   Input, length n.
     * @param b   scalar for s
     * @param s   Input, length n.
     * @param x   Input and Output, length n; updated in place.
     * @param c   scalar for t
     * @param t   Input, length n.
     * @param r   Input and Output, length n; updated in place (may be s: it is read before it is written).
     * @param w   Input, length n.
     * @param out Output, length ≥ 2: rᵀr and wᵀr after the update.
     * @throws IllegalArgumentException if a vector is null, the lengths differ, {@code out} is too short,
     *     or x or r aliases an input other than s
     */
    public static void axpbyAxpyDots(double a, double[] p, double b, double[] s, double[] x, double c, double[] t,
                                     double[] r, double[] w, double[] out) {
        Checks.checkSameLength("p", p, "x", x);
        Checks.checkSameLength("s", s, "x", x);
        Checks.checkSameLength("t", t, "x", x);
        Checks.checkSameLength("r", r, "x", x);
        Checks.checkSameLength("w", w, "x", x);
        checkOut(out, 2);
        if (x == p || x == s || x == t || x == r || x == w || r == p || r == t || r == w) {
            throw new IllegalArgumentException("x and r must be arrays of their own (r may be s): they are updated "
                    + "while the others are read");
        }
        int n = x.length;
        double q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0;
        double d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            x[i] += a * p[i] + b * s[i];
            x[i + 1] += a * p[i + 1] + b * s[i + 1];
            x[i + 2] += a * p[i + 2] + b * s[i + 2];
            x[i + 3] += a * p[i + 3] + b * s[i + 3];
            double r0 = r[i] + c * t[i];
            double r1 = r[i + 1] + c * t[i + 1];
            double r2 = r[i + 2] + c * t[i + 2];
            double r3 = r[i + 3] + c * t[i + 3];
            r[i] = r0;
            r[i + 1] = r1;
            r[i + 2] = r2;
            r[i + 3] = r3;
            q0 += r0 * r0;
            q1 += r1 * r1;
            q2 += r2 * r2;
            q3 += r3 * r3;
            d0 += w[i] * r0;
            d1 += w[i + 1] * r1;
            d2 += w[i + 2] * r2;
            d3 += w[i + 3] * r3;
        }
        for (; i < n; i++) {
            x[i] += a * p[i] + b * s[i];
            double ri = r[i] + c * t[i];
            r[i] = ri;
            q0 += ri * ri;
            d0 += w[i] * ri;
        }
        out[0] = (q0 + q1) + (q2 + q3);
        out[1] = (d0 + d1) + (d2 + d3);
    }

    /**
     * ‖x‖₂ from a sum of squares {@code ss = xᵀx} a fused kernel already computed (the four-partial-sum
     * order of {@link #dot(double[], double[])}): {@code sqrt(ss)} when that sum is a normal finite
     * number, else the scaled pass over x of {@link #norm2(double[])}. The result equals
     * {@code norm2(x)} bit for bit, without a second sweep in the usual case.
     *
     * @param ss {@code dot(x, x)}
     * @param x  Input: the vector the sum was taken over.
     * @return ‖x‖₂
     */
    public static double norm2FromSquares(double ss, double[] x) {
        Checks.checkNotNull(x, "x");
        return normFromSum(ss, x, 0, x.length);
    }

    /**
     * ‖x‖₂ = sqrt(Σ x_i²), never overflowing or underflowing: entries near 1e300 or 1e-300 give the
     * correctly scaled norm. One pass when the sum of squares stays in range (the usual case), else
     * the exact power-of-two-scaled two-pass norm of the class comment.
     *
     * @param x Input, length n.
     * @return the norm: +0.0 for n = 0 or a zero vector, NaN if any entry is NaN, +∞ if any entry is
     *     infinite (and none is NaN)
     */
    public static double norm2(double[] x) {
        Checks.checkNotNull(x, "x");
        return norm2(x, 0, x.length);
    }

    /**
     * ‖x[from..to)‖₂, as {@link #norm2(double[])} for the entries {@code from ≤ k < to}.
     *
     * @param x    Input.
     * @param from first index, inclusive
     * @param to   last index, exclusive; {@code 0 ≤ from ≤ to ≤ x.length}
     * @return the norm of the range (+0.0 for an empty range)
     */
    public static double norm2(double[] x, int from, int to) {
        Checks.checkNotNull(x, "x");
        if (from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") ends before it starts");
        }
        checkStretch("x", x, from, to - from);
        return normFromSum(dotRange(x, x, from, to), x, from, to);
    }

    /**
     * The index of the first NaN or ±∞ in x, or −1 when every entry is finite.
     *
     * @param x Input.
     * @return a 0-based array index (add 1 before printing it: messages count from 1), or −1
     */
    public static int firstNonFinite(double[] x) {
        Checks.checkNotNull(x, "x");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The residual {@code r = b − A·x} into the caller's array.
     *
     * @param a Input: the operator, m×n.
     * @param x Input, length n.
     * @param b Input, length m.
     * @param r Output, length m; overwritten (an array of its own: neither x nor b).
     */
    public static void residual(LinearOperator a, double[] x, double[] b, double[] r) {
        Checks.checkNotNull(a, "A");
        Checks.checkLength("x", x, a.cols(), "A", a.rows(), a.cols(), "its column count, for b − A·x");
        Checks.checkLength("b", b, a.rows(), "A", a.rows(), a.cols(), "its row count, for b − A·x");
        Checks.checkLength("r", r, a.rows(), "A", a.rows(), a.cols(), "its row count, for b − A·x");
        if (r == x || r == b) { // A·x is written into r before x and b are read
            throw new IllegalArgumentException("r must be an array of its own, not " + (r == x ? "x" : "b")
                    + ": A·x is written into r before " + (r == x ? "x" : "b") + " is read");
        }
        a.apply(x, r);
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] - r[i]; // r = b − A·x
        }
    }

    /**
     * The residual {@code b − A·x} in a new array.
     *
     * @param a Input: the operator, m×n.
     * @param x Input, length n.
     * @param b Input, length m.
     * @return b − A·x, length m
     */
    public static double[] residual(LinearOperator a, double[] x, double[] b) {
        Checks.checkNotNull(a, "A");
        double[] r = new double[a.rows()];
        residual(a, x, b, r);
        return r;
    }

    /** Σ x_k·y_k over [from, to), added as the offset form adds. */
    private static double dotRange(double[] x, double[] y, int from, int to) {
        return dotKernel(x, from, y, from, to - from);
    }

    private static void checkOut(double[] out, int length) {
        Checks.checkNotNull(out, "out");
        if (out.length < length) {
            throw new IllegalArgumentException("out has length " + out.length + " but needs at least " + length);
        }
    }

    private static void checkStretch(String name, double[] v, int offset, int n) {
        Checks.checkNotNull(v, name);
        if (offset < 0 || n < 0 || offset > v.length - n) {
            throw new IndexOutOfBoundsException(name + "[" + offset + " .. " + ((long) offset + n) + ") is not inside "
                    + name + " of length " + v.length);
        }
    }

    /** sqrt(ss) when the one-pass sum of squares {@code ss} of x[from..to) can be trusted, else the scaled norm. */
    private static double normFromSum(double ss, double[] x, int from, int to) {
        // A normal, finite sum: a square that fell into the subnormal range is off by at most 2⁻¹⁰⁷⁵, less
        // than the rounding of one addition to a sum ≥ 2⁻¹⁰²², so the one-pass result is as good as the scaled one.
        if (ss >= Double.MIN_NORMAL && ss < Double.POSITIVE_INFINITY) {
            return Math.sqrt(ss);
        }
        return scaledNorm2(x, from, to); // overflow, possible underflow, zero, NaN or ∞
    }

    /**
     * The two-pass norm {@code s·sqrt(Σ (x_k/s)²)} with s the power of two of {@code max |x_k|}: the
     * division is exact, the largest entry maps into [1, 2), so nothing overflows or vanishes.
     */
    private static double scaledNorm2(double[] x, int from, int to) {
        double scale = 0.0;
        for (int k = from; k < to; k++) {
            double a = Math.abs(x[k]);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            if (a > scale) {
                scale = a;
            }
        }
        if (scale == 0.0 || Double.isInfinite(scale)) {
            return scale;
        }
        int e = Math.getExponent(scale);
        double sum = 0.0;
        if (e > -1000 && e < 1000) { // 2^-e is a normal double: multiplying by it is exact
            double down = Math.scalb(1.0, -e);
            for (int k = from; k < to; k++) {
                double r = x[k] * down;
                sum += r * r;
            }
        } else {
            for (int k = from; k < to; k++) {
                double r = Math.scalb(x[k], -e);
                sum += r * r;
            }
        }
        return Math.scalb(Math.sqrt(sum), e);
    }
}
