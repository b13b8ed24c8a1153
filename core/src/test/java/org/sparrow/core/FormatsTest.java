package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.assertMatchesOracle;
import static org.sparrow.core.FormatsTestSupport.randomTriplets;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.FormatsTestSupport.Triplets;

/** Accessors, lookups, factories, the COO builder, summaries and the Frobenius norm of every format. */
class FormatsTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";

    /** The same matrix in all four formats (and an unsorted CSR), from the given triplets. */
    private static List<Matrix> allForms(Triplets t, long seed) {
        CooMatrix coo = t.coo();
        return List.of(coo, coo.toCsr(), coo.toCsc(), coo.toDense(), shuffledRows(coo.toCsr(), new Random(seed)));
    }

    // ---- get and accessors ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void getReturnsEveryOracleEntryInEveryFormat(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        for (Matrix m : allForms(t, seed)) {
            assertMatchesOracle(t.dense(), rows, cols, m, t + " as " + m.getClass().getSimpleName());
        }
    }

    @Test
    void getOutsideTheMatrixThrowsNamingTheIndex() {
        CooMatrix coo = new CooMatrix(3, 2, new int[] {0}, new int[] {1}, new double[] {1});
        for (Matrix m : List.of(coo, coo.toCsr(), coo.toCsc(), coo.toDense())) {
            String name = m.getClass().getSimpleName();
            var rowEx = assertThrows(IndexOutOfBoundsException.class, () -> m.get(3, 0), name);
            assertTrue(rowEx.getMessage().contains("row index 3"), name + ": " + rowEx.getMessage());
            assertTrue(rowEx.getMessage().contains("[0, 3)"), name + ": " + rowEx.getMessage());
            var colEx = assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 2), name);
            assertTrue(colEx.getMessage().contains("column index 2"), name + ": " + colEx.getMessage());
            assertTrue(colEx.getMessage().contains("[0, 2)"), name + ": " + colEx.getMessage());
            var negEx = assertThrows(IndexOutOfBoundsException.class, () -> m.get(-1, 0), name);
            assertTrue(negEx.getMessage().contains("row index -1"), name + ": " + negEx.getMessage());
        }
    }

    @Test
    void nnzCountsStoredEntriesAsEachFormatDefinesThem() {
        CooMatrix coo = new CooMatrix(2, 3, new int[] {0, 0, 1, 1}, new int[] {1, 1, 2, 0},
                new double[] {1, 2, 0.0, 3});
        assertEquals(4, coo.nnz(), "COO: triplets, duplicates counted separately");
        assertEquals(3, coo.toCsr().nnz(), "CSR: distinct positions, explicit zero kept");
        assertEquals(3, coo.toCsc().nnz(), "CSC: distinct positions, explicit zero kept");
        assertEquals(6, coo.toDense().nnz(), "dense: rows·cols");
        assertEquals(0, DenseMatrix.zeros(0, 5).nnz());
    }

    @Test
    void rowAndColumnCountsOfStoredEntries() {
        // [[1, 0, 2], [0, 0, 0], [3, 0.0, 0]]
        CsrMatrix a = new CsrMatrix(3, 3, new int[] {0, 2, 2, 4}, new int[] {0, 2, 0, 1},
                new double[] {1, 2, 3, 0.0});
        assertEquals(2, a.rowNnz(0));
        assertEquals(0, a.rowNnz(1));
        assertEquals(2, a.rowNnz(2));
        CscMatrix c = a.toCsc();
        assertEquals(2, c.colNnz(0));
        assertEquals(1, c.colNnz(1), "explicit zero counts");
        assertEquals(1, c.colNnz(2));
        assertThrows(IndexOutOfBoundsException.class, () -> a.rowNnz(3));
        assertThrows(IndexOutOfBoundsException.class, () -> c.colNnz(-1));
    }

    @Test
    void cscColNnzOutOfRangeNamesTheColumn() {
        // A 2×3 CSC matrix: column 3 does not exist; the message should speak of a column.
        CscMatrix c = CsrMatrix.zeros(2, 3).toCsc();
        var e = assertThrows(IndexOutOfBoundsException.class, () -> c.colNnz(3));
        assertTrue(e.getMessage().contains("column index 3"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
    }

    @Test
    void accessorsReturnTheAdoptedArraysWithoutCopying() {
        int[] rp = {0, 1, 2};
        int[] ci = {1, 0};
        double[] v = {5, 6};
        CsrMatrix csr = new CsrMatrix(2, 2, rp, ci, v);
        assertSame(rp, csr.rowPointers());
        assertSame(ci, csr.columnIndices());
        assertSame(v, csr.values());
        CscMatrix csc = new CscMatrix(2, 2, rp, ci, v);
        assertSame(rp, csc.columnPointers());
        assertSame(ci, csc.rowIndices());
        assertSame(v, csc.values());
        int[] cooRows = {1, 0};
        int[] cooCols = {0, 0};
        CooMatrix coo = new CooMatrix(2, 2, cooRows, cooCols, v);
        assertSame(cooRows, coo.rowIndices());
        assertSame(cooCols, coo.columnIndices());
        assertSame(v, coo.values());
        double[] d = {1, 2, 3, 4};
        assertSame(d, new DenseMatrix(2, 2, d).data());
        assertEquals(3.0, new DenseMatrix(2, 2, d).get(1, 0), "row-major layout");
    }

    // ---- factories ----

    @Test
    void zerosAndIdentityFactories() {
        CsrMatrix z = CsrMatrix.zeros(3, 4);
        assertEquals(3, z.rows());
        assertEquals(4, z.cols());
        assertEquals(0, z.nnz());
        assertArrayEquals(new int[4], z.rowPointers());
        assertTrue(z.isSorted());
        CsrMatrix id = CsrMatrix.identity(4);
        assertMatchesOracle(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, 4, 4, id,
                "identity(4)");
        assertEquals(4, id.nnz());
        assertEquals(0, CsrMatrix.identity(0).nnz());
        DenseMatrix dz = DenseMatrix.zeros(2, 3);
        assertArrayEquals(new double[6], dz.data());
    }

    // ---- builder ----

    @Test
    void builderCollectsTripletsGrowsAndKeepsWorkingAfterBuild() {
        CooMatrix.Builder b = CooMatrix.builder(4, 5, 0);
        Random rnd = new Random(7);
        Triplets t = randomTriplets(rnd, 4, 5);
        for (int k = 0; k < t.size(); k++) {
            assertSame(b, b.add(t.ri()[k], t.ci()[k], t.v()[k]), "add returns the builder for chaining");
        }
        assertEquals(t.size(), b.size());
        CooMatrix first = b.build();
        assertArrayEquals(t.ri(), first.rowIndices());
        assertArrayEquals(t.ci(), first.columnIndices());
        assertArrayEquals(t.v(), first.values());
        assertMatchesOracle(t.dense(), 4, 5, first.toCsr(), "builder → CSR");

        b.add(3, 4, 100).add(3, 4, 1);
        CooMatrix second = b.build();
        assertEquals(t.size() + 2, second.nnz());
        assertEquals(t.size(), first.nnz(), "an earlier build is not affected by later adds");
        assertEquals(t.dense()[3][4] + 101, second.get(3, 4));
    }

    @Test
    void builderWithManyEntriesMatchesOracle() {
        CooMatrix.Builder b = CooMatrix.builder(13, 7);
        double[][] expected = new double[13][7];
        Random rnd = new Random(11);
        for (int k = 0; k < 2_000; k++) {
            int i = rnd.nextInt(13);
            int j = rnd.nextInt(7);
            double v = FormatsTestSupport.dyadic(rnd);
            b.add(i, j, v);
            expected[i][j] += v;
        }
        assertEquals(2_000, b.size());
        assertMatchesOracle(expected, 13, 7, b.build().toCsr(), "2000 triplets");
        assertEquals(0, CooMatrix.builder(0, 0).build().nnz());
    }

    @Test
    void builderAddOutsideTheMatrixThrowsNamingTheIndex() {
        CooMatrix.Builder b = CooMatrix.builder(3, 2);
        var e1 = assertThrows(IndexOutOfBoundsException.class, () -> b.add(3, 0, 1));
        assertTrue(e1.getMessage().contains("row index 3") && e1.getMessage().contains("[0, 3)"), e1.getMessage());
        var e2 = assertThrows(IndexOutOfBoundsException.class, () -> b.add(0, -1, 1));
        assertTrue(e2.getMessage().contains("column index -1") && e2.getMessage().contains("[0, 2)"),
                e2.getMessage());
        assertEquals(0, b.size(), "a rejected entry is not added");
        var e3 = assertThrows(IndexOutOfBoundsException.class, () -> CooMatrix.builder(0, 5).add(0, 0, 1));
        assertTrue(e3.getMessage().contains("[0, 0)"), e3.getMessage());
    }

    @Test
    void builderRejectsNegativeDimensionsAndCapacity() {
        var e = assertThrows(IllegalArgumentException.class, () -> CooMatrix.builder(-1, 2));
        assertTrue(e.getMessage().contains("-1×2"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> CooMatrix.builder(2, 2, -3));
        assertTrue(e2.getMessage().contains("-3"), e2.getMessage());
    }

    // ---- toString ----

    @Test
    void toStringIsAOneLineSummaryEvenForALargeMatrix() {
        Random rnd = new Random(1000);
        int n = 1000;
        int entries = 5_000;
        int[] ri = new int[entries];
        int[] ci = new int[entries];
        double[] v = new double[entries];
        for (int k = 0; k < entries; k++) {
            ri[k] = rnd.nextInt(n);
            ci[k] = rnd.nextInt(n);
            v[k] = 123.456 + k;
        }
        CooMatrix coo = new CooMatrix(n, n, ri, ci, v);
        CsrMatrix csr = coo.toCsr();
        for (Matrix m : List.of(coo, csr, coo.toCsc(), coo.toDense(), shuffledRows(csr, rnd))) {
            String s = m.toString();
            String name = m.getClass().getSimpleName();
            assertFalse(s.contains("\n") || s.contains("\r"), name + " summary is one line: " + s);
            assertTrue(s.length() < 200, name + " summary is short: " + s.length() + " chars");
            assertTrue(s.startsWith(name), name + " summary names the format: " + s);
            assertTrue(s.contains("1000×1000"), name + " summary gives the shape: " + s);
            assertFalse(s.contains("123.456"), name + " summary dumps no entries: " + s);
            if (!(m instanceof DenseMatrix)) {
                assertTrue(s.contains(Integer.toString(m.nnz())), name + " summary gives the stored count: " + s);
            }
        }
        assertTrue(shuffledRows(csr, rnd).toString().contains("unsorted"));
        assertTrue(CsrMatrix.zeros(0, 0).toString().contains("0×0"), "empty matrices summarise too");
    }

    // ---- Frobenius norm ----

    private static double oracleFrobenius(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double x : row) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void frobeniusNormMatchesOracleInEveryFormat(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        double expected = oracleFrobenius(t.dense());
        for (Matrix m : allForms(t, seed)) {
            assertEquals(expected, m.frobeniusNorm(), 1e-14 * expected, t + " as " + m.getClass().getSimpleName());
        }
    }

    @Test
    void cooFrobeniusNormSumsDuplicatesFirst() {
        // (0,0) holds 3 + 4 = 7: the norm is 7, not sqrt(9 + 16) = 5.
        CooMatrix coo = new CooMatrix(2, 2, new int[] {0, 0}, new int[] {0, 0}, new double[] {3, 4});
        assertEquals(7.0, coo.frobeniusNorm());
        assertEquals(7.0, ((Matrix) coo).frobeniusNorm());
    }

    @Test
    void frobeniusNormNeitherOverflowsNorUnderflows() {
        for (double scale : new double[] {1e300, 1e-300, 1e-310, Double.MIN_VALUE}) {
            // [[3s, 0], [0, 4s]] has norm 5s; squaring 3s or 4s directly overflows or vanishes.
            CooMatrix coo = new CooMatrix(2, 2, new int[] {0, 1}, new int[] {0, 1},
                    new double[] {3 * scale, 4 * scale});
            double expected = 5 * scale;
            for (Matrix m : List.of(coo, coo.toCsr(), coo.toCsc(), coo.toDense())) {
                double got = m.frobeniusNorm();
                assertTrue(Double.isFinite(got) && got > 0, m + " at scale " + scale + ": " + got);
                assertEquals(expected, got, Math.max(1e-14 * expected, 4 * Double.MIN_VALUE),
                        m.getClass().getSimpleName() + " at scale " + scale);
            }
        }
        // Entries at the top of the range: finite, within rounding of the true value.
        DenseMatrix max = new DenseMatrix(1, 2, new double[] {Double.MAX_VALUE, 0});
        assertEquals(Double.MAX_VALUE, max.frobeniusNorm(), 1e-15 * Double.MAX_VALUE);
        assertEquals(Double.MAX_VALUE, max.toCsr().frobeniusNorm(), 1e-15 * Double.MAX_VALUE);
        DenseMatrix twoMax = new DenseMatrix(1, 2, new double[] {Double.MAX_VALUE / 2, Double.MAX_VALUE / 2});
        assertEquals(Math.sqrt(0.5) * Double.MAX_VALUE, twoMax.frobeniusNorm(), 1e-15 * Double.MAX_VALUE);
    }

    @Test
    void frobeniusNormOfEmptyAndZeroMatricesIsZero() {
        assertEquals(0.0, CsrMatrix.zeros(0, 0).frobeniusNorm());
        assertEquals(0.0, CsrMatrix.zeros(5, 3).toCsc().frobeniusNorm());
        assertEquals(0.0, DenseMatrix.zeros(2, 2).frobeniusNorm());
        CooMatrix cancelling = new CooMatrix(2, 2, new int[] {1, 1}, new int[] {0, 0}, new double[] {2, -2});
        assertEquals(0.0, cancelling.frobeniusNorm());
    }

    @Test
    void frobeniusNormIgnoresSpareCapacityAndPropagatesNaN() {
        CsrMatrix spare = new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {3, 1e308});
        assertEquals(3.0, spare.frobeniusNorm());
        DenseMatrix nan = new DenseMatrix(1, 2, new double[] {1, Double.NaN});
        assertTrue(Double.isNaN(nan.frobeniusNorm()));
        assertTrue(Double.isNaN(nan.toCsr().frobeniusNorm()));
        DenseMatrix inf = new DenseMatrix(1, 2, new double[] {1, Double.NEGATIVE_INFINITY});
        assertEquals(Double.POSITIVE_INFINITY, inf.toCsc().frobeniusNorm());
    }

    @Test
    void isSortedReportsTheForm() {
        CsrMatrix sorted = new CsrMatrix(1, 3, new int[] {0, 2}, new int[] {0, 2}, new double[] {1, 2});
        CsrMatrix unsorted = CsrMatrix.unsorted(1, 3, new int[] {0, 2}, new int[] {2, 0}, new double[] {2, 1});
        assertTrue(sorted.isSorted());
        assertFalse(unsorted.isSorted());
        CsrMatrix fixed = unsorted.sorted();
        assertTrue(fixed.isSorted());
        assertArrayEquals(new int[] {0, 2}, Arrays.copyOf(fixed.columnIndices(), 2));
        assertArrayEquals(new double[] {1, 2}, Arrays.copyOf(fixed.values(), 2));
        assertEquals(2.0, unsorted.get(0, 2));
        assertEquals(0.0, unsorted.get(0, 1));
    }
}
