package org.sparrow.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sparrow.core.CscMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.FormatsTestSupport;
import org.sparrow.core.ops.Triangular.DiagonalKind;
import org.sparrow.core.ops.Triangular.Part;

/**
 * {@link Triangular}: every triangle, diagonal kind, format and orientation against a dense
 * substitution on seeded random matrices of odd sizes; the other triangle of the matrix is present
 * and must be ignored, and with a unit diagonal some diagonal entries are not stored at all.
 */
class TriangularTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (int n : new int[] {1, 13, 207}) {
            for (Part part : Part.values()) {
                for (DiagonalKind kind : DiagonalKind.values()) {
                    for (boolean transpose : new boolean[] {false, true}) {
                        s.add(Arguments.of(n, part, kind, transpose));
                    }
                }
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "n={0} {1} {2} transposed={3}")
    @MethodSource("cases")
    void triangularSolvesMatchDenseSubstitutionInCsrAndCsc(int n, Part part, DiagonalKind kind, boolean transpose) {
        Random rnd = new Random(31L * n + 7L * part.ordinal() + 3L * kind.ordinal() + (transpose ? 1 : 0));
        double[][] a = randomSquare(rnd, n, kind == DiagonalKind.UNIT);
        double[] b = FormatsTestSupport.randomVector(rnd, n);
        double[] expected = denseSolve(a, n, part, kind, transpose, b);
        CsrMatrix csr = FormatsTestSupport.csrOfNonzeros(a, n);
        CscMatrix csc = csr.toCsc();

        double[] x = FormatsTestSupport.nans(n); // junk on entry must not matter
        if (transpose) {
            Triangular.solveTranspose(csr, part, kind, b, x);
        } else {
            Triangular.solve(csr, part, kind, b, x);
        }
        assertClose(expected, x, "CSR");

        double[] y = b.clone(); // in place: x may be b
        if (transpose) {
            Triangular.solveTranspose(csc, part, kind, y, y);
        } else {
            Triangular.solve(csc, part, kind, y, y);
        }
        assertClose(expected, y, "CSC");

        // an unsorted CSR gives the same result (the facade sorts it)
        double[] z = new double[n];
        CsrMatrix shuffled = FormatsTestSupport.shuffledRows(csr, new Random(n));
        if (transpose) {
            Triangular.solveTranspose(shuffled, part, kind, b, z);
        } else {
            Triangular.solve(shuffled, part, kind, b, z);
        }
        assertArrayEquals(x, z, "unsorted CSR");
    }

    @Test
    void csrKernelsAreTheCscKernelsOnTheTransposedProblem() {
        Random rnd = new Random(5);
        int n = 13;
        double[][] a = randomSquare(rnd, n, false);
        CsrMatrix csr = FormatsTestSupport.csrOfNonzeros(a, n);
        CscMatrix cscOfTranspose = csr.transpose().toCsc(); // its CSC arrays hold Aᵀ column by column = A row by row
        double[] b = FormatsTestSupport.randomVector(rnd, n);
        int[] ap = csr.rowPointers();
        int[] aj = csr.columnIndices();
        double[] ax = csr.values();
        int[] diag = Triangular.diagonalPositions(n, ap, aj, ax, "test", true);
        double[] d = Triangular.diagonal(ax, diag);
        double[] x1 = b.clone();
        Triangular.lsolveCsr(n, ap, aj, ax, diag, d, x1);
        double[] x2 = b.clone();
        Triangular.solveTranspose(cscOfTranspose, Part.UPPER, DiagonalKind.STORED, b, x2); // (Aᵀ upper)ᵀ = A lower
        assertArrayEquals(x1, x2, "L·x = b in CSR is Uᵀ·x = b on the same arrays read as CSC");
    }

    @Test
    void missingOrZeroDiagonalIsReportedWithItsOneBasedRow() {
        // row 2 (0-based 1) stores no diagonal entry
        CsrMatrix a = new CsrMatrix(3, 3, new int[] {0, 1, 2, 4}, new int[] {0, 0, 1, 2}, new double[] {2, 1, 1, 3});
        refused(() -> Triangular.solve(a, Part.LOWER, DiagonalKind.STORED, new double[3], new double[3]),
                "row 2 stores no diagonal entry A(2, 2)");
        refused(() -> Triangular.solveTranspose(a.toCsc(), Part.UPPER, DiagonalKind.STORED, new double[3], new double[3]),
                "row 2 stores no diagonal entry");
        // row 2 stores a zero diagonal entry
        CsrMatrix z = new CsrMatrix(3, 3, new int[] {0, 1, 3, 4}, new int[] {0, 0, 1, 2}, new double[] {2, 1, 0.0, 3});
        refused(() -> Triangular.solveTranspose(z, Part.LOWER, DiagonalKind.STORED, new double[3], new double[3]),
                "A(2, 2) in row 2 is zero");
        // a unit diagonal need not be stored: L = [1 0 0; 1 1 0; 0 1 1]
        double[] x = new double[3];
        Triangular.solve(a, Part.LOWER, DiagonalKind.UNIT, new double[] {1, 2, 3}, x);
        assertArrayEquals(new double[] {1, 1, 2}, x);
    }

    private static void refused(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void wrongShapesAndLengthsAreRefusedWithBothSizes() {
        CsrMatrix wide = new CsrMatrix(2, 3, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 1});
        refused(() -> Triangular.solve(wide, Part.LOWER, DiagonalKind.UNIT, new double[2], new double[2]), "2×3");
        CsrMatrix id = CsrMatrix.identity(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Triangular.solve(id, Part.UPPER, DiagonalKind.STORED, new double[2], new double[3]));
        assertEquals("b has length 2 but A is 3×3, so it needs length 3 (its order)", e.getMessage());
    }

    // ---- oracle --------------------------------------------------------------------------------

    /**
     * A random n×n matrix, both triangles, about 4 off-diagonal entries a row of magnitude ≤ 1/2, a
     * diagonal of magnitude in [2, 4] (with {@code dropSomeDiagonal}, about a fifth of it not stored).
     */
    static double[][] randomSquare(Random rnd, int n, boolean dropSomeDiagonal) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 4; t++) {
                int j = rnd.nextInt(n);
                if (j != i) {
                    a[i][j] = rnd.nextDouble() - 0.5;
                }
            }
            double d = (2 + 2 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            a[i][i] = dropSomeDiagonal && rnd.nextInt(5) == 0 ? 0.0 : d;
        }
        return a;
    }

    /** Dense forward or back substitution with the triangle of a (transposed first when asked). */
    static double[] denseSolve(double[][] a, int n, Part part, DiagonalKind kind, boolean transpose, double[] b) {
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean in = part == Part.LOWER ? j <= i : j >= i;
                double v = !in ? 0.0 : i == j && kind == DiagonalKind.UNIT ? 1.0 : a[i][j];
                if (transpose) {
                    t[j][i] = v;
                } else {
                    t[i][j] = v;
                }
            }
        }
        boolean lower = (part == Part.LOWER) != transpose;
        double[] x = new double[n];
        for (int s = 0; s < n; s++) {
            int i = lower ? s : n - 1 - s;
            double sum = b[i];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum -= t[i][j] * x[j]; // the unknowns not yet solved are still 0
                }
            }
            x[i] = sum / t[i][i];
        }
        return x;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0.0);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-12 * (1 + scale),
                    what + ": x[" + i + "] = " + actual[i] + ", expected " + expected[i]);
        }
    }
}
