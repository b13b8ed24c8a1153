package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.assertClose;
import static org.sparrow.core.FormatsTestSupport.nans;
import static org.sparrow.core.FormatsTestSupport.oracleApply;
import static org.sparrow.core.FormatsTestSupport.oracleApplyTranspose;
import static org.sparrow.core.FormatsTestSupport.oracleErrorBound;
import static org.sparrow.core.FormatsTestSupport.randomTriplets;
import static org.sparrow.core.FormatsTestSupport.randomVector;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;
import static org.sparrow.core.FormatsTestSupport.transpose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.FormatsTestSupport.Triplets;

/**
 * {@code apply}/{@code applyTranspose} and the block forms of every format against a dense oracle,
 * with outputs pre-filled with NaN; and the length checks with their messages.
 */
class LinearOperatorTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";
    private static final int[] BLOCK_WIDTHS = {0, 1, 3};

    /** Every format of the same matrix, keyed by a readable name. */
    private static Map<String, LinearOperator> operators(Triplets t, long seed) {
        CooMatrix coo = t.coo();
        Map<String, LinearOperator> ops = new LinkedHashMap<>();
        ops.put("COO (duplicates unsummed)", coo);
        ops.put("CSR", coo.toCsr());
        ops.put("unsorted CSR", shuffledRows(coo.toCsr(), new Random(seed)));
        ops.put("CSC", coo.toCsc());
        ops.put("dense", coo.toDense());
        ops.put("CSR transposeView of Aᵀ", coo.toCsr().transpose().transposeView());
        ops.put("plain operator", new DenseOracleOperator(t.dense(), t.cols()));
        DenseOracleOperator oracle = new DenseOracleOperator(t.dense(), t.cols());
        ops.put("LinearOperator.of", LinearOperator.of(t.rows(), t.cols(), oracle::apply, oracle::applyTranspose));
        return ops;
    }

    /**
     * A LinearOperator that is no Matrix, implementing only the four abstract methods, so the default
     * block methods are exercised without any format's code.
     */
    private record DenseOracleOperator(double[][] a, int cols) implements LinearOperator {
        @Override
        public int rows() {
            return a.length;
        }

        @Override
        public void apply(double[] x, double[] y) {
            double[] r = oracleApply(a, cols, x);
            System.arraycopy(r, 0, y, 0, r.length);
        }

        @Override
        public void applyTranspose(double[] x, double[] y) {
            double[] r = oracleApplyTranspose(a, cols, x);
            System.arraycopy(r, 0, y, 0, r.length);
        }
    }

    // ---- vector forms ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void applyMatchesOracleInEveryFormatAndOverwritesJunk(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        double[][] a = t.dense();
        double[] x = randomVector(rnd, cols);
        double[] expected = oracleApply(a, cols, x);
        double[] bound = oracleErrorBound(t.absDense(), cols, x);
        for (var e : operators(t, seed).entrySet()) {
            double[] xCopy = x.clone();
            double[] y = nans(rows);
            e.getValue().apply(xCopy, y);
            assertClose(expected, bound, y, t + " " + e.getKey() + " apply");
            assertArrayEquals(x, xCopy, e.getKey() + ": apply must not modify x");
            assertClose(expected, bound, e.getValue().apply(x), t + " " + e.getKey() + " apply(x)");
        }
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void applyTransposeMatchesOracleInEveryFormatAndOverwritesJunk(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        double[][] at = transpose(t.dense(), cols);
        double[] x = randomVector(rnd, rows);
        double[] expected = oracleApply(at, rows, x);
        double[] bound = oracleErrorBound(transpose(t.absDense(), cols), rows, x);
        for (var e : operators(t, seed).entrySet()) {
            double[] xCopy = x.clone();
            double[] y = nans(cols);
            e.getValue().applyTranspose(xCopy, y);
            assertClose(expected, bound, y, t + " " + e.getKey() + " applyTranspose");
            assertArrayEquals(x, xCopy, e.getKey() + ": applyTranspose must not modify x");
            assertClose(expected, bound, e.getValue().applyTranspose(x),
                    t + " " + e.getKey() + " applyTranspose(x)");
        }
    }

    @Test
    void applyByHandOnARectangularMatrix() {
        // A = [[1, 0, 2], [0, 0, 0], [0, 3, 0]] with duplicates 1 = 0.5 + 0.5 in COO.
        CooMatrix coo = new CooMatrix(3, 3, new int[] {2, 0, 0, 0}, new int[] {1, 2, 0, 0},
                new double[] {3, 2, 0.5, 0.5});
        double[] x = {1, 10, 100};
        for (Matrix m : new Matrix[] {coo, coo.toCsr(), coo.toCsc(), coo.toDense()}) {
            double[] y = nans(3);
            m.apply(x, y);
            assertArrayEquals(new double[] {201, 0, 30}, y, m.toString());
            m.applyTranspose(x, y);
            assertArrayEquals(new double[] {1, 300, 2}, y, m.toString());
        }
    }

    @Test
    void emptyDimensionsStillOverwriteTheOutput() {
        // 5×0 times an empty x is the zero vector of length 5; 0×4 transposed likewise.
        for (Matrix m : new Matrix[] {CsrMatrix.zeros(5, 0), CsrMatrix.zeros(5, 0).toCsc(),
                CsrMatrix.zeros(5, 0).toCoo(), DenseMatrix.zeros(5, 0)}) {
            double[] y = nans(5);
            m.apply(new double[0], y);
            assertArrayEquals(new double[5], y, m.toString());
        }
        for (Matrix m : new Matrix[] {CsrMatrix.zeros(0, 4), CsrMatrix.zeros(0, 4).toCsc(),
                CsrMatrix.zeros(0, 4).toCoo(), DenseMatrix.zeros(0, 4)}) {
            double[] y = nans(4);
            m.applyTranspose(new double[0], y);
            assertArrayEquals(new double[4], y, m.toString());
        }
    }

    // ---- block forms ----

    private static double[] columnOf(double[] block, int rows, int k, int c) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = block[i * k + c];
        }
        return v;
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void applyBlockMatchesOracleColumnByColumn(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        double[][] a = t.dense();
        double[][] abs = t.absDense();
        for (int k : BLOCK_WIDTHS) {
            double[] x = randomVector(rnd, cols * k);
            for (var e : operators(t, seed).entrySet()) {
                double[] xCopy = x.clone();
                double[] y = nans(rows * k);
                e.getValue().applyBlock(xCopy, y, k);
                assertArrayEquals(x, xCopy, e.getKey() + ": applyBlock must not modify X");
                for (int c = 0; c < k; c++) {
                    double[] xc = columnOf(x, cols, k, c);
                    assertClose(oracleApply(a, cols, xc), oracleErrorBound(abs, cols, xc), columnOf(y, rows, k, c),
                            t + " " + e.getKey() + " applyBlock k=" + k + " column " + c);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void applyTransposeBlockMatchesOracleColumnByColumn(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        double[][] at = transpose(t.dense(), cols);
        double[][] absT = transpose(t.absDense(), cols);
        for (int k : BLOCK_WIDTHS) {
            double[] x = randomVector(rnd, rows * k);
            for (var e : operators(t, seed).entrySet()) {
                double[] y = nans(cols * k);
                e.getValue().applyTransposeBlock(x, y, k);
                for (int c = 0; c < k; c++) {
                    double[] xc = columnOf(x, rows, k, c);
                    assertClose(oracleApply(at, rows, xc), oracleErrorBound(absT, rows, xc), columnOf(y, cols, k, c),
                            t + " " + e.getKey() + " applyTransposeBlock k=" + k + " column " + c);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void applyToADenseMatrixMatchesOracle(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        Triplets t = randomTriplets(rnd, rows, cols);
        double[][] a = t.dense();
        double[][] abs = t.absDense();
        for (int k : BLOCK_WIDTHS) {
            double[] xData = randomVector(rnd, cols * k);
            DenseMatrix x = new DenseMatrix(cols, k, xData);
            for (var e : operators(t, seed).entrySet()) {
                DenseMatrix y = e.getValue().apply(x);
                assertEquals(rows, y.rows(), e.getKey());
                assertEquals(k, y.cols(), e.getKey());
                for (int c = 0; c < k; c++) {
                    double[] xc = columnOf(xData, cols, k, c);
                    assertClose(oracleApply(a, cols, xc), oracleErrorBound(abs, cols, xc),
                            columnOf(y.data(), rows, k, c),
                            t + " " + e.getKey() + " apply(DenseMatrix) k=" + k + " column " + c);
                }
            }
        }
    }

    @Test
    void applyToADenseMatrixOfTheWrongHeightSaysBothShapes() {
        CsrMatrix a = CsrMatrix.identity(3);
        var e = assertThrows(IllegalArgumentException.class, () -> a.apply(DenseMatrix.zeros(4, 2)));
        assertTrue(e.getMessage().contains("3×3") && e.getMessage().contains("4×2"), e.getMessage());
    }

    // ---- length checks ----

    private static void assertLengthError(Executable call, String name, int actual, int expected, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, what);
        String m = e.getMessage();
        assertTrue(m.contains(name + " has length " + actual), what + ": actual length in '" + m + "'");
        assertTrue(m.contains(" " + expected), what + ": expected length in '" + m + "'");
    }

    @Test
    void wrongLengthVectorsAreRejectedWithTheExpectedAndActualLengths() {
        // A is 3×5: apply wants x of 5 and y of 3; applyTranspose the other way round.
        Triplets t = randomTriplets(new Random(3), 3, 5);
        for (var e : operators(t, 3).entrySet()) {
            LinearOperator op = e.getValue();
            String n = e.getKey();
            if (op instanceof DenseOracleOperator) {
                continue; // only the formats check their arguments
            }
            assertLengthError(() -> op.apply(new double[4], new double[3]), "x", 4, 5, n + " apply x");
            assertLengthError(() -> op.apply(new double[5], new double[7]), "y", 7, 3, n + " apply y");
            assertLengthError(() -> op.applyTranspose(new double[5], new double[5]), "x", 5, 3,
                    n + " applyTranspose x");
            assertLengthError(() -> op.applyTranspose(new double[3], new double[3]), "y", 3, 5,
                    n + " applyTranspose y");
            assertLengthError(() -> op.apply(new double[6]), "x", 6, 5, n + " apply(x)");
            assertLengthError(() -> op.applyTranspose(new double[0]), "x", 0, 3, n + " applyTranspose(x)");
            assertThrows(IllegalArgumentException.class, () -> op.apply(null, new double[3]), n + " null x");
            assertThrows(IllegalArgumentException.class, () -> op.apply(new double[5], null), n + " null y");
        }
    }

    @Test
    void wrongLengthBlocksAreRejectedWithTheExpectedAndActualLengths() {
        LinearOperator op = new DenseOracleOperator(new double[4][3], 3); // 4×3
        assertLengthError(() -> op.applyBlock(new double[5], new double[8], 2), "x", 5, 6, "applyBlock x");
        assertLengthError(() -> op.applyBlock(new double[6], new double[6], 2), "y", 6, 8, "applyBlock y");
        assertLengthError(() -> op.applyTransposeBlock(new double[6], new double[6], 2), "x", 6, 8,
                "applyTransposeBlock x");
        assertLengthError(() -> op.applyTransposeBlock(new double[8], new double[8], 2), "y", 8, 6,
                "applyTransposeBlock y");
        var neg = assertThrows(IllegalArgumentException.class, () -> op.applyBlock(new double[0], new double[0], -1));
        assertTrue(neg.getMessage().contains("-1"), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> op.applyBlock(null, new double[8], 2));
        // The formats inherit the same checks.
        assertLengthError(() -> CsrMatrix.identity(2).applyBlock(new double[3], new double[4], 2), "x", 3, 4,
                "CSR applyBlock x");
    }

    @Test
    void blockOfWidthZeroIsAcceptedWithEmptyArrays() {
        LinearOperator op = CsrMatrix.identity(3);
        double[] y = new double[0];
        op.applyBlock(new double[0], y, 0);
        op.applyTransposeBlock(new double[0], y, 0);
        DenseMatrix r = op.apply(DenseMatrix.zeros(3, 0));
        assertEquals(3, r.rows());
        assertEquals(0, r.cols());
    }

    // ---- LinearOperator.of ----

    @Test
    void ofCallsTheGivenProductsAndReportsItsShape() {
        double[][] a = {{1, 2, 0}, {0, -1, 4}};
        LinearOperator op = LinearOperator.of(2, 3, (x, y) -> {
            y[0] = x[0] + 2 * x[1];
            y[1] = -x[1] + 4 * x[2];
        }, (x, y) -> {
            y[0] = x[0];
            y[1] = 2 * x[0] - x[1];
            y[2] = 4 * x[1];
        });
        assertEquals(2, op.rows());
        assertEquals(3, op.cols());
        assertArrayEquals(oracleApply(a, 3, new double[] {1, 2, 3}), op.apply(new double[] {1, 2, 3}));
        assertArrayEquals(oracleApplyTranspose(a, 3, new double[] {5, -7}), op.applyTranspose(new double[] {5, -7}));
        assertEquals("LinearOperator 2×3", op.toString());
    }

    @Test
    void ofRefusesNegativeDimensionsAndMissingProducts() {
        LinearOperator.Product none = (x, y) -> { };
        var neg = assertThrows(IllegalArgumentException.class, () -> LinearOperator.of(-1, 3, none, none));
        assertEquals("an operator's dimensions must be ≥ 0, got -1×3", neg.getMessage());
        var cols = assertThrows(IllegalArgumentException.class, () -> LinearOperator.of(2, -4, none, none));
        assertTrue(cols.getMessage().contains("2×-4"), cols.getMessage());
        var apply = assertThrows(IllegalArgumentException.class, () -> LinearOperator.of(2, 3, null, none));
        assertEquals("the product A·x (apply) is null", apply.getMessage());
        var transpose = assertThrows(IllegalArgumentException.class, () -> LinearOperator.of(2, 3, none, null));
        assertEquals("the product Aᵀ·x (applyTranspose) is null", transpose.getMessage());
        LinearOperator empty = LinearOperator.of(0, 0, none, none);
        assertEquals(0, empty.apply(new double[0]).length, "a 0×0 operator maps the empty vector to itself");
    }

    @Test
    void ofChecksVectorLengthsBeforeCallingTheProducts() {
        int[] calls = new int[1];
        LinearOperator.Product counting = (x, y) -> calls[0]++;
        LinearOperator op = LinearOperator.of(3, 5, counting, counting);
        var e = assertThrows(IllegalArgumentException.class, () -> op.apply(new double[4], new double[3]));
        assertEquals("x has length 4 but the operator is 3×5, so it needs length 5 (its column count, for A·x)",
                e.getMessage());
        var t = assertThrows(IllegalArgumentException.class, () -> op.applyTranspose(new double[3], new double[3]));
        assertEquals("y has length 3 but the operator is 3×5, so it needs length 5 (its column count, for Aᵀ·x)",
                t.getMessage());
        assertEquals(0, calls[0], "no product ran on a wrong-length vector");
        op.apply(new double[5], new double[3]);
        op.applyTranspose(new double[3], new double[5]);
        assertEquals(2, calls[0]);
    }
}
