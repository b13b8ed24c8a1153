package org.sparrow.core.structured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.structured.MonarchMatrixTest.assertClose;
import static org.sparrow.core.structured.MonarchMatrixTest.gaussian;
import static org.sparrow.core.structured.MonarchMatrixTest.product;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.sparrow.core.DenseMatrix;

/**
 * {@link LowRankMatrix}: products against the dense U·diag(s)·Vᵀ formed here, and the truncation against the
 * Eckart–Young error from EJML's singular values of the dense matrix.
 */
class LowRankMatrixTest {

    /** U·diag(s)·Vᵀ by the triple loop. */
    static double[] dense(double[] u, double[] s, double[] v, int rows, int cols) {
        int k = s.length;
        double[] d = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int r = 0; r < k; r++) {
                    sum += u[i * k + r] * s[r] * v[j * k + r];
                }
                d[i * cols + j] = sum;
            }
        }
        return d;
    }

    @Test
    void productsMatchTheDenseMatrix() {
        int[][] cases = {{7, 5, 3}, {1, 9, 1}, {30, 4, 4}, {50, 60, 10}};
        for (int[] c : cases) {
            int rows = c[0];
            int cols = c[1];
            int k = c[2];
            Random rnd = new Random(rows + cols);
            double[] u = gaussian(rnd, rows * k);
            double[] v = gaussian(rnd, cols * k);
            double[] s = gaussian(rnd, k);
            LowRankMatrix m = new LowRankMatrix(new DenseMatrix(rows, k, u), s, new DenseMatrix(cols, k, v));
            double[] d = dense(u, s, v, rows, cols);
            assertClose(d, m.toDense().data(), 1e-13, "toDense");
            assertEquals(d[rows * cols - 1], m.get(rows - 1, cols - 1), 1e-12);
            assertEquals(k, m.rank());
            for (int w : new int[] {1, 3}) {
                double[] x = gaussian(rnd, cols * w);
                double[] xt = gaussian(rnd, rows * w);
                double[] y = new double[rows * w];
                double[] yt = new double[cols * w];
                Arrays.fill(y, Double.NaN);
                Arrays.fill(yt, Double.NaN);
                if (w == 1) {
                    m.apply(x, y);
                    m.applyTranspose(xt, yt);
                } else {
                    m.applyBlock(x, y, w);
                    m.applyTransposeBlock(xt, yt, w);
                }
                assertClose(product(d, rows, cols, x, w, false), y, 1e-12, "M·X");
                assertClose(product(d, rows, cols, xt, w, true), yt, 1e-12, "Mᵀ·X");
                LowRankMatrix.Workspace ws = m.workspace(w);
                double[] y2 = new double[rows * w];
                double[] yt2 = new double[cols * w];
                Arrays.fill(y2, Double.NaN);
                Arrays.fill(yt2, Double.NaN);
                m.applyBlock(x, y2, w, ws);
                m.applyTransposeBlock(xt, yt2, w, ws);
                assertArrayEquals(y, y2);
                assertArrayEquals(yt, yt2);
            }
        }
    }

    @Test
    void ofFactorsIsUTimesVTransposed() {
        Random rnd = new Random(4);
        double[] u = gaussian(rnd, 6 * 2);
        double[] v = gaussian(rnd, 5 * 2);
        LowRankMatrix m = LowRankMatrix.ofFactors(new DenseMatrix(6, 2, u), new DenseMatrix(5, 2, v));
        assertArrayEquals(new double[] {1, 1}, m.s());
        assertClose(dense(u, new double[] {1, 1}, v, 6, 5), m.toDense().data(), 1e-14, "U·Vᵀ");
    }

    @Test
    void truncationAttainsTheEckartYoungError() {
        int rows = 40;
        int cols = 25;
        Random rnd = new Random(11);
        DenseMatrix a = new DenseMatrix(rows, cols, gaussian(rnd, rows * cols));
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        assertTrue(svd.decompose(new DMatrixRMaj(rows, cols, true, a.data().clone())));
        double[] sigma = svd.getSingularValues().clone();
        Arrays.sort(sigma);
        for (int k : new int[] {1, 5, 24, 25}) {
            LowRankMatrix t = LowRankMatrix.truncate(a, k);
            assertEquals(k, t.rank());
            double tail = 0;
            for (int i = 0; i < cols - k; i++) {
                tail += sigma[i] * sigma[i];
            }
            double[] m = t.toDense().data();
            double err = 0;
            for (int i = 0; i < m.length; i++) {
                err += (a.data()[i] - m[i]) * (a.data()[i] - m[i]);
            }
            assertEquals(Math.sqrt(tail), Math.sqrt(err), 1e-10 * a.frobeniusNorm(), "k = " + k);
            double[] s = t.s();
            for (int i = 0; i < k; i++) {
                assertEquals(sigma[cols - 1 - i], s[i], 1e-12 * sigma[cols - 1], "σ" + (i + 1));
            }
            // U has orthonormal columns
            double[] u = t.u().data();
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    double dot = 0;
                    for (int i = 0; i < rows; i++) {
                        dot += u[i * k + p] * u[i * k + q];
                    }
                    assertEquals(p == q ? 1.0 : 0.0, dot, 1e-12);
                }
            }
        }
    }

    @Test
    void badFactorsAndRanksAreRefusedClearly() {
        DenseMatrix u = new DenseMatrix(4, 2, new double[8]);
        DenseMatrix v = new DenseMatrix(3, 3, new double[9]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LowRankMatrix(u, new double[2], v));
        assertTrue(e.getMessage().contains("4×2") && e.getMessage().contains("3×3"), e.getMessage());
        DenseMatrix a = new DenseMatrix(4, 3, new double[12]);
        e = assertThrows(IllegalArgumentException.class, () -> LowRankMatrix.truncate(a, 4));
        assertTrue(e.getMessage().contains("between 1 and") && e.getMessage().contains("got 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LowRankMatrix.truncate(a, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> new LowRankMatrix(u, new double[] {1, Double.NaN}, new DenseMatrix(3, 2, new double[6])));
        assertTrue(e.getMessage().contains("s(2)"), e.getMessage());
    }
}
