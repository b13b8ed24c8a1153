package org.sparrow.interop.mtj;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.CG;
import no.uib.cipr.matrix.sparse.CompColMatrix;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import no.uib.cipr.matrix.sparse.DefaultIterationMonitor;
import no.uib.cipr.matrix.sparse.IterativeSolverNotConvergedException;
import no.uib.cipr.matrix.sparse.SparseVector;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.testing.SharedData;

class MtjTest {

    /** Seeded random matrices of odd shapes, some entries set to explicit zeros, plus the degenerate shapes. */
    private static CsrMatrix[] cases() {
        int[][] shapes = {{1, 1}, {7, 13}, {13, 7}, {31, 29}, {50, 3}};
        CsrMatrix[] out = new CsrMatrix[shapes.length + 4];
        for (int s = 0; s < shapes.length; s++) {
            out[s] = withExplicitZeros(Generators.random(shapes[s][0], shapes[s][1], 0.15, 17 + s), s);
        }
        out[shapes.length] = CsrMatrix.zeros(0, 5);
        out[shapes.length + 1] = CsrMatrix.zeros(5, 0);
        out[shapes.length + 2] = CsrMatrix.zeros(0, 0);
        // Row 1 and column 2 empty; an explicit zero at (2, 0).
        out[shapes.length + 3] = new CsrMatrix(3, 4, new int[] {0, 2, 2, 4}, new int[] {0, 3, 0, 1},
                new double[] {1.5, -2, 0.0, 4});
        return out;
    }

    private static CsrMatrix withExplicitZeros(CsrMatrix a, long seed) {
        double[] v = a.values().clone();
        Random r = new Random(seed);
        for (int k = 0; k < a.nnz(); k++) {
            if (r.nextInt(5) == 0) {
                v[k] = 0.0;
            }
        }
        return new CsrMatrix(a.rows(), a.cols(), a.rowPointers(), a.columnIndices(), v);
    }

    private static void assertSameEntries(CsrMatrix expected, CsrMatrix actual) {
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.cols(), actual.cols(), "cols");
        assertEquals(expected.nnz(), actual.nnz(), "stored entries (explicit zeros kept)");
        assertTrue(actual.isSorted(), "canonical");
        assertArrayEquals(expected.rowPointers(), actual.rowPointers());
        for (int k = 0; k < expected.nnz(); k++) {
            assertEquals(expected.columnIndices()[k], actual.columnIndices()[k], "column at " + k);
            assertEquals(expected.values()[k], actual.values()[k], 0.0, "value at " + k);
        }
    }

    @Test
    void csrRoundTripThroughCompRowMatrixKeepsShapeOrderAndExplicitZeros() {
        for (CsrMatrix a : cases()) {
            CompRowMatrix m = Mtj.toCompRowMatrix(a);
            assertEquals(a.rows(), m.numRows());
            assertEquals(a.cols(), m.numColumns());
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), m.get(i, j), 0.0, "(" + i + ", " + j + ") of " + a);
                }
            }
            assertSameEntries(a, Mtj.toCsr(m));
        }
    }

    @Test
    void cscRoundTripThroughCompColMatrixKeepsShapeOrderAndExplicitZeros() {
        for (CsrMatrix r : cases()) {
            CscMatrix a = r.toCsc();
            CompColMatrix m = Mtj.toCompColMatrix(a);
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), m.get(i, j), 0.0, "(" + i + ", " + j + ")");
                }
            }
            CscMatrix back = Mtj.toCsc(m);
            assertEquals(a.nnz(), back.nnz());
            assertArrayEquals(a.columnPointers(), back.columnPointers());
            assertArrayEquals(java.util.Arrays.copyOf(a.rowIndices(), a.nnz()), back.rowIndices());
            assertArrayEquals(java.util.Arrays.copyOf(a.values(), a.nnz()), back.values(), 0.0);
            assertSameEntries(r, back.toCsr());
        }
    }

    @Test
    void mtjToSparrowSharesMtjArrays() {
        CompRowMatrix m = Mtj.toCompRowMatrix(cases()[1]);
        CsrMatrix a = Mtj.toCsr(m);
        assertSame(m.getRowPointers(), a.rowPointers());
        assertSame(m.getColumnIndices(), a.columnIndices());
        assertSame(m.getData(), a.values());

        CompColMatrix c = Mtj.toCompColMatrix(cases()[2].toCsc());
        CscMatrix b = Mtj.toCsc(c);
        assertSame(c.getColumnPointers(), b.columnPointers());
        assertSame(c.getRowIndices(), b.rowIndices());
        assertSame(c.getData(), b.values());
    }

    @Test
    void toCompRowMatrixBuildsTheSameArraysAsMtjsEntryByEntrySet() {
        for (CsrMatrix a : cases()) {
            int[][] nz = new int[a.rows()][];
            for (int i = 0; i < a.rows(); i++) {
                nz[i] = java.util.Arrays.copyOfRange(a.columnIndices(), a.rowPointers()[i], a.rowPointers()[i + 1]);
            }
            CompRowMatrix reference = new CompRowMatrix(a.rows(), a.cols(), nz);
            for (int i = 0; i < a.rows(); i++) {
                for (int q = a.rowPointers()[i]; q < a.rowPointers()[i + 1]; q++) {
                    reference.set(i, a.columnIndices()[q], a.values()[q]);
                }
            }
            CompRowMatrix m = Mtj.toCompRowMatrix(a);
            assertArrayEquals(reference.getRowPointers(), m.getRowPointers());
            assertArrayEquals(reference.getColumnIndices(), m.getColumnIndices());
            assertArrayEquals(reference.getData(), m.getData(), 0.0);
        }
    }

    @Test
    void sparrowToMtjCopiesSoMtjWritesDoNotReachTheSparrowMatrix() {
        CsrMatrix a = cases()[1];
        double before = a.values()[0];
        CompRowMatrix m = Mtj.toCompRowMatrix(a);
        assertNotSame(a.values(), m.getData());
        m.set(0, a.columnIndices()[0], before + 1);
        assertEquals(before, a.values()[0], 0.0);
    }

    @Test
    void unsortedCsrBecomesMtjsSortedRows() {
        CsrMatrix u = CsrMatrix.unsorted(2, 3, new int[] {0, 3, 4}, new int[] {2, 0, 1, 1}, new double[] {3, 1, 2, 4});
        CompRowMatrix m = Mtj.toCompRowMatrix(u);
        assertArrayEquals(new int[] {0, 1, 2, 1}, m.getColumnIndices());
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.getData(), 0.0);
    }

    @Test
    void denseRoundTripTransposesTheLayoutAndKeepsEntries() {
        Random r = new Random(3);
        for (int[] s : new int[][] {{1, 1}, {3, 5}, {5, 3}, {0, 4}, {4, 0}}) {
            double[] d = new double[s[0] * s[1]];
            for (int k = 0; k < d.length; k++) {
                d[k] = r.nextGaussian();
            }
            DenseMatrix a = new DenseMatrix(s[0], s[1], d);
            no.uib.cipr.matrix.DenseMatrix m = Mtj.toMtjDense(a);
            assertEquals(s[0], m.numRows());
            assertEquals(s[1], m.numColumns());
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    assertEquals(a.get(i, j), m.get(i, j), 0.0);
                    assertEquals(a.get(i, j), m.getData()[j * s[0] + i], 0.0, "column-major");
                }
            }
            assertArrayEquals(d, Mtj.toDense(m).data(), 0.0);
        }
    }

    @Test
    void denseVectorIsZeroCopyBothWaysAndOtherVectorsAreCopied() {
        double[] x = {1, -2, 3};
        DenseVector v = Mtj.toDenseVector(x);
        assertSame(x, v.getData());
        assertSame(x, Mtj.toArray(v));

        SparseVector s = new SparseVector(5);
        s.set(1, 2.5);
        s.set(4, -1);
        assertArrayEquals(new double[] {0, 2.5, 0, 0, -1}, Mtj.toArray(s), 0.0);
    }

    @Test
    void nullArgumentsAreRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mtj.toCsr(null));
        assertTrue(e.getMessage().contains("MTJ matrix"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mtj.toCompRowMatrix(null));
        assertThrows(IllegalArgumentException.class, () -> Mtj.toArray(null));
    }

    @Test
    void sparrowCgOnAnMtjMatrixMatchesMtjsOwnCg() throws IOException, IterativeSolverNotConvergedException {
        CsrMatrix a = MatrixMarket.readCsr(SharedData.file("small/nos4.mtx"));
        CompRowMatrix m = Mtj.toCompRowMatrix(a);
        double[] b = new double[a.rows()];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1.0 + (i % 7);
        }
        DenseVector mx = new DenseVector(a.cols());
        CG cg = new CG(mx);
        cg.setIterationMonitor(new DefaultIterationMonitor(10_000, 1e-12, 0.0, 1e10));
        cg.solve(m, new DenseVector(b), mx);

        SolverResult r = Cg.solve(Mtj.toCsr(m), Mtj.toArray(new DenseVector(b)), null,
                SolverOptions.defaults().withRelativeTolerance(1e-12).withMaxIterations(10_000));
        assertTrue(r.converged());
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(r.solution()[i] - mx.get(i)));
            norm = Math.max(norm, Math.abs(mx.get(i)));
        }
        assertTrue(diff <= 1e-8 * norm, "Sparrow's CG and MTJ's CG differ by " + diff + " (max |x| " + norm + ")");
    }
}
