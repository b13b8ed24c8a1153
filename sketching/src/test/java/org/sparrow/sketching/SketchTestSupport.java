package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/** Dense oracles and random inputs shared by the sketching tests. */
final class SketchTestSupport {

    /** Every kind at its default parameters. */
    static final SketchKind[] KINDS = SketchKind.values();

    /** (m, n) shapes: tiny, odd, a tile edge, and m ≥ n (legal for every kind at these sizes). */
    static final int[][] SHAPES = {{1, 1}, {1, 13}, {5, 13}, {13, 13}, {16, 13}, {13, 207}, {40, 702}, {9, 129}};

    private SketchTestSupport() {
    }

    /** S column by column, {@code S(:, j) = S·e_j}: the oracle built only from {@code apply}. */
    static double[][] explicitByColumns(Sketch s) {
        int m = s.rows();
        int n = s.cols();
        double[][] out = new double[m][n];
        double[] e = new double[n];
        double[] col = new double[m];
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            Arrays.fill(col, Double.NaN); // junk: apply must overwrite
            s.apply(e, col);
            e[j] = 0.0;
            for (int i = 0; i < m; i++) {
                out[i][j] = col[i];
            }
        }
        return out;
    }

    /** {@code C = A·B} by the textbook triple loop. */
    static double[][] multiply(double[][] a, double[][] b) {
        int r = a.length;
        int inner = b.length;
        int c = inner == 0 ? 0 : b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int j = 0; j < c; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] toArray(DenseMatrix a) {
        double[][] out = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i][j] = a.get(i, j);
            }
        }
        return out;
    }

    static DenseMatrix randomDense(int rows, int cols, Random rnd) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new DenseMatrix(rows, cols, d);
    }

    /** A random CSR matrix with about {@code density·rows·cols} nonzeros, some rows empty. */
    static CsrMatrix randomCsr(int rows, int cols, double density, Random rnd) {
        int[] rp = new int[rows + 1];
        int[] ci = new int[rows * cols];
        double[] v = new double[rows * cols];
        int nnz = 0;
        for (int i = 0; i < rows; i++) {
            boolean empty = rnd.nextInt(5) == 0;
            for (int j = 0; j < cols; j++) {
                if (!empty && rnd.nextDouble() < density) {
                    ci[nnz] = j;
                    v[nnz++] = rnd.nextGaussian();
                }
            }
            rp[i + 1] = nnz;
        }
        return new CsrMatrix(rows, cols, rp, Arrays.copyOf(ci, nnz), Arrays.copyOf(v, nnz));
    }

    /** Max |a − b| over all entries, relative to max(1, max |b|). */
    static void assertClose(double[][] expected, DenseMatrix actual, double tol, String what) {
        assertEquals(expected.length, actual.rows(), what + ": rows");
        double scale = 1.0;
        for (double[] row : expected) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual.cols(), what + ": cols");
            for (int j = 0; j < expected[i].length; j++) {
                double err = Math.abs(expected[i][j] - actual.get(i, j));
                if (!(err <= tol * scale)) {
                    throw new AssertionError(what + ": entry (" + i + ", " + j + ") is " + actual.get(i, j)
                            + ", expected " + expected[i][j]);
                }
            }
        }
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1.0;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol * scale)) {
                throw new AssertionError(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    static double[] randomVector(int n, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    static double[] junk(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1e300);
        return x;
    }
}
