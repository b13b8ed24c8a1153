package org.sparrow.core.structured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparrow.core.DenseMatrix;

class KroneckerEigenTest {

    private static DenseMatrix randomSymmetric(Random rnd, int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rnd.nextGaussian();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return new DenseMatrix(n, n, a);
    }

    /** Entry (r, c) of S₁⊗…⊗S_d, computed from the definition (independent of the class under test). */
    private static double kronEntry(List<DenseMatrix> f, int r, int c) {
        double v = 1;
        for (int k = f.size() - 1; k >= 0; k--) {
            DenseMatrix a = f.get(k);
            v *= a.get(r % a.rows(), c % a.cols());
            r /= a.rows();
            c /= a.cols();
        }
        return v;
    }

    @Test
    void eigenpairsOfTheProductSatisfyTheDenseEigenEquation() {
        Random rnd = new Random(3);
        int[][] sizes = {{3, 4}, {1, 5}, {2, 3, 4}, {3, 1, 2, 2}};
        for (int[] s : sizes) {
            List<DenseMatrix> f = new ArrayList<>();
            int n = 1;
            for (int k : s) {
                f.add(randomSymmetric(rnd, k));
                n *= k;
            }
            KroneckerEigen e = KroneckerEigen.of(f);
            assertEquals(s.length, e.factorCount());
            double[] lambda = e.values();
            assertEquals(n, lambda.length);
            double norm = 0;
            double trace = 0;
            double[][] dense = new double[n][n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    dense[r][c] = kronEntry(f, r, c);
                    norm = Math.max(norm, Math.abs(dense[r][c]));
                }
                trace += dense[r][r];
            }
            double sum = 0;
            for (double l : lambda) {
                sum += l;
            }
            assertEquals(trace, sum, 1e-12 * n * norm, "Σλ = trace");
            for (int i = 0; i < n; i++) {
                // v = u₁[:, i₁]⊗…⊗u_d[:, i_d]
                List<double[]> parts = new ArrayList<>();
                int rem = i;
                int[] idx = new int[s.length];
                for (int k = s.length - 1; k >= 0; k--) {
                    idx[k] = rem % s[k];
                    rem /= s[k];
                }
                for (int k = 0; k < s.length; k++) {
                    double[] col = new double[s[k]];
                    for (int r = 0; r < s[k]; r++) {
                        col[r] = e.vectors(k).get(r, idx[k]);
                    }
                    parts.add(col);
                }
                double[] v = KroneckerEigen.kron(parts);
                for (int r = 0; r < n; r++) {
                    double sv = 0;
                    for (int c = 0; c < n; c++) {
                        sv += dense[r][c] * v[c];
                    }
                    assertEquals(lambda[i] * v[r], sv, 1e-12 * n * norm, "S·v = λ·v, pair " + (i + 1));
                }
            }
        }
    }

    @Test
    void factorEigenvectorsAreOrthonormal() {
        KroneckerEigen e = KroneckerEigen.of(randomSymmetric(new Random(4), 7));
        DenseMatrix u = e.vectors(0);
        for (int a = 0; a < 7; a++) {
            for (int b = 0; b < 7; b++) {
                double dot = 0;
                for (int r = 0; r < 7; r++) {
                    dot += u.get(r, a) * u.get(r, b);
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-13);
            }
        }
        assertEquals(7, e.values(0).length);
    }

    @Test
    void kronOfVectorsFollowsTheIndexConvention() {
        double[] a = {1, 2};
        double[] b = {3, 5, 7};
        double[] c = {-1, 10};
        double[] got = KroneckerEigen.kron(List.of(a, b, c));
        double[] want = new double[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    want[(i * 3 + j) * 2 + k] = a[i] * b[j] * c[k];
                }
            }
        }
        assertArrayEquals(want, got, 0);
        double[] out = new double[12];
        java.util.Arrays.fill(out, Double.NaN);
        KroneckerEigen.kron(List.of(a, b, c), out);
        assertArrayEquals(want, out, 0);
        assertArrayEquals(new double[] {4, 5}, KroneckerEigen.kron(List.of(new double[] {4, 5})), 0);
        assertEquals("the Kronecker product has length 12 but the output has 11",
                assertThrows(IllegalArgumentException.class, () -> KroneckerEigen.kron(List.of(a, b, c), new double[11]))
                        .getMessage());
    }

    @Test
    void badFactorsAreRefusedNamingTheFactor() {
        DenseMatrix asym = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals("factor 2 is not symmetric: factor 2(1, 2) = 2.0 but factor 2(2, 1) = 3.0",
                assertThrows(IllegalArgumentException.class,
                        () -> KroneckerEigen.of(DenseMatrix.of(new double[][] {{1}}), asym)).getMessage());
        assertEquals("factor 1 needs a square matrix, got 2×3 (an eigendecomposition needs square factors)",
                assertThrows(IllegalArgumentException.class, () -> KroneckerEigen.of(DenseMatrix.zeros(2, 3))).getMessage());
        assertEquals("factor 1(1, 1) = NaN in row 1 is not finite",
                assertThrows(IllegalArgumentException.class,
                        () -> KroneckerEigen.of(DenseMatrix.of(new double[][] {{Double.NaN}}))).getMessage());
        assertEquals("a Kronecker eigendecomposition needs at least one factor",
                assertThrows(IllegalArgumentException.class, () -> KroneckerEigen.of(List.of())).getMessage());
    }
}
