package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.assertCanonical;
import static org.sparrow.core.FormatsTestSupport.assertMatchesOracle;
import static org.sparrow.core.FormatsTestSupport.assertPattern;
import static org.sparrow.core.FormatsTestSupport.csrOfNonzeros;
import static org.sparrow.core.FormatsTestSupport.nonzeroPattern;
import static org.sparrow.core.FormatsTestSupport.randomDense;
import static org.sparrow.core.FormatsTestSupport.randomTriplets;
import static org.sparrow.core.FormatsTestSupport.rowMajor;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * Every conversion between the four formats against a dense oracle computed from the triplets
 * alone, on seeded random matrices of every odd shape; plus round trips and hand-checked cases.
 */
class ConversionTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";

    // ---- from COO ----

    @Test
    void cooToCsrSumsDuplicatesAndKeepsExplicitZeros() {
        // (0,1): 2 + 3; (1,2): 4 − 4 cancels to an explicit zero; (2,2): explicit zero; row order scrambled.
        CooMatrix coo = new CooMatrix(3, 4,
                new int[] {2, 0, 2, 1, 0, 2, 1},
                new int[] {3, 1, 0, 2, 1, 2, 2},
                new double[] {1.5, 2, -1, 4, 3, 0.0, -4});
        CsrMatrix csr = coo.toCsr();
        assertArrayEquals(new int[] {0, 1, 2, 5}, csr.rowPointers(), "row pointer");
        assertArrayEquals(new int[] {1, 2, 0, 2, 3}, Arrays.copyOf(csr.columnIndices(), csr.nnz()), "columns");
        // assertArrayEquals compares bits: the cancelled entry must be +0.0, stored.
        assertArrayEquals(new double[] {5, 0.0, -1, 0.0, 1.5}, Arrays.copyOf(csr.values(), csr.nnz()), "values");
        assertTrue(csr.isSorted());
        assertEquals(7, coo.nnz(), "COO counts triplets, duplicates separately");
        assertEquals(5, csr.nnz(), "CSR counts distinct positions, explicit zeros included");
    }

    @Test
    void cooToCsrSumsManyDuplicatesOfOneEntry() {
        int n = 1000;
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] v = new double[n];
        Arrays.fill(ri, 1);
        Arrays.fill(ci, 2);
        Arrays.fill(v, 0.5);
        CsrMatrix csr = new CooMatrix(3, 3, ri, ci, v).toCsr();
        assertEquals(1, csr.nnz());
        assertEquals(500.0, csr.get(1, 2));
        assertArrayEquals(new int[] {0, 0, 1, 1}, csr.rowPointers());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooToCsrMatchesOracleOnRandomMatrices(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CsrMatrix csr = t.coo().toCsr();
        assertCanonical(csr, t + " → CSR");
        assertPattern(t.pattern(), csr, t + " → CSR");
        assertMatchesOracle(t.dense(), rows, cols, csr, t + " → CSR");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooToCscSumsDuplicatesAndKeepsExplicitZeros(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CscMatrix csc = t.coo().toCsc();
        assertCanonical(csc, t + " → CSC");
        assertPattern(t.pattern(), csc, t + " → CSC");
        assertMatchesOracle(t.dense(), rows, cols, csc, t + " → CSC");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooToDenseSumsDuplicates(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        DenseMatrix d = t.coo().toDense();
        assertEquals(rows * cols, d.data().length);
        assertMatchesOracle(t.dense(), rows, cols, d, t + " → dense");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooGetSumsDuplicates(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        assertMatchesOracle(t.dense(), rows, cols, t.coo(), t.toString());
    }

    @Test
    void cooToCooIsItselfAndToCsrIsComputedOnce() {
        CooMatrix coo = new CooMatrix(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 2});
        assertSame(coo, coo.toCoo());
        assertSame(coo.toCsr(), coo.toCsr(), "canonical form is cached");
    }

    // ---- from CSR ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrToCooKeepsEveryStoredEntryIncludingExplicitZeros(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CsrMatrix csr = t.coo().toCsr();
        CooMatrix coo = csr.toCoo();
        assertEquals(csr.nnz(), coo.nnz(), "one triplet per stored entry");
        assertPattern(t.pattern(), coo, t + " → CSR → COO");
        assertMatchesOracle(t.dense(), rows, cols, coo, t + " → CSR → COO");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrToCscMatchesOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CscMatrix csc = t.coo().toCsr().toCsc();
        assertCanonical(csc, t + " → CSR → CSC");
        assertPattern(t.pattern(), csc, t + " → CSR → CSC");
        assertMatchesOracle(t.dense(), rows, cols, csc, t + " → CSR → CSC");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrToDenseMatchesOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        assertMatchesOracle(t.dense(), rows, cols, t.coo().toCsr().toDense(), t + " → CSR → dense");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void unsortedCsrConvertsToCanonicalFormsInEveryDirection(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        CsrMatrix canonical = t.coo().toCsr();
        CsrMatrix unsorted = shuffledRows(canonical, rnd);
        String what = t + " unsorted CSR";
        assertMatchesOracle(t.dense(), rows, cols, unsorted, what);

        CsrMatrix csr = unsorted.toCsr();
        assertCanonical(csr, what + " → CSR");
        assertPattern(t.pattern(), csr, what + " → CSR");
        assertMatchesOracle(t.dense(), rows, cols, csr, what + " → CSR");
        assertEquals(canonical, csr);

        CscMatrix csc = unsorted.toCsc();
        assertCanonical(csc, what + " → CSC");
        assertMatchesOracle(t.dense(), rows, cols, csc, what + " → CSC");

        assertMatchesOracle(t.dense(), rows, cols, unsorted.toDense(), what + " → dense");
        CooMatrix coo = unsorted.toCoo();
        assertPattern(t.pattern(), coo, what + " → COO");
        assertMatchesOracle(t.dense(), rows, cols, coo, what + " → COO");
    }

    @Test
    void canonicalCsrToCsrIsItself() {
        CsrMatrix a = CsrMatrix.identity(3);
        assertSame(a, a.toCsr());
        assertSame(a, a.sorted());
    }

    @Test
    void csrWithSpareCapacityIgnoresTheTailInEveryConversion() {
        // 2×3 [[0, 7, 0], [8, 0, 9]] with junk after rowPtr[rows] = 3.
        int[] rp = {0, 1, 3};
        int[] ci = {1, 0, 2, -5, 99};
        double[] v = {7, 8, 9, Double.NaN, 1e300};
        CsrMatrix a = new CsrMatrix(2, 3, rp, ci, v);
        double[][] expected = {{0, 7, 0}, {8, 0, 9}};
        assertEquals(3, a.nnz());
        assertMatchesOracle(expected, 2, 3, a.toCoo(), "CSR with spare capacity → COO");
        assertEquals(3, a.toCoo().nnz());
        assertMatchesOracle(expected, 2, 3, a.toCsc(), "→ CSC");
        assertMatchesOracle(expected, 2, 3, a.toDense(), "→ dense");
        assertMatchesOracle(expected, 2, 3, a.transpose().transpose(), "→ transpose twice");
        assertEquals(new CsrMatrix(2, 3, rp.clone(), new int[] {1, 0, 2}, new double[] {7, 8, 9}), a);
    }

    // ---- from CSC ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscToCooKeepsEveryStoredEntryIncludingExplicitZeros(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CooMatrix coo = t.coo().toCsc().toCoo();
        assertPattern(t.pattern(), coo, t + " → CSC → COO");
        assertMatchesOracle(t.dense(), rows, cols, coo, t + " → CSC → COO");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscToCsrMatchesOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CsrMatrix csr = t.coo().toCsc().toCsr();
        assertCanonical(csr, t + " → CSC → CSR");
        assertPattern(t.pattern(), csr, t + " → CSC → CSR");
        assertMatchesOracle(t.dense(), rows, cols, csr, t + " → CSC → CSR");
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscToDenseMatchesOracle(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        assertMatchesOracle(t.dense(), rows, cols, t.coo().toCsc().toDense(), t + " → CSC → dense");
    }

    @Test
    void cscBuiltByHandConvertsToEveryFormat() {
        // 3×2 [[1, 0], [0, 0], [2, 0.0 explicit]] by columns.
        CscMatrix a = new CscMatrix(3, 2, new int[] {0, 2, 3}, new int[] {0, 2, 2}, new double[] {1, 2, 0.0});
        double[][] expected = {{1, 0}, {0, 0}, {2, 0}};
        boolean[][] stored = {{true, false}, {false, false}, {true, true}};
        assertSame(a, a.toCsc());
        CsrMatrix csr = a.toCsr();
        assertArrayEquals(new int[] {0, 1, 1, 3}, csr.rowPointers());
        assertArrayEquals(new int[] {0, 0, 1}, Arrays.copyOf(csr.columnIndices(), 3));
        assertPattern(stored, csr, "CSC → CSR");
        assertPattern(stored, a.toCoo(), "CSC → COO");
        assertMatchesOracle(expected, 3, 2, a.toCoo(), "CSC → COO");
        assertMatchesOracle(expected, 3, 2, a.toDense(), "CSC → dense");
    }

    // ---- from dense ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void denseToSparseFormatsStoreOnlyTheNonzeros(int rows, int cols, long seed) {
        double[][] a = randomDense(new Random(seed), rows, cols, 0.6);
        DenseMatrix d = new DenseMatrix(rows, cols, rowMajor(a, cols));
        boolean[][] nz = nonzeroPattern(a, cols);
        String what = rows + "×" + cols + " dense";

        CooMatrix coo = d.toCoo();
        assertPattern(nz, coo, what + " → COO");
        assertMatchesOracle(a, rows, cols, coo, what + " → COO");

        CsrMatrix csr = d.toCsr();
        assertCanonical(csr, what + " → CSR");
        assertPattern(nz, csr, what + " → CSR");
        assertMatchesOracle(a, rows, cols, csr, what + " → CSR");

        CscMatrix csc = d.toCsc();
        assertCanonical(csc, what + " → CSC");
        assertPattern(nz, csc, what + " → CSC");
        assertMatchesOracle(a, rows, cols, csc, what + " → CSC");

        assertSame(d, d.toDense());
    }

    @Test
    void denseToCsrDropsSignedZerosButKeepsNaN() {
        DenseMatrix d = new DenseMatrix(2, 2, new double[] {-0.0, Double.NaN, 0.0, 3});
        CsrMatrix csr = d.toCsr();
        assertEquals(2, csr.nnz(), "-0.0 and 0.0 are zero; NaN is not");
        assertArrayEquals(new int[] {0, 1, 2}, csr.rowPointers());
        assertEquals(Double.NaN, csr.get(0, 1));
        assertEquals(3.0, csr.get(1, 1));
    }

    @Test
    void denseOfCopiesRowsAndRejectsRaggedInput() {
        double[][] a = {{1, 2, 3}, {4, 5, 6}};
        DenseMatrix d = DenseMatrix.of(a);
        a[0][0] = 99;
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.data());
        assertEquals(0, DenseMatrix.of(new double[0][]).rows());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DenseMatrix.of(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    // ---- round trips ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void csrToCscToCsrEqualsOriginal(int rows, int cols, long seed) {
        CsrMatrix a = randomTriplets(new Random(seed), rows, cols).coo().toCsr();
        CsrMatrix back = a.toCsc().toCsr();
        assertEquals(a, back);
        assertArrayEquals(a.rowPointers(), back.rowPointers());
        assertArrayEquals(Arrays.copyOf(a.values(), a.nnz()), Arrays.copyOf(back.values(), back.nnz()));
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cscToCsrToCscEqualsOriginal(int rows, int cols, long seed) {
        CscMatrix a = randomTriplets(new Random(seed), rows, cols).coo().toCsc();
        assertEquals(a, a.toCsr().toCsc());
        assertEquals(a, a.toCoo().toCsc());
        assertEquals(a, a.toCoo().toCsr().toCsc());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void cooRoundTripsThroughEveryFormatToTheSameCanonicalForm(int rows, int cols, long seed) {
        CooMatrix coo = randomTriplets(new Random(seed), rows, cols).coo();
        assertEquals(coo, coo.toCsr().toCoo());
        assertEquals(coo, coo.toCsc().toCoo());
        assertEquals(coo, coo.toCsr().toCsc().toCoo());
        assertEquals(coo.toCsr(), coo.toCsc().toCsr());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void denseRoundTripsThroughEverySparseFormat(int rows, int cols, long seed) {
        double[][] a = randomDense(new Random(seed), rows, cols, 0.5);
        DenseMatrix d = new DenseMatrix(rows, cols, rowMajor(a, cols));
        assertEquals(d, d.toCsr().toDense());
        assertEquals(d, d.toCsc().toDense());
        assertEquals(d, d.toCoo().toDense());
        assertEquals(csrOfNonzeros(a, cols), d.toCsr());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void conversionsLeaveTheSourceArraysUntouched(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CooMatrix coo = t.coo();
        coo.toCsr();
        coo.toCsc();
        coo.toDense();
        assertArrayEquals(t.ri(), coo.rowIndices());
        assertArrayEquals(t.ci(), coo.columnIndices());
        assertArrayEquals(t.v(), coo.values());

        CsrMatrix csr = shuffledRows(coo.toCsr(), new Random(seed + 1));
        int[] rp = csr.rowPointers().clone();
        int[] ci = csr.columnIndices().clone();
        double[] v = csr.values().clone();
        csr.toCsr();
        csr.toCsc();
        csr.toCoo();
        csr.toDense();
        csr.transpose();
        csr.transposeView();
        assertArrayEquals(rp, csr.rowPointers());
        assertArrayEquals(ci, csr.columnIndices());
        assertArrayEquals(v, csr.values());
    }

    @Test
    void toDenseOfAHugeShapeFailsWithAClearMessage() {
        CooMatrix coo = new CooMatrix(100_000, 100_000, new int[0], new int[0], new double[0]);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, coo::toDense);
        assertTrue(e.getMessage().contains("10000000000"), e.getMessage());
        var e2 = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.zeros(100_000, 100_000).toDense());
        assertTrue(e2.getMessage().contains("100000×100000"), e2.getMessage());
    }
}
