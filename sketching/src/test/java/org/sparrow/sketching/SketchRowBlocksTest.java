package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.sketching.SketchTestSupport.explicitByColumns;
import static org.sparrow.sketching.SketchTestSupport.junk;
import static org.sparrow.sketching.SketchTestSupport.randomCsr;
import static org.sparrow.sketching.SketchTestSupport.randomDense;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * {@link Sketch#sketchRows}: the row blocks of any partition of A, each sketched with its global first row,
 * add up to the whole sketch S·A of the same seed (the property a distributed sketch relies on). Checked
 * against the whole sketch entry by entry within {@code 1e-13·(|S|·|A|)ᵢⱼ} (a bound for reordered sums), for
 * every kind, dense and sparse A, partitions with empty blocks, single rows and blocks that cut the
 * Gaussian tiles and the SRHT's Walsh–Hadamard blocks in the middle; the single block is bit-identical.
 */
class SketchRowBlocksTest {

    /** (m, n, d) shapes: a tile edge (129 = 128 + 1), odd sizes, m ≥ n. */
    private static final int[][] SHAPES = {{5, 13, 3}, {13, 207, 4}, {40, 702, 7}, {9, 129, 2}, {16, 13, 1},
        {24, 1000, 300}};

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void rowBlockSketchesSumToTheWholeSketch(SketchKind kind) {
        Random rnd = new Random(31 + kind.ordinal());
        for (int[] shape : SHAPES) {
            Sketch s = Sketches.create(kind, shape[0], shape[1], 11 + shape[1]);
            checkPartitions(s, shape[2], rnd);
        }
    }

    @Test
    void srhtRowBlocksSumToTheWholeSketchWithManySmallTransformBlocks() {
        Random rnd = new Random(5);
        // L = 4: every partition boundary cuts Walsh–Hadamard blocks, and each block meets several of them.
        checkPartitions(new SrhtSketch(6, 61, 9, 4), 3, rnd);
        checkPartitions(new SrhtSketch(32, 500, 4, 16), 5, rnd);
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void theSingleBlockIsBitIdenticalToTheWholeSketch(SketchKind kind) {
        Random rnd = new Random(8);
        Sketch s = Sketches.create(kind, 20, 300, 3);
        DenseMatrix a = randomDense(300, 5, rnd);
        CsrMatrix c = randomCsr(300, 5, 0.3, rnd);
        double[] out = junk(20 * 5);
        s.sketchRows(a, 0, out, 2);
        assertArrayEquals(s.sketch(a, 1).data(), out);
        assertArrayEquals(s.sketch(c, 1).data(), s.sketchRows(c, 0, 2).data());
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void aBlockIsTheProductWithTheColumnsOfSItsRowsSelect(SketchKind kind) {
        // Oracle independent of the row-block code: S built column by column from apply.
        Random rnd = new Random(17);
        Sketch s = Sketches.create(kind, 7, 150, 21);
        double[][] full = explicitByColumns(s);
        CsrMatrix block = randomCsr(40, 3, 0.5, rnd);
        DenseMatrix got = s.sketchRows(block, 100, 1);
        double[][] dense = SketchTestSupport.toArray(block.toDense());
        for (int i = 0; i < 7; i++) {
            for (int c = 0; c < 3; c++) {
                double want = 0;
                double scale = 0;
                for (int j = 0; j < 40; j++) {
                    want += full[i][100 + j] * dense[j][c];
                    scale += Math.abs(full[i][100 + j] * dense[j][c]);
                }
                assertTrue(Math.abs(got.get(i, c) - want) <= 1e-13 * scale + 1e-300,
                        kind + ": entry (" + i + ", " + c + ") is " + got.get(i, c) + ", expected " + want);
            }
        }
    }

    @Test
    void aBlockOutsideTheSketchedRowsIsRefusedWithItsPosition() {
        Sketch s = Sketches.gaussian(4, 10, 1);
        CsrMatrix block = CsrMatrix.identity(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.sketchRows(block, 8, new double[12], 1));
        assertTrue(e.getMessage().contains("starting at row 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.sketchRows(block, 0, new double[11], 1));
        assertThrows(IllegalArgumentException.class, () -> s.sketchRows(block, -1, new double[12], 1));
    }

    /** Random partitions of A's rows (empty blocks, single rows, the whole), dense and sparse. */
    private static void checkPartitions(Sketch s, int d, Random rnd) {
        int n = s.cols();
        int m = s.rows();
        DenseMatrix a = randomDense(n, d, rnd);
        CsrMatrix c = randomCsr(n, d, 0.4, rnd);
        double[] bound = absProduct(s, a.data(), d);
        double[] boundSparse = absProduct(s, c.toDense().data(), d);
        DenseMatrix whole = s.sketch(a, 2);
        DenseMatrix wholeSparse = s.sketch(c, 2);
        for (int trial = 0; trial < 6; trial++) {
            int[] cuts = cuts(n, trial, rnd);
            double[] sum = new double[m * d];
            double[] sumSparse = new double[m * d];
            double[] part = new double[m * d];
            for (int b = 0; b + 1 < cuts.length; b++) {
                int r0 = cuts[b];
                int r1 = cuts[b + 1];
                Arrays.fill(part, Double.NaN); // junk: sketchRows overwrites
                s.sketchRows(new DenseMatrix(r1 - r0, d, Arrays.copyOfRange(a.data(), r0 * d, r1 * d)), r0, part,
                        1 + b % 2);
                add(sum, part);
                Arrays.fill(part, Double.NaN);
                s.sketchRows(rows(c, r0, r1), r0, part, 1 + b % 2);
                add(sumSparse, part);
            }
            String what = s + ", d = " + d + ", cuts " + Arrays.toString(cuts);
            assertWithin(whole.data(), sum, bound, what + " (dense A)");
            assertWithin(wholeSparse.data(), sumSparse, boundSparse, what + " (sparse A)");
        }
    }

    /** Partition points 0 = c₀ ≤ c₁ ≤ … ≤ n: the whole, one row per block at the start, and random cuts. */
    private static int[] cuts(int n, int trial, Random rnd) {
        if (trial == 0) {
            return new int[] {0, n};
        }
        if (trial == 1) {
            return new int[] {0, 0, 1, Math.min(2, n), n, n}; // empty blocks at both ends
        }
        int k = 1 + rnd.nextInt(Math.min(n, 9));
        int[] c = new int[k + 1];
        for (int i = 1; i < k; i++) {
            c[i] = rnd.nextInt(n + 1);
        }
        c[k] = n;
        Arrays.sort(c);
        return c;
    }

    /** Rows [r0, r1) of a CSR matrix as their own matrix. */
    private static CsrMatrix rows(CsrMatrix c, int r0, int r1) {
        int[] rp = c.rowPointers();
        int p0 = rp[r0];
        int p1 = rp[r1];
        int[] ptr = new int[r1 - r0 + 1];
        for (int i = r0; i <= r1; i++) {
            ptr[i - r0] = rp[i] - p0;
        }
        return new CsrMatrix(r1 - r0, c.cols(), ptr, Arrays.copyOfRange(c.columnIndices(), p0, p1),
                Arrays.copyOfRange(c.values(), p0, p1));
    }

    /** |S|·|A| from S built column by column: the scale of each entry's rounding. */
    private static double[] absProduct(Sketch s, double[] a, int d) {
        double[][] sd = explicitByColumns(s);
        int m = s.rows();
        int n = s.cols();
        double[] out = new double[m * d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sij = Math.abs(sd[i][j]);
                for (int c = 0; c < d; c++) {
                    out[i * d + c] += sij * Math.abs(a[j * d + c]);
                }
            }
        }
        return out;
    }

    private static void add(double[] sum, double[] part) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += part[i];
        }
    }

    private static void assertWithin(double[] expected, double[] actual, double[] scale, String what) {
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            if (!(err <= 1e-13 * scale[i] + 1e-300)) {
                throw new AssertionError(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " (|S|·|A| = " + scale[i] + ")");
            }
        }
    }
}
