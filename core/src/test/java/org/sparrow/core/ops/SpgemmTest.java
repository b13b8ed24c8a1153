package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.Par;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.testing.SharedData;

/**
 * SpGEMM against a dense oracle and against EJML. Values are small multiples of 1/8, so every
 * product and sum is exact: results can be compared bit for bit whatever the summation order.
 */
class SpgemmTest {

    private static final int[] THREADS = {1, 2, 7};

    /** A random sparse matrix with empty rows and columns and explicit zeros; dyadic values. */
    static CsrMatrix random(Random rnd, int rows, int cols, double density) {
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        boolean[] emptyRow = new boolean[rows];
        boolean[] emptyCol = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            emptyRow[i] = rnd.nextInt(5) == 0;
        }
        for (int j = 0; j < cols; j++) {
            emptyCol[j] = rnd.nextInt(5) == 0;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!emptyRow[i] && !emptyCol[j] && rnd.nextDouble() < density) {
                    b.add(i, j, rnd.nextInt(10) == 0 ? 0.0 : (rnd.nextInt(33) - 16) / 8.0);
                }
            }
        }
        return b.build().toCsr();
    }

    /** Rows of a power law: row i has about {@code cols / (i+1)} entries, with duplicates summed on conversion. */
    static CsrMatrix powerLaw(Random rnd, int rows, int cols) {
        CooMatrix.Builder b = CooMatrix.builder(rows, cols);
        for (int i = 0; i < rows; i++) {
            int n = Math.max(1, 2 * cols / (i + 1));
            for (int t = 0; t < n; t++) {
                b.add(i, (int) Math.min(cols - 1, Math.abs(rnd.nextGaussian()) * cols / 6), (rnd.nextInt(9) - 4) / 4.0);
            }
        }
        return b.build().toCsr();
    }

    static double[][] dense(CsrMatrix a) {
        double[][] d = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowPointers()[i]; p < a.rowPointers()[i + 1]; p++) {
                d[i][a.columnIndices()[p]] += a.values()[p];
            }
        }
        return d;
    }

    /** Dense product and structural product (an entry exists iff some a_ik and b_kj are both stored). */
    static void assertIsProduct(CsrMatrix a, CsrMatrix b, CsrMatrix c, boolean dropZeros, String what) {
        assertEquals(a.rows(), c.rows(), what);
        assertEquals(b.cols(), c.cols(), what);
        double[][] da = dense(a);
        double[][] db = dense(b);
        boolean[][] sa = new boolean[a.rows()][a.cols()];
        boolean[][] sb = new boolean[b.rows()][b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowPointers()[i]; p < a.rowPointers()[i + 1]; p++) {
                sa[i][a.columnIndices()[p]] = true;
            }
        }
        for (int i = 0; i < b.rows(); i++) {
            for (int p = b.rowPointers()[i]; p < b.rowPointers()[i + 1]; p++) {
                sb[i][b.columnIndices()[p]] = true;
            }
        }
        CsrMatrix cs = c.sorted();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double v = 0;
                boolean structural = false;
                for (int k = 0; k < a.cols(); k++) {
                    v += da[i][k] * db[k][j];
                    structural |= sa[i][k] && sb[k][j];
                }
                int lo = cs.rowPointers()[i];
                int hi = cs.rowPointers()[i + 1];
                int pos = Arrays.binarySearch(cs.columnIndices(), lo, hi, j);
                boolean expectStored = structural && (!dropZeros || v != 0.0);
                assertEquals(expectStored, pos >= 0, what + ": is c(" + i + "," + j + ") stored");
                if (pos >= 0) {
                    assertEquals(v, cs.values()[pos], 0.0, what + ": c(" + i + "," + j + ")");
                }
            }
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(0, 5, 7), Arguments.of(5, 0, 7), Arguments.of(5, 7, 0), Arguments.of(1, 1, 1),
                Arguments.of(13, 7, 9), Arguments.of(7, 13, 40), Arguments.of(40, 3, 200), Arguments.of(64, 64, 64),
                Arguments.of(120, 90, 150));
    }

    @ParameterizedTest(name = "{0}×{1} · {1}×{2}")
    @MethodSource("shapes")
    void spgemmMatchesDenseProductOnRandomMatrices(int m, int n, int p) {
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed * 31 + m);
            CsrMatrix a = random(rnd, m, n, 0.2);
            CsrMatrix b = random(rnd, n, p, 0.15);
            for (int threads : THREADS) {
                for (boolean sorted : new boolean[] {true, false}) {
                    for (boolean drop : new boolean[] {false, true}) {
                        SpgemmOptions o = new SpgemmOptions(threads, sorted, drop);
                        CsrMatrix c = Spgemm.multiply(a, b, o);
                        if (sorted) {
                            assertTrue(c.isSorted(), "sorted output is canonical");
                        }
                        assertIsProduct(a, b, c, drop, o + " seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void aRowThousandTimesDenserThanTheRestIsSharedAndStillExact() {
        Random rnd = new Random(5);
        int n = 400;
        CooMatrix.Builder bld = CooMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            bld.add(i, rnd.nextInt(n), 1.0 / 8);
        }
        for (int j = 0; j < n; j++) {
            bld.add(17, j, (rnd.nextInt(9) - 4) / 8.0); // row 17: n entries, the others about 1
        }
        CsrMatrix a = bld.build().toCsr();
        CsrMatrix b = random(rnd, n, n, 0.05);
        for (int threads : THREADS) {
            // A tiny heavy threshold forces row 17 through the shared atomic table.
            CsrMatrix c = Spgemm.multiply(a, b, new SpgemmOptions(threads, true, false), 1);
            assertIsProduct(a, b, c, false, threads + " threads");
        }
    }

    @Test
    void duplicateHeavyPowerLawRowsThroughTheSharedTableMatchTheDenseProduct() {
        Random rnd = new Random(11);
        CsrMatrix a = powerLaw(rnd, 150, 150);
        CsrMatrix b = powerLaw(rnd, 150, 150);
        CsrMatrix one = Spgemm.multiply(a, b, new SpgemmOptions(1, true, false));
        assertIsProduct(a, b, one, false, "1 thread");
        for (int threads : new int[] {2, 7}) {
            for (boolean sorted : new boolean[] {true, false}) {
                CsrMatrix c = Spgemm.multiply(a, b, new SpgemmOptions(threads, sorted, false), 64);
                // Dyadic values make every order of summation exact, so even shared rows match bit for bit.
                assertEquals(one, c, threads + " threads, sorted " + sorted);
            }
        }
    }

    /** The product by expanding every partial product into triplets and summing them (CooMatrix.toCsr). */
    static CsrMatrix productByTriplets(CsrMatrix a, CsrMatrix b) {
        CooMatrix.Builder t = CooMatrix.builder(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int q = a.rowPointers()[i]; q < a.rowPointers()[i + 1]; q++) {
                int k = a.columnIndices()[q];
                for (int r = b.rowPointers()[k]; r < b.rowPointers()[k + 1]; r++) {
                    t.add(i, b.columnIndices()[r], a.values()[q] * b.values()[r]);
                }
            }
        }
        return t.build().toCsr();
    }

    @Test
    void aVeryWideBUsesTheHashAccumulatorAndMatchesTheTripletProduct() {
        // More than 2^18 columns and short rows: the hash table, not the dense accumulator, takes these rows.
        Random rnd = new Random(21);
        int n = 60;
        int p = 400_000;
        CooMatrix.Builder bb = CooMatrix.builder(n, p);
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < 30; t++) {
                bb.add(k, rnd.nextInt(p) / (k % 3 + 1), (rnd.nextInt(17) - 8) / 8.0); // some columns shared
            }
        }
        CsrMatrix b = bb.build().toCsr();
        CsrMatrix a = random(rnd, 80, n, 0.1);
        CsrMatrix expected = productByTriplets(a, b);
        for (int threads : THREADS) {
            for (boolean sorted : new boolean[] {true, false}) {
                CsrMatrix c = Spgemm.multiply(a, b, new SpgemmOptions(threads, sorted, false));
                assertEquals(expected, c, threads + " threads, sorted " + sorted);
            }
        }
    }

    @Test
    void cancellationKeepsAnExplicitZeroUnlessDropZerosIsSet() {
        // a = [1 1], b = [1; -1]: the product is a 1×1 structural nonzero with value 0.
        CsrMatrix a = new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {0, 1}, new double[] {1, 1});
        CsrMatrix b = new CsrMatrix(2, 1, new int[] {0, 1, 2}, new int[] {0, 0}, new double[] {1, -1});
        CsrMatrix kept = Spgemm.multiply(a, b, SpgemmOptions.defaults());
        assertEquals(1, kept.nnz());
        assertEquals(0.0, kept.values()[0]);
        assertEquals(0, Spgemm.multiply(a, b, SpgemmOptions.defaults().withDropZeros(true)).nnz());
    }

    @Test
    void transposedVariantsMatchTheProductOfExplicitTransposes() {
        Random rnd = new Random(3);
        CsrMatrix a = random(rnd, 30, 20, 0.2);
        CsrMatrix b = random(rnd, 25, 20, 0.2);
        CsrMatrix c = random(rnd, 30, 25, 0.2);
        SpgemmOptions o = SpgemmOptions.defaults();
        assertEquals(Spgemm.multiply(a, b.transpose(), o), Spgemm.multiplyTransposeB(a, b, o));
        assertIsProduct(a, b.transpose(), Spgemm.multiplyTransposeB(a, b, o), false, "A·Bᵀ");
        assertIsProduct(a.transpose(), c, Spgemm.multiplyTransposeA(a, c, o), false, "Aᵀ·B");
        // A held as CSC: its transposeView is Aᵀ in CSR with no copy.
        assertEquals(Spgemm.multiplyTransposeA(a, c, o), Spgemm.multiply(a.toCsc().transposeView(), c, o));
    }

    @Test
    void unsortedInputsGiveTheSameProduct() {
        Random rnd = new Random(9);
        CsrMatrix a = random(rnd, 40, 30, 0.3);
        CsrMatrix b = random(rnd, 30, 50, 0.3);
        CsrMatrix unsortedA = reverseRows(a);
        CsrMatrix unsortedB = reverseRows(b);
        assertFalse(unsortedA.isSorted());
        assertEquals(Spgemm.multiply(a, b), Spgemm.multiply(unsortedA, unsortedB));
    }

    private static CsrMatrix reverseRows(CsrMatrix a) {
        int[] ci = a.columnIndices().clone();
        double[] v = a.values().clone();
        for (int i = 0; i < a.rows(); i++) {
            for (int lo = a.rowPointers()[i], hi = a.rowPointers()[i + 1] - 1; lo < hi; lo++, hi--) {
                int t = ci[lo];
                ci[lo] = ci[hi];
                ci[hi] = t;
                double x = v[lo];
                v[lo] = v[hi];
                v[hi] = x;
            }
        }
        return CsrMatrix.unsorted(a.rows(), a.cols(), a.rowPointers(), ci, v);
    }

    @Test
    void everyParallelismGivesTheDenseProductAndTheSameBitsOnDyadicValues() {
        Random rnd = new Random(23);
        CsrMatrix a = powerLaw(rnd, 207, 150);
        CsrMatrix b = powerLaw(rnd, 150, 13);
        CsrMatrix seq = Spgemm.multiply(a, b, SpgemmOptions.defaults().withParallelism(Par.SEQ));
        assertIsProduct(a, b, seq, false, "seq");
        for (Par par : new Par[] {Par.AUTO, Par.threads(2), Par.threads(7)}) {
            SpgemmOptions o = SpgemmOptions.defaults().withParallelism(par);
            assertEquals(par, o.parallelism());
            assertEquals(seq, Spgemm.multiply(a, b, o), par.toString());
        }
        assertEquals(Par.SEQ, new SpgemmOptions(1, true, false).parallelism());
        assertEquals(7, SpgemmOptions.defaults().withThreads(7).threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpgemmOptions.defaults().withParallelism(null));
        assertTrue(e.getMessage().contains("parallelism"), e.getMessage());
    }

    @Test
    void mismatchedInnerDimensionsNameBothShapes() {
        CsrMatrix a = CsrMatrix.zeros(3, 4);
        CsrMatrix b = CsrMatrix.zeros(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spgemm.multiply(a, b));
        assertTrue(e.getMessage().contains("3×4") && e.getMessage().contains("5×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spgemm.multiplyTransposeB(a, b, SpgemmOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Spgemm.multiplyTransposeA(a, b, SpgemmOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new SpgemmOptions(0, true, false));
    }

    // ------------------------------------------------------------------ real matrices against EJML

    private static DMatrixSparseCSC toEjml(CsrMatrix a) {
        // The CSR arrays of Aᵀ are the CSC arrays of A: build EJML's CSC of A from A's transpose.
        CsrMatrix t = a.transpose();
        DMatrixSparseCSC m = new DMatrixSparseCSC(a.rows(), a.cols(), a.nnz());
        System.arraycopy(t.rowPointers(), 0, m.col_idx, 0, a.cols() + 1);
        System.arraycopy(t.columnIndices(), 0, m.nz_rows, 0, a.nnz());
        System.arraycopy(t.values(), 0, m.nz_values, 0, a.nnz());
        m.nz_length = a.nnz();
        m.indicesSorted = true;
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"small/bcsstk08.mtx", "small/west0479.mtx", "small/Erdos971.mtx", "small/can_1072.mtx",
            "medium/fe_4elt2.mtx.gz", "medium/wiki-Vote.mtx.gz", "medium/whitaker3.mtx.gz"})
    void squareOfARealMatrixMatchesEjml(String name) throws IOException {
        Path f = SharedData.file(name);
        CsrMatrix a = MatrixMarket.readCsr(f);
        DMatrixSparseCSC ea = toEjml(a);
        DMatrixSparseCSC ec = CommonOps_DSCC.mult(ea, ea, null);
        CooMatrix.Builder fromEjml = CooMatrix.builder(ec.numRows, ec.numCols, ec.nz_length); // EJML's rows are unsorted
        for (int j = 0; j < ec.numCols; j++) {
            for (int q = ec.col_idx[j]; q < ec.col_idx[j + 1]; q++) {
                fromEjml.add(ec.nz_rows[q], j, ec.nz_values[q]);
            }
        }
        CsrMatrix reference = fromEjml.build().toCsr();
        CsrMatrix one = Spgemm.multiply(a, a, new SpgemmOptions(1, true, false));
        assertArrayEquals(reference.rowPointers(), one.rowPointers(), "same structure as EJML");
        assertArrayEquals(Arrays.copyOf(reference.columnIndices(), reference.nnz()), one.columnIndices());
        assertTrue(one.approxEquals(reference, 1e-13), "values agree with EJML to 1e-13");
        for (int threads : new int[] {2, 7}) {
            CsrMatrix c = Spgemm.multiply(a, a, new SpgemmOptions(threads, true, false));
            assertEquals(one, c, "no heavy rows at this size: bit-identical on " + threads + " threads");
        }
    }
}
