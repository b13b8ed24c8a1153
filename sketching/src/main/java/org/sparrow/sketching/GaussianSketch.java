package org.sparrow.sketching;

import java.util.SplittableRandom;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * S with i.i.d. N(0, 1/m) entries. Column j of S is generated from its own stream seeded by
 * (seed, j), so S is never stored and any column can be regenerated independently.
 */
final class GaussianSketch implements Sketch {

    private final int m;
    private final int n;
    private final long seed;

    GaussianSketch(int m, int n, long seed) {
        this.m = m;
        this.n = n;
        this.seed = seed;
    }

    @Override
    public SketchKind kind() {
        return SketchKind.GAUSSIAN;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int cols() {
        return n;
    }

    /** Fills {@code s} with column j of S. */
    private void column(int j, double[] s) {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (j + 1L)));
        double scale = 1.0 / Math.sqrt(m);
        for (int i = 0; i < m; i++) {
            s[i] = scale * r.nextGaussian();
        }
    }

    @Override
    public void apply(double[] x, double[] y) {
        checkLength("x", x, n);
        checkLength("y", y, m);
        java.util.Arrays.fill(y, 0.0);
        double[] s = new double[m];
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            column(j, s);
            for (int i = 0; i < m; i++) {
                y[i] += s[i] * xj;
            }
        }
    }

    @Override
    public void applyTranspose(double[] x, double[] y) {
        checkLength("x", x, m);
        checkLength("y", y, n);
        double[] s = new double[m];
        for (int j = 0; j < n; j++) {
            column(j, s);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += s[i] * x[i];
            }
            y[j] = sum;
        }
    }

    @Override
    public DenseMatrix sketch(DenseMatrix a) {
        checkInput(a.rows(), a.cols());
        int d = a.cols();
        double[] ad = a.data();
        double[] out = new double[m * d];
        double[] s = new double[m];
        for (int j = 0; j < n; j++) {
            column(j, s);
            int row = j * d;
            // Y += S(:, j) · A(j, :)
            for (int i = 0; i < m; i++) {
                double sij = s[i];
                int o = i * d;
                for (int c = 0; c < d; c++) {
                    out[o + c] += sij * ad[row + c];
                }
            }
        }
        return new DenseMatrix(m, d, out);
    }

    @Override
    public DenseMatrix sketch(CsrMatrix a) {
        checkInput(a.rows(), a.cols());
        int d = a.cols();
        int[] rp = a.rowPointers();
        int[] ci = a.columnIndices();
        double[] v = a.values();
        double[] out = new double[m * d];
        double[] s = new double[m];
        for (int j = 0; j < n; j++) {
            if (rp[j] == rp[j + 1]) {
                continue;
            }
            column(j, s);
            for (int p = rp[j]; p < rp[j + 1]; p++) {
                int c = ci[p];
                double ajc = v[p];
                for (int i = 0; i < m; i++) {
                    out[i * d + c] += s[i] * ajc;
                }
            }
        }
        return new DenseMatrix(m, d, out);
    }

    private void checkInput(int rows, int cols) {
        if (rows != n) {
            throw new IllegalArgumentException("cannot sketch a " + rows + "×" + cols + " matrix with a " + m + "×" + n
                    + " sketch: the matrix needs " + n + " rows");
        }
        if ((long) m * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the sketched matrix " + m + "×" + cols + " is too large for one array");
        }
    }

    private static void checkLength(String name, double[] x, int expected) {
        if (x.length != expected) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected " + expected);
        }
    }
}
