package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast Walsh–Hadamard transform against the explicit Sylvester matrix. */
class FastWalshHadamardTest {

    /** Sylvester's recursion H_{2N} = [[H, H], [H, −H]], built explicitly. */
    static double[][] sylvester(int n) {
        double[][] h = {{1.0}};
        while (h.length < n) {
            int k = h.length;
            double[][] g = new double[2 * k][2 * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    g[i][j] = h[i][j];
                    g[i][j + k] = h[i][j];
                    g[i + k][j] = h[i][j];
                    g[i + k][j + k] = -h[i][j];
                }
            }
            h = g;
        }
        return h;
    }

    @Test
    void vectorTransformMatchesExplicitSylvesterMatrix() {
        Random rnd = new Random(11);
        for (int n = 1; n <= 512; n *= 2) {
            double[][] h = sylvester(n);
            int offset = 3;
            double[] x = new double[n + offset + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] before = x.clone();
            FastWalshHadamard.transform(x, offset, n);
            for (int i = 0; i < n; i++) {
                double expected = 0;
                for (int j = 0; j < n; j++) {
                    expected += h[i][j] * before[offset + j];
                }
                assertEquals(expected, x[offset + i], 1e-12 * n, "n = " + n + ", entry " + i);
            }
            assertEquals(before[0], x[0], "entries before the vector untouched");
            assertEquals(before[x.length - 1], x[x.length - 1], "entries after the vector untouched");
        }
    }

    @Test
    void rowBlockTransformMatchesExplicitSylvesterMatrixForEveryColumn() {
        Random rnd = new Random(12);
        for (int rows = 1; rows <= 256; rows *= 2) {
            double[][] h = sylvester(rows);
            for (int width : new int[] {1, 3, 13}) {
                double[] a = new double[rows * width + 5];
                for (int i = 0; i < a.length; i++) {
                    a[i] = rnd.nextGaussian();
                }
                double[] before = a.clone();
                FastWalshHadamard.transformRows(a, 5, rows, width);
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < width; c++) {
                        double expected = 0;
                        for (int j = 0; j < rows; j++) {
                            expected += h[i][j] * before[5 + j * width + c];
                        }
                        assertEquals(expected, a[5 + i * width + c], 1e-12 * rows,
                                rows + " rows, width " + width + ", entry (" + i + ", " + c + ")");
                    }
                }
            }
        }
    }

    @Test
    void rowBlockTransformOfOneColumnIsBitIdenticalToTheVectorTransform() {
        Random rnd = new Random(13);
        for (int n = 1; n <= 1024; n *= 2) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] y = x.clone();
            double[] wide = new double[2 * n]; // column 0 of a width-2 block
            for (int i = 0; i < n; i++) {
                wide[2 * i] = x[i];
                wide[2 * i + 1] = -x[i];
            }
            FastWalshHadamard.transform(x);
            FastWalshHadamard.transformRows(y, 0, n, 1);
            FastWalshHadamard.transformRows(wide, 0, n, 2);
            assertArrayEquals(x, y, "n = " + n);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], wide[2 * i], "n = " + n + ", row " + i);
            }
        }
    }

    @Test
    void separateRowArraysGiveTheSameBitsAsTheContiguousBlock() {
        Random rnd = new Random(15);
        for (int rows = 1; rows <= 512; rows *= 2) {
            for (int width : new int[] {1, 7, 13, 40}) {
                double[] flat = new double[rows * width];
                double[][] jagged = new double[rows + 3][width + 2]; // extra rows and columns stay untouched
                for (int i = 0; i < rows + 3; i++) {
                    for (int c = 0; c < width + 2; c++) {
                        jagged[i][c] = rnd.nextGaussian();
                    }
                }
                for (int i = 0; i < rows; i++) {
                    for (int c = 0; c < width; c++) {
                        flat[i * width + c] = jagged[i + 2][c + 1];
                    }
                }
                double[][] before = new double[rows + 3][];
                for (int i = 0; i < rows + 3; i++) {
                    before[i] = jagged[i].clone();
                }
                FastWalshHadamard.transformRows(flat, 0, rows, width);
                FastWalshHadamard.transformRows(jagged, 2, rows, 1, width + 1);
                for (int i = 0; i < rows + 3; i++) {
                    for (int c = 0; c < width + 2; c++) {
                        boolean inside = i >= 2 && i < rows + 2 && c >= 1 && c <= width;
                        double expected = inside ? flat[(i - 2) * width + c - 1] : before[i][c];
                        assertEquals(expected, jagged[i][c],
                                rows + " rows, width " + width + ": (" + i + ", " + c + ")");
                    }
                }
            }
        }
    }

    @Test
    void transformTwiceScalesByTheLength() {
        Random rnd = new Random(14);
        int n = 4096;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] y = x.clone();
        FastWalshHadamard.transform(y);
        FastWalshHadamard.transform(y);
        for (int i = 0; i < n; i++) {
            assertEquals(n * x[i], y[i], 1e-9 * n);
        }
    }

    @Test
    void paddedLengthRoundsUpToAPowerOfTwo() {
        assertEquals(1, FastWalshHadamard.paddedLength(1));
        assertEquals(2, FastWalshHadamard.paddedLength(2));
        assertEquals(4, FastWalshHadamard.paddedLength(3));
        assertEquals(16, FastWalshHadamard.paddedLength(13));
        assertEquals(1 << 20, FastWalshHadamard.paddedLength(1_000_000));
        assertEquals(1L << 31, FastWalshHadamard.paddedLength(Integer.MAX_VALUE));
        assertTrue(FastWalshHadamard.isPowerOfTwo(1));
        assertTrue(!FastWalshHadamard.isPowerOfTwo(0) && !FastWalshHadamard.isPowerOfTwo(12));
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.paddedLength(0));
    }

    @Test
    void badArgumentsGiveClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FastWalshHadamard.transform(new double[12]));
        assertTrue(e.getMessage().contains("power of two") && e.getMessage().contains("12"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transform(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transform(null));
        e = assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transform(new double[8], 1, 8));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transformRows(new double[8], 0, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transformRows(new double[8], 0, 4, -1));
        assertThrows(IllegalArgumentException.class, () -> FastWalshHadamard.transformRows(new double[8], -1, 4, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> FastWalshHadamard.transformRows(new double[3][4], 0, 3, 0, 4));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FastWalshHadamard.transformRows(new double[4][4], 2, 4, 0, 4));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FastWalshHadamard.transformRows(new double[4][4], 0, 4, 0, 5));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FastWalshHadamard.transformRows(new double[4][4], 0, 4, 3, 2));
    }
}
