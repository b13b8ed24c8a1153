package org.sparrow.interop.la4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.la4j.LinearAlgebra;
import org.la4j.Vector;
import org.la4j.matrix.sparse.CCSMatrix;
import org.la4j.matrix.sparse.CRSMatrix;
import org.la4j.vector.dense.BasicVector;
import org.la4j.vector.sparse.CompressedVector;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.testing.SharedData;

class La4jTest {

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
    void csrRoundTripThroughCrsMatrixKeepsShapeOrderAndExplicitZeros() {
        for (CsrMatrix a : cases()) {
            CRSMatrix m = La4j.toCrsMatrix(a);
            assertEquals(a.rows(), m.rows());
            assertEquals(a.cols(), m.columns());
            assertEquals(a.nnz(), m.cardinality());
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), m.get(i, j), 0.0, "(" + i + ", " + j + ")");
                }
            }
            assertSameEntries(a, La4j.toCsr(m));
        }
    }

    @Test
    void cscRoundTripThroughCcsMatrixKeepsShapeOrderAndExplicitZeros() {
        for (CsrMatrix r : cases()) {
            CscMatrix a = r.toCsc();
            CCSMatrix m = La4j.toCcsMatrix(a);
            assertEquals(a.nnz(), m.cardinality());
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), m.get(i, j), 0.0, "(" + i + ", " + j + ")");
                }
            }
            CscMatrix back = La4j.toCsc(m);
            assertArrayEquals(a.columnPointers(), back.columnPointers());
            assertArrayEquals(Arrays.copyOf(a.rowIndices(), a.nnz()), back.rowIndices());
            assertArrayEquals(Arrays.copyOf(a.values(), a.nnz()), back.values(), 0.0);
            assertSameEntries(r, back.toCsr());
        }
    }

    @Test
    void sparrowToLa4jSharesSparrowsArrays() throws ReflectiveOperationException {
        CsrMatrix a = cases()[1];
        CRSMatrix m = La4j.toCrsMatrix(a);
        // la4j keeps its arrays in private fields, without accessors: the test reads them reflectively.
        assertSame(a.values(), field(m, "values"));
        assertSame(a.columnIndices(), field(m, "columnIndices"));
        assertSame(a.rowPointers(), field(m, "rowPointers"));
        CscMatrix c = cases()[2].toCsc();
        CCSMatrix cm = La4j.toCcsMatrix(c);
        assertSame(c.values(), field(cm, "values"));
        assertSame(c.rowIndices(), field(cm, "rowIndices"));
        assertSame(c.columnPointers(), field(cm, "columnPointers"));
        // And by behaviour: a value la4j writes in place is seen by Sparrow's matrix; copy() is independent.
        int j = a.columnIndices()[0];
        double before = a.values()[0];
        CRSMatrix copy = (CRSMatrix) m.copy();
        m.set(0, j, before + 1);
        assertEquals(before + 1, a.values()[0], 0.0, "la4j wrote into Sparrow's values array");
        assertEquals(before, copy.get(0, j), 0.0, "copy() is independent");
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    @Test
    void unsortedCsrBecomesLa4jsSortedRows() {
        CsrMatrix u = CsrMatrix.unsorted(2, 3, new int[] {0, 3, 4}, new int[] {2, 0, 1, 1}, new double[] {3, 1, 2, 4});
        CRSMatrix m = La4j.toCrsMatrix(u);
        assertEquals(3, m.get(0, 2), 0.0);
        assertEquals(1, m.get(0, 0), 0.0);
        assertEquals(4, m.get(1, 1), 0.0);
        CsrMatrix back = La4j.toCsr(m);
        assertArrayEquals(new int[] {0, 1, 2, 1}, back.columnIndices());
    }

    @Test
    void vectorsAreZeroCopyIntoLa4jAndCopiedBack() {
        double[] x = {1, -2, 3};
        BasicVector v = La4j.toBasicVector(x);
        x[1] = 5;
        assertEquals(5, v.get(1), 0.0, "the la4j vector reads the same array");
        assertArrayEquals(x, La4j.toArray(v), 0.0);
        Vector s = CompressedVector.zero(4);
        s.set(2, 7);
        assertArrayEquals(new double[] {0, 0, 7, 0}, La4j.toArray(s), 0.0);
    }

    @Test
    void nullArgumentsAreRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> La4j.toCsr(null));
        assertTrue(e.getMessage().contains("la4j matrix"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> La4j.toCrsMatrix(null));
        assertThrows(IllegalArgumentException.class, () -> La4j.toArray(null));
    }

    @Test
    void sparrowCgOnALa4jMatrixMatchesLa4jsCholeskySolver() throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(SharedData.file("small/nos4.mtx"));
        CRSMatrix m = La4j.toCrsMatrix(a);
        double[] b = new double[a.rows()];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1.0 + (i % 7);
        }
        Vector theirs = m.withSolver(LinearAlgebra.SolverFactory.SQUARE_ROOT).solve(La4j.toBasicVector(b));
        SolverResult r = Cg.solve(La4j.toCsr(m), b, null,
                SolverOptions.defaults().withRelativeTolerance(1e-12).withMaxIterations(10_000));
        assertTrue(r.converged());
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(r.solution()[i] - theirs.get(i)));
            norm = Math.max(norm, Math.abs(theirs.get(i)));
        }
        assertTrue(diff <= 1e-8 * norm, "Sparrow's CG and la4j's Cholesky (square-root) solver differ by " + diff
                + " (max |x| " + norm + ")");
    }
}
