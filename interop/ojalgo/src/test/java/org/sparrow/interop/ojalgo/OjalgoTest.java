package org.sparrow.interop.ojalgo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.SparseStore;
import org.ojalgo.structure.ElementView2D;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;

/**
 * Round trips between ojAlgo 55 and Sparrow, checked entry by entry against ojAlgo's own
 * {@code doubleValue(row, col)} (the oracle), on seeded random matrices of odd shapes including empty ones.
 */
class OjalgoTest {

    private static final int[][] SHAPES = {{1, 1}, {1, 13}, {13, 1}, {7, 5}, {5, 7}, {31, 17}, {0, 4}, {4, 0}, {0, 0}};

    /** A seeded random ojAlgo sparse matrix, about a third of its entries set, built with ojAlgo's own builder. */
    private static SparseStore<Double> random(int rows, int cols, Random rnd) {
        SparseStore.Builder<Double> b = SparseStore.R064.newBuilder(rows, cols);
        for (int k = 0; k < rows * cols / 3; k++) {
            b.set(rnd.nextInt(rows), rnd.nextInt(cols), rnd.nextDouble() + 0.5);
        }
        return b.build();
    }

    private static int stored(SparseStore<Double> s) {
        int n = 0;
        for (ElementView2D<Double, ?> ignored : s.nonzeros()) {
            n++;
        }
        return n;
    }

    private static void assertSameEntries(MatrixStore<Double> expected, org.sparrow.core.Matrix actual) {
        assertEquals(expected.getRowDim(), actual.rows(), "rows");
        assertEquals(expected.getColDim(), actual.cols(), "cols");
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.cols(); j++) {
                assertEquals(expected.doubleValue(i, j), actual.get(i, j), "entry (" + (i + 1) + ", " + (j + 1) + ")");
            }
        }
    }

    @Test
    void sparseStoresBecomeCanonicalCscCsrAndCooAndBack() {
        Random rnd = new Random(7);
        for (int[] s : SHAPES) {
            SparseStore<Double> a = random(s[0], s[1], rnd);
            CscMatrix c = Ojalgo.toCsc(a);
            CsrMatrix r = Ojalgo.toCsr(a);
            CooMatrix t = Ojalgo.toCoo(a);
            assertEquals(stored(a), c.nnz(), "every stored entry");
            assertEquals(stored(a), r.nnz());
            assertEquals(stored(a), t.nnz());
            assertTrue(r.isSorted());
            assertSameEntries(a, c);
            assertSameEntries(a, r);
            assertSameEntries(a, t);
            for (SparseStore<Double> back : java.util.List.of(Ojalgo.fromCsr(r), Ojalgo.fromCsc(c), Ojalgo.fromCoo(t))) {
                assertEquals(s[0], back.getRowDim());
                assertEquals(s[1], back.getColDim());
                assertEquals(stored(a), stored(back));
                assertSameEntries(back, r);
            }
        }
    }

    @Test
    void explicitZerosAreDroppedGoingToOjalgoBecauseSparseStoreCannotHoldThem() {
        CsrMatrix a = new CsrMatrix(3, 4, new int[] {0, 2, 2, 3}, new int[] {0, 3, 1}, new double[] {0.0, 2.0, -1.0});
        SparseStore<Double> s = Ojalgo.fromCsr(a);
        assertEquals(2, stored(s), "the explicit zero at (1, 1) is not stored");
        assertSameEntries(s, a);
        CsrMatrix back = Ojalgo.toCsr(s);
        assertEquals(2, back.nnz());
        assertEquals(0, back.rowNnz(1), "the empty row stays empty");
    }

    @Test
    void duplicateCooEntriesAreSummedAndCancellationsDropped() {
        CooMatrix c = new CooMatrix(2, 3, new int[] {0, 0, 1, 1}, new int[] {2, 2, 0, 0}, new double[] {1.5, 2.0, 3.0, -3.0});
        SparseStore<Double> s = Ojalgo.fromCoo(c);
        assertEquals(1, stored(s));
        assertEquals(3.5, s.doubleValue(0, 2));
    }

    @Test
    void denseStoresAreCopiedBetweenColumnAndRowMajor() {
        Random rnd = new Random(13);
        for (int[] s : SHAPES) {
            double[] rowMajor = rnd.doubles((long) s[0] * s[1]).toArray();
            DenseMatrix d = new DenseMatrix(s[0], s[1], rowMajor);
            R064Store o = Ojalgo.fromDense(d);
            assertEquals(s[0], o.getRowDim());
            assertEquals(s[1], o.getColDim());
            assertSameEntries(o, d);
            DenseMatrix back = Ojalgo.toDense(o);
            assertArrayEquals(rowMajor, back.data());
            MatrixStore<Double> transposed = o.transpose(); // not an R064Store: read entry by entry
            assertSameEntries(transposed, d.transpose());
            assertArrayEquals(d.transpose().data(), Ojalgo.toDense(transposed).data());
        }
    }

    @Test
    void vectorsWrapTheSameArray() {
        double[] x = {4, -1, 2.5};
        R064Store v = Ojalgo.fromVector(x);
        assertEquals(3, v.getRowDim());
        assertEquals(1, v.getColDim());
        assertSame(x, v.data);
        assertSame(x, Ojalgo.toVector(v));
        assertSame(x, Ojalgo.toVector(R064Store.wrap(x, 1)), "a 1×n row vector is contiguous too");
        assertEquals(0, Ojalgo.toVector(Ojalgo.fromVector(new double[0])).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ojalgo.toVector(R064Store.FACTORY.make(2, 2)));
        assertEquals("expected a vector (an n×1 or 1×n matrix) but got a 2×2 ojAlgo matrix", e.getMessage());
        assertEquals("the ojAlgo sparse matrix is null",
                assertThrows(IllegalArgumentException.class, () -> Ojalgo.toCsr(null)).getMessage());
    }

    @Test
    void theOperatorMultipliesAsOjalgoDoes() {
        Random rnd = new Random(19);
        for (int[] s : SHAPES) {
            SparseStore<Double> a = random(s[0], s[1], rnd);
            double[] x = rnd.doubles(s[1]).toArray();
            MatrixStore<Double> expected = a.multiply(Ojalgo.fromVector(x.clone()));
            double[] y = Ojalgo.operator(a).apply(x);
            for (int i = 0; i < s[0]; i++) {
                assertEquals(expected.doubleValue(i, 0), y[i], 1e-14);
            }
        }
    }
}
