package org.sparrow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparrow.core.FormatsTestSupport.randomTriplets;
import static org.sparrow.core.FormatsTestSupport.shuffledRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparrow.core.FormatsTestSupport.Triplets;

/** {@code equals}/{@code hashCode} on canonical forms, and {@code approxEquals} across formats. */
class EqualityFormatsTest {

    private static final String CASES = "org.sparrow.core.FormatsTestSupport#shapesAndSeeds";

    private static CooMatrix coo(int rows, int cols, int[] ri, int[] ci, double[] v) {
        return new CooMatrix(rows, cols, ri, ci, v);
    }

    private static CsrMatrix csr(int rows, int cols, int[] rp, int[] ci, double[] v) {
        return new CsrMatrix(rows, cols, rp, ci, v);
    }

    private static void assertEqualWithEqualHashes(Object a, Object b) {
        assertEquals(a, b);
        assertEquals(b, a, "symmetric");
        assertEquals(a.hashCode(), b.hashCode(), "hashCode consistent with equals");
    }

    // ---- equals / hashCode ----

    @Test
    void cooEqualsIgnoresTripletOrderAndHowDuplicatesAreSplit() {
        CooMatrix a = coo(3, 3, new int[] {0, 2, 1}, new int[] {0, 1, 2}, new double[] {3, 5, -1});
        CooMatrix reordered = coo(3, 3, new int[] {1, 0, 2}, new int[] {2, 0, 1}, new double[] {-1, 3, 5});
        CooMatrix split = coo(3, 3, new int[] {2, 0, 1, 0, 2}, new int[] {1, 0, 2, 0, 1},
                new double[] {4, 1, -1, 2, 1});
        assertEqualWithEqualHashes(a, reordered);
        assertEqualWithEqualHashes(a, split);
        assertEqualWithEqualHashes(reordered, split);
        assertNotEquals(a.nnz(), split.nnz(), "nnz counts triplets, yet they are equal");
    }

    @Test
    void cooWithCancellingDuplicatesEqualsCooWithAnExplicitZero() {
        CooMatrix cancelling = coo(2, 2, new int[] {1, 0, 1}, new int[] {0, 1, 0}, new double[] {2.5, 1, -2.5});
        CooMatrix explicit = coo(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 0.0});
        CooMatrix absent = coo(2, 2, new int[] {0}, new int[] {1}, new double[] {1});
        assertEqualWithEqualHashes(cancelling, explicit);
        assertNotEquals(cancelling, absent, "a cancelled sum stays a stored zero");
    }

    @Test
    void explicitZeroIsNotEqualToAnAbsentEntryInEverySparseFormat() {
        CsrMatrix withZero = csr(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 0.0});
        CsrMatrix without = csr(2, 2, new int[] {0, 1, 1}, new int[] {0}, new double[] {1});
        assertNotEquals(withZero, without);
        assertNotEquals(without, withZero);
        assertNotEquals(withZero.toCsc(), without.toCsc());
        assertNotEquals(withZero.toCoo(), without.toCoo());
        // ...though they are the same numbers.
        assertTrue(withZero.approxEquals(without, 0.0));
        assertEquals(withZero.toDense(), without.toDense());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void unsortedCsrEqualsItsSortedFormWithTheSameHash(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        CsrMatrix sorted = randomTriplets(rnd, rows, cols).coo().toCsr();
        CsrMatrix unsorted = shuffledRows(sorted, rnd);
        assertFalse(unsorted.isSorted());
        assertEqualWithEqualHashes(sorted, unsorted);
        assertEqualWithEqualHashes(sorted, unsorted.sorted());
    }

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void equalMatricesReachedByDifferentRoutesHaveEqualHashes(int rows, int cols, long seed) {
        Triplets t = randomTriplets(new Random(seed), rows, cols);
        CooMatrix a = t.coo();
        // The same triplets in reverse order.
        int n = t.size();
        int[] ri = new int[n];
        int[] ci = new int[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            ri[k] = t.ri()[n - 1 - k];
            ci[k] = t.ci()[n - 1 - k];
            v[k] = t.v()[n - 1 - k];
        }
        CooMatrix reversed = coo(rows, cols, ri, ci, v);
        assertEqualWithEqualHashes(a, reversed);
        assertEqualWithEqualHashes(a, a.toCsr().toCoo());
        assertEqualWithEqualHashes(a.toCsr(), a.toCsc().toCsr());
        assertEqualWithEqualHashes(a.toCsc(), a.toCsr().toCsc());
        assertEqualWithEqualHashes(a.toDense(), a.toCsc().toDense());
    }

    @Test
    void differentShapesAreUnequalEvenWithoutEntries() {
        assertNotEquals(CsrMatrix.zeros(2, 3), CsrMatrix.zeros(3, 2));
        assertNotEquals(CsrMatrix.zeros(0, 3), CsrMatrix.zeros(0, 4));
        assertNotEquals(CsrMatrix.zeros(3, 0), CsrMatrix.zeros(4, 0));
        assertNotEquals(CsrMatrix.zeros(0, 3), CsrMatrix.zeros(3, 0));
        assertNotEquals(CsrMatrix.zeros(2, 3).toCsc(), CsrMatrix.zeros(3, 2).toCsc());
        assertNotEquals(DenseMatrix.zeros(2, 3), DenseMatrix.zeros(3, 2), "same data length, different shape");
        assertNotEquals(DenseMatrix.zeros(0, 3), DenseMatrix.zeros(3, 0));
        assertNotEquals(coo(2, 3, new int[0], new int[0], new double[0]),
                coo(3, 2, new int[0], new int[0], new double[0]));
        // Same stored entry, one matrix larger.
        CsrMatrix small = csr(2, 2, new int[] {0, 1, 1}, new int[] {0}, new double[] {1});
        CsrMatrix wide = csr(2, 3, new int[] {0, 1, 1}, new int[] {0}, new double[] {1});
        assertNotEquals(small, wide);
        assertNotEquals(small.toCoo(), wide.toCoo());
    }

    @Test
    void equalShapesWithoutEntriesAreEqual() {
        assertEqualWithEqualHashes(CsrMatrix.zeros(0, 0), CsrMatrix.zeros(0, 0));
        assertEqualWithEqualHashes(CsrMatrix.zeros(4, 0), csr(4, 0, new int[5], new int[0], new double[0]));
        assertEqualWithEqualHashes(CsrMatrix.zeros(2, 7).toCsc(), CsrMatrix.zeros(2, 7).toCsc());
        assertEqualWithEqualHashes(DenseMatrix.zeros(3, 0), new DenseMatrix(3, 0, new double[0]));
    }

    @Test
    void valuesCompareAsDoubleEqualsDoes() {
        // Double.equals: -0.0 ≠ 0.0, NaN = NaN.
        CsrMatrix pos = csr(1, 1, new int[] {0, 1}, new int[] {0}, new double[] {0.0});
        CsrMatrix neg = csr(1, 1, new int[] {0, 1}, new int[] {0}, new double[] {-0.0});
        assertNotEquals(pos, neg);
        assertNotEquals(pos.toCsc(), neg.toCsc());
        assertNotEquals(pos.toCoo(), neg.toCoo());
        assertNotEquals(new DenseMatrix(1, 1, new double[] {0.0}), new DenseMatrix(1, 1, new double[] {-0.0}));

        CsrMatrix nan1 = csr(1, 2, new int[] {0, 1}, new int[] {1}, new double[] {Double.NaN});
        CsrMatrix nan2 = csr(1, 2, new int[] {0, 1}, new int[] {1}, new double[] {Double.NaN});
        assertEqualWithEqualHashes(nan1, nan2);
        assertEqualWithEqualHashes(nan1.toCsc(), nan2.toCsc());
        assertEqualWithEqualHashes(new DenseMatrix(1, 1, new double[] {Double.NaN}),
                new DenseMatrix(1, 1, new double[] {Double.NaN}));
    }

    @Test
    void equalsIsFalseAcrossFormatsAndForOtherObjects() {
        CsrMatrix a = CsrMatrix.identity(2);
        assertNotEquals(a, a.toCsc());
        assertNotEquals(a, a.toCoo());
        assertNotEquals(a, a.toDense());
        assertNotEquals(a.toDense(), a.toCoo());
        assertFalse(a.equals(null));
        assertFalse(a.toCsc().equals(null));
        assertFalse(a.toCoo().equals(null));
        assertFalse(a.toDense().equals(null));
        assertFalse(a.equals("CsrMatrix 2×2"));
        assertEquals(a, a);
    }

    @Test
    void csrWithSpareCapacityEqualsItsTrimmedFormWithTheSameHash() {
        CsrMatrix spare = csr(2, 3, new int[] {0, 1, 2}, new int[] {2, 0, 1, 1}, new double[] {4, 5, 6, 7});
        CsrMatrix trimmed = csr(2, 3, new int[] {0, 1, 2}, new int[] {2, 0}, new double[] {4, 5});
        assertEqualWithEqualHashes(spare, trimmed);
        assertEqualWithEqualHashes(spare.transposeView(), trimmed.transposeView());
    }

    @Test
    void differentValuesOrPositionsAreUnequal() {
        CsrMatrix a = csr(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 2});
        assertNotEquals(a, csr(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 2.0000000001}));
        assertNotEquals(a, csr(2, 2, new int[] {0, 1, 2}, new int[] {1, 1}, new double[] {1, 2}));
        assertNotEquals(a, csr(2, 2, new int[] {0, 2, 2}, new int[] {0, 1}, new double[] {1, 2}));
        assertNotEquals(a.toDense(), csr(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 3}).toDense());
    }

    @Test
    void hashCodeSpreadsDistinctMatrices() {
        // Not a contract, but a hash that ignored values or positions would collapse these.
        Random rnd = new Random(42);
        List<Integer> hashes = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            hashes.add(randomTriplets(rnd, 13, 7).coo().toCsr().hashCode());
        }
        assertTrue(hashes.stream().distinct().count() > 45, "hashes: " + hashes);
    }

    // ---- approxEquals ----

    @ParameterizedTest(name = "{0}×{1} seed {2}")
    @MethodSource(CASES)
    void approxEqualsHoldsAcrossFormatsAtZeroTolerance(int rows, int cols, long seed) {
        CooMatrix coo = randomTriplets(new Random(seed), rows, cols).coo();
        List<Matrix> forms = List.of(coo, coo.toCsr(), coo.toCsc(), coo.toDense(),
                shuffledRows(coo.toCsr(), new Random(seed)));
        for (Matrix a : forms) {
            for (Matrix b : forms) {
                assertTrue(a.approxEquals(b, 0.0), a + " vs " + b);
            }
        }
    }

    @Test
    void approxEqualsSwitchesJustAtTheRelativeTolerance() {
        // A = [4, 0], B = [4, 3]: ‖A − B‖ = 3, max(‖A‖, ‖B‖) = 5, so the boundary is relTol = 0.6.
        Matrix a = csr(1, 2, new int[] {0, 1}, new int[] {0}, new double[] {4});
        Matrix b = new DenseMatrix(1, 2, new double[] {4, 3});
        Matrix bCoo = coo(1, 2, new int[] {0, 0, 0}, new int[] {1, 0, 1}, new double[] {1, 4, 2});
        for (Matrix[] pair : new Matrix[][] {{a, b}, {b, a}, {a, bCoo}, {bCoo, a}, {a.toCsc(), b}}) {
            assertTrue(pair[0].approxEquals(pair[1], 0.6 + 1e-9), "just above the boundary");
            assertFalse(pair[0].approxEquals(pair[1], 0.6 - 1e-9), "just below the boundary");
            assertFalse(pair[0].approxEquals(pair[1], 0.0));
        }
    }

    @Test
    void approxEqualsUsesTheLargerNormAndHasNoOverflowOrUnderflow() {
        for (double scale : new double[] {1e-300, 1.0, 1e300, Double.MIN_VALUE * 16}) {
            Matrix a = new DenseMatrix(1, 2, new double[] {4 * scale, 0});
            Matrix b = csr(1, 2, new int[] {0, 2}, new int[] {0, 1}, new double[] {4 * scale, 3 * scale});
            assertTrue(a.approxEquals(b, 0.6 + 1e-6), "scale " + scale);
            assertFalse(a.approxEquals(b, 0.6 - 1e-6), "scale " + scale);
        }
        Matrix big = new DenseMatrix(1, 2, new double[] {1e300, 2e300});
        Matrix bigPerturbed = new DenseMatrix(1, 2, new double[] {1e300 * (1 + 1e-10), 2e300});
        assertTrue(big.approxEquals(bigPerturbed, 1e-9));
        assertFalse(big.approxEquals(bigPerturbed, 1e-12));
    }

    @Test
    void approxEqualsIsFalseWhenAnyEntryIsNaN() {
        Matrix nan = new DenseMatrix(1, 2, new double[] {1, Double.NaN});
        Matrix same = new DenseMatrix(1, 2, new double[] {1, Double.NaN});
        Matrix one = new DenseMatrix(1, 2, new double[] {1, 0});
        assertFalse(nan.approxEquals(one, 1e9));
        assertFalse(one.approxEquals(nan, 1e9));
        assertFalse(nan.approxEquals(same, 1e9), "NaN is not approximately anything, itself included");
        assertFalse(nan.approxEquals(nan, 1e9));
        Matrix sparseNaN = csr(2, 2, new int[] {0, 0, 1}, new int[] {1}, new double[] {Double.NaN});
        assertFalse(sparseNaN.approxEquals(CsrMatrix.zeros(2, 2), 1e9));
        assertFalse(CsrMatrix.zeros(2, 2).toCoo().approxEquals(sparseNaN.toCoo(), 1e9));
    }

    @Test
    void zeroMatricesAreApproximatelyEqualInEveryFormat() {
        Matrix noEntries = CsrMatrix.zeros(3, 2);
        Matrix explicitZeros = coo(3, 2, new int[] {0, 2, 2}, new int[] {1, 0, 0}, new double[] {0.0, 1.5, -1.5});
        Matrix dense = DenseMatrix.zeros(3, 2);
        for (Matrix a : List.of(noEntries, explicitZeros, dense, noEntries.toCsc())) {
            for (Matrix b : List.of(noEntries, explicitZeros, dense, explicitZeros.toCsc())) {
                assertTrue(a.approxEquals(b, 0.0), a + " vs " + b);
            }
        }
        assertTrue(CsrMatrix.zeros(0, 0).approxEquals(DenseMatrix.zeros(0, 0), 0.0));
        assertTrue(CsrMatrix.zeros(0, 4).approxEquals(DenseMatrix.zeros(0, 4), 0.0));
    }

    @Test
    void approxEqualsIsFalseForDifferentShapesOrNull() {
        assertFalse(CsrMatrix.zeros(2, 3).approxEquals(DenseMatrix.zeros(3, 2), 1e9));
        assertFalse(CsrMatrix.zeros(0, 3).approxEquals(CsrMatrix.zeros(3, 0), 1e9));
        assertFalse(CsrMatrix.identity(2).approxEquals(CsrMatrix.identity(3), 1e9));
        assertFalse(CsrMatrix.identity(2).approxEquals(null, 1e9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-12, -1.0, Double.NEGATIVE_INFINITY, Double.NaN})
    void approxEqualsRejectsANegativeOrNaNTolerance(double relTol) {
        for (Matrix m : List.of(CsrMatrix.identity(2), CsrMatrix.identity(2).toCsc(), CsrMatrix.identity(2).toCoo(),
                CsrMatrix.identity(2).toDense())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.approxEquals(CsrMatrix.identity(2), relTol));
            assertTrue(e.getMessage().contains("relTol"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(relTol)), e.getMessage());
        }
    }
}
