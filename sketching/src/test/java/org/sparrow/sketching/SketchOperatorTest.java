package org.sparrow.sketching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sparrow.sketching.SketchTestSupport.assertClose;
import static org.sparrow.sketching.SketchTestSupport.explicitByColumns;
import static org.sparrow.sketching.SketchTestSupport.junk;
import static org.sparrow.sketching.SketchTestSupport.multiply;
import static org.sparrow.sketching.SketchTestSupport.randomCsr;
import static org.sparrow.sketching.SketchTestSupport.randomDense;
import static org.sparrow.sketching.SketchTestSupport.randomVector;
import static org.sparrow.sketching.SketchTestSupport.toArray;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Matrix;
import org.sparrow.core.Par;

/**
 * Every sketch kind as a linear operator: the products against the dense S built column by column
 * from {@code apply}, the adjoint identity, the dense and CSR sketches, the block forms, and
 * bit-identical results for 1, 2 and 7 threads and for every {@link Par}.
 */
class SketchOperatorTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void applyTransposeIsTheAdjointOfApply(SketchKind kind) {
        Random rnd = new Random(21);
        for (int[] shape : SketchTestSupport.SHAPES) {
            Sketch s = Sketches.create(kind, shape[0], shape[1], 7 + shape[1]);
            String what = s.toString();
            double[][] byColumns = explicitByColumns(s);
            // Row i of S from Sᵀ·e_i must equal row i of the column-built S.
            double[] e = new double[s.rows()];
            for (int i = 0; i < s.rows(); i++) {
                e[i] = 1.0;
                double[] row = junk(s.cols());
                s.applyTranspose(e, row);
                e[i] = 0.0;
                assertClose(byColumns[i], row, TOL, what + ": row " + i + " of S from applyTranspose");
            }
            // ⟨S·x, y⟩ = ⟨x, Sᵀ·y⟩
            double[] x = randomVector(s.cols(), rnd);
            double[] y = randomVector(s.rows(), rnd);
            double lhs = dot(s.apply(x), y);
            double rhs = dot(x, s.applyTranspose(y));
            assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)) * Math.sqrt(s.cols()), what + ": ⟨Sx, y⟩");
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void sketchOfDenseMatrixMatchesTheExplicitProductAndTheColumnByColumnApply(SketchKind kind) {
        Random rnd = new Random(22);
        for (int[] shape : SketchTestSupport.SHAPES) {
            Sketch s = Sketches.create(kind, shape[0], shape[1], 100 + shape[0]);
            double[][] explicit = explicitByColumns(s);
            for (int d : new int[] {1, 3, 13}) {
                DenseMatrix a = randomDense(s.cols(), d, rnd);
                DenseMatrix sa = s.sketch(a, 2);
                String what = s + " · " + s.cols() + "×" + d;
                assertClose(multiply(explicit, toArray(a)), sa, TOL, what);
                // Column c of S·A is exactly S applied to column c of A.
                for (int c = 0; c < d; c++) {
                    double[] ac = new double[s.cols()];
                    for (int i = 0; i < ac.length; i++) {
                        ac[i] = a.get(i, c);
                    }
                    double[] sc = s.sketch(ac);
                    for (int i = 0; i < s.rows(); i++) {
                        assertEquals(sc[i], sa.get(i, c), what + ": column " + c + " differs from S·a_c at row " + i);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void sketchOfSparseMatrixMatchesTheExplicitProductInEveryFormat(SketchKind kind) {
        Random rnd = new Random(23);
        for (int[] shape : SketchTestSupport.SHAPES) {
            Sketch s = Sketches.create(kind, shape[0], shape[1], 200 + shape[0]);
            double[][] explicit = explicitByColumns(s);
            for (int d : new int[] {1, 5, 17}) {
                for (double density : new double[] {0.0, 0.05, 0.5}) {
                    CsrMatrix a = randomCsr(s.cols(), d, density, rnd);
                    String what = s + " · CSR " + s.cols() + "×" + d + " nnz " + a.nnz();
                    double[][] expected = multiply(explicit, toArray(a.toDense()));
                    assertClose(expected, s.sketch(a, 2), TOL, what);
                    assertClose(expected, s.sketch(a.toCsc()), TOL, what + " (CSC)");
                    assertClose(expected, s.sketch(a.toCoo()), TOL, what + " (COO)");
                    // The sparse and dense paths agree.
                    assertClose(toArray(s.sketch(a.toDense())), s.sketch(a), TOL, what + " (dense path)");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void blockFormsMatchTheExplicitSketchAndOverwriteJunk(SketchKind kind) {
        Random rnd = new Random(24);
        for (int[] shape : SketchTestSupport.SHAPES) {
            Sketch s = Sketches.create(kind, shape[0], shape[1], 300 + shape[1]);
            double[][] explicit = explicitByColumns(s);
            double[][] transposed = new double[s.cols()][s.rows()];
            for (int i = 0; i < s.rows(); i++) {
                for (int j = 0; j < s.cols(); j++) {
                    transposed[j][i] = explicit[i][j];
                }
            }
            for (int k : new int[] {0, 1, 4}) {
                DenseMatrix x = randomDense(s.cols(), k, rnd);
                double[] y = junk(s.rows() * k);
                s.applyBlock(x.data(), y, k);
                assertClose(multiply(explicit, toArray(x)), new DenseMatrix(s.rows(), k, y), TOL,
                        s + " applyBlock k=" + k);
                DenseMatrix z = randomDense(s.rows(), k, rnd);
                double[] w = junk(s.cols() * k);
                s.applyTransposeBlock(z.data(), w, k);
                assertClose(multiply(transposed, toArray(z)), new DenseMatrix(s.cols(), k, w), TOL,
                        s + " applyTransposeBlock k=" + k);
            }
            assertClose(explicit, s.toDense(), TOL, s + " toDense");
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void resultsAreBitIdenticalForOneTwoAndSevenThreads(SketchKind kind) {
        Random rnd = new Random(25);
        int[][] shapes = {{50, 2000}, {13, 702}, {100, 3001}, {13, 20001}};
        for (int[] shape : shapes) {
            AbstractSketch s = (AbstractSketch) Sketches.create(kind, shape[0], shape[1], 42);
            DenseMatrix a = randomDense(s.cols(), 37, rnd);
            CsrMatrix sp = randomCsr(s.cols(), 29, 0.1, rnd);
            DenseMatrix x = randomDense(s.rows(), 6, rnd);
            DenseMatrix dense1 = s.sketch(a, 1);
            DenseMatrix sparse1 = s.sketch(sp, 1);
            double[] transpose1 = new double[s.cols() * 6];
            s.transpose(x.data(), 6, transpose1, 1);
            for (int threads : new int[] {2, 7}) {
                String what = s + " on " + threads + " threads";
                assertArrayEquals(dense1.data(), s.sketch(a, threads).data(), what + ": dense S·A");
                assertArrayEquals(sparse1.data(), s.sketch(sp, threads).data(), what + ": sparse S·A");
                double[] t = new double[s.cols() * 6];
                s.transpose(x.data(), 6, t, threads);
                assertArrayEquals(transpose1, t, what + ": Sᵀ·X");
            }
            for (Par par : new Par[] {Par.SEQ, Par.AUTO, Par.threads(3)}) {
                assertArrayEquals(dense1.data(), s.sketch((Matrix) a, par).data(), s + " " + par + ": dense");
                assertArrayEquals(sparse1.data(), s.sketch((Matrix) sp, par).data(), s + " " + par + ": sparse");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SketchKind.class)
    void theSeedDeterminesTheOperator(SketchKind kind) {
        Random rnd = new Random(26);
        DenseMatrix a = randomDense(207, 3, rnd);
        DenseMatrix first = Sketches.create(kind, 13, 207, 5).sketch(a);
        DenseMatrix again = Sketches.create(kind, 13, 207, 5).sketch(a);
        DenseMatrix other = Sketches.create(kind, 13, 207, 6).sketch(a);
        assertArrayEquals(first.data(), again.data(), kind + ": same seed, same sketch");
        assertFalse(Arrays.equals(first.data(), other.data()), kind + ": another seed gives another sketch");
        assertEquals(kind, Sketches.create(kind, 13, 207, 5).kind());
        assertEquals(5, Sketches.create(kind, 13, 207, 5).seed());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
