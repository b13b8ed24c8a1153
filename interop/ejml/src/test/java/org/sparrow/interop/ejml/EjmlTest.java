package org.sparrow.interop.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.RandomMatrices_DSCC;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;

/**
 * Round trips between EJML 0.46 and Sparrow, checked against EJML's own dense conversion (the oracle),
 * zero-copy proved by the identity of the arrays, on seeded random matrices of odd shapes including empty
 * ones, with explicit zeros, unsorted columns and arrays longer than used.
 */
class EjmlTest {

    /** Odd shapes: single row or column, tails, empty in either direction, 0×0. */
    private static final int[][] SHAPES = {{1, 1}, {1, 13}, {13, 1}, {7, 5}, {5, 7}, {31, 17}, {0, 4}, {4, 0}, {0, 0}};

    /** A seeded random EJML matrix with about a third of its entries set, one of them an explicit zero. */
    private static DMatrixSparseCSC random(int rows, int cols, Random rnd) {
        int nz = rows * cols / 3;
        DMatrixSparseCSC a = RandomMatrices_DSCC.rectangle(rows, cols, nz, -1, 1, rnd);
        if (a.nz_length > 0) {
            a.nz_values[rnd.nextInt(a.nz_length)] = 0.0; // an explicit zero: a stored entry
        }
        return a;
    }

    private static DMatrixRMaj dense(DMatrixSparseCSC a) {
        return DConvertMatrixStruct.convert(a, (DMatrixRMaj) null);
    }

    private static void assertSameEntries(DMatrixSparseCSC expected, org.sparrow.core.Matrix actual) {
        assertEquals(expected.numRows, actual.rows(), "rows");
        assertEquals(expected.numCols, actual.cols(), "cols");
        assertEquals(expected.nz_length, actual.nnz(), "stored entries (explicit zeros count)");
        assertArrayEquals(dense(expected).data, actual.toDense().data(), "entries");
    }

    /** The same matrix with every column's entries reversed: unsorted, as EJML's products leave them. */
    private static DMatrixSparseCSC reversedColumns(DMatrixSparseCSC a) {
        DMatrixSparseCSC u = a.copy();
        for (int j = 0; j < u.numCols; j++) {
            for (int lo = u.col_idx[j], hi = u.col_idx[j + 1] - 1; lo < hi; lo++, hi--) {
                int r = u.nz_rows[lo];
                u.nz_rows[lo] = u.nz_rows[hi];
                u.nz_rows[hi] = r;
                double v = u.nz_values[lo];
                u.nz_values[lo] = u.nz_values[hi];
                u.nz_values[hi] = v;
            }
        }
        u.indicesSorted = false;
        return u;
    }

    @Test
    void sortedEjmlMatrixBecomesCscWithoutCopyingAndBackAgain() {
        Random rnd = new Random(17);
        for (int[] s : SHAPES) {
            DMatrixSparseCSC a = random(s[0], s[1], rnd);
            CscMatrix c = Ejml.toCsc(a);
            assertSameEntries(a, c);
            assertSame(a.col_idx, c.columnPointers());
            assertSame(a.nz_rows, c.rowIndices());
            assertSame(a.nz_values, c.values());

            DMatrixSparseCSC back = Ejml.fromCsc(c);
            assertSame(c.columnPointers(), back.col_idx);
            assertSame(c.rowIndices(), back.nz_rows);
            assertSame(c.values(), back.nz_values);
            assertTrue(back.indicesSorted);
            assertEquals(a.nz_length, back.nz_length);
            assertArrayEquals(dense(a).data, dense(back).data);
        }
    }

    @Test
    void unsortedColumnsAreSortedIntoACanonicalCopy() {
        Random rnd = new Random(5);
        for (int[] s : SHAPES) {
            DMatrixSparseCSC a = random(s[0], s[1], rnd);
            DMatrixSparseCSC u = reversedColumns(a);
            boolean reallyUnsorted = false;
            for (int j = 0; j < u.numCols; j++) {
                reallyUnsorted |= u.col_idx[j + 1] - u.col_idx[j] > 1;
            }
            CscMatrix c = Ejml.toCsc(u);
            assertSameEntries(a, c);
            assertEquals(Ejml.toCsc(a), c, "the same canonical matrix as from the sorted original");
            if (reallyUnsorted) {
                assertNotSame(u.nz_rows, c.rowIndices());
            }
            int[] before = Arrays.copyOf(u.nz_rows, u.nz_length);
            Ejml.toCsc(u);
            assertArrayEquals(before, Arrays.copyOf(u.nz_rows, u.nz_length), "EJML's arrays are not modified");
        }
    }

    @Test
    void sortedColumnsAreSharedEvenWhenEjmlsFlagSaysUnsorted() {
        DMatrixSparseCSC a = random(9, 6, new Random(3));
        a.indicesSorted = false;
        CscMatrix c = Ejml.toCsc(a);
        assertSame(a.nz_rows, c.rowIndices());
        assertSameEntries(a, c);
    }

    @Test
    void aRowStoredTwiceInAColumnIsRejectedNamingIt() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(4, 3, 3);
        a.col_idx = new int[] {0, 0, 3, 3};
        a.nz_rows = new int[] {2, 0, 2};
        a.nz_values = new double[] {1, 2, 3};
        a.nz_length = 3;
        a.indicesSorted = false;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ejml.toCsc(a));
        assertEquals("column 2 of the EJML sparse matrix stores row 3 twice; sum the duplicates first", e.getMessage());
    }

    @Test
    void brokenEjmlArraysAreRejectedInOneSentence() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(3, 2, 2);
        a.col_idx = new int[] {0, 1, 2};
        a.nz_rows = new int[] {0, 3};
        a.nz_values = new double[] {1, 2};
        a.nz_length = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ejml.toCsc(a));
        assertEquals("column 2 of the EJML sparse matrix stores row 4, outside its 3 rows", e.getMessage());

        a.nz_rows[1] = 1;
        a.nz_length = 1;
        e = assertThrows(IllegalArgumentException.class, () -> Ejml.csrOfTranspose(a));
        assertEquals("the EJML sparse matrix's column pointers run from 0 to 2 but it says it stores nz_length = 1 entries",
                e.getMessage());

        a.nz_length = 2;
        a.col_idx = new int[] {0, 2};
        e = assertThrows(IllegalArgumentException.class, () -> Ejml.toCsc(a));
        assertEquals("the EJML sparse matrix has 2 column pointers but its 2 columns need 3", e.getMessage());

        assertEquals("the EJML sparse matrix is null",
                assertThrows(IllegalArgumentException.class, () -> Ejml.toCsc(null)).getMessage());
    }

    @Test
    void columnPointersLongerThanUsedAreTrimmedWhileEntriesStayShared() {
        DMatrixSparseCSC a = random(8, 9, new Random(11));
        DMatrixSparseCSC shrunk = a.copy();
        shrunk.reshape(8, 4, shrunk.nz_values.length); // keeps the longer col_idx, as EJML does
        System.arraycopy(a.col_idx, 0, shrunk.col_idx, 0, 5); // the first four columns of a
        shrunk.nz_length = a.col_idx[4];
        System.arraycopy(a.nz_rows, 0, shrunk.nz_rows, 0, a.nz_length);
        System.arraycopy(a.nz_values, 0, shrunk.nz_values, 0, a.nz_length);
        assertTrue(shrunk.col_idx.length > 5, "EJML kept the longer column pointer");
        CscMatrix c = Ejml.toCsc(shrunk);
        assertEquals(5, c.columnPointers().length);
        assertSame(shrunk.nz_rows, c.rowIndices());
        assertSameEntries(shrunk, c);
    }

    @Test
    void csrOfAIsEjmlsCscOfTheTransposeWithoutCopying() {
        Random rnd = new Random(23);
        for (int[] s : SHAPES) {
            DMatrixSparseCSC a = random(s[0], s[1], rnd);
            CsrMatrix t = Ejml.csrOfTranspose(a);
            assertSame(a.col_idx, t.rowPointers());
            assertSame(a.nz_rows, t.columnIndices());
            assertSame(a.nz_values, t.values());
            DMatrixSparseCSC at = CommonOps_DSCC.transpose(a, null, null);
            assertSameEntries(at, t);

            DMatrixSparseCSC back = Ejml.cscOfTranspose(t);
            assertSame(t.rowPointers(), back.col_idx);
            assertSame(t.columnIndices(), back.nz_rows);
            assertSame(t.values(), back.nz_values);
            assertArrayEquals(dense(a).data, dense(back).data);
        }
    }

    @Test
    void unsortedEjmlColumnsGiveAnUnsortedCsrOfTheTransposeStillShared() {
        DMatrixSparseCSC u = reversedColumns(random(12, 10, new Random(2)));
        CsrMatrix t = Ejml.csrOfTranspose(u);
        assertFalse(t.isSorted());
        assertSame(u.nz_rows, t.columnIndices());
        assertFalse(Ejml.cscOfTranspose(t).indicesSorted);
        assertArrayEquals(dense(CommonOps_DSCC.transpose(u, null, null)).data, t.toDense().data());
    }

    @Test
    void csrCopiesBothWaysMatchEjmlsDenseForm() {
        Random rnd = new Random(29);
        for (int[] s : SHAPES) {
            DMatrixSparseCSC a = random(s[0], s[1], rnd);
            CsrMatrix r = Ejml.toCsr(a);
            assertTrue(r.isSorted());
            assertSameEntries(a, r);
            DMatrixSparseCSC back = Ejml.fromCsr(r);
            assertTrue(back.indicesSorted);
            assertEquals(a.nz_length, back.nz_length);
            assertArrayEquals(dense(a).data, dense(back).data);
            assertEquals(Ejml.toCsc(a), Ejml.toCsc(back), "same arrays, explicit zeros included");
        }
    }

    @Test
    void emptyRowsColumnsAndShapesSurviveEveryConversion() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(5, 4, 2); // rows 0, 2, 4 and columns 0, 3 empty
        a.set(1, 1, 2.5);
        a.set(3, 2, 0.0); // an explicit zero
        CscMatrix c = Ejml.toCsc(a);
        assertEquals(2, c.nnz());
        assertEquals(0, c.colNnz(0));
        assertEquals(0, c.colNnz(3));
        assertEquals(2, Ejml.toCsr(a).nnz());
        assertEquals(2, Ejml.fromCsr(Ejml.toCsr(a)).nz_length);
        for (int[] s : new int[][] {{0, 0}, {0, 6}, {6, 0}}) {
            DMatrixSparseCSC e = new DMatrixSparseCSC(s[0], s[1], 0);
            assertEquals(s[0], Ejml.toCsc(e).rows());
            assertEquals(s[1], Ejml.toCsr(e).cols());
            DMatrixSparseCSC back = Ejml.fromCsc(Ejml.toCsc(e));
            assertEquals(s[0], back.numRows);
            assertEquals(s[1], back.numCols);
            assertEquals(0, back.nz_length);
        }
    }

    @Test
    void denseMatricesAreWrappedRowMajorBothWays() {
        Random rnd = new Random(31);
        for (int[] s : SHAPES) {
            double[] d = rnd.doubles((long) s[0] * s[1]).toArray();
            DMatrixRMaj e = DMatrixRMaj.wrap(s[0], s[1], d);
            DenseMatrix m = Ejml.toDense(e);
            assertSame(d, m.data());
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    assertEquals(e.get(i, j), m.get(i, j));
                }
            }
            DMatrixRMaj back = Ejml.fromDense(m);
            assertSame(d, back.data);
            assertEquals(s[0], back.numRows);
            assertEquals(s[1], back.numCols);
        }
    }

    @Test
    void aDenseEjmlArrayLongerThanItsShapeIsCopiedToTheUsedPart() {
        DMatrixRMaj e = new DMatrixRMaj(4, 5);
        e.reshape(2, 3); // EJML keeps the 20-entry array
        for (int k = 0; k < 6; k++) {
            e.data[k] = k + 1;
        }
        DenseMatrix m = Ejml.toDense(e);
        assertNotSame(e.data, m.data());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data());
        assertEquals(6.0, m.get(1, 2));
    }

    @Test
    void vectorsAreSharedArraysAndMatricesAreRejected() {
        double[] x = {1, -2, 3};
        DMatrixRMaj v = Ejml.fromVector(x);
        assertEquals(3, v.numRows);
        assertEquals(1, v.numCols);
        assertSame(x, v.data);
        assertSame(x, Ejml.toVector(v));
        assertSame(x, Ejml.toVector(DMatrixRMaj.wrap(1, 3, x)), "a row vector too");
        assertEquals(0, Ejml.toVector(Ejml.fromVector(new double[0])).length);
        DMatrixRMaj longer = new DMatrixRMaj(5, 1);
        longer.reshape(2, 1);
        longer.data[1] = 7;
        assertArrayEquals(new double[] {0, 7}, Ejml.toVector(longer));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ejml.toVector(new DMatrixRMaj(2, 3)));
        assertEquals("expected a vector (an n×1 or 1×n matrix) but got a 2×3 EJML matrix", e.getMessage());
    }

    @Test
    void tripletsBecomeCooKeepingDuplicatesAndExplicitZeros() {
        Random rnd = new Random(37);
        for (int[] s : SHAPES) {
            DMatrixSparseTriplet t = new DMatrixSparseTriplet(s[0], s[1], 4);
            int n = s[0] * s[1] == 0 ? 0 : 2 * s[0] + 3;
            for (int k = 0; k < n; k++) {
                t.addItem(rnd.nextInt(s[0]), rnd.nextInt(s[1]), k == 0 ? 0.0 : rnd.nextDouble()); // repeats likely
            }
            CooMatrix c = Ejml.toCoo(t);
            assertEquals(n, c.nnz(), "every triplet kept, duplicates and zeros included");
            double[] summed = new double[s[0] * s[1]]; // the oracle: every triplet added into a dense array
            for (int k = 0; k < n; k++) {
                summed[t.nz_rowcol.data[2 * k] * s[1] + t.nz_rowcol.data[2 * k + 1]] += t.nz_value.data[k];
            }
            assertArrayEquals(summed, c.toDense().data(), 1e-15, "duplicates summed");
            DMatrixSparseTriplet back = Ejml.fromCoo(c);
            assertEquals(n, back.nz_length);
            assertArrayEquals(Arrays.copyOf(t.nz_rowcol.data, 2 * n), Arrays.copyOf(back.nz_rowcol.data, 2 * n));
            assertArrayEquals(Arrays.copyOf(t.nz_value.data, n), Arrays.copyOf(back.nz_value.data, n));
        }
    }

    @Test
    void aTripletOutsideTheMatrixIsNamedOneBased() {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(3, 3, 2);
        t.addItem(0, 0, 1);
        t.addItem(1, 2, 1);
        t.numCols = 2; // as a careless reshape would leave it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ejml.toCoo(t));
        assertEquals("entry 2 of the EJML triplet matrix is at (2, 3), outside its 3×2 shape", e.getMessage());
    }

    @Test
    void operatorViewsMultiplyAsEjmlDoes() {
        Random rnd = new Random(41);
        for (int[] s : SHAPES) {
            DMatrixSparseCSC a = random(s[0], s[1], rnd);
            double[] x = rnd.doubles(s[1]).toArray();
            double[] w = rnd.doubles(s[0]).toArray();
            DMatrixRMaj expected = new DMatrixRMaj(s[0], 1);
            CommonOps_DSCC.mult(a, DMatrixRMaj.wrap(s[1], 1, x), expected);
            DMatrixRMaj expectedT = new DMatrixRMaj(s[1], 1);
            CommonOps_DSCC.multTransA(a, DMatrixRMaj.wrap(s[0], 1, w), expectedT, null);
            for (DMatrixSparseCSC m : new DMatrixSparseCSC[] {a, reversedColumns(a)}) {
                LinearOperator op = Ejml.operator(m);
                double[] y = new double[s[0]];
                Arrays.fill(y, Double.NaN); // junk: must be overwritten
                op.apply(x, y);
                assertArrayEquals(expected.data, y, 1e-14);
                double[] z = new double[s[1]];
                op.applyTranspose(w, z);
                assertArrayEquals(expectedT.data, z, 1e-14);
            }
            DMatrixRMaj d = dense(a);
            double[] y = new double[s[0]];
            Ejml.operator(d).apply(x, y);
            assertArrayEquals(expected.data, y, 1e-14);
        }
    }

    @Test
    void theOperatorOfAnEjmlMatrixSeesItsValuesChangedInPlace() {
        DMatrixSparseCSC a = reversedColumns(random(6, 6, new Random(43)));
        LinearOperator op = Ejml.operator(a);
        for (int p = 0; p < a.nz_length; p++) {
            a.nz_values[p] *= 2;
        }
        double[] x = {1, 1, 1, 1, 1, 1};
        DMatrixRMaj expected = new DMatrixRMaj(6, 1);
        CommonOps_DSCC.mult(a, DMatrixRMaj.wrap(6, 1, x), expected);
        assertArrayEquals(expected.data, op.apply(x), 1e-14);
    }
}
