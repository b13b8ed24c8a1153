package org.sparrow.solvers.eigen;

import java.util.Random;

import org.sparrow.core.ops.Blas;

/**
 * Kernels on an orthonormal basis stored as separate vectors {@code v[0..count-1]}: classical
 * Gram–Schmidt with one re-orthogonalization when needed (CGS2, "twice is enough": Giraud, Langou, Rozložník,
 * Numer. Math. 101 (2005) 87–100 — ARPACK's DGKS step), and linear combinations V·Q. The loops run
 * over row blocks so that a block of w stays in cache while every basis vector streams past it once:
 * one sweep over V for Vᵀ·w and one for w − V·h, as a GEMV would, instead of one sweep per vector.
 */
final class Basis {

    /** Rows per block: 4 KiB of each vector. */
    private static final int BLOCK = 512;

    private Basis() {
    }

    /**
     * {@code w ← (I − V·Vᵀ)² w} over the first {@code count} vectors, adding the coefficients Vᵀ·w of
     * both passes to {@code h[0..count-1]} (so that w_in = V·h + w_out).
     *
     * @param v     the basis, orthonormal
     * @param count how many of its vectors
     * @param w     Input/Output, the vector
     * @param h     Output, length ≥ count: the coefficients (added to; the caller zeroes it)
     * @param s     workspace, length ≥ count
     * @return ‖w‖ after the projection
     */
    static double orthogonalize(double[][] v, int count, double[] w, double[] h, double[] s) {
        return orthogonalize(v, count, w, h, s, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #orthogonalize(double[][], int, double[], double[], double[])}, but the second pass
     * runs only when the first removed much of w: when ‖w‖ after it is ≤ ‖w‖ before /√2 (the DGKS
     * test ARPACK's dsaitr/dnaitr apply, Daniel, Gragg, Kaufman and Stewart, Math. Comp. 30 (1976)
     * 772–795); otherwise one pass is already orthogonal to working precision.
     *
     * @param v      the basis, orthonormal
     * @param count  how many of its vectors
     * @param w      Input/Output, the vector
     * @param h      Output, length ≥ count: the coefficients (added to)
     * @param s      workspace, length ≥ count
     * @param before ‖w‖ on entry (+∞ forces the second pass)
     * @return ‖w‖ after the projection
     */
    static double orthogonalize(double[][] v, int count, double[] w, double[] h, double[] s, double before) {
        if (count == 0) {
            return Blas.norm2(w);
        }
        project(v, count, w, s);
        for (int i = 0; i < count; i++) {
            h[i] += s[i];
        }
        double after = Blas.norm2(w);
        if (after > 0.7071067811865476 * before) {
            return after;
        }
        project(v, count, w, s);
        for (int i = 0; i < count; i++) {
            h[i] += s[i];
        }
        return Blas.norm2(w);
    }

    /** One pass: {@code s = Vᵀ·w}, then {@code w ← w − V·s}. */
    private static void project(double[][] v, int count, double[] w, double[] s) {
        int n = w.length;
        java.util.Arrays.fill(s, 0, count, 0.0);
        for (int from = 0; from < n; from += BLOCK) { // s = Vᵀ·w
            int len = Math.min(BLOCK, n - from);
            for (int i = 0; i < count; i++) {
                s[i] += Blas.dot(v[i], from, w, from, len);
            }
        }
        for (int from = 0; from < n; from += BLOCK) { // w −= V·s
            int len = Math.min(BLOCK, n - from);
            for (int i = 0; i < count; i++) {
                Blas.axpy(-s[i], v[i], from, w, from, len);
            }
        }
    }

    /**
     * {@code out[j] = Σᵢ v[i]·q[i][j]} for i &lt; rows, j &lt; cols: the basis times a small matrix.
     *
     * @param v    the basis vectors
     * @param q    the small matrix, {@code rows × cols}, row-major {@code q[i*cols + j]}
     * @param rows how many basis vectors
     * @param cols how many outputs
     * @param out  Output, {@code cols} vectors of v's length; overwritten
     */
    static void combine(double[][] v, double[] q, int rows, int cols, double[][] out) {
        int n = out[0].length;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            for (int j = 0; j < cols; j++) {
                double[] o = out[j];
                java.util.Arrays.fill(o, from, to, 0.0);
                for (int i = 0; i < rows; i++) {
                    double c = q[i * cols + j];
                    if (c != 0.0) {
                        Blas.axpy(c, v[i], from, o, from, to - from);
                    }
                }
            }
        }
    }

    /**
     * A random unit vector orthogonal to the first {@code count} basis vectors, into {@code w}; false
     * when none could be found (the basis spans the space, so {@code w} is left zero).
     *
     * @param v     the basis
     * @param count how many of its vectors
     * @param w     Output
     * @param rnd   the random source
     * @param h     workspace, length ≥ count
     * @param s     workspace, length ≥ count
     * @return whether w is a unit vector orthogonal to the basis
     */
    static boolean randomOrthogonal(double[][] v, int count, double[] w, Random rnd, double[] h, double[] s) {
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextDouble() - 0.5;
            }
            double before = Blas.norm2(w);
            double after = orthogonalize(v, count, w, h, s);
            if (after > 1e-8 * before) {
                Blas.scale(1.0 / after, w, w);
                return true;
            }
        }
        java.util.Arrays.fill(w, 0.0);
        return false;
    }
}
