package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.sketching.SketchTestSupport.assertClose;
import static org.sparrow.sketching.SketchTestSupport.explicitByColumns;
import static org.sparrow.sketching.SketchTestSupport.multiply;
import static org.sparrow.sketching.SketchTestSupport.randomCsr;
import static org.sparrow.sketching.SketchTestSupport.randomDense;
import static org.sparrow.sketching.SketchTestSupport.toArray;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/** The SRHT against (1/√m)·P·H_N·D built from the explicit Sylvester matrix. */
class SrhtTest {

    /** (1/√m)·P·H_N·D, first n columns, from the sketch's own samples and signs. */
    private static double[][] explicitSrht(SrhtSketch s) {
        int m = s.rows();
        int n = s.cols();
        double[][] h = FastWalshHadamardTest.sylvester((int) s.paddedLength());
        long[] sample = s.sampledRows();
        double[][] out = new double[m][n];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < n; j++) {
                out[k][j] = h[(int) sample[k]][j] * s.sign(j) / Math.sqrt(m);
            }
        }
        return out;
    }

    @Test
    void srhtEqualsTheExplicitHadamardProductForEveryBlockLength() {
        Random rnd = new Random(31);
        int[][] shapes = {{1, 1}, {1, 2}, {2, 2}, {3, 13}, {16, 13}, {5, 64}, {13, 207}, {40, 256}, {100, 129}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            long padded = FastWalshHadamard.paddedLength(n);
            DenseMatrix a = randomDense(n, 7, rnd);
            for (int l = 1; l <= padded; l *= 2) {
                SrhtSketch s = new SrhtSketch(m, n, 17, l);
                String what = s + " with block length " + l;
                double[][] explicit = explicitSrht(s);
                assertClose(explicit, new DenseMatrix(m, n, flatten(explicitByColumns(s))), 1e-13, what + ": S");
                assertClose(multiply(explicit, toArray(a)), s.sketch(a, 3), 1e-12, what + ": S·A");
                CsrMatrix sp = randomCsr(n, 7, 0.2, rnd);
                assertClose(multiply(explicit, toArray(sp.toDense())), s.sketch(sp, 2), 1e-12, what + ": S·A (CSR)");
            }
            // The default block length is one of those, and gives the same operator up to rounding.
            SrhtSketch defaults = (SrhtSketch) Sketches.srht(m, n, 17);
            assertClose(explicitSrht(new SrhtSketch(m, n, 17, 1)), defaults.toDense(), 1e-13,
                    defaults + " (default L)");
        }
    }

    @Test
    void everyEntryIsPlusOrMinusOneOverRootMAndTheSignsAreBalanced() {
        SrhtSketch s = (SrhtSketch) Sketches.srht(50, 1000, 3);
        double[][] explicit = explicitByColumns(s);
        double expected = 1 / Math.sqrt(50);
        for (double[] row : explicit) {
            for (double x : row) {
                assertEquals(expected, Math.abs(x), 1e-14);
            }
        }
        int negative = 0;
        for (int i = 0; i < 1000; i++) {
            negative += s.sign(i) < 0 ? 1 : 0;
        }
        assertTrue(negative > 430 && negative < 570, negative + " negative signs of D out of 1000");
    }

    @Test
    void sampledRowsAreDistinctSortedAndUniformOverThePaddedRange() {
        // m < N/4 takes Floyd's algorithm, m ≥ N/4 the partial shuffle; both must be uniform.
        for (int m : new int[] {3, 9}) {
            int n = 20; // N = 32
            int[] hits = new int[32];
            int trials = 4000;
            for (int seed = 0; seed < trials; seed++) {
                long[] rows = ((SrhtSketch) Sketches.srht(m, n, seed)).sampledRows();
                assertEquals(m, rows.length);
                for (int k = 0; k < m; k++) {
                    assertTrue(rows[k] >= 0 && rows[k] < 32, "row " + rows[k] + " outside [0, 32)");
                    assertTrue(k == 0 || rows[k] > rows[k - 1], "rows not strictly ascending");
                    hits[(int) rows[k]]++;
                }
            }
            double mean = (double) trials * m / 32;
            double sd = Math.sqrt(mean * (1 - m / 32.0));
            for (int r = 0; r < 32; r++) {
                assertTrue(Math.abs(hits[r] - mean) < 5 * sd,
                        "m = " + m + ": row " + r + " sampled " + hits[r] + " times, expected " + mean);
            }
        }
    }

    @Test
    void sketchingAllPaddedRowsGivesOrthonormalColumns() {
        for (int n : new int[] {1, 13, 64, 207}) {
            int padded = (int) FastWalshHadamard.paddedLength(n);
            double[][] s = toArray(Sketches.srht(padded, n, 9).toDense());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int k = 0; k < padded; k++) {
                        dot += s[k][i] * s[k][j];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "n = " + n + ": (SᵀS)(" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void defaultBlockLengthFollowsMAndStaysWithinItsBounds() {
        assertEquals(1, SrhtSketch.defaultBlockRows(1, 1));
        assertEquals(16, SrhtSketch.defaultBlockRows(5, 16));
        assertEquals(64, SrhtSketch.defaultBlockRows(5, 1 << 20));
        assertEquals(512, SrhtSketch.defaultBlockRows(400, 1 << 20));
        assertEquals(512, SrhtSketch.defaultBlockRows(256, 1 << 20));
        assertEquals(4096, SrhtSketch.defaultBlockRows(100_000, 1 << 20));
    }

    private static double[] flatten(double[][] a) {
        int c = a.length == 0 ? 0 : a[0].length;
        double[] out = new double[a.length * c];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * c, c);
        }
        return out;
    }
}
