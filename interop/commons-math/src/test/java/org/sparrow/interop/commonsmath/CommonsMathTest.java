package org.sparrow.interop.commonsmath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.ConjugateGradient;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.OpenMapRealVector;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SymmLQ;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.LinearOperator;
import org.sparrow.core.gen.Generators;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.solvers.SolverOptions;
import org.sparrow.solvers.SolverResult;
import org.sparrow.solvers.krylov.Cg;
import org.sparrow.testing.SharedData;

class CommonsMathTest {

    /** Seeded random matrices of odd shapes (no explicit zeros: Commons Math stores none), plus empty rows/columns. */
    private static CsrMatrix[] cases() {
        int[][] shapes = {{1, 1}, {7, 13}, {13, 7}, {31, 29}, {50, 3}};
        CsrMatrix[] out = new CsrMatrix[shapes.length + 1];
        for (int s = 0; s < shapes.length; s++) {
            out[s] = Generators.random(shapes[s][0], shapes[s][1], 0.15, 17 + s);
        }
        // Row 1 and column 2 empty.
        out[shapes.length] = new CsrMatrix(3, 4, new int[] {0, 2, 2, 4}, new int[] {0, 3, 0, 1},
                new double[] {1.5, -2, 0.25, 4});
        return out;
    }

    private static void assertSameMatrix(CsrMatrix expected, CsrMatrix actual) {
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.cols(), actual.cols(), "cols");
        assertTrue(actual.isSorted(), "canonical");
        assertEquals(expected, actual);
    }

    @Test
    void csrRoundTripThroughOpenMapRealMatrixKeepsShapeAndEntries() {
        for (CsrMatrix a : cases()) {
            OpenMapRealMatrix m = CommonsMath.toOpenMapRealMatrix(a);
            assertEquals(a.rows(), m.getRowDimension());
            assertEquals(a.cols(), m.getColumnDimension());
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    assertEquals(a.get(i, j), m.getEntry(i, j), 0.0);
                }
            }
            assertSameMatrix(a, CommonsMath.toCsr(m));
        }
    }

    @Test
    void theHashTablePathAndTheEntryScanAgree() {
        for (CsrMatrix a : cases()) {
            OpenMapRealMatrix m = CommonsMath.toOpenMapRealMatrix(a);
            assertEquals(CommonsMath.scan(m), CommonsMath.toCsr(m));
        }
        assertTrue(CommonsMath.readsHashTable(), "the O(nnz) path is available with Commons Math 3.6.1");
    }

    @Test
    void explicitZerosAreNotStoredByCommonsMath() {
        CsrMatrix a = new CsrMatrix(2, 2, new int[] {0, 2, 3}, new int[] {0, 1, 1}, new double[] {1, 0.0, 2});
        CsrMatrix back = CommonsMath.toCsr(CommonsMath.toOpenMapRealMatrix(a));
        assertEquals(2, back.nnz());
        assertArrayEquals(new int[] {0, 1, 2}, back.rowPointers());
    }

    @Test
    void aMatrixPastCommonsMathsIndexRangeIsRefusedWithTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommonsMath.toOpenMapRealMatrix(CsrMatrix.zeros(50_000, 50_000)));
        assertTrue(e.getMessage().contains("50000×50000") && e.getMessage().contains("2147483647")
                && e.getMessage().contains("toRealLinearOperator"), e.getMessage());
        // Just inside the limit: rows·cols = 2147483646.
        OpenMapRealMatrix m = CommonsMath.toOpenMapRealMatrix(CsrMatrix.zeros(2, 1_073_741_823));
        assertEquals(1_073_741_823, m.getColumnDimension());
    }

    @Test
    void emptyShapesHaveNoCommonsMathMatrixButOperatorsWork() {
        for (int[] s : new int[][] {{0, 5}, {5, 0}, {0, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CommonsMath.toOpenMapRealMatrix(CsrMatrix.zeros(s[0], s[1])));
            assertTrue(e.getMessage().contains("at least one row and one column"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> CommonsMath.toArray2DRowRealMatrix(DenseMatrix.zeros(s[0], s[1])));
            RealLinearOperator op = CommonsMath.toRealLinearOperator(CsrMatrix.zeros(s[0], s[1]));
            assertEquals(s[0], op.operate(new ArrayRealVector(s[1])).getDimension());
        }
    }

    @Test
    void denseRoundTripKeepsEntries() {
        Random r = new Random(5);
        for (int[] s : new int[][] {{1, 1}, {3, 5}, {5, 3}}) {
            double[] d = new double[s[0] * s[1]];
            for (int k = 0; k < d.length; k++) {
                d[k] = r.nextGaussian();
            }
            DenseMatrix a = new DenseMatrix(s[0], s[1], d);
            Array2DRowRealMatrix m = CommonsMath.toArray2DRowRealMatrix(a);
            for (int i = 0; i < s[0]; i++) {
                for (int j = 0; j < s[1]; j++) {
                    assertEquals(a.get(i, j), m.getEntry(i, j), 0.0);
                }
            }
            assertArrayEquals(d, CommonsMath.toDense(m).data(), 0.0);
            assertArrayEquals(d, CommonsMath.toDense(new BlockRealMatrix(m.getData())).data(), 0.0);
            assertEquals(a.toCsr(), CommonsMath.toCsr(m));
        }
    }

    @Test
    void arrayVectorsAreZeroCopyBothWaysAndOtherVectorsAreCopied() {
        double[] x = {1, -2, 3};
        ArrayRealVector v = CommonsMath.toRealVector(x);
        assertSame(x, v.getDataRef());
        assertSame(x, CommonsMath.toArray(v));
        OpenMapRealVector s = new OpenMapRealVector(4);
        s.setEntry(2, 7);
        assertArrayEquals(new double[] {0, 0, 7, 0}, CommonsMath.toArray(s), 0.0);
    }

    @Test
    void operatorViewsComputeTheSameProductsBothWays() {
        CsrMatrix a = cases()[1];
        double[] x = new Random(9).doubles(a.cols()).toArray();
        double[] z = new Random(10).doubles(a.rows()).toArray();
        RealLinearOperator op = CommonsMath.toRealLinearOperator(a);
        assertTrue(op.isTransposable());
        assertArrayEquals(a.apply(x), op.operate(new ArrayRealVector(x)).toArray(), 1e-14);
        assertArrayEquals(a.applyTranspose(z), op.operateTranspose(new ArrayRealVector(z)).toArray(), 1e-14);
        assertThrows(DimensionMismatchException.class, () -> op.operate(new ArrayRealVector(a.cols() + 1)));

        LinearOperator back = CommonsMath.toLinearOperator(CommonsMath.toOpenMapRealMatrix(a));
        assertEquals(a.rows(), back.rows());
        assertEquals(a.cols(), back.cols());
        assertArrayEquals(a.apply(x), back.apply(x), 1e-14);
        assertArrayEquals(a.applyTranspose(z), back.applyTranspose(z), 1e-14);
    }

    @Test
    void aNonTransposableOperatorSaysSoOnTransposeProducts() {
        RealLinearOperator plain = new RealLinearOperator() {
            @Override
            public int getRowDimension() {
                return 2;
            }

            @Override
            public int getColumnDimension() {
                return 2;
            }

            @Override
            public RealVector operate(RealVector x) {
                return x.mapMultiply(3);
            }
        };
        LinearOperator op = CommonsMath.toLinearOperator(plain);
        assertArrayEquals(new double[] {3, 6}, op.apply(new double[] {1, 2}), 0.0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> op.applyTranspose(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("transpose"), e.getMessage());
    }

    private static double[] rhs(int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 1.0 + (i % 7);
        }
        return b;
    }

    private static void assertClose(double[] expected, double[] actual, double rel, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
            norm = Math.max(norm, Math.abs(expected[i]));
        }
        assertTrue(diff <= rel * norm, what + " differ by " + diff + " (max |x| " + norm + ")");
    }

    @Test
    void sparrowCgOnACommonsMathMatrixMatchesCommonsMathsConjugateGradient() throws IOException {
        CsrMatrix a = MatrixMarket.readCsr(SharedData.file("small/nos4.mtx"));
        OpenMapRealMatrix m = CommonsMath.toOpenMapRealMatrix(a);
        double[] b = rhs(a.rows());
        RealVector theirs = new ConjugateGradient(10_000, 1e-12, false).solve(m, new ArrayRealVector(b));

        SolverOptions o = SolverOptions.defaults().withRelativeTolerance(1e-12).withMaxIterations(10_000);
        SolverResult onCsr = Cg.solve(CommonsMath.toCsr(m), b, null, o);
        SolverResult onOperator = Cg.solve(CommonsMath.toLinearOperator(m), b, null, o);
        assertTrue(onCsr.converged() && onOperator.converged());
        assertClose(theirs.toArray(), onCsr.solution(), 1e-8, "Sparrow's CG on the CSR copy and Commons Math's CG");
        assertClose(theirs.toArray(), onOperator.solution(), 1e-8, "Sparrow's CG on the operator view and Commons Math's CG");

        // And the other way: Commons Math's CG and SymmLQ on Sparrow's matrix.
        RealLinearOperator op = CommonsMath.toRealLinearOperator(a);
        assertClose(theirs.toArray(), new ConjugateGradient(10_000, 1e-12, false).solve(op, new ArrayRealVector(b)).toArray(),
                1e-10, "Commons Math's CG on Sparrow's matrix and on its own");
        assertClose(theirs.toArray(), new SymmLQ(10_000, 1e-12, false).solve(op, new ArrayRealVector(b)).toArray(),
                1e-6, "Commons Math's SymmLQ on Sparrow's matrix and its CG");
    }
}
