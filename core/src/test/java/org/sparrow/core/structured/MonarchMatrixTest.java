package org.sparrow.core.structured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Par;

/**
 * {@link MonarchMatrix} and {@link MonarchProjection} against independent references: dense products with a matrix
 * built here entry by entry from the index convention (and from P·L·Pᵀ·R with the sparse factors), EJML's SVD of
 * every slice for the projection error, Kronecker products (which are Monarch), and the projection's fixed point.
 * Square sizes n = 4 … 1024 with b = √n, other block counts, and rectangular shapes; outputs pre-filled with NaN.
 */
class MonarchMatrixTest {

    /** {rows, cols, blocks}: the paper's square cases, other block counts, and rectangular shapes. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(4, 4, 2), Arguments.of(9, 9, 3), Arguments.of(36, 36, 6), Arguments.of(100, 100, 10),
                Arguments.of(1024, 1024, 32),
                Arguments.of(36, 36, 4), Arguments.of(36, 36, 12), Arguments.of(8, 8, 1), Arguments.of(8, 8, 8),
                Arguments.of(12, 20, 4), Arguments.of(20, 12, 2), Arguments.of(6, 15, 3), Arguments.of(3, 21, 3),
                Arguments.of(28, 7, 7), Arguments.of(64, 32, 16));
    }

    /** M[ℓ·q + j, k·p + i] = L_{j,ℓ,k}·R_{k,j,i}, entry by entry from the stored arrays. */
    static double[] denseFromConvention(MonarchMatrix m) {
        int b = m.blocks();
        int q = m.rows() / b;
        int p = m.cols() / b;
        double[] left = m.left();
        double[] right = m.right();
        double[] d = new double[m.rows() * m.cols()];
        for (int l = 0; l < b; l++) {
            for (int j = 0; j < q; j++) {
                for (int k = 0; k < b; k++) {
                    for (int i = 0; i < p; i++) {
                        d[(l * q + j) * m.cols() + k * p + i] = left[(j * b + l) * b + k] * right[(k * q + j) * p + i];
                    }
                }
            }
        }
        return d;
    }

    /** Y = A·X (or Aᵀ·X) by the textbook triple loop. */
    static double[] product(double[] a, int rows, int cols, double[] x, int k, boolean transpose) {
        int outRows = transpose ? cols : rows;
        int inRows = transpose ? rows : cols;
        double[] y = new double[outRows * k];
        for (int r = 0; r < outRows; r++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int i = 0; i < inRows; i++) {
                    s += (transpose ? a[i * cols + r] : a[r * cols + i]) * x[i * k + c];
                }
                y[r * k + c] = s;
            }
        }
        return y;
    }

    static double[] gaussian(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    static void assertClose(double[] expected, double[] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relTol * Math.max(scale, 1e-300), what + " at " + i);
        }
    }

    static double relativeDifference(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += a[i] * a[i];
        }
        return n == 0 ? Math.sqrt(d) : Math.sqrt(d / n);
    }

    @ParameterizedTest(name = "{0}×{1}, {2} blocks")
    @MethodSource("shapes")
    void productsMatchDenseProductsOfTheIndexConvention(int rows, int cols, int blocks) {
        MonarchMatrix m = MonarchMatrix.random(rows, cols, blocks, 17L * rows + cols + blocks);
        double[] dense = denseFromConvention(m);
        assertArrayEquals(dense, m.toDense().data(), "toDense follows the index convention");
        Random rnd = new Random(rows * 31L + blocks);
        for (int k : new int[] {1, 3}) {
            double[] x = gaussian(rnd, cols * k);
            double[] xt = gaussian(rnd, rows * k);
            double[] expected = product(dense, rows, cols, x, k, false);
            double[] expectedT = product(dense, rows, cols, xt, k, true);
            double[] y = new double[rows * k];
            double[] yt = new double[cols * k];
            for (Par par : new Par[] {Par.SEQ, Par.threads(3)}) {
                Arrays.fill(y, Double.NaN);
                Arrays.fill(yt, Double.NaN);
                if (k == 1) {
                    m.apply(x, y);
                    m.applyTranspose(xt, yt);
                } else {
                    m.applyBlock(x, y, k);
                    m.applyTransposeBlock(xt, yt, k);
                }
                assertClose(expected, y, 1e-12, "M·X, k = " + k);
                assertClose(expectedT, yt, 1e-12, "Mᵀ·X, k = " + k);
                MonarchMatrix.Workspace w = m.workspace(k);
                double[] y2 = new double[rows * k];
                double[] yt2 = new double[cols * k];
                Arrays.fill(y2, Double.NaN);
                Arrays.fill(yt2, Double.NaN);
                m.applyBlock(x, y2, k, w, par);
                m.applyTransposeBlock(xt, yt2, k, w, par);
                assertArrayEquals(y, y2, "workspace form, " + par);
                assertArrayEquals(yt, yt2, "workspace transposed form, " + par);
                if (k == 1) {
                    Arrays.fill(y2, Double.NaN);
                    Arrays.fill(yt2, Double.NaN);
                    m.apply(x, y2, w, par);
                    m.applyTranspose(xt, yt2, w, par);
                    assertArrayEquals(y, y2, "vector workspace form, " + par);
                    assertArrayEquals(yt, yt2, "vector workspace transposed form, " + par);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1}, {2} blocks")
    @MethodSource("shapes")
    void sparseFactorsComposeToTheMatrixThroughTheReshapeTranspose(int rows, int cols, int blocks) {
        MonarchMatrix m = MonarchMatrix.random(rows, cols, blocks, 5L + rows);
        int b = blocks;
        int q = rows / b;
        CsrMatrix l = m.leftFactor();
        CsrMatrix r = m.rightFactor();
        assertEquals(rows, l.rows());
        assertEquals(rows, l.cols());
        assertEquals(rows, r.rows());
        assertEquals(cols, r.cols());
        // P maps index j·b + ℓ (q × b) to ℓ·q + j (b × q): (P·z)[ℓ·q + j] = z[j·b + ℓ].
        double[] rd = r.toDense().data();
        double[] ld = l.toDense().data();
        double[] pr = new double[rows * cols]; // Pᵀ·R: row j·b + k of it is row k·q + j of R
        for (int k = 0; k < b; k++) {
            for (int j = 0; j < q; j++) {
                System.arraycopy(rd, (k * q + j) * cols, pr, (j * b + k) * cols, cols);
            }
        }
        double[] lpr = new double[rows * cols];
        l.applyBlock(pr, lpr, cols); // L is sparse: SpMM with the cols columns of Pᵀ·R
        if (rows <= 100) {
            assertClose(product(ld, rows, rows, pr, cols, false), lpr, 1e-13, "L·(Pᵀ·R) densely");
        }
        double[] m2 = new double[rows * cols];
        for (int l0 = 0; l0 < b; l0++) {
            for (int j = 0; j < q; j++) {
                System.arraycopy(lpr, (j * b + l0) * cols, m2, (l0 * q + j) * cols, cols);
            }
        }
        assertClose(m.toDense().data(), m2, 1e-13, "P·L·Pᵀ·R");
    }

    @Test
    void constructorKeepsTheGivenStorageAndCountsParameters() {
        int rows = 12;
        int cols = 20;
        int b = 4;
        Random rnd = new Random(3);
        double[] left = gaussian(rnd, 3 * 4 * 4);
        double[] right = gaussian(rnd, 4 * 3 * 5);
        MonarchMatrix m = new MonarchMatrix(rows, cols, b, left, right);
        assertArrayEquals(left, m.left());
        assertArrayEquals(right, m.right());
        assertEquals(48 + 60, m.parameterCount());
        assertEquals(2L * 32 * 32 * 32, MonarchMatrix.random(1024, 1024, 32, 1).parameterCount());
        left[0] = 99; // copied
        assertEquals(m.left()[0], new MonarchMatrix(rows, cols, b, m.left(), right).left()[0]);
        assertTrue(m.left()[0] != 99);
        assertEquals(12L * 20, m.toDense().data().length);
    }

    @Test
    void blockCountThatDoesNotDivideIsRefusedWithTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonarchMatrix.random(10, 12, 4, 1));
        assertTrue(e.getMessage().contains("10×12") && e.getMessage().contains("4 blocks")
                && e.getMessage().contains("divide"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MonarchMatrix.project(new DenseMatrix(10, 12, new double[120]), 4));
        assertTrue(e.getMessage().contains("10×12") && e.getMessage().contains("4 blocks"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MonarchMatrix.project(new DenseMatrix(12, 10, new double[120]), 4));
        assertTrue(e.getMessage().contains("12×10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MonarchMatrix(9, 9, 3, new double[26], new double[27]));
        assertTrue(e.getMessage().contains("27") && e.getMessage().contains("26"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MonarchMatrix.random(9, 9, 0, 1));
        assertTrue(e.getMessage().contains("≥ 1"), e.getMessage());
        double[] bad = new double[27];
        bad[4] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> new MonarchMatrix(9, 9, 3, bad, new double[27]));
        assertTrue(e.getMessage().contains("L(5)"), e.getMessage());
    }

    @Test
    void wrongLengthsAndSmallWorkspacesAreRefused() {
        MonarchMatrix m = MonarchMatrix.random(12, 20, 4, 2);
        assertThrows(IllegalArgumentException.class, () -> m.apply(new double[12], new double[12]));
        assertThrows(IllegalArgumentException.class, () -> m.applyBlock(new double[40], new double[24], 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.applyBlock(new double[60], new double[36], 3, m.workspace(2), Par.SEQ));
        assertTrue(e.getMessage().contains("workspace(3)"), e.getMessage());
    }

    @Test
    void toDenseIsRefusedPastItsLimit() {
        MonarchMatrix m = MonarchMatrix.random(8192, 8192, 128, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, m::toDense);
        assertTrue(e.getMessage().contains("8192×8192"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}×{1}, {2} blocks")
    @MethodSource("shapes")
    void projectionRecoversARandomMonarchMatrix(int rows, int cols, int blocks) {
        MonarchMatrix m = MonarchMatrix.random(rows, cols, blocks, 99L + rows * 7L + blocks);
        double[] a = m.toDense().data();
        MonarchProjection pr = MonarchMatrix.project(new DenseMatrix(rows, cols, a.clone()), blocks);
        assertEquals(blocks, pr.matrix().blocks());
        double diff = relativeDifference(a, pr.matrix().toDense().data());
        assertTrue(diff <= 1e-12, "‖A − M‖/‖A‖ = " + diff);
        assertTrue(pr.relativeError() <= 1e-12, "reported error " + pr.relativeError());
        assertTrue(pr.seconds() >= 0);
    }

    @Test
    void kroneckerProductIsMonarchAndRecoveredExactly() {
        for (int mm : new int[] {2, 3, 8, 16}) {
            Random rnd = new Random(mm);
            DenseMatrix bf = new DenseMatrix(mm, mm, gaussian(rnd, mm * mm));
            DenseMatrix cf = new DenseMatrix(mm, mm, gaussian(rnd, mm * mm));
            DenseMatrix a = KroneckerOperator.of(bf, cf).toDense();
            MonarchProjection pr = MonarchMatrix.project(a, mm);
            double diff = relativeDifference(a.data(), pr.matrix().toDense().data());
            assertTrue(diff <= 1e-13, "m = " + mm + ": ‖B⊗C − M‖/‖B⊗C‖ = " + diff);
            assertTrue(pr.relativeError() <= 1e-13, "m = " + mm + ": reported " + pr.relativeError());
        }
    }

    /** ‖A − M‖_F² computed slice by slice: Σ_{i≥2} σ_i² of every slice, by EJML's SVD (values only). */
    static double sliceBySliceError(DenseMatrix a, int b) {
        int q = a.rows() / b;
        int p = a.cols() / b;
        double err2 = 0;
        double norm2 = 0;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(b, p, false, false, true);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < b; k++) {
                DMatrixRMaj s = new DMatrixRMaj(b, p);
                for (int l = 0; l < b; l++) {
                    for (int i = 0; i < p; i++) {
                        double v = a.get(l * q + j, k * p + i);
                        s.set(l, i, v);
                        norm2 += v * v;
                    }
                }
                assertTrue(svd.decompose(s));
                double[] w = svd.getSingularValues().clone();
                Arrays.sort(w, 0, Math.min(b, p));
                for (int i = 0; i < Math.min(b, p) - 1; i++) {
                    err2 += w[i] * w[i];
                }
            }
        }
        return Math.sqrt(err2 / norm2);
    }

    @ParameterizedTest(name = "{0}×{1}, {2} blocks")
    @MethodSource("shapes")
    void projectionErrorOfARandomDenseMatrixEqualsTheSliceBySliceError(int rows, int cols, int blocks) {
        if ((long) rows * cols > 40_000) {
            return; // the slice-by-slice reference is slow; 1024² is covered by the recovery test
        }
        Random rnd = new Random(rows + 1000L * blocks);
        DenseMatrix a = new DenseMatrix(rows, cols, gaussian(rnd, rows * cols));
        MonarchProjection pr = MonarchMatrix.project(a, blocks);
        double expected = sliceBySliceError(a, blocks);
        assertEquals(expected, pr.relativeError(), 1e-10 * Math.max(expected, 1e-3), "relative error");
        double direct = relativeDifference(a.data(), pr.matrix().toDense().data());
        assertEquals(direct, pr.relativeError(), 1e-12 * Math.max(direct, 1e-3), "‖A − M‖/‖A‖ formed densely");
    }

    @Test
    void projectionOfALargeRandomDenseMatrixMatchesTheSliceBySliceError() {
        Random rnd = new Random(5);
        DenseMatrix a = new DenseMatrix(256, 256, gaussian(rnd, 256 * 256));
        MonarchProjection pr = MonarchMatrix.project(a, 16);
        double expected = sliceBySliceError(a, 16);
        assertEquals(expected, pr.relativeError(), 1e-10 * expected);
    }

    @ParameterizedTest(name = "{0}×{1}, {2} blocks")
    @MethodSource("shapes")
    void projectionIsIdempotent(int rows, int cols, int blocks) {
        if ((long) rows * cols > 40_000) {
            return;
        }
        Random rnd = new Random(rows * 3L + blocks);
        DenseMatrix a = new DenseMatrix(rows, cols, gaussian(rnd, rows * cols));
        MonarchProjection once = MonarchMatrix.project(a, blocks);
        double[] m1 = once.matrix().toDense().data();
        MonarchProjection twice = MonarchMatrix.project(new DenseMatrix(rows, cols, m1.clone()), blocks);
        double diff = relativeDifference(m1, twice.matrix().toDense().data());
        assertTrue(diff <= 1e-12, "‖P(P(A)) − P(A)‖/‖P(A)‖ = " + diff);
        assertTrue(twice.relativeError() <= 1e-12, "reported " + twice.relativeError());
    }

    @Test
    void projectionIsTheSameForEveryThreadCountAndZeroForZero() {
        Random rnd = new Random(8);
        DenseMatrix a = new DenseMatrix(64, 48, gaussian(rnd, 64 * 48));
        MonarchProjection seq = MonarchMatrix.project(a, 8, Par.SEQ);
        MonarchProjection par = MonarchMatrix.project(a, 8, Par.threads(3));
        assertArrayEquals(seq.matrix().left(), par.matrix().left());
        assertArrayEquals(seq.matrix().right(), par.matrix().right());
        assertEquals(seq.relativeError(), par.relativeError());
        MonarchProjection zero = MonarchMatrix.project(new DenseMatrix(6, 9, new double[54]), 3);
        assertEquals(0.0, zero.relativeError());
        assertArrayEquals(new double[54], zero.matrix().toDense().data());
    }

    @Test
    void projectionRefusesNonFiniteEntriesNamingTheEntry() {
        double[] d = new double[16];
        d[5] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonarchMatrix.project(new DenseMatrix(4, 4, d), 2));
        assertTrue(e.getMessage().contains("A(2, 2)"), e.getMessage());
    }

    @Test
    void projectionErrorIsScaleInvariantFromTinyToHugeEntries() {
        Random rnd = new Random(12);
        double[] a = gaussian(rnd, 36 * 24);
        MonarchProjection ref = MonarchMatrix.project(new DenseMatrix(36, 24, a), 6);
        for (double f : new double[] {1e-300, 1e-200, 1e200, 1e300}) {
            double[] scaled = a.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= f;
            }
            MonarchProjection pr = MonarchMatrix.project(new DenseMatrix(36, 24, scaled), 6);
            assertEquals(ref.relativeError(), pr.relativeError(), 1e-12, "entries scaled by " + f);
            double[] m = pr.matrix().toDense().data();
            double[] m0 = ref.matrix().toDense().data();
            for (int i = 0; i < m.length; i += 37) {
                assertEquals(m0[i], m[i] / f, 1e-10 * Math.abs(m0[i]) + 1e-12, "entry " + i + " scaled by " + f);
            }
        }
    }

    @Test
    void slicesWithARepeatedTopSingularValueGetTheOptimalError() {
        // every 4×4 slice is a multiple of the orthogonal Hadamard matrix H/2: σ₁ = σ₂ = σ₃ = σ₄, so the best
        // rank-one error is ‖S‖_F·√(3/4) whatever singular pair is chosen
        double[][] h = {{1, 1, 1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, -1, -1, 1}};
        int b = 4;
        int q = 4;
        int p = 4;
        double[] a = new double[16 * 16];
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < b; k++) {
                double c = 1 + j + 3 * k;
                for (int l = 0; l < b; l++) {
                    for (int i = 0; i < p; i++) {
                        a[(l * q + j) * 16 + k * p + i] = c * h[l][i] / 2;
                    }
                }
            }
        }
        MonarchProjection pr = MonarchMatrix.project(new DenseMatrix(16, 16, a), 4);
        assertEquals(Math.sqrt(0.75), pr.relativeError(), 1e-13);
        double direct = relativeDifference(a, pr.matrix().toDense().data());
        assertEquals(Math.sqrt(0.75), direct, 1e-13);
    }

    @Test
    void projectionOfALowRankPlusMonarchSliceMatchesTheSvd() {
        // every slice is a rank-three matrix (M₁ + 0.999·M₂ + 0.001·M₃ slice by slice) plus noise, often with
        // σ₂ close to σ₁ (a small gap slows Lanczos): the error against EJML's SVD of each slice
        int b = 8;
        int n = 64;
        Random rnd = new Random(77);
        MonarchMatrix m1 = MonarchMatrix.random(n, n, b, 1);
        MonarchMatrix m2 = MonarchMatrix.random(n, n, b, 2);
        MonarchMatrix m3 = MonarchMatrix.random(n, n, b, 3);
        double[] a = m1.toDense().data();
        double[] d2 = m2.toDense().data();
        double[] d3 = m3.toDense().data();
        for (int i = 0; i < a.length; i++) {
            a[i] += 0.999 * d2[i] + 1e-3 * d3[i] + 1e-9 * rnd.nextGaussian();
        }
        DenseMatrix am = new DenseMatrix(n, n, a);
        MonarchProjection pr = MonarchMatrix.project(am, b);
        double expected = sliceBySliceError(am, b);
        assertEquals(expected, pr.relativeError(), 1e-9 * expected);
    }
}
