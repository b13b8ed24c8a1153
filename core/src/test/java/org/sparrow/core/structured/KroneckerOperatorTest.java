package org.sparrow.core.structured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sparrow.core.FormatsTestSupport.csrOfNonzeros;
import static org.sparrow.core.FormatsTestSupport.randomDense;
import static org.sparrow.core.FormatsTestSupport.rowMajor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.Parallelism;

/**
 * {@link KroneckerOperator} against an independent dense Kronecker product built here entry by entry
 * ({@code A[r, c] = ∏_k A_k[r_k, c_k]} with the mixed-radix indices of the stated convention), and
 * against {@link KroneckerOperator#toDense()}: 1 to 4 factors, odd shapes (1×k, k×1, 1×1, wide and
 * tall), dense, CSR, CSC and COO factors (COO with duplicates to sum) mixed, all four products and the
 * workspace forms, outputs pre-filled with NaN. Seeded.
 */
class KroneckerOperatorTest {

    /** Factor shapes {M_k, N_k}, one case per line. */
    private static final int[][][] SHAPES = {
        {{3, 5}},
        {{1, 1}},
        {{4, 1}},
        {{2, 3}, {4, 2}},
        {{1, 4}, {3, 1}},
        {{5, 1}, {1, 3}},
        {{1, 1}, {2, 2}},
        {{3, 3}, {1, 1}},
        {{2, 3}, {3, 2}, {2, 4}},
        {{1, 3}, {4, 2}, {3, 1}},
        {{4, 4}, {1, 5}, {2, 2}},
        {{2, 2}, {3, 3}, {2, 1}, {1, 3}},
        {{2, 3}, {1, 2}, {3, 2}, {2, 2}},
        {{3, 1}, {1, 1}, {2, 3}, {3, 2}},
    };

    private static final String[] FORMATS = {"dense", "csr", "csc", "coo"};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int s = 0; s < SHAPES.length; s++) {
            for (int seed = 0; seed < 4; seed++) {
                out.add(Arguments.of(s, seed));
            }
        }
        return out.stream();
    }

    // ---- the products against the independent dense Kronecker product -------------------------

    @ParameterizedTest(name = "shapes {0}, seed {1}")
    @MethodSource("cases")
    void productsMatchTheEntrywiseKroneckerProduct(int shapeCase, int seed) {
        Random rnd = new Random(1000L * shapeCase + seed);
        int[][] shapes = SHAPES[shapeCase];
        List<Matrix> factors = randomFactors(rnd, shapes, seed);
        KroneckerOperator op = KroneckerOperator.of(factors);
        double[][] dense = entrywiseKron(factors);
        int rows = dense.length;
        int cols = rows == 0 ? 0 : dense[0].length;
        assertEquals(rows, op.rows(), "rows");
        assertEquals(cols, op.cols(), "cols");

        double[] x = randomVector(rnd, cols);
        double[] y = nans(rows);
        op.apply(x, y);
        assertClose(denseApply(dense, x), y, "A·x");

        double[] xt = randomVector(rnd, rows);
        double[] yt = nans(cols);
        op.applyTranspose(xt, yt);
        assertClose(denseApplyTranspose(dense, xt), yt, "Aᵀ·x");

        for (int k : new int[] {1, 2, 5, 9}) {
            double[] xb = randomVector(rnd, cols * k);
            double[] yb = nans(rows * k);
            op.applyBlock(xb, yb, k);
            assertClose(denseBlock(dense, xb, k, false), yb, "A·X, k = " + k);
            double[] xtb = randomVector(rnd, rows * k);
            double[] ytb = nans(cols * k);
            op.applyTransposeBlock(xtb, ytb, k);
            assertClose(denseBlock(dense, xtb, k, true), ytb, "Aᵀ·X, k = " + k);
        }
    }

    @ParameterizedTest(name = "shapes {0}, seed {1}")
    @MethodSource("cases")
    void toDenseEqualsTheEntrywiseKroneckerProduct(int shapeCase, int seed) {
        Random rnd = new Random(7000L * shapeCase + seed);
        List<Matrix> factors = randomFactors(rnd, SHAPES[shapeCase], seed);
        double[][] expected = entrywiseKron(factors);
        DenseMatrix actual = KroneckerOperator.of(factors).toDense();
        int cols = expected.length == 0 ? 0 : expected[0].length;
        assertEquals(expected.length, actual.rows());
        assertEquals(cols, actual.cols());
        assertClose(rowMajor(expected, cols), actual.data(), "toDense");
    }

    @Test
    void twoFactorProductIsA1TimesXTimesA2Transposed() {
        // The vec-trick identity the class comment states: (A₁⊗A₂)·x = vec(A₁·X·A₂ᵀ), X = reshape(x, N₁, N₂).
        Random rnd = new Random(5);
        double[][] a1 = randomDense(rnd, 3, 4, 0.2);
        double[][] a2 = randomDense(rnd, 5, 2, 0.2);
        double[] x = randomVector(rnd, 8);
        double[] y = new double[15];
        KroneckerOperator.of(new DenseMatrix(3, 4, rowMajor(a1, 4)), new DenseMatrix(5, 2, rowMajor(a2, 2))).apply(x, y);
        double[] expected = new double[15];
        for (int r1 = 0; r1 < 3; r1++) {
            for (int r2 = 0; r2 < 5; r2++) {
                double s = 0;
                for (int i1 = 0; i1 < 4; i1++) {
                    for (int i2 = 0; i2 < 2; i2++) {
                        s += a1[r1][i1] * x[i1 * 2 + i2] * a2[r2][i2];
                    }
                }
                expected[r1 * 5 + r2] = s;
            }
        }
        assertClose(expected, y, "A₁·X·A₂ᵀ");
    }

    @Test
    void largerProductRunsThreadedAndMatchesNaiveModeProducts() {
        // 3 dense 24×20 factors: the mode products have ~10⁶ multiply-adds, above the threading threshold.
        Random rnd = new Random(11);
        int[] m = {24, 23, 22};
        int[] n = {20, 21, 19};
        List<Matrix> factors = new ArrayList<>();
        double[][][] a = new double[3][][];
        for (int k = 0; k < 3; k++) {
            a[k] = randomDense(rnd, m[k], n[k], 0.3);
            factors.add(k == 1 ? csrOfNonzeros(a[k], n[k]) : new DenseMatrix(m[k], n[k], rowMajor(a[k], n[k])));
        }
        KroneckerOperator op = KroneckerOperator.of(factors);
        double[] x = randomVector(rnd, 20 * 21 * 19);
        double[] y = nans(24 * 23 * 22);
        op.apply(x, y);
        assertClose(naiveModeProducts(a, m, n, x), y, "A·x by mode products");
        double[] xt = randomVector(rnd, op.rows());
        double[] yt = nans(op.cols());
        op.applyTranspose(xt, yt);
        double[][][] at = new double[3][][];
        for (int k = 0; k < 3; k++) {
            at[k] = transpose(a[k]);
        }
        assertClose(naiveModeProducts(at, n, m, xt), yt, "Aᵀ·x by mode products");
    }

    @Test
    void productsAreBitIdenticalForEveryThreadCount() {
        Random rnd = new Random(12);
        List<Matrix> factors = new ArrayList<>();
        int[][] shapes = {{30, 25}, {27, 31}, {22, 20}};
        for (int k = 0; k < 3; k++) {
            double[][] a = randomDense(rnd, shapes[k][0], shapes[k][1], 0.4);
            factors.add(k == 0 ? new DenseMatrix(shapes[k][0], shapes[k][1], rowMajor(a, shapes[k][1]))
                    : csrOfNonzeros(a, shapes[k][1]));
        }
        KroneckerOperator op = KroneckerOperator.of(factors);
        double[] x = randomVector(rnd, op.cols());
        double[] xt = randomVector(rnd, op.rows());
        double[] xb = randomVector(rnd, op.cols() * 3);
        String saved = System.getProperty(Parallelism.THREADS_PROPERTY);
        double[][] first = null;
        try {
            for (String threads : new String[] {"1", "2", "5"}) {
                System.setProperty(Parallelism.THREADS_PROPERTY, threads);
                double[][] now = {op.apply(x), op.applyTranspose(xt), new double[op.rows() * 3]};
                op.applyBlock(xb, now[2], 3);
                if (first == null) {
                    first = now;
                } else {
                    for (int v = 0; v < 3; v++) {
                        assertArrayEquals(first[v], now[v], threads + " threads, product " + v);
                    }
                }
            }
        } finally {
            if (saved == null) {
                System.clearProperty(Parallelism.THREADS_PROPERTY);
            } else {
                System.setProperty(Parallelism.THREADS_PROPERTY, saved);
            }
        }
    }

    // ---- workspace forms -----------------------------------------------------------------------

    @Test
    void workspaceFormsGiveTheSameBitsAndReuseOneWorkspace() {
        Random rnd = new Random(3);
        List<Matrix> factors = randomFactors(rnd, new int[][] {{2, 3}, {4, 2}, {3, 3}, {1, 2}}, 1);
        KroneckerOperator op = KroneckerOperator.of(factors);
        KroneckerOperator.Workspace w = op.workspace(4);
        assertEquals(2L * 4 * longestIntermediate(op), op.workspaceLength(4));
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomVector(rnd, op.cols());
            double[] y1 = nans(op.rows());
            double[] y2 = nans(op.rows());
            op.apply(x, y1);
            op.apply(x, y2, w);
            assertArrayEquals(y1, y2, "apply with a workspace");
            double[] xt = randomVector(rnd, op.rows());
            op.applyTranspose(xt, y1 = nans(op.cols()));
            op.applyTranspose(xt, y2 = nans(op.cols()), w);
            assertArrayEquals(y1, y2, "applyTranspose with a workspace");
            for (int k = 1; k <= 4; k++) {
                double[] xb = randomVector(rnd, op.cols() * k);
                op.applyBlock(xb, y1 = nans(op.rows() * k), k);
                op.applyBlock(xb, y2 = nans(op.rows() * k), k, w);
                assertArrayEquals(y1, y2, "applyBlock with a workspace, k = " + k);
                double[] xtb = randomVector(rnd, op.rows() * k);
                op.applyTransposeBlock(xtb, y1 = nans(op.cols() * k), k);
                op.applyTransposeBlock(xtb, y2 = nans(op.cols() * k), k, w);
                assertArrayEquals(y1, y2, "applyTransposeBlock with a workspace, k = " + k);
            }
        }
    }

    @Test
    void blockProductEqualsTheProductOfEachColumn() {
        Random rnd = new Random(4);
        KroneckerOperator op = KroneckerOperator.of(randomFactors(rnd, new int[][] {{3, 2}, {2, 4}, {3, 3}}, 2));
        int k = 7;
        double[] xb = randomVector(rnd, op.cols() * k);
        double[] yb = nans(op.rows() * k);
        op.applyBlock(xb, yb, k);
        for (int c = 0; c < k; c++) {
            double[] xc = new double[op.cols()];
            for (int i = 0; i < xc.length; i++) {
                xc[i] = xb[i * k + c];
            }
            double[] yc = op.apply(xc);
            for (int i = 0; i < yc.length; i++) {
                assertEquals(yc[i], yb[i * k + c], 1e-12 * (1 + Math.abs(yc[i])), "column " + c + ", row " + i);
            }
        }
    }

    @Test
    void tooSmallWorkspaceIsRefusedWithTheSizeNeeded() {
        KroneckerOperator op = KroneckerOperator.of(identity(3), identity(4));
        KroneckerOperator.Workspace w = op.workspace(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> op.applyBlock(new double[24], new double[24], 2, w));
        assertTrue(e.getMessage().contains("workspace(2)"), e.getMessage());
        assertTrue(e.getMessage().contains("needs " + op.workspaceLength(2)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> op.workspace(0));
    }

    // ---- special factors -----------------------------------------------------------------------

    @Test
    void factorWithNoNonzerosGivesZeroProducts() {
        Random rnd = new Random(8);
        CsrMatrix empty = new CsrMatrix(3, 2, new int[4], new int[0], new double[0]);
        KroneckerOperator op = KroneckerOperator.of(randomFactors(rnd, new int[][] {{2, 3}}, 0).get(0), empty,
                new DenseMatrix(2, 2, new double[] {1, 2, 3, 4}));
        double[] y = nans(op.rows());
        op.apply(randomVector(rnd, op.cols()), y);
        assertArrayEquals(new double[op.rows()], y, "A·x with a zero factor");
        double[] yt = nans(op.cols());
        op.applyTranspose(randomVector(rnd, op.rows()), yt);
        assertArrayEquals(new double[op.cols()], yt, "Aᵀ·x with a zero factor");
    }

    @Test
    void factorWithNoColumnsGivesZeroOutputAndNoRowsGivesNothing() {
        KroneckerOperator noCols = KroneckerOperator.of(identity(2), new CsrMatrix(3, 0, new int[4], new int[0], new double[0]));
        assertEquals(6, noCols.rows());
        assertEquals(0, noCols.cols());
        double[] y = nans(6);
        noCols.apply(new double[0], y);
        assertArrayEquals(new double[6], y);
        double[] yb = nans(12);
        noCols.applyBlock(new double[0], yb, 2);
        assertArrayEquals(new double[12], yb);
        noCols.applyTranspose(new double[6], new double[0]);
        assertEquals(0, noCols.toDense().cols());

        KroneckerOperator noRows = KroneckerOperator.of(DenseMatrix.zeros(0, 3), identity(2));
        assertEquals(0, noRows.rows());
        assertEquals(6, noRows.cols());
        noRows.apply(new double[6], new double[0]);
        double[] yt = nans(6);
        noRows.applyTranspose(new double[0], yt);
        assertArrayEquals(new double[6], yt);
    }

    @Test
    void blockWidthZeroWritesNothing() {
        KroneckerOperator op = KroneckerOperator.of(identity(2), identity(3));
        op.applyBlock(new double[0], new double[0], 0);
        op.applyTransposeBlock(new double[0], new double[0], 0, op.workspace(1));
    }

    // ---- accessors and refusals ----------------------------------------------------------------

    @Test
    void accessorsReportTheFactorsAndCopies() {
        DenseMatrix a = new DenseMatrix(2, 3, new double[6]);
        CsrMatrix b = identity(4);
        KroneckerOperator op = KroneckerOperator.of(List.of(a, b));
        assertEquals(2, op.factorCount());
        assertSame(a, op.factor(0));
        assertSame(b, op.factor(1));
        assertArrayEquals(new int[] {2, 4}, op.factorRows());
        assertArrayEquals(new int[] {3, 4}, op.factorCols());
        op.factorRows()[0] = 99;
        assertEquals(2, op.factorRows()[0], "factorRows returns a copy");
        assertEquals(8, op.rows());
        assertEquals(12, op.cols());
        assertEquals("factor index 2 is out of range: the Kronecker product has 2 factors, indexed from 0",
                assertThrows(IllegalArgumentException.class, () -> op.factor(2)).getMessage());
        assertTrue(op.toString().contains("2×3 ⊗ 4×4"), op.toString());
    }

    @Test
    void wrongLengthsAreRefusedWithTheOperatorShape() {
        KroneckerOperator op = KroneckerOperator.of(identity(2), new DenseMatrix(3, 4, new double[12]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(new double[7], new double[6]));
        assertEquals("x has length 7 but the Kronecker operator is 6×8, so it needs length 8 (its column count, for A·x)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.apply(new double[8], new double[5]));
        assertTrue(e.getMessage().startsWith("y has length 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.applyTranspose(new double[8], new double[8]));
        assertTrue(e.getMessage().contains("its row count, for Aᵀ·x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.applyBlock(new double[16], new double[11], 2));
        assertTrue(e.getMessage().startsWith("Y has length 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> op.applyTransposeBlock(new double[13], new double[16], 2, op.workspace(2)));
        assertTrue(e.getMessage().startsWith("X has length 13"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.applyBlock(new double[0], new double[0], -1));
        assertTrue(e.getMessage().contains("≥ 0"), e.getMessage());
    }

    @Test
    void noFactorsOrANullFactorIsRefused() {
        assertEquals("a Kronecker product needs at least one factor, got none",
                assertThrows(IllegalArgumentException.class, () -> KroneckerOperator.of()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KroneckerOperator.of(List.of()));
        assertEquals("factor 2 of the Kronecker product is null", assertThrows(IllegalArgumentException.class,
                () -> KroneckerOperator.of(identity(2), null)).getMessage());
    }

    @Test
    void productTooLongForAVectorIsRefusedWithTheShapes() {
        CsrMatrix tall = new CsrMatrix(3000, 1, new int[3001], new int[0], new double[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KroneckerOperator.of(tall, tall, tall));
        assertTrue(e.getMessage().contains("3000×1 ⊗ 3000×1 ⊗ 3000×1 is 27000000000×1"), e.getMessage());
    }

    @Test
    void toDenseRefusesPastTheLimitWithTheSize() {
        KroneckerOperator op = KroneckerOperator.of(identity(100), identity(60));
        IllegalStateException e = assertThrows(IllegalStateException.class, op::toDense);
        assertTrue(e.getMessage().contains("6000×6000 (36000000 entries"), e.getMessage());
        assertTrue(e.getMessage().contains("apply it through its factors"), e.getMessage());
        // …while it is still applied: the product of two identities is the identity.
        double[] x = randomVector(new Random(1), op.cols());
        double[] y = nans(op.rows());
        op.apply(x, y);
        assertArrayEquals(x, y);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Random factors of the given shapes, each in a format picked by position and seed (all four appear). */
    private static List<Matrix> randomFactors(Random rnd, int[][] shapes, int seed) {
        List<Matrix> factors = new ArrayList<>();
        for (int k = 0; k < shapes.length; k++) {
            int mk = shapes[k][0];
            int nk = shapes[k][1];
            double[][] a = randomDense(rnd, mk, nk, 0.35);
            String format = FORMATS[(k + seed) % FORMATS.length];
            factors.add(switch (format) {
                case "dense" -> new DenseMatrix(mk, nk, rowMajor(a, nk));
                case "csr" -> csrOfNonzeros(a, nk);
                case "csc" -> csrOfNonzeros(a, nk).toCsc();
                default -> duplicatedCoo(a, nk);
            });
        }
        return factors;
    }

    /** Each nonzero a_ij as two triplets of a_ij/2 (exact), in reverse order: duplicates to sum. */
    private static CooMatrix duplicatedCoo(double[][] a, int cols) {
        List<double[]> t = new ArrayList<>();
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = cols - 1; j >= 0; j--) {
                if (a[i][j] != 0.0) {
                    t.add(new double[] {i, j, a[i][j] / 2});
                    t.add(new double[] {i, j, a[i][j] / 2});
                }
            }
        }
        int[] ri = new int[t.size()];
        int[] ci = new int[t.size()];
        double[] v = new double[t.size()];
        for (int p = 0; p < t.size(); p++) {
            ri[p] = (int) t.get(p)[0];
            ci[p] = (int) t.get(p)[1];
            v[p] = t.get(p)[2];
        }
        return new CooMatrix(a.length, cols, ri, ci, v);
    }

    /** The Kronecker product entry by entry: r = ((r₁·M₂)+r₂)·M₃+…, c likewise, A[r, c] = ∏ A_k[r_k, c_k]. */
    private static double[][] entrywiseKron(List<Matrix> factors) {
        int d = factors.size();
        int rows = 1;
        int cols = 1;
        for (Matrix f : factors) {
            rows *= f.rows();
            cols *= f.cols();
        }
        double[][] out = new double[rows][cols];
        int[] ri = new int[d];
        int[] ci = new int[d];
        for (int r = 0; r < rows; r++) {
            digits(r, factors, true, ri);
            for (int c = 0; c < cols; c++) {
                digits(c, factors, false, ci);
                double v = 1.0;
                for (int k = 0; k < d; k++) {
                    v *= factors.get(k).get(ri[k], ci[k]);
                }
                out[r][c] = v;
            }
        }
        return out;
    }

    /** The mixed-radix digits of an index, the last factor's digit varying fastest. */
    private static void digits(int index, List<Matrix> factors, boolean rows, int[] out) {
        for (int k = factors.size() - 1; k >= 0; k--) {
            int base = rows ? factors.get(k).rows() : factors.get(k).cols();
            out[k] = index % base;
            index /= base;
        }
    }

    /**
     * y = (A₁⊗A₂⊗A₃)·x by three naive mode products on the N₁×N₂×N₃ tensor, each by its definition
     * (no reshaping or transposes), for factors given as arrays.
     */
    private static double[] naiveModeProducts(double[][][] a, int[] m, int[] n, double[] x) {
        int[] shape = n.clone();
        double[] t = x;
        for (int k = 0; k < 3; k++) {
            int[] next = shape.clone();
            next[k] = m[k];
            double[] u = new double[next[0] * next[1] * next[2]];
            for (int i0 = 0; i0 < next[0]; i0++) {
                for (int i1 = 0; i1 < next[1]; i1++) {
                    for (int i2 = 0; i2 < next[2]; i2++) {
                        int[] idx = {i0, i1, i2};
                        int r = idx[k];
                        double s = 0;
                        for (int j = 0; j < n[k]; j++) {
                            idx[k] = j;
                            s += a[k][r][j] * t[(idx[0] * shape[1] + idx[1]) * shape[2] + idx[2]];
                        }
                        u[(i0 * next[1] + i1) * next[2] + i2] = s;
                    }
                }
            }
            t = u;
            shape = next;
        }
        return t;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static long longestIntermediate(KroneckerOperator op) {
        int[] m = op.factorRows();
        int[] n = op.factorCols();
        long longest = 0;
        for (int[][] dir : new int[][][] {{n, m}, {m, n}}) {
            for (int k = 0; k < m.length; k++) {
                long size = 1;
                for (int j = 0; j < m.length; j++) {
                    size *= j <= k ? dir[1][j] : dir[0][j];
                }
                longest = Math.max(longest, size);
            }
        }
        return longest;
    }

    private static double[] denseApply(double[][] a, double[] x) {
        return denseBlock(a, x, 1, false);
    }

    private static double[] denseApplyTranspose(double[][] a, double[] x) {
        return denseBlock(a, x, 1, true);
    }

    /** Y = A·X or Aᵀ·X for a row-major block of k columns, by the definition. */
    private static double[] denseBlock(double[][] a, double[] x, int k, boolean transpose) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        int out = transpose ? cols : rows;
        double[] y = new double[out * k];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                for (int c = 0; c < k; c++) {
                    if (transpose) {
                        y[j * k + c] += a[i][j] * x[i * k + c];
                    } else {
                        y[i * k + c] += a[i][j] * x[j * k + c];
                    }
                }
            }
        }
        return y;
    }

    private static CsrMatrix identity(int n) {
        int[] rp = new int[n + 1];
        int[] ci = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = i + 1;
            ci[i] = i;
            v[i] = 1.0;
        }
        return new CsrMatrix(n, n, rp, ci, v);
    }

    private static double[] randomVector(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return v;
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Entry by entry within 1e-12 of the largest expected magnitude (plus 1e-12); NaN never passes. */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double tol = 1e-12 * (1 + scale);
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }
}
